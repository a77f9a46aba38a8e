/**
 * Issue 13, the samenwerkingsovereenkomst on a real database: created for a doorlopende leerroute with a proposal
 * from what the platform knows (parties with BRIN and vestigingen, clause a from profiel and kwalificatie, clause d
 * from the tijdpad and activities); completeness per clause; clause versie (stale 409); comments; sending for signing
 * only when complete; signing only by a beheerder of that party, with name, function and date; medezeggenschap; the
 * signed version frozen (409 with the message to make a new version, and the database refuses too); a new version and
 * the difference per clause; the exports opened and read; the facts the regelbank reads; bad input 400 that changes
 * nothing; outsiders 404, leerlingen 403, anonymous 401.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCatalogue } from '../../src/server/demo/seed-demo.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import { overeenkomstFeitenVoorOvereenkomst, overeenkomstFeitenVoorRoute, overeenkomstFeitenVoorSamenwerking } from '../../src/server/use-cases/overeenkomsten/feiten.js';
import { LeerrouteDetail } from '../../src/shared/leerroute-api.js';
import { OvereenkomstDetail, OvereenkomstLijst, RouteDekking, Verschil } from '../../src/shared/overeenkomst-api.js';
import { asUser, signIn, startAccountsApp, type AccountsApp, type Session } from '../support/accounts.js';
import { databaseAvailable, SKIP_NO_DB, TEST_DB } from '../support/db.js';
import { readDocx, readPdf } from '../support/export-files.js';

describe.skipIf(!databaseAvailable)(`samenwerkingsovereenkomst (${TEST_DB})`, () => {
  let t: AccountsApp;
  let partnership: string;
  let vmbo: string;
  let roc: string;
  let route: LeerrouteDetail;
  let vmboBeheerder: Session;
  let rocBeheerder: Session;
  let vmboDocent: Session;
  let rocDocent: Session;
  let leerling: Session;
  let outsider: Session;
  let ovk: OvereenkomstDetail;

  beforeAll(async () => {
    t = await startAccountsApp();
    await seedDemoCatalogue(t.database.db);
    const db = t.database.db;
    partnership = (await db.selectFrom('partnership').select('id').where('naam', '=', 'Demo doorlopende leerroute techniek').executeTakeFirstOrThrow()).id;
    vmbo = (await db.selectFrom('organisation').select('id').where('naam', '=', 'Demo Vmbo College').executeTakeFirstOrThrow()).id;
    roc = (await db.selectFrom('organisation').select('id').where('naam', '=', 'Demo ROC').executeTakeFirstOrThrow()).id;
    await createUser({ db, email: 'beheerder@ander.demo', naam: 'Ander', organisatie: 'Ander College', soort: 'vmbo-school', rol: 'beheerder', password: 'demo-wachtwoord' });
    vmboBeheerder = await signIn(t.app, 'beheerder@vmbo.demo');
    rocBeheerder = await signIn(t.app, 'beheerder@roc.demo');
    vmboDocent = await signIn(t.app, 'docent@vmbo.demo');
    rocDocent = await signIn(t.app, 'docent@roc.demo');
    leerling = await signIn(t.app, 'leerling@vmbo.demo');
    outsider = await signIn(t.app, 'beheerder@ander.demo');
    const res = await send('POST', `/api/partnerships/${partnership}/leerroutes`, vmboDocent, {
      naam: 'Koudetechniek doorlopend',
      type: 'doorlopend',
      schooljaar: '2026-2027',
      vmbo: { profiel: 'PIE', leerweg: 'BB', keuzevakken: ['K/PIE/16'] },
      mbo: { kwalificatie: '25282' },
    });
    expect(res.status, res.body).toBe(201);
    route = LeerrouteDetail.parse(res.json());
    const act = await send('POST', `/api/leerroutes/${route.id}/activiteiten`, rocDocent, { leerjaar: 4, periode: 2, titel: 'Gastles koeltechniek', omschrijving: 'Een mbo-docent geeft les op het vmbo.', organisatieId: roc, uren: 6 });
    expect(act.status, act.body).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function send(method: 'POST' | 'PUT' | 'DELETE' | 'GET', url: string, session?: Session, payload?: object) {
    const res = await t.app.inject({ method, url, headers: session ? asUser(session) : {}, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.body, json: () => res.json() as Record<string, unknown>, type: String(res.headers['content-type'] ?? ''), headers: res.headers, raw: res.rawPayload };
  }
  const detail = async (id: string, session: Session = vmboDocent) => {
    const res = await send('GET', `/api/overeenkomsten/${id}`, session);
    expect(res.status, res.body).toBe(200);
    return OvereenkomstDetail.parse(res.json());
  };
  const clausule = (o: OvereenkomstDetail, id: string) => o.clausules.find((c) => c.id === id)!;
  const snapshot = async () => {
    const db = t.database.db;
    return {
      ovk: await db.selectFrom('overeenkomst').select(['id', 'status', 'versie', 'titel']).orderBy('id').execute(),
      clausules: await db.selectFrom('overeenkomst_clausule').select(['overeenkomst_id', 'clausule_id', 'tekst', 'versie']).orderBy('overeenkomst_id').orderBy('clausule_id').execute(),
      routes: await db.selectFrom('overeenkomst_leerroute').selectAll().orderBy('overeenkomst_id').execute(),
      tekens: await db.selectFrom('overeenkomst_ondertekening').select(['overeenkomst_id', 'organisation_id']).orderBy('overeenkomst_id').execute(),
      opmerkingen: await db.selectFrom('overeenkomst_opmerking').select('id').orderBy('id').execute(),
    };
  };
  const schrijf = async (o: OvereenkomstDetail, id: string, tekst: string, session: Session = vmboDocent) => {
    const res = await send('PUT', `/api/overeenkomsten/${o.id}/clausules/${id}`, session, { versie: clausule(o, id).versie, tekst });
    expect(res.status, res.body).toBe(200);
    return OvereenkomstDetail.parse(res.json());
  };

  it('creates an agreement for the doorlopende leerroute with a proposal the schools can edit', async () => {
    const res = await send('POST', `/api/partnerships/${partnership}/overeenkomsten`, vmboDocent, { soort: 'doorlopende-leerroute', leerrouteIds: [route.id] });
    expect(res.status, res.body).toBe(201);
    ovk = OvereenkomstDetail.parse(res.json());
    expect(ovk).toMatchObject({ status: 'concept', soort: 'doorlopende-leerroute', documentversie: 1, leerroutes: [{ id: route.id, naam: 'Koudetechniek doorlopend' }], titel: 'Doorlopende leerroute vmbo-mbo: Koudetechniek doorlopend' });
    expect(ovk.partijen.map((p) => [p.naam, p.brin])).toEqual([['Demo ROC', '99YY'], ['Demo Vmbo College', '99XX']]);
    // Clauses a–i required, plus parties; recommended ones after them.
    expect(ovk.clausules.filter((c) => c.verplicht).map((c) => c.id)).toEqual(['partijen', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
    expect(ovk.clausules.every((c) => c.bron.document && c.bron.sectie)).toBe(true);
    // The proposal: parties, a from profiel and kwalificatie, d from the tijdpad and the activities.
    expect(clausule(ovk, 'partijen').tekst).toContain('Demo Vmbo College, vmbo-school, BRIN 99XX');
    expect(clausule(ovk, 'partijen').tekst).toContain('Demo Vmbo College, locatie Centrum (99XX00)');
    expect(clausule(ovk, 'partijen')).toMatchObject({ status: 'ingevuld', voorstel: true, gewijzigd: null });
    const a = clausule(ovk, 'a');
    expect(a.tekst).toContain('(PIE)');
    expect(a.tekst).toContain('basisberoepsgerichte leerweg');
    expect(a.tekst).toContain('K/PIE/16');
    expect(a.tekst).toContain('crebo 25282, niveau 2');
    expect(a.tekst).toContain('een vmbo-diploma en een mbo-diploma');
    expect(a.status).toBe('ingevuld');
    const d = clausule(ovk, 'd');
    expect(d.tekst).toContain('leerjaar 3 (vmbo): Demo Vmbo College');
    expect(d.tekst).toContain('leerjaar 5 (mbo): Demo ROC');
    expect(d.tekst).toContain('Gastles koeltechniek (leerjaar 4, door Demo ROC, 6 uur)');
    expect(d).toMatchObject({ status: 'open-plek' });
    // Completeness: b, c, e–i empty; d has a place to fill in; so not ready for signing.
    expect(clausule(ovk, 'b')).toMatchObject({ status: 'leeg', melding: 'Verplicht en nog leeg.' });
    expect(ovk.kanTerOndertekening).toBe(false);
    expect(ovk.compleet).toEqual({ verplicht: 10, ingevuld: 2 });
    expect(ovk.ontbreekt).toHaveLength(8);
    expect(ovk.ontbreekt).toContain('d. Organisatie en onderwijskundige inrichting: vul nog in: [namen of rollen, per partner].');
    expect(ovk.mijnRechten).toEqual({ wijzigen: true, ondertekenenVoor: [] });
    expect((await detail(ovk.id, vmboBeheerder)).mijnRechten.ondertekenenVoor).toEqual([vmbo]);
    // The route shows that no signed agreement covers it yet.
    const dekking = RouteDekking.parse((await send('GET', `/api/leerroutes/${route.id}/overeenkomsten`, rocDocent)).json());
    expect(dekking.gedekt).toBe(false);
    expect(dekking.overeenkomsten.map((o) => o.id)).toEqual([ovk.id]);
    const lijst = OvereenkomstLijst.parse((await send('GET', `/api/partnerships/${partnership}/overeenkomsten`, rocDocent)).json());
    expect(lijst.overeenkomsten.map((o) => [o.id, o.compleet.ingevuld])).toEqual([[ovk.id, 2]]);
  });

  it('edits a clause with its versie (who and when kept); a stale versie is a 409 that changes nothing; too short is not filled', async () => {
    const b = clausule(ovk, 'b');
    ovk = await schrijf(ovk, 'b', 'Kort.', rocDocent);
    expect(clausule(ovk, 'b')).toMatchObject({ status: 'te-kort', versie: b.versie + 1, voorstel: false, gewijzigd: { gebruiker: { naam: 'Roos Docent' }, organisatie: { id: roc } } });
    const before = await snapshot();
    const stale = await send('PUT', `/api/overeenkomsten/${ovk.id}/clausules/b`, vmboDocent, { versie: b.versie, tekst: 'Een andere tekst die niet mag landen omdat de versie oud is.' });
    expect(stale.status).toBe(409);
    expect(stale.type).toContain('application/problem+json');
    expect(stale.json().detail).toMatch(/intussen door iemand anders gewijzigd/);
    expect(await snapshot()).toEqual(before);
  });

  it('keeps comments per clause between the partners', async () => {
    const res = await send('POST', `/api/overeenkomsten/${ovk.id}/clausules/b/opmerkingen`, vmboDocent, { tekst: 'Zullen we de teamleiders van beide scholen noemen?' });
    expect(res.status, res.body).toBe(201);
    const o = OvereenkomstDetail.parse(res.json());
    expect(clausule(o, 'b').opmerkingen).toEqual([expect.objectContaining({ tekst: 'Zullen we de teamleiders van beide scholen noemen?', door: expect.objectContaining({ gebruiker: { id: expect.any(String), naam: 'Daan Docent' } }) })]);
    expect(clausule(await detail(ovk.id, rocDocent), 'b').opmerkingen).toHaveLength(1);
    ovk = o;
  });

  it('refuses bad input with a Dutch 400 and stores nothing', async () => {
    const before = await snapshot();
    const cases: Array<[string, string, object | undefined, RegExp]> = [
      ['PUT', `/api/overeenkomsten/${ovk.id}/clausules/z`, { versie: 1, tekst: 'Een tekst voor een clausule die er niet is.' }, /bestaat niet/],
      ['PUT', `/api/overeenkomsten/${ovk.id}/clausules/lwt-doorstroom`, { versie: 1, tekst: 'Een tekst voor een clausule van een andere soort.' }, /hoort niet bij een overeenkomst van de soort/],
      ['PUT', `/api/overeenkomsten/${ovk.id}/clausules/B%20C`, { versie: 1, tekst: 'x' }, /onbekende clausule/],
      ['PUT', `/api/overeenkomsten/${ovk.id}/clausules/b`, { versie: 2, tekst: 'x'.repeat(20_001) }, /hooguit 20000 tekens/],
      ['PUT', `/api/overeenkomsten/${ovk.id}/clausules/b`, { tekst: 'zonder versie' }, /versie/],
      ['POST', `/api/overeenkomsten/${ovk.id}/clausules/b/opmerkingen`, { tekst: '   ' }, /schrijf een opmerking/],
      ['POST', `/api/overeenkomsten/${ovk.id}/clausules/b/opmerkingen`, { tekst: 'y'.repeat(2001) }, /hooguit 2000 tekens/],
      ['POST', `/api/partnerships/${partnership}/overeenkomsten`, { soort: 'huurcontract', leerrouteIds: [route.id] }, /onbekende soort overeenkomst/],
      ['POST', `/api/partnerships/${partnership}/overeenkomsten`, { soort: 'doorlopende-leerroute', leerrouteIds: [] }, /minstens één leerroute/],
      ['POST', `/api/partnerships/${partnership}/overeenkomsten`, { soort: 'algemeen', leerrouteIds: [], onderwerpen: [] }, /minstens één leerroute of één onderwerp/],
      ['POST', `/api/partnerships/${partnership}/overeenkomsten`, { soort: 'algemeen', onderwerpen: ['catering'] }, /onbekend onderwerp/],
      ['POST', `/api/partnerships/${partnership}/overeenkomsten`, { soort: 'doorlopende-leerroute', leerrouteIds: ['00000000-0000-4000-8000-000000000001'] }, /bestaat niet \(meer\) in deze samenwerking/],
      ['POST', `/api/overeenkomsten/${ovk.id}/status`, { naar: 'ondertekend', versie: ovk.versie }, /kies concept, ter-ondertekening of beeindigd/],
      ['POST', `/api/overeenkomsten/${ovk.id}/status`, { naar: 'ter-ondertekening', versie: ovk.versie }, /nog niet compleet/],
      ['PUT', `/api/overeenkomsten/${ovk.id}/medezeggenschap`, { organisatieId: roc, orgaan: 'mr', uitkomst: 'instemming', datum: '2027-01-10' }, /hoort niet bij/],
    ];
    for (const [method, url, payload, melding] of cases) {
      const session = url.endsWith('/medezeggenschap') ? rocBeheerder : vmboDocent;
      const res = await send(method as 'PUT', url, session, payload);
      expect(res.status, `${method} ${url}: ${res.body}`).toBe(400);
      expect(res.type).toContain('application/problem+json');
      expect(res.body, url).toMatch(melding);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('is read for staff of the partners, write for beheerder/ontwikkelaar; leerling 403, outsiders 404, anonymous 401', async () => {
    expect((await send('GET', `/api/overeenkomsten/${ovk.id}`, leerling)).status).toBe(403);
    expect((await send('GET', `/api/overeenkomsten/${ovk.id}`, outsider)).status).toBe(404);
    expect((await send('GET', `/api/overeenkomsten/${ovk.id}`)).status).toBe(401);
    expect((await send('GET', '/api/overeenkomsten/00000000-0000-4000-8000-000000000009', vmboDocent)).status).toBe(404);
    expect((await send('GET', `/api/partnerships/${partnership}/overeenkomsten`, outsider)).status).toBe(404);
    const before = await snapshot();
    expect((await send('PUT', `/api/overeenkomsten/${ovk.id}/clausules/c`, outsider, { versie: 1, tekst: 'Een tekst van iemand van buiten de samenwerking.' })).status).toBe(404);
    expect((await send('PUT', `/api/overeenkomsten/${ovk.id}/clausules/c`, leerling, { versie: 1, tekst: 'Een tekst van een leerling van een van de scholen.' })).status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('sends for signing only when every required clause is filled; signs per party by its beheerder; freezes the signed version', async () => {
    const teksten: Record<string, string> = {
      b: 'De route wordt geleid door de teamleiders techniek van beide scholen samen, benoemd door de besturen, met het dagelijks beheer van programma en rooster.',
      c: 'De leiding rapporteert elk half jaar schriftelijk aan beide besturen over instroom, voortgang en uitval.',
      d: clausule(ovk, 'd').tekst.replace('[namen of rollen, per partner]', 'twee docenten techniek van het vmbo (tweedegraads) en één docent koudetechniek van het mbo'),
      e: 'Er wordt geen bekostiging overgedragen tussen de partijen.',
      f: 'Een leerling die de route verlaat, gaat verder in het gewone vmbo-programma en doet het gewone examen.',
      g: 'Twee installatiebedrijven uit de regio bieden stages en denken jaarlijks mee over het programma.',
      h: 'Bij een geschil overleggen eerst de teamleiders; lukt dat niet, dan beslissen de besturen samen na bemiddeling.',
      i: 'Een andere school sluit aan met instemming van beide besturen; opzeggen kan per schooljaar met zes maanden opzegtermijn, zonder dat lopende leerlingen hun route verliezen.',
    };
    for (const [id, tekst] of Object.entries(teksten)) ovk = await schrijf(ovk, id, tekst, id < 'e' ? vmboDocent : rocDocent);
    expect(ovk.kanTerOndertekening).toBe(true);
    expect(ovk.ontbreekt).toEqual([]);

    // Signing a concept: 409.
    expect((await send('POST', `/api/overeenkomsten/${ovk.id}/ondertekeningen`, vmboBeheerder, { organisatieId: vmbo, naam: 'Bea Beheerder', functie: 'Bestuurder', datum: '2026-12-01' })).status).toBe(409);
    const ter = await send('POST', `/api/overeenkomsten/${ovk.id}/status`, rocDocent, { naar: 'ter-ondertekening', versie: ovk.versie });
    expect(ter.status, ter.body).toBe(200);
    ovk = OvereenkomstDetail.parse(ter.json());
    expect(ovk.status).toBe('ter-ondertekening');
    // Ter ondertekening: no more editing (409 with the way back).
    const edit = await send('PUT', `/api/overeenkomsten/${ovk.id}/clausules/b`, vmboDocent, { versie: clausule(ovk, 'b').versie, tekst: 'Een wijziging tijdens de ondertekening.' });
    expect(edit.status).toBe(409);
    expect(edit.json().detail).toMatch(/terug naar concept/);

    // Only a beheerder of that party signs for it.
    const sig = { naam: 'Rik Beheerder', functie: 'Voorzitter college van bestuur', datum: '2026-12-01' };
    expect((await send('POST', `/api/overeenkomsten/${ovk.id}/ondertekeningen`, rocDocent, { ...sig, organisatieId: roc })).status).toBe(403);
    expect((await send('POST', `/api/overeenkomsten/${ovk.id}/ondertekeningen`, vmboBeheerder, { ...sig, organisatieId: roc })).status).toBe(403);
    expect((await send('POST', `/api/overeenkomsten/${ovk.id}/ondertekeningen`, outsider, { ...sig, organisatieId: roc })).status).toBe(404);
    const future = await send('POST', `/api/overeenkomsten/${ovk.id}/ondertekeningen`, rocBeheerder, { ...sig, organisatieId: roc, datum: '2099-01-01' });
    expect(future.status).toBe(400);
    expect((await send('POST', `/api/overeenkomsten/${ovk.id}/ondertekeningen`, rocBeheerder, { ...sig, organisatieId: roc, datum: '2026-02-30' })).status).toBe(400);
    expect(await t.database.db.selectFrom('overeenkomst_ondertekening').selectAll().execute()).toEqual([]);

    // The medezeggenschap: the deelnemersraad of the mbo instelling and the MR of the school.
    let res = await send('PUT', `/api/overeenkomsten/${ovk.id}/medezeggenschap`, rocBeheerder, { organisatieId: roc, orgaan: 'deelnemersraad', uitkomst: 'advies', datum: '2026-11-20', toelichting: 'Positief advies.' });
    expect(res.status, res.body).toBe(200);
    res = await send('PUT', `/api/overeenkomsten/${ovk.id}/medezeggenschap`, vmboBeheerder, { organisatieId: vmbo, orgaan: 'mr', uitkomst: 'instemming', datum: '2026-11-25' });
    expect(res.status, res.body).toBe(200);
    expect((await send('PUT', `/api/overeenkomsten/${ovk.id}/medezeggenschap`, vmboDocent, { organisatieId: vmbo, orgaan: 'mr', uitkomst: 'instemming', datum: '2026-11-25' })).status).toBe(403);

    res = await send('POST', `/api/overeenkomsten/${ovk.id}/ondertekeningen`, rocBeheerder, { ...sig, organisatieId: roc });
    expect(res.status, res.body).toBe(200);
    ovk = OvereenkomstDetail.parse(res.json());
    expect(ovk.status).toBe('ter-ondertekening');
    expect((await send('POST', `/api/overeenkomsten/${ovk.id}/ondertekeningen`, rocBeheerder, { ...sig, organisatieId: roc })).status).toBe(409);
    res = await send('POST', `/api/overeenkomsten/${ovk.id}/ondertekeningen`, vmboBeheerder, { organisatieId: vmbo, naam: 'Bea Beheerder', functie: 'Directeur-bestuurder', datum: '2026-12-02' });
    expect(res.status, res.body).toBe(200);
    ovk = OvereenkomstDetail.parse(res.json());
    expect(ovk.status).toBe('ondertekend');
    expect(ovk.ondertekendOp).not.toBeNull();
    expect(ovk.ondertekeningen.map((s) => [s.organisatie.naam, s.naam, s.functie, s.datum])).toEqual([
      ['Demo ROC', 'Rik Beheerder', 'Voorzitter college van bestuur', '2026-12-01'],
      ['Demo Vmbo College', 'Bea Beheerder', 'Directeur-bestuurder', '2026-12-02'],
    ]);
    expect(ovk.medezeggenschap.map((m) => [m.organisatie.naam, m.orgaan, m.uitkomst, m.datum])).toEqual([
      ['Demo ROC', 'deelnemersraad', 'advies', '2026-11-20'],
      ['Demo Vmbo College', 'mr', 'instemming', '2026-11-25'],
    ]);
    // The route is now covered by a signed agreement.
    expect(RouteDekking.parse((await send('GET', `/api/leerroutes/${route.id}/overeenkomsten`, vmboDocent)).json()).gedekt).toBe(true);
  });

  it('refuses every change of the signed version with the message to make a new version; the database refuses too', async () => {
    const before = await snapshot();
    const edit = await send('PUT', `/api/overeenkomsten/${ovk.id}/clausules/b`, vmboDocent, { versie: clausule(ovk, 'b').versie, tekst: 'Een wijziging van een ondertekende versie.' });
    expect(edit.status).toBe(409);
    expect(edit.json().detail).toBe('Deze versie is ondertekend en ligt vast. Maak een nieuwe versie om iets te wijzigen.');
    const settings = await send('PUT', `/api/overeenkomsten/${ovk.id}`, vmboDocent, { versie: ovk.versie, titel: 'Nieuwe titel', leerrouteIds: [route.id], onderwerpen: [] });
    expect(settings.status).toBe(409);
    expect((await send('POST', `/api/overeenkomsten/${ovk.id}/status`, vmboDocent, { naar: 'concept', versie: ovk.versie })).status).toBe(409);
    expect((await send('PUT', `/api/overeenkomsten/${ovk.id}/medezeggenschap`, vmboBeheerder, { organisatieId: vmbo, orgaan: 'mr', uitkomst: 'advies', datum: '2026-11-25' })).status).toBe(409);
    await expect(t.database.db.updateTable('overeenkomst_clausule').set({ tekst: 'stiekem' }).where('overeenkomst_id', '=', ovk.id).execute()).rejects.toThrow(/frozen/);
    expect(await snapshot()).toEqual(before);
  });

  it('gives the facts the regelbank reads: signed, covering the route, clauses a–i filled', async () => {
    const feiten = await overeenkomstFeitenVoorRoute(t.database.db, route.id);
    expect(feiten).toEqual([{ id: ovk.id, status: 'ondertekend', soort: 'doorlopende-leerroute', leerrouteIds: [route.id], ingevuldeClausules: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'], geldigTot: null }]);
    expect(await overeenkomstFeitenVoorSamenwerking(t.database.db, partnership)).toEqual(feiten);
    expect(await overeenkomstFeitenVoorOvereenkomst(t.database.db, ovk.id)).toEqual(feiten[0]);
  });

  it('exports the signed agreement as an accessible PDF and a DOCX with the signatures and the sources in an annex', async () => {
    const pdfRes = await send('GET', `/api/overeenkomsten/${ovk.id}/overeenkomst.pdf`, rocDocent);
    expect(pdfRes.status, pdfRes.body).toBe(200);
    expect(pdfRes.headers['content-type']).toBe('application/pdf');
    expect(pdfRes.headers['content-disposition']).toBe('attachment; filename="overeenkomst-doorlopende-leerroute-vmbo-mbo-koudetechniek-doorlopend-versie-1.pdf"');
    expect(pdfRes.headers['cache-control']).toBe('private, no-store');
    const pdf = await readPdf(pdfRes.raw);
    expect(pdf.markInfo).toMatchObject({ Marked: true });
    expect(pdf.info.Language).toBe('nl-NL');
    expect(pdf.info.Title).toBe('Samenwerkingsovereenkomst: Doorlopende leerroute vmbo-mbo: Koudetechniek doorlopend');
    for (const role of ['H1', 'H2', 'H3', 'Table', 'TH', 'TD', 'L']) expect(pdf.structRoles).toContain(role);
    for (const text of ['Partijen', '99XX', 'b. Leiding van de route', 'teamleiders techniek', 'Namens Demo ROC', 'Rik Beheerder', 'Directeur-bestuurder', 'Deelnemersraad', 'Instemming', 'Bijlage: bronnen van de clausules', 'onderdeel i']) {
      expect(pdf.text).toContain(text);
    }
    const docxRes = await send('GET', `/api/overeenkomsten/${ovk.id}/overeenkomst.docx`, vmboDocent);
    expect(docxRes.status).toBe(200);
    expect(docxRes.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const docx = await readDocx(docxRes.raw);
    const text = docx.paragraphs.join('\n');
    for (const t of ['Samenwerkingsovereenkomst: Doorlopende leerroute vmbo-mbo: Koudetechniek doorlopend', 'a. Profiel en verwante kwalificatie of opleidingsdomein', 'Namens Demo Vmbo College', 'Bea Beheerder', 'Bijlage: bronnen van de clausules']) {
      expect(text).toContain(t);
    }
    expect((await send('GET', `/api/overeenkomsten/${ovk.id}/overeenkomst.pdf`, outsider)).status).toBe(404);
    expect((await send('GET', `/api/overeenkomsten/${ovk.id}/overeenkomst.pdf`, leerling)).status).toBe(403);
  });

  it('makes a new version to change a signed one, shows the difference per clause, and replaces the old one when signed', async () => {
    const res = await send('POST', `/api/overeenkomsten/${ovk.id}/nieuwe-versie`, vmboDocent);
    expect(res.status, res.body).toBe(201);
    let v2 = OvereenkomstDetail.parse(res.json());
    expect(v2).toMatchObject({ status: 'concept', documentversie: 2, reeksId: ovk.reeksId, ondertekeningen: [], medezeggenschap: [] });
    expect(v2.versies.map((v) => [v.documentversie, v.status])).toEqual([[1, 'ondertekend'], [2, 'concept']]);
    // One open version at a time.
    expect((await send('POST', `/api/overeenkomsten/${ovk.id}/nieuwe-versie`, rocDocent)).status).toBe(409);
    v2 = await schrijf(v2, 'e', 'De vmbo-school draagt per leerling een bedrag over aan het mbo voor de lessen in leerjaar 4.');
    const diff = await send('GET', `/api/overeenkomsten/${v2.id}/verschil?met=${ovk.id}`, rocDocent);
    expect(diff.status, diff.body).toBe(200);
    const v = Verschil.parse(diff.json());
    expect(v.van.documentversie).toBe(1);
    expect(v.naar.documentversie).toBe(2);
    const e = v.clausules.find((c) => c.id === 'e')!;
    expect(e.soort).toBe('gewijzigd');
    expect(e.stukken.filter((s) => s.soort === 'weg').map((s) => s.tekst).join('')).toContain('geen');
    expect(e.stukken.filter((s) => s.soort === 'erbij').map((s) => s.tekst).join('')).toContain('draagt');
    expect(v.clausules.filter((c) => c.soort === 'gewijzigd').map((c) => c.id)).toEqual(['e']);
    // Another agreement is no version of this one.
    const other = await send('POST', `/api/partnerships/${partnership}/overeenkomsten`, rocDocent, { soort: 'algemeen', onderwerpen: ['gastdocenten'] });
    expect(other.status, other.body).toBe(201);
    const otherId = OvereenkomstDetail.parse(other.json()).id;
    expect((await send('GET', `/api/overeenkomsten/${v2.id}/verschil?met=${otherId}`, rocDocent)).status).toBe(400);

    // Signing version 2 ends version 1.
    let r = await send('POST', `/api/overeenkomsten/${v2.id}/status`, vmboDocent, { naar: 'ter-ondertekening', versie: v2.versie });
    expect(r.status, r.body).toBe(200);
    for (const [s, org] of [[vmboBeheerder, vmbo], [rocBeheerder, roc]] as const) {
      r = await send('POST', `/api/overeenkomsten/${v2.id}/ondertekeningen`, s, { organisatieId: org, naam: 'Ondertekenaar', functie: 'Bestuurder', datum: '2026-12-03' });
      expect(r.status, r.body).toBe(200);
    }
    expect((await detail(v2.id)).status).toBe('ondertekend');
    const v1 = await detail(ovk.id);
    expect(v1.status).toBe('beeindigd');
    expect(v1.beeindigd?.reden).toBe('Vervangen door versie 2.');
    expect(RouteDekking.parse((await send('GET', `/api/leerroutes/${route.id}/overeenkomsten`, vmboDocent)).json()).gedekt).toBe(true);
  });

  it('ends a signed agreement only by a beheerder of a party, with a reason', async () => {
    const v2 = (await detail(ovk.id)).versies.find((v) => v.documentversie === 2)!;
    const cur = await detail(v2.id);
    expect((await send('POST', `/api/overeenkomsten/${v2.id}/status`, vmboDocent, { naar: 'beeindigd', versie: cur.versie, reden: 'Route stopt.' })).status).toBe(403);
    expect((await send('POST', `/api/overeenkomsten/${v2.id}/status`, rocBeheerder, { naar: 'beeindigd', versie: cur.versie })).status).toBe(400);
    const res = await send('POST', `/api/overeenkomsten/${v2.id}/status`, rocBeheerder, { naar: 'beeindigd', versie: cur.versie, reden: 'De route stopt na dit schooljaar.' });
    expect(res.status, res.body).toBe(200);
    expect(OvereenkomstDetail.parse(res.json())).toMatchObject({ status: 'beeindigd', beeindigd: { reden: 'De route stopt na dit schooljaar.' } });
    expect(RouteDekking.parse((await send('GET', `/api/leerroutes/${route.id}/overeenkomsten`, vmboDocent)).json()).gedekt).toBe(false);
  });

  it('writes every change in the history, which refuses updates', async () => {
    const rows = await t.database.db.selectFrom('overeenkomst_historie').select(['actie']).where('overeenkomst_id', '=', ovk.id).orderBy('at').execute();
    expect(rows.map((r) => r.actie)).toEqual(expect.arrayContaining(['overeenkomst.aangemaakt', 'clausule.gewijzigd', 'opmerking.geplaatst', 'overeenkomst.ter-ondertekening', 'medezeggenschap.vastgelegd', 'overeenkomst.ondertekend-door', 'overeenkomst.ondertekend', 'overeenkomst.vervangen']));
    await expect(t.database.db.deleteFrom('overeenkomst_historie').execute()).rejects.toThrow(/append-only/);
  });
});

if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
