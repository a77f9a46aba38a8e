/**
 * SQL of the leerroute-ontwerper (migration 0010). Every change of an entity is conditional on its versie
 * (optimistic concurrency): the update or delete answers whether it happened; the use case turns "no" into 404/409.
 * The history is append-only (the database refuses changes).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
const iso = (d: Date | string) => new Date(d).toISOString();

export interface Stamp {
  userId: string | null;
  organisationId: string | null;
  at: string;
}

export interface StoredVmbo {
  profiel: string | null;
  leerweg: 'BB' | 'KB' | 'GL' | 'TL' | null;
  profielmodulen: string[];
  keuzevakken: string[];
}
export interface StoredMbo {
  kwalificatie: string | null;
  keuzedelen: string[];
}
export interface StoredYear {
  leerjaar: number;
  fase: 'vmbo' | 'mbo';
  perioden: number;
  organisatieId: string | null;
}
export type LeerrouteTypeValue = 'doorlopend' | 'geintegreerd' | 'keuzevak-keuzedeel' | 'gl-tl-niveau4';

export interface RouteRow {
  id: string;
  partnershipId: string;
  naam: string;
  type: LeerrouteTypeValue;
  vmbo: StoredVmbo;
  mbo: StoredMbo;
  tijdpad: StoredYear[];
  schooljaar: string | null;
  versie: number;
  aangemaakt: Stamp;
  gewijzigd: Stamp;
}

export interface RouteSettings {
  naam: string;
  type: LeerrouteTypeValue;
  vmbo: StoredVmbo;
  mbo: StoredMbo;
  tijdpad: StoredYear[];
  schooljaar: string | null;
}

const routeColumns = [
  'id', 'partnership_id', 'naam', 'type', 'vmbo', 'mbo', 'tijdpad', 'schooljaar', 'versie', 'created_by', 'created_org', 'created_at', 'updated_by', 'updated_org', 'updated_at',
] as const;

function toRoute(r: {
  id: string; partnership_id: string; naam: string; type: string; vmbo: unknown; mbo: unknown; tijdpad: unknown; schooljaar: string | null; versie: number;
  created_by: string | null; created_org: string | null; created_at: Date; updated_by: string | null; updated_org: string | null; updated_at: Date;
}): RouteRow {
  return {
    id: r.id,
    partnershipId: r.partnership_id,
    naam: r.naam,
    type: r.type as LeerrouteTypeValue,
    vmbo: json<StoredVmbo>(r.vmbo),
    mbo: json<StoredMbo>(r.mbo),
    tijdpad: json<StoredYear[]>(r.tijdpad),
    schooljaar: r.schooljaar,
    versie: r.versie,
    aangemaakt: { userId: r.created_by, organisationId: r.created_org, at: iso(r.created_at) },
    gewijzigd: { userId: r.updated_by, organisationId: r.updated_org, at: iso(r.updated_at) },
  };
}

export async function insertRoute(db: Db, v: { partnershipId: string; settings: RouteSettings; userId: string; organisationId: string | null }): Promise<string> {
  const row = await db
    .insertInto('leerroute')
    .values({
      partnership_id: v.partnershipId,
      naam: v.settings.naam,
      type: v.settings.type,
      vmbo: JSON.stringify(v.settings.vmbo),
      mbo: JSON.stringify(v.settings.mbo),
      tijdpad: JSON.stringify(v.settings.tijdpad),
      schooljaar: v.settings.schooljaar,
      created_by: v.userId,
      created_org: v.organisationId,
      updated_by: v.userId,
      updated_org: v.organisationId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A route that is not deleted. */
export async function findRoute(db: Db, id: string): Promise<RouteRow | undefined> {
  const row = await db.selectFrom('leerroute').select(routeColumns).where('id', '=', id).where('verwijderd_at', 'is', null).executeTakeFirst();
  return row && toRoute(row);
}

export async function listRoutes(db: Db, partnershipId: string): Promise<RouteRow[]> {
  const rows = await db.selectFrom('leerroute').select(routeColumns).where('partnership_id', '=', partnershipId).where('verwijderd_at', 'is', null).orderBy('naam').orderBy('created_at').execute();
  return rows.map(toRoute);
}

/** Changes the settings when the versie matches; false otherwise. */
export async function updateRouteSettings(db: Db, id: string, versie: number, s: RouteSettings, by: { userId: string; organisationId: string | null }): Promise<boolean> {
  const res = await db
    .updateTable('leerroute')
    .set((eb) => ({
      naam: s.naam,
      type: s.type,
      vmbo: JSON.stringify(s.vmbo),
      mbo: JSON.stringify(s.mbo),
      tijdpad: JSON.stringify(s.tijdpad),
      schooljaar: s.schooljaar,
      versie: eb('versie', '+', 1),
      updated_by: by.userId,
      updated_org: by.organisationId,
      updated_at: new Date(),
    }))
    .where('id', '=', id)
    .where('versie', '=', versie)
    .where('verwijderd_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function deleteRoute(db: Db, id: string, versie: number, by: { userId: string; organisationId: string | null }): Promise<boolean> {
  const res = await db
    .updateTable('leerroute')
    .set({ verwijderd_at: new Date(), updated_by: by.userId, updated_org: by.organisationId, updated_at: new Date() })
    .where('id', '=', id)
    .where('versie', '=', versie)
    .where('verwijderd_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Marks the route as changed by someone (any step); does not change its versie (that is the settings' own). Answers the route as it is now. */
export async function touchRoute(db: Db, id: string, by: { userId: string; organisationId: string | null }): Promise<RouteRow | undefined> {
  const row = await db
    .updateTable('leerroute')
    .set({ updated_by: by.userId, updated_org: by.organisationId, updated_at: new Date() })
    .where('id', '=', id)
    .where('verwijderd_at', 'is', null)
    .returning(routeColumns)
    .executeTakeFirst();
  return row && toRoute(row);
}

// ---------------------------------------------------------------------------------------------------------------
// Steps 2–5
// ---------------------------------------------------------------------------------------------------------------

interface EntityBase {
  id: string;
  versie: number;
  leerjaar: number;
  periode: number;
  gewijzigd: Stamp;
}
export interface PlanningRow extends EntityBase {
  items: string[];
}
export interface ToetsValues {
  leerjaar: number;
  periode: number;
  toetscode: string;
  naam: string;
  omschrijving: string;
  vorm: 'schriftelijk' | 'mondeling' | 'praktijkopdracht' | 'proeve-van-bekwaamheid' | 'presentatie' | 'portfolio' | 'anders';
  soort: 'formatief' | 'summatief';
  doelen: string[];
  duurMinuten: number | null;
  weging: number | null;
  herkansbaar: boolean;
  onderdeelVan: 'pta' | 'examenplan' | 'beide' | 'geen';
  seWeging: number | null;
}
export type ToetsRow = EntityBase & ToetsValues;
export interface ActiviteitValues {
  leerjaar: number;
  periode: number;
  titel: string;
  omschrijving: string;
  doelen: string[];
  organisatieId: string | null;
  uren: number | null;
}
export type ActiviteitRow = EntityBase & ActiviteitValues;
export interface MateriaalValues {
  leerjaar: number;
  periode: number;
  titel: string;
  soort: 'methode' | 'gereedschap' | 'locatie' | 'digitaal' | 'anders';
  omschrijving: string;
  url: string | null;
  organisatieId: string | null;
}
export type MateriaalRow = EntityBase & MateriaalValues;

export type EntityTable = 'leerroute_planning' | 'leerroute_toets' | 'leerroute_activiteit' | 'leerroute_materiaal';

const stamp = (r: { updated_by: string | null; updated_org: string | null; updated_at: Date }): Stamp => ({ userId: r.updated_by, organisationId: r.updated_org, at: iso(r.updated_at) });

export interface RouteParts {
  planning: PlanningRow[];
  toetsen: ToetsRow[];
  activiteiten: ActiviteitRow[];
  materialen: MateriaalRow[];
}

/* eslint-disable @typescript-eslint/no-explicit-any */
const toPlanning = (r: any): PlanningRow => ({ id: r.id, versie: r.versie, leerjaar: r.leerjaar, periode: r.periode, items: json<string[]>(r.items), gewijzigd: stamp(r) });
const toToets = (r: any): ToetsRow => ({
  id: r.id,
  versie: r.versie,
  leerjaar: r.leerjaar,
  periode: r.periode,
  toetscode: r.toetscode,
  naam: r.naam,
  omschrijving: r.omschrijving,
  vorm: r.vorm,
  soort: r.soort,
  doelen: json<string[]>(r.doelen),
  duurMinuten: r.duur_minuten,
  weging: r.weging,
  herkansbaar: r.herkansbaar,
  onderdeelVan: r.onderdeel_van,
  seWeging: r.se_weging,
  gewijzigd: stamp(r),
});
const toActiviteit = (r: any): ActiviteitRow => ({
  id: r.id,
  versie: r.versie,
  leerjaar: r.leerjaar,
  periode: r.periode,
  titel: r.titel,
  omschrijving: r.omschrijving,
  doelen: json<string[]>(r.doelen),
  organisatieId: r.organisation_id,
  uren: r.uren,
  gewijzigd: stamp(r),
});
const toMateriaal = (r: any): MateriaalRow => ({
  id: r.id,
  versie: r.versie,
  leerjaar: r.leerjaar,
  periode: r.periode,
  titel: r.titel,
  soort: r.soort,
  omschrijving: r.omschrijving,
  url: r.url,
  organisatieId: r.organisation_id,
  gewijzigd: stamp(r),
});
/* eslint-enable @typescript-eslint/no-explicit-any */

export async function loadParts(db: Db, routeId: string): Promise<RouteParts> {
  const [planning, toetsen, activiteiten, materialen] = await Promise.all([
    db.selectFrom('leerroute_planning').selectAll().where('leerroute_id', '=', routeId).orderBy('leerjaar').orderBy('periode').orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('leerroute_toets').selectAll().where('leerroute_id', '=', routeId).orderBy('leerjaar').orderBy('periode').orderBy('toetscode').orderBy('id').execute(),
    db.selectFrom('leerroute_activiteit').selectAll().where('leerroute_id', '=', routeId).orderBy('leerjaar').orderBy('periode').orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('leerroute_materiaal').selectAll().where('leerroute_id', '=', routeId).orderBy('leerjaar').orderBy('periode').orderBy('created_at').orderBy('id').execute(),
  ]);
  return { planning: planning.map(toPlanning), toetsen: toetsen.map(toToets), activiteiten: activiteiten.map(toActiviteit), materialen: materialen.map(toMateriaal) };
}

/** Everything a route's page needs besides the route row, in one round trip (the route answers every change). */
export interface RouteBundle {
  parts: RouteParts;
  /** Confirmed links of the samenwerking's crosswalk: [eindtermId, werkprocesId]. */
  links: Array<readonly [string, string]>;
  partners: Array<{ id: string; naam: string; soort: string }>;
  samenwerkingNaam: string;
  users: Map<string, string>;
  organisations: Map<string, string>;
}

export async function loadBundle(db: Db, route: { id: string; partnershipId: string }): Promise<RouteBundle> {
  const r = route.id;
  const p = route.partnershipId;
  const agg = (table: string, order: string) =>
    sql<unknown>`(SELECT coalesce(json_agg(x ORDER BY ${sql.raw(order)}), '[]'::json) FROM ${sql.table(table)} x WHERE x.leerroute_id = ${r})`;
  const stamps = sql`SELECT updated_by AS u, updated_org AS o FROM leerroute_planning WHERE leerroute_id = ${r}
    UNION SELECT updated_by, updated_org FROM leerroute_toets WHERE leerroute_id = ${r}
    UNION SELECT updated_by, updated_org FROM leerroute_activiteit WHERE leerroute_id = ${r}
    UNION SELECT updated_by, updated_org FROM leerroute_materiaal WHERE leerroute_id = ${r}
    UNION SELECT created_by, created_org FROM leerroute WHERE id = ${r}
    UNION SELECT updated_by, updated_org FROM leerroute WHERE id = ${r}`;
  const { rows } = await sql<{
    planning: unknown; toetsen: unknown; activiteiten: unknown; materialen: unknown; links: unknown; partners: unknown; samenwerking: string | null; users: unknown; organisations: unknown;
  }>`SELECT
      ${agg('leerroute_planning', 'x.leerjaar, x.periode, x.created_at, x.id')} AS planning,
      ${agg('leerroute_toets', 'x.leerjaar, x.periode, x.toetscode, x.id')} AS toetsen,
      ${agg('leerroute_activiteit', 'x.leerjaar, x.periode, x.created_at, x.id')} AS activiteiten,
      ${agg('leerroute_materiaal', 'x.leerjaar, x.periode, x.created_at, x.id')} AS materialen,
      (SELECT coalesce(json_agg(json_build_array(c.eindterm_id, c.werkproces_id)), '[]'::json) FROM crosswalk_link c WHERE c.partnership_id = ${p} AND c.status = 'bevestigd') AS links,
      (SELECT coalesce(json_agg(json_build_object('id', o.id, 'naam', o.naam, 'soort', o.soort) ORDER BY o.naam), '[]'::json)
         FROM partnership_member pm JOIN organisation o ON o.id = pm.organisation_id WHERE pm.partnership_id = ${p} AND pm.status = 'lid') AS partners,
      (SELECT naam FROM partnership WHERE id = ${p}) AS samenwerking,
      (SELECT coalesce(json_object_agg(u.id, u.naam), '{}'::json) FROM app_user u WHERE u.id IN (SELECT s.u FROM (${stamps}) s)) AS users,
      (SELECT coalesce(json_object_agg(o.id, o.naam), '{}'::json) FROM organisation o
         WHERE o.id IN (SELECT s.o FROM (${stamps}) s)
            OR o.id IN (SELECT (t->>'organisatieId')::uuid FROM leerroute l, jsonb_array_elements(l.tijdpad) t WHERE l.id = ${r} AND t->>'organisatieId' IS NOT NULL)
            OR o.id IN (SELECT organisation_id FROM leerroute_activiteit WHERE leerroute_id = ${r} UNION SELECT organisation_id FROM leerroute_materiaal WHERE leerroute_id = ${r})) AS organisations`.execute(db);
  const row = rows[0]!;
  return {
    parts: {
      planning: json<unknown[]>(row.planning).map(toPlanning),
      toetsen: json<unknown[]>(row.toetsen).map(toToets),
      activiteiten: json<unknown[]>(row.activiteiten).map(toActiviteit),
      materialen: json<unknown[]>(row.materialen).map(toMateriaal),
    },
    links: json<Array<[string, string]>>(row.links),
    partners: json<Array<{ id: string; naam: string; soort: string }>>(row.partners),
    samenwerkingNaam: row.samenwerking ?? '',
    users: new Map(Object.entries(json<Record<string, string>>(row.users))),
    organisations: new Map(Object.entries(json<Record<string, string>>(row.organisations))),
  };
}

interface RowOf {
  leerroute_planning: PlanningRow;
  leerroute_toets: ToetsRow;
  leerroute_activiteit: ActiviteitRow;
  leerroute_materiaal: MateriaalRow;
}
const MAPPERS = { leerroute_planning: toPlanning, leerroute_toets: toToets, leerroute_activiteit: toActiviteit, leerroute_materiaal: toMateriaal } as const;

/** One entity of the route, or undefined. */
export async function findEntity<T extends EntityTable>(db: Db, table: T, routeId: string, id: string): Promise<RowOf[T] | undefined> {
  const row = await (db as Kysely<DB>).selectFrom(table as 'leerroute_toets').selectAll().where('id', '=', id).where('leerroute_id', '=', routeId).executeTakeFirst();
  return row ? (MAPPERS[table](row) as RowOf[T]) : undefined;
}

function columnsOf(table: EntityTable, v: Record<string, unknown>): Record<string, unknown> {
  switch (table) {
    case 'leerroute_planning':
      return { items: JSON.stringify(v.items), leerjaar: v.leerjaar, periode: v.periode };
    case 'leerroute_toets': {
      const t = v as unknown as ToetsValues;
      return {
        leerjaar: t.leerjaar, periode: t.periode, toetscode: t.toetscode, naam: t.naam, omschrijving: t.omschrijving, vorm: t.vorm, soort: t.soort,
        doelen: JSON.stringify(t.doelen), duur_minuten: t.duurMinuten, weging: t.weging, herkansbaar: t.herkansbaar, onderdeel_van: t.onderdeelVan, se_weging: t.seWeging,
      };
    }
    case 'leerroute_activiteit': {
      const a = v as unknown as ActiviteitValues;
      return { leerjaar: a.leerjaar, periode: a.periode, titel: a.titel, omschrijving: a.omschrijving, doelen: JSON.stringify(a.doelen), organisation_id: a.organisatieId, uren: a.uren };
    }
    case 'leerroute_materiaal': {
      const m = v as unknown as MateriaalValues;
      return { leerjaar: m.leerjaar, periode: m.periode, titel: m.titel, soort: m.soort, omschrijving: m.omschrijving, url: m.url, organisation_id: m.organisatieId };
    }
  }
}

export async function insertEntity(db: Db, table: EntityTable, routeId: string, values: object, by: { userId: string; organisationId: string | null }): Promise<string> {
  const row = await db
    .insertInto(table)
    .values({ ...columnsOf(table, values as Record<string, unknown>), leerroute_id: routeId, updated_by: by.userId, updated_org: by.organisationId } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Where items of a route are planned already (migration 0015: a doel is planned once). */
export async function plannedAt(db: Db, routeId: string, items: readonly string[]): Promise<Array<{ item: string } & PlanningRow>> {
  if (items.length === 0) return [];
  const rows = await db
    .selectFrom('leerroute_planning_item as i')
    .innerJoin('leerroute_planning as p', 'p.id', 'i.planning_id')
    .selectAll('p')
    .select('i.item_id')
    .where('i.leerroute_id', '=', routeId)
    .where('i.item_id', 'in', [...items])
    .execute();
  return rows.map((r) => ({ item: r.item_id, ...toPlanning(r) }));
}

/**
 * A new planningsregel with its items; 'planned' when one of them is planned already, also by a request running at
 * the same moment (the primary key of leerroute_planning_item waits for it). Then the caller must throw, so that the
 * transaction and the inserted regel are rolled back.
 */
export async function insertPlanning(
  db: Db,
  routeId: string,
  values: { items: string[]; leerjaar: number; periode: number },
  by: { userId: string; organisationId: string | null },
): Promise<{ id: string } | 'planned'> {
  const id = await insertEntity(db, 'leerroute_planning', routeId, values, by);
  const inserted = await db
    .insertInto('leerroute_planning_item')
    .values(values.items.map((item) => ({ leerroute_id: routeId, item_id: item, planning_id: id })))
    .onConflict((oc) => oc.columns(['leerroute_id', 'item_id']).doNothing())
    .returning('item_id')
    .execute();
  return inserted.length === new Set(values.items).size ? { id } : 'planned';
}

/** 'ok', 'stale' (another versie) or 'missing' (not in this route). */
export type ChangeOutcome = 'ok' | 'stale' | 'missing';

async function outcome(db: Db, table: EntityTable, routeId: string, id: string, changed: boolean): Promise<ChangeOutcome> {
  if (changed) return 'ok';
  const exists = await db.selectFrom(table).select('id').where('id', '=', id).where('leerroute_id', '=', routeId).executeTakeFirst();
  return exists ? 'stale' : 'missing';
}

/** Sets the given values (partial for planning moves) when the versie matches. */
export async function updateEntity(
  db: Db,
  table: EntityTable,
  routeId: string,
  id: string,
  versie: number,
  values: Record<string, unknown>,
  by: { userId: string; organisationId: string | null },
): Promise<ChangeOutcome> {
  const res = await (db as Kysely<DB>)
    .updateTable(table as 'leerroute_toets')
    .set((eb) => ({ ...(values as object), versie: eb('versie', '+', 1), updated_by: by.userId, updated_org: by.organisationId, updated_at: new Date() }) as never)
    .where('id', '=', id)
    .where('leerroute_id', '=', routeId)
    .where('versie', '=', versie)
    .executeTakeFirst();
  return outcome(db, table, routeId, id, Number(res.numUpdatedRows) === 1);
}

export const entityColumns = (table: EntityTable, values: object) => columnsOf(table, values as Record<string, unknown>);

export async function deleteEntity(db: Db, table: EntityTable, routeId: string, id: string, versie: number): Promise<ChangeOutcome> {
  const res = await (db as Kysely<DB>)
    .deleteFrom(table as 'leerroute_toets')
    .where('id', '=', id)
    .where('leerroute_id', '=', routeId)
    .where('versie', '=', versie)
    .executeTakeFirst();
  return outcome(db, table, routeId, id, Number(res.numDeletedRows) === 1);
}

// ---------------------------------------------------------------------------------------------------------------
// History
// ---------------------------------------------------------------------------------------------------------------

export type EntitySoort = 'leerroute' | 'planning' | 'toets' | 'activiteit' | 'materiaal';

export interface HistoryEntry {
  routeId: string;
  userId: string;
  organisationId: string | null;
  actie: string;
  omschrijving: string;
  entiteit: { soort: EntitySoort; id: string };
  details?: Record<string, unknown>;
}

export async function appendHistory(db: Db, e: HistoryEntry): Promise<void> {
  await db
    .insertInto('leerroute_historie')
    .values({
      leerroute_id: e.routeId,
      user_id: e.userId,
      organisation_id: e.organisationId,
      actie: e.actie,
      omschrijving: e.omschrijving,
      entiteit_soort: e.entiteit.soort,
      entiteit_id: e.entiteit.id,
      details: JSON.stringify(e.details ?? {}),
    })
    .execute();
}

export interface HistoryRow {
  id: string;
  op: string;
  gebruiker: { id: string; naam: string };
  organisatie: { id: string; naam: string } | null;
  actie: string;
  omschrijving: string;
  entiteit: { soort: EntitySoort; id: string };
  details: Record<string, unknown>;
}

/** Newest first. */
export async function listHistory(db: Db, routeId: string, limit: number): Promise<HistoryRow[]> {
  const rows = await db
    .selectFrom('leerroute_historie as h')
    // A left join: the entries of a deleted account stay (migration 0011), without its name.
    .leftJoin('app_user as u', 'u.id', 'h.user_id')
    .leftJoin('organisation as o', 'o.id', 'h.organisation_id')
    .select(['h.id', 'h.at', 'h.user_id', 'u.naam as user_naam', 'h.organisation_id', 'o.naam as org_naam', 'h.actie', 'h.omschrijving', 'h.entiteit_soort', 'h.entiteit_id', 'h.details'])
    .where('h.leerroute_id', '=', routeId)
    .orderBy('h.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    op: iso(r.at),
    gebruiker: { id: r.user_id, naam: r.user_naam ?? '(verwijderd account)' },
    organisatie: r.organisation_id ? { id: r.organisation_id, naam: r.org_naam ?? '' } : null,
    actie: r.actie,
    omschrijving: r.omschrijving,
    entiteit: { soort: r.entiteit_soort as EntitySoort, id: r.entiteit_id },
    details: json<Record<string, unknown>>(r.details),
  }));
}

/** Names of users and organisations, for "who changed it". */
export async function namesOf(db: Db, userIds: readonly string[], organisationIds: readonly string[]): Promise<{ users: Map<string, string>; organisations: Map<string, string> }> {
  const [users, orgs] = await Promise.all([
    userIds.length ? db.selectFrom('app_user').select(['id', 'naam']).where('id', 'in', [...userIds]).execute() : Promise.resolve([]),
    organisationIds.length ? db.selectFrom('organisation').select(['id', 'naam']).where('id', 'in', [...organisationIds]).execute() : Promise.resolve([]),
  ]);
  return { users: new Map(users.map((u) => [u.id, u.naam])), organisations: new Map(orgs.map((o) => [o.id, o.naam])) };
}
