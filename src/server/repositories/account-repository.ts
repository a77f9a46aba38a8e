/**
 * Data access for users, organisations and memberships. Reads of organisation data take the id of the
 * user who asks and only return what that user's memberships reach (tenant scoping in SQL).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Membership } from '../../domain/auth/rules.js';
import type { OrganisationKind, Role } from '../../shared/roles.js';
import type { DB } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface UserRow {
  id: string;
  email: string;
  naam: string;
  passwordHash: string | null;
  /** May upload tables into the national catalogue (migration 0009). */
  platformBeheerder: boolean;
}

export interface MembershipInfo extends Membership {
  organisationNaam: string;
  soort: OrganisationKind;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const row = await db.selectFrom('app_user').select(['id', 'email', 'naam', 'password_hash', 'platform_beheerder']).where('email', '=', email.toLowerCase()).executeTakeFirst();
  return row && { id: row.id, email: row.email, naam: row.naam, passwordHash: row.password_hash, platformBeheerder: row.platform_beheerder };
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const row = await db.selectFrom('app_user').select(['id', 'email', 'naam', 'password_hash', 'platform_beheerder']).where('id', '=', id).executeTakeFirst();
  return row && { id: row.id, email: row.email, naam: row.naam, passwordHash: row.password_hash, platformBeheerder: row.platform_beheerder };
}

export async function insertUser(db: Db, user: { email: string; naam: string; passwordHash: string | null }): Promise<string> {
  const row = await db
    .insertInto('app_user')
    .values({ email: user.email.toLowerCase(), naam: user.naam, password_hash: user.passwordHash })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The users with these e-mail addresses (any of them may be missing). */
export async function findUsersByEmails(db: Db, emails: readonly string[]): Promise<UserRow[]> {
  if (emails.length === 0) return [];
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'email', 'naam', 'password_hash', 'platform_beheerder'])
    .where('email', 'in', emails.map((e) => e.toLowerCase()))
    .orderBy('email')
    .execute();
  return rows.map((row) => ({ id: row.id, email: row.email, naam: row.naam, passwordHash: row.password_hash, platformBeheerder: row.platform_beheerder }));
}

/**
 * No password sign-in and no platform right any more: the password hash is removed (null, as for an SSO-only
 * account) and app_user.platform_beheerder is switched off. Memberships stay.
 */
export async function blockPasswordSignIn(db: Db, userId: string): Promise<void> {
  await db.updateTable('app_user').set({ password_hash: null, platform_beheerder: false }).where('id', '=', userId).execute();
}

/** Gives the user the platform right to load the national catalogue (app_user.platform_beheerder, migration 0009). */
export async function grantPlatformBeheerder(db: Db, userId: string): Promise<void> {
  await db.updateTable('app_user').set({ platform_beheerder: true }).where('id', '=', userId).execute();
}

/** The e-mail addresses of an organisation's beheerders, sorted (to tell them about a proposal). */
export async function beheerderEmailsOf(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select('u.email')
    .where('m.organisation_id', '=', organisationId)
    .where('m.rol', '=', 'beheerder')
    .orderBy('u.email')
    .execute();
  return rows.map((r) => r.email);
}

export async function membershipsOf(db: Db, userId: string): Promise<MembershipInfo[]> {
  const rows = await db
    .selectFrom('membership as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select(['m.organisation_id', 'm.rol', 'o.naam', 'o.soort'])
    .where('m.user_id', '=', userId)
    .orderBy('o.naam')
    .orderBy('m.rol')
    .execute();
  return rows.map((r) => ({ organisationId: r.organisation_id, rol: r.rol, organisationNaam: r.naam, soort: r.soort }));
}

/** Adds a role; false when the user already had it. */
export async function insertMembership(db: Db, m: { userId: string; organisationId: string; rol: Role }): Promise<boolean> {
  const rows = await db
    .insertInto('membership')
    .values({ user_id: m.userId, organisation_id: m.organisationId, rol: m.rol })
    .onConflict((oc) => oc.doNothing())
    .returning('rol')
    .execute();
  return rows.length > 0;
}

export interface OrganisationRow {
  id: string;
  naam: string;
  soort: OrganisationKind;
  brin: string | null;
  vestigingen: Array<{ naam: string; brinVestiging: string | null }>;
}

/** The organisations `userId` belongs to (any role). */
export async function organisationsOfUser(db: Db, userId: string, organisationId?: string): Promise<OrganisationRow[]> {
  let q = db
    .selectFrom('organisation as o')
    .select(['o.id', 'o.naam', 'o.soort', 'o.brin'])
    .where((eb) => eb.exists(eb.selectFrom('membership as m').select('m.rol').whereRef('m.organisation_id', '=', 'o.id').where('m.user_id', '=', userId)))
    .orderBy('o.naam');
  if (organisationId !== undefined) q = q.where('o.id', '=', organisationId);
  const orgs = await q.execute();
  if (orgs.length === 0) return [];
  const vestigingen = await db
    .selectFrom('vestiging')
    .select(['organisation_id', 'naam', 'brin_vestiging'])
    .where('organisation_id', 'in', orgs.map((o) => o.id))
    .orderBy('naam')
    .execute();
  return orgs.map((o) => ({
    ...o,
    vestigingen: vestigingen.filter((v) => v.organisation_id === o.id).map((v) => ({ naam: v.naam, brinVestiging: v.brin_vestiging })),
  }));
}

export interface MemberRow {
  userId: string;
  naam: string;
  email: string;
  rollen: Role[];
}

/** Members of an organisation, only when `actorUserId` is a member of it too (else empty). */
export async function membersOf(db: Db, actorUserId: string, organisationId: string, onlyUserId?: string): Promise<MemberRow[]> {
  let q = db
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.naam', 'u.email', 'm.rol'])
    .where('m.organisation_id', '=', organisationId)
    .where((eb) =>
      eb.exists(eb.selectFrom('membership as a').select('a.rol').where('a.organisation_id', '=', organisationId).where('a.user_id', '=', actorUserId)),
    )
    .orderBy('u.naam')
    .orderBy('u.id')
    .orderBy('m.rol');
  if (onlyUserId !== undefined) q = q.where('u.id', '=', onlyUserId);
  const rows = await q.execute();
  const byUser = new Map<string, MemberRow>();
  for (const r of rows) {
    const m = byUser.get(r.id) ?? { userId: r.id, naam: r.naam, email: r.email, rollen: [] };
    m.rollen.push(r.rol);
    byUser.set(r.id, m);
  }
  return [...byUser.values()];
}

export async function findOrganisationByName(db: Db, naam: string): Promise<{ id: string; soort: OrganisationKind } | undefined> {
  return db.selectFrom('organisation').select(['id', 'soort']).where('naam', '=', naam).executeTakeFirst();
}

export async function insertOrganisation(db: Db, o: { naam: string; soort: OrganisationKind; brin?: string | null; regioId?: string | null }): Promise<string> {
  const row = await db
    .insertInto('organisation')
    .values({ naam: o.naam, soort: o.soort, brin: o.brin ?? null, regio_id: o.regioId ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertVestiging(db: Db, v: { organisationId: string; naam: string; brinVestiging: string | null }): Promise<void> {
  await db.insertInto('vestiging').values({ organisation_id: v.organisationId, naam: v.naam, brin_vestiging: v.brinVestiging }).execute();
}

export async function insertPartnership(db: Db, naam: string, organisationIds: string[]): Promise<string> {
  const row = await db.insertInto('partnership').values({ naam }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('partnership_member').values(organisationIds.map((organisation_id) => ({ partnership_id: row.id, organisation_id }))).execute();
  return row.id;
}

export async function countAccounts(db: Db): Promise<{ users: number; organisations: number }> {
  const u = await db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const o = await db.selectFrom('organisation').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { users: Number(u.n), organisations: Number(o.n) };
}

export async function setPasswordHash(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable('app_user').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

export async function findOrganisationById(db: Db, id: string): Promise<{ id: string; naam: string; soort: OrganisationKind } | undefined> {
  return db.selectFrom('organisation').select(['id', 'naam', 'soort']).where('id', '=', id).executeTakeFirst();
}
