/**
 * Issue 14, the assessment of the joint exam on a real database (PGlite and PostgreSQL): forms per registered pupil of
 * an exam with a vastgesteld plan; both assessors saving at the same time many times without losing anything (each
 * side its own versie); a stale side versie 409; scores outside the scale or not in steps of 0,5 a 400 naming the
 * field; the keuzevak grade from the conversion (another grade needs a note); vaststellen all at once (incomplete:
 * 409 listing what is missing) with unique verificatiecodes; frozen results, corrections only with a reason (409
 * without, audited and in the history with it); herkansing as the PTA allows; the exports opened and checked (CSV
 * columns, XLSX read back with the project's reader, PDF text with pdfjs-dist); the OOAPI association shape, `final`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxTable } from '../../src/domain/mbo/xlsx.js';
import { VERIFICATIECODE_PATROON } from '../../src/domain/examen/beoordeling-code.js';
import { BeoordelingDetail, BeoordelingLijst } from '../../src/shared/beoordeling-api.js';
import { OoapiAssociation, OoapiAssociationPage } from '../../src/shared/ooapi-api.js';
import { databaseAvailable, TEST_DB } from '../support/db.js';
import { readPdf } from '../support/export-files.js';
import { startExamenWorld, type ExamenWorld, type WorldActor } from '../support/examen-world.js';
import { assessAll, createAssessableExam, vaststellen, type AssessableExam } from '../support/beoordeling-factory.js';

describe.skipIf(!databaseAvailable)(`beoordeling van het gezamenlijke examen (${TEST_DB})`, () => {
  let w: ExamenWorld;
  beforeAll(async () => {
    w = await startExamenWorld();
  }, 120_000);
  afterAll(async () => {
    await w?.close();
  });

  const lijst = async (examenId: string, actor: WorldActor = 'vmbo-examinator') => BeoordelingLijst.parse((await w.call(actor, 'GET', `/api/examens/${examenId}/beoordelingen`, undefined, 200)).body);
  const detail = async (id: string, actor: WorldActor = 'mbo-beoordelaar') => BeoordelingDetail.parse((await w.call(actor, 'GET', `/api/beoordelingen/${id}`, undefined, 200)).body);
  const download = async (actor: WorldActor, url: string) => {
    const res = await w.app.inject({ method: 'GET', url, headers: w.as(actor) });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res;
  };

  it('makes a form per registered pupil, with progress per side and the plan criteria', async () => {
    const ex = await createAssessableExam(w, { pupils: 3 });
    const l = await lijst(ex.examenId);
    expect(l.formulieren).toHaveLength(3);
    expect(l.planVersie).toBe(1);
    expect(l.formulieren.every((f) => f.poging === 1 && f.status === 'open' && f.voortgang.eerste.gescoord === 0 && f.voortgang.tweede.totaal === 4)).toBe(true);
    expect(l.rechten).toMatchObject({ eerste: true, tweede: false, vaststellen: false, exportVmbo: true, exportMbo: false });
    // Opening the list again makes no second form.
    expect((await lijst(ex.examenId, 'mbo-beoordelaar')).formulieren.map((f) => f.id).sort()).toEqual(l.formulieren.map((f) => f.id).sort());
    const d = await detail(l.formulieren[0]!.id);
    expect(d.criteria.map((c) => c.id)).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(d.mijnKant).toBe('tweede');
    expect(d.keuzedeelCode).toBe(w.keuzedeel);
    // Reading one pupil's form is a staff read of pupil data: audited, with who, which form and which exam.
    const gelezen = await w.t.database.db.selectFrom('audit_log').select(['actor_user_id', 'organisation_id', 'details']).where('action', '=', 'beoordeling.bekeken').where('subject_id', '=', l.formulieren[0]!.id).execute();
    expect(gelezen).toHaveLength(1);
    expect(gelezen[0]).toMatchObject({ actor_user_id: w.userId['mbo-beoordelaar'], organisation_id: w.org.mbo, details: { examen: ex.examenId, keuzedeel: w.keuzedeel, poging: 1 } });
  });

  it('both assessors save the same form at the same time, many times, and nothing is lost', async () => {
    const ex = await createAssessableExam(w, { pupils: 1, criteria: 10 });
    const id = (await lijst(ex.examenId)).formulieren[0]!.id;
    let versie = { eerste: 1, tweede: 1 };
    const ronden = 15;
    for (let r = 0; r < ronden; r++) {
      const crit = `c${(r % 10) + 1}`;
      const score = (r % 8) / 2;
      const [a, b] = await Promise.all([
        w.call('vmbo-examinator', 'PUT', `/api/beoordelingen/${id}/kanten/eerste`, { versie: versie.eerste, scores: [{ criteriumId: crit, score, notitie: `eerste ronde ${r}` }] }),
        w.call('mbo-beoordelaar', 'PUT', `/api/beoordelingen/${id}/kanten/tweede`, { versie: versie.tweede, scores: [{ criteriumId: crit, score: 4 - score, notitie: `tweede ronde ${r}` }] }),
      ]);
      expect([a.status, b.status], JSON.stringify([a.body, b.body]).slice(0, 500)).toEqual([200, 200]);
      expect(a.body.versieEerste).toBe(versie.eerste + 1);
      expect(b.body.versieTweede).toBe(versie.tweede + 1);
      versie = { eerste: a.body.versieEerste, tweede: b.body.versieTweede };
    }
    const d = await detail(id);
    expect(d.versieEerste).toBe(ronden + 1);
    expect(d.versieTweede).toBe(ronden + 1);
    for (let r = ronden - 10; r < ronden; r++) {
      const c = d.criteria.find((x) => x.id === `c${(r % 10) + 1}`)!;
      expect(c.eerste).toMatchObject({ score: (r % 8) / 2, notitie: `eerste ronde ${r}` });
      expect(c.tweede).toMatchObject({ score: 4 - (r % 8) / 2, notitie: `tweede ronde ${r}` });
    }
    // Every score change is attributed in the history (who, old → new).
    const scoreRegels = d.historie.filter((h) => h.wat === 'score');
    expect(scoreRegels.length).toBeGreaterThanOrEqual(2 * ronden - 2);
    expect(scoreRegels.some((h) => h.door === 'Demo Examinator' || h.door.length > 0)).toBe(true);
    expect(scoreRegels.some((h) => /→/.test(h.omschrijving))).toBe(true);
  });

  it('a stale side versie is a 409 problem and changes nothing; the other side is not affected', async () => {
    const ex = await createAssessableExam(w, { pupils: 1 });
    const id = (await lijst(ex.examenId)).formulieren[0]!.id;
    await w.call('vmbo-examinator', 'PUT', `/api/beoordelingen/${id}/kanten/eerste`, { versie: 1, scores: [{ criteriumId: 'c1', score: 2 }] }, 200);
    const res = await w.app.inject({ method: 'PUT', url: `/api/beoordelingen/${id}/kanten/eerste`, headers: w.as('vmbo-examinator'), payload: { versie: 1, scores: [{ criteriumId: 'c1', score: 3 }] } });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toMatch(/opnieuw/);
    expect((await detail(id)).criteria[0]!.eerste?.score).toBe(2);
    // The tweede side still saves with its own versie 1.
    await w.call('mbo-beoordelaar', 'PUT', `/api/beoordelingen/${id}/kanten/tweede`, { versie: 1, scores: [{ criteriumId: 'c1', score: 1 }] }, 200);
  });

  it('scores outside 0 … maxScore or not in steps of 0,5 are a 400 naming the field; nothing is stored', async () => {
    const ex = await createAssessableExam(w, { pupils: 1 });
    const id = (await lijst(ex.examenId)).formulieren[0]!.id;
    for (const score of [-1, 4.5, 2.25]) {
      const res = await w.call('vmbo-examinator', 'PUT', `/api/beoordelingen/${id}/kanten/eerste`, { versie: 1, scores: [{ criteriumId: 'c1', score: 1 }, { criteriumId: 'c2', score }] });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.scores.1.score']);
    }
    const onbekend = await w.call('vmbo-examinator', 'PUT', `/api/beoordelingen/${id}/kanten/eerste`, { versie: 1, scores: [{ criteriumId: 'c99', score: 1 }] });
    expect(onbekend.status).toBe(400);
    expect(onbekend.body.errors[0].path).toBe('body.scores.0.criteriumId');
    // A side cannot record the other side's result.
    const fout = await w.call('vmbo-examinator', 'PUT', `/api/beoordelingen/${id}/kanten/eerste`, { versie: 1, keuzedeelResultaat: 'behaald' });
    expect(fout.status).toBe(400);
    expect(fout.body.errors[0].path).toBe('body.keuzedeelResultaat');
    const d = await detail(id);
    expect(d.versieEerste).toBe(1);
    expect(d.criteria.every((c) => c.eerste === null)).toBe(true);
  });

  it('the keuzevak grade follows the conversion; another grade needs a note', async () => {
    const ex = await createAssessableExam(w, { pupils: 1 });
    const id = (await lijst(ex.examenId)).formulieren[0]!.id;
    // 2nd assessor: 3 + 3 + 3 + 3 = 12 of 16, cesuur 9 → 5.5 + 4.5 × 3/7 = 7.4
    const na = (await w.call('mbo-beoordelaar', 'PUT', `/api/beoordelingen/${id}/kanten/tweede`, { versie: 1, scores: ['c1', 'c2', 'c3', 'c4'].map((c) => ({ criteriumId: c, score: 3 })), keuzedeelResultaat: 'behaald' }, 200)).body;
    expect(na.berekend).toMatchObject({ totaal: 12, behaald: true, cijfer: 7.4 });
    const zonder = await w.call('vmbo-examinator', 'PUT', `/api/beoordelingen/${id}/kanten/eerste`, { versie: 1, keuzevakCijfer: 8 });
    expect(zonder.status).toBe(400);
    expect(zonder.body.errors[0].path).toBe('body.cijferToelichting');
    await w.call('vmbo-examinator', 'PUT', `/api/beoordelingen/${id}/kanten/eerste`, { versie: 1, keuzevakCijfer: 7.4 }, 200);
    const met = (await w.call('vmbo-examinator', 'PUT', `/api/beoordelingen/${id}/kanten/eerste`, { versie: 2, keuzevakCijfer: 7.6, cijferToelichting: 'Afspraak examencommissies: afronding naar boven' }, 200)).body;
    expect(met.keuzevakCijfer).toBe(7.6);
    expect(met.cijferToelichting).toBe('Afspraak examencommissies: afronding naar boven');
    expect(met.afgenomenOp).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  describe('vaststellen, corrections, herkansing and exports', () => {
    let ex: AssessableExam;
    let ids: string[];
    beforeAll(async () => {
      ex = await createAssessableExam(w, { pupils: 3 });
      ids = (await lijst(ex.examenId)).formulieren.map((f) => f.id);
    });

    it('refuses with a 409 listing what is incomplete, and vaststelt nothing', async () => {
      await assessAll(w, ex.examenId, { passes: (i) => i !== 2 });
      // Undo one keuzevak grade: the form is incomplete.
      const d = await detail(ids[0]!, 'vmbo-examinator');
      await w.call('vmbo-examinator', 'PUT', `/api/beoordelingen/${ids[0]}/kanten/eerste`, { versie: d.versieEerste, keuzevakCijfer: null }, 200);
      const res = await w.call('mbo-examencommissie', 'POST', `/api/examens/${ex.examenId}/resultaten/vaststellen`, {});
      expect(res.status).toBe(409);
      expect(res.body.detail).toMatch(/geen keuzevakcijfer/);
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors[0].path).toBe(`formulieren.${ids[0]}`);
      expect((await lijst(ex.examenId)).samenvatting.vastgesteld).toBe(0);
      // Others may not vaststellen at all.
      expect((await w.call('mbo-beoordelaar', 'POST', `/api/examens/${ex.examenId}/resultaten/vaststellen`, {})).status).toBe(403);
      expect((await w.call('vmbo-examencommissie', 'POST', `/api/examens/${ex.examenId}/resultaten/vaststellen`, {})).status).toBe(403);
      const d2 = await detail(ids[0]!, 'vmbo-examinator');
      await w.call('vmbo-examinator', 'PUT', `/api/beoordelingen/${ids[0]}/kanten/eerste`, { versie: d2.versieEerste, keuzevakCijfer: d2.berekend.cijfer }, 200);
    });

    it('vaststelt all forms at once with unique verification codes', async () => {
      const r = await vaststellen(w, ex.examenId);
      expect(r.vastgesteld).toBe(3);
      const l = await lijst(ex.examenId, 'mbo-examencommissie');
      expect(l.resultatenVastgesteldAt).not.toBeNull();
      expect(l.samenvatting).toMatchObject({ totaal: 3, vastgesteld: 3, behaald: 2, nietBehaald: 1 });
      const codes = await Promise.all(ids.map(async (id) => (await detail(id, 'mbo-examencommissie')).vastgesteld!.verificatiecode));
      for (const c of codes) expect(c).toMatch(VERIFICATIECODE_PATROON);
      expect(new Set(codes).size).toBe(3);
      const d = await detail(ids[0]!, 'vmbo-examencommissie');
      expect(d.vastgesteld?.naam).toBeTruthy();
      expect(d.historie.some((h) => h.wat === 'vastgesteld')).toBe(true);
      // Both schools see both results.
      expect(d.keuzedeelResultaat).toBe('behaald');
      expect(d.keuzevakCijfer).not.toBeNull();
      // Nothing left to vaststellen: 409.
      expect((await w.call('mbo-examencommissie', 'POST', `/api/examens/${ex.examenId}/resultaten/vaststellen`, {})).status).toBe(409);
    });

    it('freezes vastgesteld results: assessors get 409, a correction without a reason 409, with a reason audited and shown', async () => {
      const d = await detail(ids[0]!, 'mbo-beoordelaar');
      const save = await w.call('mbo-beoordelaar', 'PUT', `/api/beoordelingen/${ids[0]}/kanten/tweede`, { versie: d.versieTweede, keuzedeelResultaat: 'niet-behaald' });
      expect(save.status).toBe(409);
      expect(save.body.detail).toMatch(/correctie/);
      const zonder = await w.call('mbo-examencommissie', 'POST', `/api/beoordelingen/${ids[0]}/correcties`, { keuzevakCijfer: 6.0 });
      expect(zonder.status).toBe(409);
      const leeg = await w.call('mbo-examencommissie', 'POST', `/api/beoordelingen/${ids[0]}/correcties`, { reden: '   ', keuzevakCijfer: 6.0 });
      expect(leeg.status).toBe(409);
      expect((await w.call('mbo-beoordelaar', 'POST', `/api/beoordelingen/${ids[0]}/correcties`, { reden: 'x', keuzevakCijfer: 6.0 })).status).toBe(403);
      const met = BeoordelingDetail.parse((await w.call('mbo-examencommissie', 'POST', `/api/beoordelingen/${ids[0]}/correcties`, { reden: 'Rekenfout in criterium 2 hersteld', keuzevakCijfer: 6.0, scores: [{ kant: 'tweede', criteriumId: 'c2', score: 2 }] }, 200)).body);
      expect(met.keuzevakCijfer).toBe(6);
      expect(met.status).toBe('vastgesteld');
      const correctie = met.historie.find((h) => h.wat === 'correctie')!;
      expect(correctie.reden).toBe('Rekenfout in criterium 2 hersteld');
      expect(correctie.omschrijving).toMatch(/Keuzevakcijfer/);
      const audit = await w.t.database.db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'beoordeling.gecorrigeerd').where('subject_id', '=', ids[0]!).execute();
      expect(audit).toHaveLength(1);
    });

    it('exports the vmbo SE grades as a CSV Magister and Somtoday import, audited', async () => {
      const res = await download('vmbo-examinator', `/api/examens/${ex.examenId}/resultaten/se-cijfers.csv`);
      expect(res.headers['content-type']).toContain('text/csv');
      expect(res.headers['cache-control']).toContain('no-store');
      const regels = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(regels[0]).toBe('leerlingnummer;toetscode;cijfer;datum');
      expect(regels).toHaveLength(4);
      for (const r of regels.slice(1)) expect(r).toMatch(new RegExp(`^${ex.leerlingen[0]!.leerlingnummer.slice(0, -4)}\\d{4};${ex.toetscode};\\d{1,2},\\d;\\d{2}-\\d{2}-\\d{4}$`));
      expect(regels.slice(1).map((r) => r.split(';')[0]).sort()).toEqual(ex.leerlingen.map((l) => l.leerlingnummer).sort());
      expect((await w.call('mbo-beoordelaar', 'GET', `/api/examens/${ex.examenId}/resultaten/se-cijfers.csv`)).status).toBe(403);
      const audit = await w.t.database.db.selectFrom('audit_log').select('details').where('action', '=', 'beoordeling.geexporteerd').where('subject_id', '=', ex.examenId).execute();
      expect(audit.length).toBeGreaterThan(0);
    });

    it('exports the mbo keuzedeel results as CSV and XLSX', async () => {
      const csv = (await download('mbo-beheerder', `/api/examens/${ex.examenId}/resultaten/keuzedeelresultaten.csv`)).body.replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(csv[0]).toBe('leerlingnummer;leerling;keuzedeelcode;resultaat;cijfer;datum;beoordelaar');
      expect(csv).toHaveLength(4);
      expect(csv.filter((r) => r.includes(';K0072;behaald;'))).toHaveLength(2);
      expect(csv.filter((r) => r.includes(';K0072;niet behaald;'))).toHaveLength(1);
      const xlsx = await download('mbo-examencommissie', `/api/examens/${ex.examenId}/resultaten/keuzedeelresultaten.xlsx`);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      const rows = await readXlsxTable(xlsx.rawPayload, 'keuzedeelresultaten.xlsx');
      expect(rows[0]).toEqual(['leerlingnummer', 'leerling', 'keuzedeelcode', 'resultaat', 'cijfer', 'datum', 'beoordelaar']);
      expect(rows).toHaveLength(4);
      expect(rows.slice(1).map((r) => r[2])).toEqual(['K0072', 'K0072', 'K0072']);
      expect(rows.slice(1).every((r) => r[6]!.length > 0)).toBe(true);
      expect((await w.call('vmbo-examinator', 'GET', `/api/examens/${ex.examenId}/resultaten/keuzedeelresultaten.xlsx`)).status).toBe(403);
    });

    it('exports a filled-in form as an accessible PDF', async () => {
      const res = await download('vmbo-examinator', `/api/beoordelingen/${ids[0]}/formulier.pdf`);
      expect(res.headers['content-type']).toBe('application/pdf');
      const pdf = await readPdf(res.rawPayload);
      expect(pdf.text).toContain('Beoordelingsformulier keuzedeel K0072');
      expect(pdf.text).toContain('Scores per criterium');
      expect(pdf.text).toContain('Verificatiecode');
      expect(pdf.text).toContain('Rekenfout in criterium 2 hersteld');
      expect(pdf.structRoles).toContain('Table');
    });

    it('gives each result as an OOAPI v5 association, final once vastgesteld', async () => {
      const a = OoapiAssociation.parse((await w.call('mbo-examencommissie', 'GET', `/api/ooapi/v5/associations/${ids[1]}`, undefined, 200)).body);
      expect(a.offering.primaryCode).toEqual({ codeType: 'keuzedeelcode', code: 'K0072' });
      expect(a.result.final).toBe(true);
      expect(a.result.state).toBe('completed');
      expect(a.result.consumers[0]!.final).toBe(true);
      expect(a.result.consumers[0]!.documents[0]!.documentType).toBe('assessmentForm');
      expect(a.result.pass).toMatch(/passed|failed/);
      const page = OoapiAssociationPage.parse((await w.call('mbo-beoordelaar', 'GET', `/api/ooapi/v5/offerings/${ex.examenId}/associations`, undefined, 200)).body);
      expect(page.items).toHaveLength(3);
      expect((await w.call('vmbo-examinator', 'GET', `/api/ooapi/v5/associations/${ids[1]}`)).status).toBe(403);
      // An open form is not final.
      const open = await createAssessableExam(w, { pupils: 1 });
      const openId = (await lijst(open.examenId)).formulieren[0]!.id;
      const o = OoapiAssociation.parse((await w.call('mbo-beoordelaar', 'GET', `/api/ooapi/v5/associations/${openId}`, undefined, 200)).body);
      expect(o.result.final).toBe(false);
      expect(o.result.state).toBe('in progress');
    });

    it('allows a herkansing as the PTA allows it: only after a vastgesteld, failed attempt, once', async () => {
      const failed = ids[2]!;
      const passed = ids[1]!;
      expect((await w.call('vmbo-examinator', 'POST', `/api/beoordelingen/${passed}/herkansing`, {})).status).toBe(409);
      const nieuw = BeoordelingDetail.parse((await w.call('vmbo-examinator', 'POST', `/api/beoordelingen/${failed}/herkansing`, {}, 201)).body);
      expect(nieuw.poging).toBe(2);
      expect(nieuw.status).toBe('open');
      expect((await w.call('vmbo-examinator', 'POST', `/api/beoordelingen/${failed}/herkansing`, {})).status).toBe(409);
      const l = await lijst(ex.examenId);
      expect(l.formulieren.find((f) => f.leerling.id === nieuw.leerling.id)!.poging).toBe(2);
      expect(l.resultatenVastgesteldAt).not.toBeNull();
      // Not herkansbaar in the PTA: 409.
      const streng = await createAssessableExam(w, { pupils: 1, herkansbaar: false });
      await assessAll(w, streng.examenId, { passes: () => false });
      await vaststellen(w, streng.examenId);
      const sid = (await lijst(streng.examenId)).formulieren[0]!.id;
      const res = await w.call('mbo-beoordelaar', 'POST', `/api/beoordelingen/${sid}/herkansing`, {});
      expect(res.status).toBe(409);
      expect(res.body.detail).toMatch(/niet herkansbaar/);
    });
  });
});
