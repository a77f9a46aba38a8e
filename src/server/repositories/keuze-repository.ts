/**
 * SQL of the pupil's programme (issue 15): choices of menukaart modules (`menukaart_keuze`), the school's settings
 * (`keuze_instelling`), the extra admission requirements per kwalificatie (`toelatingseis`), and placing an approved
 * choice in a cohort of the module's leerroute (`cohort`, `leerling` of issue 14: own queries here).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { KeuzeStatus, Periode } from '../../domain/menukaart/keuze.js';

type Db = Kysely<DB> | Transaction<DB>;

const iso = (d: Date | string | null): string | null => (d === null ? null : typeof d === 'string' ? d : d.toISOString());

export interface KeuzeRow {
  id: string;
  accountId: string;
  accountNaam: string;
  schoolId: string;
  moduleId: string;
  moduleTitel: string;
  moduleSlug: string;
  regioSlug: string;
  moduleSoort: string;
  aanbiederNaam: string;
  kwalificaties: string[];
  schooljaar: string;
  periode: Periode;
  status: KeuzeStatus;
  reden: string | null;
  leerlingId: string | null;
  cohortId: string | null;
  cohortNaam: string | null;
  beoordeeldDoorNaam: string | null;
  versie: number;
  createdAt: string;
}

function keuzeQuery(db: Db) {
  return db
    .selectFrom('menukaart_keuze as k')
    .innerJoin('app_user as u', 'u.id', 'k.account_id')
    .innerJoin('menukaart_module as m', 'm.id', 'k.module_id')
    .innerJoin('menukaart as mk', 'mk.regio_id', 'm.regio_id')
    .innerJoin('organisation as a', 'a.id', 'm.aanbieder_id')
    .leftJoin('leerling as l', 'l.id', 'k.leerling_id')
    .leftJoin('cohort as c', 'c.id', 'l.cohort_id')
    .leftJoin('app_user as b', 'b.id', 'k.beoordeeld_door')
    .select([
      'k.id', 'k.account_id', 'u.naam as account_naam', 'k.school_id', 'k.module_id', 'm.titel as module_titel', 'm.slug as module_slug', 'mk.slug as regio_slug', 'm.soort as module_soort',
      'a.naam as aanbieder_naam', 'm.kwalificaties', 'k.schooljaar', 'k.periode', 'k.status', 'k.reden', 'k.leerling_id', 'c.id as cohort_id', 'c.naam as cohort_naam', 'b.naam as beoordeeld_door_naam',
      'k.versie', 'k.created_at',
    ]);
}
type Joined = Awaited<ReturnType<ReturnType<typeof keuzeQuery>['executeTakeFirstOrThrow']>>;
function toKeuze(r: Joined): KeuzeRow {
  return {
    id: r.id, accountId: r.account_id, accountNaam: r.account_naam, schoolId: r.school_id, moduleId: r.module_id, moduleTitel: r.module_titel, moduleSlug: r.module_slug, regioSlug: r.regio_slug,
    moduleSoort: r.module_soort, aanbiederNaam: r.aanbieder_naam, kwalificaties: (r.kwalificaties as string[]) ?? [], schooljaar: r.schooljaar, periode: r.periode, status: r.status, reden: r.reden,
    leerlingId: r.leerling_id, cohortId: r.cohort_id, cohortNaam: r.cohort_naam, beoordeeldDoorNaam: r.beoordeeld_door_naam, versie: r.versie, createdAt: iso(r.created_at)!,
  };
}

export async function keuzesVanAccount(db: Db, accountId: string): Promise<KeuzeRow[]> {
  const rows = await keuzeQuery(db).where('k.account_id', '=', accountId).orderBy('k.schooljaar').orderBy('k.periode').orderBy('k.created_at').execute();
  return rows.map(toKeuze);
}

export async function keuzesVanSchool(db: Db, schoolId: string): Promise<KeuzeRow[]> {
  const rows = await keuzeQuery(db).where('k.school_id', '=', schoolId).where('k.status', '!=', 'ingetrokken').orderBy('k.created_at', 'desc').orderBy('k.id').execute();
  return rows.map(toKeuze);
}

export async function findKeuze(db: Db, id: string): Promise<KeuzeRow | undefined> {
  const r = await keuzeQuery(db).where('k.id', '=', id).executeTakeFirst();
  return r && toKeuze(r);
}

/** Approved plus waiting choices of a module in a schooljaar (all schools): the places taken. */
export async function bezettePlaatsen(db: Db, moduleId: string, schooljaar: string): Promise<number> {
  const r = await db
    .selectFrom('menukaart_keuze')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('module_id', '=', moduleId)
    .where('schooljaar', '=', schooljaar)
    .where('status', 'in', ['aangevraagd', 'goedgekeurd'])
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** In a transaction: serialise choices of one module (capacity), by locking the module row. */
export async function lockModuleRow(trx: Transaction<DB>, moduleId: string): Promise<void> {
  await trx.selectFrom('menukaart_module').select('id').where('id', '=', moduleId).forUpdate().execute();
}

/** In a transaction: serialise one pupil's choices (the limit per period), by locking their account row. */
export async function lockAccount(trx: Transaction<DB>, accountId: string): Promise<void> {
  await trx.selectFrom('app_user').select('id').where('id', '=', accountId).forUpdate().execute();
}

export async function insertKeuze(db: Db, k: { accountId: string; schoolId: string; moduleId: string; schooljaar: string; periode: Periode }): Promise<string> {
  const r = await db
    .insertInto('menukaart_keuze')
    .values({ account_id: k.accountId, school_id: k.schoolId, module_id: k.moduleId, schooljaar: k.schooljaar, periode: k.periode })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function setKeuzeStatus(db: Db, id: string, versie: number, s: { status: KeuzeStatus; reden: string | null; door: string | null; leerlingId?: string | null }): Promise<boolean> {
  const r = await db
    .updateTable('menukaart_keuze')
    .set({
      status: s.status,
      reden: s.reden,
      beoordeeld_door: s.door,
      beoordeeld_at: s.door ? new Date() : null,
      ...(s.leerlingId !== undefined ? { leerling_id: s.leerlingId } : {}),
      versie: sql<number>`versie + 1`,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('versie', '=', versie)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- the school's settings --------------------------------------------------------------------------------------

export interface InstellingRow {
  schoolId: string;
  modulesPerPeriode: number;
  deadlines: Record<string, string>;
  versie: number;
}

export async function findInstelling(db: Db, schoolId: string): Promise<InstellingRow | undefined> {
  const r = await db.selectFrom('keuze_instelling').select(['school_id', 'modules_per_periode', 'deadlines', 'versie']).where('school_id', '=', schoolId).executeTakeFirst();
  return r && { schoolId: r.school_id, modulesPerPeriode: r.modules_per_periode, deadlines: (r.deadlines as Record<string, string>) ?? {}, versie: r.versie };
}

/** Versie 0 creates the row; otherwise the versie seen (stale: false). */
export async function saveInstelling(db: Db, schoolId: string, versie: number, w: { modulesPerPeriode: number; deadlines: Record<string, string>; door: string }): Promise<boolean> {
  if (versie === 0) {
    const r = await db
      .insertInto('keuze_instelling')
      .values({ school_id: schoolId, modules_per_periode: w.modulesPerPeriode, deadlines: JSON.stringify(w.deadlines), updated_by: w.door })
      .onConflict((oc) => oc.column('school_id').doNothing())
      .returning('school_id')
      .executeTakeFirst();
    return r !== undefined;
  }
  const r = await db
    .updateTable('keuze_instelling')
    .set({ modules_per_periode: w.modulesPerPeriode, deadlines: JSON.stringify(w.deadlines), updated_by: w.door, versie: sql<number>`versie + 1`, updated_at: new Date() })
    .where('school_id', '=', schoolId)
    .where('versie', '=', versie)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- organisations --------------------------------------------------------------------------------------------

export async function organisation(db: Db, id: string): Promise<{ id: string; naam: string; soort: string; regioId: string | null } | undefined> {
  const r = await db.selectFrom('organisation').select(['id', 'naam', 'soort', 'regio_id']).where('id', '=', id).executeTakeFirst();
  return r && { id: r.id, naam: r.naam, soort: r.soort, regioId: r.regio_id };
}

export async function menukaartVanRegio(db: Db, regioId: string): Promise<{ slug: string; titel: string } | undefined> {
  return db.selectFrom('menukaart').select(['slug', 'titel']).where('regio_id', '=', regioId).executeTakeFirst();
}

export async function moduleTitels(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('menukaart_module').select(['id', 'titel']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r.titel]));
}

// ---- placing in a cohort --------------------------------------------------------------------------------------

export async function leerrouteNaam(db: Db, id: string): Promise<string | undefined> {
  return (await db.selectFrom('leerroute').select('naam').where('id', '=', id).executeTakeFirst())?.naam;
}

export async function findCohort(db: Db, schoolId: string, leerrouteId: string, schooljaar: string): Promise<{ id: string; naam: string } | undefined> {
  return db
    .selectFrom('cohort')
    .select(['id', 'naam'])
    .where('organisation_id', '=', schoolId)
    .where('leerroute_id', '=', leerrouteId)
    .where('schooljaar', '=', schooljaar)
    .where('opgeschoond_at', 'is', null)
    .orderBy('created_at')
    .executeTakeFirst();
}

export async function insertCohort(db: Db, c: { schoolId: string; leerrouteId: string; naam: string; schooljaar: string; leerjaar: number; einddatum: string; door: string }): Promise<string> {
  const r = await db
    .insertInto('cohort')
    .values({ organisation_id: c.schoolId, leerroute_id: c.leerrouteId, naam: c.naam, schooljaar: c.schooljaar, leerjaar: c.leerjaar, einddatum: c.einddatum, created_by: c.door, updated_by: c.door })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** The pupil's existing records at the school (any cohort): their leerlingnummer and names, newest first. */
export async function leerlingRecords(db: Db, schoolId: string, accountId: string) {
  return db
    .selectFrom('leerling')
    .select(['id', 'cohort_id', 'leerlingnummer', 'roepnaam', 'tussenvoegsel', 'achternaam', 'klas', 'leerweg'])
    .where('organisation_id', '=', schoolId)
    .where('account_id', '=', accountId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function leerlingInCohort(db: Db, cohortId: string, leerlingnummer: string): Promise<{ id: string; accountId: string | null } | undefined> {
  const r = await db.selectFrom('leerling').select(['id', 'account_id']).where('cohort_id', '=', cohortId).where('leerlingnummer', '=', leerlingnummer).executeTakeFirst();
  return r && { id: r.id, accountId: r.account_id };
}

export async function insertLeerling(
  db: Db,
  l: { cohortId: string; schoolId: string; leerlingnummer: string; roepnaam: string; tussenvoegsel: string; achternaam: string; klas: string; leerweg: 'BB' | 'KB' | 'GL' | 'TL' | null; accountId: string },
): Promise<string> {
  const r = await db
    .insertInto('leerling')
    .values({ cohort_id: l.cohortId, organisation_id: l.schoolId, leerlingnummer: l.leerlingnummer, roepnaam: l.roepnaam, tussenvoegsel: l.tussenvoegsel, achternaam: l.achternaam, klas: l.klas, leerweg: l.leerweg, account_id: l.accountId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

// ---- admission requirements -----------------------------------------------------------------------------------

export interface ToelatingseisRow {
  instellingId: string;
  instellingNaam: string;
  crebo: string;
  kwalificatieNaam: string | null;
  tekst: string;
  versie: number;
}

function eisQuery(db: Db) {
  return db
    .selectFrom('toelatingseis as t')
    .innerJoin('organisation as o', 'o.id', 't.instelling_id')
    .select((eb) => [
      't.instelling_id', 'o.naam as instelling_naam', 't.crebo', 't.tekst', 't.versie',
      eb.selectFrom('mbo_kwalificatie as q').select((e2) => e2.fn.max('q.naam').as('n')).whereRef('q.crebo', '=', 't.crebo').as('kwalificatie_naam'),
    ]);
}
type EisJoined = Awaited<ReturnType<ReturnType<typeof eisQuery>['executeTakeFirstOrThrow']>>;
const toEis = (r: EisJoined): ToelatingseisRow => ({ instellingId: r.instelling_id, instellingNaam: r.instelling_naam, crebo: r.crebo, kwalificatieNaam: (r.kwalificatie_naam as string | null) ?? null, tekst: r.tekst, versie: r.versie });

export async function eisenVanInstelling(db: Db, instellingId: string): Promise<ToelatingseisRow[]> {
  return (await eisQuery(db).where('t.instelling_id', '=', instellingId).orderBy('t.crebo').execute()).map(toEis);
}

export async function eisenVoorCrebos(db: Db, crebos: readonly string[]): Promise<ToelatingseisRow[]> {
  if (crebos.length === 0) return [];
  return (await eisQuery(db).where('t.crebo', 'in', [...crebos]).orderBy('t.crebo').orderBy('o.naam').execute()).map(toEis);
}

export async function kwalificatieNamen(db: Db, crebos: readonly string[]): Promise<Map<string, string>> {
  if (crebos.length === 0) return new Map();
  const rows = await db.selectFrom('mbo_kwalificatie').select(['crebo', (eb) => eb.fn.max('naam').as('naam')]).where('crebo', 'in', [...crebos]).groupBy('crebo').execute();
  return new Map(rows.map((r) => [r.crebo, r.naam as string]));
}

export async function findEis(db: Db, instellingId: string, crebo: string): Promise<ToelatingseisRow | undefined> {
  const r = await eisQuery(db).where('t.instelling_id', '=', instellingId).where('t.crebo', '=', crebo).executeTakeFirst();
  return r && toEis(r);
}

/** Versie 0 creates; otherwise the versie seen (stale: false). */
export async function saveEis(db: Db, instellingId: string, crebo: string, versie: number, tekst: string, door: string): Promise<boolean> {
  if (versie === 0) {
    const r = await db.insertInto('toelatingseis').values({ instelling_id: instellingId, crebo, tekst, updated_by: door }).onConflict((oc) => oc.columns(['instelling_id', 'crebo']).doNothing()).returning('crebo').executeTakeFirst();
    return r !== undefined;
  }
  const r = await db
    .updateTable('toelatingseis')
    .set({ tekst, updated_by: door, versie: sql<number>`versie + 1`, updated_at: new Date() })
    .where('instelling_id', '=', instellingId)
    .where('crebo', '=', crebo)
    .where('versie', '=', versie)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteEis(db: Db, instellingId: string, crebo: string): Promise<boolean> {
  const r = await db.deleteFrom('toelatingseis').where('instelling_id', '=', instellingId).where('crebo', '=', crebo).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** The crebo of the opleiding in the pupil's oplegger (LOB), if any. */
export async function opleggerCrebo(db: Db, accountId: string, schoolId: string): Promise<string | null> {
  const r = await db.selectFrom('lob_oplegger').select('inhoud').where('account_id', '=', accountId).where('organisation_id', '=', schoolId).executeTakeFirst();
  const crebo = (r?.inhoud as { crebo?: unknown } | undefined)?.crebo;
  return typeof crebo === 'string' && /^\d{5}$/.test(crebo) ? crebo : null;
}

// ---- the provider's enrolment list ----------------------------------------------------------------------------

/** Approved and waiting choices of a module, counted per schooljaar, period and status. */
export async function keuzeTellingen(db: Db, moduleId: string): Promise<Array<{ schooljaar: string; periode: string; status: 'aangevraagd' | 'goedgekeurd'; aantal: number }>> {
  const rows = await db
    .selectFrom('menukaart_keuze')
    .select((eb) => ['schooljaar', 'periode', 'status', eb.fn.countAll<string | number>().as('n')])
    .where('module_id', '=', moduleId)
    .where('status', 'in', ['aangevraagd', 'goedgekeurd'])
    .groupBy(['schooljaar', 'periode', 'status'])
    .execute();
  return rows.map((r) => ({ schooljaar: r.schooljaar, periode: r.periode, status: r.status as 'aangevraagd' | 'goedgekeurd', aantal: Number(r.n) }));
}

export interface InschrijvingRow {
  accountNaam: string;
  roepnaam: string | null;
  tussenvoegsel: string | null;
  achternaam: string | null;
  leerweg: string | null;
  cohortLeerjaar: number | null;
  schoolNaam: string;
  schooljaar: string;
  periode: string;
}

/**
 * The pupils with an approved choice of a module (optionally of one schooljaar): the names, leerweg and cohort leerjaar
 * of their leerling record in the cohort when they were placed, else of their newest record at the school, else (no
 * record) only their account's name; and their school. Nothing else is read (no leerlingnummer, birth date or contact
 * data).
 */
export async function goedgekeurdeInschrijvingen(db: Db, moduleId: string, schooljaar?: string): Promise<InschrijvingRow[]> {
  let q = db
    .selectFrom('menukaart_keuze as k')
    .innerJoin('app_user as u', 'u.id', 'k.account_id')
    .innerJoin('organisation as s', 's.id', 'k.school_id')
    .leftJoin('leerling as l', 'l.id', 'k.leerling_id')
    .leftJoin('cohort as c', 'c.id', 'l.cohort_id')
    // Not placed (a module without a leerroute): the pupil's newest record at the school, as placing would use it.
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('leerling as r')
          .innerJoin('cohort as rc', 'rc.id', 'r.cohort_id')
          .select(['r.roepnaam', 'r.tussenvoegsel', 'r.achternaam', 'r.leerweg', 'rc.leerjaar'])
          .whereRef('r.organisation_id', '=', 'k.school_id')
          .whereRef('r.account_id', '=', 'k.account_id')
          .orderBy('r.created_at', 'desc')
          .limit(1)
          .as('b'),
      (join) => join.onTrue(),
    )
    .select([
      'u.naam as account_naam', 's.naam as school_naam', 'k.schooljaar', 'k.periode',
      (eb) => eb.fn.coalesce('l.roepnaam', 'b.roepnaam').as('roepnaam'),
      (eb) => eb.fn.coalesce('l.tussenvoegsel', 'b.tussenvoegsel').as('tussenvoegsel'),
      (eb) => eb.fn.coalesce('l.achternaam', 'b.achternaam').as('achternaam'),
      (eb) => eb.fn.coalesce('l.leerweg', 'b.leerweg').as('leerweg'),
      (eb) => eb.fn.coalesce('c.leerjaar', 'b.leerjaar').as('cohort_leerjaar'),
    ])
    .where('k.module_id', '=', moduleId)
    .where('k.status', '=', 'goedgekeurd');
  if (schooljaar) q = q.where('k.schooljaar', '=', schooljaar);
  const rows = await q.orderBy('k.schooljaar').orderBy('k.id').execute();
  return rows.map((r) => ({
    accountNaam: r.account_naam,
    roepnaam: r.roepnaam,
    tussenvoegsel: r.tussenvoegsel,
    achternaam: r.achternaam,
    leerweg: r.leerweg,
    cohortLeerjaar: r.cohort_leerjaar,
    schoolNaam: r.school_naam,
    schooljaar: r.schooljaar,
    periode: r.periode,
  }));
}
