/**
 * The retention of pupil data (issue 14): a cohort's pupils are removed `bewaartermijnMaanden` after its einddatum;
 * the cohort stays with the counts. Pure: which cohorts are due on a given day, and the dates involved.
 */
import { DEFAULT_BEWAARTERMIJN_MAANDEN } from '../../shared/leerlingen-api.js';

export { DEFAULT_BEWAARTERMIJN_MAANDEN };

/** 31 July at the end of a schooljaar ("2026-2027" → "2027-07-31"). */
export function standaardEinddatum(schooljaar: string): string {
  const m = /^(\d{4})-(\d{4})$/.exec(schooljaar);
  if (!m) throw new Error(`geen schooljaar: ${schooljaar}`);
  return `${m[2]}-07-31`;
}

/** A date (YYYY-MM-DD) plus whole months; a day that does not exist in the target month becomes its last day. */
export function plusMaanden(datum: string, maanden: number): string {
  const [j, m, d] = datum.slice(0, 10).split('-').map(Number) as [number, number, number];
  const doelMaand = m - 1 + maanden;
  const jaar = j + Math.floor(doelMaand / 12);
  const maand = ((doelMaand % 12) + 12) % 12;
  const laatste = new Date(Date.UTC(jaar, maand + 1, 0)).getUTCDate();
  return new Date(Date.UTC(jaar, maand, Math.min(d, laatste))).toISOString().slice(0, 10);
}

/** The day on which the cohort's pupil data is removed. */
export function verwijderdatum(c: { einddatum: string; bewaartermijnMaanden: number }): string {
  return plusMaanden(c.einddatum, c.bewaartermijnMaanden);
}

export interface CohortBewaring {
  id: string;
  einddatum: string;
  bewaartermijnMaanden: number;
  opgeschoondAt: string | Date | null;
}

/** The cohorts whose pupil data must be removed on `peildatum` (YYYY-MM-DD): not yet removed, removal day reached. */
export function cohortenDieOpgeschoondMoeten<T extends CohortBewaring>(cohorten: readonly T[], peildatum: string): T[] {
  return cohorten.filter((c) => c.opgeschoondAt === null && verwijderdatum(c) <= peildatum);
}

/** The calendar day of a moment in the Netherlands (the school's day), YYYY-MM-DD. */
export function dagInNederland(moment: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(moment);
}
