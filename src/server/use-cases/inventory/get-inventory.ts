/**
 * The overlap inventory of a selection: public (suggestions only) or within a samenwerking (its reviews win over
 * suggestions: a rejected link is not suggested again there; items marked "bewust niet gekoppeld" stay Alleen …).
 */
import type { Kysely } from 'kysely';
import { can } from '../../../domain/auth/rules.js';
import type { Confidence } from '../../../domain/matching/alignment.js';
import { buildInventory, type Inventory } from '../../../domain/inventory/inventory.js';
import type { Inventaris } from '../../../shared/inventory-api.js';
import type { DB } from '../../db/schema.js';
import { snapshotOf, type CatalogSnapshot } from '../../read-models/catalogue-snapshot.js';
import * as crosswalk from '../../repositories/crosswalk-repository.js';
import { findPartnership } from '../../repositories/partnership-repository.js';
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

/** Pure part after loading: selection + aligner + reviews → inventory. Exported for the benchmark. */
export function computeInventory(
  snapshot: CatalogSnapshot,
  query: InventoryQuery,
  reviews: { links: crosswalk.StoredLink[]; unlinked: crosswalk.StoredUnlinked[] } = { links: [], unlinked: [] },
): { inventory: Inventory; resolved: ResolvedSelection } {
  const resolved = resolveSelection(snapshot, query);
  const suggestions = alignerOf(snapshot).align(resolved.eindtermTexts, resolved.mboTexts, { perEindterm: 3, min: 'zwak' });
  const inventory = buildInventory({
    eindtermen: resolved.eindtermen,
    mboItems: resolved.mboItems,
    suggestions,
    reviews: reviews.links,
    unlinked: reviews.unlinked,
    minConfidence: query.min ?? 'mogelijk',
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
  const { inventory, resolved } = computeInventory(snapshot, opts.query, { links, unlinked });
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
