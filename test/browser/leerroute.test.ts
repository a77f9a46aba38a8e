/**
 * The leerroute-ontwerper in a real browser (issue 6), on the demo data: Daan Docent (ontwikkelaar at Demo Vmbo College)
 * creates a small doorlopende leerroute in the demo samenwerking (a refused attempt first: the messages at the fields),
 * plans doelen by keyboard and one by drag and drop, adds a summatieve toets and an activiteit; Roos Docent (Demo ROC)
 * signs in, sees his work, adds a materiaal and plans a doel; the coverage panel shows the gaps and then fewer; the
 * history shows both; a stale change (409) shows a clear message and reloads. Role-based locators, axe on every step.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LeerrouteDetail } from '../../src/shared/leerroute-api.js';
import { DEMO_EXAMEN } from '../../src/server/demo/demo-examen.js';
import { DEMO_PASSWORD, seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import { insertPartnership } from '../../src/server/repositories/account-repository.js';
import { assertBrowserReadyInCi, browserReady, type TestApp } from '../support/app.js';
import { browserSession } from '../support/browser-session.js';

assertBrowserReadyInCi();

describe.skipIf(!browserReady)('leerroute-ontwerper in the browser', () => {
  const session = browserSession('demo');
  const { expectAccessible } = session;
  let app: TestApp;
  let page: Page;
  /** A second samenwerking of the two demo schools, without leerroutes (the demo samenwerking has its worked example). */
  let leeg: string;
  beforeAll(async () => {
    const db = session.app.database.db;
    await seedDemoOrganisations(db);
    const org = async (naam: string) => (await db.selectFrom('organisation').select('id').where('naam', '=', naam).executeTakeFirstOrThrow()).id;
    leeg = await insertPartnership(db, 'Samenwerking zonder leerroutes', [await org('Demo Vmbo College'), await org('Demo ROC')]);
  });
  beforeEach(() => {
    ({ app, page } = session);
  });

  const main = () => page.getByRole('main');
  const focused = () => page.locator(':focus');

  async function signInAt(path: string, email: string) {
    await page.context().clearCookies();
    await page.goto(`${app.url}/inloggen?terug=${encodeURIComponent(path)}`);
    const form = page.getByRole('form', { name: 'Inloggen' });
    await form.getByRole('textbox', { name: 'E-mailadres' }).fill(email);
    await form.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/login'),
      form.getByRole('button', { name: 'Inloggen' }).click(),
    ]);
    expect(response.status()).toBe(200);
  }

  /** The route as the API gives it to the signed-in user of this page. */
  async function routeVanApi(id: string): Promise<LeerrouteDetail> {
    const res = await page.request.get(`${app.url}/api/leerroutes/${id}`);
    expect(res.status()).toBe(200);
    return (await res.json()) as LeerrouteDetail;
  }

  const panel = () => page.getByRole('complementary', { name: 'Dekking' });
  /** "Niet gepland: 5" → 5; 0 when the group is not shown. */
  async function gaten(groep: 'Niet gepland' | 'Geen activiteit' | 'Geen summatieve toets'): Promise<number> {
    const summary = panel().locator('summary', { hasText: `${groep}:` });
    if ((await summary.count()) === 0) return 0;
    return Number((await summary.innerText()).split(':')[1]!.trim());
  }
  const melding = () => page.getByTestId('leerroute-meldingen');

  async function gaNaarStap(naam: RegExp | string, kop: string) {
    await page.getByRole('navigation', { name: 'Stappen van de leerroute' }).getByRole('link', { name: naam }).click();
    await main().getByRole('heading', { level: 2, name: kop }).waitFor();
  }

  /** Places the first unplanned card by keyboard in `periode` ("Leerjaar 3, periode 1 (vmbo)"); returns the card's label. */
  async function plaatsMetToetsenbord(filter: 'alle' | 'vmbo' | 'mbo', periode: string): Promise<string> {
    await main().getByRole('combobox', { name: 'Toon' }).selectOption(filter);
    const knop = main().getByRole('list', { name: 'Nog niet geplande doelen' }).getByRole('button', { name: /^Plaats in…/ }).first();
    const label = (await knop.getAttribute('aria-label'))!.replace(/^Plaats in… /, '');
    await knop.focus();
    await page.keyboard.press('Enter');
    const form = main().getByRole('form', { name: `Plaatsen: ${label}` });
    const keuze = form.getByRole('combobox', { name: 'Leerjaar en periode' });
    await expect.poll(() => keuze.evaluate((el) => el === document.activeElement)).toBe(true);
    await keuze.selectOption({ label: periode });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await form.waitFor({ state: 'detached' });
    return label;
  }

  it('two partner schools build a route together: settings, planning by keyboard and drag and drop, toets, activiteit, materiaal, coverage and history', async () => {
    // ---- Daan Docent (vmbo): a samenwerking without leerroutes says so.
    await signInAt(`/samenwerkingen/${leeg}/leerroutes`, 'docent@vmbo.demo');
    await page.getByRole('heading', { level: 1, name: 'Leerroutes' }).waitFor();
    await main().getByText('Er is nog geen leerroute.').waitFor();
    // He opens the leerroutes of the demo samenwerking: the demo's worked example is there.
    await page.goto(`${app.url}/samenwerkingen`);
    await main().getByRole('link', { name: 'Demo doorlopende leerroute techniek' }).click();
    await page.getByRole('heading', { level: 1, name: 'Demo doorlopende leerroute techniek' }).waitFor();
    await main().getByRole('link', { name: 'Leerroutes van Demo doorlopende leerroute techniek' }).click();
    await page.getByRole('heading', { level: 1, name: 'Leerroutes' }).waitFor();
    await main().getByRole('link', { name: DEMO_EXAMEN.route }).waitFor();
    expect(await main().getByText('Er is nog geen leerroute.').count()).toBe(0);
    const form = main().getByRole('form', { name: 'Nieuwe leerroute' });
    await form.getByRole('combobox', { name: 'Profiel' }).locator('option', { hasText: 'PIE' }).first().waitFor({ state: 'attached' });
    await expectAccessible('leerroutes of a samenwerking with the new-route form');

    // An empty name is caught in the browser: the summary takes focus and links to the field.
    await form.getByRole('button', { name: 'Leerroute aanmaken' }).click();
    const summary = form.getByRole('group', { name: 'De leerroute is niet opgeslagen' });
    await summary.getByRole('link', { name: 'Vul een naam in voor de leerroute.' }).waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);

    // The server refuses a doorlopende leerroute without leerweg and kwalificatie: messages at the fields.
    await form.getByRole('textbox', { name: 'Naam van de leerroute' }).fill('Koudetechniek doorlopend');
    await form.getByRole('combobox', { name: 'Soort leerroute' }).selectOption('doorlopend');
    await form.getByText(/Leidt naar een vmbo-diploma én een mbo-diploma/).waitFor();
    await form.getByRole('combobox', { name: 'Profiel' }).selectOption('PIE');
    await form.getByRole('checkbox', { name: /K\/PIE\/16 Koudetechniek/ }).check();
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/leerroutes')),
      form.getByRole('button', { name: 'Leerroute aanmaken' }).click(),
    ]);
    expect(refused.status()).toBe(400);
    await summary.getByRole('link', { name: /leerweg/i }).first().waitFor();
    const leerweg = form.getByRole('combobox', { name: 'Leerweg' });
    const describedBy = (await leerweg.getAttribute('aria-describedby')) ?? '';
    expect(describedBy).toContain('nieuwe-leerroute-leerweg-error');
    expect(await page.locator('#nieuwe-leerroute-leerweg-error').innerText()).toMatch(/leerweg/i);
    await expectAccessible('new-route form with server messages');
    // The summary's link leads to the field.
    await summary.getByRole('link', { name: /leerweg/i }).first().click();
    expect(await leerweg.evaluate((el) => el === document.activeElement)).toBe(true);

    // Now complete: leerweg BB, kwalificatie 25282 found by search.
    await leerweg.selectOption('BB');
    await form.getByRole('checkbox', { name: /K\/PIE\/16 Koudetechniek/ }).waitFor();
    expect(await form.getByRole('checkbox', { name: /K\/PIE\/16 Koudetechniek/ }).isChecked()).toBe(true);
    await form.getByRole('searchbox', { name: 'Kwalificatie zoeken' }).fill('25282');
    await form.getByRole('button', { name: 'Zoek kwalificatie' }).click();
    await form.getByRole('status').filter({ hasText: /gevonden/ }).waitFor();
    const kwalificatie = form.getByRole('combobox', { name: 'Kwalificatie' });
    await expect.poll(() => kwalificatie.inputValue()).toBe('25282');
    // The default tijdpad: leerjaren 3, 4 (vmbo) and 5 (mbo), four periods, each taught by a partner.
    expect(await form.getByRole('group', { name: /^Leerjaar \d$/ }).count()).toBe(3);
    await form.getByRole('button', { name: 'Leerroute aanmaken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Koudetechniek doorlopend' }).waitFor();
    await main().getByText('De leerroute Koudetechniek doorlopend is aangemaakt.').waitFor();
    const routeId = new URL(page.url()).pathname.split('/')[2]!;
    const start = await routeVanApi(routeId);
    expect(start.doelen.length).toBeGreaterThan(3);
    expect(start.dekking.gaten.filter((g) => g.ontbreekt === 'planning').length).toBe(start.doelen.length);
    await panel().getByText(`0 doelen van ${start.doelen.length} volledig`).waitFor();
    await expectAccessible('route overview with settings');

    // ---- Step 1: inventarisatie.
    await gaNaarStap('1. Inventarisatie', 'Stap 1 van 5: Inventarisatie');
    const beoordelen = main().getByRole('link', { name: /Koppelingen beoordelen in de overlapinventaris/ });
    expect(await beoordelen.getAttribute('href')).toBe(`/samenwerkingen/${start.samenwerking.id}/inventaris?leerweg=BB&keuzevakken=K%2FPIE%2F16&kwalificatie=25282`);
    await main().getByRole('table', { name: 'Koppelingen eindterm ↔ werkproces' }).getByRole('row', { name: /K\/PIE\/16.*B1-K.*voorgesteld/ }).first().waitFor();
    await expectAccessible('step 1 inventarisatie');
    // The link opens the samenwerking's inventory page on the same selection, where links are reviewed.
    await beoordelen.click();
    await page.getByRole('heading', { level: 1, name: 'Overlapinventaris' }).waitFor();
    const gekozen = page.getByRole('form', { name: 'Selectie' }).getByRole('checkbox', { name: /^K\/PIE\/16 Koudetechniek/ });
    await gekozen.waitFor();
    expect(await gekozen.isChecked()).toBe(true);
    await page.goBack();
    await main().getByRole('heading', { level: 2, name: 'Stap 1 van 5: Inventarisatie' }).waitFor();

    // ---- Step 2: planning by keyboard.
    await gaNaarStap('2. Planning', 'Stap 2 van 5: Planning');
    const nietGepland0 = await gaten('Niet gepland');
    expect(nietGepland0).toBe(start.doelen.length);
    await expectAccessible('step 2 planning');
    const eerste = await plaatsMetToetsenbord('vmbo', 'Leerjaar 3, periode 1 (vmbo)');
    await expect.poll(() => melding().innerText()).toContain(`Geplaatst in leerjaar 3, periode 1: ${eerste}`);
    const periode31 = page.getByTestId('periode-3-1');
    await periode31.getByText(eerste.split(' en ')[0]!).waitFor();
    // Focus moved on to the next card (or the list heading), never lost to the body.
    expect(await focused().evaluate((el) => el.tagName)).not.toBe('BODY');
    const tweede = await plaatsMetToetsenbord('vmbo', 'Leerjaar 3, periode 2 (vmbo)');
    await page.getByTestId('periode-3-2').getByText(tweede.split(' en ')[0]!).waitFor();
    await expect.poll(() => gaten('Niet gepland')).toBeLessThan(nietGepland0);

    // Move the first one by keyboard to periode 3, then back out of the planning and in again.
    await periode31.getByRole('button', { name: `Verplaats… ${eerste}` }).click();
    const verplaats = main().getByRole('form', { name: `Verplaatsen: ${eerste}` });
    await verplaats.getByRole('combobox', { name: 'Leerjaar en periode' }).selectOption({ label: 'Leerjaar 3, periode 3 (vmbo)' });
    await verplaats.getByRole('button', { name: 'Verplaatsen' }).press('Enter');
    await expect.poll(() => melding().innerText()).toContain(`Verplaatst naar leerjaar 3, periode 3: ${eerste}`);
    const periode33 = page.getByTestId('periode-3-3');
    await periode33.getByText(eerste.split(' en ')[0]!).waitFor();
    await expect.poll(() => focused().getAttribute('aria-label')).toBe(`Verplaats… ${eerste}`);

    // One by drag and drop: the first unplanned vmbo card onto leerjaar 4, periode 1.
    await main().getByRole('combobox', { name: 'Toon' }).selectOption('alle');
    const kaart = main().getByRole('list', { name: 'Nog niet geplande doelen' }).getByRole('listitem').filter({ has: page.getByRole('button', { name: /^Plaats in…/ }) }).first();
    const gesleept = (await kaart.getByRole('button', { name: /^Plaats in…/ }).getAttribute('aria-label'))!.replace(/^Plaats in… /, '');
    const voorSleep = await gaten('Niet gepland');
    // A tall window, so that card and period are both in view (a drag does not scroll the page).
    await page.setViewportSize({ width: 1400, height: 2000 });
    await kaart.dragTo(page.getByTestId('periode-4-1'));
    await expect.poll(() => melding().innerText()).toContain(`Geplaatst in leerjaar 4, periode 1: ${gesleept}`);
    await page.getByTestId('periode-4-1').getByText(gesleept.split(' en ')[0]!).waitFor();
    await expect.poll(() => gaten('Niet gepland')).toBeLessThan(voorSleep);
    await expectAccessible('step 2 planning with planned cards');

    const gepland = await routeVanApi(routeId);
    expect(gepland.planning.length).toBe(3);
    // The demo inventory links eindtermen of K/PIE/16 to werkprocessen of 25282: such a pair was one "Beiden" card,
    // planned once as one regel that counts for both sides.
    const beiden = gepland.planning.filter((r) => r.beiden);
    expect(beiden.length).toBeGreaterThan(0);
    const beidenRegel = beiden[0]!;
    expect(new Set(beidenRegel.items.map((id) => gepland.doelen.find((d) => d.id === id)!.side))).toEqual(new Set(['vmbo', 'mbo']));
    await page.getByTestId(`regel-${beidenRegel.id}`).getByText('Beiden', { exact: true }).waitFor();
    // Nobody confirmed the link in the inventarisatie yet: the card says it is a suggestion.
    await page.getByTestId(`regel-${beidenRegel.id}`).getByText(/koppeling voorgesteld door de zoekmonitor, nog niet bevestigd/).first().waitFor();
    expect(await gaten('Niet gepland')).toBe(gepland.doelen.length - gepland.planning.reduce((n, r) => n + r.items.length, 0));
    const inPeriode33 = gepland.planning.find((r) => r.leerjaar === 3 && r.periode === 3)!;
    expect(inPeriode33.gewijzigd.gebruiker.naam).toBe('Daan Docent');

    // ---- Step 3: a summatieve toets for the doel in leerjaar 3, periode 3, through the link in the coverage panel.
    const toetsGatenVoor = await gaten('Geen summatieve toets');
    expect(toetsGatenVoor).toBeGreaterThan(0);
    const doelId = inPeriode33.items[0]!;
    const doel = gepland.doelen.find((d) => d.id === doelId)!;
    await panel().locator('details', { hasText: 'Geen summatieve toets' }).getByRole('link', { name: `${doel.code} ${doel.titel}` }).click();
    await main().getByRole('heading', { level: 2, name: 'Stap 3 van 5: Toetsing' }).waitFor();
    const toetsForm = main().getByRole('form', { name: 'Toets toevoegen' });
    expect(await toetsForm.getByRole('combobox', { name: 'Leerjaar en periode' }).inputValue()).toBe('3:3');
    expect(await toetsForm.getByRole('checkbox', { name: new RegExp(`^${escape(doel.code)} `) }).isChecked()).toBe(true);
    await expectAccessible('step 3 toetsing');
    await toetsForm.getByRole('textbox', { name: 'Toetscode' }).fill('PIE-KT-01');
    await toetsForm.getByRole('textbox', { name: 'Inhoud' }).fill('Koelcircuit opbouwen en testen');
    await toetsForm.getByRole('combobox', { name: 'Toetsvorm' }).selectOption('praktijkopdracht');
    await toetsForm.getByRole('combobox', { name: 'Formatief of summatief' }).selectOption('summatief');
    await toetsForm.getByRole('textbox', { name: 'Duur in minuten' }).fill('120');
    await toetsForm.getByRole('textbox', { name: 'Weging', exact: true }).fill('2');
    await toetsForm.getByRole('checkbox', { name: 'Herkansbaar' }).check();
    await toetsForm.getByRole('combobox', { name: 'Hoort bij' }).selectOption('pta');
    await toetsForm.getByRole('textbox', { name: 'SE-weging' }).fill('10');
    await toetsForm.getByRole('button', { name: 'Toets toevoegen' }).click();
    await toetsForm.getByRole('status').filter({ hasText: 'Toets PIE-KT-01 is toegevoegd in leerjaar 3, periode 3.' }).waitFor();
    const toetsen33 = main().getByRole('table', { name: 'Toetsen in leerjaar 3, periode 3' });
    await toetsen33.getByRole('row', { name: /PIE-KT-01.*Koelcircuit opbouwen en testen.*Praktijkopdracht.*summatief/ }).waitFor();
    await expect.poll(() => gaten('Geen summatieve toets')).toBeLessThan(toetsGatenVoor);
    await expectAccessible('step 3 toetsing with a toets');

    // ---- Step 4: an activiteit for the same doel.
    const activiteitGatenVoor = await gaten('Geen activiteit');
    await gaNaarStap('4. Activiteiten en lessen', 'Stap 4 van 5: Activiteiten en lessen');
    const actForm = main().getByRole('form', { name: 'Activiteit toevoegen' });
    await actForm.getByRole('combobox', { name: 'Leerjaar en periode' }).selectOption({ label: 'Leerjaar 3, periode 3 (vmbo)' });
    await actForm.getByRole('textbox', { name: 'Titel' }).fill('Werkplaatsles koelcircuit');
    await actForm.getByRole('checkbox', { name: new RegExp(`^${escape(doel.code)} `) }).check();
    await actForm.getByRole('combobox', { name: 'Verzorgd door' }).selectOption({ label: 'Demo Vmbo College' });
    await actForm.getByRole('textbox', { name: 'Uren' }).fill('8');
    await actForm.getByRole('button', { name: 'Activiteit toevoegen' }).click();
    await main().getByRole('table', { name: 'Activiteiten in leerjaar 3, periode 3' }).getByRole('row', { name: /Werkplaatsles koelcircuit.*Demo Vmbo College/ }).waitFor();
    await expect.poll(() => gaten('Geen activiteit')).toBeLessThan(activiteitGatenVoor);
    await expectAccessible('step 4 activiteiten');

    // ---- Roos Docent (Demo ROC) signs in and sees Daan's work.
    await signInAt(`/leerroutes/${routeId}/planning`, 'docent@roc.demo');
    await page.getByRole('heading', { level: 1, name: 'Koudetechniek doorlopend' }).waitFor();
    await page.getByTestId('periode-3-3').getByText(/Daan Docent \(Demo Vmbo College\)/).waitFor();
    await page.getByTestId('periode-3-3').getByText(eerste.split(' en ')[0]!).waitFor();
    const nietGeplandB = await gaten('Niet gepland');
    // She finds an unplanned werkproces by its code and plans it in leerjaar 5 by keyboard.
    const bijB = await routeVanApi(routeId);
    const geplandB = new Set(bijB.planning.flatMap((r) => r.items));
    const open = bijB.doelen.find((d) => d.side === 'mbo' && !geplandB.has(d.id))!;
    await main().getByRole('searchbox', { name: 'Zoek in de doelen' }).fill(open.code);
    const mboDoel = await plaatsMetToetsenbord('mbo', 'Leerjaar 5, periode 1 (mbo)');
    expect(mboDoel).toContain(`${open.code} ${open.titel}`);
    await main().getByRole('searchbox', { name: 'Zoek in de doelen' }).fill('');
    await page.getByTestId('periode-5-1').getByText(mboDoel.split(' en ')[0]!).waitFor();
    await expect.poll(() => gaten('Niet gepland')).toBeLessThan(nietGeplandB);
    await page.getByTestId('periode-5-1').getByText(/Roos Docent \(Demo ROC\)/).waitFor();

    // She adds a materiaal provided by her school.
    await gaNaarStap('5. Materialen', 'Stap 5 van 5: Materialen');
    const matForm = main().getByRole('form', { name: 'Materiaal toevoegen' });
    await matForm.getByRole('combobox', { name: 'Leerjaar en periode' }).selectOption({ label: 'Leerjaar 5, periode 1 (mbo)' });
    await matForm.getByRole('textbox', { name: 'Titel' }).fill('Koelwerkplaats van het ROC');
    await matForm.getByRole('combobox', { name: 'Soort materiaal' }).selectOption('locatie');
    await matForm.getByRole('combobox', { name: 'Geleverd door' }).selectOption({ label: 'Demo ROC' });
    await matForm.getByRole('button', { name: 'Materiaal toevoegen' }).click();
    await main().getByRole('table', { name: 'Materialen in leerjaar 5, periode 1' }).getByRole('row', { name: /Koelwerkplaats van het ROC.*Locatie.*Demo ROC/ }).waitFor();
    await expectAccessible('step 5 materialen');

    // She sees Daan's toets.
    await gaNaarStap('3. Toetsing', 'Stap 3 van 5: Toetsing');
    await main().getByRole('table', { name: 'Toetsen in leerjaar 3, periode 3' }).getByRole('row', { name: /PIE-KT-01.*Daan Docent/ }).waitFor();

    // ---- A stale change: Daan moves a regel (another browser, through the API) while Roos has the old version.
    await gaNaarStap('2. Planning', 'Stap 2 van 5: Planning');
    const nu = await routeVanApi(routeId);
    const regel = nu.planning.find((r) => r.leerjaar === 4 && r.periode === 1)!;
    const daan = await apiLogin('docent@vmbo.demo');
    const moved = await fetch(`${app.url}/api/leerroutes/${routeId}/planning/${regel.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: daan.cookie, 'x-csrf-token': daan.csrf },
      body: JSON.stringify({ versie: regel.versie, leerjaar: 4, periode: 2 }),
    });
    expect(moved.status).toBe(200);
    const regelLabel = (await page.getByTestId(`regel-${regel.id}`).getByRole('button', { name: /^Verplaats…/ }).getAttribute('aria-label'))!.replace(/^Verplaats… /, '');
    await page.getByTestId(`regel-${regel.id}`).getByRole('button', { name: /^Verplaats…/ }).click();
    const stale = main().getByRole('form', { name: `Verplaatsen: ${regelLabel}` });
    await stale.getByRole('combobox', { name: 'Leerjaar en periode' }).selectOption({ label: 'Leerjaar 4, periode 4 (vmbo)' });
    await stale.getByRole('button', { name: 'Verplaatsen' }).click();
    const conflict = main().getByRole('alert').filter({ hasText: 'Iemand anders was u voor' });
    await conflict.getByText(/opnieuw geladen/).waitFor();
    // Reloaded: the regel now shows where Daan put it.
    await page.getByTestId('periode-4-2').getByTestId(`regel-${regel.id}`).waitFor();
    await expectAccessible('planning after a conflict');
    // Daan moves it once more; Roos loads the route again and sees it.
    const weer = await fetch(`${app.url}/api/leerroutes/${routeId}/planning/${regel.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: daan.cookie, 'x-csrf-token': daan.csrf },
      body: JSON.stringify({ versie: regel.versie + 1, leerjaar: 4, periode: 3 }),
    });
    expect(weer.status).toBe(200);
    await main().getByRole('button', { name: 'Opnieuw laden' }).click();
    await page.getByTestId('periode-4-3').getByTestId(`regel-${regel.id}`).waitFor();
    await expect.poll(() => melding().innerText()).toContain('De leerroute is opnieuw geladen met de laatste wijzigingen.');

    // ---- History: both users, with their schools.
    await gaNaarStap('Wijzigingen', 'Wijzigingen');
    const historie = main().getByRole('table', { name: 'Wijzigingen, nieuwste eerst' });
    await historie.getByRole('row', { name: /Roos Docent.*Demo ROC/ }).first().waitFor();
    await historie.getByRole('row', { name: /Daan Docent.*Demo Vmbo College/ }).first().waitFor();
    await expect.poll(() => historie.getByRole('row').count()).toBeGreaterThanOrEqual(8);
    await expectAccessible('history');

    // The coverage numbers in the panel are the server's.
    const eind = await routeVanApi(routeId);
    await panel().getByText(`${eind.dekking.totalen.volledig} ${eind.dekking.totalen.volledig === 1 ? 'doel' : 'doelen'} van ${eind.doelen.length} volledig`).waitFor();
    expect(await gaten('Niet gepland')).toBe(eind.dekking.gaten.filter((g) => g.ontbreekt === 'planning').length);
    expect(eind.materialen.map((m) => m.gewijzigd.gebruiker.naam)).toEqual(['Roos Docent']);

    // ---- Exports from the overview: the PTA of K/PIE/16 as XLSX (opened with exceljs) and PDF, the route document.
    await gaNaarStap('Overzicht en instellingen', 'Overzicht en instellingen');
    const exporteren = main().getByRole('region', { name: 'Exporteren' });
    const pta = exporteren.getByRole('listitem').filter({ hasText: 'PTA K/PIE/16 Koudetechniek' });
    const xlsx = await download(pta.getByRole('link', { name: 'Excel (XLSX)' }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    const cellen = workbook.worksheets.flatMap((ws) => {
      const values: string[] = [];
      ws.eachRow((row) => row.eachCell((cell) => values.push(String(cell.text ?? ''))));
      return values;
    });
    expect(cellen).toContain('PIE-KT-01');
    expect(cellen.some((c) => c.includes('Koelcircuit opbouwen en testen'))).toBe(true);
    expect(cellen.some((c) => c.includes('K/PIE/16'))).toBe(true);
    const pdf = await download(pta.getByRole('link', { name: 'PDF' }));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const docx = await download(exporteren.getByRole('link', { name: 'Word (DOCX)' }));
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    await expectAccessible('overview with exports');
  }, 240_000);

  /** Clicks a download link and returns the file's bytes. */
  async function download(link: ReturnType<Page['getByRole']>): Promise<Buffer> {
    const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  it('a planned card dragged back to the list is unplanned; a toets without doelen is warned about, changed and removed; settings saved; the route deleted', async () => {
    // A keuzevak-keuzedeelarrangement made through the API by Daan.
    const daan = await apiLogin('docent@vmbo.demo');
    const lijst = (await (await fetch(`${app.url}/api/partnerships`, { headers: { cookie: daan.cookie } })).json()) as Array<{ id: string; naam: string }>;
    const samenwerking = lijst.find((x) => x.naam === 'Demo doorlopende leerroute techniek')!;
    const created = await fetch(`${app.url}/api/partnerships/${samenwerking.id}/leerroutes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: daan.cookie, 'x-csrf-token': daan.csrf },
      body: JSON.stringify({ naam: 'Arrangement koeling', type: 'keuzevak-keuzedeel', vmbo: { profiel: 'PIE', leerweg: 'BB', keuzevakken: ['K/PIE/16'] }, mbo: { keuzedelen: ['K0072'] } }),
    });
    expect(created.status).toBe(201);
    const routeId = ((await created.json()) as { id: string }).id;

    const aangemaakt = await routeVanApiAls(daan, routeId);
    const eersteDoel = aangemaakt.doelen[0]!;
    const plan = await fetch(`${app.url}/api/leerroutes/${routeId}/planning`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: daan.cookie, 'x-csrf-token': daan.csrf },
      body: JSON.stringify({ items: [eersteDoel.id], leerjaar: 3, periode: 1 }),
    });
    expect(plan.status).toBe(201);

    // Dragging the planned card back onto the list takes it out of the planning.
    await signInAt(`/leerroutes/${routeId}/planning`, 'docent@vmbo.demo');
    await main().getByRole('heading', { level: 2, name: 'Stap 2 van 5: Planning' }).waitFor();
    await page.setViewportSize({ width: 1400, height: 2000 });
    const geplandeKaart = page.getByTestId('periode-3-1').getByRole('listitem').filter({ has: page.getByRole('button', { name: /^Verplaats…/ }) });
    await geplandeKaart.dragTo(main().getByRole('list', { name: 'Nog niet geplande doelen' }));
    await expect.poll(() => melding().innerText()).toContain(`Uit de planning gehaald: ${eersteDoel.code} ${eersteDoel.titel}`);
    expect((await routeVanApi(routeId)).planning).toEqual([]);

    await gaNaarStap('3. Toetsing', 'Stap 3 van 5: Toetsing');
    expect(await panel().getByRole('heading', { name: /Waarschuwingen/ }).count()).toBe(0);
    const toetsForm = main().getByRole('form', { name: 'Toets toevoegen' });
    await toetsForm.getByRole('combobox', { name: 'Leerjaar en periode' }).selectOption({ label: 'Leerjaar 4, periode 2 (vmbo)' });
    // A wrong number is caught before sending, at the field.
    await toetsForm.getByRole('textbox', { name: 'Toetscode' }).fill('ARR-01');
    await toetsForm.getByRole('textbox', { name: 'Inhoud' }).fill('Eindopdracht koeling');
    await toetsForm.getByRole('textbox', { name: 'Duur in minuten' }).fill('twee uur');
    await toetsForm.getByRole('button', { name: 'Toets toevoegen' }).click();
    await toetsForm.getByRole('group', { name: 'De toets is niet opgeslagen' }).getByRole('link', { name: 'Duur in minuten: vul een geheel getal in.' }).waitFor();
    expect(await toetsForm.getByRole('textbox', { name: 'Duur in minuten' }).getAttribute('aria-describedby')).toContain('toetsen-form-duurMinuten-error');
    await toetsForm.getByRole('textbox', { name: 'Duur in minuten' }).fill('90');
    await toetsForm.getByRole('button', { name: 'Toets toevoegen' }).click();
    const tabel = main().getByRole('table', { name: 'Toetsen in leerjaar 4, periode 2' });
    await tabel.getByRole('row', { name: /ARR-01.*Eindopdracht koeling.*geen doelen/ }).waitFor();
    // The coverage panel warns and links to the period of the toets.
    const waarschuwingen = panel().getByRole('region', { name: /Waarschuwingen \(1\)/ });
    const link = waarschuwingen.getByRole('link', { name: 'Summatieve toets ARR-01 toetst geen enkel doel.' });
    expect(await link.getAttribute('href')).toBe(`/leerroutes/${routeId}/toetsing?leerjaar=4&periode=2`);
    await expectAccessible('toetsing with a warning');

    // Change it: the form fills with the toets, saving sends the versie.
    await tabel.getByRole('button', { name: 'ARR-01 Eindopdracht koeling wijzigen' }).click();
    const wijzigForm = main().getByRole('form', { name: 'Toets wijzigen: ARR-01 Eindopdracht koeling' });
    await expect.poll(() => wijzigForm.getByRole('heading', { level: 3 }).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await wijzigForm.getByRole('textbox', { name: 'Duur in minuten' }).inputValue()).toBe('90');
    // Meanwhile Daan changes the same toets elsewhere: saving here is refused (409), nothing is overwritten,
    // the form keeps what was typed and says what to do.
    const toets = (await routeVanApi(routeId)).toetsen[0]!;
    const elders = await fetch(`${app.url}/api/leerroutes/${routeId}/toetsen/${toets.id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: daan.cookie, 'x-csrf-token': daan.csrf },
      body: JSON.stringify({ ...toets, weging: 3, versie: toets.versie }),
    });
    expect(elders.status).toBe(200);
    await wijzigForm.getByRole('combobox', { name: 'Toetsvorm' }).selectOption('portfolio');
    await wijzigForm.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await wijzigForm.getByRole('group', { name: 'De toets is niet opgeslagen' }).getByText(/intussen door iemand anders gewijzigd/).waitFor();
    await main().getByRole('alert').filter({ hasText: 'Iemand anders was u voor' }).waitFor();
    expect(await wijzigForm.getByRole('combobox', { name: 'Toetsvorm' }).inputValue()).toBe('portfolio');
    await tabel.getByRole('row', { name: /ARR-01.*Schriftelijk.*summatief.*geen doelen.*90 min.*3/ }).waitFor();
    // Wijzigen again on the new version, then it saves.
    await tabel.getByRole('button', { name: 'ARR-01 Eindopdracht koeling wijzigen' }).click();
    await wijzigForm.getByRole('combobox', { name: 'Toetsvorm' }).selectOption('portfolio');
    await wijzigForm.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await tabel.getByRole('row', { name: /ARR-01.*Portfolio/ }).waitFor();
    const route = await routeVanApi(routeId);
    expect(route.toetsen[0]!.versie).toBe(3);
    expect(route.toetsen[0]!.weging).toBe(3);

    // Remove it after confirming; the warning goes too.
    await tabel.getByRole('button', { name: 'ARR-01 Eindopdracht koeling verwijderen' }).click();
    const bevestig = main().getByRole('group', { name: /Weet u zeker dat u toets ARR-01 Eindopdracht koeling wilt verwijderen\?/ });
    await bevestig.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await tabel.waitFor({ state: 'detached' });
    await panel().getByRole('region', { name: /Waarschuwingen/ }).waitFor({ state: 'detached' });
    expect((await routeVanApi(routeId)).toetsen).toEqual([]);
    await gaNaarStap('Wijzigingen', 'Wijzigingen');
    const historie = main().getByRole('table', { name: 'Wijzigingen, nieuwste eerst' });
    await expect.poll(() => historie.getByRole('row', { name: /Daan Docent.*Demo Vmbo College/ }).count()).toBeGreaterThanOrEqual(4);

    // Settings: a new name, saved with the versie; then the route is deleted after confirming.
    await gaNaarStap('Overzicht en instellingen', 'Overzicht en instellingen');
    const instellingen = main().getByRole('form', { name: 'Instellingen wijzigen' });
    await instellingen.getByRole('textbox', { name: 'Naam van de leerroute' }).fill('Arrangement koeltechniek');
    await instellingen.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Arrangement koeltechniek' }).waitFor();
    await expect.poll(() => melding().innerText()).toContain('De instellingen zijn opgeslagen.');
    expect((await routeVanApi(routeId)).versie).toBe(2);
    await main().getByRole('button', { name: 'Leerroute verwijderen' }).click();
    await main().getByRole('group', { name: /Weet u zeker dat u Arrangement koeltechniek/ }).getByRole('button', { name: 'Ja, verwijderen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Leerroutes' }).waitFor();
    await main().getByText('De leerroute Arrangement koeltechniek is verwijderd.').waitFor();
    expect(await main().getByRole('link', { name: 'Arrangement koeltechniek' }).count()).toBe(0);
  });

  it('an unknown route id or a malformed one shows "Pagina niet gevonden"', async () => {
    await signInAt('/leerroutes/00000000-0000-4000-8000-000000000000', 'docent@vmbo.demo');
    await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
    await page.goto(`${app.url}/leerroutes/geen-id/planning`);
    await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
  });

  async function routeVanApiAls(user: { cookie: string }, id: string): Promise<LeerrouteDetail> {
    const res = await fetch(`${app.url}/api/leerroutes/${id}`, { headers: { cookie: user.cookie } });
    expect(res.status).toBe(200);
    return (await res.json()) as LeerrouteDetail;
  }

  async function apiLogin(email: string): Promise<{ cookie: string; csrf: string }> {
    const res = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, wachtwoord: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { csrfToken: string };
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    return { cookie, csrf: body.csrfToken };
  }
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
