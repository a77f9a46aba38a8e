/**
 * Read model of the leerroute-ontwerper (ADR 8): the doelen of a route's selection (eindtermen, werkprocessen,
 * keuzedelen) per catalogue snapshot. Every change answers with the whole route, so the doelen of a selection are
 * resolved once per catalogue version (by use-cases/leerroutes/context.ts) and kept here, on the snapshot: a new
 * catalogue version starts afresh. At most MAX_SELECTIONS selections per snapshot; then it starts again.
 */
import type { LeerrouteDetail, LeerrouteDoel } from '../../shared/leerroute-api.js';
import type { RouteSettings } from '../repositories/leerroute-repository.js';
import type { CatalogSnapshot } from './catalogue-snapshot.js';

export interface RouteDoelen {
  doelen: LeerrouteDoel[];
  selectie: Pick<LeerrouteDetail, 'vmbo' | 'mbo'>;
  opmerkingen: string[];
}

export const MAX_SELECTIONS = 500;

const doelen = new WeakMap<CatalogSnapshot, Map<string, RouteDoelen>>();

/** The doelen of this selection in this catalogue: kept, or resolved by `resolve` and kept. */
export function leerrouteDoelenOf(snapshot: CatalogSnapshot, s: RouteSettings, resolve: () => RouteDoelen): RouteDoelen {
  let perSnapshot = doelen.get(snapshot);
  if (!perSnapshot) doelen.set(snapshot, (perSnapshot = new Map()));
  const key = JSON.stringify([s.vmbo.profiel, s.vmbo.leerweg, s.vmbo.profielmodulen, s.vmbo.keuzevakken, s.mbo.kwalificatie, s.mbo.keuzedelen]);
  let hit = perSnapshot.get(key);
  if (!hit) {
    if (perSnapshot.size >= MAX_SELECTIONS) perSnapshot.clear();
    hit = resolve();
    perSnapshot.set(key, hit);
  }
  return hit;
}
