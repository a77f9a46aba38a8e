/**
 * Issue 14, the exam plan on a real database: an exam of the keuzevak-keuzedeel route for a cohort (grondslag chosen;
 * gezamenlijk-pta-oer refused for this route type), the plan saved with its versie (stale 409, bad content 400),
 * submission blocked by coverage gaps until the mbo examencommissie accepts them with a reason, a submission sent back
 * with a reason, vaststelling (date and name), the frozen version (API 409, and the database trigger refuses), a new
 * version that leaves the vastgesteld one in force until it is vastgesteld itself, the examencommissie's list of plans
 * to vaststellen, the joint PTA/OER in a doorlopende route with its PTA toets, the crosswalk's suggestions, and the
 * registration of pupils with the CSV and XLSX export opened and read, every pupil list audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseAvailable, TEST_DB } from '../support/db.js';
import { startExamenWorld, type ExamenWorld } from '../support/examen-world.js';
import { createExamWithApprovedPlan, factoryInhoud, registerPupils } from '../support/examenplan-factory.js';
import { readXlsx } from '../support/export-files.js';

/** A cohort of the world's vmbo school on the route, with three pupils (one without a birth date). */
async function insertCohort(w: ExamenWorld, naam = 'BB3 2026-2027'): Promise<{ cohortId: string; leerlingen: string[] }> {
  const db = w.t.database.db;
  const cohort = await db
    .insertInto('cohort')
    .values({ organisation_id: w.org.vmbo, leerroute_id: w.route, naam, schooljaar: '2026-2027', leerjaar: 3, einddatum: '2027-07-31' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const leerlingen: string[] = [];
  for (const [nr, roep, tv, achter, geb] of [
    ['1001', 'Sanne', '', 'Bakker', '2011-04-02'],
    ['1002', 'Mo', 'el', 'Amrani', '2010-11-30'],
    ['1003', 'Jip', 'van', 'Dijk', null],
  ] as const) {
    const r = await db
      .insertInto('leerling')
      .values({ cohort_id: cohort.id, organisation_id: w.org.vmbo, leerlingnummer: nr, roepnaam: roep, tussenvoegsel: tv, achternaam: achter, klas: '3B', leerweg: 'BB', geboortedatum: geb })
      .returning('id')
      .executeTakeFirstOrThrow();
    leerlingen.push(r.id);
  }
  return { cohortId: cohort.id, leerlingen };
}

describe.skipIf(!databaseAvailable)(`examenplan (${TEST_DB})`, () => {
  let w: ExamenWorld;
  let cohortId: string;
  let leerlingen: string[];

  beforeAll(async () => {
    w = await startExamenWorld();
    ({ cohortId, leerlingen } = await insertCohort(w));
  }, 120_000);
  afterAll(async () => w?.close());

  it('creates an exam with a grondslag; gezamenlijk-pta-oer is refused for a keuzevak-keuzedeel route; bad input 400', async () => {
    const ptaOer = await w.call('vmbo-ontwikkelaar', 'POST', `/api/leerroutes/${w.route}/examens`, { cohortId, grondslag: 'gezamenlijk-pta-oer' }, 400);
    expect(JSON.stringify(ptaOer.body)).toContain('doorlopende of geïntegreerde leerroute');
    await w.call('vmbo-ontwikkelaar', 'POST', `/api/leerroutes/${w.route}/examens`, { cohortId }, 400);
    await w.call('vmbo-ontwikkelaar', 'POST', `/api/leerroutes/${w.route}/examens`, { cohortId, grondslag: 'extraneus', keuzedeelCode: 'K9999' }, 400);
    const e = (await w.call('vmbo-ontwikkelaar', 'POST', `/api/leerroutes/${w.route}/examens`, { cohortId, grondslag: 'extraneus' }, 201)).body;
    expect(e.grondslag).toBe('extraneus');
    expect(e.grondslagUitleg).toContain('extraneus');
    expect(e.keuzedeel.code).toBe(w.keuzedeel);
    expect(e.keuzevak.code).toBe(w.keuzevak);
    expect(e.vmbo.id).toBe(w.org.vmbo);
    expect(e.mbo.id).toBe(w.org.mbo);
    expect(e.versies).toHaveLength(1);
    expect(e.versies[0].status).toBe('concept');
    expect(e.eindtermen.length).toBeGreaterThan(0);
    expect(e.versies[0].dekking.gaten.length).toBe(e.eindtermen.length);
    expect(e.kandidaten.examinatoren.map((p: { id: string }) => p.id)).toContain(w.userId['vmbo-examinator']);
    expect(e.kandidaten.beoordelaars.map((p: { id: string }) => p.id)).toContain(w.userId['mbo-beoordelaar']);
    const lijst = (await w.call('mbo-beoordelaar', 'GET', `/api/leerroutes/${w.route}/examens`, undefined, 200)).body;
    expect(lijst.examens.map((x: { id: string }) => x.id)).toContain(e.id);
  });

  it('plan: stale versie 409, bad content 400, gaps block submission until accepted, sent back, vastgesteld, frozen, new version', async () => {
    const e = (await w.call('vmbo-ontwikkelaar', 'POST', `/api/leerroutes/${w.route}/examens`, { cohortId, grondslag: 'extraneus' }, 201)).body;
    const url = `/api/examens/${e.id}`;
    const volledig = factoryInhoud(e, w);
    // Leave the eindtermen of the last criterion out: a gap.
    const metGat = structuredClone(volledig);
    const weg: string[] = metGat.onderdelen[1]!.criteria[1]!.eindtermen;
    metGat.onderdelen[1]!.criteria[1]!.eindtermen = [];
    expect(weg.length).toBeGreaterThan(0);
    let d = (await w.call('vmbo-ontwikkelaar', 'PUT', `${url}/plan`, { versie: e.versies[0].versie, inhoud: metGat }, 200)).body;
    let v = d.versies[0];
    expect(v.dekking.gaten.map((g: { id: string }) => g.id).sort()).toEqual([...weg].sort());
    // Stale versie.
    await w.call('vmbo-ontwikkelaar', 'PUT', `${url}/plan`, { versie: e.versies[0].versie, inhoud: volledig }, 409);
    // Bad content: an assessor who is not an examinator of the vmbo school, a cesuur above the maximum.
    const fout = await w.call('vmbo-ontwikkelaar', 'PUT', `${url}/plan`, { versie: v.versie, inhoud: { ...metGat, examinatorId: w.userId['mbo-beoordelaar'], cesuur: { minimumPunten: 999 } } }, 400);
    expect(JSON.stringify(fout.body)).toContain('examinator');
    // Submission blocked by the gap.
    const geblokt = await w.call('vmbo-ontwikkelaar', 'POST', `${url}/plan/indienen`, { versie: v.versie }, 409);
    expect(JSON.stringify(geblokt.body)).toContain('niet gedekt');
    // Only the mbo examencommissie accepts gaps.
    await w.call('vmbo-examencommissie', 'POST', `${url}/plan/dekking-akkoord`, { versie: v.versie, reden: 'Komt in de herkansing aan bod' }, 403);
    await w.call('mbo-beoordelaar', 'POST', `${url}/plan/dekking-akkoord`, { versie: v.versie, reden: 'Komt in de herkansing aan bod' }, 403);
    d = (await w.call('mbo-examencommissie', 'POST', `${url}/plan/dekking-akkoord`, { versie: v.versie, reden: 'Wordt in het PTA apart getoetst' }, 200)).body;
    v = d.versies[0];
    expect(v.dekkingAkkoord.reden).toBe('Wordt in het PTA apart getoetst');
    expect(v.dekking.gatenGeaccepteerd).toBe(true);
    expect(v.ontbreekt).toEqual([]);
    d = (await w.call('vmbo-ontwikkelaar', 'POST', `${url}/plan/indienen`, { versie: v.versie }, 200)).body;
    v = d.versies[0];
    expect(v.status).toBe('ingediend');
    // A submitted plan is not changed.
    await w.call('vmbo-ontwikkelaar', 'PUT', `${url}/plan`, { versie: v.versie, inhoud: volledig }, 409);
    // The examencommissie finds it in its list without knowing the route.
    const mijn = (await w.call('mbo-examencommissie', 'GET', '/api/examens', undefined, 200)).body;
    expect(mijn.vastTeStellen.map((x: { id: string }) => x.id)).toContain(e.id);
    // Sent back with a reason: concept again.
    await w.call('mbo-examencommissie', 'POST', `${url}/plan/terugsturen`, { versie: v.versie, reden: '' }, 400);
    d = (await w.call('mbo-examencommissie', 'POST', `${url}/plan/terugsturen`, { versie: v.versie, reden: 'Dek ook de laatste eindtermen' }, 200)).body;
    v = d.versies[0];
    expect(v.status).toBe('concept');
    expect(v.teruggestuurd.reden).toBe('Dek ook de laatste eindtermen');
    // Fully covered now; submit and vaststellen.
    d = (await w.call('vmbo-ontwikkelaar', 'PUT', `${url}/plan`, { versie: v.versie, inhoud: volledig }, 200)).body;
    v = d.versies[0];
    expect(v.dekking.gaten).toEqual([]);
    d = (await w.call('vmbo-examinator', 'POST', `${url}/plan/indienen`, { versie: v.versie }, 200)).body;
    v = d.versies[0];
    await w.call('vmbo-examencommissie', 'POST', `${url}/plan/vaststellen`, { versie: v.versie }, 403);
    await w.call('mbo-examencommissie', 'POST', `${url}/plan/vaststellen`, { versie: v.versie + 1 }, 409);
    d = (await w.call('mbo-examencommissie', 'POST', `${url}/plan/vaststellen`, { versie: v.versie }, 200)).body;
    v = d.versies[0];
    expect(v.status).toBe('vastgesteld');
    expect(v.vastgesteld.naam).toBeTruthy();
    expect(Number.isNaN(Date.parse(v.vastgesteld.at))).toBe(false);
    // Frozen: the API answers 409 and the database refuses a change too.
    const bevroren = await w.call('vmbo-ontwikkelaar', 'PUT', `${url}/plan`, { versie: v.versie, inhoud: metGat }, 409);
    expect(JSON.stringify(bevroren.body)).toContain('nieuwe versie');
    await expect(w.t.database.db.updateTable('examenplan').set({ inhoud: JSON.stringify(metGat) }).where('id', '=', v.id).execute()).rejects.toThrow(/frozen/);
    // A new version: a concept copy; the vastgesteld one stays in force.
    d = (await w.call('vmbo-ontwikkelaar', 'POST', `${url}/plan/nieuwe-versie`, { versie: v.versie }, 201)).body;
    expect(d.versies.map((x: { status: string }) => x.status)).toEqual(['concept', 'vastgesteld']);
    expect(d.vastgesteldeVersie).toBe(1);
    expect(d.versies[0].inhoud).toEqual(d.versies[1].inhoud);
    // In force: in the examencommissie's list of vastgestelde plans (the new concept does not take it out), and in no
    // other role's.
    const naVaststelling = (await w.call('mbo-examencommissie', 'GET', '/api/examens', undefined, 200)).body;
    expect(naVaststelling.vastgesteld.map((x: { id: string }) => x.id)).toContain(e.id);
    expect(naVaststelling.vastTeStellen.map((x: { id: string }) => x.id)).not.toContain(e.id);
    for (const rol of ['vmbo-examencommissie', 'vmbo-ontwikkelaar', 'mbo-beoordelaar'] as const) {
      expect((await w.call(rol, 'GET', '/api/examens', undefined, 200)).body.vastgesteld, rol).toEqual([]);
    }
    await w.call('vmbo-ontwikkelaar', 'POST', `${url}/plan/nieuwe-versie`, { versie: d.versies[1].versie }, 409);
    const nieuw = d.versies[0];
    d = (await w.call('vmbo-ontwikkelaar', 'POST', `${url}/plan/indienen`, { versie: nieuw.versie }, 200)).body;
    d = (await w.call('mbo-examencommissie', 'POST', `${url}/plan/vaststellen`, { versie: d.versies[0].versie }, 200)).body;
    expect(d.versies.map((x: { status: string }) => x.status)).toEqual(['vastgesteld', 'vervangen']);
    expect(d.vastgesteldeVersie).toBe(2);
    // Audited with sentences.
    const acties = (await w.t.database.db.selectFrom('audit_log').select('action').where('subject_id', '=', e.id).execute()).map((r) => r.action);
    for (const a of ['examen.aangemaakt', 'examenplan.opgeslagen', 'examenplan.dekking-geaccepteerd', 'examenplan.ingediend', 'examenplan.teruggestuurd', 'examenplan.vastgesteld', 'examenplan.nieuwe-versie']) {
      expect(acties).toContain(a);
    }
  });

  it('the factory makes an exam with a vastgesteld plan covering every eindterm', async () => {
    const exam = await createExamWithApprovedPlan(w, cohortId);
    expect(exam.detail.versies[0].status).toBe('vastgesteld');
    expect(exam.detail.versies[0].dekking.gaten).toEqual([]);
    expect(exam.criteria).toHaveLength(4);
    expect(exam.detail.versies[0].inhoud.examinatorId).toBe(w.userId['vmbo-examinator']);
  });

  it('registration: aangemeld by the vmbo, ingeschreven by the mbo, the list and the CSV/XLSX export with warnings, all audited', async () => {
    const exam = await createExamWithApprovedPlan(w, cohortId, { datum: '2027-04-12' });
    const url = `/api/examens/${exam.examenId}/inschrijvingen`;
    // Only pupils of the cohort.
    await w.call('vmbo-beheerder', 'POST', url, { leerlingIds: ['00000000-0000-4000-8000-000000000000'] }, 400);
    await w.call('mbo-beheerder', 'POST', url, {}, 403);
    let l = await registerPupils(w, exam.examenId, leerlingen.slice(0, 2));
    expect(l.inschrijvingen.map((i: { status: string }) => i.status)).toEqual(['aangemeld', 'aangemeld']);
    expect(l.nietAangemeld).toHaveLength(1);
    l = await registerPupils(w, exam.examenId);
    expect(l.inschrijvingen).toHaveLength(3);
    expect(l.waarschuwingen).toEqual([{ leerlingId: leerlingen[2], naam: 'Jip van Dijk', ontbreekt: ['geboortedatum'] }]);
    await w.call('vmbo-beheerder', 'POST', `${url}/ingeschreven`, {}, 403);
    l = (await w.call('mbo-beheerder', 'POST', `${url}/ingeschreven`, { leerlingIds: [leerlingen[0]] }, 200)).body;
    const status = Object.fromEntries(l.inschrijvingen.map((i: { leerlingId: string; status: string }) => [i.leerlingId, i.status]));
    expect(status[leerlingen[0]!]).toBe('ingeschreven');
    expect(status[leerlingen[1]!]).toBe('aangemeld');
    // The mbo sees the registered pupils but cannot register others.
    expect(l.nietAangemeld).toEqual([]);

    const csv = await w.t.app.inject({ method: 'GET', url: `${url}.csv`, headers: w.as('mbo-beheerder') });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['x-ontbrekende-gegevens']).toBe('1');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n').map((r) => r.split(';'));
    expect(lines[0]).toEqual(['Leerlingnummer', 'Roepnaam', 'Tussenvoegsel', 'Achternaam', 'Geboortedatum', 'Vmbo-school', 'Keuzedeelcode', 'Keuzedeel', 'Examendatum', 'Status']);
    expect(lines).toHaveLength(4);
    const mo = lines.find((r) => r[0] === '1002')!;
    expect(mo).toEqual(['1002', 'Mo', 'el', 'Amrani', '2010-11-30', 'Demo Vmbo College', w.keuzedeel, exam.detail.keuzedeel.titel, '2027-04-12', 'aangemeld']);
    expect(lines.find((r) => r[0] === '1001')![9]).toBe('ingeschreven');
    expect(lines.find((r) => r[0] === '1003')![4]).toBe('');

    const xlsx = await w.t.app.inject({ method: 'GET', url: `${url}.xlsx`, headers: w.as('vmbo-examinator') });
    expect(xlsx.statusCode).toBe(200);
    const { sheets } = await readXlsx(xlsx.rawPayload);
    const rows = sheets.get('Inschrijving')!;
    expect(rows[0]).toEqual(lines[0]);
    expect(rows).toHaveLength(4);
    const sanne = rows.find((r) => r[0] === '1001')!;
    expect(sanne.slice(0, 4)).toEqual(['1001', 'Sanne', '', 'Bakker']);
    expect(String(sanne[4])).toContain('2011-04-02');
    expect(sanne[6]).toBe(w.keuzedeel);
    expect(String(sanne[8])).toContain('2027-04-12');
    expect(sheets.get('Let op')!.flat()).toContain('Jip van Dijk');

    // Ontwikkelaars see no pupils; a third school nothing.
    await w.call('vmbo-ontwikkelaar', 'GET', url, undefined, 403);
    await w.call('foreign', 'GET', `${url}.csv`, undefined, 404);
    await w.call('leerling', 'GET', url, undefined, 404);

    const audit = await w.t.database.db.selectFrom('audit_log').select(['action', 'details']).where('subject_id', '=', exam.examenId).execute();
    const acties = audit.map((a) => a.action);
    expect(acties.filter((a) => a === 'examen.inschrijvingen-geexporteerd')).toHaveLength(2);
    expect(acties).toContain('examen.leerlingen-aangemeld');
    expect(acties).toContain('examen.leerlingen-ingeschreven');
    expect(acties).toContain('examen.inschrijvingen-bekeken');
    // No pupil's name in the audit log.
    expect(JSON.stringify(audit)).not.toContain('Amrani');
  });

  it('a doorlopende leerroute with a PTA toets allows the joint PTA/OER; the plan then needs a toets of that PTA', async () => {
    const route = (
      await w.call('vmbo-ontwikkelaar', 'POST', `/api/partnerships/${w.partnership}/leerroutes`, {
        naam: 'Doorlopend met keuzedeel', type: 'doorlopend', schooljaar: '2026-2027',
        vmbo: { profiel: 'PIE', leerweg: 'BB', keuzevakken: [w.keuzevak] }, mbo: { kwalificatie: '25282', keuzedelen: [w.keuzedeel] },
      }, 201)
    ).body;
    const cohort = await w.t.database.db
      .insertInto('cohort')
      .values({ organisation_id: w.org.vmbo, leerroute_id: route.id, naam: 'Doorlopend 3', schooljaar: '2026-2027', leerjaar: 3, einddatum: '2027-07-31' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const maak = (status: number) => w.call('vmbo-ontwikkelaar', 'POST', `/api/leerroutes/${route.id}/examens`, { cohortId: cohort.id, grondslag: 'gezamenlijk-pta-oer' }, status);
    // No toets in the PTA yet.
    expect(JSON.stringify((await maak(400)).body)).toContain('PTA');
    const toets = (invoer: Record<string, unknown>) =>
      w.call('vmbo-ontwikkelaar', 'POST', `/api/leerroutes/${route.id}/toetsen`, { leerjaar: 4, periode: 4, vorm: 'praktijkopdracht', soort: 'summatief', ...invoer }, 201);
    await toets({ toetscode: 'PvB-1', naam: 'Proeve mbo', onderdeelVan: 'examenplan' });
    const na = (await toets({ toetscode: 'PIE-16-SE1', naam: 'Keuzevak en keuzedeel samen', onderdeelVan: 'pta', seWeging: 100 })).body;
    const pta = na.toetsen.find((t: { toetscode: string }) => t.toetscode === 'PIE-16-SE1').id as string;
    const mbo = na.toetsen.find((t: { toetscode: string }) => t.toetscode === 'PvB-1').id as string;
    const e = (await maak(201)).body;
    expect(e.grondslag).toBe('gezamenlijk-pta-oer');
    expect(e.grondslagUitleg).toContain('PTA/OER');
    expect(e.ptaToetsen.map((t: { id: string }) => t.id)).toEqual([pta]);
    const inhoud = factoryInhoud(e, w);
    let v = (await w.call('vmbo-ontwikkelaar', 'PUT', `/api/examens/${e.id}/plan`, { versie: e.versies[0].versie, inhoud }, 200)).body.versies[0];
    expect(v.ontbreekt.map((o: { path: string }) => o.path)).toEqual(['inhoud.ptaToetsId']);
    await w.call('vmbo-ontwikkelaar', 'POST', `/api/examens/${e.id}/plan/indienen`, { versie: v.versie }, 409);
    // A toets outside the PTA (or of another route) is refused.
    await w.call('vmbo-ontwikkelaar', 'PUT', `/api/examens/${e.id}/plan`, { versie: v.versie, inhoud: { ...inhoud, ptaToetsId: mbo } }, 400);
    v = (await w.call('vmbo-ontwikkelaar', 'PUT', `/api/examens/${e.id}/plan`, { versie: v.versie, inhoud: { ...inhoud, ptaToetsId: pta } }, 200)).body.versies[0];
    expect(v.ontbreekt).toEqual([]);
    await w.call('vmbo-ontwikkelaar', 'POST', `/api/examens/${e.id}/plan/indienen`, { versie: v.versie }, 200);
  });

  it('suggests the samenwerking’s confirmed crosswalk links of the keuzevak’s eindtermen, not the rejected ones', async () => {
    const e = (await w.call('vmbo-ontwikkelaar', 'POST', `/api/leerroutes/${w.route}/examens`, { cohortId, grondslag: 'extraneus' }, 201)).body;
    const keuzedeelItem = e.mboItems.find((m: { soort: string }) => m.soort === 'keuzedeel').id as string;
    const [eerste, tweede] = e.eindtermen as Array<{ id: string }>;
    await w.t.database.db
      .insertInto('crosswalk_link')
      .values([
        { partnership_id: w.partnership, eindterm_id: eerste!.id, werkproces_id: keuzedeelItem, status: 'bevestigd', herkomst: 'handmatig', relatie: null, toelichting: null, reviewed_by: w.userId['mbo-ontwikkelaar'] },
        { partnership_id: w.partnership, eindterm_id: tweede!.id, werkproces_id: keuzedeelItem, status: 'afgewezen', herkomst: 'voorgesteld', relatie: null, toelichting: null, reviewed_by: w.userId['mbo-ontwikkelaar'] },
      ])
      .execute();
    const d = (await w.call('mbo-beoordelaar', 'GET', `/api/examens/${e.id}`, undefined, 200)).body;
    const per = Object.fromEntries(d.versies[0].dekking.eindtermen.map((r: { id: string; suggesties: Array<{ id: string; code: string }> }) => [r.id, r.suggesties]));
    expect(per[eerste!.id]).toEqual([{ id: keuzedeelItem, code: w.keuzedeel, titel: d.keuzedeel.titel }]);
    expect(per[tweede!.id]).toEqual([]);
    await w.t.database.db.deleteFrom('crosswalk_link').where('partnership_id', '=', w.partnership).execute();
  });
});
