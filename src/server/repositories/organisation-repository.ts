/**
 * Data access for managing an organisation: its data, vestigingen and memberships. The use cases
 * authorise first (beheerder of the organisation); every statement is scoped to that organisation.
 */
import type { Kysely, Transaction } from 'kysely';
import type { OrganisationKind, Role } from '../../domain/auth/rules.js';
import type { DB } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface OrganisationData {
  id: string;
  naam: string;
  soort: OrganisationKind;
  brin: string | null;
}

/** Reads and locks the organisation's row until the end of the transaction (member changes are serialised). */
export async function lockOrganisation(trx: Transaction<DB>, id: string): Promise<OrganisationData | undefined> {
  return trx.selectFrom('organisation').select(['id', 'naam', 'soort', 'brin']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function organisationNameTaken(db: Db, naam: string, exceptId: string): Promise<boolean> {
  const row = await db.selectFrom('organisation').select('id').where((eb) => eb(eb.fn('lower', ['naam']), '=', naam.toLowerCase())).where('id', '!=', exceptId).executeTakeFirst();
  return row !== undefined;
}

export async function updateOrganisation(db: Db, id: string, changes: { naam?: string; brin?: string | null }): Promise<void> {
  await db.updateTable('organisation').set(changes).where('id', '=', id).execute();
}

export interface VestigingRow {
  id: string;
  naam: string;
  brinVestiging: string | null;
}

export async function vestigingenOf(db: Db, organisationId: string): Promise<VestigingRow[]> {
  const rows = await db.selectFrom('vestiging').select(['id', 'naam', 'brin_vestiging']).where('organisation_id', '=', organisationId).orderBy('naam').execute();
  return rows.map((r) => ({ id: r.id, naam: r.naam, brinVestiging: r.brin_vestiging }));
}

export async function findVestiging(db: Db, organisationId: string, vestigingId: string): Promise<VestigingRow | undefined> {
  const r = await db
    .selectFrom('vestiging')
    .select(['id', 'naam', 'brin_vestiging'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', vestigingId)
    .executeTakeFirst();
  return r && { id: r.id, naam: r.naam, brinVestiging: r.brin_vestiging };
}

export async function vestigingNameTaken(db: Db, organisationId: string, naam: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('vestiging').select('id').where('organisation_id', '=', organisationId).where('naam', '=', naam);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function createVestiging(db: Db, organisationId: string, v: { naam: string; brinVestiging: string | null }): Promise<string> {
  const row = await db
    .insertInto('vestiging')
    .values({ organisation_id: organisationId, naam: v.naam, brin_vestiging: v.brinVestiging })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateVestiging(db: Db, organisationId: string, vestigingId: string, changes: { naam?: string; brin_vestiging?: string | null }): Promise<void> {
  await db.updateTable('vestiging').set(changes).where('organisation_id', '=', organisationId).where('id', '=', vestigingId).execute();
}

export async function deleteVestiging(db: Db, organisationId: string, vestigingId: string): Promise<boolean> {
  const rows = await db.deleteFrom('vestiging').where('organisation_id', '=', organisationId).where('id', '=', vestigingId).returning('id').execute();
  return rows.length > 0;
}

/** The roles of one user in the organisation. */
export async function rolesOfMember(db: Db, organisationId: string, userId: string): Promise<Role[]> {
  const rows = await db.selectFrom('membership').select('rol').where('organisation_id', '=', organisationId).where('user_id', '=', userId).orderBy('rol').execute();
  return rows.map((r) => r.rol);
}

/** The users with the beheerder role in the organisation. */
export async function beheerdersOf(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db.selectFrom('membership').select('user_id').where('organisation_id', '=', organisationId).where('rol', '=', 'beheerder').execute();
  return rows.map((r) => r.user_id);
}

/** Removes roles of a user in the organisation (all when `rol` is absent); the roles removed. */
export async function deleteMembership(db: Db, organisationId: string, userId: string, rol?: Role): Promise<Role[]> {
  let q = db.deleteFrom('membership').where('organisation_id', '=', organisationId).where('user_id', '=', userId);
  if (rol) q = q.where('rol', '=', rol);
  const rows = await q.returning('rol').execute();
  return rows.map((r) => r.rol);
}

/** Of the given organisations, those with at least one beheerder. */
export async function organisationsWithBeheerder(db: Db, organisationIds: readonly string[]): Promise<Set<string>> {
  if (organisationIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('membership')
    .select('organisation_id')
    .distinct()
    .where('organisation_id', 'in', [...organisationIds])
    .where('rol', '=', 'beheerder')
    .execute();
  return new Set(rows.map((r) => r.organisation_id));
}

/**
 * Who takes over as beheerder when the last one goes: the remaining member with a staff role (never a
 * leerling) who has held such a role in the organisation longest; ties by user id, so the choice is stable.
 */
export async function longestStandingStaffMember(
  db: Db,
  organisationId: string,
  exceptUserId: string,
  staffRoles: readonly Role[],
): Promise<{ userId: string; naam: string } | undefined> {
  const row = await db
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select((eb) => ['m.user_id', 'u.naam', eb.fn.min('m.created_at').as('sinds')])
    .where('m.organisation_id', '=', organisationId)
    .where('m.user_id', '<>', exceptUserId)
    .where('m.rol', 'in', [...staffRoles])
    .groupBy(['m.user_id', 'u.naam'])
    .orderBy('sinds')
    .orderBy('m.user_id')
    .limit(1)
    .executeTakeFirst();
  return row && { userId: row.user_id, naam: row.naam };
}
