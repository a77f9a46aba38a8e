/**
 * "Mijn account" in a real browser (issue 4, AVG): reached from the account menu, the download of the
 * own data, and deleting the account (wrong password, the last beheerder refused, then gone for good).
 * Role-based locators; no retries, no sleeps.
 */
import fs from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MijnGegevens } from '../../src/shared/account-api.js';
import { DEMO_PASSWORD, seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import { assertBrowserReadyInCi, browserReady, type TestApp } from '../support/app.js';
import { browserSession } from '../support/browser-session.js';

assertBrowserReadyInCi();

describe.skipIf(!browserReady)('Mijn account in the browser: export and deletion of the own data', () => {
  const session = browserSession('demo');
  beforeAll(async () => {
    await seedDemoOrganisations(session.app.database.db);
  });
  const { expectAccessible } = session;
  let app: TestApp;
  let page: Page;
  beforeEach(() => {
    ({ app, page } = session);
  });
  const main = () => page.getByRole('main');
  const banner = () => page.getByRole('banner');
  const focusedH1 = (name: string) => page.locator('h1:focus').filter({ hasText: name });

  async function signIn(email: string, terug = '/account') {
    await page.goto(`${app.url}/inloggen?terug=${encodeURIComponent(terug)}`);
    const form = main().getByRole('form', { name: 'Inloggen' });
    await form.getByRole('textbox', { name: 'E-mailadres' }).fill(email);
    await form.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await form.getByRole('button', { name: 'Inloggen' }).click();
  }

  it('reaches Mijn account from the menu, downloads the own data, and deletes the account', async () => {
    await signIn('docent@vmbo.demo', '/organisaties');
    await focusedH1('Mijn organisaties').waitFor();
    await banner().getByRole('button', { name: /Daan Docent/ }).click();
    await banner().getByRole('link', { name: 'Mijn account' }).click();
    await focusedH1('Mijn account').waitFor();
    expect(await page.title()).toBe('Mijn account – Doorlopend');
    await main().getByRole('definition').filter({ hasText: 'docent@vmbo.demo' }).waitFor();
    await main().getByRole('definition').filter({ hasText: 'Demo Vmbo College (ontwikkelaar/docent)' }).waitFor();
    await main().getByText(/in samenwerkingen 0 beoordelingen van koppelingen en 0 wijzigingen in leerroutes\.$/).waitFor();
    const form = main().getByRole('form', { name: 'Account verwijderen' });
    await form.getByLabel('Uw wachtwoord, ter bevestiging').waitFor();
    await expectAccessible('Mijn account');

    // The download: a JSON file with my data.
    const [download] = await Promise.all([page.waitForEvent('download'), main().getByRole('link', { name: 'Download mijn gegevens (JSON)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^doorlopend-mijn-gegevens-\d{4}-\d{2}-\d{2}\.json$/);
    const data = MijnGegevens.parse(JSON.parse(await fs.readFile((await download.path())!, 'utf8')));
    expect(data.account.email).toBe('docent@vmbo.demo');
    expect(data.lidmaatschappen.map((l) => l.organisatieNaam)).toEqual(['Demo Vmbo College']);

    // A wrong password: refused, the message is focused, nothing deleted.
    await form.getByLabel('Uw wachtwoord, ter bevestiging').fill('niet-mijn-wachtwoord');
    await form.getByRole('button', { name: 'Account definitief verwijderen' }).click();
    await form.locator(':focus').getByRole('alert').filter({ hasText: 'Het wachtwoord klopt niet. Uw account is niet verwijderd.' }).waitFor();
    await expectAccessible('Mijn account with an error');

    await form.getByLabel('Uw wachtwoord, ter bevestiging').fill(DEMO_PASSWORD);
    await form.getByRole('button', { name: 'Account definitief verwijderen' }).click();
    await focusedH1('Inloggen').waitFor();
    await main().getByText('Uw account is verwijderd. U bent overal uitgelogd.').waitFor();
    await banner().getByRole('link', { name: 'Inloggen' }).waitFor();

    // Gone: signing in again fails.
    const login = main().getByRole('form', { name: 'Inloggen' });
    await login.getByRole('textbox', { name: 'E-mailadres' }).fill('docent@vmbo.demo');
    await login.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await login.getByRole('button', { name: 'Inloggen' }).click();
    await main().getByRole('alert').filter({ hasText: 'Het e-mailadres of het wachtwoord klopt niet.' }).waitFor();
  });

  it('refuses the last beheerder of an organisation with a clear message', async () => {
    await signIn('beheerder@vmbo.demo');
    await focusedH1('Mijn account').waitFor();
    const form = main().getByRole('form', { name: 'Account verwijderen' });
    await form.getByLabel('Uw wachtwoord, ter bevestiging').fill(DEMO_PASSWORD);
    await form.getByRole('button', { name: 'Account definitief verwijderen' }).click();
    await form.locator(':focus').getByRole('alert').filter({ hasText: 'U bent de enige beheerder van Demo Vmbo College.' }).waitFor();
    await banner().getByRole('button', { name: /Bea Beheerder/ }).waitFor();
    await expectAccessible('Mijn account, last beheerder refused');
  });
});
