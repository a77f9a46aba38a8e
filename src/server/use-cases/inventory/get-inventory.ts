/**
 * The overlap inventory of a selection: public (suggestions only) or within a samenwerking (its reviews win over
 * suggestions: a rejected link is not suggested again there; items marked "bewust niet gekoppeld" stay Alleen …).
 * Issue 17: what the other samenwerkingen confirmed or rejected about the selection's pairs raises or lowers the
 * suggestions, with a label (counts only: which samenwerkingen is never read out of the repository's rows).
 */
import type { Kysely } from 'kysely';
import { can } from '../../../domain/auth/rules.js';
import type { Confidence } from '../../../domain/matching/alignment.js';
import { buildInventory, pairKey, type Inventory, type SuggestedLink } from '../../../domain/inventory/inventory.js';
import { paarOordelen, stelVoor, type PaarOordeel } from '../../../domain/matching/pair-evidence.js';
import type { Inventaris } from '../../../shared/inventory-api.js';
import type { DB } from '../../db/schema.js';
import { snapshotOf, type CatalogSnapshot } from '../../read-models/catalogue-snapshot.js';
import * as crosswalk from '../../repositories/crosswalk-repository.js';
import { findPartnership } from '../../repositories/partnership-repository.js';
import { pairReviewsElsewhere } from '../../repositories/pair-evidence-repository.js';
import { notFound } from '../../errors.js';
import type { AuthContext } from '../../access/context.js';
import { authorizePartnership, PARTNERSHIP_NOT_FOUND } from '../../access/partnership.js';
import { alignerOf } from './aligner.js';
import { resolveSelection, type ResolvedSelection, type SelectionInput } from './selection.js';

export interface InventoryQuery extends SelectionInput {
  min?: Confidence;
}

export interface ComputedInventory {
  inventaris: Inventaris;
  inventory: Inventory;
  resolved: ResolvedSelection;
  snapshot: CatalogSnapshot;
}

/**
 * Pure part after loading: selection + aligner + reviews (+ what other samenwerkingen said, per pair) → inventory.
 * Exported for the benchmarks. `elders` may be a function of the resolved selection (the pairs it holds).
 */
export function computeInventory(
  snapshot: CatalogSnapshot,
  query: InventoryQuery,
  reviews: { links: crosswalk.StoredLink[]; unlinked: crosswalk.StoredUnlinked[] } = { links: [], unlinked: [] },
  elders?: ReadonlyMap<string, PaarOordeel> | ((resolved: ResolvedSelection) => ReadonlyMap<string, PaarOordeel>),
): { inventory: Inventory; resolved: ResolvedSelection } {
  return inventoryOf(snapshot, resolveSelection(snapshot, query), query, reviews, elders);
}

function inventoryOf(
  snapshot: CatalogSnapshot,
  resolved: ResolvedSelection,
  query: InventoryQuery,
  reviews: { links: crosswalk.StoredLink[]; unlinked: crosswalk.StoredUnlinked[] },
  eldersIn?: ReadonlyMap<string, PaarOordeel> | ((resolved: ResolvedSelection) => ReadonlyMap<string, PaarOordeel>),
): { inventory: Inventory; resolved: ResolvedSelection } {
  const aligner = alignerOf(snapshot);
  const suggestions: SuggestedLink[] = aligner.align(resolved.eindtermTexts, resolved.mboTexts, { perEindterm: 3, min: 'zwak' });
  const elders = typeof eldersIn === 'function' ? eldersIn(resolved) : eldersIn;
  if (elders && elders.size > 0) {
    // A pair confirmed elsewhere that the aligner did not rank among an eindterm's best: its own score and band.
    const known = new Set(suggestions.map((s) => pairKey(s.eindtermId, s.werkprocesId)));
    const eTexts = new Map(resolved.eindtermTexts.map((e) => [e.id, e]));
    const wTexts = new Map(resolved.mboTexts.map((w) => [w.id, w]));
    for (const [key, o] of elders) {
      if (known.has(key) || !stelVoor(o)) continue;
      const [eindtermId, werkprocesId] = key.split('\u0000') as [string, string];
      const e = eTexts.get(eindtermId);
      const w = wTexts.get(werkprocesId);
      if (e && w) suggestions.push(...aligner.align([e], [w], { perEindterm: 1, min: 'zwak' }));
    }
  }
  const inventory = buildInventory({
    eindtermen: resolved.eindtermen,
    mboItems: resolved.mboItems,
    suggestions,
    reviews: reviews.links,
    unlinked: reviews.unlinked,
    minConfidence: query.min ?? 'mogelijk',
    ...(elders ? { elders } : {}),
  });
  return { inventory, resolved };
}

export async function computeInventoryFor(opts: { db: Kysely<DB>; auth?: AuthContext | null; partnershipId?: string; query: InventoryQuery }): Promise<ComputedInventory> {
  let samenwerking: Inventaris['samenwerking'] = null;
  let magBeoordelen = false;
  let links: crosswalk.StoredLink[] = [];
  let unlinked: crosswalk.StoredUnlinked[] = [];
  if (opts.partnershipId !== undefined) {
    const access = await authorizePartnership({ db: opts.db, auth: opts.auth ?? null, partnershipId: opts.partnershipId, action: 'partnership.read' });
    magBeoordelen = can(access.auth.actor, 'partnership.write', { type: 'partnership', memberOrganisationIds: access.memberOrganisationIds });
    const partnership = await findPartnership(opts.db, opts.partnershipId);
    if (!partnership) throw notFound(PARTNERSHIP_NOT_FOUND);
    samenwerking = { id: partnership.id, naam: partnership.naam };
    [links, unlinked] = await Promise.all([crosswalk.listLinks(opts.db, opts.partnershipId), crosswalk.listUnlinked(opts.db, opts.partnershipId)]);
  }
  const snapshot = await snapshotOf(opts.db);
  const resolved = resolveSelection(snapshot, opts.query);
  // Issue 17: the other samenwerkingen' reviews of this selection's pairs (all of them for the public inventory).
  const elsewhere = await pairReviewsElsewhere(opts.db, {
    eindtermIds: resolved.eindtermen.map((e) => e.id),
    werkprocesIds: resolved.mboItems.map((w) => w.id),
    exceptPartnershipId: opts.partnershipId ?? null,
  });
  const { inventory } = inventoryOf(snapshot, resolved, opts.query, { links, unlinked }, paarOordelen(elsewhere, opts.partnershipId));
  const inventaris: Inventaris = {
    samenwerking,
    magBeoordelen,
    selectie: resolved.selectie,
    vmbo: inventory.vmbo,
    mbo: inventory.mbo,
    links: inventory.links,
    afgewezen: inventory.afgewezen,
    genegeerd: inventory.genegeerd,
    totalen: inventory.totalen,
    opmerkingen: resolved.opmerkingen,
  };
  return { inventaris, inventory, resolved, snapshot };
}

export async function getInventory(opts: { db: Kysely<DB>; auth?: AuthContext | null; partnershipId?: string; query: InventoryQuery }): Promise<Inventaris> {
  return (await computeInventoryFor(opts)).inventaris;
}
