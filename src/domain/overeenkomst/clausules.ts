/**
 * The clause sets of the samenwerkingsovereenkomst (issue 13) as data: clausules.json holds, per soort, the required
 * and recommended clauses, and per clause its title, explanation, source (document and section) and the length below
 * which a text cannot mean anything. This module only reads and checks that file; no I/O.
 */
import type { OvereenkomstSoort } from '../../shared/overeenkomst-api.js';
import DATA from './clausules.json' with { type: 'json' };

export interface ClausuleDefinitie {
  id: string;
  titel: string;
  toelichting: string;
  bron: { document: string; sectie: string };
  minLengte: number;
}

export interface SoortDefinitie {
  naam: string;
  uitleg: string;
  verplicht: readonly string[];
  aanbevolen: readonly string[];
}

export interface ClausuleSet {
  versie: string;
  bron: string;
  soorten: Record<OvereenkomstSoort, SoortDefinitie>;
  clausules: readonly ClausuleDefinitie[];
}

export const CLAUSULESET: ClausuleSet = DATA as ClausuleSet;

const BY_ID = new Map(CLAUSULESET.clausules.map((c) => [c.id, c]));

export function clausuleById(id: string): ClausuleDefinitie | undefined {
  return BY_ID.get(id);
}

/** The clauses of a soort in the order of the agreement: required first (as listed), then recommended. */
export function clausulesVoor(soort: OvereenkomstSoort): Array<ClausuleDefinitie & { verplicht: boolean }> {
  const s = CLAUSULESET.soorten[soort];
  return [...s.verplicht.map((id) => ({ ...BY_ID.get(id)!, verplicht: true })), ...s.aanbevolen.map((id) => ({ ...BY_ID.get(id)!, verplicht: false }))];
}

/** Problems of the data file itself (unit-tested: empty on the shipped file). */
export function controleerClausuleset(set: ClausuleSet = CLAUSULESET): string[] {
  const problemen: string[] = [];
  const ids = new Set<string>();
  for (const c of set.clausules) {
    if (ids.has(c.id)) problemen.push(`clausule ${c.id} staat er twee keer in`);
    ids.add(c.id);
    if (!/^[a-z0-9-]{1,40}$/.test(c.id)) problemen.push(`clausule-id ${c.id} is ongeldig`);
    if (!c.titel.trim() || !c.toelichting.trim()) problemen.push(`clausule ${c.id} mist titel of toelichting`);
    if (!c.bron?.document?.trim() || !c.bron?.sectie?.trim()) problemen.push(`clausule ${c.id} mist een bron`);
    if (!(c.minLengte >= 1)) problemen.push(`clausule ${c.id} mist minLengte`);
  }
  for (const [soort, s] of Object.entries(set.soorten)) {
    const alle = [...s.verplicht, ...s.aanbevolen];
    for (const id of alle) if (!ids.has(id)) problemen.push(`soort ${soort} noemt onbekende clausule ${id}`);
    if (new Set(alle).size !== alle.length) problemen.push(`soort ${soort} noemt een clausule twee keer`);
  }
  return problemen;
}
