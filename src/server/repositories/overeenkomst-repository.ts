/**
 * SQL of the samenwerkingsovereenkomst (migration 0019). Every query is scoped to an agreement id or a partnership
 * id; the use cases check access first. Changes are conditional on the versie and status they expect, so a stale or
 * concurrent change changes nothing and answers false.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

const iso = (d: Date | string) => new Date(d).toISOString();
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

export interface Stempel {
  userId: string | null;
  organisationId: string | null;
  at: string;
}

export interface OvereenkomstRow {
  id: string;
  reeksId: string;
  documentversie: number;
  voorgangerId: string | null;
  partnershipId: string;
  soort: string;
  titel: string;
  status: 'concept' | 'ter-ondertekening' | 'ondertekend' | 'beeindigd';
  onderwerpen: string[];
  clausuleset: string;
  partijen: PartijRow[] | null;
  bevroren: Bevroren | null;
  ingediendAt: string | null;
  ondertekendAt: string | null;
  beeindigdAt: string | null;
  beeindigdReden: string | null;
  versie: number;
  aangemaakt: Stempel;
  gewijzigd: Stempel;
}

export interface PartijRow {
  id: string;
  naam: string;
  soort: string;
  brin: string | null;
  vestigingen: Array<{ naam: string; brin: string | null }>;
}

/** A signed version as it was signed. */
export interface Bevroren {
  titel: string;
  leerroutes: Array<{ id: string; naam: string }>;
  onderwerpen: string[];
  partijen: PartijRow[];
  clausules: Array<{ id: string; tekst: string; versie: number }>;
  ondertekeningen: Array<{ organisationId: string; naam: string; functie: string; datum: string }>;
  medezeggenschap: Array<{ organisationId: string; orgaan: string; uitkomst: string; datum: string }>;
}

function selectOvk(db: Db) {
  return db.selectFrom('overeenkomst').selectAll();
}

type RawOvk = Awaited<ReturnType<ReturnType<typeof selectOvk>['executeTakeFirstOrThrow']>>;

function toRow(r: RawOvk): OvereenkomstRow {
  return {
    id: r.id,
    reeksId: r.reeks_id,
    documentversie: r.documentversie,
    voorgangerId: r.voorganger_id,
    partnershipId: r.partnership_id,
    soort: r.soort,
    titel: r.titel,
    status: r.status as OvereenkomstRow['status'],
    onderwerpen: json<string[]>(r.onderwerpen) ?? [],
    clausuleset: r.clausuleset,
    partijen: r.partijen == null ? null : json<PartijRow[]>(r.partijen),
    bevroren: r.bevroren == null ? null : json<Bevroren>(r.bevroren),
    ingediendAt: r.ingediend_at ? iso(r.ingediend_at) : null,
    ondertekendAt: r.ondertekend_at ? iso(r.ondertekend_at) : null,
    beeindigdAt: r.beeindigd_at ? iso(r.beeindigd_at) : null,
    beeindigdReden: r.beeindigd_reden,
    versie: r.versie,
    aangemaakt: { userId: r.created_by, organisationId: r.created_org, at: iso(r.created_at) },
    gewijzigd: { userId: r.updated_by, organisationId: r.updated_org, at: iso(r.updated_at) },
  };
}

export async function findOvereenkomst(db: Db, id: string): Promise<OvereenkomstRow | undefined> {
  const r = await selectOvk(db).where('id', '=', id).executeTakeFirst();
  return r && toRow(r);
}

/** The agreement row locked for the rest of the transaction (changes of one agreement go one after the other). */
export async function lockOvereenkomst(db: Db, id: string): Promise<OvereenkomstRow | undefined> {
  const r = await selectOvk(db).where('id', '=', id).forUpdate().executeTakeFirst();
  return r && toRow(r);
}

export async function listOvereenkomsten(db: Db, partnershipId: string): Promise<OvereenkomstRow[]> {
  const rows = await selectOvk(db).where('partnership_id', '=', partnershipId).orderBy('created_at').orderBy('documentversie').orderBy('id').execute();
  return rows.map(toRow);
}

export async function listVersies(db: Db, reeksId: string): Promise<OvereenkomstRow[]> {
  const rows = await selectOvk(db).where('reeks_id', '=', reeksId).orderBy('documentversie').execute();
  return rows.map(toRow);
}

export async function overeenkomstenVanRoute(db: Db, routeId: string): Promise<OvereenkomstRow[]> {
  const rows = await db
    .selectFrom('overeenkomst as o')
    .innerJoin('overeenkomst_leerroute as ol', 'ol.overeenkomst_id', 'o.id')
    .selectAll('o')
    .where('ol.leerroute_id', '=', routeId)
    .orderBy('o.created_at')
    .orderBy('o.documentversie')
    .execute();
  return rows.map(toRow);
}

export interface NieuweOvereenkomst {
  reeksId?: string;
  documentversie: number;
  voorgangerId: string | null;
  partnershipId: string;
  soort: string;
  titel: string;
  onderwerpen: readonly string[];
  clausuleset: string;
  by: { userId: string; organisationId: string | null };
}

export async function insertOvereenkomst(db: Db, v: NieuweOvereenkomst): Promise<string> {
  const row = await db
    .insertInto('overeenkomst')
    .values({
      reeks_id: v.reeksId ?? sql<string>`gen_random_uuid()`,
      documentversie: v.documentversie,
      voorganger_id: v.voorgangerId,
      partnership_id: v.partnershipId,
      soort: v.soort,
      titel: v.titel,
      onderwerpen: JSON.stringify(v.onderwerpen),
      clausuleset: v.clausuleset,
      created_by: v.by.userId,
      created_org: v.by.organisationId,
      updated_by: v.by.userId,
      updated_org: v.by.organisationId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Marks the agreement as changed by `by` (and raises its versie); only when it still has `versie` (when given). */
export async function touchOvereenkomst(db: Db, id: string, by: { userId: string; organisationId: string | null }, versie?: number): Promise<boolean> {
  let q = db
    .updateTable('overeenkomst')
    .set({ versie: sql`versie + 1`, updated_by: by.userId, updated_org: by.organisationId, updated_at: sql`now()` })
    .where('id', '=', id);
  if (versie !== undefined) q = q.where('versie', '=', versie);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function updateInstellingen(db: Db, id: string, versie: number, v: { titel: string; onderwerpen: readonly string[] }, by: { userId: string; organisationId: string | null }): Promise<boolean> {
  const r = await db
    .updateTable('overeenkomst')
    .set({ titel: v.titel, onderwerpen: JSON.stringify(v.onderwerpen), versie: sql`versie + 1`, updated_by: by.userId, updated_org: by.organisationId, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('versie', '=', versie)
    .where('status', '=', 'concept')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface StatusWijziging {
  status: OvereenkomstRow['status'];
  partijen?: PartijRow[] | null;
  bevroren?: Bevroren;
  ingediend?: boolean | null;
  ondertekend?: boolean;
  beeindigdReden?: string;
}

/** Changes the status, only from `van` (and at `versie` when given). */
export async function setStatus(db: Db, id: string, van: OvereenkomstRow['status'], w: StatusWijziging, by: { userId: string; organisationId: string | null }, versie?: number): Promise<boolean> {
  let q = db
    .updateTable('overeenkomst')
    .set({
      status: w.status,
      ...(w.partijen !== undefined ? { partijen: w.partijen === null ? null : JSON.stringify(w.partijen) } : {}),
      ...(w.bevroren !== undefined ? { bevroren: JSON.stringify(w.bevroren) } : {}),
      ...(w.ingediend === true ? { ingediend_at: sql`now()` } : w.ingediend === null ? { ingediend_at: null } : {}),
      ...(w.ondertekend ? { ondertekend_at: sql`now()` } : {}),
      ...(w.beeindigdReden !== undefined ? { beeindigd_at: sql`now()`, beeindigd_reden: w.beeindigdReden } : {}),
      versie: sql`versie + 1`,
      updated_by: by.userId,
      updated_org: by.organisationId,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('status', '=', van);
  if (versie !== undefined) q = q.where('versie', '=', versie);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// --- covered routes -----------------------------------------------------------------------------------------------

/** Of the given ids, the routes of this samenwerking that are not deleted. */
export async function routesInPartnership(db: Db, partnershipId: string, routeIds: readonly string[]): Promise<Array<{ id: string; naam: string }>> {
  if (routeIds.length === 0) return [];
  return db.selectFrom('leerroute').select(['id', 'naam']).where('partnership_id', '=', partnershipId).where('verwijderd_at', 'is', null).where('id', 'in', [...routeIds]).execute();
}

export async function setLeerroutes(db: Db, overeenkomstId: string, routeIds: readonly string[]): Promise<void> {
  await db.deleteFrom('overeenkomst_leerroute').where('overeenkomst_id', '=', overeenkomstId).execute();
  if (routeIds.length) await db.insertInto('overeenkomst_leerroute').values(routeIds.map((r) => ({ overeenkomst_id: overeenkomstId, leerroute_id: r }))).execute();
}

/** Covered routes per agreement (deleted routes included, by name). */
export async function leerroutesVan(db: Db, overeenkomstIds: readonly string[]): Promise<Map<string, Array<{ id: string; naam: string }>>> {
  const out = new Map<string, Array<{ id: string; naam: string }>>();
  if (overeenkomstIds.length === 0) return out;
  const rows = await db
    .selectFrom('overeenkomst_leerroute as ol')
    .innerJoin('leerroute as l', 'l.id', 'ol.leerroute_id')
    .select(['ol.overeenkomst_id', 'l.id', 'l.naam'])
    .where('ol.overeenkomst_id', 'in', [...overeenkomstIds])
    .orderBy('l.naam')
    .execute();
  for (const r of rows) {
    const list = out.get(r.overeenkomst_id) ?? [];
    list.push({ id: r.id, naam: r.naam });
    out.set(r.overeenkomst_id, list);
  }
  return out;
}

// --- clauses -----------------------------------------------------------------------------------------------------

export interface ClausuleRow {
  overeenkomstId: string;
  clausuleId: string;
  positie: number;
  tekst: string;
  versie: number;
  voorstel: boolean;
  gewijzigd: Stempel;
}

export async function insertClausules(db: Db, overeenkomstId: string, rows: ReadonlyArray<{ clausuleId: string; tekst: string; voorstel: boolean }>, by: { userId: string; organisationId: string | null }): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('overeenkomst_clausule')
    .values(rows.map((r, i) => ({ overeenkomst_id: overeenkomstId, clausule_id: r.clausuleId, positie: i, tekst: r.tekst, voorstel: r.voorstel, updated_by: r.voorstel ? null : by.userId, updated_org: r.voorstel ? null : by.organisationId })))
    .execute();
}

export async function clausulesVan(db: Db, overeenkomstIds: readonly string[]): Promise<ClausuleRow[]> {
  if (overeenkomstIds.length === 0) return [];
  const rows = await db.selectFrom('overeenkomst_clausule').selectAll().where('overeenkomst_id', 'in', [...overeenkomstIds]).orderBy('overeenkomst_id').orderBy('positie').execute();
  return rows.map((r) => ({
    overeenkomstId: r.overeenkomst_id,
    clausuleId: r.clausule_id,
    positie: r.positie,
    tekst: r.tekst,
    versie: r.versie,
    voorstel: r.voorstel,
    gewijzigd: { userId: r.updated_by, organisationId: r.updated_org, at: iso(r.updated_at) },
  }));
}

/** Changes one clause text, only at `versie`. */
export async function updateClausule(db: Db, overeenkomstId: string, clausuleId: string, versie: number, tekst: string, by: { userId: string; organisationId: string | null }): Promise<boolean> {
  const r = await db
    .updateTable('overeenkomst_clausule')
    .set({ tekst, versie: sql`versie + 1`, voorstel: false, updated_by: by.userId, updated_org: by.organisationId, updated_at: sql`now()` })
    .where('overeenkomst_id', '=', overeenkomstId)
    .where('clausule_id', '=', clausuleId)
    .where('versie', '=', versie)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// --- comments ----------------------------------------------------------------------------------------------------

export interface OpmerkingRow {
  id: string;
  clausuleId: string;
  tekst: string;
  userId: string | null;
  organisationId: string | null;
  at: string;
}

export async function insertOpmerking(db: Db, v: { overeenkomstId: string; clausuleId: string; tekst: string; userId: string; organisationId: string | null }): Promise<string> {
  const r = await db
    .insertInto('overeenkomst_opmerking')
    .values({ overeenkomst_id: v.overeenkomstId, clausule_id: v.clausuleId, tekst: v.tekst, user_id: v.userId, organisation_id: v.organisationId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function opmerkingenVan(db: Db, overeenkomstId: string): Promise<OpmerkingRow[]> {
  const rows = await db.selectFrom('overeenkomst_opmerking').selectAll().where('overeenkomst_id', '=', overeenkomstId).orderBy('at').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, clausuleId: r.clausule_id, tekst: r.tekst, userId: r.user_id, organisationId: r.organisation_id, at: iso(r.at) }));
}

// --- signatures and medezeggenschap ---------------------------------------------------------------------------------

export interface OndertekeningRow {
  organisationId: string;
  naam: string;
  functie: string;
  datum: string;
  userId: string | null;
  at: string;
}

export async function ondertekeningenVan(db: Db, overeenkomstId: string): Promise<OndertekeningRow[]> {
  const rows = await db
    .selectFrom('overeenkomst_ondertekening')
    .select(['organisation_id', 'naam', 'functie', sql<string>`to_char(datum, 'YYYY-MM-DD')`.as('datum'), 'user_id', 'at'])
    .where('overeenkomst_id', '=', overeenkomstId)
    .orderBy('at')
    .execute();
  return rows.map((r) => ({ organisationId: r.organisation_id, naam: r.naam, functie: r.functie, datum: r.datum, userId: r.user_id, at: iso(r.at) }));
}

/** Records a party's signature; false when that party already signed. */
export async function insertOndertekening(db: Db, v: { overeenkomstId: string; organisationId: string; naam: string; functie: string; datum: string; userId: string }): Promise<boolean> {
  const r = await db
    .insertInto('overeenkomst_ondertekening')
    .values({ overeenkomst_id: v.overeenkomstId, organisation_id: v.organisationId, naam: v.naam, functie: v.functie, datum: v.datum, user_id: v.userId })
    .onConflict((oc) => oc.columns(['overeenkomst_id', 'organisation_id']).doNothing())
    .returning('organisation_id')
    .executeTakeFirst();
  return r !== undefined;
}

export async function deleteOndertekeningen(db: Db, overeenkomstId: string): Promise<number> {
  const r = await db.deleteFrom('overeenkomst_ondertekening').where('overeenkomst_id', '=', overeenkomstId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export interface MedezeggenschapRow {
  organisationId: string;
  orgaan: string;
  uitkomst: string;
  datum: string;
  toelichting: string;
  userId: string | null;
  at: string;
}

export async function medezeggenschapVan(db: Db, overeenkomstId: string): Promise<MedezeggenschapRow[]> {
  const rows = await db
    .selectFrom('overeenkomst_medezeggenschap')
    .select(['organisation_id', 'orgaan', 'uitkomst', sql<string>`to_char(datum, 'YYYY-MM-DD')`.as('datum'), 'toelichting', 'user_id', 'at'])
    .where('overeenkomst_id', '=', overeenkomstId)
    .orderBy('at')
    .execute();
  return rows.map((r) => ({ organisationId: r.organisation_id, orgaan: r.orgaan, uitkomst: r.uitkomst, datum: r.datum, toelichting: r.toelichting, userId: r.user_id, at: iso(r.at) }));
}

export async function upsertMedezeggenschap(db: Db, v: { overeenkomstId: string; organisationId: string; orgaan: string; uitkomst: string; datum: string; toelichting: string; userId: string }): Promise<void> {
  await db
    .insertInto('overeenkomst_medezeggenschap')
    .values({ overeenkomst_id: v.overeenkomstId, organisation_id: v.organisationId, orgaan: v.orgaan, uitkomst: v.uitkomst, datum: v.datum, toelichting: v.toelichting, user_id: v.userId })
    .onConflict((oc) => oc.columns(['overeenkomst_id', 'organisation_id', 'orgaan']).doUpdateSet({ uitkomst: v.uitkomst, datum: v.datum, toelichting: v.toelichting, user_id: v.userId, at: sql`now()` }))
    .execute();
}

// --- parties -------------------------------------------------------------------------------------------------------

/** The partner organisations with BRIN and vestigingen, by name. */
export async function partijenVan(db: Db, organisationIds: readonly string[]): Promise<PartijRow[]> {
  if (organisationIds.length === 0) return [];
  const [orgs, vest] = await Promise.all([
    db.selectFrom('organisation').select(['id', 'naam', 'soort', 'brin']).where('id', 'in', [...organisationIds]).orderBy('naam').execute(),
    db.selectFrom('vestiging').select(['organisation_id', 'naam', 'brin_vestiging']).where('organisation_id', 'in', [...organisationIds]).orderBy('naam').execute(),
  ]);
  return orgs.map((o) => ({ id: o.id, naam: o.naam, soort: o.soort, brin: o.brin, vestigingen: vest.filter((v) => v.organisation_id === o.id).map((v) => ({ naam: v.naam, brin: v.brin_vestiging })) }));
}

export async function partnershipNaam(db: Db, partnershipId: string): Promise<string | null> {
  const r = await db.selectFrom('partnership').select('naam').where('id', '=', partnershipId).executeTakeFirst();
  return r?.naam ?? null;
}

// --- history -------------------------------------------------------------------------------------------------------

export async function appendHistorie(db: Db, e: { overeenkomstId: string; userId: string; organisationId: string | null; actie: string; omschrijving: string; details?: Record<string, unknown> }): Promise<void> {
  await db
    .insertInto('overeenkomst_historie')
    .values({ overeenkomst_id: e.overeenkomstId, user_id: e.userId, organisation_id: e.organisationId, actie: e.actie, omschrijving: e.omschrijving, details: JSON.stringify(e.details ?? {}) })
    .execute();
}

export async function historieVan(db: Db, overeenkomstId: string, limit = 200): Promise<Array<{ actie: string; omschrijving: string; userId: string; organisationId: string | null; at: string }>> {
  const rows = await db.selectFrom('overeenkomst_historie').selectAll().where('overeenkomst_id', '=', overeenkomstId).orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ actie: r.actie, omschrijving: r.omschrijving, userId: r.user_id, organisationId: r.organisation_id, at: iso(r.at) }));
}
