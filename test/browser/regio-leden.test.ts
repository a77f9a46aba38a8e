/**
 * Issue 15, a region's member schools in a real browser on the demo data: the demo region's own beheerder
 * (beheerder@regio.demo) sees the two demo schools on the region's organisation page with why they cannot leave now
 * (published modules), searches a school by name, sees that a school of another region cannot be added, adds a school
 * in no region and removes it again after a confirmation; the beheerder of the demo vmbo school sees its region, a
 * link to the menukaart and what stands in the way of leaving; the beheerder of a school with nothing on the menukaart
 * takes it out of the region. Axe clean; screenshots at 1366 and 390 px
 * (test-results/screenshots, not committed), no sideways scrolling.
 */
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import { insertOrganisation } from '../../src/server/repositories/account-repository.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import { assertBrowserReadyInCi, browserReady, type TestApp } from '../support/app.js';
import { browserSession } from '../support/browser-session.js';
import { atBothWidths, signInAt as signInAtForm } from '../support/browser-steps.js';
import { screenshot } from '../support/screenshots.js';

assertBrowserReadyInCi();

describe.skipIf(!browserReady)('member schools of a region (issue 15)', () => {
  const session = browserSession('demo');
  const { expectAccessible } = session;
  let app: TestApp;
  let page: Page;
  let regio = '';
  let vmbo = '';
  let oostId = '';

  beforeAll(async () => {
    await seedDemoOrganisations(session.app.database.db);
    const db = session.app.database.db;
    const id = async (naam: string) => (await db.selectFrom('organisation').select('id').where('naam', '=', naam).executeTakeFirstOrThrow()).id;
    regio = await id('Demo Regio Techniek');
    vmbo = await id('Demo Vmbo College');
    await insertOrganisation(db, { naam: 'Nieuw College', soort: 'vmbo-school', brin: '97AB' });
    const zuid = await insertOrganisation(db, { naam: 'Regio Zuid', soort: 'regio' });
    await insertOrganisation(db, { naam: 'Zuid College', soort: 'vmbo-school', brin: '96CD', regioId: zuid });
    // A member school of the demo region with nothing on the menukaart, whose beheerder takes it out.
    const oost = await insertOrganisation(db, { naam: 'Oost Lyceum', soort: 'vmbo-school', brin: '95EF', regioId: regio });
    await createUser({ db, email: 'baas@oost.demo', naam: 'Olga Oost', organisatie: 'Oost Lyceum', rol: 'beheerder', password: DEMO_PASSWORD });
    oostId = oost;
  });
  beforeEach(() => {
    ({ app, page } = session);
  });

  const main = () => page.getByRole('main');

  const signInAt = (to: string, email: string) => signInAtForm(page, app.url, to, email);

  /** At 1366 and 390 px: a screenshot, and the page does not scroll sideways. */
  const beideBreedtes = (naam: string) => atBothWidths(page, `regio-leden-${naam}`);

  it('lets the demo region’s beheerder add a school in no region and remove it again; another region’s school cannot be added', async () => {
    await signInAt(`/organisaties/${regio}`, 'beheerder@regio.demo');
    await page.getByRole('heading', { level: 1, name: 'Demo Regio Techniek' }).waitFor();
    const sectie = main().getByRole('region', { name: 'Scholen van de regio' });
    const leden = sectie.getByRole('table', { name: 'Scholen en instellingen van Demo Regio Techniek' });
    await leden.getByRole('rowheader', { name: 'Demo Vmbo College' }).waitFor();
    await leden.getByRole('rowheader', { name: 'Demo ROC' }).waitFor();
    // Both demo schools offer published modules: the reasons show instead of a button.
    expect(await leden.getByText('Kan nu niet uit de regio:').count()).toBe(2);
    expect(await sectie.getByRole('button', { name: /^(Demo Vmbo College|Demo ROC) uit de regio halen$/ }).count()).toBe(0);
    // A member with nothing on the menukaart can go.
    await leden.getByRole('row', { name: /Oost Lyceum/ }).getByText('nog niets').waitFor();
    await sectie.getByRole('button', { name: 'Oost Lyceum uit de regio halen' }).waitFor();

    const zoek = sectie.getByRole('search', { name: 'School of instelling zoeken' });
    await zoek.getByRole('searchbox', { name: 'Naam of BRIN-nummer' }).fill('College');
    await zoek.getByRole('button', { name: 'Zoeken' }).click();
    await sectie.getByRole('status').filter({ hasText: '2 scholen en instellingen gevonden.' }).waitFor();
    const gevonden = sectie.getByRole('table', { name: 'Gevonden scholen en instellingen' });
    // The region's own member is not offered; the school of another region shows its region, without a button.
    expect(await gevonden.getByRole('rowheader', { name: 'Demo Vmbo College' }).count()).toBe(0);
    await gevonden.getByRole('row', { name: /Zuid College/ }).getByText('hoort bij Regio Zuid').waitFor();
    expect(await gevonden.getByRole('button', { name: 'Zuid College toevoegen' }).count()).toBe(0);
    await expectAccessible('the region’s member schools with search results');
    await beideBreedtes('zoeken');

    await gevonden.getByRole('button', { name: 'Nieuw College toevoegen' }).click();
    await sectie.getByRole('status').filter({ hasText: 'Nieuw College is nu lid van Demo Regio Techniek.' }).waitFor();
    await leden.getByRole('row', { name: /Nieuw College/ }).getByText('nog niets').waitFor();

    await sectie.getByRole('button', { name: 'Nieuw College uit de regio halen' }).click();
    const vraag = sectie.getByRole('group', { name: 'Weet u zeker dat u Nieuw College uit Demo Regio Techniek wilt halen?' });
    await vraag.getByRole('button', { name: 'Ja, uit de regio halen' }).click();
    await sectie.getByRole('status').filter({ hasText: 'Nieuw College is geen lid meer van regio Demo Regio Techniek.' }).waitFor();
    await expect.poll(() => leden.getByRole('rowheader', { name: 'Nieuw College' }).count()).toBe(0);
    await expectAccessible('the region’s member schools after removing one');
    await beideBreedtes('na-verwijderen');
  }, 240_000);

  it('shows a school’s beheerder its region, the menukaart and what stands in the way of leaving', async () => {
    await signInAt(`/organisaties/${vmbo}`, 'beheerder@vmbo.demo');
    await page.getByRole('heading', { level: 1, name: 'Demo Vmbo College' }).waitFor();
    const sectie = main().getByRole('region', { name: 'Regio' });
    await sectie.getByText('Demo Vmbo College hoort bij regio Demo Regio Techniek.').waitFor();
    await sectie.getByRole('link', { name: 'Menukaart van Demo Regio Techniek' }).waitFor();
    await sectie.getByText(/De school biedt nog 2 gepubliceerde modules aan op de menukaart/).waitFor();
    expect(await sectie.getByRole('button', { name: /Regio verlaten|uit regio/ }).count()).toBe(0);
    await expectAccessible('a school’s region');
    await beideBreedtes('school');
  }, 120_000);

  it('lets a school’s beheerder take the school out of its region after a confirmation', async () => {
    await signInAt(`/organisaties/${oostId}`, 'baas@oost.demo');
    await page.getByRole('heading', { level: 1, name: 'Oost Lyceum' }).waitFor();
    const sectie = main().getByRole('region', { name: 'Regio' });
    await sectie.getByText('Oost Lyceum hoort bij regio Demo Regio Techniek.').waitFor();
    await sectie.getByRole('button', { name: 'Oost Lyceum uit regio Demo Regio Techniek halen' }).click();
    const vraag = sectie.getByRole('group', { name: /Weet u zeker dat Oost Lyceum regio Demo Regio Techniek verlaat\?/ });
    await expectAccessible('a school’s region, leaving asked');
    await vraag.getByRole('button', { name: 'Ja, regio verlaten' }).click();
    await sectie.getByRole('status').filter({ hasText: 'Oost Lyceum is geen lid meer van regio Demo Regio Techniek.' }).waitFor();
    await sectie.getByText('Oost Lyceum hoort bij geen regio.', { exact: false }).waitFor();
    expect((await session.app.database.db.selectFrom('organisation').select('regio_id').where('id', '=', oostId).executeTakeFirstOrThrow()).regio_id).toBeNull();
    await expectAccessible('a school that left its region');
  }, 120_000);
});
