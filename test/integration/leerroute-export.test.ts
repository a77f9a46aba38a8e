/**
 * The exports of a leerroute over HTTP (issue 6), on both databases: a small route built through the API by the two
 * partner schools, then the PTA of its keuzevak as XLSX and PDF and the route document as DOCX and PDF, each opened and
 * read back (exceljs, jszip, pdfjs-dist). Content-Type and Content-Disposition, read access as for the route (partner
 * 200, leerling 403, outsider 404, anonymous 401), and a Dutch 400 for an unknown or missing vak.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCatalogue } from '../../src/server/demo/seed-demo.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import { LeerrouteDetail, type LeerrouteDetail as Detail } from '../../src/shared/leerroute-api.js';
import { asUser, signIn, startAccountsApp, type AccountsApp, type Session } from '../support/accounts.js';
import { databaseAvailable, SKIP_NO_DB, TEST_DB } from '../support/db.js';
import { readDocx, readPdf, readXlsx } from '../support/export-files.js';

describe.skipIf(!databaseAvailable)(`leerroute exports (${TEST_DB})`, { timeout: 120_000 }, () => {
  let t: AccountsApp;
  let partnership: string;
  let vmboDocent: Session;
  let rocDocent: Session;
  let leerling: Session;
  let outsider: Session;
  let route: Detail;

  const send = async (method: 'POST' | 'PUT', url: string, session: Session, payload: object) => {
    const res = await t.app.inject({ method, url, headers: asUser(session), payload });
    expect(res.statusCode, res.body).toBeLessThan(300);
    route = LeerrouteDetail.parse(res.json());
    return route;
  };
  const get = (url: string, session?: Session) => t.app.inject({ method: 'GET', url, headers: session ? asUser(session) : {} });

  beforeAll(async () => {
    t = await startAccountsApp();
    const db = t.database.db;
    await seedDemoCatalogue(db);
    partnership = (await db.selectFrom('partnership').select('id').where('naam', '=', 'Demo doorlopende leerroute techniek').executeTakeFirstOrThrow()).id;
    await createUser({ db, email: 'beheerder@ander.demo', naam: 'Ander', organisatie: 'Ander College', soort: 'vmbo-school', rol: 'beheerder', password: 'demo-wachtwoord' });
    vmboDocent = await signIn(t.app, 'docent@vmbo.demo');
    rocDocent = await signIn(t.app, 'docent@roc.demo');
    leerling = await signIn(t.app, 'leerling@vmbo.demo');
    outsider = await signIn(t.app, 'beheerder@ander.demo');

    // The vmbo school creates the route; both schools fill it in.
    await send('POST', `/api/partnerships/${partnership}/leerroutes`, vmboDocent, {
      naam: 'Koudetechniek doorlopend',
      type: 'doorlopend',
      vmbo: { profiel: 'PIE', leerweg: 'BB', keuzevakken: ['K-PIE-16'] },
      mbo: { kwalificatie: '25282', keuzedelen: ['K0072'] },
    });
    const base = `/api/leerroutes/${route.id}`;
    const [e1, e2] = route.doelen.filter((d) => d.soort === 'eindterm');
    await send('POST', `${base}/planning`, vmboDocent, { items: [e1!.id, '25282:B1-K1-W1'], leerjaar: 3, periode: 1 });
    await send('POST', `${base}/planning`, vmboDocent, { items: [e2!.id], leerjaar: 3, periode: 2 });
    await send('POST', `${base}/toetsen`, vmboDocent, {
      leerjaar: 3, periode: 2, toetscode: 'KT-02', naam: 'Praktijktoets koudemiddelen', vorm: 'praktijkopdracht', soort: 'summatief', doelen: [e2!.id],
      duurMinuten: 90, weging: 2, herkansbaar: true, onderdeelVan: 'pta', seWeging: 25,
    });
    // The mbo side closes the werkproces of the Beiden regel: it counts for the eindterm too, so it is in the PTA.
    await send('POST', `${base}/toetsen`, rocDocent, {
      leerjaar: 3, periode: 1, toetscode: 'KT-01', naam: 'Theorie koudetechniek', vorm: 'schriftelijk', soort: 'summatief', doelen: ['25282:B1-K1-W1'],
      duurMinuten: 60, weging: 1, herkansbaar: false, onderdeelVan: 'beide', seWeging: 15,
    });
    await send('POST', `${base}/toetsen`, rocDocent, { leerjaar: 5, periode: 1, toetscode: 'EX-01', naam: 'Proeve koudetechniek', vorm: 'proeve-van-bekwaamheid', soort: 'summatief', doelen: ['25282:B1-K1-W2'], onderdeelVan: 'examenplan' });
    await send('POST', `${base}/activiteiten`, vmboDocent, { leerjaar: 3, periode: 1, titel: 'Project koelkast', doelen: [e1!.id], uren: 12 });
    await send('POST', `${base}/materialen`, rocDocent, { leerjaar: 3, periode: 1, titel: 'Koelinstallatie in het leerbedrijf', soort: 'locatie' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives the PTA of the keuzevak as XLSX with the route name in the file name, and the right rows', async () => {
    const res = await get(`/api/leerroutes/${route.id}/pta.xlsx?vak=K-PIE-16`, rocDocent);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe('attachment; filename="pta-koudetechniek-doorlopend-k-pie-16.xlsx"');
    expect(res.headers['cache-control']).toBe('private, no-store');
    const { sheets } = await readXlsx(res.rawPayload);
    const rows = sheets.get('PTA K-PIE-16')!;
    expect(rows[0]![0]).toBe('Programma van toetsing en afsluiting: K/PIE/16 Koudetechniek');
    expect(rows.some((r) => r[0] === 'School' && r[1] === 'Demo Vmbo College')).toBe(true);
    expect(rows.some((r) => r[0] === 'Leerweg' && r[1] === 'basisberoepsgerichte leerweg (BB)')).toBe(true);
    const h = rows.findIndex((r) => r[0] === 'Periode');
    expect(rows[h]).toEqual(['Periode', 'Toetscode', 'Inhoud en eindtermen', 'Toetsvorm', 'Duur (minuten)', 'Weging', 'Herkansbaar', 'SE-weging']);
    const e1 = route.doelen.filter((d) => d.soort === 'eindterm')[0]!;
    const e2 = route.doelen.filter((d) => d.soort === 'eindterm')[1]!;
    expect(rows[h + 1]).toEqual(['Leerjaar 3, periode 1', 'KT-01', expect.stringContaining(e1.code), 'Schriftelijk', 60, 1, 'nee', 0.15]);
    expect(rows[h + 2]).toEqual(['Leerjaar 3, periode 2', 'KT-02', expect.stringContaining(e2.code), 'Praktijkopdracht', 90, 2, 'ja', 0.25]);
    expect(rows[h + 3]).toEqual(['Totaal SE-weging', '', '', '', '', '', '', 0.4]);
    // SE-wegingen as percentages, and a warning in the PTA itself when they do not add up to 100 %.
    expect(rows[h + 4]![0]).toMatch(/tellen op tot 40%, niet tot 100%/);
    expect(rows.flat()).not.toContain('EX-01');
  });

  it('gives the PTA as an accessible PDF', async () => {
    const res = await get(`/api/leerroutes/${route.id}/pta.pdf?vak=${encodeURIComponent('K/PIE/16')}`, vmboDocent);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="pta-koudetechniek-doorlopend-k-pie-16.pdf"');
    const pdf = await readPdf(res.rawPayload);
    expect(pdf.markInfo).toMatchObject({ Marked: true });
    expect(pdf.info.Language).toBe('nl-NL');
    expect(pdf.info.Title).toBe('PTA K/PIE/16 Koudetechniek');
    for (const role of ['H1', 'Table', 'TH', 'TD']) expect(pdf.structRoles).toContain(role);
    for (const text of ['Programma van toetsing en afsluiting: K/PIE/16 Koudetechniek', 'KT-01', 'KT-02', 'Praktijktoets koudemiddelen', 'Totaal SE-weging: 40%.', 'tellen op tot 40%, niet tot 100%']) expect(pdf.text).toContain(text);
    expect(pdf.text).not.toContain('EX-01');
  });

  it('gives the route document as DOCX and PDF with both schools, the plan, coverage and a signature block per partner', async () => {
    const docxRes = await get(`/api/leerroutes/${route.id}/document.docx`, rocDocent);
    expect(docxRes.statusCode, docxRes.body).toBe(200);
    expect(docxRes.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docxRes.headers['content-disposition']).toBe('attachment; filename="leerroute-koudetechniek-doorlopend.docx"');
    const docx = await readDocx(docxRes.rawPayload);
    const text = docx.paragraphs.join('\n');
    for (const t of ['Leerroute Koudetechniek doorlopend', 'Demo Vmbo College', 'Demo ROC', 'Doorlopende leerroute', 'K/PIE/16 Koudetechniek', 'Monteur koude- en klimaatsystemen (crebo 25282, niveau 2)',
      'KT-01', 'KT-02', 'EX-01', 'Project koelkast', 'Koelinstallatie in het leerbedrijf', 'De leerroute is nog niet compleet', 'Wat ontbreekt', 'Namens Demo Vmbo College', 'Namens Demo ROC', 'Handtekening']) {
      expect(text).toContain(t);
    }
    const pdfRes = await get(`/api/leerroutes/${route.id}/document.pdf`, vmboDocent);
    expect(pdfRes.statusCode).toBe(200);
    expect(pdfRes.headers['content-type']).toBe('application/pdf');
    expect(pdfRes.headers['content-disposition']).toBe('attachment; filename="leerroute-koudetechniek-doorlopend.pdf"');
    const pdf = await readPdf(pdfRes.rawPayload);
    expect(pdf.info.Language).toBe('nl-NL');
    expect(pdf.markInfo).toMatchObject({ Marked: true });
    for (const t of ['Partijen', 'Monteur koude- en klimaatsystemen', 'Project koelkast', 'Namens Demo ROC']) expect(pdf.text).toContain(t);
  });

  it('answers an unknown or missing vak with a Dutch 400, and a bad route id with a 400', async () => {
    const unknown = await get(`/api/leerroutes/${route.id}/pta.xlsx?vak=K-PIE-99`, vmboDocent);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(unknown.json().detail).toBe('Deze leerroute heeft geen keuzevak of profielmodule K-PIE-99. Kies uit: K/PIE/16.');
    const missing = await get(`/api/leerroutes/${route.id}/pta.pdf`, vmboDocent);
    expect(missing.statusCode).toBe(400);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await get('/api/leerroutes/geen-uuid/document.pdf', vmboDocent)).statusCode).toBe(400);
  });

  it('is read access as for the route: leerling 403, outsider and unknown route 404, anonymous 401', async () => {
    for (const url of [`/api/leerroutes/${route.id}/pta.xlsx?vak=K-PIE-16`, `/api/leerroutes/${route.id}/pta.pdf?vak=K-PIE-16`, `/api/leerroutes/${route.id}/document.docx`, `/api/leerroutes/${route.id}/document.pdf`]) {
      expect((await get(url, leerling)).statusCode, url).toBe(403);
      expect((await get(url, outsider)).statusCode, url).toBe(404);
      expect((await get(url)).statusCode, url).toBe(401);
    }
    // An outsider learns nothing about the vakken of a route that is not theirs: 404 before the vak is looked at.
    expect((await get(`/api/leerroutes/${route.id}/pta.xlsx?vak=K-PIE-99`, outsider)).statusCode).toBe(404);
    expect((await get('/api/leerroutes/00000000-0000-4000-8000-000000000000/document.docx', vmboDocent)).statusCode).toBe(404);
  });
});

if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
