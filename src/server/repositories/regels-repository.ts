/**
 * SQL of the regelbank (migration 0018): docentinzet per samenwerking and schooljaar, and the "niet van toepassing"
 * marks of rules per leerroute. Every query is scoped to one partnership or route id; the use cases check access
 * first. Changes of docentinzet are conditional on the versie (a stale versie changes nothing).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

const iso = (d: Date | string) => new Date(d).toISOString();

export interface InzetRow {
  id: string;
  versie: number;
  schooljaar: string;
  naamOfRol: string;
  organisatie: { id: string; naam: string; soort: string };
  bevoegdheid: 'tweedegraads' | 'pedagogisch-didactisch-getuigschrift' | 'gastdocent';
  onderwijsAan: 'vmbo' | 'mbo';
  uren: number;
  gewijzigd: { door: string | null; op: string };
}

export interface InzetValues {
  schooljaar: string;
  naamOfRol: string;
  organisatieId: string;
  bevoegdheid: InzetRow['bevoegdheid'];
  onderwijsAan: InzetRow['onderwijsAan'];
  uren: number;
}

function selectInzet(db: Db) {
  return db
    .selectFrom('docentinzet as d')
    .innerJoin('organisation as o', 'o.id', 'd.organisation_id')
    .leftJoin('app_user as u', 'u.id', 'd.updated_by')
    .select(['d.id', 'd.versie', 'd.schooljaar', 'd.naam_of_rol', 'd.organisation_id', 'o.naam as organisatie_naam', 'o.soort as organisatie_soort', 'd.bevoegdheid', 'd.onderwijs_aan', 'd.uren', 'd.updated_at', 'u.naam as gewijzigd_door']);
}

function toInzet(r: {
  id: string; versie: number; schooljaar: string; naam_of_rol: string; organisation_id: string; organisatie_naam: string; organisatie_soort: string;
  bevoegdheid: string; onderwijs_aan: string; uren: string | number; updated_at: Date; gewijzigd_door: string | null;
}): InzetRow {
  return {
    id: r.id,
    versie: r.versie,
    schooljaar: r.schooljaar,
    naamOfRol: r.naam_of_rol,
    organisatie: { id: r.organisation_id, naam: r.organisatie_naam, soort: r.organisatie_soort },
    bevoegdheid: r.bevoegdheid as InzetRow['bevoegdheid'],
    onderwijsAan: r.onderwijs_aan as InzetRow['onderwijsAan'],
    uren: Number(r.uren),
    gewijzigd: { door: r.gewijzigd_door, op: iso(r.updated_at) },
  };
}

/** The docentinzet of a samenwerking, for one schooljaar or all, in a stable order. */
export async function listInzet(db: Db, partnershipId: string, schooljaar?: string): Promise<InzetRow[]> {
  let q = selectInzet(db).where('d.partnership_id', '=', partnershipId);
  if (schooljaar) q = q.where('d.schooljaar', '=', schooljaar);
  const rows = await q.orderBy('d.schooljaar').orderBy(sql`lower(d.naam_of_rol)`).orderBy('d.created_at').orderBy('d.id').execute();
  return rows.map(toInzet);
}

export async function findInzet(db: Db, partnershipId: string, id: string): Promise<InzetRow | undefined> {
  const row = await selectInzet(db).where('d.partnership_id', '=', partnershipId).where('d.id', '=', id).executeTakeFirst();
  return row && toInzet(row);
}

export async function insertInzet(db: Db, partnershipId: string, v: InzetValues, userId: string): Promise<string> {
  const row = await db
    .insertInto('docentinzet')
    .values({
      partnership_id: partnershipId,
      schooljaar: v.schooljaar,
      naam_of_rol: v.naamOfRol,
      organisation_id: v.organisatieId,
      bevoegdheid: v.bevoegdheid,
      onderwijs_aan: v.onderwijsAan,
      uren: v.uren,
      created_by: userId,
      updated_by: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes every field when the versie matches; false when it does not (or the row is gone). */
export async function updateInzet(db: Db, partnershipId: string, id: string, versie: number, v: InzetValues, userId: string): Promise<boolean> {
  const res = await db
    .updateTable('docentinzet')
    .set((eb) => ({
      schooljaar: v.schooljaar,
      naam_of_rol: v.naamOfRol,
      organisation_id: v.organisatieId,
      bevoegdheid: v.bevoegdheid,
      onderwijs_aan: v.onderwijsAan,
      uren: v.uren,
      versie: eb('versie', '+', 1),
      updated_by: userId,
      updated_at: sql<Date>`now()`,
    }))
    .where('partnership_id', '=', partnershipId)
    .where('id', '=', id)
    .where('versie', '=', versie)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function deleteInzet(db: Db, partnershipId: string, id: string, versie: number): Promise<boolean> {
  const res = await db.deleteFrom('docentinzet').where('partnership_id', '=', partnershipId).where('id', '=', id).where('versie', '=', versie).executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

// ---------------------------------------------------------------------------------------------------------------
// Marks
// ---------------------------------------------------------------------------------------------------------------

export interface MarkeringRow {
  regelId: string;
  reden: string;
  door: { id: string; naam: string };
  organisatie: { id: string; naam: string } | null;
  op: string;
}

export async function listMarkeringen(db: Db, routeId: string): Promise<MarkeringRow[]> {
  const rows = await db
    .selectFrom('regel_markering as m')
    .leftJoin('app_user as u', 'u.id', 'm.gemarkeerd_door')
    .leftJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select(['m.regel_id', 'm.reden', 'm.gemarkeerd_door', 'u.naam as door_naam', 'm.organisation_id', 'o.naam as organisatie_naam', 'm.gemarkeerd_at'])
    .where('m.leerroute_id', '=', routeId)
    .orderBy('m.regel_id')
    .execute();
  return rows.map((r) => ({
    regelId: r.regel_id,
    reden: r.reden,
    door: r.gemarkeerd_door ? { id: r.gemarkeerd_door, naam: r.door_naam ?? '(onbekend)' } : { id: '', naam: '(verwijderd account)' },
    organisatie: r.organisation_id ? { id: r.organisation_id, naam: r.organisatie_naam ?? '' } : null,
    op: iso(r.gemarkeerd_at),
  }));
}

export async function findMarkering(db: Db, routeId: string, regelId: string): Promise<{ reden: string } | undefined> {
  return db.selectFrom('regel_markering').select(['reden']).where('leerroute_id', '=', routeId).where('regel_id', '=', regelId).executeTakeFirst();
}

/** Sets (or replaces) the mark of a rule for a route. */
export async function upsertMarkering(db: Db, v: { routeId: string; regelId: string; reden: string; userId: string; organisationId: string | null }): Promise<void> {
  await db
    .insertInto('regel_markering')
    .values({ leerroute_id: v.routeId, regel_id: v.regelId, reden: v.reden, gemarkeerd_door: v.userId, organisation_id: v.organisationId })
    .onConflict((oc) => oc.columns(['leerroute_id', 'regel_id']).doUpdateSet({ reden: v.reden, gemarkeerd_door: v.userId, organisation_id: v.organisationId, gemarkeerd_at: sql<Date>`now()` }))
    .execute();
}

export async function deleteMarkering(db: Db, routeId: string, regelId: string): Promise<boolean> {
  const res = await db.deleteFrom('regel_markering').where('leerroute_id', '=', routeId).where('regel_id', '=', regelId).executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

/** Kind of each organisation (vmbo-school, mbo-instelling, regio), for the partners of a samenwerking. */
export async function organisationKinds(db: Db, ids: readonly string[]): Promise<Map<string, { naam: string; soort: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('organisation').select(['id', 'naam', 'soort']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, { naam: r.naam, soort: r.soort }]));
}

export async function partnershipName(db: Db, partnershipId: string): Promise<string | null> {
  const row = await db.selectFrom('partnership').select('naam').where('id', '=', partnershipId).executeTakeFirst();
  return row?.naam ?? null;
}
