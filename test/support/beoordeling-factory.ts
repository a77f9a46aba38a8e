/**
 * Factories for the assessment part of issue 14, on top of the examen world (test/support/examen-world.ts).
 *
 * `createAssessableExam` inserts DIRECTLY with the Kysely handle (`w.t.database.db`), not through the API, so the
 * assessment tests do not depend on the cohort, exam plan and registration features: a cohort of the world's route,
 * its pupils, a PTA toets (herkansbaar by default), an exam (keuzedeel K0072, keuzevak K/PIE/16), a vastgesteld plan
 * version naming the world's examinator and beoordelaar, and a registration per pupil. By default the first pupil is
 * linked to the world's `leerling` account and the second to `andere-leerling` (so pupils' own views can be tested).
 *
 * `assessAll` and `vaststellen` go through the assessment API (as the examinator, the beoordelaar and the mbo
 * examencommissie), so results made with them are real vastgesteld results with verificatiecodes.
 */
import type { ExamenplanInhoud } from '../../src/shared/examen-api.js';
import type { ExamenWorld } from './examen-world.js';

export interface AssessableExam {
  examenId: string;
  planId: string;
  cohortId: string;
  toetsId: string;
  toetscode: string;
  leerlingen: Array<{ id: string; leerlingnummer: string; naam: string }>;
  criteria: Array<{ id: string; maxScore: number }>;
  inhoud: ExamenplanInhoud;
}

export interface AssessableExamOptions {
  pupils?: number;
  /** Criteria in the plan (each maxScore 4, spread over two onderdelen). Default 4. */
  criteria?: number;
  resultaatvorm?: ExamenplanInhoud['resultaatvorm'];
  omzetting?: ExamenplanInhoud['omzetting'];
  /** minimumScore of the first criterion (a knock-out), default none. */
  knockOut?: number | null;
  herkansbaar?: boolean;
  /** Link the first two pupils to the world's pupil accounts (default true). */
  linkAccounts?: boolean;
  /** Extra characters in the leerlingnummers (several exams in one world). */
  prefix?: string;
}

let teller = 0;

/** What the factory needs of a world: the examen world, or the same ids gathered in a browser test. */
export interface FactoryWorld {
  t: { database: { db: ExamenWorld['t']['database']['db'] } };
  org: { vmbo: string; mbo: string };
  partnership: string;
  route: string;
  keuzedeel: string;
  keuzevak: string;
  userId: Partial<ExamenWorld['userId']>;
}

export async function createAssessableExam(w: FactoryWorld, opts: AssessableExamOptions = {}): Promise<AssessableExam> {
  const db = w.t.database.db;
  const n = opts.pupils ?? 3;
  const aantalCriteria = opts.criteria ?? 4;
  const prefix = opts.prefix ?? `T${++teller}`;
  const cohort = await db
    .insertInto('cohort')
    .values({ organisation_id: w.org.vmbo, leerroute_id: w.route, naam: `Cohort ${prefix}`, schooljaar: '2026-2027', leerjaar: 3, einddatum: '2027-07-31' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const leerlingen: AssessableExam['leerlingen'] = [];
  const rows = Array.from({ length: n }, (_, i) => ({
    cohort_id: cohort.id,
    organisation_id: w.org.vmbo,
    leerlingnummer: `${prefix}-${String(i + 1).padStart(4, '0')}`,
    roepnaam: `Leerling${i + 1}`,
    tussenvoegsel: i % 3 === 1 ? 'van' : '',
    achternaam: `Achternaam${String(i + 1).padStart(4, '0')}`,
    klas: '3B',
    leerweg: 'BB' as const,
    account_id: (opts.linkAccounts ?? true) && i === 0 ? (w.userId.leerling ?? null) : (opts.linkAccounts ?? true) && i === 1 ? (w.userId['andere-leerling'] ?? null) : null,
  }));
  for (let i = 0; i < rows.length; i += 500) {
    const ins = await db.insertInto('leerling').values(rows.slice(i, i + 500)).returning(['id', 'leerlingnummer', 'roepnaam', 'tussenvoegsel', 'achternaam']).execute();
    for (const r of ins) leerlingen.push({ id: r.id, leerlingnummer: r.leerlingnummer, naam: [r.roepnaam, r.tussenvoegsel, r.achternaam].filter(Boolean).join(' ') });
  }
  const toetscode = `KV-${prefix}`;
  const toets = await db
    .insertInto('leerroute_toets')
    .values({
      leerroute_id: w.route, leerjaar: 3, periode: 3, toetscode, naam: 'Praktijkexamen keuzevak/keuzedeel', omschrijving: '', vorm: 'praktijkopdracht', soort: 'summatief', duur_minuten: 240, weging: 1, se_weging: null,
      doelen: JSON.stringify([]), herkansbaar: opts.herkansbaar ?? true, onderdeel_van: 'beide', updated_by: null, updated_org: w.org.vmbo,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const examen = await db
    .insertInto('examen')
    .values({
      partnership_id: w.partnership, leerroute_id: w.route, cohort_id: cohort.id, vmbo_organisation_id: w.org.vmbo, mbo_organisation_id: w.org.mbo,
      keuzedeel_code: w.keuzedeel, keuzevak_id: w.keuzevak, grondslag: 'extraneus',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const criteria = Array.from({ length: aantalCriteria }, (_, i) => ({ id: `c${i + 1}`, maxScore: 4 }));
  const helft = Math.ceil(aantalCriteria / 2);
  const maximum = aantalCriteria * 4;
  const inhoud: ExamenplanInhoud = {
    onderdelen: [
      { id: 'o1', titel: 'Opdracht 1: installatie aanleggen', omschrijving: '', criteria: criteria.slice(0, helft).map((c, i) => ({ id: c.id, omschrijving: `Criterium ${c.id}: werkt veilig en volgens tekening`, maxScore: c.maxScore, minimumScore: i === 0 ? (opts.knockOut ?? null) : null, eindtermen: [], werkprocessen: [] })) },
      ...(aantalCriteria > helft
        ? [{ id: 'o2', titel: 'Opdracht 2: storing zoeken', omschrijving: '', criteria: criteria.slice(helft).map((c) => ({ id: c.id, omschrijving: `Criterium ${c.id}: vindt en verhelpt de storing`, maxScore: c.maxScore, minimumScore: null, eindtermen: [], werkprocessen: [] })) }]
        : []),
    ],
    cesuur: { minimumPunten: Math.ceil(maximum * 0.55) },
    resultaatvorm: opts.resultaatvorm ?? 'behaald-niet-behaald',
    omzetting: opts.omzetting ?? { methode: 'lineair-cesuur' },
    ptaToetsId: toets.id,
    datums: [{ datum: '2027-03-15', omschrijving: 'Praktijkexamen' }],
    locatie: 'Praktijklokaal Demo ROC',
    examinatorId: w.userId['vmbo-examinator'] ?? null,
    beoordelaarId: w.userId['mbo-beoordelaar'] ?? null,
  };
  const plan = await db
    .insertInto('examenplan')
    .values({ examen_id: examen.id, versienummer: 1, status: 'vastgesteld', inhoud: JSON.stringify(inhoud), vastgesteld_at: new Date().toISOString(), vastgesteld_by: w.userId['mbo-examencommissie'] ?? null, vastgesteld_naam: 'Examencommissie Demo ROC' })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let i = 0; i < leerlingen.length; i += 500) {
    await db.insertInto('examen_inschrijving').values(leerlingen.slice(i, i + 500).map((l) => ({ examen_id: examen.id, leerling_id: l.id, status: 'ingeschreven' as const }))).execute();
  }
  return { examenId: examen.id, planId: plan.id, cohortId: cohort.id, toetsId: toets.id, toetscode, leerlingen, criteria, inhoud };
}

export interface AssessOptions {
  /** Whether pupil i passes (default: all pass). A failing pupil scores 0.5 on every criterion. */
  passes?: (index: number) => boolean;
}

/**
 * Fills in every open form of the exam through the API: the beoordelaar (2nd) scores every criterion and records the
 * keuzedeel result the scores give (and the grade where the plan asks for one), then the examinator (1st) scores and
 * records the keuzevak grade the conversion proposes. Returns the form ids in the list's order.
 */
export async function assessAll(w: ExamenWorld, examenId: string, opts: AssessOptions = {}): Promise<string[]> {
  const lijst = (await w.call('vmbo-examinator', 'GET', `/api/examens/${examenId}/beoordelingen`, undefined, 200)).body;
  const ids: string[] = [];
  let i = 0;
  for (const f of lijst.formulieren as Array<{ id: string; status: string }>) {
    const index = i++;
    if (f.status !== 'open') continue;
    ids.push(f.id);
    const passes = opts.passes?.(index) ?? true;
    const d = (await w.call('mbo-beoordelaar', 'GET', `/api/beoordelingen/${f.id}`, undefined, 200)).body;
    const scores = (d.criteria as Array<{ id: string; maxScore: number }>).map((c) => ({ criteriumId: c.id, score: passes ? Math.round(c.maxScore * 0.75 * 2) / 2 : 0.5, notitie: '' }));
    const na2 = (await w.call('mbo-beoordelaar', 'PUT', `/api/beoordelingen/${f.id}/kanten/tweede`, { versie: d.versieTweede, scores }, 200)).body;
    const res = (
      await w.call(
        'mbo-beoordelaar',
        'PUT',
        `/api/beoordelingen/${f.id}/kanten/tweede`,
        { versie: na2.versieTweede, keuzedeelResultaat: na2.berekend.behaald ? 'behaald' : 'niet-behaald', ...(na2.resultaatvorm === 'cijfer' ? { keuzedeelCijfer: na2.berekend.cijfer } : {}) },
        200,
      )
    ).body;
    await w.call('vmbo-examinator', 'PUT', `/api/beoordelingen/${f.id}/kanten/eerste`, { versie: res.versieEerste, scores, keuzevakCijfer: res.berekend.cijfer }, 200);
  }
  return ids;
}

/** The mbo examencommissie vaststelt all open results of the exam (200 expected). */
export async function vaststellen(w: ExamenWorld, examenId: string): Promise<{ vastgesteld: number; resultatenVastgesteldAt: string }> {
  const res = await w.call('mbo-examencommissie', 'POST', `/api/examens/${examenId}/resultaten/vaststellen`, {}, 200);
  if (!(res.body.vastgesteld > 0)) throw new Error(`vaststellen: nothing vastgesteld: ${JSON.stringify(res.body)}`);
  return res.body;
}
