/**
 * The mail flows in a real browser: forgot password → the link from the mail → a new password → sign in with
 * it; and a beheerder invites an e-mail address → the link from the mail → accept → signed in and member.
 * This file runs its own app with an outbox in a temporary folder (not the shared .data/outbox), so the
 * mails read here are this test's only. Role-based locators; no retries, no sleeps.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { seriousAxeViolations } from '../support/axe.js';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, mailQueueOf } from '../../src/server/http/app.js';
import { OutboxMailer, readOutbox, type OutboxMail } from '../../src/server/mail/outbox-mailer.js';
import { DEMO_PASSWORD, seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import { FORGOT_PASSWORD_ANSWER, RESET_INVALID_MESSAGE } from '../../src/server/use-cases/auth/password-reset.js';
import { linkTokenOf, TEST_PUBLIC_URL } from '../support/accounts.js';
import { assertBrowserReadyInCi, browserReady, CLIENT_DIR, launchBrowser } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

assertBrowserReadyInCi();

describe.skipIf(!browserReady)('accounts in the browser: password reset and invitations by e-mail', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let url: string;
  let outboxDir: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    outboxDir = await fs.mkdtemp(path.join(os.tmpdir(), 'doorlopend-browser-outbox-'));
    database = await createTestDatabase();
    await seedDemoOrganisations(database.db);
    app = await buildApp({
      db: database.db,
      clientDir: CLIENT_DIR,
      mailer: new OutboxMailer(outboxDir),
      publicUrl: TEST_PUBLIC_URL,
      onMailError: (err) => {
        throw err;
      },
    });
    [url, browser] = await Promise.all([app.listen({ port: 0, host: '127.0.0.1' }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.destroy();
    if (outboxDir) await fs.rm(outboxDir, { recursive: true, force: true });
  });

  async function newPage(): Promise<Page> {
    context = await browser.newContext({ locale: 'nl-NL' });
    const p = await context.newPage();
    p.on('pageerror', (error) => pageErrors.push(error.message));
    return p;
  }
  beforeEach(async () => {
    pageErrors = [];
    page = await newPage();
  });
  afterEach(async () => {
    await context?.close();
    expect(pageErrors, 'JavaScript errors in the page').toEqual([]);
  });

  /** The mails sent so far (waits until the queue has written them). */
  async function outbox(): Promise<OutboxMail[]> {
    await mailQueueOf(app).idle();
    return readOutbox(outboxDir);
  }
  /** The link of the newest mail to `to`, pointed at this test's server (the mail names PUBLIC_URL). */
  async function linkIn(to: string, pathname: string): Promise<string> {
    const mail = (await outbox()).filter((m) => m.to === to).at(-1);
    if (!mail) throw new Error(`no mail to ${to}`);
    return `${url}${pathname}#token=${linkTokenOf(mail, pathname)}`;
  }

  const h1 = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  const focusedH1 = (name: string | RegExp) => page.locator('h1:focus').filter({ hasText: name });
  const main = () => page.getByRole('main');
  const banner = () => page.getByRole('banner');
  const isFocused = (locator: ReturnType<Page['getByRole']>) => locator.evaluate((el) => el === document.activeElement);
  async function expectAccessible(what: string) {
    const serious = await seriousAxeViolations(page);
    expect(serious, `axe on ${what}`).toEqual([]);
  }
  async function signInWithForm(email: string, password: string): Promise<number> {
    const form = page.getByRole('form', { name: 'Inloggen' });
    await form.getByRole('textbox', { name: 'E-mailadres' }).fill(email);
    await form.getByLabel('Wachtwoord', { exact: true }).fill(password);
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/login'),
      form.getByRole('button', { name: 'Inloggen' }).click(),
    ]);
    return response.status();
  }

  it('resets a forgotten password with the link from the mail and signs in with the new one', async () => {
    const email = 'docent@vmbo.demo';
    const nieuw = 'een lange nieuwe zin 2026';

    await page.goto(`${url}/inloggen`);
    await h1('Inloggen').waitFor();
    await main().getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await focusedH1('Wachtwoord vergeten').waitFor();
    expect(new URL(page.url()).pathname).toBe('/wachtwoord-vergeten');
    expect(await page.title()).toBe('Wachtwoord vergeten – Doorlopend');
    await expectAccessible('forgot-password page');

    // Checked before anything is sent.
    const form = main().getByRole('form', { name: 'Wachtwoord vergeten' });
    await form.getByRole('button', { name: 'Link aanvragen' }).click();
    await form.getByText('Vul uw e-mailadres in.').waitFor();
    expect(await isFocused(form.getByRole('textbox', { name: 'E-mailadres' }))).toBe(true);

    await form.getByRole('textbox', { name: 'E-mailadres' }).fill(email);
    await form.getByRole('button', { name: 'Link aanvragen' }).click();
    await main().locator(':focus').getByRole('status').filter({ hasText: FORGOT_PASSWORD_ANSWER }).waitFor();
    await expectAccessible('forgot-password confirmation');

    // An address without an account gets the very same answer, and no mail.
    await page.goto(`${url}/wachtwoord-vergeten`);
    await main().getByRole('textbox', { name: 'E-mailadres' }).fill('niemand@vmbo.demo');
    await main().getByRole('button', { name: 'Link aanvragen' }).click();
    await main().getByRole('status').filter({ hasText: FORGOT_PASSWORD_ANSWER }).waitFor();
    expect((await outbox()).map((m) => m.to)).toEqual([email]);

    // Open the link from the mail; the page takes the token out of the address bar.
    const link = await linkIn(email, '/wachtwoord-herstellen');
    await page.goto(link);
    await h1('Nieuw wachtwoord kiezen').waitFor();
    await page.waitForURL((u) => u.hash === '');
    expect(new URL(page.url()).pathname).toBe('/wachtwoord-herstellen');
    await expectAccessible('reset-password page');

    // The client checks the length and the repetition, with messages tied to the fields.
    const reset = main().getByRole('form', { name: 'Nieuw wachtwoord kiezen' });
    const password = reset.getByLabel('Nieuw wachtwoord', { exact: true });
    const repeat = reset.getByLabel('Herhaal het nieuwe wachtwoord');
    await password.fill('te-kort');
    await repeat.fill('te-kort');
    await reset.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await reset.getByText('Het wachtwoord moet minstens 12 tekens hebben; dit zijn er 7.').waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    expect(await password.getAttribute('aria-describedby')).toContain('herstel-wachtwoord-error');
    expect(await isFocused(password)).toBe(true);
    await password.fill(nieuw);
    await repeat.fill(`${nieuw}!`);
    await reset.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await reset.getByText('De twee wachtwoorden zijn niet gelijk.', { exact: false }).waitFor();
    expect(await isFocused(repeat)).toBe(true);
    await expectAccessible('reset-password page with errors');

    await repeat.fill(nieuw);
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/wachtwoord-herstellen'),
      reset.getByRole('button', { name: 'Wachtwoord opslaan' }).click(),
    ]);
    expect(response.status()).toBe(204);
    await main().locator(':focus').getByRole('status').filter({ hasText: 'Uw wachtwoord is gewijzigd' }).waitFor();
    await expectAccessible('reset-password success');

    // The old password no longer works, the new one does.
    await main().getByRole('link', { name: 'Naar inloggen' }).click();
    await focusedH1('Inloggen').waitFor();
    expect(await signInWithForm(email, DEMO_PASSWORD)).toBe(401);
    expect(await signInWithForm(email, nieuw)).toBe(200);
    await focusedH1('Mijn organisaties').waitFor();
    await banner().getByRole('button', { name: /Daan Docent/ }).waitFor();

    // The link is single use: a second time it answers with the generic problem detail.
    await page.goto(link);
    await h1('Nieuw wachtwoord kiezen').waitFor();
    await main().getByLabel('Nieuw wachtwoord', { exact: true }).fill('nog een andere lange zin');
    await main().getByLabel('Herhaal het nieuwe wachtwoord').fill('nog een andere lange zin');
    await main().getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await main().locator(':focus').getByRole('alert').filter({ hasText: RESET_INVALID_MESSAGE }).waitFor();
    await main().getByRole('link', { name: 'Nieuwe link aanvragen' }).waitFor();

    // Without a token the page says so instead of showing a form.
    await page.goto(`${url}/wachtwoord-herstellen`);
    await h1('Nieuw wachtwoord kiezen').waitFor();
    await main().getByRole('alert').filter({ hasText: 'Deze link is niet compleet' }).waitFor();
    expect(await main().getByRole('form').count()).toBe(0);
  });

  it('lets a beheerder invite an address; the invitee accepts, is signed in and sees the organisation', async () => {
    const email = 'nina.nieuw@vmbo.demo';

    await page.goto(`${url}/inloggen`);
    expect(await signInWithForm('beheerder@vmbo.demo', DEMO_PASSWORD)).toBe(200);
    await focusedH1('Mijn organisaties').waitFor();
    await main().getByRole('link', { name: 'Demo Vmbo College' }).click();
    await focusedH1('Demo Vmbo College').waitFor();

    const form = main().getByRole('form', { name: 'Uitnodigen' });
    await form.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await form.getByText('Vul het e-mailadres in van wie u wilt uitnodigen.').waitFor();
    await form.getByRole('textbox', { name: 'E-mailadres' }).fill(email);
    await form.getByRole('combobox', { name: 'Rol' }).selectOption('ontwikkelaar');
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/uitnodigingen')),
      form.getByRole('button', { name: 'Uitnodiging versturen' }).click(),
    ]);
    expect(response.status()).toBe(202);
    expect(response.request().headers()['x-csrf-token']).toBeTruthy();
    await form.getByRole('status').filter({ hasText: `Uitnodiging verstuurd naar ${email} als ontwikkelaar/docent.` }).waitFor();
    // Not a member until accepted.
    expect(await main().getByRole('table', { name: 'Leden' }).getByRole('rowheader', { name: 'Nina Nieuw' }).count()).toBe(0);
    await main().getByRole('table', { name: 'Auditlog' }).getByRole('row', { name: /Bea Beheerder.*Uitnodiging verstuurd/ }).waitFor();
    await expectAccessible('organisation page with the invitation form');

    const link = await linkIn(email, '/uitnodiging-accepteren');

    // The invitee, in a browser of their own.
    await context.close();
    page = await newPage();
    await page.goto(link);
    await h1('Uitnodiging aannemen').waitFor();
    await page.waitForURL((u) => u.hash === '');
    expect(await page.title()).toBe('Uitnodiging aannemen – Doorlopend');
    await expectAccessible('accept-invitation page');

    const accept = main().getByRole('form', { name: 'Uitnodiging aannemen' });
    await accept.getByRole('button', { name: 'Uitnodiging aannemen' }).click();
    await accept.getByText('Vul een wachtwoord in.').waitFor();
    expect(await isFocused(accept.getByLabel('Wachtwoord', { exact: true }))).toBe(true);

    // A new account without a name and with a too short password: the server's field errors are shown at the fields
    // (the name is only asked of a new account: the server knows which it is).
    await accept.getByLabel('Wachtwoord', { exact: true }).fill('kort');
    await accept.getByRole('button', { name: 'Uitnodiging aannemen' }).click();
    await main().locator(':focus').getByRole('alert').waitFor();
    await accept.getByText('Het wachtwoord moet minstens 12 tekens hebben.').waitFor();
    await accept.getByText('Vul uw naam in: u krijgt een nieuw account.').waitFor();
    await expectAccessible('accept-invitation page with errors');

    await accept.getByRole('textbox', { name: 'Uw naam' }).fill('Nina Nieuw');
    await accept.getByLabel('Wachtwoord', { exact: true }).fill('nina haar lange wachtwoord');
    await accept.getByRole('button', { name: 'Uitnodiging aannemen' }).click();
    await focusedH1('Mijn organisaties').waitFor();
    expect(new URL(page.url()).pathname).toBe('/organisaties');
    await banner().getByRole('button', { name: /Nina Nieuw/ }).waitFor();
    await main().getByRole('link', { name: 'Demo Vmbo College' }).click();
    await focusedH1('Demo Vmbo College').waitFor();
    await main().getByRole('definition').filter({ hasText: 'ontwikkelaar/docent' }).waitFor();
    expect(await main().getByRole('form', { name: 'Uitnodigen' }).count()).toBe(0);
  });

  it('lets an existing account accept while signed in, without a password; an unknown address gets the same answer', async () => {
    await page.goto(`${url}/inloggen`);
    expect(await signInWithForm('beheerder@vmbo.demo', DEMO_PASSWORD)).toBe(200);
    await focusedH1('Mijn organisaties').waitFor();
    await main().getByRole('link', { name: 'Demo Vmbo College' }).click();
    await focusedH1('Demo Vmbo College').waitFor();
    // Roos has an account, the other address has none: the beheerder sees the same answer.
    const form = main().getByRole('form', { name: 'Uitnodigen' });
    for (const email of ['docent@roc.demo', 'onbekend@roc.demo']) {
      await form.getByRole('textbox', { name: 'E-mailadres' }).fill(email);
      await form.getByRole('combobox', { name: 'Rol' }).selectOption('decaan');
      await form.getByRole('button', { name: 'Uitnodiging versturen' }).click();
      await form.getByRole('status').filter({ hasText: `Uitnodiging verstuurd naar ${email} als decaan/LOB.` }).waitFor();
    }
    expect(await main().getByRole('table', { name: 'Leden' }).getByRole('rowheader', { name: 'Roos Docent' }).count()).toBe(0);
    const link = await linkIn('docent@roc.demo', '/uitnodiging-accepteren');

    // Roos, signed in in a browser of her own, opens the link and accepts with her session.
    await context.close();
    page = await newPage();
    await page.goto(`${url}/inloggen`);
    expect(await signInWithForm('docent@roc.demo', DEMO_PASSWORD)).toBe(200);
    await focusedH1('Mijn organisaties').waitFor();
    await page.goto(link);
    await h1('Uitnodiging aannemen').waitFor();
    const mine = main().getByRole('form', { name: 'Uitnodiging aannemen met mijn account' });
    await mine.getByText('U bent ingelogd als Roos Docent (docent@roc.demo).').waitFor();
    await expectAccessible('accept-invitation page, signed in');
    await mine.getByRole('button', { name: 'Aannemen als Roos Docent' }).click();
    await focusedH1('Mijn organisaties').waitFor();
    await main().getByRole('link', { name: 'Demo Vmbo College' }).click();
    await focusedH1('Demo Vmbo College').waitFor();
    await main().getByRole('definition').filter({ hasText: 'decaan/LOB' }).waitFor();

    // The same link again: used.
    await page.goto(link);
    await main().getByRole('form', { name: 'Uitnodiging aannemen met mijn account' }).getByRole('button', { name: 'Aannemen als Roos Docent' }).click();
    await main().locator(':focus').getByRole('alert').filter({ hasText: 'Deze uitnodiging is ongeldig, al gebruikt of verlopen.' }).waitFor();
  });
});
