/**
 * Issue 16: what a national release touches. Pure: the changes of one import (catalogue items whose text changed,
 * that are vervallen — with or without a successor — or new) are indexed once by item id; every usage of the work of
 * the samenwerkingen (a crosswalk link, a route's settings, a planningsregel, a toets …) is then checked against that
 * index, so the cost is linear in the size of the work plus the size of the change. Successors of the mbo side follow
 * the lineage the catalogue keeps (same dossier, name and niveau under a new crebo); a werkproces moves with its
 * kwalificatie when the new crebo has the same code. No I/O.
 */

export const ITEM_SOORTEN = ['eindterm', 'werkproces', 'keuzedeel', 'keuzevak', 'kwalificatie'] as const;
export type ItemSoort = (typeof ITEM_SOORTEN)[number];
export type WijzigingSoort = 'tekst' | 'vervallen' | 'vervangen' | 'nieuw';
export const GEBRUIK_SOORTEN = ['koppeling', 'markering', 'route', 'planning', 'toets', 'activiteit', 'examen', 'examenplan', 'menukaart', 'overeenkomst'] as const;
export type GebruikSoort = (typeof GEBRUIK_SOORTEN)[number];

export interface CatalogChange {
  itemId: string;
  soort: ItemSoort;
  wijziging: WijzigingSoort;
  code: string | null;
  oudeTekst: string | null;
  nieuweTekst: string | null;
  opvolgerId: string | null;
  opvolgerHerkomst: 'bron' | 'suggestie' | null;
  opvolgerTekst: string | null;
}

/** One piece of work that names catalogue items. */
export interface WorkUsage {
  partnershipId: string;
  gebruik: GebruikSoort;
  gebruikId: string;
  leerrouteId: string | null;
  /** A short Dutch description without personal data ("planning leerjaar 3, periode 1 van route X"). */
  omschrijving: string;
  itemIds: readonly string[];
}

export interface ImpactFinding {
  partnershipId: string;
  itemId: string;
  gebruik: GebruikSoort;
  gebruikId: string;
  leerrouteId: string | null;
  omschrijving: string;
}

export interface ImpactCounts {
  /** Changed items that some work refers to. */
  items: number;
  samenwerkingen: number;
  gebruik: number;
}

/** Item ids of the route settings that are not inventory ids. */
export const keuzevakItemId = (code: string) => `keuzevak:${code}`;
export const kwalificatieItemId = (crebo: string) => `kwalificatie:${crebo}`;

/** Only changes that can break work: a new item breaks nothing. */
export const matters = (c: Pick<CatalogChange, 'wijziging'>) => c.wijziging !== 'nieuw';

/** The findings: each usage × each of its items that changed (in a way that matters), each pair once. */
export function findImpact(changes: readonly CatalogChange[], usages: Iterable<WorkUsage>): ImpactFinding[] {
  const changed = new Set<string>();
  for (const c of changes) if (matters(c)) changed.add(c.itemId);
  const out: ImpactFinding[] = [];
  if (changed.size === 0) return out;
  const seen = new Set<string>();
  for (const u of usages) {
    for (const itemId of u.itemIds) {
      if (!changed.has(itemId)) continue;
      const key = `${u.partnershipId}|${itemId}|${u.gebruik}|${u.gebruikId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ partnershipId: u.partnershipId, itemId, gebruik: u.gebruik, gebruikId: u.gebruikId, leerrouteId: u.leerrouteId, omschrijving: u.omschrijving });
    }
  }
  return out;
}

export function impactCounts(findings: readonly ImpactFinding[]): ImpactCounts {
  return {
    items: new Set(findings.map((f) => f.itemId)).size,
    samenwerkingen: new Set(findings.map((f) => f.partnershipId)).size,
    gebruik: findings.length,
  };
}

/** A kwalificatie as the lineage needs it. */
export interface KwalificatieLijn {
  crebo: string;
  dossierCrebo: string;
  naam: string;
  niveau: number;
}

const lineageKey = (k: KwalificatieLijn) =>
  `${k.dossierCrebo}|${k.naam.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim()}|${k.niveau}`;

/**
 * The successor of each vervallen kwalificatie: the active kwalificatie of the same lineage (same dossier, name and
 * niveau), the newest crebo first. Where the lineage has none, no successor (the caller may offer a suggestion).
 */
export function kwalificatieOpvolgers(vervallen: readonly KwalificatieLijn[], actief: readonly KwalificatieLijn[]): Map<string, string> {
  const byLine = new Map<string, string>();
  for (const k of actief) {
    const key = lineageKey(k);
    const best = byLine.get(key);
    if (best === undefined || k.crebo > best) byLine.set(key, k.crebo);
  }
  const out = new Map<string, string>();
  for (const v of vervallen) {
    const next = byLine.get(lineageKey(v));
    if (next !== undefined && next !== v.crebo) out.set(v.crebo, next);
  }
  return out;
}

/** `crebo:code` under the successor crebo, when that werkproces exists there. */
export function werkprocesOpvolger(itemId: string, creboOpvolgers: ReadonlyMap<string, string>, bestaat: (id: string) => boolean): string | null {
  const m = /^(\d{5}):(.+)$/.exec(itemId);
  if (!m) return null;
  const next = creboOpvolgers.get(m[1]!);
  if (next === undefined) return null;
  const id = `${next}:${m[2]!}`;
  return bestaat(id) ? id : null;
}

/** A list of item ids with `from` replaced by `to` (kept in place, never twice). */
export function replaceItem(list: readonly string[], from: string, to: string): string[] {
  const out: string[] = [];
  for (const id of list) {
    const next = id === from ? to : id;
    if (!out.includes(next)) out.push(next);
  }
  return out;
}

export const removeItem = (list: readonly string[], id: string): string[] => list.filter((x) => x !== id);

/** The code a route setting stores for an item id (`keuzevak:K/PIE/1` → K/PIE/1; `keuzedeel:K0072` → K0072). */
export function settingCode(itemId: string): { soort: 'keuzevak' | 'kwalificatie' | 'keuzedeel'; code: string } | null {
  const m = /^(keuzevak|kwalificatie|keuzedeel):(.+)$/.exec(itemId);
  return m ? { soort: m[1] as 'keuzevak' | 'kwalificatie' | 'keuzedeel', code: m[2]! } : null;
}

/** What a repair action does to one usage, in words (the preview). */
export function beschrijfActie(actie: 'verplaatsen' | 'behouden' | 'verwijderen', f: { omschrijving: string }, van: string, naar: string | null): string {
  if (actie === 'verplaatsen') return `${f.omschrijving}: ${van} wordt ${naar ?? '(geen opvolger)'}`;
  if (actie === 'verwijderen') return `${f.omschrijving}: ${van} wordt verwijderd`;
  return `${f.omschrijving}: ${van} blijft staan (gecontroleerd)`;
}

/** One planningsregel that names a changed item, in words (no personal data). */
export const plekOmschrijving = (p: { routeNaam: string; leerjaar: number; periode: number }) => `planning van leerroute ‘${p.routeNaam}’, leerjaar ${p.leerjaar} periode ${p.periode}`;

/** The planning entry of an item for a whole samenwerking, in words: how many routes and regels plan it now. */
export function planningOmschrijving(plekken: ReadonlyArray<{ leerrouteId: string }>): string {
  if (plekken.length === 0) return 'planning van de leerroutes (nergens meer gepland)';
  const routes = new Set(plekken.map((p) => p.leerrouteId)).size;
  return `planning van ${routes} ${routes === 1 ? 'leerroute' : 'leerroutes'} (${plekken.length} ${plekken.length === 1 ? 'planningsregel' : 'planningsregels'})`;
}

/** Where old and new text of an item differ: title or description (not its position). */
export const tekstVan = (title: string, description: string | null | undefined) => (description ? `${title} — ${description}` : title);
