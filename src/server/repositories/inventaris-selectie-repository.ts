/**
 * Saved selections of the overlap inventory (migration 0016): per samenwerking, a name and the selection. Every query
 * is scoped to one partnership id; the use cases check access first (use-cases/partnerships/access.ts). Changes are
 * conditional on the versie (optimistic concurrency: a stale versie changes nothing).
 */
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../db/schema.js';
import type { OpgeslagenSelectie, OpgeslagenSelectieInhoud } from '../../shared/inventory-api.js';

type Db = Kysely<DB> | Transaction<DB>;

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

function select(db: Db) {
  return db
    .selectFrom('inventaris_selectie as s')
    .leftJoin('app_user as c', 'c.id', 's.created_by')
    .leftJoin('app_user as u', 'u.id', 's.updated_by')
    .select(['s.id', 's.naam', 's.selectie', 's.versie', 's.created_at', 's.updated_at', 'c.naam as gemaakt_door', 'u.naam as gewijzigd_door']);
}

type Row = { id: string; naam: string; selectie: unknown; versie: number; created_at: Date; updated_at: Date; gemaakt_door: string | null; gewijzigd_door: string | null };

const toSelectie = (r: Row): OpgeslagenSelectie => ({
  id: r.id,
  naam: r.naam,
  selectie: json<OpgeslagenSelectieInhoud>(r.selectie),
  versie: r.versie,
  gemaaktDoor: r.gemaakt_door,
  gemaaktOp: iso(r.created_at),
  gewijzigdDoor: r.gewijzigd_door,
  gewijzigdOp: iso(r.updated_at),
});

export async function listSelecties(db: Db, partnershipId: string): Promise<OpgeslagenSelectie[]> {
  const rows = await select(db).where('s.partnership_id', '=', partnershipId).orderBy(sql`lower(s.naam)`).orderBy('s.id').execute();
  return rows.map((r) => toSelectie(r as Row));
}

export async function findSelectie(db: Db, partnershipId: string, id: string): Promise<OpgeslagenSelectie | null> {
  const row = await select(db).where('s.partnership_id', '=', partnershipId).where('s.id', '=', id).executeTakeFirst();
  return row ? toSelectie(row as Row) : null;
}

/** Whether another selection of the samenwerking has this name (regardless of capitals). */
export async function nameTaken(db: Db, partnershipId: string, naam: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('inventaris_selectie').select('id').where('partnership_id', '=', partnershipId).where(sql<string>`lower(naam)`, '=', naam.toLowerCase());
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertSelectie(db: Db, v: { partnershipId: string; naam: string; selectie: OpgeslagenSelectieInhoud; userId: string }): Promise<string> {
  const row = await db
    .insertInto('inventaris_selectie')
    .values({ partnership_id: v.partnershipId, naam: v.naam, selectie: JSON.stringify(v.selectie), created_by: v.userId, updated_by: v.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes name and/or selection when the versie matches; false when it does not (or the selection is gone). */
export async function updateSelectie(
  db: Db,
  v: { partnershipId: string; id: string; versie: number; naam?: string; selectie?: OpgeslagenSelectieInhoud; userId: string },
): Promise<boolean> {
  const res = await db
    .updateTable('inventaris_selectie')
    .set((eb) => ({
      ...(v.naam !== undefined ? { naam: v.naam } : {}),
      ...(v.selectie !== undefined ? { selectie: JSON.stringify(v.selectie) } : {}),
      versie: eb('versie', '+', 1),
      updated_by: v.userId,
      updated_at: sql<Date>`now()`,
    }))
    .where('partnership_id', '=', v.partnershipId)
    .where('id', '=', v.id)
    .where('versie', '=', v.versie)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Deletes when the versie matches; false when it does not (or the selection is gone). */
export async function deleteSelectie(db: Db, partnershipId: string, id: string, versie: number): Promise<boolean> {
  const res = await db.deleteFrom('inventaris_selectie').where('partnership_id', '=', partnershipId).where('id', '=', id).where('versie', '=', versie).executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}
