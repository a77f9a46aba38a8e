/**
 * Coverage of an exam plan (issue 14): the keuzedeel exam is leading and must also cover the vmbo keuzevak, so every
 * eindterm of the keuzevak must be assessed by at least one beoordelingscriterium of the plan. Pure: the eindtermen
 * come from the vmbo catalogue and the suggestions from the samenwerking's confirmed crosswalk links, both read by
 * the caller.
 */
import type { ExamenOnderdeel } from '../../shared/examen-api.js';

export interface DekkingEindterm {
  id: string;
  code: string;
  titel: string;
}

export interface DekkingRegel extends DekkingEindterm {
  /** The criteria that assess this eindterm (empty: a gap). */
  criteria: Array<{ onderdeelId: string; criteriumId: string; omschrijving: string }>;
}

export interface Dekking {
  eindtermen: DekkingRegel[];
  /** The eindtermen that no criterion assesses, in catalogue order. */
  gaten: DekkingEindterm[];
  gedekt: number;
  totaal: number;
  /** Eindtermen named by a criterion that are not eindtermen of this keuzevak (e.g. after a catalogue change). */
  onbekend: string[];
}

/** Which criteria cover which eindterm of the keuzevak, and the gaps. */
export function dekking(eindtermen: readonly DekkingEindterm[], onderdelen: readonly Pick<ExamenOnderdeel, 'id' | 'criteria'>[]): Dekking {
  const bekend = new Set(eindtermen.map((e) => e.id));
  const per = new Map<string, DekkingRegel['criteria']>(eindtermen.map((e) => [e.id, []]));
  const onbekend = new Set<string>();
  for (const o of onderdelen) {
    for (const c of o.criteria) {
      for (const id of new Set(c.eindtermen)) {
        if (bekend.has(id)) per.get(id)!.push({ onderdeelId: o.id, criteriumId: c.id, omschrijving: c.omschrijving });
        else onbekend.add(id);
      }
    }
  }
  const regels = eindtermen.map((e) => ({ id: e.id, code: e.code, titel: e.titel, criteria: per.get(e.id)! }));
  const gaten = regels.filter((r) => r.criteria.length === 0).map(({ id, code, titel }) => ({ id, code, titel }));
  return { eindtermen: regels, gaten, gedekt: regels.length - gaten.length, totaal: regels.length, onbekend: [...onbekend] };
}

/** The gaps the examencommissie accepted still cover today's gaps: every open gap was among those accepted. */
export function gatenGeaccepteerd(gaten: readonly DekkingEindterm[], geaccepteerd: readonly string[] | null | undefined): boolean {
  if (gaten.length === 0) return true;
  if (!geaccepteerd) return false;
  const set = new Set(geaccepteerd);
  return gaten.every((g) => set.has(g.id));
}

export interface CrosswalkKoppeling {
  eindtermId: string;
  werkprocesId: string;
  status: 'bevestigd' | 'afgewezen';
}

/** Per eindterm of the keuzevak the mbo items (werkprocessen, keuzedeel) it is confirmed to match: help for writing criteria. */
export function suggesties(eindtermen: readonly DekkingEindterm[], links: readonly CrosswalkKoppeling[]): Map<string, string[]> {
  const ids = new Set(eindtermen.map((e) => e.id));
  const out = new Map<string, string[]>();
  for (const l of links) {
    if (l.status !== 'bevestigd' || !ids.has(l.eindtermId)) continue;
    const list = out.get(l.eindtermId) ?? [];
    if (!list.includes(l.werkprocesId)) list.push(l.werkprocesId);
    out.set(l.eindtermId, list);
  }
  return out;
}
