/**
 * Issue 15, the regional menukaart in a real browser on the demo data: two schools of the demo region proposed ten
 * modules (five each, through the API); the region's beheerder publishes all ten on the working page (the confirmation
 * next to the table, the keyboard kept in the row, the dashboard not rebuilt), takes one off and publishes it again from
 * the keyboard, and returns the demo proposal with a reason; a school's docent proposes one more through the form; the school's docent fixes the
 * returned module in its "Aanpassen" form (every field prefilled, errors at the field with the focus moved there, from
 * the keyboard) and sends it back, and withdraws its own new proposal; anyone, without signing in, opens
 * the public menukaart, filters it by leerweg and kind (the address keeps the filters) and opens a module at its
 * stable address. Screenshots at 1366 and 390 px (test-results/screenshots, not committed), no sideways scrolling,
 * axe clean.
 */
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import type { ModuleInvoer } from '../../src/shared/menukaart-api.js';
import { assertBrowserReadyInCi, browserReady, type TestApp } from '../support/app.js';
import { browserSession } from '../support/browser-session.js';
import { atBothWidths, signInAt as signInAtForm } from '../support/browser-steps.js';
import { screenshot } from '../support/screenshots.js';

assertBrowserReadyInCi();

const SOORTEN = ['kennismakend', 'verdiepend', 'orienterend', 'keuzevak-keuzedeel', 'doorlopende-leerroute'] as const;

describe.skipIf(!browserReady)('regional menukaart (issue 15)', () => {
  const session = browserSession('demo');
  const { expectAccessible } = session;
  let app: TestApp;
  let page: Page;
  let regio = '';
  const titels: string[] = [];

  async function apiSession(email: string) {
    const res = await fetch(`${session.app.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, wachtwoord: DEMO_PASSWORD }) });
    expect(res.status).toBe(200);
    return { cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  }

  beforeAll(async () => {
    await seedDemoOrganisations(session.app.database.db);
    const db = session.app.database.db;
    await createUser({ db, email: 'regio@regio.demo', naam: 'Ruud Regio', organisatie: 'Demo Regio Techniek', rol: 'beheerder', password: DEMO_PASSWORD });
    regio = (await db.selectFrom('organisation').select('id').where('naam', '=', 'Demo Regio Techniek').executeTakeFirstOrThrow()).id;
    const scholen = [
      { email: 'docent@vmbo.demo', org: (await db.selectFrom('organisation').select('id').where('naam', '=', 'Demo Vmbo College').executeTakeFirstOrThrow()).id, locatie: 'Centrum', keuzevak: 'K/PIE/16', leerwegen: ['BB', 'KB'] },
      { email: 'docent@roc.demo', org: (await db.selectFrom('organisation').select('id').where('naam', '=', 'Demo ROC').executeTakeFirstOrThrow()).id, locatie: 'ROC-campus', keuzevak: 'K/ZW/05', leerwegen: ['GL', 'TL'] },
    ];
    for (const [s, school] of scholen.entries()) {
      const { cookie, csrf } = await apiSession(school.email);
      for (let i = 0; i < 5; i++) {
        const titel = `${s === 0 ? 'Werkplaats' : 'Campus'} module ${i + 1}`;
        const body: ModuleInvoer = {
          titel, beschrijving: `Een module van ${school.locatie} om uit te kiezen.`, soort: SOORTEN[i]!, omvangEenheden: 1 + (i % 2), aanbiederId: school.org, vestigingId: null, locatie: school.locatie,
          leerjaar: 3 + (i % 2), periode: (['P1', 'P2', 'P3', 'P4', 'jaar'] as const)[i]!, leerwegen: school.leerwegen as ModuleInvoer['leerwegen'], capaciteit: 16 + i, voorwaarden: [],
          keuzevakken: [school.keuzevak], profielmodulen: [], keuzedelen: [], kwalificaties: [], profielen: [], leerrouteId: null,
        };
        const res = await fetch(`${session.app.url}/api/regios/${regio}/menukaart/modulen`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf }, body: JSON.stringify(body) });
        expect(res.status).toBe(201);
        titels.push(titel);
      }
    }
  });
  beforeEach(() => {
    ({ app, page } = session);
  });

  const main = () => page.getByRole('main');

  const signInAt = (to: string, email: string) => signInAtForm(page, app.url, to, email);

  /** At 1366 and 390 px: a screenshot, and the page does not scroll sideways. */
  const beideBreedtes = (naam: string) => atBothWidths(page, `menukaart-${naam}`);

  it('lets the region’s beheerder publish ten modules of two schools and return a proposal with a reason', async () => {
    await signInAt(`/regios/${regio}/menukaart`, 'regio@regio.demo');
    await page.getByRole('heading', { level: 1, name: 'Menukaart Demo Regio Techniek' }).waitFor();
    await main().getByRole('heading', { name: 'Dashboard' }).waitFor();
    await main().getByText('11 modulen wachten op uw besluit.').waitFor();
    await expectAccessible('the working menukaart of the region');
    await beideBreedtes('beheer');
    // The dashboard stays in place while its figures reload after each decision (it is not rebuilt: a mark survives).
    await main().getByRole('heading', { name: 'Dashboard' }).evaluate((el) => el.setAttribute('data-proef', 'blijft'));
    const modulen = main().getByRole('region', { name: 'Modulen' });
    const actief = () => page.evaluate(() => ({ tag: document.activeElement?.tagName, label: document.activeElement?.getAttribute('aria-label') ?? null, id: document.activeElement?.id ?? '' }));
    for (const [i, titel] of titels.entries()) {
      // From the keyboard for the first, by pointer for the rest: either way the focus stays in the row.
      const knop = main().getByRole('button', { name: `${titel} publiceren` });
      if (i === 0) await knop.focus();
      await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/besluit')), i === 0 ? page.keyboard.press('Enter') : knop.click()]);
      // The confirmation is next to the table, where the beheerder works.
      await modulen.getByRole('status').filter({ hasText: `${titel}: gepubliceerd.` }).waitFor();
      // The button used is gone; the keyboard is on the row's next control, not on <body>.
      await expect.poll(actief).toEqual({ tag: 'BUTTON', label: `${titel} van de menukaart halen`, id: '' });
    }
    // Keyboard only, on the last row: Enter takes it off the menukaart (the focus goes to its Publiceren button), Enter
    // publishes it again (the focus back on "van de menukaart halen").
    const laatste = titels.at(-1)!;
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/besluit') && r.status() === 200), page.keyboard.press('Enter')]);
    await modulen.getByRole('status').filter({ hasText: `${laatste}: van de menukaart gehaald.` }).waitFor();
    await expect.poll(actief).toEqual({ tag: 'BUTTON', label: `${laatste} publiceren`, id: '' });
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/besluit') && r.status() === 200), page.keyboard.press('Enter')]);
    await modulen.getByRole('status').filter({ hasText: `${laatste}: gepubliceerd.` }).waitFor();
    await expect.poll(actief).toEqual({ tag: 'BUTTON', label: `${laatste} van de menukaart halen`, id: '' });
    await main().getByText('1 module wacht op uw besluit.').waitFor();
    expect(await main().locator('[data-proef="blijft"]').count()).toBe(1);
    expect(await main().getByText('Dashboard laden…').count()).toBe(0);
    // The demo proposal goes back with a reason; without one, the field says what is missing.
    await main().getByRole('button', { name: 'Slimme gebouwen terugsturen' }).click();
    const terug = main().getByRole('form', { name: 'Slimme gebouwen terugsturen' });
    await terug.getByRole('button', { name: 'Terugsturen met deze reden' }).click();
    await terug.getByText('Schrijf de school waarom de module terug gaat.').waitFor();
    await terug.getByRole('textbox', { name: 'Reden voor de school' }).fill('Noem welke sensoren de leerlingen gebruiken.');
    await terug.getByRole('button', { name: 'Terugsturen met deze reden' }).click();
    await modulen.getByRole('status').filter({ hasText: 'Slimme gebouwen: teruggestuurd naar de school.' }).waitFor();
    await main().getByText('Reden: Noem welke sensoren de leerlingen gebruiken.').waitFor();
    // The reason form closes; the keyboard goes to the row's Publiceren button.
    expect(await terug.count()).toBe(0);
    await expect.poll(actief).toEqual({ tag: 'BUTTON', label: 'Slimme gebouwen publiceren', id: '' });
    await main().getByText('0 modulen wachten op uw besluit.').waitFor();
    await expectAccessible('the working menukaart after the decisions');
  }, 240_000);

  it('lets a school’s docent propose a module through the form, refusing an unknown keuzevak with a message at the field', async () => {
    await signInAt(`/regios/${regio}/menukaart`, 'docent@vmbo.demo');
    const form = main().getByRole('form', { name: 'Module voorstellen' });
    await form.waitFor();
    await form.getByRole('textbox', { name: 'Titel' }).fill('Robots programmeren');
    await form.getByRole('checkbox', { name: 'KB' }).check();
    await form.getByRole('textbox', { name: 'Keuzevakken' }).fill('K/PIE/99');
    await form.getByRole('button', { name: 'Voorstellen' }).click();
    await form.getByText('K/PIE/99 is geen keuzevak in de catalogus.').waitFor();
    await form.getByRole('textbox', { name: 'Keuzevakken' }).fill('K/PIE/08');
    await form.getByRole('button', { name: 'Voorstellen' }).click();
    await main().getByRole('status').filter({ hasText: 'Robots programmeren is voorgesteld; de regio besluit over publicatie.' }).waitFor();
    await main().getByRole('link', { name: 'Robots programmeren' }).waitFor();
    await expectAccessible('the menukaart for a school with the proposal form');
    await beideBreedtes('voorstel');
  }, 120_000);

  it('lets the school fix a returned module in the browser (the region’s reason, every field prefilled, errors at the field) and withdraw its own proposal', async () => {
    await signInAt(`/regios/${regio}/menukaart`, 'docent@vmbo.demo');
    await page.getByRole('heading', { level: 1, name: 'Menukaart Demo Regio Techniek' }).waitFor();
    await main().getByText('Reden: Noem welke sensoren de leerlingen gebruiken.').waitFor();
    // From the keyboard: the button opens the form and the focus moves to its heading.
    await main().getByRole('button', { name: 'Slimme gebouwen aanpassen' }).focus();
    await page.keyboard.press('Enter');
    const kop = main().getByRole('heading', { level: 2, name: 'Module aanpassen: Slimme gebouwen' });
    await kop.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('aanpassen');
    const form = main().getByRole('form', { name: 'Slimme gebouwen aanpassen' });
    // The region's reason, and every field as it is now.
    await main().getByRole('heading', { name: 'Reden van de regio' }).waitFor();
    expect(await form.getByRole('textbox', { name: 'Titel' }).inputValue()).toBe('Slimme gebouwen');
    expect(await form.getByRole('combobox', { name: 'Soort module' }).inputValue()).toBe('verdiepend');
    expect(await form.getByRole('combobox', { name: 'Periode' }).inputValue()).toBe('P3');
    expect(await form.getByRole('checkbox', { name: 'KB' }).isChecked()).toBe(true);
    expect(await form.getByRole('checkbox', { name: 'BB' }).isChecked()).toBe(false);
    expect(await form.getByRole('textbox', { name: 'Locatie' }).inputValue()).toBe('Centrum');
    expect(await form.getByRole('textbox', { name: 'Keuzevakken' }).inputValue()).not.toBe('');
    await expectAccessible('the returned module’s Aanpassen form');
    await beideBreedtes('aanpassen');

    // An empty title: the message at the field, the focus on it.
    await form.getByRole('textbox', { name: 'Titel' }).fill('');
    await form.getByRole('button', { name: 'Opslaan en opnieuw voorstellen' }).click();
    await form.getByText('Geef de module een titel.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('mk-aanpassen-titel');
    await form.getByRole('textbox', { name: 'Titel' }).fill('Slimme gebouwen');
    // A code the catalogue does not know: the server's message at that field, the focus on it.
    const keuzevakken = await form.getByRole('textbox', { name: 'Keuzevakken' }).inputValue();
    await form.getByRole('textbox', { name: 'Keuzevakken' }).fill(`${keuzevakken}, K/PIE/99`);
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'PUT' && r.status() === 400), form.getByRole('button', { name: 'Opslaan en opnieuw voorstellen' }).click()]);
    await form.getByText('K/PIE/99 is geen keuzevak in de catalogus.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('mk-aanpassen-keuzevakken');
    await expectAccessible('the Aanpassen form with an error at a field');
    await form.getByRole('textbox', { name: 'Keuzevakken' }).fill(keuzevakken);
    await form.getByRole('textbox', { name: 'Beschrijving' }).fill('Leerlingen werken met temperatuur-, licht- en bewegingssensoren en een gebouwbeheersysteem.');
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'PUT' && r.status() === 200), form.getByRole('button', { name: 'Opslaan en opnieuw voorstellen' }).click()]);
    await main().getByRole('status').filter({ hasText: 'Slimme gebouwen is aangepast en opnieuw voorgesteld; de regio besluit over publicatie.' }).waitFor();
    await expect.poll(() => kop.count()).toBe(0);
    await expect.poll(() => main().getByText('Reden: Noem welke sensoren de leerlingen gebruiken.').count()).toBe(0);

    // The school withdraws its own new proposal, from the keyboard, after saying yes.
    await main().getByRole('button', { name: 'Voorstel Robots programmeren intrekken' }).click();
    const ja = main().getByRole('group', { name: 'Voorstel Robots programmeren intrekken' }).getByRole('button', { name: 'Ja, intrekken' });
    await expect.poll(() => ja.evaluate((el) => el === document.activeElement)).toBe(true);
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/intrekken') && r.status() === 200), page.keyboard.press('Enter')]);
    await main().getByRole('status').filter({ hasText: 'Robots programmeren: voorstel ingetrokken.' }).waitFor();
    await expect.poll(() => main().getByRole('button', { name: 'Voorstel Robots programmeren intrekken' }).count()).toBe(0);
    await expectAccessible('the menukaart after the school’s change and withdrawal');
    await beideBreedtes('na-aanpassen');
  }, 120_000);

  it('shows the public menukaart without signing in, filters it, keeps the filters in the address and opens a module at its stable address', async () => {
    await page.context().clearCookies();
    await page.goto(`${app.url}/regio/demo-regio-techniek/menukaart`);
    await page.getByRole('heading', { level: 1, name: 'Menukaart Demo Regio Techniek' }).waitFor();
    const aantal = main().getByRole('status').filter({ hasText: /modulen$/ });
    await aantal.filter({ hasText: /^14 modulen$/ }).waitFor();
    expect(await main().getByRole('list', { name: 'Modulen' }).getByRole('listitem').count()).toBe(14);
    await expectAccessible('the public menukaart');
    await beideBreedtes('publiek');

    await main().getByRole('combobox', { name: 'Leerweg' }).selectOption('GL');
    await aantal.filter({ hasText: /^\d+ van de 14 modulen$/ }).waitFor();
    const metGL = Number((await aantal.textContent())!.split(' ')[0]);
    expect(metGL).toBeGreaterThanOrEqual(5);
    expect(new URL(page.url()).searchParams.get('leerweg')).toBe('GL');
    await main().getByRole('combobox', { name: 'Soort module' }).selectOption('verdiepend');
    await aantal.filter({ hasText: /^1 van de 14 modulen$/ }).waitFor();
    await main().getByRole('heading', { level: 2, name: 'Campus module 2' }).waitFor();
    await expectAccessible('the filtered public menukaart');
    await beideBreedtes('gefilterd');
    // The PDF brochure link carries the filters.
    const pdf = await main().getByRole('link', { name: 'brochure (PDF)' }).getAttribute('href');
    expect(pdf).toContain('leerweg=GL');
    expect(pdf).toContain('soort=verdiepend');

    await main().getByRole('link', { name: 'Campus module 2' }).click();
    await page.getByRole('heading', { level: 1, name: 'Campus module 2' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/regio/demo-regio-techniek/menukaart/campus-module-2');
    await main().getByRole('heading', { name: 'Leidt naar' }).waitFor();
    await expectAccessible('a module at its stable address');
    await beideBreedtes('module');
    // Reloading the stable address works on its own.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Campus module 2' }).waitFor();
    await main().getByRole('link', { name: 'Terug naar de menukaart van Demo Regio Techniek' }).click();
    await aantal.filter({ hasText: /^14 modulen$/ }).waitFor();
  }, 120_000);
});
