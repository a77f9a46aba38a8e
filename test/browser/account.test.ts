/**
 * "Mijn account" in a real browser (issue 4, AVG): reached from the account menu, the download of the
 * own data, deleting the account (wrong password, then gone for good), and leaving an organisation from
 * the account page or the organisation page, also as the last beheerder (issue 10).
 * Role-based locators; no retries, no sleeps.
 */
import fs from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MijnGegevens } from '../../src/shared/account-api.js';
import { DEMO_EXAMEN } from '../../src/server/demo/demo-examen.js';
import { DEMO_PASSWORD, seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
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
    // In samenwerkingen: no koppelingen; his changes in leerroutes are the demo's worked example (he made its route).
    const daan = (await app.database.db.selectFrom('app_user').select('id').where('email', '=', 'docent@vmbo.demo').executeTakeFirstOrThrow()).id;
    const wijzigingen = (await app.database.db.selectFrom('leerroute_historie').select('id').where('user_id', '=', daan).execute()).length;
    expect(wijzigingen).toBeGreaterThan(0);
    const zin = `in samenwerkingen 0 beoordelingen van koppelingen en ${wijzigingen} ${wijzigingen === 1 ? 'wijziging' : 'wijzigingen'} in leerroutes.`;
    await main().getByText(zin, { exact: false }).waitFor();
    const form = main().getByRole('form', { name: 'Account verwijderen' });
    await form.getByLabel('Uw wachtwoord, ter bevestiging').waitFor();
    await expectAccessible('Mijn account');

    // The download: a JSON file with my data.
    const [download] = await Promise.all([page.waitForEvent('download'), main().getByRole('link', { name: 'Download mijn gegevens (JSON)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^doorlopend-mijn-gegevens-\d{4}-\d{2}-\d{2}\.json$/);
    const data = MijnGegevens.parse(JSON.parse(await fs.readFile((await download.path())!, 'utf8')));
    expect(data.account.email).toBe('docent@vmbo.demo');
    expect(data.lidmaatschappen.map((l) => l.organisatieNaam)).toEqual(['Demo Vmbo College']);
    expect(data.leerrouteHistorie).toHaveLength(wijzigingen);
    expect(new Set(data.leerrouteHistorie.map((h) => h.leerrouteNaam))).toEqual(new Set([DEMO_EXAMEN.route]));

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

  it('lets the last beheerder leave from Mijn account, after a confirmation: the longest-standing staff member becomes beheerder', async () => {
    // The demo examinator (staff, a member longer than the decaan made here) leaves first, so the decaan is next in line.
    const examinator = await app.database.db.selectFrom('app_user').select('id').where('email', '=', 'examinator@vmbo.demo').executeTakeFirstOrThrow();
    await app.database.db.deleteFrom('membership').where('user_id', '=', examinator.id).execute();
    await createUser({ db: app.database.db, email: 'decaan@vmbo.demo', naam: 'Dirk Decaan', organisatie: 'Demo Vmbo College', rol: 'decaan', password: DEMO_PASSWORD });
    await signIn('beheerder@vmbo.demo');
    await focusedH1('Mijn account').waitFor();
    const table = main().getByRole('table', { name: 'Mijn organisaties' });
    const row = table.getByRole('row', { name: /Demo Vmbo College/ });
    await row.getByRole('cell', { name: 'beheerder' }).waitFor();
    await row.getByRole('button', { name: 'Demo Vmbo College verlaten' }).click();
    // Asked first; Annuleren changes nothing and returns focus.
    const question = main().getByRole('group', { name: 'Weet u zeker dat u Demo Vmbo College wilt verlaten? U verliest al uw rollen daar.' });
    await question.getByRole('button', { name: 'Annuleren' }).click();
    expect(await row.getByRole('button', { name: 'Demo Vmbo College verlaten' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await row.getByRole('button', { name: 'Demo Vmbo College verlaten' }).click();
    await expectAccessible('Mijn account, leaving asked');
    await question.getByRole('button', { name: 'Ja, verlaten' }).click();
    const done = 'U bent geen lid meer van Demo Vmbo College. Dirk Decaan is nu beheerder van Demo Vmbo College, omdat u de laatste beheerder was.';
    await main().locator(':focus').filter({ hasText: done }).waitFor();
    await main().getByText('U bent geen lid van een organisatie.').waitFor();
    await main().getByRole('definition').filter({ hasText: /^geen$/ }).waitFor();
    await expectAccessible('Mijn account after leaving');

    // The last beheerder of no organisation any more deletes the account at once.
    const form = main().getByRole('form', { name: 'Account verwijderen' });
    await form.getByLabel('Uw wachtwoord, ter bevestiging').fill(DEMO_PASSWORD);
    await form.getByRole('button', { name: 'Account definitief verwijderen' }).click();
    await focusedH1('Inloggen').waitFor();
    await main().getByText('Uw account is verwijderd. U bent overal uitgelogd.').waitFor();
  });

  it('lets a member leave on the organisation page; with no staff left the organisation shows it has no beheerder', async () => {
    // Dirk became beheerder above; he leaves from the organisation page, and only the leerling is left.
    await signIn('decaan@vmbo.demo', '/organisaties');
    await focusedH1('Mijn organisaties').waitFor();
    await main().getByRole('link', { name: 'Demo Vmbo College' }).click();
    await focusedH1('Demo Vmbo College').waitFor();
    await main().getByRole('definition').filter({ hasText: 'beheerder, decaan/LOB' }).waitFor();
    await main().getByRole('table', { name: 'Auditlog' }).getByRole('row', { name: /Beheerder geworden/ }).waitFor();
    const section = main().getByRole('region', { name: 'Organisatie verlaten' });
    await section.getByRole('button', { name: 'Demo Vmbo College verlaten' }).click();
    await section.getByRole('group', { name: 'Weet u zeker dat u Demo Vmbo College wilt verlaten?' }).getByRole('button', { name: 'Ja, verlaten' }).click();
    await main()
      .locator(':focus')
      .filter({ hasText: 'U bent geen lid meer van Demo Vmbo College. Demo Vmbo College heeft nu geen beheerder: er was geen medewerker om het over te nemen.' })
      .waitFor();
    await expectAccessible('organisation page after leaving');
    await main().getByRole('link', { name: 'Naar mijn organisaties' }).click();
    await focusedH1('Mijn organisaties').waitFor();
    expect(await main().getByRole('link', { name: 'Demo Vmbo College' }).count()).toBe(0);

    // The leerling sees that there is no beheerder.
    await banner().getByRole('button', { name: /Dirk Decaan/ }).click();
    await banner().getByRole('button', { name: 'Uitloggen' }).click();
    await focusedH1('Inloggen').waitFor();
    await signIn('leerling@vmbo.demo', '/organisaties');
    await focusedH1('Mijn organisaties').waitFor();
    await main().getByRole('link', { name: 'Demo Vmbo College' }).click();
    await focusedH1('Demo Vmbo College').waitFor();
    await main().getByRole('heading', { level: 2, name: 'Demo Vmbo College heeft geen beheerder' }).waitFor();
    await expectAccessible('organisation page without beheerder');
  });
});
