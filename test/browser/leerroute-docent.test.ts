/**
 * Issue 12, "the teacher's experience", in a real browser on the demo data: what a vmbo and an mbo teacher ran into
 * in a first real use of the leerroute-ontwerper, each with the behaviour that fixes it.
 * - Enter in a search field inside a form searches and never sends the form (the kwalificatie search in the new-route
 *   form and in the inventory's selection, the search of the unplanned list, the doelen search in the toets form).
 * - The schooljaar (cohort) is entered in the route form and shown in the overview.
 * - The coverage panel names each gap's doel once and its place once.
 * - A doel planned from a stale page (the partner planned it meanwhile) is refused with a clear message; the page
 *   reloads and shows where it is.
 * - A keuzevak-keuzedeelarrangement says what it leads to, not "geen diploma".
 * Layout at 1366 and 390 px: screenshots in test-results/screenshots (not committed), no horizontal scroll.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LeerrouteDetail } from '../../src/shared/leerroute-api.js';
import { doelInZin } from '../../src/domain/leerroute/coverage.js';
import { DEMO_PASSWORD, seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import { assertBrowserReadyInCi, browserReady, type TestApp } from '../support/app.js';
import { browserSession } from '../support/browser-session.js';
import { signInAt as signInWithForm, atBothWidths } from '../support/browser-steps.js';

assertBrowserReadyInCi();

describe.skipIf(!browserReady)('leerroute: what teachers found (issue 12)', () => {
  const session = browserSession('demo');
  const { expectAccessible } = session;
  let app: TestApp;
  let page: Page;
  beforeAll(async () => {
    await seedDemoOrganisations(session.app.database.db);
  });
  beforeEach(() => {
    ({ app, page } = session);
  });

  const main = () => page.getByRole('main');
  const panel = () => page.getByRole('complementary', { name: 'Dekking' });
  const melding = () => page.getByTestId('leerroute-meldingen');
  /** Requests that change something (POST, PUT, PATCH, DELETE) to the API, counted from now. */
  function writes(): { count: () => number } {
    let n = 0;
    page.on('request', (r) => {
      if (r.method() !== 'GET' && new URL(r.url()).pathname.startsWith('/api/') && !new URL(r.url()).pathname.startsWith('/api/auth')) n++;
    });
    return { count: () => n };
  }

  const signInAt = (path: string, email: string) => signInWithForm(page, app.url, path, email);

  async function apiLogin(email: string): Promise<{ cookie: string; csrf: string }> {
    const res = await fetch(`${app.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, wachtwoord: DEMO_PASSWORD }) });
    expect(res.status).toBe(200);
    return { cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  }
  async function apiSend(user: { cookie: string; csrf: string }, method: string, url: string, body: object): Promise<Response> {
    return fetch(`${app.url}${url}`, { method, headers: { 'content-type': 'application/json', cookie: user.cookie, 'x-csrf-token': user.csrf }, body: JSON.stringify(body) });
  }
  async function routeVanApi(id: string): Promise<LeerrouteDetail> {
    const res = await page.request.get(`${app.url}/api/leerroutes/${id}`);
    expect(res.status()).toBe(200);
    return (await res.json()) as LeerrouteDetail;
  }

  const beideBreedtes = (naam: string) => atBothWidths(page, `leerroute-docent-${naam}`);

  it('Enter in a search field inside a form searches and never sends the form; the schooljaar is kept; gaps are said once; a stale plan is refused clearly', async () => {
    await signInAt('/samenwerkingen', 'docent@vmbo.demo');
    await main().getByRole('link', { name: 'Demo doorlopende leerroute techniek' }).click();
    await page.getByRole('heading', { level: 1, name: 'Demo doorlopende leerroute techniek' }).waitFor();
    const samenwerkingUrl = page.url();
    await main().getByRole('link', { name: 'Leerroutes van Demo doorlopende leerroute techniek' }).click();
    await page.getByRole('heading', { level: 1, name: 'Leerroutes' }).waitFor();
    const form = main().getByRole('form', { name: 'Nieuwe leerroute' });
    await form.getByRole('combobox', { name: 'Profiel' }).locator('option', { hasText: 'PIE' }).first().waitFor({ state: 'attached' });

    await form.getByRole('textbox', { name: 'Naam van de leerroute' }).fill('Koudetechniek cohort 2026');
    await form.getByRole('textbox', { name: 'Schooljaar (cohort)' }).fill('2026-2027');
    await form.getByRole('combobox', { name: 'Profiel' }).selectOption('PIE');
    await form.getByRole('combobox', { name: 'Leerweg' }).selectOption('BB');
    await form.getByRole('checkbox', { name: /K\/PIE\/16 Koudetechniek/ }).check();

    // ---- Enter in "Kwalificatie zoeken" searches; the route is not created.
    const teller = writes();
    const zoek = form.getByRole('searchbox', { name: 'Kwalificatie zoeken' });
    await zoek.fill('25282');
    await zoek.press('Enter');
    await form.getByRole('status').filter({ hasText: /gevonden/ }).waitFor();
    await expect.poll(() => form.getByRole('combobox', { name: 'Kwalificatie' }).inputValue()).toBe('25282');
    expect(teller.count(), 'Enter in the search field sent the form').toBe(0);
    expect(await form.getByRole('group', { name: 'De leerroute is niet opgeslagen' }).count()).toBe(0);
    await page.getByRole('heading', { level: 1, name: 'Leerroutes' }).waitFor();
    await expectAccessible('new-route form after searching with Enter');
    await beideBreedtes('nieuwe-leerroute');

    // A malformed schooljaar is caught at the field; then the button creates the route.
    await form.getByRole('textbox', { name: 'Schooljaar (cohort)' }).fill('26/27');
    await form.getByRole('button', { name: 'Leerroute aanmaken' }).click();
    await form.getByRole('group', { name: 'De leerroute is niet opgeslagen' }).getByRole('link', { name: 'Schrijf het schooljaar als 2026-2027.' }).waitFor();
    expect(teller.count()).toBe(0);
    await form.getByRole('textbox', { name: 'Schooljaar (cohort)' }).fill('2026-2027');
    await form.getByRole('button', { name: 'Leerroute aanmaken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Koudetechniek cohort 2026' }).waitFor();
    const routeId = new URL(page.url()).pathname.split('/')[2]!;
    const overzicht = main().getByRole('definition').filter({ hasText: '2026-2027' });
    await overzicht.first().waitFor();
    expect((await routeVanApi(routeId)).schooljaar).toBe('2026-2027');
    await main().getByText(/Doorlopende leerroute · schooljaar 2026-2027/).waitFor();
    // The settings form keeps it.
    expect(await main().getByRole('form', { name: 'Instellingen wijzigen' }).getByRole('textbox', { name: 'Schooljaar (cohort)' }).inputValue()).toBe('2026-2027');
    await expectAccessible('overview with the schooljaar');
    await beideBreedtes('overzicht');
    // At 390 px the values of the overview keep most of the line (the label column took 14rem and left a few words).
    await page.setViewportSize({ width: 390, height: 844 });
    const waarde = await overzicht.first().evaluate((dd) => dd.getBoundingClientRect().width / dd.parentElement!.getBoundingClientRect().width);
    expect(waarde, 'share of the line for the value at 390 px').toBeGreaterThan(0.5);
    await page.setViewportSize({ width: 1366, height: 900 });

    // ---- Planning: Enter in the search of the unplanned list narrows and says how many; nothing is sent.
    await page.getByRole('navigation', { name: 'Stappen van de leerroute' }).getByRole('link', { name: '2. Planning' }).click();
    await main().getByRole('heading', { level: 2, name: 'Stap 2 van 5: Planning' }).waitFor();
    const route = await routeVanApi(routeId);
    const [e1, e2] = route.doelen.filter((d) => d.side === 'vmbo');
    const voorPlanning = teller.count();
    const zoekDoel = main().getByRole('searchbox', { name: 'Zoek in de doelen' });
    await zoekDoel.fill(e1!.code);
    await zoekDoel.press('Enter');
    await expect.poll(() => melding().innerText()).toMatch(/\d+ kaarte?n? gevonden in Nog niet gepland\./);
    expect(teller.count()).toBe(voorPlanning);
    await zoekDoel.fill('');

    // ---- A stale page: Roos plans e1 through the API while Daan's page still shows it as unplanned.
    const roos = await apiLogin('docent@roc.demo');
    expect((await apiSend(roos, 'POST', `/api/leerroutes/${routeId}/planning`, { items: [e1!.id], leerjaar: 4, periode: 2 })).status).toBe(201);
    const kaart = main().getByRole('list', { name: 'Nog niet geplande doelen' }).getByRole('listitem').filter({ hasText: `${e1!.code} ${e1!.titel}` }).first();
    await kaart.getByRole('button', { name: /^Plaats in…/ }).click();
    const plaats = main().getByRole('form', { name: /^Plaatsen: / });
    await plaats.getByRole('combobox', { name: 'Leerjaar en periode' }).selectOption({ label: 'Leerjaar 3, periode 1 (vmbo)' });
    const [geweigerd] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/planning')),
      plaats.getByRole('button', { name: 'Plaatsen' }).click(),
    ]);
    expect(geweigerd.status()).toBe(409);
    const alert = main().getByRole('alert').filter({ hasText: 'Iemand anders was u voor' });
    await alert.getByText(`${doelInZin(e1!)} is al gepland in leerjaar 4, periode 2 (door Roos Docent, Demo ROC).`, { exact: false }).waitFor();
    // Reloaded: the card stands where Roos put it, once.
    await page.getByTestId('periode-4-2').getByText(`${e1!.code} ${e1!.titel}`).waitFor();
    expect((await routeVanApi(routeId)).planning.filter((p) => p.items.includes(e1!.id))).toHaveLength(1);
    await expectAccessible('planning after a refused double plan');
    await beideBreedtes('planning-dubbel');

    // ---- The coverage panel: each gap names its doel once and its place once.
    const details = panel().locator('details', { hasText: 'Geen activiteit' });
    await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));
    const regels = await details.getByRole('listitem').allInnerTexts();
    expect(regels.length).toBeGreaterThan(0);
    const metE1 = regels.find((r) => r.includes(e1!.code))!;
    expect(metE1.split(e1!.code).length - 1, metE1).toBe(1);
    expect(metE1.split(e1!.titel).length - 1, metE1).toBe(1);
    expect(metE1.match(/leerjaar/gi)?.length, metE1).toBe(1);
    expect(metE1).toContain('gepland in leerjaar 4, periode 2');
    for (const r of regels) expect(r.match(/leerjaar/gi)?.length ?? 0, r).toBeLessThanOrEqual(1);

    // ---- Toetsing: the doelen search inside the toets form; Enter narrows, the toets is not saved.
    expect((await apiSend(roos, 'POST', `/api/leerroutes/${routeId}/planning`, { items: [e2!.id], leerjaar: 4, periode: 2 })).status).toBe(201);
    await main().getByRole('button', { name: 'Opnieuw laden' }).click();
    await page.getByTestId('periode-4-2').getByText(`${e2!.code} ${e2!.titel}`).waitFor();
    await page.getByRole('navigation', { name: 'Stappen van de leerroute' }).getByRole('link', { name: '3. Toetsing' }).click();
    const toetsForm = main().getByRole('form', { name: 'Toets toevoegen' });
    await toetsForm.getByRole('combobox', { name: 'Leerjaar en periode' }).selectOption({ label: 'Leerjaar 4, periode 2 (vmbo)' });
    await toetsForm.getByRole('textbox', { name: 'Toetscode' }).fill('KT-01');
    await toetsForm.getByRole('textbox', { name: 'Inhoud' }).fill('Koelcircuit');
    const voorToets = teller.count();
    const doelZoek = toetsForm.getByRole('searchbox', { name: 'Zoek in deze doelen' });
    await doelZoek.fill(e2!.code);
    await doelZoek.press('Enter');
    await toetsForm.getByRole('status').filter({ hasText: /^1 van \d+ doelen getoond\.$/ }).waitFor();
    expect(await toetsForm.getByRole('checkbox', { name: new RegExp(`^${escape(e1!.code)} `) }).count()).toBe(0);
    expect(teller.count(), 'Enter in the doelen search saved the toets').toBe(voorToets);
    expect((await routeVanApi(routeId)).toetsen).toEqual([]);
    await toetsForm.getByRole('checkbox', { name: new RegExp(`^${escape(e2!.code)} `) }).check();
    await doelZoek.fill('');
    await toetsForm.getByRole('checkbox', { name: new RegExp(`^${escape(e1!.code)} `) }).waitFor();
    await expectAccessible('toets form with the doelen search');
    await beideBreedtes('toetsing-doelen-zoeken');
    await toetsForm.getByRole('button', { name: 'Toets toevoegen' }).click();
    await toetsForm.getByRole('status').filter({ hasText: 'Toets KT-01 is toegevoegd' }).waitFor();
    expect((await routeVanApi(routeId)).toetsen.map((t) => t.doelen)).toEqual([[e2!.id]]);

    // ---- The inventory's selection form: Enter in its kwalificatie search searches too.
    await page.goto(samenwerkingUrl);
    await main().getByRole('link', { name: /Overlapinventaris/ }).first().click();
    const selectie = page.getByRole('form', { name: 'Selectie' });
    const invZoek = selectie.getByRole('searchbox', { name: 'Kwalificatie zoeken' });
    await invZoek.waitFor();
    const url = page.url();
    const voorInventaris = teller.count();
    await invZoek.fill('koude');
    await invZoek.press('Enter');
    await selectie.getByRole('status').filter({ hasText: /gevonden/ }).waitFor();
    expect(page.url()).toBe(url);
    expect(teller.count()).toBe(voorInventaris);
  }, 240_000);

  it('a keuzevak-keuzedeelarrangement says what it leads to: the keuzevak in the vmbo diploma, the keuzedeel in the mbo', async () => {
    const daan = await apiLogin('docent@vmbo.demo');
    const lijst = (await (await fetch(`${app.url}/api/partnerships`, { headers: { cookie: daan.cookie } })).json()) as Array<{ id: string; naam: string }>;
    const samenwerking = lijst.find((x) => x.naam === 'Demo doorlopende leerroute techniek')!;
    const created = await apiSend(daan, 'POST', `/api/partnerships/${samenwerking.id}/leerroutes`, {
      naam: 'Arrangement koeling', type: 'keuzevak-keuzedeel', vmbo: { profiel: 'PIE', leerweg: 'BB', keuzevakken: ['K/PIE/16'] }, mbo: { keuzedelen: ['K0072'] },
    });
    expect(created.status).toBe(201);
    const routeId = ((await created.json()) as { id: string }).id;
    await signInAt(`/leerroutes/${routeId}`, 'docent@vmbo.demo');
    await page.getByRole('heading', { level: 1, name: 'Arrangement koeling' }).waitFor();
    const instellingen = main().getByRole('list', { name: 'Instellingen van de leerroute' }).or(main().locator('dl').first());
    await main().getByText('het keuzevak, als onderdeel van het vmbo-diploma').waitFor();
    await main().getByText(/het resultaat van het keuzedeel in het mbo/).waitFor();
    expect(await instellingen.first().innerText()).not.toMatch(/geen diploma/i);
    await expectAccessible('overview of an arrangement');
    await beideBreedtes('arrangement');
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
