/**
 * Issue 12, "the teacher's experience", for the leerroute-ontwerper over HTTP on both databases: the schooljaar
 * (cohort) of a route (stored, changed, refused when malformed, in the exports); what a keuzevak-keuzedeelarrangement
 * leads to; a doel planned twice is refused with a Dutch 409 that changes nothing (also when two teachers with stale
 * pages plan it at the same moment); after a real SLO import removed a planned eindterm, the route still names it by
 * its code and title (in the warnings and the route document), never by its id.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SLO_DIR, seedDemoCatalogue } from '../../src/server/demo/seed-demo.js';
import { importSlo } from '../../src/server/use-cases/catalog/import-slo.js';
import { doelInZin } from '../../src/domain/leerroute/coverage.js';
import { LeerrouteDetail, type LeerrouteDetail as Detail } from '../../src/shared/leerroute-api.js';
import { asUser, signIn, startAccountsApp, type AccountsApp, type Session } from '../support/accounts.js';
import { databaseAvailable, TEST_DB } from '../support/db.js';
import { readDocx, readXlsx } from '../support/export-files.js';

describe.skipIf(!databaseAvailable)(`leerroute: what teachers found (${TEST_DB})`, { timeout: 120_000 }, () => {
  let t: AccountsApp;
  let partnership: string;
  let vmboDocent: Session;
  let rocDocent: Session;
  let route: Detail;
  const tmp: string[] = [];

  type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  const call = async (method: Method, url: string, session: Session, payload?: object) => {
    const res = await t.app.inject({ method, url, headers: asUser(session), ...(payload ? { payload } : {}) });
    return { status: res.statusCode, json: res.body ? (res.json() as Record<string, unknown>) : undefined, type: String(res.headers['content-type'] ?? '') };
  };
  const change = async (method: Method, url: string, session: Session, payload: object | undefined, status = 200) => {
    const res = await call(method, url, session, payload);
    expect(res.status, JSON.stringify(res.json)).toBe(status);
    route = LeerrouteDetail.parse(res.json);
    return route;
  };
  const problem = async (method: Method, url: string, session: Session, payload: object | undefined, status: number) => {
    const res = await call(method, url, session, payload);
    expect(res.status, JSON.stringify(res.json)).toBe(status);
    expect(res.type).toMatch(/application\/problem\+json/);
    return res.json as { detail: string; errors?: Array<{ path: string; message: string }> };
  };
  const fresh = async () => LeerrouteDetail.parse((await call('GET', `/api/leerroutes/${route.id}`, vmboDocent)).json);
  const settings = (r: Detail) => ({
    versie: r.versie,
    naam: r.naam,
    type: r.type,
    vmbo: { profiel: r.vmbo.profiel?.code ?? null, leerweg: r.vmbo.leerweg, profielmodulen: r.vmbo.profielmodulen.map((x) => x.code), keuzevakken: r.vmbo.keuzevakken.map((x) => x.code) },
    mbo: { kwalificatie: r.mbo.kwalificatie?.crebo ?? null, keuzedelen: r.mbo.keuzedelen.map((x) => x.code) },
    tijdpad: r.tijdpad.map((j) => ({ leerjaar: j.leerjaar, fase: j.fase, perioden: j.perioden, organisatieId: j.organisatie?.id ?? null })),
  });
  const countRows = async (table: 'leerroute' | 'leerroute_planning' | 'leerroute_historie') =>
    Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await startAccountsApp();
    await seedDemoCatalogue(t.database.db);
    partnership = (await t.database.db.selectFrom('partnership').select('id').where('naam', '=', 'Demo doorlopende leerroute techniek').executeTakeFirstOrThrow()).id;
    vmboDocent = await signIn(t.app, 'docent@vmbo.demo');
    rocDocent = await signIn(t.app, 'docent@roc.demo');
  });
  afterAll(async () => {
    await t?.close();
    for (const d of tmp) fs.rmSync(d, { recursive: true, force: true });
  });

  it('keeps the schooljaar (cohort) of a route; a malformed one is a Dutch 400 that stores nothing', async () => {
    const url = `/api/partnerships/${partnership}/leerroutes`;
    const body = { naam: 'Koudetechniek cohort 2026', type: 'doorlopend', vmbo: { profiel: 'PIE', leerweg: 'BB', keuzevakken: ['K/PIE/16'] }, mbo: { kwalificatie: '25282' } };
    const routes = await countRows('leerroute');
    for (const [schooljaar, message] of [
      ['2026-2028', 'het tweede jaar volgt op het eerste, bijvoorbeeld 2026-2027'],
      ['26/27', 'schrijf het schooljaar als 2026-2027'],
    ] as const) {
      const p = await problem('POST', url, vmboDocent, { ...body, schooljaar }, 400);
      expect(p.errors).toEqual([expect.objectContaining({ path: 'body.schooljaar', message })]);
    }
    expect(await countRows('leerroute')).toBe(routes);
    await change('POST', url, vmboDocent, { ...body, schooljaar: ' 2026-2027 ' }, 201);
    expect(route.schooljaar).toBe('2026-2027');
    // A settings change without the field keeps it (older clients); with it, it changes; null clears it.
    await change('PUT', `/api/leerroutes/${route.id}`, vmboDocent, settings(route));
    expect(route.schooljaar).toBe('2026-2027');
    await change('PUT', `/api/leerroutes/${route.id}`, rocDocent, { ...settings(route), schooljaar: '2027-2028' });
    expect(route.schooljaar).toBe('2027-2028');
    const historie = (await call('GET', `/api/leerroutes/${route.id}/historie`, vmboDocent)).json as { regels: Array<{ omschrijving: string }> };
    expect(historie.regels[0]!.omschrijving).toBe('Wijzigde de instellingen (schooljaar).');
    await problem('PUT', `/api/leerroutes/${route.id}`, rocDocent, { ...settings(route), schooljaar: '2027' }, 400);
    expect((await fresh()).schooljaar).toBe('2027-2028');
    // In the header of the PTA and the route document.
    const xlsx = await t.app.inject({ method: 'GET', url: `/api/leerroutes/${route.id}/pta.xlsx?vak=K-PIE-16`, headers: asUser(vmboDocent) });
    expect(xlsx.statusCode).toBe(200);
    const rows = (await readXlsx(xlsx.rawPayload)).sheets.get('PTA K-PIE-16')!;
    expect(rows.find((r) => r[0] === 'Schooljaar (cohort)')?.[1]).toBe('2027-2028');
    const docx = await t.app.inject({ method: 'GET', url: `/api/leerroutes/${route.id}/document.docx`, headers: asUser(vmboDocent) });
    const text = (await readDocx(docx.rawPayload)).paragraphs.join('\n');
    expect(text).toContain('Leerroute Koudetechniek cohort 2026, schooljaar 2027-2028');
    expect(text).toContain('voor het cohort dat begint in schooljaar 2027-2028');
  });

  it('says what a keuzevak-keuzedeelarrangement leads to: the keuzevak in the vmbo diploma, the keuzedeel in the mbo', async () => {
    await change('POST', `/api/partnerships/${partnership}/leerroutes`, vmboDocent, {
      naam: 'Arrangement koeling', type: 'keuzevak-keuzedeel', vmbo: { profiel: 'PIE', leerweg: 'BB', keuzevakken: ['K/PIE/16'] }, mbo: { keuzedelen: ['K0072'] },
    }, 201);
    expect(route.leidtTot).toEqual(['het keuzevak, als onderdeel van het vmbo-diploma', expect.stringContaining('het resultaat van het keuzedeel in het mbo')]);
    const docx = await t.app.inject({ method: 'GET', url: `/api/leerroutes/${route.id}/document.docx`, headers: asUser(vmboDocent) });
    const text = (await readDocx(docx.rawPayload)).paragraphs.join('\n');
    expect(text).toContain('het keuzevak, als onderdeel van het vmbo-diploma');
    expect(text).not.toMatch(/geen diploma/i);
  });

  it('refuses a doel planned twice with a Dutch 409 that says where and by whom, and changes nothing; also at the same moment', async () => {
    await change('POST', `/api/partnerships/${partnership}/leerroutes`, vmboDocent, {
      naam: 'Dubbel plannen', type: 'doorlopend', vmbo: { profiel: 'PIE', leerweg: 'BB', keuzevakken: ['K/PIE/16'] }, mbo: { kwalificatie: '25282' },
    }, 201);
    const base = `/api/leerroutes/${route.id}`;
    const [e1, e2, e3] = route.doelen.filter((d) => d.side === 'vmbo');
    const w1 = route.doelen.find((d) => d.side === 'mbo')!;
    await change('POST', `${base}/planning`, vmboDocent, { items: [e1!.id], leerjaar: 3, periode: 1 }, 201);
    const planning = await countRows('leerroute_planning');
    const historie = await countRows('leerroute_historie');
    // Roos, on a page that does not show Daan's regel yet, plans the same doel (alone, and in a Beiden pair).
    for (const items of [[e1!.id], [e1!.id, w1.id]]) {
      const p = await problem('POST', `${base}/planning`, rocDocent, { items, leerjaar: 4, periode: 2 }, 409);
      expect(p.detail).toBe(`${doelInZin(e1!)} is al gepland in leerjaar 3, periode 1 (door Daan Docent, Demo Vmbo College). Een doel plant u één keer; verplaats de kaart als het in een andere periode hoort. Er is niets opgeslagen.`);
    }
    expect(await countRows('leerroute_planning')).toBe(planning);
    expect(await countRows('leerroute_historie')).toBe(historie);
    expect((await fresh()).planning.map((p) => p.items)).toEqual([[e1!.id]]);

    // Two teachers plan the same doel at the same moment: one regel, one 409.
    const both = await Promise.all([
      call('POST', `${base}/planning`, vmboDocent, { items: [e2!.id], leerjaar: 3, periode: 2 }),
      call('POST', `${base}/planning`, rocDocent, { items: [e2!.id, w1.id], leerjaar: 5, periode: 1 }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.status === 409)!.json!.detail).toMatch(/is al gepland in leerjaar/);
    const na = await fresh();
    expect(na.planning.filter((p) => p.items.includes(e2!.id))).toHaveLength(1);
    // The loser's other doel was not planned either (nothing of the refused request stays).
    if (both[0]!.status === 201) expect(na.planning.some((p) => p.items.includes(w1.id))).toBe(false);

    // Out of the planning, then planned again elsewhere: allowed.
    const regel = na.planning.find((p) => p.items[0] === e1!.id)!;
    await change('DELETE', `${base}/planning/${regel.id}?versie=${regel.versie}`, rocDocent, undefined);
    await change('POST', `${base}/planning`, rocDocent, { items: [e1!.id, e3!.id], leerjaar: 4, periode: 1 }, 201);
    expect(route.planning.find((p) => p.items.includes(e1!.id))).toMatchObject({ leerjaar: 4, periode: 1 });
    expect(route.dekking.waarschuwingen.filter((w) => w.code === 'dubbel-gepland' || w.code === 'beiden-dubbel-gepland')).toEqual([]);
  });

  it('after an import removed a planned eindterm, names it by the code and title the catalogue keeps, never by its id', async () => {
    await change('POST', `/api/partnerships/${partnership}/leerroutes`, vmboDocent, {
      naam: 'Na de nieuwe release', type: 'doorlopend', schooljaar: '2026-2027', vmbo: { profiel: 'PIE', leerweg: 'BB', keuzevakken: ['K/PIE/16'] }, mbo: { kwalificatie: '25282' },
    }, 201);
    const base = `/api/leerroutes/${route.id}`;
    const weg = route.doelen.filter((d) => d.side === 'vmbo').at(-1)!;
    await change('POST', `${base}/planning`, vmboDocent, { items: [weg.id], leerjaar: 3, periode: 1 }, 201);
    await change('POST', `${base}/toetsen`, vmboDocent, { leerjaar: 3, periode: 2, toetscode: 'KT-09', naam: 'Eindopdracht', vorm: 'praktijkopdracht', soort: 'summatief', doelen: [weg.id], onderdeelVan: 'pta', seWeging: 100 }, 201);

    // A new SLO release without that eindterm, through the real importer.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slo-release-'));
    tmp.push(dir);
    fs.cpSync(DEMO_SLO_DIR, dir, { recursive: true });
    const bg = path.join(dir, 'examenprogramma-bg');
    const eindtermen = JSON.parse(fs.readFileSync(path.join(bg, 'globale_eindterm.json'), 'utf8')) as Array<{ id: string }>;
    fs.writeFileSync(path.join(bg, 'globale_eindterm.json'), JSON.stringify(eindtermen.filter((e) => e.id !== weg.id)));
    const deeltaken = JSON.parse(fs.readFileSync(path.join(bg, 'deeltaak.json'), 'utf8')) as Array<{ examenprogramma_bg_globale_eindterm_id?: string[] }>;
    for (const d of deeltaken) if (d.examenprogramma_bg_globale_eindterm_id) d.examenprogramma_bg_globale_eindterm_id = d.examenprogramma_bg_globale_eindterm_id.filter((id) => id !== weg.id);
    fs.writeFileSync(path.join(bg, 'deeltaak.json'), JSON.stringify(deeltaken));
    await importSlo({ db: t.database.db, location: dir, release: 'nieuwe release', isDemo: true });
    const row = await t.database.db.selectFrom('vmbo_item').select(['status', 'code']).where('id', '=', weg.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'vervallen', code: weg.code });

    const na = await fresh();
    expect(na.doelen.some((d) => d.id === weg.id)).toBe(false);
    expect(na.andereDoelen).toEqual([{ id: weg.id, side: 'vmbo', code: weg.code, titel: weg.titel, reden: 'vervallen' }]);
    const vervallen = na.dekking.waarschuwingen.filter((w) => w.code === 'doel-vervallen');
    expect(vervallen.map((w) => w.melding)).toEqual([`${doelInZin(weg)} bestaat niet meer in de nieuwe release van de catalogus, maar staat nog in leerjaar 3, periode 1.`]);
    for (const w of na.dekking.waarschuwingen) expect(w.melding).not.toContain(weg.id);
    const docx = await t.app.inject({ method: 'GET', url: `${base}/document.docx`, headers: asUser(vmboDocent) });
    const text = (await readDocx(docx.rawPayload)).paragraphs.join('\n');
    expect(text).toContain(`${weg.code} ${weg.titel} (vervallen in de catalogus)`);
    expect(text).not.toContain(weg.id);
  });
});
