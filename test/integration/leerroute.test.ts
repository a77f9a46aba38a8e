/**
 * The leerroute-ontwerper over HTTP (issue 6), on the demo catalogue and the demo organisations: two users of the
 * partner schools build a small route together (settings, planning incl. a Beiden regel, toetsen, activiteiten,
 * materialen), the coverage check finds the gaps and then none, warnings appear, stale versies are refused (409),
 * history shows both users, bad input is a 400 problem+json that changes nothing, and outsiders see nothing (404).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCatalogue } from '../../src/server/demo/seed-demo.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import { Dekking, Historie, LeerrouteDetail, LeerrouteLijst, type LeerrouteDetail as Detail } from '../../src/shared/leerroute-api.js';
import { Inventaris } from '../../src/shared/inventory-api.js';
import { asUser, signIn, startAccountsApp, type AccountsApp, type Session } from '../support/accounts.js';
import { databaseAvailable, SKIP_NO_DB, TEST_DB } from '../support/db.js';

describe.skipIf(!databaseAvailable)(`leerroute-ontwerper (${TEST_DB})`, () => {
  let t: AccountsApp;
  let partnership: string;
  let vmboOrg: string;
  let rocOrg: string;
  let vmboDocent: Session;
  let rocDocent: Session;
  let leerling: Session;
  let outsider: Session;
  let route: Detail;

  beforeAll(async () => {
    t = await startAccountsApp();
    await seedDemoCatalogue(t.database.db);
    const db = t.database.db;
    partnership = (await db.selectFrom('partnership').select('id').where('naam', '=', 'Demo doorlopende leerroute techniek').executeTakeFirstOrThrow()).id;
    vmboOrg = (await db.selectFrom('organisation').select('id').where('naam', '=', 'Demo Vmbo College').executeTakeFirstOrThrow()).id;
    rocOrg = (await db.selectFrom('organisation').select('id').where('naam', '=', 'Demo ROC').executeTakeFirstOrThrow()).id;
    await createUser({ db, email: 'beheerder@ander.demo', naam: 'Ander', organisatie: 'Ander College', soort: 'vmbo-school', rol: 'beheerder', password: 'demo-wachtwoord' });
    vmboDocent = await signIn(t.app, 'docent@vmbo.demo');
    rocDocent = await signIn(t.app, 'docent@roc.demo');
    leerling = await signIn(t.app, 'leerling@vmbo.demo');
    outsider = await signIn(t.app, 'beheerder@ander.demo');
  });
  afterAll(async () => {
    await t?.close();
  });

  type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  const call = async (method: Method, url: string, session?: Session, payload?: object) => {
    const res = await t.app.inject({ method, url, headers: session ? asUser(session) : {}, ...(payload ? { payload } : {}) });
    const json = res.body ? (res.json() as Record<string, unknown>) : undefined;
    return { status: res.statusCode, json, type: String(res.headers['content-type'] ?? '') };
  };
  /** A change that must succeed; answers the whole route (checked against the contract). */
  const change = async (method: Method, url: string, session: Session, payload?: object, status = 200) => {
    const res = await call(method, url, session, payload);
    expect(res.status, JSON.stringify(res.json)).toBe(status);
    route = LeerrouteDetail.parse(res.json);
    return route;
  };
  const problem = async (method: Method, url: string, session: Session | undefined, payload: object | undefined, status: number) => {
    const res = await call(method, url, session, payload);
    expect(res.status, JSON.stringify(res.json)).toBe(status);
    expect(res.type).toMatch(/application\/problem\+json/);
    return res.json as { detail: string; errors?: Array<{ path: string; message: string }> };
  };
  const fresh = async (session = vmboDocent) => {
    const res = await call('GET', `/api/leerroutes/${route.id}`, session);
    expect(res.status).toBe(200);
    return LeerrouteDetail.parse(res.json);
  };
  const base = () => `/api/leerroutes/${route.id}`;
  const vmboDoelen = () => route.doelen.filter((d) => d.side === 'vmbo');
  const mboDoelen = () => route.doelen.filter((d) => d.side === 'mbo');
  const codes = (d: { waarschuwingen: Array<{ code: string }> }) => d.waarschuwingen.map((w) => w.code);

  it('a docent of the vmbo school creates a doorlopende leerroute with the default tijdpad and its doelen', async () => {
    await change('POST', `/api/partnerships/${partnership}/leerroutes`, vmboDocent, {
      naam: 'Koudetechniek doorlopend',
      type: 'doorlopend',
      vmbo: { profiel: 'pie', leerweg: 'BB', keuzevakken: ['K-PIE-16'] },
      mbo: { kwalificatie: '25282', keuzedelen: ['K0072'] },
    }, 201);
    expect(route.versie).toBe(1);
    expect(route.diplomas).toEqual({ vmbo: true, mbo: true });
    expect(route.vmbo.keuzevakken).toEqual([{ code: 'K/PIE/16', titel: 'Koudetechniek' }]);
    expect(route.mbo.kwalificatie).toEqual({ crebo: '25282', naam: 'Monteur koude- en klimaatsystemen', niveau: 2 });
    expect(route.tijdpad).toEqual([
      { leerjaar: 3, fase: 'vmbo', perioden: 4, organisatie: { id: vmboOrg, naam: 'Demo Vmbo College' } },
      { leerjaar: 4, fase: 'vmbo', perioden: 4, organisatie: { id: vmboOrg, naam: 'Demo Vmbo College' } },
      { leerjaar: 5, fase: 'mbo', perioden: 4, organisatie: { id: rocOrg, naam: 'Demo ROC' } },
    ]);
    expect(vmboDoelen().length).toBeGreaterThan(1);
    expect(vmboDoelen().every((d) => d.soort === 'eindterm' && d.bron.code === 'K/PIE/16')).toBe(true);
    expect(mboDoelen().map((d) => d.id)).toEqual(['25282:B1-K1-W1', '25282:B1-K1-W2', '25282:B1-K2-W1', '25282:B1-K2-W2', '25282:B1-K2-W3', 'keuzedeel:K0072']);
    // Nothing planned yet: every doel misses all three steps.
    expect(route.dekking.compleet).toBe(false);
    expect(route.dekking.gaten).toHaveLength(route.doelen.length * 3);
    expect(route.mijnRechten.wijzigen).toBe(true);
    expect(route.aangemaakt.gebruiker.naam).toBe('Daan Docent');
    expect(route.aangemaakt.organisatie?.naam).toBe('Demo Vmbo College');

    const list = LeerrouteLijst.parse((await call('GET', `/api/partnerships/${partnership}/leerroutes`, rocDocent)).json);
    expect(list.leerroutes.map((r) => r.naam)).toEqual(['Koudetechniek doorlopend']);
  });

  it('refuses settings that break the shape of the type or name unknown codes, with a 400 and nothing stored', async () => {
    const url = `/api/partnerships/${partnership}/leerroutes`;
    const geintegreerd = await problem('POST', url, vmboDocent, { naam: 'X', type: 'geintegreerd', vmbo: { leerweg: 'KB', keuzevakken: ['K/PIE/16'] }, mbo: { kwalificatie: '25281' } }, 400);
    expect(geintegreerd.errors?.map((e) => e.path).sort()).toEqual(['body.mbo.kwalificatie', 'body.vmbo.leerweg']);
    expect(geintegreerd.detail).toMatch(/niveau 2; deze kwalificatie is niveau 3/);
    const kk = await problem('POST', url, vmboDocent, { naam: 'X', type: 'keuzevak-keuzedeel', vmbo: { keuzevakken: ['K/PIE/16', 'K/PIE/02'] }, mbo: { keuzedelen: ['K0072'] } }, 400);
    expect(kk.detail).toMatch(/precies één keuzevak/);
    const unknown = await problem('POST', url, vmboDocent, { naam: 'X', type: 'doorlopend', vmbo: { leerweg: 'BB', keuzevakken: ['K/XYZ/99'] }, mbo: { kwalificatie: '99999' } }, 400);
    expect(unknown.detail).toMatch(/Keuzevak K\/XYZ\/99 bestaat niet/);
    expect(unknown.detail).toMatch(/Kwalificatie 99999 bestaat niet/);
    await problem('POST', url, vmboDocent, { naam: '', type: 'onbekend' }, 400);
    const foreignSchool = await problem('POST', url, vmboDocent, {
      naam: 'X', type: 'doorlopend', vmbo: { leerweg: 'BB', keuzevakken: ['K/PIE/16'] }, mbo: { kwalificatie: '25282' },
      tijdpad: [{ leerjaar: 3, fase: 'vmbo', organisatieId: '00000000-0000-4000-8000-000000000000' }, { leerjaar: 4, fase: 'mbo' }],
    }, 400);
    expect(foreignSchool.errors?.map((e) => e.path)).toEqual(['body.tijdpad.0.organisatieId']);
    const list = LeerrouteLijst.parse((await call('GET', `/api/partnerships/${partnership}/leerroutes`, vmboDocent)).json);
    expect(list.leerroutes).toHaveLength(1);
  });

  it('both schools plan: a single doel, and a Beiden regel planned once for both sides', async () => {
    const [e1, e2] = vmboDoelen();
    const [w1] = mboDoelen();
    await change('POST', `${base()}/planning`, vmboDocent, { items: [e1!.id], leerjaar: 3, periode: 1 }, 201);
    await change('POST', `${base()}/planning`, rocDocent, { items: [e2!.id, w1!.id], leerjaar: 4, periode: 2 }, 201);
    expect(route.planning.map((p) => [p.items, p.beiden, p.leerjaar, p.periode])).toEqual([
      [[e1!.id], false, 3, 1],
      [[e2!.id, w1!.id], true, 4, 2],
    ]);
    expect(route.planning[1]!.gewijzigd.gebruiker.naam).toBe('Roos Docent');
    expect(route.planning[1]!.gewijzigd.organisatie?.naam).toBe('Demo ROC');
    const dw1 = route.dekking.doelen.find((d) => d.id === w1!.id)!;
    expect(dw1.gepland).toEqual([{ leerjaar: 4, periode: 2 }]);
    expect(dw1.ontbreekt).toEqual(['activiteit', 'summatieve-toets']);
    const gap = route.dekking.gaten.find((g) => g.itemId === w1!.id && g.ontbreekt === 'activiteit')!;
    expect([gap.stap, gap.leerjaar, gap.periode]).toEqual(['activiteiten', 4, 2]);
  });

  it('refuses planning of a non-doel, in a period that does not exist, or with bad ids; nothing changes', async () => {
    const before = await fresh();
    const notMine = await problem('POST', `${base()}/planning`, vmboDocent, { items: ['25281:P2-K1-W1'], leerjaar: 3, periode: 1 }, 400);
    expect(notMine.detail).toMatch(/geen doel van deze leerroute/);
    const noPeriod = await problem('POST', `${base()}/planning`, vmboDocent, { items: [vmboDoelen()[2]!.id], leerjaar: 3, periode: 5 }, 400);
    expect(noPeriod.detail).toBe('Leerjaar 3, periode 5 bestaat niet in het tijdpad van deze leerroute.');
    await problem('POST', `${base()}/planning`, vmboDocent, { items: ['geen-id'], leerjaar: 3, periode: 1 }, 400);
    await problem('POST', `${base()}/planning`, vmboDocent, { items: [], leerjaar: 3, periode: 1 }, 400);
    await problem('POST', '/api/leerroutes/niet-een-uuid/planning', vmboDocent, { items: [vmboDoelen()[2]!.id], leerjaar: 3, periode: 1 }, 400);
    await problem('PATCH', `${base()}/planning/00000000-0000-4000-8000-000000000000`, vmboDocent, { versie: 1, leerjaar: 3, periode: 2 }, 404);
    await problem('POST', `${base()}/toetsen`, vmboDocent, { leerjaar: 3, periode: 1, toetscode: 'T1', naam: 'Toets', vorm: 'tekening', soort: 'summatief' }, 400);
    await problem('POST', `${base()}/materialen`, vmboDocent, { leerjaar: 3, periode: 1, titel: 'Koffer', soort: 'methode', organisatieId: '00000000-0000-4000-8000-000000000000' }, 400);
    const after = await fresh();
    expect(after.planning).toEqual(before.planning);
    expect(after.toetsen).toEqual([]);
    expect(after.materialen).toEqual([]);
  });

  it('moving with a stale versie is a 409 with a Dutch message and loses nobody’s work', async () => {
    const regel = route.planning[0]!;
    await change('PATCH', `${base()}/planning/${regel.id}`, vmboDocent, { versie: regel.versie, leerjaar: 3, periode: 2 });
    const stale = await problem('PATCH', `${base()}/planning/${regel.id}`, rocDocent, { versie: regel.versie, leerjaar: 4, periode: 4 }, 409);
    expect(stale.detail).toMatch(/intussen door iemand anders gewijzigd.*Laad de leerroute opnieuw/);
    const now = await fresh(rocDocent);
    expect(now.planning.find((p) => p.id === regel.id)).toMatchObject({ leerjaar: 3, periode: 2, versie: regel.versie + 1 });
    await problem('DELETE', `${base()}/planning/${regel.id}?versie=${regel.versie}`, rocDocent, undefined, 409);
  });

  it('at the same moment: two moves of one regel give one success and one 409; two new regels both stay', async () => {
    const regel = route.planning[0]!;
    const [a, b] = await Promise.all([
      call('PATCH', `${base()}/planning/${regel.id}`, vmboDocent, { versie: regel.versie, leerjaar: 3, periode: 3 }),
      call('PATCH', `${base()}/planning/${regel.id}`, rocDocent, { versie: regel.versie, leerjaar: 3, periode: 4 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 3 : 4;
    expect((await fresh()).planning.find((p) => p.id === regel.id)).toMatchObject({ periode: winner, versie: regel.versie + 1 });
    const [d3, d4] = [vmboDoelen()[2]!, vmboDoelen()[3]!];
    const both = await Promise.all([
      call('POST', `${base()}/planning`, vmboDocent, { items: [d3.id], leerjaar: 3, periode: 3 }),
      call('POST', `${base()}/planning`, rocDocent, { items: [d4.id], leerjaar: 3, periode: 4 }),
    ]);
    expect(both.map((r) => r.status)).toEqual([201, 201]);
    route = await fresh();
    expect(route.planning.filter((p) => p.items[0] === d3.id || p.items[0] === d4.id)).toHaveLength(2);
    // Back where the next test expects it.
    const moved = route.planning.find((p) => p.id === regel.id)!;
    await change('PATCH', `${base()}/planning/${regel.id}`, vmboDocent, { versie: moved.versie, leerjaar: 3, periode: 2 });
  });

  it('toetsen, activiteiten and materialen close the gaps; the check then finds none', async () => {
    // Plan every doel that is not planned yet, one regel each, vmbo doelen in the vmbo years and mbo doelen in year 5.
    const planned = new Set(route.planning.flatMap((p) => p.items));
    for (const d of route.doelen.filter((x) => !planned.has(x.id))) {
      await change('POST', `${base()}/planning`, d.side === 'vmbo' ? vmboDocent : rocDocent, { items: [d.id], leerjaar: d.side === 'vmbo' ? 4 : 5, periode: 1 }, 201);
    }
    expect(route.dekking.gaten.every((g) => g.ontbreekt !== 'planning')).toBe(true);
    const all = route.doelen.map((d) => d.id);
    const vmbo = vmboDoelen().map((d) => d.id);
    const mbo = mboDoelen().map((d) => d.id);
    await change('POST', `${base()}/activiteiten`, vmboDocent, { leerjaar: 3, periode: 2, titel: 'Project koelkast bouwen', doelen: vmbo, organisatieId: vmboOrg, uren: 40 }, 201);
    await change('POST', `${base()}/activiteiten`, rocDocent, { leerjaar: 5, periode: 1, titel: 'Praktijk in het leerbedrijf', doelen: mbo, organisatieId: rocOrg }, 201);
    expect(route.dekking.gaten.every((g) => g.ontbreekt === 'summatieve-toets')).toBe(true);
    // The Beiden regel (e2 + w1) is closed by one toets naming only e2.
    const beiden = route.planning.find((p) => p.beiden)!;
    const [e2, w1] = beiden.items;
    await change('POST', `${base()}/toetsen`, vmboDocent, {
      leerjaar: 4, periode: 4, toetscode: 'PIE-16-SE1', naam: 'Koelinstallatie monteren', vorm: 'praktijkopdracht', soort: 'summatief',
      doelen: vmbo, duurMinuten: 180, weging: 3, herkansbaar: true, onderdeelVan: 'pta', seWeging: 100,
    }, 201);
    await change('POST', `${base()}/toetsen`, rocDocent, {
      leerjaar: 5, periode: 4, toetscode: 'PvB-B1', naam: 'Proeve van bekwaamheid monteur', vorm: 'proeve-van-bekwaamheid', soort: 'summatief',
      doelen: mbo.filter((id) => id !== w1), onderdeelVan: 'examenplan',
    }, 201);
    await change('POST', `${base()}/materialen`, rocDocent, { leerjaar: 5, periode: 1, titel: 'Koeltechnisch lokaal', soort: 'locatie', organisatieId: rocOrg }, 201);
    expect(route.dekking.gaten).toEqual([]);
    expect(route.dekking.compleet).toBe(true);
    expect(route.dekking.totalen).toMatchObject({ doelen: all.length, gepland: all.length, onderwezen: all.length, summatiefGetoetst: all.length, volledig: all.length });
    expect(route.dekking.doelen.find((d) => d.id === w1)!.summatieveToetsen).toHaveLength(1);
    expect(e2).toBe(vmbo[1]);
    expect(route.dekking.waarschuwingen).toEqual([]);
    expect(route.toetsen.map((x) => [x.toetscode, x.onderdeelVan, x.seWeging, x.gewijzigd.organisatie?.naam])).toEqual([
      ['PIE-16-SE1', 'pta', 100, 'Demo Vmbo College'],
      ['PvB-B1', 'examenplan', null, 'Demo ROC'],
    ]);
    const dekking = Dekking.parse((await call('GET', `${base()}/dekking`, rocDocent)).json);
    expect(dekking).toEqual(route.dekking);
  });

  it('warns about suspicious plans', async () => {
    const beiden = route.planning.find((p) => p.beiden)!;
    const [e2, w1] = beiden.items;
    const e1Regel = route.planning.find((p) => p.items.length === 1 && p.items[0] === vmboDoelen()[0]!.id)!;
    // A second summatieve toets of e2 (also closing w1, in the same Beiden regel), and one without doelen.
    await change('POST', `${base()}/toetsen`, vmboDocent, { leerjaar: 4, periode: 3, toetscode: 'PIE-16-SE2', naam: 'Theorie koudetechniek', vorm: 'schriftelijk', soort: 'summatief', doelen: [e2] }, 201);
    await change('POST', `${base()}/toetsen`, vmboDocent, { leerjaar: 4, periode: 3, toetscode: 'PIE-16-SE3', naam: 'Lege toets', vorm: 'mondeling', soort: 'summatief' }, 201);
    // The Beiden werkproces planned a second time is refused (a doel is planned once, issue 12): 409, nothing stored.
    const voor = await fresh();
    const tweeKeer = await problem('POST', `${base()}/planning`, rocDocent, { items: [w1], leerjaar: 5, periode: 3 }, 409);
    expect(tweeKeer.detail).toMatch(/is al gepland in leerjaar \d, periode \d \(door [^)]+\)\. Een doel plant u één keer/);
    expect((await fresh()).planning).toEqual(voor.planning);
    // Another werkproces goes to leerjaar 5, periode 3 (out of the planning and in again), and a vmbo doel into the mbo year.
    const w = route.planning.find((p) => p.leerjaar === 5 && p.items.length === 1 && p.items[0] !== w1)!;
    await change('DELETE', `${base()}/planning/${w.id}?versie=${w.versie}`, rocDocent);
    await change('POST', `${base()}/planning`, rocDocent, { items: w.items, leerjaar: 5, periode: 3 }, 201);
    await change('PATCH', `${base()}/planning/${e1Regel.id}`, rocDocent, { versie: e1Regel.versie, leerjaar: 5, periode: 2 });
    expect(codes(route.dekking).sort()).toEqual(['dubbel-summatief', 'summatieve-toets-zonder-doelen', 'toets-voor-planning', 'vmbo-doel-alleen-in-mbo-jaar']);
    const dubbel = route.dekking.waarschuwingen.find((w) => w.code === 'dubbel-summatief')!;
    expect(dubbel.itemIds.sort()).toEqual([e2, w1].sort());
    // e1 is now planned in 5/2 but its PTA toets is in 4/4: closed before it is planned.
    expect(route.dekking.waarschuwingen.find((w) => w.code === 'toets-voor-planning')!.itemIds).toEqual([vmboDoelen()[0]!.id]);
  });

  it('settings change with the right versie; a stale one is 409; a shorter year leaves a warning instead of deleting work', async () => {
    const stale = { versie: route.versie + 5, naam: route.naam, type: route.type, vmbo: { ...route.vmbo, profiel: 'PIE', keuzevakken: ['K/PIE/16'], profielmodulen: [] }, mbo: { kwalificatie: '25282', keuzedelen: ['K0072'] }, tijdpad: [] };
    await problem('PUT', base(), rocDocent, { ...stale, tijdpad: route.tijdpad.map((j) => ({ leerjaar: j.leerjaar, fase: j.fase, perioden: j.perioden, organisatieId: j.organisatie?.id ?? null })) }, 409);
    const tijdpad = route.tijdpad.map((j) => ({ leerjaar: j.leerjaar, fase: j.fase, perioden: j.leerjaar === 5 ? 2 : j.perioden, organisatieId: j.organisatie?.id ?? null }));
    await change('PUT', base(), rocDocent, { ...stale, versie: route.versie, naam: 'Koudetechniek doorlopend (concept)', tijdpad });
    expect(route.versie).toBe(2);
    expect(route.naam).toBe('Koudetechniek doorlopend (concept)');
    expect(route.tijdpad[2]!.perioden).toBe(2);
    expect(codes(route.dekking)).toContain('periode-bestaat-niet');
    expect(route.planning.some((p) => p.leerjaar === 5 && p.periode === 3)).toBe(true);
    // A shape error on update is a 400 too, and the versie stays.
    await problem('PUT', base(), rocDocent, { ...stale, versie: route.versie, type: 'gl-tl-niveau4', tijdpad }, 400);
    expect((await fresh()).versie).toBe(2);
  });

  it('the history shows every change, by both users of both schools, newest first; it cannot be altered', async () => {
    const res = await call('GET', `${base()}/historie`, rocDocent);
    expect(res.status).toBe(200);
    const h = Historie.parse(res.json);
    const users = new Set(h.regels.map((r) => `${r.gebruiker.naam} (${r.organisatie?.naam})`));
    expect(users).toEqual(new Set(['Daan Docent (Demo Vmbo College)', 'Roos Docent (Demo ROC)']));
    expect(h.regels.at(-1)).toMatchObject({ actie: 'leerroute.aangemaakt', gebruiker: { naam: 'Daan Docent' } });
    expect(h.regels[0]).toMatchObject({ actie: 'leerroute.gewijzigd', omschrijving: 'Wijzigde de instellingen (naam, tijdpad).' });
    expect(h.regels.map((r) => r.actie)).toEqual(expect.arrayContaining(['planning.toegevoegd', 'planning.verplaatst', 'toets.toegevoegd', 'activiteit.toegevoegd', 'materiaal.toegevoegd']));
    const ids = h.regels.map((r) => Number(r.id));
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    // Failed attempts (400, 409) left no trace: four moves succeeded (one stale and one concurrent move did not).
    expect(h.regels.filter((r) => r.actie === 'planning.verplaatst')).toHaveLength(4);
    await expect(t.database.db.updateTable('leerroute_historie').set({ omschrijving: 'vervalst' }).execute()).rejects.toThrow(/append-only/);
    await expect(t.database.db.deleteFrom('leerroute_historie').execute()).rejects.toThrow(/append-only/);
    // Creating and re-configuring are in the acting organisation's audit log too.
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'organisation_id']).where('subject_id', '=', route.id).orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'leerroute.created', organisation_id: vmboOrg },
      { action: 'leerroute.updated', organisation_id: rocOrg },
    ]);
  });

  it('step 1 shows the overlap inventory of the route’s selections', async () => {
    const res = await call('GET', `${base()}/inventaris`, vmboDocent);
    expect(res.status).toBe(200);
    const inv = Inventaris.parse(res.json);
    expect(inv.samenwerking?.id).toBe(partnership);
    expect(inv.vmbo.map((i) => i.id)).toEqual(vmboDoelen().map((d) => d.id));
    expect(inv.mbo.map((i) => i.id)).toEqual(mboDoelen().map((d) => d.id));
  });

  it('changes and deletions of toetsen, activiteiten and materialen, with versies', async () => {
    const toets = route.toetsen.find((x) => x.toetscode === 'PIE-16-SE3')!;
    const { id, versie, gewijzigd: _g, ...values } = toets;
    await change('PUT', `${base()}/toetsen/${id}`, rocDocent, { ...values, versie, naam: 'Mondeling koudetechniek', doelen: [vmboDoelen()[3]!.id] });
    expect(route.toetsen.find((x) => x.id === id)).toMatchObject({ naam: 'Mondeling koudetechniek', versie: versie + 1 });
    await problem('PUT', `${base()}/toetsen/${id}`, vmboDocent, { ...values, versie }, 409);
    await change('DELETE', `${base()}/toetsen/${id}?versie=${versie + 1}`, vmboDocent);
    expect(route.toetsen.some((x) => x.id === id)).toBe(false);
    const m = route.materialen[0]!;
    await change('PUT', `${base()}/materialen/${m.id}`, vmboDocent, { leerjaar: 5, periode: 1, titel: m.titel, soort: 'locatie', url: 'https://example.org/lokaal', organisatieId: rocOrg, versie: m.versie });
    await change('DELETE', `${base()}/materialen/${m.id}?versie=${m.versie + 1}`, rocDocent);
    const a = route.activiteiten[0]!;
    await problem('DELETE', `${base()}/activiteiten/${a.id}`, rocDocent, undefined, 400);
    await change('DELETE', `${base()}/activiteiten/${a.id}?versie=${a.versie}`, rocDocent);
    expect(route.dekking.gaten.some((g) => g.ontbreekt === 'activiteit')).toBe(true);
  });

  it('a doel taken out of the settings stays where it was used, with a warning; its activiteit can still be changed', async () => {
    const a = route.activiteiten.find((x) => x.doelen.includes('keuzedeel:K0072'))!;
    const tijdpad = route.tijdpad.map((j) => ({ leerjaar: j.leerjaar, fase: j.fase, perioden: j.perioden, organisatieId: j.organisatie?.id ?? null }));
    await change('PUT', base(), vmboDocent, {
      versie: route.versie, naam: route.naam, type: route.type, vmbo: { profiel: 'PIE', leerweg: 'BB', keuzevakken: ['K/PIE/16'], profielmodulen: [] }, mbo: { kwalificatie: '25282', keuzedelen: [] }, tijdpad,
    });
    expect(route.doelen.some((d) => d.id === 'keuzedeel:K0072')).toBe(false);
    expect(route.dekking.waarschuwingen.filter((w) => w.code === 'doel-hoort-niet-bij-route').map((w) => w.itemIds)).toEqual([['keuzedeel:K0072']]);
    const { id, versie, gewijzigd: _g, ...values } = a;
    await change('PUT', `${base()}/activiteiten/${id}`, rocDocent, { ...values, versie, titel: 'Praktijk in het leerbedrijf (bpv)' });
    expect(route.activiteiten.find((x) => x.id === id)).toMatchObject({ titel: 'Praktijk in het leerbedrijf (bpv)', doelen: a.doelen });
    // It cannot be added anywhere new.
    await problem('POST', `${base()}/activiteiten`, rocDocent, { leerjaar: 5, periode: 1, titel: 'Nieuw', doelen: ['keuzedeel:K0072'] }, 400);
    // A toets of the PTA in the mbo year is suspicious.
    await change('POST', `${base()}/toetsen`, vmboDocent, { leerjaar: 5, periode: 1, toetscode: 'SE-5', naam: 'Laat schoolexamen', vorm: 'schriftelijk', soort: 'formatief', onderdeelVan: 'pta' }, 201);
    expect(codes(route.dekking)).toContain('pta-toets-in-mbo-jaar');
  });

  it('walls: a leerling 403, an outsider and another samenwerking’s user 404, anonymous 401', async () => {
    for (const [session, status] of [[leerling, 403], [outsider, 404], [undefined, 401]] as const) {
      await problem('GET', base(), session, undefined, status);
      await problem('GET', `${base()}/historie`, session, undefined, status);
      await problem('POST', `${base()}/planning`, session, { items: [vmboDoelen()[0]!.id], leerjaar: 3, periode: 1 }, status);
      await problem('GET', `/api/partnerships/${partnership}/leerroutes`, session, undefined, status);
    }
    await problem('GET', '/api/leerroutes/00000000-0000-4000-8000-000000000000', vmboDocent, undefined, 404);
    const before = await fresh();
    expect(before.planning.length).toBeGreaterThan(0);
  });

  it('deleting a route needs its versie; afterwards it is gone for everyone', async () => {
    await problem('DELETE', `${base()}?versie=1`, vmboDocent, undefined, 409);
    const res = await call('DELETE', `${base()}?versie=${route.versie}`, vmboDocent);
    expect(res.status).toBe(204);
    await problem('GET', base(), vmboDocent, undefined, 404);
    await problem('GET', base(), rocDocent, undefined, 404);
    const list = LeerrouteLijst.parse((await call('GET', `/api/partnerships/${partnership}/leerroutes`, vmboDocent)).json);
    expect(list.leerroutes).toEqual([]);
  });
});

if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
