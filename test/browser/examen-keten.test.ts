/**
 * Issue 14's whole chain as one browser journey, through the interface only (role-based locators; the API is used for
 * nothing but what a browser cannot do: reading the app's outbox and the downloaded files), on an app with the demo
 * catalogue and the demo accounts:
 *
 *  1. the vmbo school (Bea Beheerder) starts a group for the keuzevak-keuzedeel route and imports 3 pupils from a
 *     Magister export (CSV with Magister's headers);
 *  2. the vmbo examinator makes the exam and writes the plan (two opdrachten, criteria covering every eindterm of the
 *     keuzevak, cesuur and conversion, PTA toets, date, location, the two assessors), submits it; the mbo
 *     examencommissie finds it in the account menu and vaststelt it; the vmbo registers the pupils (aangemeld) and the
 *     mbo marks them ingeschreven;
 *  3. the vmbo examinator and the mbo beoordelaar assess all 3 pupils at the same time, in two browser contexts, each
 *     only their own side; afterwards both sides are there, and the examinator takes over the proposed keuzevak grade;
 *  4. the mbo examencommissie vaststelt the results in one action;
 *  5. both exports are downloaded and read: the vmbo SE grades (CSV: leerlingnummer, toetscode, cijfer, datum) and the
 *     mbo keuzedeel results (CSV and XLSX);
 *  6. one pupil gets an account through the invitation (the link from the mail in the outbox), signs in, downloads the
 *     result statement (PDF text read with pdfjs-dist: the verification code), checks the code on /verificatie signed
 *     out, and asks for a vrijstelling;
 *  7. the examencommissie of the receiving instelling grants it; the pupil sees "Toegekend".
 *
 * axe clean on every page visited; the key pages also at 390 px (no sideways scrolling). Screenshots in
 * test-results/screenshots/keten-*.png (not committed). The only thing set up beforehand is the route itself with its
 * PTA toets (made through the API by the docent, as the route's own steps are tested elsewhere).
 */
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { asUser, linkTokenOf, signIn } from '../support/accounts.js';
import { assertBrowserReadyInCi, browserReady } from '../support/app.js';
import { axeSchoon, foto, inloggen, persoon, smal, startKetenApp, type KetenApp, type Persoon } from '../support/examen-keten-app.js';
import { leesCsv } from '../support/csv.js';
import { readPdf, readXlsx } from '../support/export-files.js';

assertBrowserReadyInCi();

/** A pupil list as Magister exports it (semicolons, Magister's headers, birth dates as DD-MM-JJJJ). */
const MAGISTER = [
  'Stamnr;Roepnaam;Tussenv.;Achternaam;Klas;Leerweg;Geboortedatum',
  '8101;Sanne;;Bakker;3B;BB;14-02-2011',
  '8102;Daan;de;Groot;3B;BB;03-09-2010',
  '8103;Fatima;el;Amrani;3B;BB;21-06-2011',
].join('\r\n');
const LEERLINGEN = [
  { nr: '8101', naam: 'Sanne Bakker' },
  { nr: '8102', naam: 'Daan de Groot' },
  { nr: '8103', naam: 'Fatima el Amrani' },
];
const TOETSCODE = 'KV-PIE16';
const SANNE_EMAIL = 'sanne.bakker@leerling.demo';
const SANNE_WACHTWOORD = 'mijn eigen lange wachtwoord';
/** The planned exam day; Fatima did the exam two days later (the beoordelaar enters that day on her form). */
const EXAMENDAG = '2026-12-01';
const FATIMA_DAG = '2026-12-03';

describe.skipIf(!browserReady)('issue 14 as one journey: pupils, exam plan, assessment, results, exports and vrijstelling', () => {
  let k: KetenApp;
  let routeId: string;
  let examenId: string;
  const mensen: Persoon[] = [];
  /** The journey's steps build on each other: a step runs only when every step before it passed. */
  let klaar = 0;

  const stap = (n: number, ctx: { skip: () => void }) => {
    if (klaar < n - 1) ctx.skip();
  };
  const nieuwPersoon = async (naam: string) => {
    const p = await persoon(k, naam);
    mensen.push(p);
    return p;
  };

  beforeAll(async () => {
    k = await startKetenApp();
    // The keuzevak-keuzedeel route of the demo samenwerking, with the PTA toets the exam closes.
    const db = k.database.db;
    const partnership = (await db.selectFrom('partnership').select('id').where('naam', '=', 'Demo doorlopende leerroute techniek').executeTakeFirstOrThrow()).id;
    const docent = asUser(await signIn(k.app, 'docent@vmbo.demo'));
    const route = await k.app.inject({
      method: 'POST',
      url: `/api/partnerships/${partnership}/leerroutes`,
      headers: docent,
      payload: { naam: 'Koudetechniek en ondernemen', type: 'keuzevak-keuzedeel', schooljaar: '2026-2027', vmbo: { profiel: 'PIE', leerweg: 'BB', keuzevakken: ['K/PIE/16'] }, mbo: { keuzedelen: ['K0072'] } },
    });
    expect(route.statusCode, route.body).toBe(201);
    routeId = route.json().id;
    const toets = await k.app.inject({
      method: 'POST',
      url: `/api/leerroutes/${routeId}/toetsen`,
      headers: docent,
      payload: { leerjaar: 3, periode: 3, toetscode: TOETSCODE, naam: 'Praktijkexamen keuzevak en keuzedeel', vorm: 'praktijkopdracht', soort: 'summatief', herkansbaar: true, onderdeelVan: 'beide' },
    });
    expect(toets.statusCode, toets.body).toBe(201);
  });
  // A failed step leaves a screenshot of every open page (keten-fout-<person>-1366.png).
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    for (const p of mensen) await foto(p.page, `fout-${p.naam}`).catch(() => undefined);
  });
  afterAll(async () => {
    for (const p of mensen) await p.close().catch(() => undefined);
    await k?.close();
    expect(mensen.flatMap((p) => p.errors), 'JavaScript errors in the pages').toEqual([]);
  }, 180_000);

  it('1. the vmbo school starts a group and imports 3 pupils from a Magister export', async (ctx) => {
    stap(1, ctx);
    const bea = await nieuwPersoon('vmbo-beheerder');
    const { page, main } = bea;
    await inloggen(bea, k, 'beheerder@vmbo.demo', `/leerroutes/${routeId}`);
    await main().getByRole('link', { name: 'Leerlingen van deze leerroute' }).click();
    await main().getByRole('heading', { level: 1, name: 'Leerlingen' }).waitFor();
    await axeSchoon(page, 'groepen van de route');
    const form = main().getByRole('form', { name: 'Nieuwe groep leerlingen' });
    await form.getByRole('textbox', { name: 'Naam van de groep' }).fill('3B techniek');
    await form.getByRole('textbox', { name: 'Schooljaar' }).fill('2026-2027');
    await form.getByRole('combobox', { name: 'Leerjaar' }).selectOption('3');
    await form.getByRole('button', { name: 'Groep aanmaken' }).click();
    await main().getByRole('heading', { level: 1, name: '3B techniek' }).waitFor();
    await axeSchoon(page, 'lege groep');

    await main().getByRole('link', { name: 'Leerlingen importeren' }).click();
    await main().getByRole('heading', { level: 1, name: 'Leerlingen importeren' }).waitFor();
    await main().getByLabel('Bestand met leerlingen').setInputFiles({ name: 'magister-leerlingen.csv', mimeType: 'text/csv', buffer: Buffer.from(MAGISTER, 'utf8') });
    await main().getByRole('button', { name: 'Bestand controleren' }).click();
    // Magister's headers are recognised: no mapping needed, straight to the dry run.
    await main().getByText('3 nieuwe leerlingen').waitFor();
    await axeSchoon(page, 'proefimport');
    await foto(page, '1-proefimport');
    await smal(page, '1-proefimport');
    await main().getByRole('button', { name: '3 leerlingen importeren' }).click();
    await main().getByRole('heading', { level: 2, name: 'Leerlingen (3)' }).waitFor();
    const tabel = main().getByRole('table', { name: 'Leerlingen van 3B techniek' });
    for (const l of LEERLINGEN) await tabel.getByRole('rowheader', { name: l.naam }).waitFor();
    await axeSchoon(page, 'groep met leerlingen');
    await foto(page, '1-groep');
    await smal(page, '1-groep');
    klaar++;
  }, 180_000);

  it('2. the examinator writes the plan, the mbo examencommissie vaststelt it, the pupils are registered', async (ctx) => {
    stap(2, ctx);
    const eva = await nieuwPersoon('vmbo-examinator');
    const { page, main } = eva;
    await inloggen(eva, k, 'examinator@vmbo.demo', `/leerroutes/${routeId}`);
    await main().getByRole('link', { name: 'Examens', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Examens' }).waitFor();
    await axeSchoon(page, 'examens van de route');
    const groep = main().getByRole('combobox', { name: 'Groep leerlingen (cohort)' });
    await groep.selectOption((await groep.locator('option', { hasText: '3B techniek' }).getAttribute('value'))!);
    await main().getByRole('radio', { name: /Inschrijving als extraneus/ }).check();
    await main().getByRole('button', { name: 'Examen aanmaken' }).click();
    await page.waitForURL(/\/examens\/[0-9a-f-]{36}$/);
    examenId = new URL(page.url()).pathname.split('/').at(-1)!;
    await page.getByRole('heading', { level: 1, name: /Examen K0072/ }).waitFor();

    // The plan: two opdrachten, each one criterion; the first covers every eindterm of the keuzevak.
    const editor = main().getByRole('form', { name: /Examenplan bewerken/ });
    await editor.getByRole('button', { name: 'Opdracht toevoegen' }).click();
    await editor.getByRole('button', { name: 'Opdracht toevoegen' }).click();
    const opdracht = (n: number) => editor.getByRole('group', { name: new RegExp(`^Opdracht ${n}:`) });
    await opdracht(1).getByRole('textbox', { name: 'Titel van de opdracht' }).fill('Een koelinstallatie aanleggen');
    await opdracht(1).getByRole('textbox', { name: 'Beoordelingscriterium' }).fill('Legt de installatie veilig en volgens tekening aan');
    await opdracht(2).getByRole('textbox', { name: 'Titel van de opdracht' }).fill('Het onderhoud verkopen aan een klant');
    await opdracht(2).getByRole('textbox', { name: 'Beoordelingscriterium' }).fill('Maakt een kloppende offerte en legt die uit');
    const live = editor.getByRole('status').filter({ hasText: 'eindtermen' });
    await expect.poll(() => live.textContent()).toContain('nog open');
    const vinkjes = opdracht(1).getByRole('group', { name: /^Eindtermen van het keuzevak/ }).getByRole('checkbox');
    const n = await vinkjes.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await vinkjes.nth(i).check();
    await expect.poll(() => live.textContent()).toBe(`Alle ${n} eindtermen van het keuzevak zijn gedekt.`);
    await editor.getByRole('spinbutton', { name: 'Cesuur: minimaal aantal punten voor behaald' }).fill('11');
    // The conversion agreed between the schools: linear, the cesuur at 5,5.
    await editor.getByRole('combobox', { name: /^Omzetting naar het cijfer van het keuzevak/ }).selectOption('lineair-cesuur');
    const pta = editor.getByRole('combobox', { name: 'PTA-toets van de leerroute die dit examen afsluit' });
    await pta.selectOption((await pta.locator('option', { hasText: TOETSCODE }).getAttribute('value'))!);
    await editor.getByLabel('Geplande examendatum').fill(EXAMENDAG);
    await editor.getByRole('textbox', { name: 'Locatie' }).fill('Praktijkhal Demo ROC');
    await editor.getByRole('combobox', { name: '1e beoordelaar: vmbo-examinator' }).selectOption({ label: 'Eva Examinator' });
    await editor.getByRole('combobox', { name: /^2e beoordelaar: mbo-beoordelaar/ }).selectOption({ label: 'Bram Beoordelaar' });
    await axeSchoon(page, 'de plan-editor');
    await foto(page, '2-editor');
    await editor.getByRole('button', { name: 'Examenplan opslaan' }).click();
    await main().getByText('Het examenplan is opgeslagen.').first().waitFor();
    await main().getByRole('button', { name: 'Indienen bij de examencommissie' }).click();
    await expect.poll(() => main().getByText(/wacht op de examencommissie/).count()).toBeGreaterThan(0);
    await axeSchoon(page, 'ingediend plan');
    await foto(page, '2-ingediend');

    // The mbo examencommissie finds it in the account menu and vaststelt it.
    const emma = await nieuwPersoon('mbo-examencommissie');
    await inloggen(emma, k, 'examencommissie@roc.demo', '/');
    await emma.page.getByRole('banner').getByRole('button', { name: /Emma Examencommissie/ }).click();
    await emma.page.getByRole('banner').getByRole('link', { name: 'Examenplannen' }).click();
    await emma.page.getByRole('heading', { level: 1, name: 'Examenplannen' }).waitFor();
    await axeSchoon(emma.page, 'examenplannen van de examencommissie');
    await emma.main().getByRole('region', { name: /^Plannen om vast te stellen/ }).getByRole('link', { name: /K0072/ }).click();
    await emma.main().getByRole('button', { name: 'Examenplan vaststellen' }).waitFor();
    await axeSchoon(emma.page, 'plan om vast te stellen');
    await foto(emma.page, '2-vaststellen');
    await smal(emma.page, '2-vaststellen');
    await emma.main().getByRole('button', { name: 'Examenplan vaststellen' }).click();
    await expect.poll(() => emma.main().getByText(/[Vv]astgesteld op/).count()).toBeGreaterThan(0);
    await axeSchoon(emma.page, 'vastgesteld plan');

    // The vmbo registers the pupils as extraneus; the mbo marks them ingeschreven.
    await page.reload();
    await main().getByRole('link', { name: 'Inschrijving van de leerlingen als extraneus' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inschrijving als extraneus' }).waitFor();
    await main().getByRole('button', { name: 'Alle leerlingen aanmelden' }).click();
    await expect.poll(() => main().getByText('Aangemeld', { exact: true }).count()).toBe(3);
    await axeSchoon(page, 'inschrijving (vmbo)');
    await emma.main().getByRole('link', { name: 'Inschrijving van de leerlingen als extraneus' }).click();
    await emma.main().getByRole('button', { name: 'Alle aangemelde leerlingen ingeschreven' }).click();
    await expect.poll(() => emma.main().getByText('Ingeschreven', { exact: true }).count()).toBe(3);
    await axeSchoon(emma.page, 'inschrijving (mbo)');
    await foto(emma.page, '2-ingeschreven');
    klaar++;
  }, 180_000);

  it('3. the examinator and the beoordelaar assess all 3 at the same time, each their own side', async (ctx) => {
    stap(3, ctx);
    const eva = mensen.find((p) => p.naam === 'vmbo-examinator')!;
    const bram = await nieuwPersoon('mbo-beoordelaar');
    const lijst = `/examens/${examenId}/beoordelen`;
    // The examinator goes there from the exam page; the beoordelaar of the mbo, who never saw the route, through his
    // account menu ("Examens om te beoordelen": the exams whose plan names him).
    await eva.page.goto(`${k.url}/examens/${examenId}`);
    await eva.main().getByRole('link', { name: 'Beoordelen en resultaten' }).click();
    await inloggen(bram, k, 'beoordelaar@roc.demo', '/');
    await bram.page.getByRole('banner').getByRole('button', { name: /Bram Beoordelaar/ }).click();
    await bram.page.getByRole('banner').getByRole('link', { name: 'Examenplannen' }).click();
    const teBeoordelen = bram.main().getByRole('region', { name: /^Examens om te beoordelen/ });
    await teBeoordelen.waitFor();
    await axeSchoon(bram.page, 'examens om te beoordelen');
    await foto(bram.page, '3-te-beoordelen');
    // Two exams of K0072 there: this journey's and the demo's worked example (Ondernemen en ondernemend gedrag).
    expect(await teBeoordelen.getByRole('link', { name: /K0072/ }).count()).toBe(2);
    await teBeoordelen.getByRole('listitem').filter({ hasText: 'Koudetechniek en ondernemen' }).getByRole('link', { name: /K0072/ }).click();
    await bram.page.waitForURL((u) => u.pathname === lijst);
    for (const p of [eva, bram]) await p.page.getByRole('heading', { level: 1, name: 'Beoordelen en resultaten' }).waitFor();
    await axeSchoon(eva.page, 'lijst van formulieren (examinator)');
    await foto(eva.page, '3-lijst');

    async function beoordeel(p: Persoon, scores: [string, string], resultaat?: string) {
      for (const l of LEERLINGEN) {
        await p.page.goto(`${k.url}${lijst}`);
        await p.main().getByRole('link', { name: l.naam }).click();
        await p.page.getByRole('heading', { level: 1, name: `Beoordelingsformulier ${l.naam}` }).waitFor();
        const criteria = p.main().getByRole('group', { name: /^[12]\. / });
        await expect.poll(() => criteria.count()).toBe(2);
        for (const i of [0, 1]) await criteria.nth(i).getByRole('textbox', { name: /^Score/ }).fill(scores[i]!);
        await criteria.nth(0).getByRole('textbox', { name: 'Notitie' }).fill(`${p.naam}: ${l.naam} werkte netjes`);
        if (resultaat) await p.main().getByRole('combobox', { name: 'Keuzedeelresultaat' }).selectOption(resultaat);
        // The exam day goes with the result into both exports; left empty it is the plan's (past) date.
        if (resultaat && l.nr === '8103') await p.main().getByLabel('Datum van het examen').fill(FATIMA_DAG);
        await p.main().getByRole('button', { name: 'Mijn deel opslaan' }).click();
        await p.main().getByText('Uw deel van het formulier is opgeslagen.').waitFor();
      }
    }
    await Promise.all([beoordeel(eva, ['8', '6']), beoordeel(bram, ['9', '7'], 'behaald')]);

    // Both sides are there on every form; the examinator takes over the grade the conversion proposes (16 of 20
    // points with the cesuur at 11: 8,0).
    for (const l of LEERLINGEN) {
      await eva.page.goto(`${k.url}${lijst}`);
      await eva.main().getByRole('link', { name: l.naam }).click();
      await eva.page.getByRole('heading', { level: 1, name: `Beoordelingsformulier ${l.naam}` }).waitFor();
      const criteria = eva.main().getByRole('group', { name: /^[12]\. / });
      await expect.poll(() => criteria.nth(0).getByRole('textbox', { name: /^Score/ }).inputValue()).toBe('8');
      await expect.poll(() => criteria.nth(0).getByText('2e beoordelaar: 9 punten').count()).toBe(1);
      await expect.poll(() => criteria.nth(1).getByText('2e beoordelaar: 7 punten').count()).toBe(1);
      await eva.main().getByRole('button', { name: 'Voorgesteld cijfer 8,0 overnemen' }).click();
      await eva.main().getByRole('button', { name: 'Mijn deel opslaan' }).click();
      await eva.main().getByText('Uw deel van het formulier is opgeslagen.').waitFor();
      if (l === LEERLINGEN[0]) {
        await axeSchoon(eva.page, 'beoordelingsformulier (examinator)');
        await foto(eva.page, '3-formulier-examinator');
        await smal(eva.page, '3-formulier-examinator');
      }
    }
    // The beoordelaar's view of the same form: his side, the examinator's scores read-only.
    await bram.page.goto(`${k.url}${lijst}`);
    await bram.main().getByRole('link', { name: LEERLINGEN[0]!.naam }).click();
    await bram.page.getByRole('heading', { level: 1, name: `Beoordelingsformulier ${LEERLINGEN[0]!.naam}` }).waitFor();
    const criteria = bram.main().getByRole('group', { name: /^[12]\. / });
    await expect.poll(() => criteria.nth(0).getByRole('textbox', { name: /^Score/ }).inputValue()).toBe('9');
    await expect.poll(() => criteria.nth(0).getByText('1e beoordelaar: 8 punten').count()).toBe(1);
    await axeSchoon(bram.page, 'beoordelingsformulier (beoordelaar)');
    await foto(bram.page, '3-formulier-beoordelaar');
    klaar++;
  }, 180_000);

  it('4. the mbo examencommissie vaststelt the results in one action', async (ctx) => {
    stap(4, ctx);
    const emma = mensen.find((p) => p.naam === 'mbo-examencommissie')!;
    await emma.page.goto(`${k.url}/examens/${examenId}`);
    await emma.main().getByRole('link', { name: 'Beoordelen en resultaten' }).click();
    await emma.main().getByRole('heading', { name: 'Resultaten vaststellen' }).waitFor();
    await axeSchoon(emma.page, 'resultaten vaststellen');
    await foto(emma.page, '4-vaststellen');
    await smal(emma.page, '4-vaststellen');
    await emma.main().getByRole('button', { name: 'Alle open resultaten vaststellen' }).click();
    await emma.main().getByText('3 resultaten zijn vastgesteld.').waitFor();
    await expect.poll(() => emma.main().getByRole('region', { name: /Beoordelingsformulieren/ }).getByText('Vastgesteld').count()).toBe(3);
    await axeSchoon(emma.page, 'vastgestelde resultaten');
    await foto(emma.page, '4-vastgesteld');
    klaar++;
  }, 180_000);

  it('5. both administrations download their export and it reads back right', async (ctx) => {
    stap(5, ctx);
    const eva = mensen.find((p) => p.naam === 'vmbo-examinator')!;
    const bram = mensen.find((p) => p.naam === 'mbo-beoordelaar')!;
    const lijst = `${k.url}/examens/${examenId}/beoordelen`;
    const download = async (p: Persoon, link: string) => {
      const [d] = await Promise.all([p.page.waitForEvent('download'), p.main().getByRole('link', { name: link }).click()]);
      return { naam: d.suggestedFilename(), body: fs.readFileSync((await d.path())!) };
    };

    // The vmbo: SE grades for Magister/Somtoday.
    await eva.page.goto(lijst);
    const se = await download(eva, 'SE-cijfers als CSV');
    expect(se.naam).toMatch(/\.csv$/);
    const seRijen = leesCsv(se.body.toString('utf8'));
    expect(Object.keys(seRijen[0]!)).toEqual(['leerlingnummer', 'toetscode', 'cijfer', 'datum']);
    expect(seRijen.map((r) => r.leerlingnummer).sort()).toEqual(LEERLINGEN.map((l) => l.nr));
    const datum = (nr: string) => (nr === '8103' ? '03-12-2026' : '01-12-2026');
    for (const r of seRijen) expect(r).toEqual({ leerlingnummer: r.leerlingnummer, toetscode: TOETSCODE, cijfer: '8,0', datum: datum(r.leerlingnummer!) });

    // The mbo: keuzedeel results as CSV and as XLSX.
    await bram.page.goto(lijst);
    const kdCsv = leesCsv((await download(bram, 'Keuzedeelresultaten als CSV')).body.toString('utf8'));
    expect(kdCsv.map((r) => r.leerlingnummer).sort()).toEqual(LEERLINGEN.map((l) => l.nr));
    for (const l of LEERLINGEN) {
      expect(kdCsv.find((r) => r.leerlingnummer === l.nr)).toMatchObject({ leerling: l.naam, keuzedeelcode: 'K0072', resultaat: 'behaald', datum: datum(l.nr), beoordelaar: 'Bram Beoordelaar' });
    }
    const xlsx = await download(bram, 'Keuzedeelresultaten als Excel-bestand');
    expect(xlsx.naam).toMatch(/\.xlsx$/);
    const { sheets } = await readXlsx(xlsx.body);
    const [kop, ...rijen] = [...sheets.values()][0]!;
    const kol = (naam: string) => kop!.findIndex((h) => String(h).toLowerCase() === naam);
    expect(kol('keuzedeelcode')).toBeGreaterThanOrEqual(0);
    const gevuld = rijen.filter((r) => r.some((v) => v !== null && v !== ''));
    expect(gevuld.map((r) => String(r[kol('leerlingnummer')])).sort()).toEqual(LEERLINGEN.map((l) => l.nr));
    for (const r of gevuld) {
      expect(r[kol('keuzedeelcode')]).toBe('K0072');
      expect(r[kol('resultaat')]).toBe('behaald');
      expect(r[kol('beoordelaar')]).toBe('Bram Beoordelaar');
    }
    klaar++;
  }, 180_000);

  it('6–7. a pupil gets an account, downloads and verifies the statement, asks for a vrijstelling that is granted', async (ctx) => {
    stap(6, ctx);
    // The vmbo beheerder invites Sanne for an account of her own.
    const bea = mensen.find((p) => p.naam === 'vmbo-beheerder')!;
    await bea.page.goto(`${k.url}/leerroutes/${routeId}/leerlingen`);
    await bea.main().getByRole('link', { name: '3B techniek' }).click();
    await bea.main().getByRole('button', { name: 'Sanne Bakker uitnodigen' }).click();
    const uitnodigen = bea.main().getByRole('form', { name: /Sanne Bakker uitnodigen/ });
    await uitnodigen.getByRole('textbox', { name: 'E-mailadres van de leerling' }).fill(SANNE_EMAIL);
    await axeSchoon(bea.page, 'een leerling uitnodigen');
    await uitnodigen.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await bea.main().getByText(/Uitnodiging verstuurd/).waitFor();
    const mail = (await k.outbox()).filter((m) => m.to === SANNE_EMAIL).at(-1);
    expect(mail, 'the invitation mail').toBeDefined();

    // Sanne opens the link from the mail, makes her account and lands on her own page.
    const sanne = await nieuwPersoon('leerling');
    const { page, main } = sanne;
    await page.goto(`${k.url}/uitnodiging-accepteren#token=${linkTokenOf(mail!, '/uitnodiging-accepteren')}`);
    await page.getByRole('heading', { level: 1, name: 'Uitnodiging aannemen' }).waitFor();
    await axeSchoon(page, 'uitnodiging aannemen (leerling)');
    await foto(page, '6-uitnodiging');
    await smal(page, '6-uitnodiging');
    const aannemen = main().getByRole('form', { name: 'Uitnodiging aannemen' });
    await aannemen.getByRole('textbox', { name: /naam/i }).fill('Sanne Bakker');
    await aannemen.getByLabel('Wachtwoord', { exact: true }).fill(SANNE_WACHTWOORD);
    await aannemen.getByRole('button', { name: 'Uitnodiging aannemen' }).click();
    // A pupil lands on her own page, not on the staff's "Mijn organisaties".
    await page.waitForURL((u) => u.pathname === '/leerling');
    await main().getByRole('heading', { level: 1, name: /Sanne/ }).waitFor();
    const kaart = main().getByRole('region', { name: /^Keuzedeel .*K0072/ });
    await kaart.waitFor();
    const tekst = (await kaart.textContent()) ?? '';
    for (const deel of ['Behaald', '8,0', '1 december 2026', 'extraneus', 'Demo ROC']) expect(tekst).toContain(deel);
    await axeSchoon(page, 'de pagina van de leerling');
    await foto(page, '6-leerling');
    await smal(page, '6-leerling');

    // The statement: a PDF carrying the verification code.
    const [d] = await Promise.all([page.waitForEvent('download'), kaart.getByRole('link', { name: /resultaatverklaring/i }).click()]);
    const pdf = await readPdf(fs.readFileSync((await d.path())!));
    const code = /\b([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})\b/.exec(pdf.text)?.[1];
    expect(code, `a verification code in: ${pdf.text.slice(0, 400)}`).toBeDefined();
    expect(pdf.text).toContain('Sanne Bakker');
    expect(pdf.text).toContain('K0072');
    expect(tekst).toContain(code!);

    // Anyone, signed out, checks the code on the public page.
    await sanne.context.clearCookies();
    await page.goto(`${k.url}/verificatie`);
    await page.getByRole('heading', { level: 1, name: 'Resultaatverklaring controleren' }).waitFor();
    await main().getByRole('textbox', { name: /Controlecode/ }).fill(code!);
    await main().getByRole('button', { name: 'Controleren' }).click();
    const echt = main().getByRole('region', { name: 'Deze verklaring is echt' });
    await echt.waitFor();
    const echtTekst = (await echt.textContent()) ?? '';
    for (const deel of ['K0072', 'Behaald', 'examencommissie van Demo ROC', 'S. B.']) expect(echtTekst).toContain(deel);
    expect(echtTekst).not.toContain('Sanne');
    await axeSchoon(page, 'publieke verificatie');
    await foto(page, '6-verificatie');
    await smal(page, '6-verificatie');

    // Sanne signs in again and asks Demo ROC for a vrijstelling.
    await inloggen(sanne, k, SANNE_EMAIL, '/leerling', SANNE_WACHTWOORD);
    await main().getByRole('button', { name: 'Vrijstelling vragen voor K0072' }).click();
    await main().getByRole('combobox', { name: 'Naar welke mbo-school ga je?' }).selectOption({ label: 'Demo ROC' });
    await main().getByRole('textbox', { name: 'Welke opleiding ga je doen?' }).fill('Monteur koudetechniek');
    await main().getByRole('button', { name: 'Vraag om vrijstelling versturen' }).click();
    await main().getByText('Je vraag om vrijstelling is verstuurd naar Demo ROC.').waitFor();
    await main().getByRole('list', { name: 'Jouw vragen om vrijstelling' }).getByText('Wacht op besluit').waitFor();
    await axeSchoon(page, 'vrijstelling gevraagd');
    await foto(page, '6-gevraagd');

    // 7. The examencommissie of Demo ROC grants it.
    const emma = mensen.find((p) => p.naam === 'mbo-examencommissie')!;
    await emma.page.goto(`${k.url}/`);
    await emma.page.getByRole('banner').getByRole('button', { name: /Emma Examencommissie/ }).click();
    await emma.page.getByRole('banner').getByRole('link', { name: 'Vrijstellingen' }).click();
    await emma.main().getByRole('heading', { level: 1, name: 'Verzoeken om vrijstelling' }).waitFor();
    const verzoek = emma.main().getByRole('region', { name: /Sanne Bakker: keuzedeel K0072/ });
    await verzoek.waitFor();
    const verzoekTekst = (await verzoek.textContent()) ?? '';
    for (const deel of ['Monteur koudetechniek', 'Behaald', 'Demo Vmbo College', 'extraneus', code!]) expect(verzoekTekst).toContain(deel);
    await axeSchoon(emma.page, 'verzoeken om vrijstelling');
    await foto(emma.page, '7-verzoek');
    await smal(emma.page, '7-verzoek');
    await verzoek.getByRole('radio', { name: 'Toekennen' }).check();
    await verzoek.getByRole('button', { name: 'Besluit opslaan' }).click();
    await emma.main().getByText('Het verzoek van Sanne Bakker is toegekend.').waitFor();
    await axeSchoon(emma.page, 'na het besluit');

    // Sanne sees the decision.
    await page.reload();
    const verzoeken = main().getByRole('list', { name: 'Jouw vragen om vrijstelling' });
    await verzoeken.getByText('Toegekend').waitFor();
    await axeSchoon(page, 'vrijstelling toegekend');
    await foto(page, '7-toegekend');
    await smal(page, '7-toegekend');
    klaar++;
  }, 240_000);
});
