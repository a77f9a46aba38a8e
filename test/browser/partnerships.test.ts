/**
 * Samenwerkingen and organisation management in a real browser (issue 4): the vmbo beheerder starts a
 * samenwerking and proposes the mbo instelling, whose beheerder accepts; both see it, a user of a foreign
 * school does not. And on the organisation page: organisation data, vestigingen, removing a member with a
 * confirmation step, and the last beheerder who cannot be removed. Role-based locators, axe on every page.
 */
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import { assertBrowserReadyInCi, browserReady, type TestApp } from '../support/app.js';
import { browserSession } from '../support/browser-session.js';
import { signInAt as signInWithForm } from '../support/browser-steps.js';

assertBrowserReadyInCi();

describe.skipIf(!browserReady)('samenwerkingen and organisation management in the browser', () => {
  const session = browserSession('demo');
  const { expectAccessible } = session;
  let app: TestApp;
  let page: Page;
  beforeAll(async () => {
    const db = session.app.database.db;
    await seedDemoOrganisations(db);
    await createUser({ db, email: 'beheerder@ander.demo', naam: 'Anna Ander', organisatie: 'Ander College', soort: 'vmbo-school', rol: 'beheerder', password: DEMO_PASSWORD });
  });
  beforeEach(() => {
    ({ app, page } = session);
  });

  const main = () => page.getByRole('main');
  const focusedH1 = (name: string | RegExp) => page.locator('h1:focus').filter({ hasText: name });

  /** Signs in through the form on /inloggen, coming back to `path`. */
  const signInAt = (path: string, email: string) => signInWithForm(page, app.url, path, email);

  it('vmbo beheerder starts a samenwerking and proposes the mbo instelling; its beheerder accepts; both see it, an outsider does not', async () => {
    await signInAt('/samenwerkingen', 'beheerder@vmbo.demo');
    await focusedH1('Mijn samenwerkingen').waitFor();
    expect(await page.title()).toBe('Mijn samenwerkingen – Doorlopend');
    await main().getByRole('table', { name: 'Samenwerkingen' }).getByRole('link', { name: 'Demo doorlopende leerroute techniek' }).waitFor();
    // The account menu leads here too.
    await page.getByRole('banner').getByRole('button', { name: /Bea Beheerder/ }).click();
    await page.getByRole('banner').getByRole('link', { name: 'Mijn samenwerkingen' }).waitFor();
    await page.keyboard.press('Escape');
    await expectAccessible('samenwerkingen (vmbo beheerder)');

    // An empty name is caught before anything is sent.
    const form = main().getByRole('form', { name: 'Nieuwe samenwerking' });
    await form.getByRole('button', { name: 'Samenwerking aanmaken' }).click();
    await form.getByText('Vul een naam in voor de samenwerking.').waitFor();
    await form.getByRole('textbox', { name: 'Naam van de samenwerking' }).fill('Route zorg en welzijn');
    await form.getByRole('button', { name: 'Samenwerking aanmaken' }).click();
    await focusedH1('Route zorg en welzijn').waitFor();
    const id = new URL(page.url()).pathname.split('/').pop()!;
    await main().getByText('De samenwerking Route zorg en welzijn is aangemaakt.').waitFor();
    await main().getByRole('table', { name: 'Partners' }).getByRole('row', { name: /Demo Vmbo College.*doet mee/ }).waitFor();

    // Propose Demo ROC through the directory.
    const search = main().getByRole('search', { name: 'Organisatie zoeken' });
    await search.getByRole('searchbox', { name: 'Naam of BRIN-nummer' }).fill('roc');
    await search.getByRole('button', { name: 'Zoeken' }).click();
    const found = main().getByRole('table', { name: 'Gevonden organisaties' });
    await found.getByRole('row', { name: /Demo ROC.*mbo-instelling.*99YY/ }).waitFor();
    expect(await found.getByRole('row').count()).toBe(2);
    await found.getByRole('button', { name: 'Demo ROC voorstellen' }).click();
    await main().getByRole('status').filter({ hasText: 'Demo ROC is voorgesteld.' }).waitFor();
    await main().getByRole('table', { name: 'Partners' }).getByRole('row', { name: /Demo ROC.*voorgesteld door Demo Vmbo College, wacht op antwoord/ }).waitFor();
    await found.getByRole('row', { name: /Demo ROC.*al partner of voorgesteld/ }).waitFor();
    // Not a member yet: the people are those of Demo Vmbo College only.
    const people = main().getByRole('table', { name: 'Mensen in deze samenwerking' });
    await people.getByRole('row', { name: /Bea Beheerder.*Demo Vmbo College.*beheerder/ }).waitFor();
    expect(await people.getByText('Demo ROC').count()).toBe(0);
    await expectAccessible('samenwerking page with a proposal');

    // The mbo beheerder sees the proposal and accepts it.
    await signInAt('/samenwerkingen', 'beheerder@roc.demo');
    await focusedH1('Mijn samenwerkingen').waitFor();
    const proposals = main().getByRole('region', { name: 'Voorstellen voor mijn organisatie' });
    const proposal = proposals.getByRole('region', { name: 'Route zorg en welzijn' });
    await proposal.getByText('Demo Vmbo College stelt Demo ROC voor als partner.').waitFor();
    await expectAccessible('samenwerkingen with a proposal (mbo beheerder)');
    await proposal.getByRole('button', { name: 'Voorstel aannemen' }).click();
    await main().locator(':focus').filter({ hasText: 'Demo ROC doet nu mee in Route zorg en welzijn.' }).waitFor();
    await proposals.waitFor({ state: 'detached' });
    await main().getByRole('table', { name: 'Samenwerkingen' }).getByRole('link', { name: 'Route zorg en welzijn' }).click();
    await focusedH1('Route zorg en welzijn').waitFor();
    await main().getByRole('table', { name: 'Partners' }).getByRole('row', { name: /Demo ROC.*doet mee/ }).waitFor();
    await people.getByRole('row', { name: /Rik Beheerder.*Demo ROC.*beheerder/ }).waitFor();
    await people.getByRole('row', { name: /Roos Docent.*Demo ROC.*ontwikkelaar/ }).waitFor();
    expect(await people.getByText(/@/).count()).toBe(0);
    await expectAccessible('samenwerking page (mbo beheerder)');

    // The vmbo side sees the new partner too.
    await signInAt(`/samenwerkingen/${id}`, 'docent@vmbo.demo');
    await focusedH1('Route zorg en welzijn').waitFor();
    await main().getByRole('table', { name: 'Partners' }).getByRole('row', { name: /Demo ROC.*doet mee/ }).waitFor();
    await people.getByRole('row', { name: /Rik Beheerder/ }).waitFor();
    // An ontwikkelaar may rename, not propose partners.
    expect(await main().getByRole('search', { name: 'Organisatie zoeken' }).count()).toBe(0);
    const rename = main().getByRole('form', { name: 'Naam wijzigen' });
    await rename.getByRole('textbox', { name: 'Naam van de samenwerking' }).fill('Route zorg, welzijn en sport');
    await rename.getByRole('button', { name: 'Naam opslaan' }).click();
    await rename.getByRole('status').filter({ hasText: 'De naam is nu Route zorg, welzijn en sport.' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Route zorg, welzijn en sport' }).waitFor();

    // A beheerder of a foreign school: not found, and not in the list.
    await signInAt(`/samenwerkingen/${id}`, 'beheerder@ander.demo');
    await focusedH1('Pagina niet gevonden').waitFor();
    expect(await main().getByText('Route zorg').count()).toBe(0);
    await page.goto(`${app.url}/samenwerkingen`);
    await page.getByRole('heading', { level: 1, name: 'Mijn samenwerkingen' }).waitFor();
    await main().getByText('Uw organisatie doet nog niet mee in een samenwerking.').waitFor();
    expect(await main().getByText('Route zorg').count()).toBe(0);
    await expectAccessible('samenwerkingen (outsider)');
  });

  it('the mbo beheerder takes the instelling out of a samenwerking after confirming', async () => {
    await signInAt('/samenwerkingen', 'beheerder@roc.demo');
    await main().getByRole('link', { name: 'Demo doorlopende leerroute techniek' }).click();
    await focusedH1('Demo doorlopende leerroute techniek').waitFor();
    const leave = main().getByRole('button', { name: 'Demo ROC uit de samenwerking halen' });
    await leave.click();
    const confirm = main().getByRole('group', { name: /Weet u zeker dat u Demo ROC uit Demo doorlopende leerroute techniek wilt halen\?/ });
    await confirm.getByRole('button', { name: 'Ja, uit de samenwerking halen' }).waitFor();
    expect(await confirm.getByRole('button', { name: 'Ja, uit de samenwerking halen' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible('leave confirmation');
    // Cancelling returns to the button.
    await page.keyboard.press('Escape');
    await leave.waitFor();
    expect(await leave.evaluate((el) => el === document.activeElement)).toBe(true);
    await leave.click();
    await confirm.getByRole('button', { name: 'Ja, uit de samenwerking halen' }).click();
    await focusedH1('Mijn samenwerkingen').waitFor();
    await main().getByText('Demo ROC doet niet meer mee in Demo doorlopende leerroute techniek.').waitFor();
    expect(await main().getByRole('link', { name: 'Demo doorlopende leerroute techniek' }).count()).toBe(0);
  });

  it('the beheerder edits organisation data and vestigingen, removes a member after confirming, and cannot remove the last beheerder', async () => {
    await signInAt('/organisaties', 'beheerder@vmbo.demo');
    await main().getByRole('link', { name: 'Demo Vmbo College' }).click();
    await focusedH1('Demo Vmbo College').waitFor();

    // Organisation data: a bad BRIN is refused in the form, a good one saved (upper-cased).
    const data = main().getByRole('form', { name: 'Gegevens wijzigen' });
    const brin = data.getByRole('textbox', { name: 'BRIN-nummer' });
    await brin.fill('1234');
    await data.getByRole('button', { name: 'Gegevens opslaan' }).click();
    await data.getByText('Een BRIN-nummer is twee cijfers en twee letters, zoals 12AB.').waitFor();
    expect(await brin.evaluate((el) => el === document.activeElement)).toBe(true);
    await brin.fill('12ab');
    await data.getByRole('button', { name: 'Gegevens opslaan' }).click();
    await data.getByRole('status').filter({ hasText: 'De gegevens van de organisatie zijn opgeslagen.' }).waitFor();
    await main().getByRole('definition').filter({ hasText: '12AB' }).waitFor();

    // Vestigingen: one that does not fit the BRIN number is refused by the server; then added, changed and removed.
    const vestigingen = main().getByRole('region', { name: 'Vestigingen' });
    const add = vestigingen.getByRole('form', { name: 'Vestiging toevoegen' });
    await add.getByRole('textbox', { name: 'Naam van de vestiging' }).fill('Locatie Noord');
    await add.getByRole('textbox', { name: 'Vestigingsnummer' }).fill('99XX01');
    await add.getByRole('button', { name: 'Vestiging toevoegen' }).click();
    await add.locator(':focus').getByRole('alert').filter({ hasText: 'Het vestigingsnummer 99XX01 hoort niet bij BRIN-nummer 12AB.' }).waitFor();
    await add.getByRole('textbox', { name: 'Vestigingsnummer' }).fill('12ab01');
    await add.getByRole('button', { name: 'Vestiging toevoegen' }).click();
    await vestigingen.getByRole('status').filter({ hasText: 'Vestiging Locatie Noord is toegevoegd.' }).waitFor();
    await vestigingen.getByRole('listitem').filter({ hasText: 'Locatie Noord (12AB01)' }).waitFor();
    await vestigingen.getByRole('button', { name: 'Locatie Noord wijzigen' }).click();
    const edit = vestigingen.getByRole('form', { name: 'Locatie Noord wijzigen' });
    await edit.getByRole('textbox', { name: 'Naam van de vestiging' }).fill('Locatie Noord-Oost');
    await edit.getByRole('button', { name: 'Vestiging opslaan' }).click();
    await vestigingen.getByRole('status').filter({ hasText: 'Vestiging Locatie Noord-Oost is gewijzigd.' }).waitFor();
    // A slow answer to the list asked again: the page says "verwijderd" only once the list no longer shows it.
    await page.route(/\/api\/organisaties\/[^/]+\/vestigingen$/, async (route) => {
      if (route.request().method() === 'GET') await new Promise((r) => setTimeout(r, 600));
      await route.continue();
    });
    await vestigingen.getByRole('button', { name: 'Locatie Noord-Oost verwijderen' }).click();
    await vestigingen.getByRole('group', { name: 'Weet u zeker dat u vestiging Locatie Noord-Oost wilt verwijderen?' }).getByRole('button', { name: 'Ja, verwijderen' }).click();
    await vestigingen.getByRole('status').filter({ hasText: 'Vestiging Locatie Noord-Oost is verwijderd.' }).waitFor();
    expect(await vestigingen.getByRole('listitem').filter({ hasText: 'Locatie Noord' }).count()).toBe(0);
    await page.unroute(/\/api\/organisaties\/[^/]+\/vestigingen$/);
    await expectAccessible('organisation page with management forms');

    // Remove Lars Leerling after confirming.
    const leden = main().getByRole('table', { name: 'Leden' });
    await leden.getByRole('button', { name: 'Lars Leerling uit de organisatie verwijderen' }).click();
    const confirm = leden.getByRole('group', { name: /Weet u zeker dat u Lars Leerling uit Demo Vmbo College wilt verwijderen\?/ });
    await expectAccessible('member removal confirmation');
    await confirm.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await leden.getByRole('rowheader', { name: 'Lars Leerling' }).waitFor({ state: 'detached' });
    const audit = main().getByRole('table', { name: 'Auditlog' });
    await audit.getByRole('row', { name: /Bea Beheerder.*Lid verwijderd.*rollen/ }).waitFor();
    await audit.getByRole('row', { name: /Vestiging toegevoegd.*vestiging Locatie Noord/ }).waitFor();
    await audit.getByRole('row', { name: /Organisatiegegevens gewijzigd.*brin: 99XX → 12AB/ }).waitFor();

    // The last beheerder cannot be removed: the 409 message (invite a beheerder first, or leave) is shown and focused.
    await leden.getByRole('button', { name: 'Bea Beheerder uit de organisatie verwijderen' }).click();
    await leden.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await leden.locator(':focus').getByRole('alert').filter({ hasText: 'U bent de laatste beheerder van Demo Vmbo College. Nodig eerst iemand uit met de rol beheerder' }).waitFor();
    await leden.locator(':focus').getByRole('alert').filter({ hasText: 'kies dan "Organisatie verlaten"' }).waitFor();
    await leden.getByRole('rowheader', { name: 'Bea Beheerder' }).waitFor();
    await expectAccessible('organisation page with a refused removal');
  });
});
