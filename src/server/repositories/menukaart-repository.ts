/**
 * The regional menukaart (migration 0025): the menukaart of a regio, its modules and the exams recorded per module.
 * Every query is scoped to one region (or one module, whose region the use case checked first); the public reads take
 * published modules only. Exams of the joint examination (issue 14) are counted here from examen/beoordeling.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { DB, MenukaartModuleTable } from '../db/schema.js';
import type { ModuleSoort, ModuleStatus, Periode } from '../../shared/menukaart-api.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface RegioRow {
  id: string;
  naam: string;
}

export interface MenukaartRow {
  regioId: string;
  regioNaam: string;
  slug: string;
  titel: string;
  toelichting: string;
}

export interface ModuleRow {
  id: string;
  regioId: string;
  slug: string;
  status: ModuleStatus;
  titel: string;
  beschrijving: string;
  soort: ModuleSoort;
  omvangEenheden: number;
  aanbiederId: string;
  aanbiederNaam: string;
  vestigingId: string | null;
  vestigingNaam: string | null;
  locatie: string;
  leerjaar: number;
  periode: Periode;
  leerwegen: string[];
  capaciteit: number;
  voorwaarden: string[];
  keuzevakken: string[];
  profielmodulen: string[];
  keuzedelen: string[];
  kwalificaties: string[];
  profielen: string[];
  sectoren: string[];
  leerrouteId: string | null;
  redenTeruggestuurd: string | null;
  laatsteReview: string | null;
  herzieningOpdracht: string | null;
  herzieningDeadline: string | null;
  gepubliceerdAt: string | null;
  versie: number;
  createdAt: string;
}

/** The stored fields of a module, as the use case computed them (catalogue links validated, profielen derived). */
export interface ModuleValues {
  titel: string;
  beschrijving: string;
  soort: ModuleSoort;
  omvangEenheden: number;
  aanbiederId: string;
  vestigingId: string | null;
  locatie: string;
  leerjaar: number;
  periode: Periode;
  leerwegen: string[];
  capaciteit: number;
  voorwaarden: string[];
  keuzevakken: string[];
  profielmodulen: string[];
  keuzedelen: string[];
  kwalificaties: string[];
  profielen: string[];
  sectoren: string[];
  leerrouteId: string | null;
}

const iso = (d: Date | string | null): string | null => (d == null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString());
const day = (d: Date | string | null): string | null => {
  if (d == null) return null;
  if (d instanceof Date) return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return d.slice(0, 10);
};
const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? (JSON.parse(v) as string[]) : []);

type Joined = Selectable<MenukaartModuleTable> & { aanbieder_naam: string; vestiging_naam: string | null };

function toModule(r: Joined): ModuleRow {
  return {
    id: r.id,
    regioId: r.regio_id,
    slug: r.slug,
    status: r.status,
    titel: r.titel,
    beschrijving: r.beschrijving,
    soort: r.soort,
    omvangEenheden: r.omvang_eenheden,
    aanbiederId: r.aanbieder_id,
    aanbiederNaam: r.aanbieder_naam,
    vestigingId: r.vestiging_id,
    vestigingNaam: r.vestiging_naam,
    locatie: r.locatie,
    leerjaar: r.leerjaar,
    periode: r.periode,
    leerwegen: list(r.leerwegen),
    capaciteit: r.capaciteit,
    voorwaarden: list(r.voorwaarden),
    keuzevakken: list(r.keuzevakken),
    profielmodulen: list(r.profielmodulen),
    keuzedelen: list(r.keuzedelen),
    kwalificaties: list(r.kwalificaties),
    profielen: list(r.profielen),
    sectoren: list(r.sectoren),
    leerrouteId: r.leerroute_id,
    redenTeruggestuurd: r.reden_teruggestuurd,
    laatsteReview: day(r.laatste_review),
    herzieningOpdracht: r.herziening_opdracht,
    herzieningDeadline: day(r.herziening_deadline),
    gepubliceerdAt: iso(r.gepubliceerd_at),
    versie: r.versie,
    createdAt: iso(r.created_at)!,
  };
}

function moduleQuery(db: Db) {
  return db
    .selectFrom('menukaart_module as m')
    .innerJoin('organisation as o', 'o.id', 'm.aanbieder_id')
    .leftJoin('vestiging as v', 'v.id', 'm.vestiging_id')
    .selectAll('m')
    .select(['o.naam as aanbieder_naam', 'v.naam as vestiging_naam']);
}

function values(v: ModuleValues) {
  return {
    titel: v.titel,
    beschrijving: v.beschrijving,
    soort: v.soort,
    omvang_eenheden: v.omvangEenheden,
    aanbieder_id: v.aanbiederId,
    vestiging_id: v.vestigingId,
    locatie: v.locatie,
    leerjaar: v.leerjaar,
    periode: v.periode,
    leerwegen: JSON.stringify(v.leerwegen),
    capaciteit: v.capaciteit,
    voorwaarden: JSON.stringify(v.voorwaarden),
    keuzevakken: JSON.stringify(v.keuzevakken),
    profielmodulen: JSON.stringify(v.profielmodulen),
    keuzedelen: JSON.stringify(v.keuzedelen),
    kwalificaties: JSON.stringify(v.kwalificaties),
    profielen: JSON.stringify(v.profielen),
    sectoren: JSON.stringify(v.sectoren),
    leerroute_id: v.leerrouteId,
  };
}

// ---- The region and its schools -------------------------------------------------------------------------------

export async function findRegio(db: Db, regioId: string): Promise<RegioRow | undefined> {
  return db.selectFrom('organisation').select(['id', 'naam']).where('id', '=', regioId).where('soort', '=', 'regio').executeTakeFirst();
}

/** The schools of the region (organisation.regio_id), by name. */
export async function regioScholen(db: Db, regioId: string): Promise<Array<{ id: string; naam: string }>> {
  return db.selectFrom('organisation').select(['id', 'naam']).where('regio_id', '=', regioId).orderBy('naam').execute();
}

export async function vestigingenVan(db: Db, organisationIds: readonly string[]): Promise<Array<{ id: string; naam: string; organisationId: string }>> {
  if (organisationIds.length === 0) return [];
  const rows = await db.selectFrom('vestiging').select(['id', 'naam', 'organisation_id']).where('organisation_id', 'in', [...organisationIds]).orderBy('naam').execute();
  return rows.map((r) => ({ id: r.id, naam: r.naam, organisationId: r.organisation_id }));
}

/** The regions these organisations are (regio) or belong to (regio_id). */
export async function regiosVan(db: Db, organisationIds: readonly string[]): Promise<RegioRow[]> {
  if (organisationIds.length === 0) return [];
  const ids = [...organisationIds];
  return db
    .selectFrom('organisation as r')
    .select(['r.id', 'r.naam'])
    .where('r.soort', '=', 'regio')
    .where((eb) => eb.or([eb('r.id', 'in', ids), eb.exists(eb.selectFrom('organisation as s').select('s.id').whereRef('s.regio_id', '=', 'r.id').where('s.id', 'in', ids))]))
    .orderBy('r.naam')
    .execute();
}

// ---- The menukaart ------------------------------------------------------------------------------------------------

export async function findMenukaart(db: Db, regioId: string): Promise<MenukaartRow | undefined> {
  const r = await db
    .selectFrom('menukaart as k')
    .innerJoin('organisation as o', 'o.id', 'k.regio_id')
    .select(['k.regio_id', 'o.naam', 'k.slug', 'k.titel', 'k.toelichting'])
    .where('k.regio_id', '=', regioId)
    .executeTakeFirst();
  return r && { regioId: r.regio_id, regioNaam: r.naam, slug: r.slug, titel: r.titel, toelichting: r.toelichting };
}

export async function findMenukaartBySlug(db: Db, slug: string): Promise<MenukaartRow | undefined> {
  const r = await db
    .selectFrom('menukaart as k')
    .innerJoin('organisation as o', 'o.id', 'k.regio_id')
    .select(['k.regio_id', 'o.naam', 'k.slug', 'k.titel', 'k.toelichting'])
    .where('k.slug', '=', slug)
    .executeTakeFirst();
  return r && { regioId: r.regio_id, regioNaam: r.naam, slug: r.slug, titel: r.titel, toelichting: r.toelichting };
}

/**
 * The public state of a menukaart in one query: the menukaart and its region's name, and a fingerprint of its modules
 * (how many, the sum of their versies — every change raises it — and the last change) so a cached public answer can be checked cheaply on every request.
 */
export async function publiekeStand(db: Db, slug: string): Promise<(MenukaartRow & { vingerafdruk: string }) | undefined> {
  const r = await db
    .selectFrom('menukaart as k')
    .innerJoin('organisation as o', 'o.id', 'k.regio_id')
    .select(['k.regio_id', 'o.naam', 'k.slug', 'k.titel', 'k.toelichting'])
    .select((eb) => [
      eb.selectFrom('menukaart_module as m').whereRef('m.regio_id', '=', 'k.regio_id').select(sql<string>`count(*)::text || ':' || coalesce(sum(m.versie), 0)::text`.as('n')).as('aantal'),
      eb.selectFrom('menukaart_module as m').whereRef('m.regio_id', '=', 'k.regio_id').select(sql<string>`max(m.updated_at)::text`.as('t')).as('laatst'),
    ])
    .where('k.slug', '=', slug)
    .executeTakeFirst();
  return r && { regioId: r.regio_id, regioNaam: r.naam, slug: r.slug, titel: r.titel, toelichting: r.toelichting, vingerafdruk: `${r.aantal ?? 0}|${r.laatst ?? ''}|${r.naam}|${r.titel}|${r.toelichting}` };
}

export async function menukaartSlugBezet(db: Db, slug: string): Promise<boolean> {
  return (await db.selectFrom('menukaart').select('regio_id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}

/** Creates the menukaart of a region once (several at once: the first wins, the others find it). */
export async function insertMenukaart(db: Db, m: { regioId: string; slug: string; titel: string; toelichting?: string }): Promise<void> {
  await db
    .insertInto('menukaart')
    .values({ regio_id: m.regioId, slug: m.slug, titel: m.titel, toelichting: m.toelichting ?? '' })
    .onConflict((oc) => oc.column('regio_id').doNothing())
    .execute();
}

// ---- Modules ------------------------------------------------------------------------------------------------------

export async function listModules(db: Db, regioId: string, opts: { statussen?: readonly ModuleStatus[] } = {}): Promise<ModuleRow[]> {
  let q = moduleQuery(db).where('m.regio_id', '=', regioId);
  if (opts.statussen) q = q.where('m.status', 'in', [...opts.statussen]);
  const rows = await q.orderBy('m.leerjaar').orderBy('m.titel').orderBy('m.id').execute();
  return rows.map((r) => toModule(r as Joined));
}

export async function findModule(db: Db, id: string): Promise<ModuleRow | undefined> {
  const r = await moduleQuery(db).where('m.id', '=', id).executeTakeFirst();
  return r && toModule(r as Joined);
}

/** In a transaction: the module row locked until it ends (changes of one module go one by one). */
export async function lockModule(trx: Transaction<DB>, id: string): Promise<ModuleRow | undefined> {
  const locked = await trx.selectFrom('menukaart_module').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  return locked ? findModule(trx, id) : undefined;
}

export async function findModuleBySlug(db: Db, regioId: string, slug: string): Promise<ModuleRow | undefined> {
  const r = await moduleQuery(db).where('m.regio_id', '=', regioId).where('m.slug', '=', slug).executeTakeFirst();
  return r && toModule(r as Joined);
}

export async function moduleSlugBezet(db: Db, regioId: string, slug: string, behalve?: string): Promise<boolean> {
  let q = db.selectFrom('menukaart_module').select('id').where('regio_id', '=', regioId).where('slug', '=', slug);
  if (behalve) q = q.where('id', '<>', behalve);
  return (await q.executeTakeFirst()) !== undefined;
}

/** Modules of this region among `ids` (id, title, soort, slug). */
export async function modulesIn(db: Db, regioId: string, ids: readonly string[]): Promise<Array<{ id: string; slug: string; titel: string; soort: ModuleSoort; status: ModuleStatus }>> {
  if (ids.length === 0) return [];
  return db.selectFrom('menukaart_module').select(['id', 'slug', 'titel', 'soort', 'status']).where('regio_id', '=', regioId).where('id', 'in', [...ids]).execute();
}

export async function insertModule(db: Db, m: ModuleValues & { regioId: string; slug: string; ingediendDoor: string | null }): Promise<string> {
  const r = await db
    .insertInto('menukaart_module')
    .values({ ...values(m), regio_id: m.regioId, slug: m.slug, status: 'voorgesteld', ingediend_door: m.ingediendDoor })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Changes the content; false when the versie is stale (nothing changed). `status`: set as well (a school's change). */
export async function updateModule(db: Db, id: string, versie: number, m: ModuleValues & { slug: string; status?: ModuleStatus }): Promise<boolean> {
  const r = await db
    .updateTable('menukaart_module')
    .set({ ...values(m), slug: m.slug, ...(m.status ? { status: m.status } : {}), versie: sql<number>`versie + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('versie', '=', versie)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A decision of the region: false when the versie is stale. */
export async function setModuleStatus(db: Db, id: string, versie: number, s: { status: ModuleStatus; reden: string | null; door: string | null }): Promise<boolean> {
  const r = await db
    .updateTable('menukaart_module')
    .set({
      status: s.status,
      reden_teruggestuurd: s.status === 'teruggestuurd' ? s.reden : null,
      ...(s.status === 'gepubliceerd' ? { gepubliceerd_at: new Date(), gepubliceerd_door: s.door } : {}),
      versie: sql<number>`versie + 1`,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('versie', '=', versie)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setLevenscyclus(db: Db, id: string, versie: number, l: { laatsteReview?: string | null; herziening?: { opdracht: string; deadline: string } | null }): Promise<boolean> {
  const r = await db
    .updateTable('menukaart_module')
    .set({
      ...(l.laatsteReview !== undefined ? { laatste_review: l.laatsteReview } : {}),
      ...(l.herziening !== undefined ? { herziening_opdracht: l.herziening?.opdracht ?? null, herziening_deadline: l.herziening?.deadline ?? null } : {}),
      versie: sql<number>`versie + 1`,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('versie', '=', versie)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- Exams --------------------------------------------------------------------------------------------------------

export interface ExamenTelling {
  moduleId: string;
  schooljaar: string;
  schoolId: string;
  schoolNaam: string;
  aantal: number;
  bron: 'vastgelegd' | 'examen';
}

export async function upsertExamenTelling(db: Db, t: { moduleId: string; schooljaar: string; schoolId: string; aantal: number; door: string }): Promise<void> {
  await db
    .insertInto('menukaart_examen_telling')
    .values({ module_id: t.moduleId, schooljaar: t.schooljaar, school_id: t.schoolId, aantal: t.aantal, recorded_by: t.door })
    .onConflict((oc) => oc.columns(['module_id', 'schooljaar', 'school_id']).doUpdateSet({ aantal: t.aantal, recorded_by: t.door, recorded_at: new Date() }))
    .execute();
}

/** Recorded counts and, for modules examined through the joint exam of a leerroute (issue 14), the assessed attempts. */
export async function examenTellingen(db: Db, modules: ReadonlyArray<{ id: string; leerrouteId: string | null }>): Promise<ExamenTelling[]> {
  if (modules.length === 0) return [];
  const recorded = await db
    .selectFrom('menukaart_examen_telling as t')
    .innerJoin('organisation as o', 'o.id', 't.school_id')
    .select(['t.module_id', 't.schooljaar', 't.school_id', 'o.naam', 't.aantal'])
    .where('t.module_id', 'in', modules.map((m) => m.id))
    .execute();
  const out: ExamenTelling[] = recorded.map((r) => ({ moduleId: r.module_id, schooljaar: r.schooljaar, schoolId: r.school_id, schoolNaam: r.naam, aantal: r.aantal, bron: 'vastgelegd' }));
  const perRoute = new Map<string, string[]>();
  for (const m of modules) if (m.leerrouteId) perRoute.set(m.leerrouteId, [...(perRoute.get(m.leerrouteId) ?? []), m.id]);
  if (perRoute.size > 0) {
    const rows = await db
      .selectFrom('beoordeling as b')
      .innerJoin('examen as e', 'e.id', 'b.examen_id')
      .innerJoin('cohort as c', 'c.id', 'e.cohort_id')
      .innerJoin('organisation as o', 'o.id', 'e.vmbo_organisation_id')
      .select(['e.leerroute_id', 'c.schooljaar', 'e.vmbo_organisation_id', 'o.naam', sql<number>`count(*)::int`.as('aantal')])
      .where('e.leerroute_id', 'in', [...perRoute.keys()])
      .where('b.keuzedeel_resultaat', 'is not', null)
      .groupBy(['e.leerroute_id', 'c.schooljaar', 'e.vmbo_organisation_id', 'o.naam'])
      .execute();
    for (const r of rows) {
      for (const moduleId of perRoute.get(r.leerroute_id) ?? []) {
        out.push({ moduleId, schooljaar: r.schooljaar, schoolId: r.vmbo_organisation_id, schoolNaam: r.naam, aantal: Number(r.aantal), bron: 'examen' });
      }
    }
  }
  return out;
}

/** Leerroute names and their samenwerking's accepted members, for the module's link to a leerroute. */
export async function leerrouteMetPartners(db: Db, leerrouteId: string): Promise<{ id: string; naam: string; partners: string[] } | undefined> {
  const r = await db.selectFrom('leerroute').select(['id', 'naam', 'partnership_id']).where('id', '=', leerrouteId).where('verwijderd_at', 'is', null).executeTakeFirst();
  if (!r) return undefined;
  const members = await db.selectFrom('partnership_member').select('organisation_id').where('partnership_id', '=', r.partnership_id).where('status', '=', 'lid').execute();
  return { id: r.id, naam: r.naam, partners: members.map((m) => m.organisation_id) };
}

export async function leerrouteNamen(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('leerroute').select(['id', 'naam']).where('id', 'in', [...ids]).where('verwijderd_at', 'is', null).execute();
  return new Map(rows.map((r) => [r.id, r.naam]));
}
