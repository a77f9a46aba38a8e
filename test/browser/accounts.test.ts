/**
 * Accounts in a real browser (issue 4): sign in, the account menu, an organisation with its members and
 * audit log, inviting (never adding directly: issue 10), signing out, wrong passwords and the rate limit, the walls between
 * organisations, and a platform beheerder inviting a beheerder into an organisation without one. The demo organisations and users are seeded into each fresh database.
 * Role-based locators; no retries, no sleeps.
 */
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Organisatie } from '../../src/shared/auth-api.js';
import { DEMO_PASSWORD, seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import { insertOrganisation } from '../../src/server/repositories/account-repository.js';
import { asUser, signIn } from '../support/accounts.js';
import { assertBrowserReadyInCi, browserReady, type TestApp } from '../support/app.js';
import { browserSession, type BrowserSession } from '../support/browser-session.js';

assertBrowserReadyInCi();

/** The browser session plus the demo organisations and users in its database. */
function accountsSession(): BrowserSession {
  const session = browserSession('demo');
  beforeAll(async () => {
    await seedDemoOrganisations(session.app.database.db);
  });
  return session;
}

function helpers(getPage: () => Page) {
  const page = () => getPage();
  return {
    h1: (name: string | RegExp) => page().getByRole('heading', { level: 1, name }),
    focusedH1: (name: string | RegExp) => page().locator('h1:focus').filter({ hasText: name }),
    main: () => page().getByRole('main'),
    banner: () => page().getByRole('banner'),
    /** Fills and submits the sign-in form; resolves with the status of POST /api/auth/login. */
    async signInWithForm(email: string, password: string): Promise<number> {
      const form = page().getByRole('form', { name: 'Inloggen' });
      await form.getByRole('textbox', { name: 'E-mailadres' }).fill(email);
      await form.getByLabel('Wachtwoord').fill(password);
      const [response] = await Promise.all([
        page().waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/login'),
        form.getByRole('button', { name: 'Inloggen' }).click(),
      ]);
      return response.status();
    },
  };
}

describe.skipIf(!browserReady)('accounts in the browser: sign in, organisation management, sign out', () => {
  const session = accountsSession();
  const { expectAccessible } = session;
  let app: TestApp;
  let page: Page;
  beforeEach(() => {
    ({ app, page } = session);
  });
  const { h1, focusedH1, main, banner, signInWithForm } = helpers(() => page);

  it('signs in a beheerder, invites (no direct adding), shows it in the audit log and signs out', async () => {
    // A private page sends an anonymous visitor to the sign-in page, which remembers where to go back to.
    await page.goto(`${app.url}/organisaties`);
    await h1('Inloggen').waitFor();
    expect(new URL(page.url()).pathname).toBe('/inloggen');
    expect(new URL(page.url()).searchParams.get('terug')).toBe('/organisaties');
    expect(await page.title()).toBe('Inloggen – Doorlopend');
    await banner().getByRole('link', { name: 'Inloggen' }).waitFor();
    await expectAccessible('sign-in page');

    expect(await signInWithForm('beheerder@vmbo.demo', DEMO_PASSWORD)).toBe(200);
    await focusedH1('Mijn organisaties').waitFor();
    expect(new URL(page.url()).pathname).toBe('/organisaties');
    expect(await page.title()).toBe('Mijn organisaties – Doorlopend');

    // The account menu: a disclosure button with the user's name, operable with the keyboard.
    const menuButton = banner().getByRole('button', { name: /Bea Beheerder/ });
    expect(await menuButton.getAttribute('aria-expanded')).toBe('false');
    await menuButton.focus();
    await page.keyboard.press('Enter');
    expect(await menuButton.getAttribute('aria-expanded')).toBe('true');
    await banner().getByRole('link', { name: 'Mijn organisaties' }).waitFor();
    await banner().getByRole('button', { name: 'Uitloggen' }).waitFor();
    await page.keyboard.press('Escape');
    expect(await menuButton.getAttribute('aria-expanded')).toBe('false');
    expect(await menuButton.evaluate((el) => el === document.activeElement)).toBe(true);
    await banner().getByRole('link', { name: 'Mijn organisaties' }).waitFor({ state: 'hidden' });

    // Open the organisation: details, members and audit log.
    await main().getByRole('table', { name: 'Mijn organisaties' }).getByRole('row', { name: /beheerder/ }).waitFor();
    await main().getByRole('link', { name: 'Demo Vmbo College' }).click();
    await focusedH1('Demo Vmbo College').waitFor();
    expect(await page.title()).toBe('Demo Vmbo College – Doorlopend');
    await main().getByRole('definition').filter({ hasText: '99XX' }).waitFor();
    const leden = main().getByRole('table', { name: 'Leden' });
    for (const naam of ['Bea Beheerder', 'Daan Docent', 'Lars Leerling']) await leden.getByRole('rowheader', { name: naam }).waitFor();
    expect(await leden.getByRole('rowheader', { name: 'Roos Docent' }).count()).toBe(0);
    // The log holds the demo's worked example of the joint exam (Bea made its group and invited Lars); an empty log is
    // shown on the region's page (the next test).
    await main().getByRole('table', { name: 'Auditlog' }).getByRole('row', { name: /Bea Beheerder.*Uitnodiging verstuurd.*rol: leerling/ }).waitFor();
    await expectAccessible('organisation page (beheerder)');

    // There is no form to add an existing account directly: only an invitation.
    expect(await main().getByRole('form', { name: 'Lid toevoegen' }).count()).toBe(0);
    const form = main().getByRole('form', { name: 'Uitnodigen' });
    // An address with an account (Roos) and one without: the same answer; nobody is added.
    for (const email of ['docent@roc.demo', 'niemand@vmbo.demo']) {
      await form.getByRole('textbox', { name: 'E-mailadres' }).fill(email);
      await form.getByRole('combobox', { name: 'Rol' }).selectOption('ontwikkelaar');
      await form.getByRole('button', { name: 'Uitnodiging versturen' }).click();
      await form.getByRole('status').filter({ hasText: `Uitnodiging verstuurd naar ${email} als ontwikkelaar/docent.` }).waitFor();
    }
    const audit = main().getByRole('table', { name: 'Auditlog' });
    await audit.getByRole('row', { name: /Bea Beheerder.*Uitnodiging verstuurd.*rol: ontwikkelaar/ }).first().waitFor();
    expect(await audit.getByRole('row', { name: /Uitnodiging verstuurd.*rol: ontwikkelaar/ }).count()).toBe(2);
    // Besides the two of this test only the demo's invitation of Lars (rol leerling).
    expect(await audit.getByRole('row', { name: /Uitnodiging verstuurd/ }).count()).toBe(3);
    expect(await leden.getByRole('rowheader', { name: 'Roos Docent' }).count()).toBe(0);

    // A role the member already has: the 409 problem detail is shown in an alert that receives focus.
    await form.getByRole('textbox', { name: 'E-mailadres' }).fill('docent@vmbo.demo');
    await form.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    const conflict = 'docent@vmbo.demo heeft de rol ontwikkelaar al in deze organisatie.';
    await form.locator(':focus').getByRole('alert').filter({ hasText: conflict }).waitFor();
    await expectAccessible('organisation page with errors');

    // Sign out through the account menu.
    await menuButton.click();
    await banner().getByRole('button', { name: 'Uitloggen' }).click();
    await focusedH1('Inloggen').waitFor();
    await main().getByText('U bent uitgelogd.').waitFor();
    await banner().getByRole('link', { name: 'Inloggen' }).waitFor();
    expect(await banner().getByRole('button', { name: /Bea Beheerder/ }).count()).toBe(0);

    // The session has really ended: the private page asks to sign in again.
    await page.goto(`${app.url}/organisaties`);
    await h1('Inloggen').waitFor();
  });

  it('says so when nothing has changed in an organisation yet (the demo region)', async () => {
    const regio = (await app.database.db.selectFrom('organisation').select('id').where('naam', '=', 'Demo Regio Techniek').executeTakeFirstOrThrow()).id;
    await page.goto(`${app.url}/inloggen?terug=${encodeURIComponent(`/organisaties/${regio}`)}`);
    expect(await signInWithForm('beheerder@regio.demo', DEMO_PASSWORD)).toBe(200);
    await focusedH1('Demo Regio Techniek').waitFor();
    await main().getByRole('table', { name: 'Leden' }).getByRole('rowheader', { name: 'Rianne Regio' }).waitFor();
    await main().getByText('Er is nog niets gewijzigd.').waitFor();
    expect(await main().getByRole('table', { name: 'Auditlog' }).count()).toBe(0);
    await expectAccessible('organisation page with an empty audit log');
    await page.context().clearCookies();
  });

  it('shows a wrong password in an alert and the rate limit message after five failures', async () => {
    await page.goto(`${app.url}/inloggen`);
    await h1('Inloggen').waitFor();

    // Empty fields are checked before anything is sent.
    await main().getByRole('form', { name: 'Inloggen' }).getByRole('button', { name: 'Inloggen' }).click();
    await main().getByText('Vul uw e-mailadres in.').waitFor();
    expect(await main().getByRole('textbox', { name: 'E-mailadres' }).evaluate((el) => el === document.activeElement)).toBe(true);

    expect(await signInWithForm('docent@vmbo.demo', 'fout-wachtwoord')).toBe(401);
    // The message is announced (role alert) and receives focus.
    await main().locator(':focus').getByRole('alert').filter({ hasText: 'Het e-mailadres of het wachtwoord klopt niet.' }).waitFor();
    expect(await main().getByLabel('Wachtwoord').inputValue()).toBe('');
    await expectAccessible('sign-in page with an error');

    for (let attempt = 2; attempt <= 5; attempt++) expect(await signInWithForm('docent@vmbo.demo', 'fout-wachtwoord')).toBe(401);
    // The sixth attempt, even with the right password, is refused with the retry message of the problem detail.
    expect(await signInWithForm('docent@vmbo.demo', DEMO_PASSWORD)).toBe(429);
    // The account is locked for a minute after the fifth failure (growing with further failures).
    await main().getByRole('alert').filter({ hasText: /Te veel mislukte pogingen\. Probeer het over (1 minuut|\d+ minuten) opnieuw\./ }).waitFor();
    await banner().getByRole('link', { name: 'Inloggen' }).waitFor();
  });
});

describe.skipIf(!browserReady)('accounts in the browser: the walls between organisations', () => {
  const session = accountsSession();
  const { expectAccessible } = session;
  let app: TestApp;
  let page: Page;
  let vmboId: string;
  beforeAll(async () => {
    const beheerder = await signIn(session.app.app, 'beheerder@vmbo.demo');
    const res = await session.app.app.inject({ method: 'GET', url: '/api/organisations', headers: asUser(beheerder) });
    const vmbo = (res.json() as Organisatie[]).find((o) => o.naam === 'Demo Vmbo College');
    if (!vmbo) throw new Error('Demo Vmbo College not seeded');
    vmboId = vmbo.id;
  });
  beforeEach(() => {
    ({ app, page } = session);
  });
  const { h1, focusedH1, main, banner, signInWithForm } = helpers(() => page);

  it('refuses a user of another organisation with "Pagina niet gevonden"', async () => {
    await page.goto(`${app.url}/organisaties/${vmboId}`);
    await h1('Inloggen').waitFor();
    expect(new URL(page.url()).searchParams.get('terug')).toBe(`/organisaties/${vmboId}`);

    expect(await signInWithForm('docent@roc.demo', DEMO_PASSWORD)).toBe(200);
    await focusedH1('Pagina niet gevonden').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/organisaties/${vmboId}`);
    expect(await page.title()).toBe('Pagina niet gevonden – Doorlopend');
    expect(await main().getByText('Demo Vmbo College').count()).toBe(0);
    await banner().getByRole('button', { name: /Roos Docent/ }).waitFor();

    // The own organisations list only Demo ROC.
    await banner().getByRole('button', { name: /Roos Docent/ }).click();
    await banner().getByRole('link', { name: 'Mijn organisaties' }).click();
    await focusedH1('Mijn organisaties').waitFor();
    await main().getByRole('link', { name: 'Demo ROC' }).waitFor();
    expect(await main().getByRole('link', { name: 'Demo Vmbo College' }).count()).toBe(0);
  });

  it('shows a non-beheerder the organisation without member management', async () => {
    // The member list is not even asked for (no refused request in the console).
    const ledenGevraagd: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.endsWith('/leden')) ledenGevraagd.push(r.url());
    });
    await page.goto(`${app.url}/inloggen?terug=${encodeURIComponent(`/organisaties/${vmboId}`)}`);
    await h1('Inloggen').waitFor();
    expect(await signInWithForm('docent@vmbo.demo', DEMO_PASSWORD)).toBe(200);
    await focusedH1('Demo Vmbo College').waitFor();
    await main().getByRole('status').filter({ hasText: 'Alleen beheerders van Demo Vmbo College zien de leden en het auditlog' }).waitFor();
    expect(await main().getByRole('alert').count()).toBe(0);
    expect(await main().getByRole('form', { name: 'Lid toevoegen' }).count()).toBe(0);
    expect(await main().getByRole('table', { name: 'Leden' }).count()).toBe(0);
    expect(ledenGevraagd).toEqual([]);
    await expectAccessible('organisation page (ontwikkelaar)');
  });

  it('lets a platform beheerder invite a beheerder into an organisation without one (issue 10, finding 2)', async () => {
    await insertOrganisation(session.app.database.db, { naam: 'Zonder Baas College', soort: 'vmbo-school', brin: '98ZZ' });
    await page.goto(`${app.url}/inloggen?terug=${encodeURIComponent('/beheer/import')}`);
    await h1('Inloggen').waitFor();
    expect(await signInWithForm('beheerder@vmbo.demo', DEMO_PASSWORD)).toBe(200);
    await focusedH1('Catalogus: mbo-tabellen laden').waitFor();
    const section = main().getByRole('region', { name: 'Organisaties zonder beheerder' });
    const form = section.getByRole('form', { name: 'Beheerder uitnodigen voor Zonder Baas College' });
    await form.waitFor();
    // Demo Vmbo College, Demo ROC and Demo Regio Techniek (its demo beheerder, issue 15) have a beheerder.
    expect(await section.getByRole('form', { name: /Demo Vmbo College|Demo ROC|Demo Regio Techniek/ }).count()).toBe(0);
    await form.getByText('vmbo-school, BRIN-nummer 98ZZ, geen leden. Er staat geen uitnodiging als beheerder open.').waitFor();
    // Only the address: the role is always beheerder.
    expect(await form.getByRole('combobox', { name: 'Rol' }).count()).toBe(0);

    // Checked before anything is sent: the field gets the message and the focus.
    await form.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await form.getByText('Vul het e-mailadres in van wie u als beheerder van Zonder Baas College wilt uitnodigen.').waitFor();
    expect(await form.getByRole('textbox', { name: 'E-mailadres' }).evaluate((el) => el === document.activeElement)).toBe(true);

    await form.getByRole('textbox', { name: 'E-mailadres' }).fill('nieuwe.baas@zonderbaas.demo');
    await form.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await form.getByRole('status').filter({ hasText: 'Uitnodiging verstuurd naar nieuwe.baas@zonderbaas.demo als beheerder van Zonder Baas College.' }).waitFor();
    await form.getByText(/Er staat een uitnodiging als beheerder open \(geldig tot en met .+\)\./).waitFor();
    await expectAccessible('beheer page with organisations without a beheerder');
  });

  it('shows the organisations without a beheerder to platform beheerders only', async () => {
    await page.goto(`${app.url}/inloggen?terug=${encodeURIComponent('/beheer/import')}`);
    await h1('Inloggen').waitFor();
    expect(await signInWithForm('beheerder@roc.demo', DEMO_PASSWORD)).toBe(200);
    await focusedH1('Catalogus: mbo-tabellen laden').waitFor();
    await main().getByRole('status').filter({ hasText: 'alleen platformbeheerders' }).waitFor();
    expect(await main().getByRole('region', { name: 'Organisaties zonder beheerder' }).count()).toBe(0);
  });
});
