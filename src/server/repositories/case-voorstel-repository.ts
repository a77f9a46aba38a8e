/**
 * Imported links waiting for review (migration 0027, issue 18), scoped to one samenwerking; the use cases check
 * access first.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { RelatieType } from '../../domain/crosswalk/crosswalk.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface StoredVoorstel {
  eindtermId: string;
  werkprocesId: string;
  relatie: RelatieType | null;
  toelichting: string | null;
  bron: 'case' | 'xlsx';
  bronNaam: string | null;
  door: string | null;
  op: string;
}

export async function listVoorstellen(db: Db, partnershipId: string): Promise<StoredVoorstel[]> {
  const rows = await db
    .selectFrom('crosswalk_voorstel as v')
    .leftJoin('app_user as u', 'u.id', 'v.voorgesteld_door')
    .select(['v.eindterm_id', 'v.werkproces_id', 'v.relatie', 'v.toelichting', 'v.bron', 'v.bron_naam', 'v.voorgesteld_op', 'u.naam'])
    .where('v.partnership_id', '=', partnershipId)
    .orderBy('v.eindterm_id')
    .orderBy('v.werkproces_id')
    .execute();
  return rows.map((r) => ({
    eindtermId: r.eindterm_id,
    werkprocesId: r.werkproces_id,
    relatie: r.relatie as RelatieType | null,
    toelichting: r.toelichting,
    bron: r.bron,
    bronNaam: r.bron_naam,
    door: r.naam,
    op: new Date(r.voorgesteld_op).toISOString(),
  }));
}

export async function upsertVoorstel(
  db: Db,
  v: { partnershipId: string; eindtermId: string; werkprocesId: string; relatie: RelatieType | null; toelichting: string | null; bron: 'case' | 'xlsx'; bronNaam: string | null; userId: string },
): Promise<void> {
  await db
    .insertInto('crosswalk_voorstel')
    .values({
      partnership_id: v.partnershipId,
      eindterm_id: v.eindtermId,
      werkproces_id: v.werkprocesId,
      relatie: v.relatie,
      toelichting: v.toelichting,
      bron: v.bron,
      bron_naam: v.bronNaam,
      voorgesteld_door: v.userId,
    })
    .onConflict((oc) =>
      oc.columns(['partnership_id', 'eindterm_id', 'werkproces_id']).doUpdateSet({
        relatie: v.relatie,
        toelichting: v.toelichting,
        bron: v.bron,
        bron_naam: v.bronNaam,
        voorgesteld_door: v.userId,
        voorgesteld_op: new Date(),
      }),
    )
    .execute();
}

export async function deleteVoorstel(db: Db, partnershipId: string, eindtermId: string, werkprocesId: string): Promise<boolean> {
  const r = await db.deleteFrom('crosswalk_voorstel').where('partnership_id', '=', partnershipId).where('eindterm_id', '=', eindtermId).where('werkproces_id', '=', werkprocesId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
