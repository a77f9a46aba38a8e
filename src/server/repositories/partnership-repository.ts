/**
 * Data access for samenwerkingen (partnerships) and their partner organisations. Reads that return
 * joint data take the ids of the organisations the asking user may act for; the use cases ask the
 * rules first (use-cases/partnerships/access.ts).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { OrganisationKind, Role } from '../../shared/roles.js';
import type { DB } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;
export type PartnerStatus = 'voorgesteld' | 'lid';

export interface PartnerRow {
  partnershipId: string;
  id: string;
  naam: string;
  soort: OrganisationKind;
  brin: string | null;
  status: PartnerStatus;
  voorgesteldDoor: string | null;
}

export interface PartnershipRow {
  id: string;
  naam: string;
  createdAt: Date;
}

export async function findPartnership(db: Db, id: string): Promise<PartnershipRow | undefined> {
  const row = await db.selectFrom('partnership').select(['id', 'naam', 'created_at']).where('id', '=', id).executeTakeFirst();
  return row && { id: row.id, naam: row.naam, createdAt: new Date(row.created_at) };
}

/** Locks the samenwerking's row until the end of the transaction (changes to its members are serialised). */
export async function lockPartnership(trx: Transaction<DB>, id: string): Promise<PartnershipRow | undefined> {
  const row = await trx.selectFrom('partnership').select(['id', 'naam', 'created_at']).where('id', '=', id).forUpdate().executeTakeFirst();
  return row && { id: row.id, naam: row.naam, createdAt: new Date(row.created_at) };
}

/**
 * The organisations that are members (status 'lid') of the samenwerking. Proposed ones are not: a proposed
 * organisation has no access until its beheerder accepts (migration 0007).
 */
export async function memberOrganisationIds(db: Db, partnershipId: string): Promise<string[]> {
  const rows = await db.selectFrom('partnership_member').select('organisation_id').where('partnership_id', '=', partnershipId).where('status', '=', 'lid').execute();
  return rows.map((r) => r.organisation_id);
}

/** The partner organisations (members and proposals) of the given samenwerkingen, by name. */
export async function partnersOf(db: Db, partnershipIds: readonly string[]): Promise<PartnerRow[]> {
  if (partnershipIds.length === 0) return [];
  const rows = await db
    .selectFrom('partnership_member as pm')
    .innerJoin('organisation as o', 'o.id', 'pm.organisation_id')
    .leftJoin('organisation as v', 'v.id', 'pm.voorgesteld_door')
    .select(['pm.partnership_id', 'o.id', 'o.naam', 'o.soort', 'o.brin', 'pm.status', 'v.naam as voorgesteld_door'])
    .where('pm.partnership_id', 'in', partnershipIds)
    .orderBy('o.naam')
    .execute();
  return rows.map((r) => ({
    partnershipId: r.partnership_id,
    id: r.id,
    naam: r.naam,
    soort: r.soort,
    brin: r.brin,
    status: r.status,
    voorgesteldDoor: r.voorgesteld_door,
  }));
}

/** Samenwerkingen in which one of `organisationIds` has the given status, with which of them. */
export async function partnershipsOfOrganisations(
  db: Db,
  organisationIds: readonly string[],
  status: PartnerStatus,
): Promise<Array<PartnershipRow & { organisations: Array<{ id: string; naam: string }> }>> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('partnership_member as pm')
    .innerJoin('partnership as p', 'p.id', 'pm.partnership_id')
    .innerJoin('organisation as o', 'o.id', 'pm.organisation_id')
    .select(['p.id', 'p.naam', 'p.created_at', 'o.id as org_id', 'o.naam as org_naam'])
    .where('pm.organisation_id', 'in', organisationIds)
    .where('pm.status', '=', status)
    .orderBy('p.naam')
    .orderBy('p.id')
    .orderBy('o.naam')
    .execute();
  const byId = new Map<string, PartnershipRow & { organisations: Array<{ id: string; naam: string }> }>();
  for (const r of rows) {
    const p = byId.get(r.id) ?? { id: r.id, naam: r.naam, createdAt: new Date(r.created_at), organisations: [] };
    p.organisations.push({ id: r.org_id, naam: r.org_naam });
    byId.set(r.id, p);
  }
  return [...byId.values()];
}

export interface PeopleRow {
  naam: string;
  organisationId: string;
  organisationNaam: string;
  rollen: Role[];
}

/** Staff (no leerlingen) of the member organisations of a samenwerking: names, organisation and roles only. */
export async function peopleOfPartnership(db: Db, partnershipId: string): Promise<PeopleRow[]> {
  const rows = await db
    .selectFrom('membership as m')
    .innerJoin('partnership_member as pm', (j) => j.onRef('pm.organisation_id', '=', 'm.organisation_id').on('pm.partnership_id', '=', partnershipId).on('pm.status', '=', 'lid'))
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select(['u.id', 'u.naam', 'o.id as org_id', 'o.naam as org_naam', 'm.rol'])
    .where('m.rol', '!=', 'leerling')
    .orderBy('o.naam')
    .orderBy('u.naam')
    .orderBy('u.id')
    .orderBy('m.rol')
    .execute();
  const byKey = new Map<string, PeopleRow>();
  for (const r of rows) {
    const key = `${r.org_id}/${r.id}`;
    const p = byKey.get(key) ?? { naam: r.naam, organisationId: r.org_id, organisationNaam: r.org_naam, rollen: [] };
    p.rollen.push(r.rol);
    byKey.set(key, p);
  }
  return [...byKey.values()];
}

export async function createPartnership(db: Db, naam: string, founderOrganisationId: string): Promise<string> {
  const row = await db.insertInto('partnership').values({ naam }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('partnership_member').values({ partnership_id: row.id, organisation_id: founderOrganisationId, status: 'lid' }).execute();
  return row.id;
}

export async function renamePartnership(db: Db, id: string, naam: string): Promise<void> {
  await db.updateTable('partnership').set({ naam }).where('id', '=', id).execute();
}

export async function partnerStatus(db: Db, partnershipId: string, organisationId: string): Promise<PartnerStatus | undefined> {
  const row = await db
    .selectFrom('partnership_member')
    .select('status')
    .where('partnership_id', '=', partnershipId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return row?.status;
}

/** A proposal; false when the organisation is already a partner or proposed. */
export async function insertProposal(db: Db, p: { partnershipId: string; organisationId: string; proposedBy: string }): Promise<boolean> {
  const rows = await db
    .insertInto('partnership_member')
    .values({ partnership_id: p.partnershipId, organisation_id: p.organisationId, status: 'voorgesteld', voorgesteld_door: p.proposedBy })
    .onConflict((oc) => oc.columns(['partnership_id', 'organisation_id']).doNothing())
    .returning('organisation_id')
    .execute();
  return rows.length > 0;
}

/** Turns a proposal into membership; false when there was no open proposal. */
export async function acceptProposal(db: Db, partnershipId: string, organisationId: string): Promise<boolean> {
  const rows = await db
    .updateTable('partnership_member')
    .set({ status: 'lid', updated_at: sql<Date>`now()` })
    .where('partnership_id', '=', partnershipId)
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'voorgesteld')
    .returning('organisation_id')
    .execute();
  return rows.length > 0;
}

/** Removes a partner row with the given status; false when there was none. */
export async function deletePartner(db: Db, partnershipId: string, organisationId: string, status: PartnerStatus): Promise<boolean> {
  const rows = await db
    .deleteFrom('partnership_member')
    .where('partnership_id', '=', partnershipId)
    .where('organisation_id', '=', organisationId)
    .where('status', '=', status)
    .returning('organisation_id')
    .execute();
  return rows.length > 0;
}

/** Removes the open proposals of a samenwerking; returns the organisations that were proposed. */
export async function deleteProposals(db: Db, partnershipId: string): Promise<string[]> {
  const rows = await db.deleteFrom('partnership_member').where('partnership_id', '=', partnershipId).where('status', '=', 'voorgesteld').returning('organisation_id').execute();
  return rows.map((r) => r.organisation_id);
}

/** The organisation directory: public facts of schools and instellingen, by name, optionally filtered. */
export async function searchDirectory(db: Db, q: string | undefined, limit = 25): Promise<Array<{ id: string; naam: string; soort: OrganisationKind; brin: string | null }>> {
  let query = db.selectFrom('organisation').select(['id', 'naam', 'soort', 'brin']).where('soort', 'in', ['vmbo-school', 'mbo-instelling']).orderBy('naam').limit(limit);
  const term = q?.trim();
  if (term) {
    const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('naam', 'ilike', pattern), eb('brin', 'ilike', pattern)]));
  }
  return query.execute();
}
