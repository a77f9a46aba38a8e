/**
 * Issue 13, the regelbank on a real database: the public rule list; the rules on a leerroute (no agreement yet, so the
 * doorlopende-leerroute rule fires, first, with its source and the place to fix it); marking a rule "niet van
 * toepassing" with a reason (audited, shown, removable), refused without a reason or for an unknown rule; docentinzet
 * per samenwerking and schooljaar (a gastdocent over 160 hours is a violation on the route of that schooljaar; stale
 * versie 409; bad input 400 that changes nothing; a non-partner organisation 400); the kalender as iCalendar; an
 * agreement of the agreement module covering the route (a concept: still not signed) and the rules on that agreement;
 * outsiders 404, leerlingen 403, anonymous 401.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCatalogue } from '../../src/server/demo/seed-demo.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import { LeerrouteDetail } from '../../src/shared/leerroute-api.js';
import { Docentinzet, DocentinzetLijst, RegelLijst, RegelUitkomsten } from '../../src/shared/regels-api.js';
import { asUser, signIn, startAccountsApp, type AccountsApp, type Session } from '../support/accounts.js';
import { databaseAvailable, TEST_DB } from '../support/db.js';

describe.skipIf(!databaseAvailable)(`regelbank (${TEST_DB})`, () => {
  let t: AccountsApp;
  let partnership: string;
  let roc: string;
  let vmbo: string;
  let foreignOrg: string;
  let route: LeerrouteDetail;
  let vmboDocent: Session;
  let rocDocent: Session;
  let leerling: Session;
  let outsider: Session;

  beforeAll(async () => {
    t = await startAccountsApp();
    await seedDemoCatalogue(t.database.db);
    const db = t.database.db;
    partnership = (await db.selectFrom('partnership').select('id').where('naam', '=', 'Demo doorlopende leerroute techniek').executeTakeFirstOrThrow()).id;
    roc = (await db.selectFrom('organisation').select('id').where('naam', '=', 'Demo ROC').executeTakeFirstOrThrow()).id;
    vmbo = (await db.selectFrom('organisation').select('id').where('naam', '=', 'Demo Vmbo College').executeTakeFirstOrThrow()).id;
    foreignOrg = (await createUser({ db, email: 'beheerder@ander.demo', naam: 'Ander', organisatie: 'Ander College', soort: 'vmbo-school', rol: 'beheerder', password: 'demo-wachtwoord' })).organisationId;
    vmboDocent = await signIn(t.app, 'docent@vmbo.demo');
    rocDocent = await signIn(t.app, 'docent@roc.demo');
    leerling = await signIn(t.app, 'leerling@vmbo.demo');
    outsider = await signIn(t.app, 'beheerder@ander.demo');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/partnerships/${partnership}/leerroutes`,
      headers: asUser(vmboDocent),
      payload: { naam: 'Regels: techniek BB', type: 'doorlopend', schooljaar: '2026-2027', vmbo: { profiel: 'PIE', leerweg: 'BB', keuzevakken: ['K/PIE/16'] }, mbo: { kwalificatie: '25282' } },
    });
    expect(res.statusCode, res.body).toBe(201);
    route = LeerrouteDetail.parse(res.json());
  });
  afterAll(async () => {
    await t?.close();
  });

  const send = async (method: 'POST' | 'PUT' | 'DELETE' | 'GET', url: string, session?: Session, payload?: object) => {
    const res = await t.app.inject({ method, url, headers: session ? asUser(session) : {}, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.body, json: () => res.json() as Record<string, unknown>, type: String(res.headers['content-type'] ?? ''), headers: res.headers };
  };
  const regels = async (session: Session = rocDocent) => {
    const res = await send('GET', `/api/leerroutes/${route.id}/regels`, session);
    expect(res.status, res.body).toBe(200);
    return RegelUitkomsten.parse(res.json());
  };
  const uitkomst = (u: RegelUitkomsten, id: string) => u.uitkomsten.find((x) => x.regel.id === id)!;
  const inzetRows = () => t.database.db.selectFrom('docentinzet').selectAll().orderBy('id').execute();
  const marks = () => t.database.db.selectFrom('regel_markering').selectAll().execute();
  const audit = (action: string) => t.database.db.selectFrom('audit_log').select(['action', 'subject_id', 'details']).where('action', '=', action).execute();

  it('lists every rule publicly, with its source and explanation', async () => {
    const res = await send('GET', '/api/regels');
    expect(res.status).toBe(200);
    const lijst = RegelLijst.parse(res.json());
    expect(lijst.regels.length).toBeGreaterThanOrEqual(15);
    const gast = lijst.regels.find((r) => r.id === 'gastdocent-160-uur')!;
    expect(gast).toMatchObject({ niveau: 'moet', geldtVoor: ['docentinzet'], bron: { sectie: 'De docenten' } });
  });

  it('checks a route: without an agreement the doorlopende-leerroute rule is the first violation, with its source and where to fix it', async () => {
    const u = await regels();
    expect(u.overeenkomst).toBe('geen');
    expect(u.uitkomsten[0]).toMatchObject({ status: 'overtreden', regel: { id: 'ovk-doorlopende-leerroute', niveau: 'moet' }, plek: { soort: 'overeenkomst' }, markering: null });
    expect(u.uitkomsten[0]!.regel.bron.document).toMatch(/Wat moet en wat mag/);
    // The route has a schooljaar: the admission date is named.
    expect(uitkomst(u, 'aanmelden-1-april')).toMatchObject({ status: 'voldaan' });
    expect(uitkomst(u, 'aanmelden-1-april').melding).toContain('1 april 2028');
    // No PTA toets for LOB yet.
    expect(uitkomst(u, 'lob-in-pta')).toMatchObject({ status: 'overtreden', plek: { soort: 'leerroute', stap: 'toetsing' } });
    const firstOther = u.uitkomsten.findIndex((x) => x.status !== 'overtreden');
    expect(u.uitkomsten.slice(firstOther).some((x) => x.status === 'overtreden')).toBe(false);
  });

  it('follows the route: a LOB toets in the PTA without SE-weging meets the LOB rules; with weging it breaks the other', async () => {
    const add = await send('POST', `/api/leerroutes/${route.id}/toetsen`, vmboDocent, { leerjaar: 4, periode: 1, toetscode: 'LOB-1', naam: 'Loopbaandossier', vorm: 'portfolio', soort: 'formatief', onderdeelVan: 'pta' });
    expect(add.status, add.body).toBe(201);
    let u = await regels();
    expect(uitkomst(u, 'lob-in-pta').status).toBe('voldaan');
    expect(uitkomst(u, 'lob-geen-cijfer').status).toBe('voldaan');
    const toets = LeerrouteDetail.parse(add.json()).toetsen.find((x) => x.toetscode === 'LOB-1')!;
    const put = await send('PUT', `/api/leerroutes/${route.id}/toetsen/${toets.id}`, vmboDocent, { versie: toets.versie, leerjaar: 4, periode: 1, toetscode: 'LOB-1', naam: 'Loopbaandossier', vorm: 'portfolio', soort: 'formatief', onderdeelVan: 'pta', seWeging: 10 });
    expect(put.status, put.body).toBe(200);
    u = await regels();
    expect(uitkomst(u, 'lob-geen-cijfer')).toMatchObject({ status: 'overtreden', plek: { soort: 'leerroute', stap: 'toetsing', leerjaar: 4, periode: 1 } });
  });

  it('marks a rule niet van toepassing with a reason: audited, shown with who, still showing the outcome; and removes it again', async () => {
    const url = `/api/leerroutes/${route.id}/regels/ovk-doorlopende-leerroute/markering`;
    const res = await send('PUT', url, rocDocent, { reden: '  De overeenkomst ligt bij het bestuur ter tekening.  ' });
    expect(res.status, res.body).toBe(200);
    const u = RegelUitkomsten.parse(res.json());
    const m = uitkomst(u, 'ovk-doorlopende-leerroute');
    expect(m.status).toBe('overtreden');
    expect(m.markering).toMatchObject({ reden: 'De overeenkomst ligt bij het bestuur ter tekening.', door: { naam: expect.any(String) }, organisatie: { id: roc } });
    expect(u.totalen.gemarkeerd).toBe(1);
    // The vmbo school sees it too.
    expect(uitkomst(await regels(vmboDocent), 'ovk-doorlopende-leerroute').markering?.reden).toContain('ter tekening');
    const entries = await audit('regels.markering.gezet');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ subject_id: route.id });

    const del = await send('DELETE', url, vmboDocent);
    expect(del.status).toBe(200);
    expect(uitkomst(RegelUitkomsten.parse(del.json()), 'ovk-doorlopende-leerroute').markering).toBeNull();
    expect(await marks()).toEqual([]);
    expect(await audit('regels.markering.verwijderd')).toHaveLength(1);
    // Removing what is not there: 404, nothing audited.
    expect((await send('DELETE', url, vmboDocent)).status).toBe(404);
    expect(await audit('regels.markering.verwijderd')).toHaveLength(1);
  });

  it('refuses a mark without a (real) reason, for an unknown rule, from a leerling and from outsiders: Dutch problems, nothing stored', async () => {
    const base = `/api/leerroutes/${route.id}/regels`;
    const tooShort = await send('PUT', `${base}/ovk-doorlopende-leerroute/markering`, vmboDocent, { reden: ' nee ' });
    expect(tooShort.status).toBe(400);
    expect(tooShort.type).toContain('application/problem+json');
    expect(tooShort.body).toMatch(/reden/);
    expect((await send('PUT', `${base}/ovk-doorlopende-leerroute/markering`, vmboDocent, {})).status).toBe(400);
    const unknown = await send('PUT', `${base}/bestaat-niet/markering`, vmboDocent, { reden: 'Een goede reden hier.' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatch(/bestaat niet in de regelbank/);
    expect((await send('PUT', `${base}/NIET GELDIG/markering`, vmboDocent, { reden: 'Een goede reden hier.' })).status).toBe(400);
    expect((await send('PUT', `${base}/lob-in-pta/markering`, leerling, { reden: 'Een goede reden hier.' })).status).toBe(403);
    expect((await send('PUT', `${base}/lob-in-pta/markering`, outsider, { reden: 'Een goede reden hier.' })).status).toBe(404);
    expect((await send('GET', base, outsider)).status).toBe(404);
    expect((await send('GET', base, leerling)).status).toBe(403);
    expect((await send('GET', base)).status).toBe(401);
    expect((await send('GET', `/api/leerroutes/00000000-0000-4000-8000-000000000000/regels`, vmboDocent)).status).toBe(404);
    expect(await marks()).toEqual([]);
  });

  it('keeps docentinzet per schooljaar; a gastdocent over 160 hours on the vmbo breaks the rule on the route of that schooljaar', async () => {
    const url = `/api/partnerships/${partnership}/docentinzet`;
    const a = await send('POST', url, rocDocent, { schooljaar: '2026-2027', naamOfRol: 'Gastdocent lassen', organisatieId: roc, bevoegdheid: 'gastdocent', uren: 100 });
    expect(a.status, a.body).toBe(201);
    const first = Docentinzet.parse(a.json());
    expect(first).toMatchObject({ versie: 1, onderwijsAan: 'vmbo', organisatie: { id: roc, naam: 'Demo ROC' } });
    expect(uitkomst(await regels(), 'gastdocent-160-uur').status).toBe('voldaan');

    const b = await send('POST', url, vmboDocent, { schooljaar: '2026-2027', naamOfRol: 'gastdocent LASSEN', organisatieId: roc, bevoegdheid: 'gastdocent', uren: 80 });
    expect(b.status).toBe(201);
    const u = await regels();
    expect(uitkomst(u, 'gastdocent-160-uur')).toMatchObject({ status: 'overtreden', plek: { soort: 'docentinzet', schooljaar: '2026-2027' } });
    expect(uitkomst(u, 'gastdocent-160-uur').melding).toContain('180 uur');
    // Another schooljaar does not count for this route.
    expect((await send('POST', url, vmboDocent, { schooljaar: '2027-2028', naamOfRol: 'Gastdocent lassen', organisatieId: roc, bevoegdheid: 'gastdocent', uren: 150 })).status).toBe(201);
    expect(uitkomst(await regels(), 'gastdocent-160-uur').melding).toContain('180 uur');

    // The list of one schooljaar carries the rule outcome.
    const list = await send('GET', `${url}?schooljaar=2026-2027`, rocDocent);
    expect(list.status).toBe(200);
    const l = DocentinzetLijst.parse(list.json());
    expect(l.inzet).toHaveLength(2);
    expect(l.mijnRechten.wijzigen).toBe(true);
    expect(l.uitkomsten.find((x) => x.regel.id === 'gastdocent-160-uur')?.status).toBe('overtreden');

    // Change with the versie seen; a stale versie is a 409 and changes nothing.
    const put = await send('PUT', `${url}/${first.id}`, vmboDocent, { versie: 1, schooljaar: '2026-2027', naamOfRol: 'Gastdocent lassen', organisatieId: roc, bevoegdheid: 'gastdocent', uren: 60 });
    expect(put.status, put.body).toBe(200);
    expect(Docentinzet.parse(put.json())).toMatchObject({ versie: 2, uren: 60 });
    expect(uitkomst(await regels(), 'gastdocent-160-uur').status).toBe('voldaan');
    const before = await inzetRows();
    const stale = await send('PUT', `${url}/${first.id}`, rocDocent, { versie: 1, schooljaar: '2026-2027', naamOfRol: 'X', organisatieId: roc, bevoegdheid: 'gastdocent', uren: 500 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatch(/intussen door iemand anders gewijzigd/);
    expect((await send('DELETE', `${url}/${first.id}?versie=1`, rocDocent)).status).toBe(409);
    expect(await inzetRows()).toEqual(before);
    expect(await audit('regels.docentinzet.toegevoegd')).toHaveLength(3);
    expect(await audit('regels.docentinzet.gewijzigd')).toHaveLength(1);

    const del = await send('DELETE', `${url}/${first.id}?versie=2`, rocDocent);
    expect(del.status).toBe(204);
    expect(await audit('regels.docentinzet.verwijderd')).toHaveLength(1);
  });

  it('refuses bad docentinzet with a Dutch 400 and stores nothing; outsiders 404, leerlingen 403', async () => {
    const url = `/api/partnerships/${partnership}/docentinzet`;
    const before = await inzetRows();
    const cases: Array<[object, RegExp]> = [
      [{ schooljaar: '2026/2027', naamOfRol: 'X', organisatieId: roc, bevoegdheid: 'gastdocent', uren: 10 }, /2026-2027/],
      [{ schooljaar: '2026-2028', naamOfRol: 'X', organisatieId: roc, bevoegdheid: 'gastdocent', uren: 10 }, /tweede jaar volgt/],
      [{ schooljaar: '2026-2027', naamOfRol: '  ', organisatieId: roc, bevoegdheid: 'gastdocent', uren: 10 }, /naam of rol/],
      [{ schooljaar: '2026-2027', naamOfRol: 'X', organisatieId: roc, bevoegdheid: 'eerstegraads', uren: 10 }, /bevoegdheid/],
      [{ schooljaar: '2026-2027', naamOfRol: 'X', organisatieId: roc, bevoegdheid: 'gastdocent', uren: -1 }, /uren/],
      [{ schooljaar: '2026-2027', naamOfRol: 'X', organisatieId: roc, bevoegdheid: 'gastdocent', uren: '10' }, /uren/],
      [{ schooljaar: '2026-2027', naamOfRol: 'X', organisatieId: foreignOrg, bevoegdheid: 'gastdocent', uren: 10 }, /geen partner/],
    ];
    for (const [payload, message] of cases) {
      const res = await send('POST', url, vmboDocent, payload);
      expect(res.status, JSON.stringify(payload)).toBe(400);
      expect(res.type).toContain('application/problem+json');
      expect(res.body).toMatch(message);
    }
    expect((await send('POST', url, leerling, { schooljaar: '2026-2027', naamOfRol: 'X', organisatieId: vmbo, bevoegdheid: 'tweedegraads', uren: 10 })).status).toBe(403);
    expect((await send('POST', url, outsider, { schooljaar: '2026-2027', naamOfRol: 'X', organisatieId: vmbo, bevoegdheid: 'tweedegraads', uren: 10 })).status).toBe(404);
    expect((await send('GET', url, outsider)).status).toBe(404);
    expect((await send('GET', `${url}?schooljaar=volgend-jaar`, vmboDocent)).status).toBe(400);
    expect(await inzetRows()).toEqual(before);
  });

  it('an mbo teacher without tweedegraads bevoegdheid teaching vmbo pupils breaks the rule while there is no signed agreement', async () => {
    const res = await send('POST', `/api/partnerships/${partnership}/docentinzet`, rocDocent, { schooljaar: '2026-2027', naamOfRol: 'Docent installatietechniek', organisatieId: roc, bevoegdheid: 'pedagogisch-didactisch-getuigschrift', onderwijsAan: 'vmbo', uren: 120 });
    expect(res.status).toBe(201);
    const u = await regels();
    expect(uitkomst(u, 'mbo-docent-overeenkomst')).toMatchObject({ status: 'overtreden' });
    expect(uitkomst(u, 'mbo-docent-overeenkomst').melding).toContain('Docent installatietechniek');
  });

  it('serves the kalender of a schooljaar as iCalendar with the dates and their source', async () => {
    const res = await send('GET', `/api/partnerships/${partnership}/kalender.ics?schooljaar=2026-2027`, vmboDocent);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/calendar; charset=utf-8/);
    expect(String(res.headers['content-disposition'])).toContain('kalender-2026-2027.ics');
    const ics = res.body.replace(/\r\n /g, '');
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('DTSTART;VALUE=DATE:20270401');
    expect(ics).toContain('DTSTART;VALUE=DATE:20270201');
    expect(ics).toContain('DTSTART;VALUE=DATE:20261001');
    expect(ics).toContain(`UID:aanmelden-${partnership}-2026-2027@doorlopend`);
    expect(ics).toMatch(/DESCRIPTION:[^\r]*Bron: Wat moet en wat mag/);
    expect(ics).toContain('X-WR-CALNAME:Demo doorlopende leerroute techniek: kalender 2026-2027');
    expect((await send('GET', `/api/partnerships/${partnership}/kalender.ics`, vmboDocent)).status).toBe(400);
    expect((await send('GET', `/api/partnerships/${partnership}/kalender.ics?schooljaar=2026-2028`, vmboDocent)).status).toBe(400);
    expect((await send('GET', `/api/partnerships/${partnership}/kalender.ics?schooljaar=2026-2027`, outsider)).status).toBe(404);
  });

  it('reads the agreements of the agreement module: a concept covering the route is not yet signed; the rules on the agreement itself', async () => {
    const made = await send('POST', `/api/partnerships/${partnership}/overeenkomsten`, vmboDocent, { soort: 'doorlopende-leerroute', leerrouteIds: [route.id] });
    expect(made.status, made.body).toBe(201);
    const ovkId = String(made.json().id);
    const u = await regels();
    expect(u.overeenkomst).toBe('gekoppeld');
    expect(uitkomst(u, 'ovk-doorlopende-leerroute')).toMatchObject({ status: 'overtreden', plek: { soort: 'overeenkomst', overeenkomstId: ovkId } });
    expect(uitkomst(u, 'ovk-doorlopende-leerroute').melding).toMatch(/concept, nog niet ondertekend/);
    expect(uitkomst(u, 'ovk-vastleggen').status).toBe('voldaan');

    const res = await send('GET', `/api/overeenkomsten/${ovkId}/regels`, rocDocent);
    expect(res.status, res.body).toBe(200);
    const op = RegelUitkomsten.parse(res.json());
    expect(op.uitkomsten.every((x) => x.regel.geldtVoor.includes('overeenkomst'))).toBe(true);
    expect(op.uitkomsten.map((x) => x.regel.id)).toContain('ovk-clausules-doorlopende-leerroute');
    expect(uitkomst(op, 'ovk-doorlopende-leerroute').status).toBe('overtreden');
    expect((await send('GET', `/api/overeenkomsten/${ovkId}/regels`, outsider)).status).toBe(404);
    expect((await send('GET', `/api/overeenkomsten/${ovkId}/regels`, leerling)).status).toBe(403);
    expect((await send('GET', `/api/overeenkomsten/${ovkId}/regels`)).status).toBe(401);
    const missing = await send('GET', '/api/overeenkomsten/00000000-0000-4000-8000-000000000001/regels', vmboDocent);
    expect(missing.status).toBe(404);
    expect(missing.type).toContain('application/problem+json');
    expect((await send('GET', '/api/overeenkomsten/geen-id/regels', vmboDocent)).status).toBe(400);
  });
});
