/**
 * Cohorts and their pupils (issue 14): the SQL of the pupil records a vmbo school keeps for a leerroute, and the
 * retention clean-up (pupil rows deleted, which cascades to registrations, forms, scores and requests; the cohort
 * keeps the counts). Dates are read as text (YYYY-MM-DD) so both drivers give the same.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Leerling, Opgeschoond } from '../../shared/leerlingen-api.js';
import type { DB } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface CohortRow {
  id: string;
  organisationId: string;
  organisatieNaam: string;
  leerrouteId: string;
  leerrouteNaam: string;
  partnershipId: string;
  naam: string;
  schooljaar: string;
  leerjaar: number;
  einddatum: string;
  bewaartermijnMaanden: number;
  opgeschoondAt: string | null;
  opgeschoond: Opgeschoond | null;
  versie: number;
  aantalLeerlingen: number;
}

const json = <T>(v: unknown): T | null => (v === null || v === undefined ? null : typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
const iso = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

function cohortQuery(db: Db) {
  return db
    .selectFrom('cohort as c')
    .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
    .innerJoin('leerroute as r', 'r.id', 'c.leerroute_id')
    .select([
      'c.id',
      'c.organisation_id',
      'o.naam as organisatie_naam',
      'c.leerroute_id',
      'r.naam as leerroute_naam',
      'r.partnership_id',
      'c.naam',
      'c.schooljaar',
      'c.leerjaar',
      sql<string>`to_char(c.einddatum, 'YYYY-MM-DD')`.as('einddatum'),
      'c.bewaartermijn_maanden',
      'c.opgeschoond_at',
      'c.opgeschoond',
      'c.versie',
      sql<string>`(SELECT count(*) FROM leerling l WHERE l.cohort_id = c.id)`.as('aantal'),
    ]);
}

type CohortSelect = Awaited<ReturnType<ReturnType<typeof cohortQuery>['executeTakeFirstOrThrow']>>;
const toCohort = (r: CohortSelect): CohortRow => ({
  id: r.id,
  organisationId: r.organisation_id,
  organisatieNaam: r.organisatie_naam,
  leerrouteId: r.leerroute_id,
  leerrouteNaam: r.leerroute_naam,
  partnershipId: r.partnership_id,
  naam: r.naam,
  schooljaar: r.schooljaar,
  leerjaar: r.leerjaar,
  einddatum: r.einddatum,
  bewaartermijnMaanden: r.bewaartermijn_maanden,
  opgeschoondAt: iso(r.opgeschoond_at),
  opgeschoond: json<Opgeschoond>(r.opgeschoond),
  versie: r.versie,
  aantalLeerlingen: Number(r.aantal),
});

export async function findCohort(db: Db, id: string): Promise<CohortRow | undefined> {
  const row = await cohortQuery(db).where('c.id', '=', id).executeTakeFirst();
  return row && toCohort(row);
}

/** The cohorts of a route owned by the given schools, newest schooljaar first. */
export async function listCohortsOfRoute(db: Db, routeId: string, organisationIds: readonly string[]): Promise<CohortRow[]> {
  if (organisationIds.length === 0) return [];
  const rows = await cohortQuery(db)
    .where('c.leerroute_id', '=', routeId)
    .where('c.organisation_id', 'in', [...organisationIds])
    .orderBy('c.schooljaar', 'desc')
    .orderBy('c.leerjaar')
    .orderBy('c.naam')
    .execute();
  return rows.map(toCohort);
}

export async function insertCohort(
  db: Db,
  c: { organisationId: string; leerrouteId: string; naam: string; schooljaar: string; leerjaar: number; einddatum: string; bewaartermijnMaanden: number; userId: string },
): Promise<string> {
  const row = await db
    .insertInto('cohort')
    .values({
      organisation_id: c.organisationId,
      leerroute_id: c.leerrouteId,
      naam: c.naam,
      schooljaar: c.schooljaar,
      leerjaar: c.leerjaar,
      einddatum: c.einddatum,
      bewaartermijn_maanden: c.bewaartermijnMaanden,
      created_by: c.userId,
      updated_by: c.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes the settings when `versie` is still current; false: stale (or gone). */
export async function updateCohort(
  db: Db,
  id: string,
  versie: number,
  c: Partial<{ naam: string; schooljaar: string; leerjaar: number; einddatum: string; bewaartermijnMaanden: number }>,
  userId: string,
): Promise<boolean> {
  const res = await db
    .updateTable('cohort')
    .set({
      ...(c.naam !== undefined ? { naam: c.naam } : {}),
      ...(c.schooljaar !== undefined ? { schooljaar: c.schooljaar } : {}),
      ...(c.leerjaar !== undefined ? { leerjaar: c.leerjaar } : {}),
      ...(c.einddatum !== undefined ? { einddatum: c.einddatum } : {}),
      ...(c.bewaartermijnMaanden !== undefined ? { bewaartermijn_maanden: c.bewaartermijnMaanden } : {}),
      versie: sql`versie + 1`,
      updated_by: userId,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('versie', '=', versie)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Locks the cohort row until the transaction ends (changes to one cohort's pupils go one by one). */
export async function lockCohort(trx: Transaction<DB>, id: string): Promise<void> {
  await trx.selectFrom('cohort').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
}

const leerlingColumns = [
  'id',
  'leerlingnummer',
  'roepnaam',
  'tussenvoegsel',
  'achternaam',
  'klas',
  'leerweg',
  sql<string | null>`to_char(geboortedatum, 'YYYY-MM-DD')`.as('geboortedatum'),
  'eck_id',
  'account_id',
  'versie',
] as const;

type LeerlingSelect = {
  id: string;
  leerlingnummer: string;
  roepnaam: string;
  tussenvoegsel: string;
  achternaam: string;
  klas: string;
  leerweg: 'BB' | 'KB' | 'GL' | 'TL' | null;
  geboortedatum: string | null;
  eck_id: string | null;
  account_id: string | null;
  versie: number;
};
const toLeerling = (r: LeerlingSelect): Leerling => ({
  id: r.id,
  leerlingnummer: r.leerlingnummer,
  roepnaam: r.roepnaam,
  tussenvoegsel: r.tussenvoegsel,
  achternaam: r.achternaam,
  klas: r.klas,
  leerweg: r.leerweg,
  geboortedatum: r.geboortedatum,
  eckId: r.eck_id,
  heeftAccount: r.account_id !== null,
  versie: r.versie,
});

/** The pupils of a cohort, by klas, achternaam, roepnaam. */
export async function listLeerlingen(db: Db, cohortId: string): Promise<Leerling[]> {
  const rows = await db.selectFrom('leerling').select(leerlingColumns).where('cohort_id', '=', cohortId).orderBy('klas').orderBy('achternaam').orderBy('roepnaam').orderBy('leerlingnummer').execute();
  return rows.map((r) => toLeerling(r as LeerlingSelect));
}

export async function findLeerling(db: Db, cohortId: string, leerlingId: string): Promise<Leerling | undefined> {
  const row = await db.selectFrom('leerling').select(leerlingColumns).where('cohort_id', '=', cohortId).where('id', '=', leerlingId).executeTakeFirst();
  return row && toLeerling(row as LeerlingSelect);
}

export interface LeerlingWaarden {
  leerlingnummer: string;
  roepnaam: string;
  tussenvoegsel: string;
  achternaam: string;
  klas: string;
  leerweg: 'BB' | 'KB' | 'GL' | 'TL' | null;
  geboortedatum: string | null;
  eckId: string | null;
}

const values = (l: LeerlingWaarden) => ({
  leerlingnummer: l.leerlingnummer,
  roepnaam: l.roepnaam,
  tussenvoegsel: l.tussenvoegsel,
  achternaam: l.achternaam,
  klas: l.klas,
  leerweg: l.leerweg,
  geboortedatum: l.geboortedatum,
  eck_id: l.eckId,
});

export async function insertLeerlingen(db: Db, cohortId: string, organisationId: string, leerlingen: readonly LeerlingWaarden[]): Promise<string[]> {
  if (leerlingen.length === 0) return [];
  const ids: string[] = [];
  // In chunks: one statement per 500 pupils keeps the parameter count far below the limits.
  for (let i = 0; i < leerlingen.length; i += 500) {
    const rows = await db
      .insertInto('leerling')
      .values(leerlingen.slice(i, i + 500).map((l) => ({ ...values(l), cohort_id: cohortId, organisation_id: organisationId })))
      .returning('id')
      .execute();
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

/** Updates a pupil; with `versie`: only when it is still current. False: stale or gone. */
export async function updateLeerling(db: Db, cohortId: string, id: string, l: Partial<LeerlingWaarden>, versie?: number): Promise<boolean> {
  const set = Object.fromEntries(Object.entries(values({ ...(l as LeerlingWaarden) })).filter(([, v]) => v !== undefined));
  let q = db
    .updateTable('leerling')
    .set({ ...set, versie: sql`versie + 1`, updated_at: new Date() })
    .where('cohort_id', '=', cohortId)
    .where('id', '=', id);
  if (versie !== undefined) q = q.where('versie', '=', versie);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function deleteLeerling(db: Db, cohortId: string, id: string): Promise<boolean> {
  const res = await db.deleteFrom('leerling').where('cohort_id', '=', cohortId).where('id', '=', id).executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

/** Another pupil of the cohort with this leerlingnummer (case-insensitive)? */
export async function leerlingnummerBezet(db: Db, cohortId: string, leerlingnummer: string, behalve?: string): Promise<boolean> {
  let q = db.selectFrom('leerling').select('id').where('cohort_id', '=', cohortId).where(sql<boolean>`lower(leerlingnummer) = ${leerlingnummer.toLowerCase()}`);
  if (behalve) q = q.where('id', '<>', behalve);
  return (await q.executeTakeFirst()) !== undefined;
}

/** The vmbo schools among the given organisations, by name. */
export async function vmboSchools(db: Db, organisationIds: readonly string[]): Promise<Array<{ id: string; naam: string }>> {
  if (organisationIds.length === 0) return [];
  return db.selectFrom('organisation').select(['id', 'naam']).where('id', 'in', [...organisationIds]).where('soort', '=', 'vmbo-school').orderBy('naam').execute();
}

/**
 * Links the pupil record to an account (accepting the invitation sent for it); undefined when the pupil is gone, and
 * 'ander-account' when the record already belongs to another account (a second invitation sent before the first was
 * accepted): a record is never moved to another account.
 */
export async function linkAccount(db: Db, leerlingId: string, userId: string): Promise<{ cohortId: string; organisationId: string } | 'ander-account' | undefined> {
  const row = await db
    .updateTable('leerling')
    .set({ account_id: userId, updated_at: new Date(), versie: sql`versie + 1` })
    .where('id', '=', leerlingId)
    .where((eb) => eb.or([eb('account_id', 'is', null), eb('account_id', '=', userId)]))
    .returning(['cohort_id', 'organisation_id'])
    .executeTakeFirst();
  if (row) return { cohortId: row.cohort_id, organisationId: row.organisation_id };
  return (await db.selectFrom('leerling').select('id').where('id', '=', leerlingId).executeTakeFirst()) ? 'ander-account' : undefined;
}

// ---- retention -------------------------------------------------------------------------------------------------

export interface BewaarRow {
  id: string;
  organisationId: string;
  naam: string;
  einddatum: string;
  bewaartermijnMaanden: number;
  opgeschoondAt: null;
}

/** The cohorts whose pupils are still kept (candidates for the retention job). */
export async function cohortsNotCleaned(db: Db): Promise<BewaarRow[]> {
  const rows = await db
    .selectFrom('cohort')
    .select(['id', 'organisation_id', 'naam', sql<string>`to_char(einddatum, 'YYYY-MM-DD')`.as('einddatum'), 'bewaartermijn_maanden'])
    .where('opgeschoond_at', 'is', null)
    .execute();
  return rows.map((r) => ({ id: r.id, organisationId: r.organisation_id, naam: r.naam, einddatum: r.einddatum, bewaartermijnMaanden: r.bewaartermijn_maanden, opgeschoondAt: null }));
}

/**
 * Removes a cohort's pupils, keeping the counts: claims the cohort with a conditional update (only one instance wins;
 * a cohort already cleaned is left alone and gives undefined), counts, then deletes the pupil rows (cascading).
 */
export async function cleanCohort(trx: Transaction<DB>, cohortId: string, now: Date): Promise<Opgeschoond | undefined> {
  const claimed = await trx
    .updateTable('cohort')
    .set({ opgeschoond_at: now, updated_at: now, versie: sql`versie + 1` })
    .where('id', '=', cohortId)
    .where('opgeschoond_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!claimed) return undefined;
  const n = (v: unknown) => Number(v ?? 0);
  const counts = await sql<{ leerlingen: string; inschrijvingen: string; beoordelingen: string; behaald: string }>`
    SELECT
      (SELECT count(*) FROM leerling WHERE cohort_id = ${cohortId}) AS leerlingen,
      (SELECT count(*) FROM examen_inschrijving i JOIN leerling l ON l.id = i.leerling_id WHERE l.cohort_id = ${cohortId}) AS inschrijvingen,
      (SELECT count(*) FROM beoordeling b JOIN leerling l ON l.id = b.leerling_id WHERE l.cohort_id = ${cohortId}) AS beoordelingen,
      (SELECT count(DISTINCT b.leerling_id) FROM beoordeling b JOIN leerling l ON l.id = b.leerling_id WHERE l.cohort_id = ${cohortId} AND b.keuzedeel_resultaat = 'behaald') AS behaald
  `.execute(trx);
  const c = counts.rows[0]!;
  const opgeschoond: Opgeschoond = { leerlingen: n(c.leerlingen), inschrijvingen: n(c.inschrijvingen), beoordelingen: n(c.beoordelingen), behaald: n(c.behaald) };
  await trx.deleteFrom('leerling').where('cohort_id', '=', cohortId).execute();
  await trx.updateTable('cohort').set({ opgeschoond: JSON.stringify(opgeschoond) }).where('id', '=', cohortId).execute();
  return opgeschoond;
}

/** The pupil record linked to an account, with its cohort's school (the pupil's own view). */
export async function leerlingenOfAccount(db: Db, userId: string): Promise<Array<{ id: string; cohortId: string; organisationId: string }>> {
  const rows = await db.selectFrom('leerling').select(['id', 'cohort_id', 'organisation_id']).where('account_id', '=', userId).execute();
  return rows.map((r) => ({ id: r.id, cohortId: r.cohort_id, organisationId: r.organisation_id }));
}
