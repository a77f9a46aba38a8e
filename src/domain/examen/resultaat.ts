/**
 * The result of one assessment form (issue 14), pure: the total of the scores against the plan's cesuur and knock-out
 * criteria, and the conversion (`omzetting`) of the total into the vmbo keuzevak grade that the schools agreed in the
 * exam plan. No I/O; the use cases call it to check scores, to propose the keuzevak grade and to check completeness.
 *
 * Rules (see docs/beoordeling.md):
 * - a score lies in 0 … maxScore of its criterion, in steps of 0.5;
 * - behaald: the total reaches the cesuur (`cesuur.minimumPunten`) and no criterion with a `minimumScore` stays under it;
 * - the grade has one decimal, from 1.0 to 10.0. `lineair-cesuur`: straight lines through (0 → 1.0), (cesuur → 5.5)
 *   and (maximum → 10.0); `tabel`: the grade of the highest row whose `vanafPunten` the total reaches (1.0 below the
 *   first row). A missed knock-out criterion makes the result niet behaald, so the grade is then at most 5.4: a pass
 *   mark for a failed exam would contradict the keuzedeel result.
 */
import type { ExamenplanInhoud, Omzetting } from '../../shared/examen-api.js';

export type Scores = ReadonlyMap<string, number>;

export interface CriteriumRef {
  id: string;
  omschrijving: string;
  maxScore: number;
  minimumScore: number | null;
  onderdeel: string;
}

/** Every criterion of the plan, in the plan's order. */
export function criteriaVan(inhoud: Pick<ExamenplanInhoud, 'onderdelen'>): CriteriumRef[] {
  return inhoud.onderdelen.flatMap((o) => o.criteria.map((c) => ({ id: c.id, omschrijving: c.omschrijving, maxScore: c.maxScore, minimumScore: c.minimumScore ?? null, onderdeel: o.titel })));
}

export function maximumPunten(inhoud: Pick<ExamenplanInhoud, 'onderdelen'>): number {
  return criteriaVan(inhoud).reduce((s, c) => s + c.maxScore, 0);
}

/** Null when the score fits the criterion's scale, else the Dutch reason. */
export function scoreFout(score: number, maxScore: number): string | null {
  if (!Number.isFinite(score)) return 'de score is geen getal';
  if (score < 0 || score > maxScore) return `de score ligt niet tussen 0 en ${String(maxScore).replace('.', ',')}`;
  if (!Number.isInteger(score * 2)) return 'de score gaat in stappen van 0,5';
  return null;
}

export interface Uitslag {
  /** Sum of the scores given (criteria without a score count as 0). */
  totaal: number;
  maximum: number;
  /** Every criterion has a score. */
  compleet: boolean;
  ontbrekend: string[];
  /** Criteria whose score stays under their minimumScore. */
  knockOuts: string[];
  behaald: boolean;
  /** The keuzevak grade the agreed conversion gives (1.0–10.0, one decimal). */
  cijfer: number;
}

/** One decimal, half up, within 1.0 … 10.0. */
export function afgerond(cijfer: number): number {
  const r = Math.round(cijfer * 10 + 1e-9) / 10;
  return Math.min(10, Math.max(1, r));
}

/** The grade for a total, by the plan's conversion (without knock-outs; see `uitslag`). */
export function omzetting(totaal: number, opts: { maximum: number; cesuur: number; omzetting: Omzetting }): number {
  const { maximum, cesuur } = opts;
  if (opts.omzetting.methode === 'tabel') {
    const rijen = [...opts.omzetting.tabel].sort((a, b) => a.vanafPunten - b.vanafPunten);
    let cijfer = 1;
    for (const r of rijen) if (totaal + 1e-9 >= r.vanafPunten) cijfer = r.cijfer;
    return afgerond(cijfer);
  }
  const p = Math.min(Math.max(totaal, 0), maximum);
  if (maximum <= 0) return 1;
  const c = Math.min(Math.max(cesuur, 0), maximum);
  if (c <= 0) return afgerond(5.5 + (4.5 * p) / maximum);
  if (p <= c) return afgerond(1 + (4.5 * p) / c);
  if (maximum === c) return 10;
  return afgerond(5.5 + (4.5 * (p - c)) / (maximum - c));
}

/** The result of a set of scores against the plan. */
export function uitslag(inhoud: Pick<ExamenplanInhoud, 'onderdelen' | 'cesuur' | 'omzetting'>, scores: Scores): Uitslag {
  const criteria = criteriaVan(inhoud);
  const maximum = criteria.reduce((s, c) => s + c.maxScore, 0);
  let totaal = 0;
  const ontbrekend: string[] = [];
  const knockOuts: string[] = [];
  for (const c of criteria) {
    const s = scores.get(c.id);
    if (s === undefined) ontbrekend.push(c.id);
    totaal += s ?? 0;
    if (c.minimumScore !== null && (s ?? 0) < c.minimumScore) knockOuts.push(c.id);
  }
  totaal = Math.round(totaal * 2) / 2;
  const cesuur = inhoud.cesuur.minimumPunten;
  const behaald = totaal >= cesuur && knockOuts.length === 0;
  let cijfer = omzetting(totaal, { maximum, cesuur, omzetting: inhoud.omzetting });
  if (!behaald && cijfer >= 5.5) cijfer = 5.4;
  return { totaal, maximum, compleet: ontbrekend.length === 0, ontbrekend, knockOuts, behaald, cijfer };
}

/** "7,5" */
export function cijferNl(cijfer: number): string {
  return cijfer.toFixed(1).replace('.', ',');
}
