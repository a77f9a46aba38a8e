/**
 * The joint exam, its plan versions and the registration of pupils (issue 14). Every query is scoped by an exam,
 * route or cohort id that the use case has opened (server/access/examen.ts) first. Pupils' rows are read only for the
 * registration list and its export, which the use cases audit.
 */
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
const day = (d: Date | string | null): string | null => {
  if (d === null) return null;
  if (typeof d === 'string') return d.slice(0, 10);
  // A date column comes back as local midnight in node-postgres and PGlite: the calendar day as stored.
  const y = d.getFullYear();
  return `${y}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export interface PartnerOrg {
  id: string;
  naam: string;
  soort: 'vmbo-school' | 'mbo-instelling' | 'regio';
}

/** The accepted partner organisations of a samenwerking. */
export async function partnerOrgs(db: Db, partnershipId: string): Promise<PartnerOrg[]> {
  return db
    .selectFrom('partnership_member as pm')
    .innerJoin('organisation as o', 'o.id', 'pm.organisation_id')
    .select(['o.id', 'o.naam', 'o.soort'])
    .where('pm.partnership_id', '=', partnershipId)
    .where('pm.status', '=', 'lid')
    .orderBy('o.naam')
    .execute();
}

export interface CohortRow {
  id: string;
  organisationId: string;
  leerrouteId: string;
  naam: string;
  schooljaar: string;
  leerjaar: number;
}

export async function findCohort(db: Db, cohortId: string): Promise<CohortRow | undefined> {
  const r = await db.selectFrom('cohort').select(['id', 'organisation_id', 'leerroute_id', 'naam', 'schooljaar', 'leerjaar']).where('id', '=', cohortId).executeTakeFirst();
  return r && { id: r.id, organisationId: r.organisation_id, leerrouteId: r.leerroute_id, naam: r.naam, schooljaar: r.schooljaar, leerjaar: r.leerjaar };
}

/** The cohorts of a route with their school's name (no pupils). */
export async function cohortsOfRoute(db: Db, routeId: string): Promise<Array<{ id: string; naam: string; schooljaar: string; leerjaar: number; school: string; organisationId: string }>> {
  const rows = await db
    .selectFrom('cohort as c')
    .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
    .select(['c.id', 'c.naam', 'c.schooljaar', 'c.leerjaar', 'o.naam as school', 'c.organisation_id'])
    .where('c.leerroute_id', '=', routeId)
    .where('c.opgeschoond_at', 'is', null)
    .orderBy('c.schooljaar', 'desc')
    .orderBy('c.naam')
    .execute();
  return rows.map((r) => ({ id: r.id, naam: r.naam, schooljaar: r.schooljaar, leerjaar: r.leerjaar, school: r.school, organisationId: r.organisation_id }));
}

/** Members of an organisation with a role, by name (the candidates for 1st and 2nd assessor). */
export async function membersWithRole(db: Db, organisationId: string, rol: 'examinator' | 'beoordelaar'): Promise<Array<{ id: string; naam: string }>> {
  return db
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.naam'])
    .where('m.organisation_id', '=', organisationId)
    .where('m.rol', '=', rol)
    .orderBy('u.naam')
    .execute();
}

export async function userNaam(db: Db, userId: string): Promise<string> {
  return (await db.selectFrom('app_user').select('naam').where('id', '=', userId).executeTakeFirst())?.naam ?? '';
}

/** The toetsen of the route's PTA (part of the pta, or of both pta and examenplan). */
export async function ptaToetsen(db: Db, routeId: string): Promise<Array<{ id: string; toetscode: string; naam: string; leerjaar: number; periode: number }>> {
  return db
    .selectFrom('leerroute_toets')
    .select(['id', 'toetscode', 'naam', 'leerjaar', 'periode'])
    .where('leerroute_id', '=', routeId)
    .where('onderdeel_van', 'in', ['pta', 'beide'])
    .orderBy('leerjaar')
    .orderBy('periode')
    .orderBy('toetscode')
    .execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Exams
// ---------------------------------------------------------------------------------------------------------------

export interface ExamenRow {
  id: string;
  partnershipId: string;
  leerrouteId: string;
  leerrouteNaam: string;
  leerrouteType: string;
  cohort: { id: string; naam: string; schooljaar: string; leerjaar: number };
  vmbo: { id: string; naam: string };
  mbo: { id: string; naam: string };
  keuzedeelCode: string;
  keuzevakCode: string | null;
  grondslag: 'extraneus' | 'gezamenlijk-pta-oer';
  resultatenVastgesteld: boolean;
  /** Newest version's status and the newest vastgesteld version (null: none). */
  planStatus: 'concept' | 'ingediend' | 'vastgesteld' | 'vervangen' | null;
  vastgesteldeVersie: number | null;
}

function examenQuery(db: Db) {
  return db
    .selectFrom('examen as e')
    .innerJoin('leerroute as r', 'r.id', 'e.leerroute_id')
    .innerJoin('cohort as c', 'c.id', 'e.cohort_id')
    .innerJoin('organisation as v', 'v.id', 'e.vmbo_organisation_id')
    .innerJoin('organisation as m', 'm.id', 'e.mbo_organisation_id')
    .select([
      'e.id', 'e.partnership_id', 'e.leerroute_id', 'r.naam as route_naam', 'r.type as route_type', 'c.id as cohort_id', 'c.naam as cohort_naam', 'c.schooljaar', 'c.leerjaar',
      'v.id as vmbo_id', 'v.naam as vmbo_naam', 'm.id as mbo_id', 'm.naam as mbo_naam', 'e.keuzedeel_code', 'e.keuzevak_id', 'e.grondslag', 'e.resultaten_vastgesteld_at', 'e.created_at',
    ])
    .select((eb) => [
      eb.selectFrom('examenplan as p').select('p.status').whereRef('p.examen_id', '=', 'e.id').orderBy('p.versienummer', 'desc').limit(1).as('plan_status'),
      eb.selectFrom('examenplan as p').select('p.versienummer').whereRef('p.examen_id', '=', 'e.id').where('p.status', '=', 'vastgesteld').orderBy('p.versienummer', 'desc').limit(1).as('vastgesteld_versie'),
    ]);
}

type ExamenQueryRow = Awaited<ReturnType<ReturnType<typeof examenQuery>['executeTakeFirstOrThrow']>>;
function toExamen(r: ExamenQueryRow): ExamenRow {
  return {
    id: r.id,
    partnershipId: r.partnership_id,
    leerrouteId: r.leerroute_id,
    leerrouteNaam: r.route_naam,
    leerrouteType: r.route_type,
    cohort: { id: r.cohort_id, naam: r.cohort_naam, schooljaar: r.schooljaar, leerjaar: r.leerjaar },
    vmbo: { id: r.vmbo_id, naam: r.vmbo_naam },
    mbo: { id: r.mbo_id, naam: r.mbo_naam },
    keuzedeelCode: r.keuzedeel_code,
    keuzevakCode: r.keuzevak_id,
    grondslag: r.grondslag,
    resultatenVastgesteld: r.resultaten_vastgesteld_at !== null,
    planStatus: (r.plan_status ?? null) as ExamenRow['planStatus'],
    vastgesteldeVersie: r.vastgesteld_versie ?? null,
  };
}

export async function findExamen(db: Db, examenId: string): Promise<ExamenRow | undefined> {
  const r = await examenQuery(db).where('e.id', '=', examenId).executeTakeFirst();
  return r && toExamen(r);
}

export async function examensOfRoute(db: Db, routeId: string): Promise<ExamenRow[]> {
  return (await examenQuery(db).where('e.leerroute_id', '=', routeId).orderBy('e.created_at').orderBy('e.id').execute()).map(toExamen);
}

/** Exams of which one of the organisations is the vmbo or mbo party (the caller filters by role). */
export async function examensOfOrganisations(db: Db, organisationIds: readonly string[]): Promise<ExamenRow[]> {
  if (organisationIds.length === 0) return [];
  const ids = [...organisationIds];
  return (
    await examenQuery(db)
      .where((eb) => eb.or([eb('e.vmbo_organisation_id', 'in', ids), eb('e.mbo_organisation_id', 'in', ids)]))
      .orderBy('e.created_at')
      .orderBy('e.id')
      .limit(500)
      .execute()
  ).map(toExamen);
}

export async function insertExamen(
  db: Db,
  v: { partnershipId: string; leerrouteId: string; cohortId: string; vmboOrganisationId: string; mboOrganisationId: string; keuzedeelCode: string; keuzevakCode: string | null; grondslag: 'extraneus' | 'gezamenlijk-pta-oer'; userId: string },
): Promise<string> {
  const r = await db
    .insertInto('examen')
    .values({
      partnership_id: v.partnershipId,
      leerroute_id: v.leerrouteId,
      cohort_id: v.cohortId,
      vmbo_organisation_id: v.vmboOrganisationId,
      mbo_organisation_id: v.mboOrganisationId,
      keuzedeel_code: v.keuzedeelCode,
      keuzevak_id: v.keuzevakCode,
      grondslag: v.grondslag,
      created_by: v.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

// ---------------------------------------------------------------------------------------------------------------
// Plan versions
// ---------------------------------------------------------------------------------------------------------------

export interface PlanRow {
  id: string;
  examenId: string;
  versienummer: number;
  status: 'concept' | 'ingediend' | 'vastgesteld' | 'vervangen';
  inhoud: unknown;
  dekkingAkkoord: { reden: string; door: string; naam: string; at: string; gaten: string[] } | null;
  teruggestuurd: { reden: string; door: string; naam: string; at: string } | null;
  ingediend: { at: string; naam: string } | null;
  vastgesteld: { at: string; naam: string } | null;
  gewijzigd: { at: string; naam: string } | null;
  versie: number;
}

export async function plansOf(db: Db, examenId: string): Promise<PlanRow[]> {
  const rows = await db
    .selectFrom('examenplan as p')
    .leftJoin('app_user as i', 'i.id', 'p.ingediend_by')
    .leftJoin('app_user as u', 'u.id', 'p.updated_by')
    .select([
      'p.id', 'p.examen_id', 'p.versienummer', 'p.status', 'p.inhoud', 'p.dekking_akkoord', 'p.teruggestuurd', 'p.ingediend_at', 'i.naam as ingediend_naam', 'p.vastgesteld_at', 'p.vastgesteld_naam',
      'p.updated_at', 'u.naam as updated_naam', 'p.versie',
    ])
    .where('p.examen_id', '=', examenId)
    .orderBy('p.versienummer', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    examenId: r.examen_id,
    versienummer: r.versienummer,
    status: r.status,
    inhoud: json(r.inhoud),
    dekkingAkkoord: json(r.dekking_akkoord) ?? null,
    teruggestuurd: json(r.teruggestuurd) ?? null,
    ingediend: r.ingediend_at ? { at: iso(r.ingediend_at), naam: r.ingediend_naam ?? '' } : null,
    vastgesteld: r.vastgesteld_at ? { at: iso(r.vastgesteld_at), naam: r.vastgesteld_naam ?? '' } : null,
    gewijzigd: { at: iso(r.updated_at), naam: r.updated_naam ?? '' },
    versie: r.versie,
  }));
}

/** Locks the exam row: one change of its plans at a time. */
export async function lockExamen(trx: Transaction<DB>, examenId: string): Promise<void> {
  await trx.selectFrom('examen').select('id').where('id', '=', examenId).forUpdate().execute();
}

export async function insertPlan(db: Db, v: { examenId: string; versienummer: number; inhoud: unknown; userId: string }): Promise<string> {
  const r = await db
    .insertInto('examenplan')
    .values({ examen_id: v.examenId, versienummer: v.versienummer, inhoud: JSON.stringify(v.inhoud), updated_by: v.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Changes a version when it still has `versie` (else false: stale). */
export async function updatePlan(
  db: Db,
  id: string,
  versie: number,
  userId: string,
  set: {
    inhoud?: unknown;
    status?: 'concept' | 'ingediend' | 'vastgesteld';
    dekkingAkkoord?: unknown;
    teruggestuurd?: unknown;
    ingediend?: { by: string } | null;
    vastgesteld?: { by: string; naam: string };
  },
): Promise<boolean> {
  const r = await db
    .updateTable('examenplan')
    .set({
      ...(set.inhoud !== undefined ? { inhoud: JSON.stringify(set.inhoud) } : {}),
      ...(set.status ? { status: set.status } : {}),
      ...(set.dekkingAkkoord !== undefined ? { dekking_akkoord: set.dekkingAkkoord === null ? null : JSON.stringify(set.dekkingAkkoord) } : {}),
      ...(set.teruggestuurd !== undefined ? { teruggestuurd: set.teruggestuurd === null ? null : JSON.stringify(set.teruggestuurd) } : {}),
      ...(set.ingediend !== undefined ? { ingediend_at: set.ingediend ? sql<Date>`now()` : null, ingediend_by: set.ingediend?.by ?? null } : {}),
      ...(set.vastgesteld ? { vastgesteld_at: sql<Date>`now()`, vastgesteld_by: set.vastgesteld.by, vastgesteld_naam: set.vastgesteld.naam } : {}),
      versie: sql<number>`versie + 1`,
      updated_by: userId,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .where('versie', '=', versie)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The earlier vastgesteld versions of the exam become `vervangen` (a newer one is vastgesteld). */
export async function markVervangen(db: Db, examenId: string, nieuwId: string): Promise<void> {
  await db
    .updateTable('examenplan')
    .set({ status: 'vervangen', versie: sql<number>`versie + 1`, updated_at: sql<Date>`now()` })
    .where('examen_id', '=', examenId)
    .where('status', '=', 'vastgesteld')
    .where('id', '!=', nieuwId)
    .execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Registration (examen_inschrijving)
// ---------------------------------------------------------------------------------------------------------------

export interface InschrijvingDbRow {
  leerlingId: string;
  leerlingnummer: string;
  roepnaam: string;
  tussenvoegsel: string;
  achternaam: string;
  klas: string;
  geboortedatum: string | null;
  status: 'aangemeld' | 'ingeschreven';
  aangemeldAt: string;
  ingeschrevenAt: string | null;
}

export async function inschrijvingenOf(db: Db, examenId: string): Promise<InschrijvingDbRow[]> {
  const rows = await db
    .selectFrom('examen_inschrijving as i')
    .innerJoin('leerling as l', 'l.id', 'i.leerling_id')
    .select(['l.id', 'l.leerlingnummer', 'l.roepnaam', 'l.tussenvoegsel', 'l.achternaam', 'l.klas', 'l.geboortedatum', 'i.status', 'i.aangemeld_at', 'i.ingeschreven_at'])
    .where('i.examen_id', '=', examenId)
    .orderBy('l.achternaam')
    .orderBy('l.roepnaam')
    .orderBy('l.leerlingnummer')
    .execute();
  return rows.map((r) => ({
    leerlingId: r.id,
    leerlingnummer: r.leerlingnummer,
    roepnaam: r.roepnaam,
    tussenvoegsel: r.tussenvoegsel,
    achternaam: r.achternaam,
    klas: r.klas,
    geboortedatum: day(r.geboortedatum as Date | string | null),
    status: r.status,
    aangemeldAt: iso(r.aangemeld_at),
    ingeschrevenAt: isoOrNull(r.ingeschreven_at),
  }));
}

/** The pupils of a cohort (for registering them): no birth date here. */
export async function leerlingenOfCohort(db: Db, cohortId: string): Promise<Array<{ id: string; leerlingnummer: string; roepnaam: string; tussenvoegsel: string; achternaam: string; klas: string }>> {
  return db
    .selectFrom('leerling')
    .select(['id', 'leerlingnummer', 'roepnaam', 'tussenvoegsel', 'achternaam', 'klas'])
    .where('cohort_id', '=', cohortId)
    .orderBy('achternaam')
    .orderBy('roepnaam')
    .orderBy('leerlingnummer')
    .execute();
}

/** Registers pupils (aangemeld); already registered ones stay as they are. Returns how many were added. */
export async function aanmelden(db: Db, examenId: string, leerlingIds: readonly string[], userId: string): Promise<number> {
  if (leerlingIds.length === 0) return 0;
  const r = await db
    .insertInto('examen_inschrijving')
    .values(leerlingIds.map((id) => ({ examen_id: examenId, leerling_id: id, updated_by: userId })))
    .onConflict((oc) => oc.columns(['examen_id', 'leerling_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

/** Marks registered pupils as ingeschreven at the mbo. Returns how many changed. */
export async function inschrijven(db: Db, examenId: string, leerlingIds: readonly string[] | null, userId: string): Promise<number> {
  let q = db
    .updateTable('examen_inschrijving')
    .set({ status: 'ingeschreven', ingeschreven_at: sql<Date>`now()`, updated_by: userId })
    .where('examen_id', '=', examenId)
    .where('status', '=', 'aangemeld');
  if (leerlingIds) {
    if (leerlingIds.length === 0) return 0;
    q = q.where('leerling_id', 'in', [...leerlingIds]);
  }
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}
