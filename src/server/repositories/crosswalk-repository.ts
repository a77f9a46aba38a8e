/**
 * The crosswalk of a samenwerking (migration 0008): the current state of reviewed links, items marked "bewust niet
 * gekoppeld", and the append-only history of review actions. Every query is scoped to one partnership id; the use
 * cases check access first (use-cases/partnerships/access.ts). The public counts reveal no partnership.
 */
import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../db/schema.js';
import type { RelatieType } from '../../domain/crosswalk/crosswalk.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface StoredLink {
  eindtermId: string;
  werkprocesId: string;
  status: 'bevestigd' | 'afgewezen';
  herkomst: 'voorgesteld' | 'handmatig';
  relatie: RelatieType | null;
  toelichting: string | null;
  /** Who last reviewed it (confirmed, retyped, rejected, restored) and when. */
  door: string | null;
  op: string;
  /** Who first reviewed or added it and when (migration 0016); kept when someone else retypes it. */
  aangemaaktDoor: string | null;
  aangemaaktOp: string;
}

export interface StoredUnlinked {
  itemId: string;
  toelichting: string | null;
  door: string | null;
  op: string;
}

export interface StoredReview {
  id: number;
  eindtermId: string | null;
  werkprocesId: string | null;
  itemId: string | null;
  actie: string;
  relatie: RelatieType | null;
  toelichting: string | null;
  door: string | null;
  op: string;
}

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export async function listLinks(db: Db, partnershipId: string): Promise<StoredLink[]> {
  const rows = await db
    .selectFrom('crosswalk_link as l')
    .leftJoin('app_user as u', 'u.id', 'l.reviewed_by')
    .leftJoin('app_user as c', 'c.id', 'l.created_by')
    .select(['l.eindterm_id', 'l.werkproces_id', 'l.status', 'l.herkomst', 'l.relatie', 'l.toelichting', 'l.reviewed_at', 'u.naam', 'l.created_at', 'c.naam as aangemaakt_door'])
    .where('l.partnership_id', '=', partnershipId)
    .orderBy('l.eindterm_id')
    .orderBy('l.werkproces_id')
    .execute();
  return rows.map((r) => ({
    eindtermId: r.eindterm_id,
    werkprocesId: r.werkproces_id,
    status: r.status,
    herkomst: r.herkomst,
    relatie: r.relatie as RelatieType | null,
    toelichting: r.toelichting,
    door: r.naam,
    op: iso(r.reviewed_at),
    aangemaaktDoor: r.aangemaakt_door,
    aangemaaktOp: iso(r.created_at),
  }));
}

export async function findLink(db: Db, partnershipId: string, eindtermId: string, werkprocesId: string): Promise<StoredLink | null> {
  const all = await db
    .selectFrom('crosswalk_link as l')
    .leftJoin('app_user as u', 'u.id', 'l.reviewed_by')
    .leftJoin('app_user as c', 'c.id', 'l.created_by')
    .select(['l.eindterm_id', 'l.werkproces_id', 'l.status', 'l.herkomst', 'l.relatie', 'l.toelichting', 'l.reviewed_at', 'u.naam', 'l.created_at', 'c.naam as aangemaakt_door'])
    .where('l.partnership_id', '=', partnershipId)
    .where('l.eindterm_id', '=', eindtermId)
    .where('l.werkproces_id', '=', werkprocesId)
    .executeTakeFirst();
  if (!all) return null;
  return {
    eindtermId: all.eindterm_id,
    werkprocesId: all.werkproces_id,
    status: all.status,
    herkomst: all.herkomst,
    relatie: all.relatie as RelatieType | null,
    toelichting: all.toelichting,
    door: all.naam,
    op: iso(all.reviewed_at),
    aangemaaktDoor: all.aangemaakt_door,
    aangemaaktOp: iso(all.created_at),
  };
}

/** Forgets the reviewed state of a pair (a rejected suggestion restored: it is a suggestion again). The history stays. */
export async function deleteLink(db: Db, partnershipId: string, eindtermId: string, werkprocesId: string): Promise<void> {
  await db.deleteFrom('crosswalk_link').where('partnership_id', '=', partnershipId).where('eindterm_id', '=', eindtermId).where('werkproces_id', '=', werkprocesId).execute();
}

export async function upsertLink(
  db: Db,
  v: { partnershipId: string; eindtermId: string; werkprocesId: string; status: 'bevestigd' | 'afgewezen'; herkomst: 'voorgesteld' | 'handmatig'; relatie: RelatieType | null; toelichting: string | null; userId: string },
): Promise<void> {
  await db
    .insertInto('crosswalk_link')
    .values({
      partnership_id: v.partnershipId,
      eindterm_id: v.eindtermId,
      werkproces_id: v.werkprocesId,
      status: v.status,
      herkomst: v.herkomst,
      relatie: v.relatie,
      toelichting: v.toelichting,
      reviewed_by: v.userId,
      reviewed_at: sql<Date>`now()`,
      created_by: v.userId,
      created_at: sql<Date>`now()`,
    })
    // The first reviewer (created_by/created_at) stays; the last change is reviewed_by/reviewed_at.
    .onConflict((oc) =>
      oc.columns(['partnership_id', 'eindterm_id', 'werkproces_id']).doUpdateSet({
        status: v.status,
        herkomst: v.herkomst,
        relatie: v.relatie,
        toelichting: v.toelichting,
        reviewed_by: v.userId,
        reviewed_at: sql<Date>`now()`,
      }),
    )
    .execute();
}

export async function listUnlinked(db: Db, partnershipId: string): Promise<StoredUnlinked[]> {
  const rows = await db
    .selectFrom('crosswalk_unlinked as n')
    .leftJoin('app_user as u', 'u.id', 'n.marked_by')
    .select(['n.item_id', 'n.toelichting', 'n.marked_at', 'u.naam'])
    .where('n.partnership_id', '=', partnershipId)
    .orderBy('n.item_id')
    .execute();
  return rows.map((r) => ({ itemId: r.item_id, toelichting: r.toelichting, door: r.naam, op: iso(r.marked_at) }));
}

export async function setUnlinked(db: Db, v: { partnershipId: string; itemId: string; unlinked: boolean; toelichting: string | null; userId: string }): Promise<void> {
  if (!v.unlinked) {
    await db.deleteFrom('crosswalk_unlinked').where('partnership_id', '=', v.partnershipId).where('item_id', '=', v.itemId).execute();
    return;
  }
  await db
    .insertInto('crosswalk_unlinked')
    .values({ partnership_id: v.partnershipId, item_id: v.itemId, toelichting: v.toelichting, marked_by: v.userId, marked_at: sql<Date>`now()` })
    .onConflict((oc) => oc.columns(['partnership_id', 'item_id']).doUpdateSet({ toelichting: v.toelichting, marked_by: v.userId, marked_at: sql<Date>`now()` }))
    .execute();
}

export async function appendReview(
  db: Db,
  v: { partnershipId: string; eindtermId: string | null; werkprocesId: string | null; itemId: string | null; actie: string; relatie: RelatieType | null; toelichting: string | null; userId: string },
): Promise<void> {
  await db
    .insertInto('crosswalk_review')
    .values({
      partnership_id: v.partnershipId,
      eindterm_id: v.eindtermId,
      werkproces_id: v.werkprocesId,
      item_id: v.itemId,
      actie: v.actie,
      relatie: v.relatie,
      toelichting: v.toelichting,
      user_id: v.userId,
    })
    .execute();
}

export async function listReviews(db: Db, partnershipId: string, limit = 500): Promise<StoredReview[]> {
  const rows = await db
    .selectFrom('crosswalk_review as r')
    .leftJoin('app_user as u', 'u.id', 'r.user_id')
    .select(['r.id', 'r.eindterm_id', 'r.werkproces_id', 'r.item_id', 'r.actie', 'r.relatie', 'r.toelichting', 'r.at', 'u.naam'])
    .where('r.partnership_id', '=', partnershipId)
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    eindtermId: r.eindterm_id,
    werkprocesId: r.werkproces_id,
    itemId: r.item_id,
    actie: r.actie,
    relatie: r.relatie as RelatieType | null,
    toelichting: r.toelichting,
    door: r.naam,
    op: iso(r.at),
  }));
}

/**
 * How many samenwerkingen confirmed each link of these items (public: counts only, never which).
 * `side` says whether `ids` are eindtermen or mbo items. A samenwerking counts only with an accepted vmbo school and
 * an accepted mbo instelling (a lone school, or a proposal not yet answered, cannot make a link look confirmed).
 */
export async function confirmationCounts(db: Db, side: 'eindterm' | 'mbo', ids: readonly string[]): Promise<Array<{ eindtermId: string; werkprocesId: string; aantal: number }>> {
  if (ids.length === 0) return [];
  const column = side === 'eindterm' ? 'eindterm_id' : 'werkproces_id';
  const rows = await db
    .selectFrom('crosswalk_link')
    .select(['eindterm_id', 'werkproces_id', sql<number>`count(distinct partnership_id)::int`.as('aantal')])
    .where('status', '=', 'bevestigd')
    .where(column, 'in', [...ids])
    // Only a real samenwerking counts: an accepted (status lid) vmbo school and an accepted mbo instelling.
    .where(ofRealSamenwerking)
    .groupBy(['eindterm_id', 'werkproces_id'])
    .orderBy('eindterm_id')
    .orderBy('werkproces_id')
    .execute();
  return rows.map((r) => ({ eindtermId: r.eindterm_id, werkprocesId: r.werkproces_id, aantal: Number(r.aantal) }));
}

/** A crosswalk link of a real samenwerking: one with an accepted (lid) vmbo school and an accepted mbo instelling. */
export function ofRealSamenwerking(eb: ExpressionBuilder<DB, 'crosswalk_link'>) {
  return eb.and(
    (['vmbo-school', 'mbo-instelling'] as const).map((soort) =>
      eb.exists(
        eb
          .selectFrom('partnership_member as pm')
          .innerJoin('organisation as o', 'o.id', 'pm.organisation_id')
          .select('pm.organisation_id')
          .whereRef('pm.partnership_id', '=', 'crosswalk_link.partnership_id')
          .where('pm.status', '=', 'lid')
          .where('o.soort', '=', soort),
      ),
    ),
  );
}
