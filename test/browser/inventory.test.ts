/**
 * The overlap inventory in a real browser (issue 5): the public inventory in three columns; a docent of the demo vmbo
 * school reviews a link by keyboard in the demo samenwerking; the docent of the mbo partner sees the confirmation;
 * the keuzevak page shows how many samenwerkingen confirmed it. The selection is made with pickers (CatalogusKeuze), not
 * typed codes. Issue 17: a pair confirmed in two other samenwerkingen shows "bevestigd door 2 samenwerkingen", a pair
 * rejected in another "door docenten afgewezen". Role-based locators, axe on every page.
 */
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import { insertPartnership } from '../../src/server/repositories/account-repository.js';
import { upsertLink } from '../../src/server/repositories/crosswalk-repository.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import type { Inventaris } from '../../src/shared/inventory-api.js';
import { assertBrowserReadyInCi, browserReady, type TestApp } from '../support/app.js';
import { browserSession } from '../support/browser-session.js';
import { screenshot } from '../support/screenshots.js';

assertBrowserReadyInCi();

const SELECTIE = 'keuzevakken=K/PIE/16&kwalificatie=25282';

describe.skipIf(!browserReady)('overlap inventory in the browser', () => {
  const session = browserSession('demo');
  const { expectAccessible } = session;
  let app: TestApp;
  let page: Page;
  let partnership: string;
  beforeAll(async () => {
    await seedDemoOrganisations(session.app.database.db);
    partnership = (await session.app.database.db.selectFrom('partnership').select('id').executeTakeFirstOrThrow()).id;
  });
  beforeEach(() => {
    ({ app, page } = session);
  });
  const main = () => page.getByRole('main');

  /** Opens a private page: the sign-in page comes first and returns there. */
  async function signInAt(path: string, email: string, h1: string | RegExp = 'Overlapinventaris') {
    await page.goto(`${app.url}${path}`);
    const form = page.getByRole('form', { name: 'Inloggen' });
    await form.getByRole('textbox', { name: 'E-mailadres' }).fill(email);
    await form.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await form.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: h1 }).waitFor();
  }

  it('shows the public inventory in three columns with totals and exports', async () => {
    await page.goto(`${app.url}/inventaris?${SELECTIE}`);
    await page.getByRole('heading', { level: 1, name: 'Overlapinventaris' }).waitFor();
    for (const name of [/^Alleen vmbo \(\d+\)$/, /^Beiden \(\d+ koppelingen?\)$/, /^Alleen mbo \(\d+\)$/]) await main().getByRole('heading', { level: 2, name }).waitFor();
    await main().getByText(/eindtermen, waarvan \d+ in Beiden \(\d+% gedekt\)/).waitFor();
    const links = main().getByRole('list', { name: 'Koppelingen' });
    expect(await links.getByRole('listitem').count()).toBeGreaterThan(0);
    await links.getByText(/^Voorstel \((sterk|mogelijk)/).first().waitFor();
    // Public: no review actions.
    expect(await main().getByRole('button', { name: 'Bevestigen' }).count()).toBe(0);
    expect(await main().getByRole('link', { name: 'CSV' }).getAttribute('href')).toBe(`/api/inventaris/export?keuzevakken=K%2FPIE%2F16&kwalificatie=25282&formaat=csv`);
    await expectAccessible('public inventory');

    // The address's selection is shown in the pickers: the keuzevak ticked with its title, the kwalificatie by name.
    const shown = main().getByRole('form', { name: 'Selectie' });
    expect(await shown.getByRole('group', { name: 'Keuzevakken' }).getByRole('checkbox', { name: /^K\/PIE\/16 Koudetechniek/ }).isChecked()).toBe(true);
    await expect.poll(() => shown.getByRole('combobox', { name: 'Kwalificatie (mbo)' }).locator('option:checked').innerText()).toMatch(/^25282 \S/);

    // The selection is picked, not typed as codes: a profiel, its keuzevak ticked, the kwalificatie found by name;
    // all from the keyboard, and the selection goes into the address.
    await page.goto(`${app.url}/inventaris`);
    await main().getByText('Kies aan beide kanten iets').waitFor();
    const form = main().getByRole('form', { name: 'Selectie' });
    expect(await form.getByRole('textbox').count()).toBe(0);
    await form.getByRole('combobox', { name: 'Profiel (vmbo)' }).selectOption('PIE');
    // Issue 12: choosing a profiel asks whether its profielmodulen count too; nothing is added silently.
    const vraag = form.getByRole('group', { name: /^Profiel PIE heeft \d+ profielmodulen? \(P\/PIE\// });
    await vraag.waitFor();
    const modules = form.getByRole('group', { name: 'Profielmodulen' });
    expect(await modules.getByRole('checkbox', { checked: true }).count()).toBe(0);
    await vraag.getByRole('button', { name: 'Ja, profielmodulen aanvinken' }).focus();
    await page.keyboard.press('Enter');
    await vraag.waitFor({ state: 'detached' });
    expect(await modules.getByRole('checkbox', { name: /^P\/PIE\//, checked: true }).count()).toBeGreaterThan(0);
    const keuzevak = form.getByRole('group', { name: 'Keuzevakken' }).getByRole('checkbox', { name: /^K\/PIE\/16 Koudetechniek/ });
    await keuzevak.focus();
    await page.keyboard.press('Space');
    expect(await keuzevak.isChecked()).toBe(true);
    await form.getByRole('searchbox', { name: 'Kwalificatie zoeken' }).fill('koude');
    await form.getByRole('button', { name: 'Zoek kwalificatie' }).focus();
    await page.keyboard.press('Enter');
    await form.getByRole('status').filter({ hasText: /kwalificaties? gevonden/ }).waitFor();
    const kwalificatie = form.getByRole('combobox', { name: 'Kwalificatie (mbo)' });
    await kwalificatie.locator('option[value="25282"]').waitFor({ state: 'attached' });
    await kwalificatie.selectOption('25282');
    await form.getByRole('group', { name: 'Keuzedelen' }).getByText(/^De keuzedelen bij /).waitFor();
    await expectAccessible('inventory selection with pickers');
    await form.getByRole('button', { name: 'Inventaris maken' }).focus();
    await page.keyboard.press('Enter');
    await main().getByRole('heading', { level: 2, name: /^Alleen vmbo/ }).waitFor();
    // The form is drawn again for the new address; the focus goes to the result, not to the page.
    await expect.poll(() => main().getByRole('heading', { level: 2, name: 'Totalen' }).evaluate((h) => h === document.activeElement)).toBe(true);
    expect(new URL(page.url()).searchParams.get('kwalificatie')).toBe('25282');
    expect(new URL(page.url()).searchParams.get('profiel')).toBe('PIE');
    expect(new URL(page.url()).searchParams.get('keuzevakken')).toBe('K/PIE/16');
    // The profielmodulen the teacher ticked are in the address and their eindtermen in the inventory.
    expect(new URL(page.url()).searchParams.get('profielmodulenVanProfiel')).toBe('nee');
    expect(new URL(page.url()).searchParams.get('profielmodulen')).toMatch(/^P\/PIE\//);
    await main().getByText(/P\/PIE\/0[24] /).first().waitFor();

    // Answering "Nee": the profiel without its profielmodulen.
    const form2 = main().getByRole('form', { name: 'Selectie' });
    await form2.getByRole('combobox', { name: 'Profiel (vmbo)' }).selectOption('');
    await form2.getByRole('combobox', { name: 'Profiel (vmbo)' }).selectOption('PIE');
    await form2.getByRole('group', { name: /^Profiel PIE heeft/ }).getByRole('button', { name: 'Nee, zonder profielmodulen' }).click();
    expect(await form2.getByRole('group', { name: 'Profielmodulen' }).getByRole('checkbox', { checked: true }).count()).toBe(0);
    await form2.getByRole('button', { name: 'Inventaris maken' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('profielmodulen')).toBeNull();
    await main().getByRole('heading', { level: 2, name: /^Alleen vmbo/ }).waitFor();
    for (const list of ['Alleen vmbo', 'Koppelingen']) await expect.poll(() => main().getByRole('list', { name: list }).getByText(/P\/PIE\/0[24] /).count()).toBe(0);
  });

  it('lets a docent of the vmbo school confirm a link with its type by keyboard', async () => {
    await signInAt(`/samenwerkingen/${partnership}/inventaris?${SELECTIE}`, 'docent@vmbo.demo');
    await main().getByRole('link', { name: 'Demo doorlopende leerroute techniek' }).waitFor();
    const first = main().getByRole('list', { name: 'Koppelingen' }).getByRole('form', { name: /^Koppeling / }).first();
    await first.waitFor();
    const name = await first.getAttribute('aria-label');
    await first.getByText(/^Voorstel/).waitFor();
    await expectAccessible('inventory of a samenwerking (docent)');

    // Keyboard only: choose the type, write why, confirm.
    await first.getByRole('combobox', { name: 'Type' }).focus();
    await page.keyboard.press('g'); // "gelijk"
    expect(await first.getByRole('combobox', { name: 'Type' }).inputValue()).toBe('gelijk');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Zelfde handeling in de werkplaats');
    await page.keyboard.press('Tab');
    expect(await first.getByRole('button', { name: 'Bevestigen' }).evaluate((el) => el === document.activeElement)).toBe(true);
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/crosswalk/koppelingen') && r.request().method() === 'PUT'), page.keyboard.press('Enter')]);
    expect(response.status()).toBe(200);

    await main().getByRole('status').filter({ hasText: `${name} is bevestigd (gelijk).` }).waitFor();
    const reviewed = main().getByRole('form', { name: name! });
    await reviewed.getByText(/^Bevestigd: gelijk \(Daan Docent, /).waitFor();
    await reviewed.getByText('Toelichting: Zelfde handeling in de werkplaats').waitFor();
    await main().getByText(/1 bevestigd, \d+ voorgesteld, 0 afgewezen/).waitFor();
    // Filter: only the reviewed links.
    await main().getByRole('combobox', { name: 'Koppelingen tonen' }).selectOption('beoordeeld');
    expect(await main().getByRole('list', { name: 'Koppelingen' }).getByRole('listitem').count()).toBe(1);
    await main().getByRole('combobox', { name: 'Koppelingen tonen' }).selectOption('alle');

    // Reject another suggestion by keyboard: it moves to the rejected links, focus goes to the announcement.
    const other = main().getByRole('list', { name: 'Koppelingen' }).getByRole('form').filter({ hasText: 'Voorstel (' }).first();
    const otherName = (await other.getAttribute('aria-label'))!;
    expect(otherName).not.toBe(name);
    await other.getByRole('button', { name: 'Afwijzen' }).focus();
    await page.keyboard.press('Enter');
    const status = main().getByRole('status').filter({ hasText: `${otherName} is afgewezen.` });
    await status.waitFor();
    expect(await status.evaluate((el) => el === document.activeElement)).toBe(true);
    await main().getByText(/1 bevestigd, \d+ voorgesteld, 1 afgewezen/).waitFor();
    // Issue 12: the rejected link stays visible under the filter "afgewezen", and can be restored.
    await main().getByText(/1 koppeling is afgewezen: kies “afgewezen”/).waitFor();
    await main().getByRole('combobox', { name: 'Koppelingen tonen' }).selectOption('afgewezen');
    const rejected = main().getByRole('list', { name: 'Afgewezen koppelingen' }).getByRole('form', { name: otherName });
    await rejected.getByText(/^Afgewezen \(Daan Docent, /).waitFor();
    await expectAccessible('inventory filtered on afgewezen');
    await rejected.getByRole('button', { name: `${otherName}: afwijzing herstellen` }).focus();
    await page.keyboard.press('Enter');
    await main().getByRole('status').filter({ hasText: `De afwijzing van ${otherName} is hersteld.` }).waitFor();
    await main().getByText('Geen afgewezen koppelingen.').waitFor();
    await main().getByText(/1 bevestigd, \d+ voorgesteld, 0 afgewezen/).waitFor();
    await main().getByRole('combobox', { name: 'Koppelingen tonen' }).selectOption('alle');
    await main().getByRole('list', { name: 'Koppelingen' }).getByRole('form', { name: otherName }).getByText(/^Voorstel/).waitFor();

    // Mark an item of Alleen mbo as bewust niet gekoppeld, also from the keyboard: a reason is asked first.
    const alleenMbo = main().getByRole('list', { name: 'Alleen mbo' });
    const mark = alleenMbo.getByRole('button', { name: /markeren als bewust niet gekoppeld$/ }).first();
    const markName = (await mark.getAttribute('aria-label'))!;
    const code = markName.replace(': markeren als bewust niet gekoppeld', '');
    await mark.focus();
    await page.keyboard.press('Enter');
    const reden = alleenMbo.getByRole('form', { name: `${code}: waarom bewust niet gekoppeld` });
    await reden.getByRole('button', { name: 'Markeren' }).click();
    await alleenMbo.getByRole('alert').filter({ hasText: 'Geef een toelichting' }).waitFor();
    await reden.getByRole('textbox', { name: /^Reden/ }).fill('Komt pas in leerjaar 3 aan bod');
    await reden.getByRole('button', { name: 'Markeren' }).focus();
    await page.keyboard.press('Enter');
    await alleenMbo.getByRole('button', { name: markName.replace('markeren als bewust niet gekoppeld', 'markering bewust niet gekoppeld weghalen') }).waitFor();
    await alleenMbo.getByText('bewust niet gekoppeld', { exact: true }).waitFor();
    await alleenMbo.getByText('Komt pas in leerjaar 3 aan bod').waitFor();
    await expectAccessible('inventory after reviews');
  });

  it('shows the confirmation to the docent of the mbo partner, and the count on the keuzevak page', async () => {
    // From the samenwerking's page to its inventory, then choose the selection.
    await signInAt(`/samenwerkingen/${partnership}`, 'docent@roc.demo', 'Demo doorlopende leerroute techniek');
    await main().getByRole('link', { name: 'Overlapinventaris van Demo doorlopende leerroute techniek' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overlapinventaris' }).waitFor();
    // Without a profiel: the keuzevak comes from the list of all keuzevakken, the kwalificatie found by its crebo.
    const form = main().getByRole('form', { name: 'Selectie' });
    const keuzevakken = form.getByRole('group', { name: 'Keuzevakken' });
    const lijst = keuzevakken.getByRole('combobox', { name: 'Keuzevak' });
    await lijst.locator('option[value="K/PIE/16"]').waitFor({ state: 'attached' });
    await lijst.selectOption('K/PIE/16');
    await keuzevakken.getByRole('button', { name: 'Keuzevak toevoegen' }).click();
    await keuzevakken.getByRole('status').filter({ hasText: /^K\/PIE\/16 Koudetechniek.* is toegevoegd\.$/ }).waitFor();
    expect(await keuzevakken.getByRole('checkbox', { name: /^K\/PIE\/16 Koudetechniek/ }).isChecked()).toBe(true);
    await form.getByRole('searchbox', { name: 'Kwalificatie zoeken' }).fill('25282');
    await form.getByRole('button', { name: 'Zoek kwalificatie' }).click();
    await expect.poll(() => form.getByRole('combobox', { name: 'Kwalificatie (mbo)' }).inputValue()).toBe('25282');
    await form.getByRole('button', { name: 'Inventaris maken' }).click();
    const confirmed = main().getByRole('list', { name: 'Koppelingen' }).getByRole('form').filter({ hasText: /Bevestigd: gelijk \(Daan Docent/ });
    await confirmed.waitFor();
    await confirmed.getByText('Toelichting: Zelfde handeling in de werkplaats').waitFor();
    expect(await confirmed.getByRole('combobox', { name: 'Type' }).inputValue()).toBe('gelijk');
    await expectAccessible('inventory of a samenwerking (partner)');

    // The public keuzevak page: how many samenwerkingen confirmed, not which.
    await page.goto(`${app.url}/vmbo/keuzevakken/K-PIE-16`);
    await page.getByRole('heading', { level: 1, name: /Koudetechniek/ }).waitFor();
    await main().getByText(/bevestigd door 1 samenwerking\)/).waitFor();
    expect(await main().getByText('Demo doorlopende leerroute techniek').count()).toBe(0);
    await expectAccessible('keuzevak page with confirmations');
  });

  it('saves a selection under a name that the partner school opens, renames and deletes (issue 12), at 1366 and 390 px', async () => {
    await signInAt(`/samenwerkingen/${partnership}/inventaris?${SELECTIE}&leerweg=BB`, 'docent@vmbo.demo');
    const section = main().getByRole('region', { name: 'Opgeslagen selecties' });
    await section.getByText('Nog geen opgeslagen selecties in deze samenwerking.').waitFor();
    const opslaan = section.getByRole('form', { name: 'Selectie opslaan' });
    await opslaan.getByRole('textbox', { name: 'Naam van deze selectie' }).fill('Koudetechniek BB');
    await opslaan.getByRole('button', { name: 'Selectie opslaan' }).click();
    await opslaan.getByRole('status').filter({ hasText: 'Selectie "Koudetechniek BB" is opgeslagen.' }).waitFor();
    await section.getByRole('list', { name: 'Opgeslagen selecties' }).getByText('Koudetechniek BB', { exact: true }).waitFor();
    // The same name again is refused with a Dutch message at the form.
    await opslaan.getByRole('textbox', { name: 'Naam van deze selectie' }).fill('koudetechniek bb');
    await opslaan.getByRole('button', { name: 'Selectie opslaan' }).click();
    await opslaan.getByRole('alert').filter({ hasText: 'Er is al een selectie met de naam' }).waitFor();
    await expectAccessible('saved selections (vmbo docent)');

    // The mbo teacher of the partner opens it from the samenwerking's inventory without rebuilding it.
    await page.context().clearCookies();
    await signInAt(`/samenwerkingen/${partnership}/inventaris`, 'docent@roc.demo');
    const theirs = main().getByRole('region', { name: 'Opgeslagen selecties' });
    await theirs.getByRole('button', { name: 'Koudetechniek BB openen' }).click();
    await main().getByRole('heading', { level: 2, name: /^Alleen vmbo/ }).waitFor();
    const params = new URL(page.url()).searchParams;
    expect([params.get('keuzevakken'), params.get('kwalificatie'), params.get('leerweg')]).toEqual(['K/PIE/16', '25282', 'BB']);
    expect(await main().getByRole('form', { name: 'Selectie' }).getByRole('checkbox', { name: /^K\/PIE\/16 Koudetechniek/ }).isChecked()).toBe(true);

    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await theirs.waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `no horizontal scroll at ${width}px`).toBe(true);
      await screenshot(theirs, `test-results/screenshots/inventaris-selecties-${width}.png`);
      await screenshot(page, `test-results/screenshots/inventaris-samenwerking-${width}.png`, { fullPage: false });
    }
    await page.setViewportSize({ width: 1366, height: 900 });

    // Rename, then delete (asked first).
    await theirs.getByRole('button', { name: 'Koudetechniek BB hernoemen' }).click();
    const rename = theirs.getByRole('form', { name: 'Koudetechniek BB hernoemen' });
    await rename.getByRole('textbox', { name: 'Nieuwe naam' }).fill('Koudetechniek BB (mbo)');
    await rename.getByRole('button', { name: 'Naam opslaan' }).click();
    await theirs.getByRole('button', { name: 'Koudetechniek BB (mbo) openen' }).waitFor();
    await expectAccessible('saved selections (mbo docent)');
    await theirs.getByRole('button', { name: 'Koudetechniek BB (mbo) verwijderen' }).click();
    await theirs.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await theirs.getByText('Nog geen opgeslagen selecties in deze samenwerking.').waitFor();
  });

  it('shows a code from the address that does not exist at its field', async () => {
    await page.goto(`${app.url}/inventaris?keuzevakken=K/PIE/99&kwalificatie=25282`);
    await page.getByRole('heading', { level: 1, name: 'Overlapinventaris' }).waitFor();
    const group = main().getByRole('form', { name: 'Selectie' }).getByRole('group', { name: 'Keuzevakken' });
    await page.locator('#inv-keuzevakken-error').filter({ hasText: 'Keuzevak K/PIE/99 bestaat niet in de catalogus.' }).waitFor();
    expect((await group.getAttribute('aria-describedby')) ?? '').toContain('inv-keuzevakken-error');
    // The unknown code stays visible and can be switched off.
    const unknown = group.getByRole('checkbox', { name: 'K/PIE/99' });
    expect(await unknown.isChecked()).toBe(true);
    await expectAccessible('inventory selection with a refused code');
  });
  it('shows a teacher what other samenwerkingen said about a pair (issue 17), at 1366 and 390 px', async () => {
    const db = session.app.database.db;
    const roc = (await db.selectFrom('organisation').select('id').where('naam', '=', 'Demo ROC').executeTakeFirstOrThrow()).id;
    const others: Array<{ partnershipId: string; userId: string }> = [];
    for (const n of ['noord', 'zuid']) {
      const u = await createUser({ db, email: `docent@${n}.demo`, naam: `Docent ${n}`, organisatie: `College ${n}`, soort: 'vmbo-school', rol: 'ontwikkelaar', password: DEMO_PASSWORD });
      others.push({ partnershipId: await insertPartnership(db, `Samenwerking ${n}`, [u.organisationId, roc]), userId: u.userId });
    }
    // Two suggestions the demo samenwerking has not reviewed: one confirmed in both others, one rejected in one.
    const publiek = await session.api<Inventaris>(`/api/inventaris?${SELECTIE}`);
    const reviewed = new Set((await db.selectFrom('crosswalk_link').select(['eindterm_id', 'werkproces_id']).where('partnership_id', '=', partnership).execute()).map((r) => `${r.eindterm_id}|${r.werkproces_id}`));
    const open = publiek.links.filter((l) => !reviewed.has(`${l.eindtermId}|${l.werkprocesId}`));
    const confirmed = open[open.length - 1]!;
    const rejected = open.find((l) => l.confidence === 'sterk' && l !== confirmed) ?? open[0]!;
    expect(rejected).not.toBe(confirmed);
    const review = (o: (typeof others)[number], l: { eindtermId: string; werkprocesId: string }, status: 'bevestigd' | 'afgewezen') =>
      upsertLink(db, { partnershipId: o.partnershipId, eindtermId: l.eindtermId, werkprocesId: l.werkprocesId, status, herkomst: 'voorgesteld', relatie: null, toelichting: null, userId: o.userId });
    for (const o of others) await review(o, confirmed, 'bevestigd');
    await review(others[0]!, rejected, 'afgewezen');

    await page.context().clearCookies();
    await signInAt(`/samenwerkingen/${partnership}/inventaris?${SELECTIE}&min=zwak`, 'docent@vmbo.demo');
    const koppelingen = main().getByRole('list', { name: 'Koppelingen' });
    const formOf = (l: { eindtermId: string; werkprocesId: string }) => {
      const e = publiek.vmbo.find((i) => i.id === l.eindtermId)!;
      const w = publiek.mbo.find((i) => i.id === l.werkprocesId)!;
      return koppelingen.getByRole('form', { name: `Koppeling ${e.code} en ${w.code}` });
    };
    await formOf(confirmed).getByText('Elders: bevestigd door 2 samenwerkingen').waitFor();
    await formOf(confirmed).getByText(/^Voorstel \(sterk/).waitFor();
    await formOf(rejected).getByText('Elders: door docenten afgewezen in 1 samenwerking').waitFor();
    // Counts only: the other samenwerkingen and their schools are named nowhere on the page.
    for (const secret of ['Samenwerking noord', 'Samenwerking zuid', 'College noord', 'Docent zuid']) expect(await main().getByText(secret).count()).toBe(0);
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await formOf(confirmed).scrollIntoViewIfNeeded();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await screenshot(formOf(confirmed), `test-results/screenshots/inventaris-elders-${width}.png`);
      await expectAccessible(`inventory with evidence of other samenwerkingen at ${width} px`);
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  });
});
