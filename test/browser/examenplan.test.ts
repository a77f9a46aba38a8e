/**
 * Issue 14, the exam plan in a real browser on the demo data: the vmbo docent goes from the leerroute page through the
 * one "Examens" link to the exam, closes the last coverage gap in the plan editor (the live coverage says so), saves
 * and submits; the mbo examencommissie finds the plan under "Examenplannen" in the account menu without knowing the
 * route and vaststelt it with the keyboard; the vmbo school registers the pupils as extraneus, the mbo marks them
 * ingeschreven and downloads the list (read); a new exam is not made without a grondslag. Screenshots at 1366 and
 * 390 px (test-results/screenshots, not committed), no sideways scrolling, axe clean.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_EXAMEN } from '../../src/server/demo/demo-examen.js';
import { DEMO_PASSWORD, seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import { assertBrowserReadyInCi, browserReady, type TestApp } from '../support/app.js';
import { browserSession } from '../support/browser-session.js';
import { signInAt as signInWithForm, atBothWidths } from '../support/browser-steps.js';

assertBrowserReadyInCi();

describe.skipIf(!browserReady)('exam plan (issue 14)', () => {
  const session = browserSession('demo');
  const { expectAccessible } = session;
  let app: TestApp;
  let page: Page;
  let routeId: string;
  let examenId: string;
  let laatsteEindterm: { id: string; code: string };

  async function login(email: string) {
    const res = await fetch(`${session.app.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, wachtwoord: DEMO_PASSWORD }) });
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
    return async (method: string, url: string, body: unknown, status: number) => {
      const r = await fetch(`${session.app.url}${url}`, { method, headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf }, body: JSON.stringify(body) });
      expect(r.status, `${method} ${url}: ${await r.clone().text()}`).toBe(status);
      return (await r.json()) as any;
    };
  }

  beforeAll(async () => {
    await seedDemoOrganisations(session.app.database.db);
    const db = session.app.database.db;
    // A second beoordelaar of the ROC whom no plan names: nothing to assess (the demo's own exam names Bram).
    await createUser({ db, email: 'beoordelaar2@roc.demo', naam: 'Bo Beoordelaar', organisatie: 'Demo ROC', rol: 'beoordelaar', password: DEMO_PASSWORD });
    const docent = await login('docent@vmbo.demo');
    const partnership = (await db.selectFrom('partnership').select('id').where('naam', '=', 'Demo doorlopende leerroute techniek').executeTakeFirstOrThrow()).id;
    const vmbo = (await db.selectFrom('organisation').select('id').where('naam', '=', 'Demo Vmbo College').executeTakeFirstOrThrow()).id;
    const id = async (email: string) => (await db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
    routeId = (
      await docent('POST', `/api/partnerships/${partnership}/leerroutes`, { naam: 'Elektrotechniek en ondernemen', type: 'keuzevak-keuzedeel', schooljaar: '2026-2027', vmbo: { profiel: 'PIE', leerweg: 'BB', keuzevakken: ['K/PIE/16'] }, mbo: { keuzedelen: ['K0072'] } }, 201)
    ).id;
    const cohort = await db.insertInto('cohort').values({ organisation_id: vmbo, leerroute_id: routeId, naam: '3 BB Techniek', schooljaar: '2026-2027', leerjaar: 3, einddatum: '2027-07-31' }).returning('id').executeTakeFirstOrThrow();
    for (const [nr, roepnaam, achternaam, geboortedatum] of [['2001', 'Sara', 'Jansen', '2011-02-03'], ['2002', 'Noah', 'de Vries', null]] as const) {
      await db.insertInto('leerling').values({ cohort_id: cohort.id, organisation_id: vmbo, leerlingnummer: nr, roepnaam, achternaam, klas: '3B', leerweg: 'BB', geboortedatum }).execute();
    }
    const exam = await docent('POST', `/api/leerroutes/${routeId}/examens`, { cohortId: cohort.id, grondslag: 'extraneus' }, 201);
    examenId = exam.id;
    const eindtermen = exam.eindtermen as Array<{ id: string; code: string }>;
    laatsteEindterm = eindtermen.at(-1)!;
    // A plan that covers every eindterm but the last: the docent closes that gap in the browser.
    const inhoud = {
      onderdelen: [
        { id: 'opdracht-1', titel: 'Een schakeling ontwerpen', criteria: [{ id: 'c1', omschrijving: 'Ontwerp is compleet', maxScore: 10, eindtermen: eindtermen.slice(0, -1).map((e) => e.id) }] },
        { id: 'opdracht-2', titel: 'De schakeling bouwen en verkopen', criteria: [{ id: 'c2', omschrijving: 'Werkt veilig en netjes', maxScore: 10, eindtermen: [] }] },
      ],
      cesuur: { minimumPunten: 11 },
      datums: [{ datum: '2027-04-12', omschrijving: 'Afname' }],
      locatie: 'Techniekhal',
      examinatorId: await id('examinator@vmbo.demo'),
      beoordelaarId: await id('beoordelaar@roc.demo'),
    };
    await docent('PUT', `/api/examens/${examenId}/plan`, { versie: exam.versies[0].versie, inhoud }, 200);
  });
  beforeEach(() => {
    ({ app, page } = session);
  });

  const main = () => page.getByRole('main');

  const signInAt = (to: string, email: string) => signInWithForm(page, app.url, to, email);

  const beideBreedtes = (naam: string) => atBothWidths(page, `examenplan-${naam}`);

  it('the docent closes the last gap in the editor, saves and submits', async () => {
    await signInAt(`/leerroutes/${routeId}`, 'docent@vmbo.demo');
    await main().getByRole('link', { name: 'Examens', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Examens' }).count()).toBe(1);
    await expectAccessible('examens van de route');
    await main().getByRole('link', { name: /K0072/ }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: /Examen K0072/ }).count()).toBe(1);
    await expect.poll(() => main().getByText('Grondslag:').count()).toBeGreaterThan(0);
    const live = main().getByRole('status').filter({ hasText: 'eindtermen' });
    await expect.poll(() => live.textContent()).toContain(`nog open: ${laatsteEindterm.code}`);
    await expectAccessible('examenplan in bewerking');
    await beideBreedtes('editor');
    // Keyboard: tick the last eindterm for criterion c2.
    const vinkje = main().locator(`[id="crit-c2-e-${laatsteEindterm.id}"]`);
    await vinkje.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => live.textContent()).toContain('zijn gedekt');
    // The conversion agreed between the schools as a table of its own.
    await main().getByRole('combobox', { name: /Omzetting naar het cijfer/ }).selectOption('tabel');
    await expect.poll(() => main().getByRole('spinbutton', { name: 'Regel 3: cijfer' }).inputValue()).toBe('10');
    await main().getByRole('button', { name: 'Examenplan opslaan' }).click();
    await expect.poll(() => main().getByText('Niet gedekt').count()).toBe(0);
    const indienen = main().getByRole('button', { name: 'Indienen bij de examencommissie' });
    await indienen.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => main().getByText(/wacht op de examencommissie/).count()).toBeGreaterThan(0);
  });

  it('the mbo examencommissie finds the plan in the account menu and vaststelt it', async () => {
    // Before the vaststelling the beoordelaar the plan names has nothing of this exam to assess yet: his list holds
    // only the demo's worked example, whose plan is vastgesteld already.
    await signInAt('/examens', 'beoordelaar@roc.demo');
    const teBeoordelen = main().getByRole('region', { name: 'Examens om te beoordelen (1)' });
    await teBeoordelen.getByRole('listitem').filter({ hasText: DEMO_EXAMEN.route }).waitFor();
    expect(await teBeoordelen.getByText('Elektrotechniek en ondernemen').count(), 'not before the vaststelling').toBe(0);
    expect(await main().getByRole('region', { name: /^Plannen om vast te stellen/ }).count(), 'only an examencommissie vaststelt').toBe(0);
    await expectAccessible('examenplannen of the beoordelaar, before the vaststelling');
    // A beoordelaar whom no vastgesteld plan names has nothing to assess, and reads when the forms come.
    await signInAt('/examens', 'beoordelaar2@roc.demo');
    const niets = main().getByRole('region', { name: 'Examens om te beoordelen (0)' });
    await niets.getByText(/zodra de examencommissie van de mbo-school het examenplan heeft vastgesteld/).waitFor();
    await expectAccessible('examenplannen of a beoordelaar with nothing to assess yet');

    await signInAt('/', 'examencommissie@roc.demo');
    await page.getByRole('banner').getByRole('button', { name: /Emma Examencommissie/ }).click();
    await page.getByRole('banner').getByRole('link', { name: 'Examenplannen' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Examenplannen' }).count()).toBe(1);
    expect(await main().getByRole('region', { name: /^Examens om te beoordelen/ }).count(), 'the examencommissie assesses no forms').toBe(0);
    await expectAccessible('plannen om vast te stellen');
    await beideBreedtes('taken');
    // The plan the commissie vaststelde before (the demo's worked example) is listed apart, in force.
    await main().getByRole('region', { name: 'Vastgestelde plannen (1)' }).getByRole('listitem').filter({ hasText: DEMO_EXAMEN.route }).waitFor();
    await main().getByRole('region', { name: /^Plannen om vast te stellen/ }).getByRole('link', { name: /K0072/ }).click();
    const knop = main().getByRole('button', { name: 'Examenplan vaststellen' });
    await expect.poll(() => knop.count()).toBe(1);
    await expectAccessible('plan om vast te stellen');
    await knop.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => main().getByText(/Vastgesteld op|vastgesteld op/).count()).toBeGreaterThan(0);
    await expect.poll(() => main().getByText('Emma Examencommissie', { exact: false }).count()).toBeGreaterThan(0);
    await expect.poll(() => main().getByText(/vanaf 11 punten 5,5/).count()).toBe(1);
    await expectAccessible('vastgesteld plan');
    await beideBreedtes('vastgesteld');
    // Without a session the exam stays closed.
    expect((await fetch(`${app.url}/api/examens/${examenId}`)).status).toBe(401);
  });

  it('the vmbo school registers the pupils as extraneus, the mbo marks them ingeschreven and downloads the list', async () => {
    await signInAt(`/examens/${examenId}`, 'beheerder@vmbo.demo');
    await main().getByRole('link', { name: 'Inschrijving van de leerlingen als extraneus' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Inschrijving als extraneus' }).count()).toBe(1);
    const aanmelden = main().getByRole('button', { name: 'Alle leerlingen aanmelden' });
    await aanmelden.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => main().getByRole('row').count()).toBe(3);
    // The pupil without a birth date is named in a warning.
    await expect.poll(() => main().getByText(/Noah de Vries: geboortedatum ontbreekt/).count()).toBe(1);
    await expectAccessible('inschrijving door de vmbo-school');
    await beideBreedtes('inschrijving');

    await signInAt(`/examens/${examenId}/inschrijvingen`, 'beheerder@roc.demo');
    const inschrijven = main().getByRole('button', { name: 'Alle aangemelde leerlingen ingeschreven' });
    await expect.poll(() => inschrijven.count()).toBe(1);
    await inschrijven.click();
    await expect.poll(() => main().getByText('Ingeschreven', { exact: true }).count()).toBe(2);
    const [download] = await Promise.all([page.waitForEvent('download'), main().getByRole('link', { name: 'Inschrijvingslijst als CSV' }).click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const regels = csv.trim().split('\r\n');
    expect(regels[0]).toContain('Geboortedatum');
    expect(regels).toHaveLength(3);
    expect(regels.find((r) => r.startsWith('2001;'))).toContain('2011-02-03');
    await expectAccessible('inschrijving door het mbo');
  });

  it('a docent makes a new exam: the grondslag must be chosen, a joint PTA/OER is not possible for this route', async () => {
    await signInAt(`/leerroutes/${routeId}/examens`, 'docent@vmbo.demo');
    const form = main().locator('form.doorlopend-examen-form');
    await expect.poll(() => form.count()).toBe(1);
    await expect.poll(() => main().getByRole('radio', { name: /Gezamenlijk PTA\/OER/ }).isDisabled()).toBe(true);
    await main().getByRole('button', { name: 'Examen aanmaken' }).click();
    await expect.poll(() => main().getByText('Kies waarom het resultaat tot een vrijstelling leidt.').count()).toBeGreaterThan(0);
    await main().getByRole('radio', { name: /Inschrijving als extraneus/ }).check();
    await main().getByRole('button', { name: 'Examen aanmaken' }).click();
    await expect.poll(() => page.url()).toMatch(/\/examens\/[0-9a-f-]{36}$/);
    await expect.poll(() => main().getByText(/Stel nu het examenplan op/).count()).toBeGreaterThan(0);
    await expectAccessible('nieuw examen');
  });
});
