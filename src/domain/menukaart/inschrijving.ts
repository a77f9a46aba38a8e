/**
 * The enrolment list of a menukaart module for its provider (issue 15: "approved choices place the pupil in the cohort
 * and enrolment lists of the providers"). Pure, no I/O: who may see it, the places used and left per period, and the
 * list as CSV rows.
 *
 * Who sees the list (pupils are minors: only roles that need the names):
 * - the beheerder of the region (it keeps the menukaart and settles capacity);
 * - of the providing organisation (the school or instelling that gives the module): its beheerder, decaan, examinator
 *   and beoordelaar (who plan, teach and assess the pupils);
 * - not its ontwikkelaars (they design, they need no pupil names) nor its examencommissie (it sees pupils through the
 *   exam work); not the other schools of the region (they see their own pupils' choices through their decaan).
 * Other staff or pupils of the region get 'forbidden', everyone outside the region 'not_found'.
 */
import type { Role } from '../../shared/roles.js';
import { rolesIn, type Actor, type Decision } from '../auth/rules.js';
import type { MenukaartScope } from './rules.js';

export const INSCHRIJVING_ROLLEN: readonly Role[] = ['beheerder', 'decaan', 'examinator', 'beoordelaar'];

export function decideInschrijvingen(actor: Actor | null, scope: MenukaartScope, module: { aanbiederId: string }): Decision {
  if (!actor) return 'not_found';
  const regio = rolesIn(actor, scope.regioId);
  const school = scope.scholen.flatMap((id) => rolesIn(actor, id));
  if (regio.length === 0 && school.length === 0) return 'not_found';
  if (regio.includes('beheerder')) return 'allow';
  return rolesIn(actor, module.aanbiederId).some((r) => INSCHRIJVING_ROLLEN.includes(r)) ? 'allow' : 'forbidden';
}

export interface KeuzeTelling {
  schooljaar: string;
  periode: string;
  status: 'aangevraagd' | 'goedgekeurd';
  aantal: number;
}

export interface PlaatsenPerPeriode {
  schooljaar: string;
  periode: string;
  capaciteit: number;
  goedgekeurd: number;
  aangevraagd: number;
  /** Places left: capacity minus approved and waiting choices (waiting choices hold a place, as when choosing). */
  vrij: number;
}

/** Per schooljaar and period with choices (and `altijd`, e.g. the current schooljaar): the places used and left. */
export function plaatsenPerPeriode(capaciteit: number, periode: string, tellingen: readonly KeuzeTelling[], altijd: readonly string[] = []): PlaatsenPerPeriode[] {
  const per = new Map<string, PlaatsenPerPeriode>();
  const rij = (schooljaar: string, p: string) => {
    const key = `${schooljaar}|${p}`;
    let r = per.get(key);
    if (!r) per.set(key, (r = { schooljaar, periode: p, capaciteit, goedgekeurd: 0, aangevraagd: 0, vrij: capaciteit }));
    return r;
  };
  for (const sj of altijd) rij(sj, periode);
  for (const t of tellingen) {
    const r = rij(t.schooljaar, t.periode);
    r[t.status] += t.aantal;
  }
  for (const r of per.values()) r.vrij = Math.max(0, r.capaciteit - r.goedgekeurd - r.aangevraagd);
  return [...per.values()].sort((a, b) => a.schooljaar.localeCompare(b.schooljaar) || a.periode.localeCompare(b.periode));
}

/** One pupil on the list: only what the provider needs to plan the module (no leerlingnummer, contact data or BSN). */
export interface InschrijvingRij {
  naam: string;
  school: string;
  leerweg: string | null;
  leerjaar: number;
  schooljaar: string;
  periode: string;
}

export const INSCHRIJVING_KOPPEN = ['Leerling', 'School', 'Leerweg', 'Leerjaar', 'Schooljaar', 'Periode'] as const;

export const PERIODE_TEKST: Record<string, string> = { P1: 'Periode 1', P2: 'Periode 2', P3: 'Periode 3', P4: 'Periode 4', jaar: 'Hele schooljaar' };

export function inschrijvingWaarden(r: InschrijvingRij): Array<string | number> {
  return [r.naam, r.school, r.leerweg ?? 'onbekend', r.leerjaar, r.schooljaar, PERIODE_TEKST[r.periode] ?? r.periode];
}

/** Sorted by schooljaar, period, school and name (Dutch collation). */
export function sorteerInschrijvingen<T extends InschrijvingRij>(rijen: readonly T[]): T[] {
  return [...rijen].sort(
    (a, b) => a.schooljaar.localeCompare(b.schooljaar) || a.periode.localeCompare(b.periode) || a.school.localeCompare(b.school, 'nl') || a.naam.localeCompare(b.naam, 'nl'),
  );
}

function csvVeld(v: string | number): string {
  let s = String(v);
  // A cell that a spreadsheet would run as a formula starts with a quote instead.
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[";\n\r,]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Semicolon-separated with a BOM, as Dutch spreadsheet programs open it. */
export function inschrijvingCsv(rijen: readonly InschrijvingRij[]): string {
  const lines = [[...INSCHRIJVING_KOPPEN], ...rijen.map(inschrijvingWaarden)].map((r) => r.map(csvVeld).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
