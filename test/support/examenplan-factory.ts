/**
 * Factory of issue 14's exam plan for the other features' tests: an exam of the world's keuzevak-keuzedeel route for a
 * cohort, with a plan (2 onderdelen, 4 criteria covering every eindterm of the keuzevak, the world's examinator and
 * beoordelaar as assessors) that is submitted and vastgesteld by the mbo examencommissie — all through the API.
 */
import type { ExamenWorld } from './examen-world.js';

export interface ApprovedExam {
  examenId: string;
  planId: string;
  versienummer: number;
  /** Criterion ids per onderdeel, as in the plan. */
  criteria: Array<{ onderdeelId: string; criteriumId: string; maxScore: number }>;
  /** The exam as the API answered after vaststelling. */
  detail: any;
}

export interface ExamOptions {
  grondslag?: 'extraneus' | 'gezamenlijk-pta-oer';
  /** Planned exam date (yyyy-mm-dd); default 2027-03-15. */
  datum?: string;
  /** Cesuur in points (of 4 criteria × 10); default 22. */
  cesuur?: number;
}

/** The plan content used by the factory: 2 onderdelen, 4 criteria (max 10 each) spreading the eindtermen over them. */
export function factoryInhoud(detail: any, w: ExamenWorld, opts: ExamOptions = {}) {
  const eindtermen: string[] = detail.eindtermen.map((e: { id: string }) => e.id);
  const groepen: string[][] = [[], [], [], []];
  eindtermen.forEach((id, i) => groepen[i % 4]!.push(id));
  const keuzedeelItem = (detail.mboItems as Array<{ id: string; soort: string }>).find((m) => m.soort === 'keuzedeel')?.id;
  const criterium = (i: number) => ({
    id: `c${i + 1}`,
    omschrijving: `Criterium ${i + 1}`,
    maxScore: 10,
    minimumScore: null,
    eindtermen: groepen[i]!,
    werkprocessen: keuzedeelItem ? [keuzedeelItem] : [],
  });
  return {
    onderdelen: [
      { id: 'opdracht-1', titel: 'Opdracht 1: ontwerpen', omschrijving: '', criteria: [criterium(0), criterium(1)] },
      { id: 'opdracht-2', titel: 'Opdracht 2: uitvoeren', omschrijving: '', criteria: [criterium(2), criterium(3)] },
    ],
    cesuur: { minimumPunten: opts.cesuur ?? 22 },
    resultaatvorm: 'behaald-niet-behaald',
    omzetting: { methode: 'lineair-cesuur' },
    ptaToetsId: null,
    datums: [{ datum: opts.datum ?? '2027-03-15', omschrijving: 'Afname' }],
    locatie: 'Praktijklokaal',
    examinatorId: w.userId['vmbo-examinator'],
    beoordelaarId: w.userId['mbo-beoordelaar'],
  };
}

export async function createExamWithApprovedPlan(w: ExamenWorld, cohortId: string, opts: ExamOptions = {}): Promise<ApprovedExam> {
  const created = (await w.call('vmbo-ontwikkelaar', 'POST', `/api/leerroutes/${w.route}/examens`, { cohortId, grondslag: opts.grondslag ?? 'extraneus' }, 201)).body;
  const examenId: string = created.id;
  const inhoud = factoryInhoud(created, w, opts);
  let plan = (await w.call('vmbo-ontwikkelaar', 'PUT', `/api/examens/${examenId}/plan`, { versie: created.versies[0].versie, inhoud }, 200)).body.versies[0];
  plan = (await w.call('vmbo-ontwikkelaar', 'POST', `/api/examens/${examenId}/plan/indienen`, { versie: plan.versie }, 200)).body.versies[0];
  const detail = (await w.call('mbo-examencommissie', 'POST', `/api/examens/${examenId}/plan/vaststellen`, { versie: plan.versie }, 200)).body;
  const vastgesteld = detail.versies[0];
  return {
    examenId,
    planId: vastgesteld.id,
    versienummer: vastgesteld.versienummer,
    criteria: inhoud.onderdelen.flatMap((o) => o.criteria.map((c) => ({ onderdeelId: o.id, criteriumId: c.id, maxScore: c.maxScore }))),
    detail,
  };
}

/** Registers pupils of the exam's cohort as extraneus (all when no ids), by the vmbo beheerder; answers the list. */
export async function registerPupils(w: ExamenWorld, examenId: string, leerlingIds?: string[]): Promise<any> {
  return (await w.call('vmbo-beheerder', 'POST', `/api/examens/${examenId}/inschrijvingen`, leerlingIds ? { leerlingIds } : {}, 200)).body;
}
