/**
 * SQL of the assessment of the joint exam (issue 14, tables of migration 0020): the assessment forms
 * (`beoordeling`), their scores per criterion and side, their history, the vaststelling and what the exports and the
 * OOAPI view read. Every query is scoped to an exam or form id; the use cases check access first (server/access/examen).
 * A side's save is conditional on that side's versie, so a stale save changes nothing.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

const iso = (d: Date | string) => new Date(d).toISOString();
const num = (v: string | number | null): number | null => (v === null ? null : Number(v));
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

export interface ExamenRow {
  id: string;
  keuzedeelCode: string;
  keuzevakId: string | null;
  cohortId: string;
  leerrouteId: string;
  vmboOrganisationId: string;
  mboOrganisationId: string;
  resultatenVastgesteldAt: string | null;
}

export async function findExamen(db: Db, examenId: string): Promise<ExamenRow | undefined> {
  const r = await db
    .selectFrom('examen')
    .select(['id', 'keuzedeel_code', 'keuzevak_id', 'cohort_id', 'leerroute_id', 'vmbo_organisation_id', 'mbo_organisation_id', 'resultaten_vastgesteld_at'])
    .where('id', '=', examenId)
    .executeTakeFirst();
  return (
    r && {
      id: r.id,
      keuzedeelCode: r.keuzedeel_code,
      keuzevakId: r.keuzevak_id,
      cohortId: r.cohort_id,
      leerrouteId: r.leerroute_id,
      vmboOrganisationId: r.vmbo_organisation_id,
      mboOrganisationId: r.mbo_organisation_id,
      resultatenVastgesteldAt: r.resultaten_vastgesteld_at ? iso(r.resultaten_vastgesteld_at) : null,
    }
  );
}

export interface PlanRow {
  id: string;
  versienummer: number;
  inhoud: unknown;
}

/** The newest vastgesteld plan version of an exam (the one new forms point at). */
export async function findVastgesteldPlan(db: Db, examenId: string): Promise<PlanRow | undefined> {
  const r = await db
    .selectFrom('examenplan')
    .select(['id', 'versienummer', 'inhoud'])
    .where('examen_id', '=', examenId)
    .where('status', '=', 'vastgesteld')
    .orderBy('versienummer', 'desc')
    .executeTakeFirst();
  return r && { id: r.id, versienummer: r.versienummer, inhoud: json(r.inhoud) };
}

export async function findPlan(db: Db, planId: string): Promise<PlanRow | undefined> {
  const r = await db.selectFrom('examenplan').select(['id', 'versienummer', 'inhoud']).where('id', '=', planId).executeTakeFirst();
  return r && { id: r.id, versienummer: r.versienummer, inhoud: json(r.inhoud) };
}

/** Makes the form (poging 1) of every registered pupil that has none yet; idempotent. */
export async function ensureForms(db: Db, examenId: string, planId: string): Promise<void> {
  await sql`
    INSERT INTO beoordeling (examen_id, examenplan_id, leerling_id)
    SELECT i.examen_id, ${planId}, i.leerling_id FROM examen_inschrijving i
    WHERE i.examen_id = ${examenId}
      AND NOT EXISTS (SELECT 1 FROM beoordeling b WHERE b.examen_id = i.examen_id AND b.leerling_id = i.leerling_id)
    ON CONFLICT (examen_id, leerling_id, poging) DO NOTHING`.execute(db);
}

export interface FormRow {
  id: string;
  examenId: string;
  examenplanId: string;
  leerlingId: string;
  poging: number;
  versieEerste: number;
  versieTweede: number;
  keuzedeelResultaat: 'behaald' | 'niet-behaald' | null;
  keuzedeelCijfer: number | null;
  keuzevakCijfer: number | null;
  afgenomenOp: string | null;
  status: 'open' | 'vastgesteld';
  vastgesteldAt: string | null;
  vastgesteldNaam: string | null;
  verificatiecode: string | null;
  updatedAt: string;
  leerling: { naam: string; roepnaam: string; tussenvoegsel: string; achternaam: string; leerlingnummer: string; klas: string };
}

const formSelect = (db: Db) =>
  db
    .selectFrom('beoordeling as b')
    .innerJoin('leerling as l', 'l.id', 'b.leerling_id')
    .select([
      'b.id', 'b.examen_id', 'b.examenplan_id', 'b.leerling_id', 'b.poging', 'b.versie_eerste', 'b.versie_tweede', 'b.keuzedeel_resultaat', 'b.keuzedeel_cijfer', 'b.keuzevak_cijfer',
      sql<string | null>`to_char(b.afgenomen_op, 'YYYY-MM-DD')`.as('afgenomen_op'), 'b.status', 'b.vastgesteld_at', 'b.vastgesteld_naam', 'b.verificatiecode', 'b.updated_at',
      'l.roepnaam', 'l.tussenvoegsel', 'l.achternaam', 'l.leerlingnummer', 'l.klas',
    ]);

type FormSelectRow = Awaited<ReturnType<ReturnType<typeof formSelect>['executeTakeFirstOrThrow']>>;
function toForm(r: FormSelectRow): FormRow {
  return {
    id: r.id,
    examenId: r.examen_id,
    examenplanId: r.examenplan_id,
    leerlingId: r.leerling_id,
    poging: r.poging,
    versieEerste: r.versie_eerste,
    versieTweede: r.versie_tweede,
    keuzedeelResultaat: r.keuzedeel_resultaat,
    keuzedeelCijfer: num(r.keuzedeel_cijfer),
    keuzevakCijfer: num(r.keuzevak_cijfer),
    afgenomenOp: r.afgenomen_op,
    status: r.status,
    vastgesteldAt: r.vastgesteld_at ? iso(r.vastgesteld_at) : null,
    vastgesteldNaam: r.vastgesteld_naam,
    verificatiecode: r.verificatiecode,
    updatedAt: iso(r.updated_at),
    leerling: {
      naam: [r.roepnaam, r.tussenvoegsel, r.achternaam].filter((s) => s).join(' '),
      roepnaam: r.roepnaam,
      tussenvoegsel: r.tussenvoegsel,
      achternaam: r.achternaam,
      leerlingnummer: r.leerlingnummer,
      klas: r.klas,
    },
  };
}

export async function findForm(db: Db, id: string, opts: { lock?: boolean } = {}): Promise<FormRow | undefined> {
  if (opts.lock) await sql`SELECT 1 FROM beoordeling WHERE id = ${id} FOR UPDATE`.execute(db);
  const r = await formSelect(db).where('b.id', '=', id).executeTakeFirst();
  return r && toForm(r);
}

/** Only the exam a form belongs to (for the access check before anything else is read). */
export async function examenOfForm(db: Db, id: string): Promise<string | undefined> {
  return (await db.selectFrom('beoordeling').select('examen_id').where('id', '=', id).executeTakeFirst())?.examen_id;
}

/** Every form of an exam (all attempts), ordered by pupil name and attempt. */
export async function formsOfExamen(db: Db, examenId: string): Promise<FormRow[]> {
  const rows = await formSelect(db).where('b.examen_id', '=', examenId).orderBy('l.achternaam').orderBy('l.roepnaam').orderBy('l.leerlingnummer').orderBy('b.poging').execute();
  return rows.map(toForm);
}

export interface ScoreRow {
  beoordelingId: string;
  criteriumId: string;
  kant: 'eerste' | 'tweede';
  score: number;
  notitie: string;
  updatedBy: string | null;
  updatedByNaam: string | null;
  updatedAt: string;
}

export async function scoresOf(db: Db, beoordelingIds: readonly string[]): Promise<ScoreRow[]> {
  if (beoordelingIds.length === 0) return [];
  const rows = await db
    .selectFrom('beoordeling_score as s')
    .leftJoin('app_user as u', 'u.id', 's.updated_by')
    .select(['s.beoordeling_id', 's.criterium_id', 's.beoordelaar', 's.score', 's.notitie', 's.updated_by', 's.updated_at', 'u.naam'])
    .where('s.beoordeling_id', 'in', [...beoordelingIds])
    .execute();
  return rows.map((r) => ({
    beoordelingId: r.beoordeling_id,
    criteriumId: r.criterium_id,
    kant: r.beoordelaar,
    score: Number(r.score),
    notitie: r.notitie,
    updatedBy: r.updated_by,
    updatedByNaam: r.naam ?? null,
    updatedAt: iso(r.updated_at),
  }));
}

/** The scores of every form of an exam (one query, for the list and the exports). */
export async function scoresOfExamen(db: Db, examenId: string): Promise<ScoreRow[]> {
  const rows = await db
    .selectFrom('beoordeling_score as s')
    .innerJoin('beoordeling as b', 'b.id', 's.beoordeling_id')
    .select(['s.beoordeling_id', 's.criterium_id', 's.beoordelaar', 's.score', 's.notitie', 's.updated_by', 's.updated_at'])
    .where('b.examen_id', '=', examenId)
    .execute();
  return rows.map((r) => ({
    beoordelingId: r.beoordeling_id,
    criteriumId: r.criterium_id,
    kant: r.beoordelaar,
    score: Number(r.score),
    notitie: r.notitie,
    updatedBy: r.updated_by,
    updatedByNaam: null,
    updatedAt: iso(r.updated_at),
  }));
}

export async function upsertScore(db: Db, s: { beoordelingId: string; criteriumId: string; kant: 'eerste' | 'tweede'; score: number; notitie: string; userId: string }): Promise<void> {
  await db
    .insertInto('beoordeling_score')
    .values({ beoordeling_id: s.beoordelingId, criterium_id: s.criteriumId, beoordelaar: s.kant, score: s.score, notitie: s.notitie, updated_by: s.userId })
    .onConflict((oc) => oc.columns(['beoordeling_id', 'criterium_id', 'beoordelaar']).doUpdateSet({ score: s.score, notitie: s.notitie, updated_by: s.userId, updated_at: sql`now()` }))
    .execute();
}

export async function deleteScore(db: Db, s: { beoordelingId: string; criteriumId: string; kant: 'eerste' | 'tweede' }): Promise<void> {
  await db.deleteFrom('beoordeling_score').where('beoordeling_id', '=', s.beoordelingId).where('criterium_id', '=', s.criteriumId).where('beoordelaar', '=', s.kant).execute();
}

/**
 * Raises one side's versie, only if it is still `expected` (false: someone saved that side meanwhile), and sets that
 * side's result fields that are given.
 */
export async function bumpSide(
  db: Db,
  id: string,
  kant: 'eerste' | 'tweede',
  expected: number,
  set: { keuzedeelResultaat?: 'behaald' | 'niet-behaald' | null; keuzedeelCijfer?: number | null; keuzevakCijfer?: number | null; afgenomenOp?: string | null },
): Promise<number | null> {
  const column = kant === 'eerste' ? 'versie_eerste' : 'versie_tweede';
  const r = await db
    .updateTable('beoordeling')
    .set({
      [column]: sql`${sql.ref(column)} + 1`,
      updated_at: sql`now()`,
      ...(set.keuzedeelResultaat !== undefined ? { keuzedeel_resultaat: set.keuzedeelResultaat } : {}),
      ...(set.keuzedeelCijfer !== undefined ? { keuzedeel_cijfer: set.keuzedeelCijfer } : {}),
      ...(set.keuzevakCijfer !== undefined ? { keuzevak_cijfer: set.keuzevakCijfer } : {}),
      ...(set.afgenomenOp !== undefined ? { afgenomen_op: set.afgenomenOp } : {}),
    })
    .where('id', '=', id)
    .where(column, '=', expected)
    .returning(column)
    .executeTakeFirst();
  return r ? (r as Record<string, number>)[column]! : null;
}

/** A correction after vaststelling: both sides' versie go up (an open tab of either assessor is stale). */
export async function correctForm(db: Db, id: string, set: { keuzedeelResultaat?: 'behaald' | 'niet-behaald'; keuzedeelCijfer?: number | null; keuzevakCijfer?: number }): Promise<void> {
  await db
    .updateTable('beoordeling')
    .set({
      versie_eerste: sql`versie_eerste + 1`,
      versie_tweede: sql`versie_tweede + 1`,
      updated_at: sql`now()`,
      ...(set.keuzedeelResultaat !== undefined ? { keuzedeel_resultaat: set.keuzedeelResultaat } : {}),
      ...(set.keuzedeelCijfer !== undefined ? { keuzedeel_cijfer: set.keuzedeelCijfer } : {}),
      ...(set.keuzevakCijfer !== undefined ? { keuzevak_cijfer: set.keuzevakCijfer } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function appendHistorie(db: Db, h: { beoordelingId: string; userId: string | null; naam: string; wat: string; details: Record<string, unknown>; reden?: string | null }): Promise<void> {
  await db
    .insertInto('beoordeling_historie')
    .values({ beoordeling_id: h.beoordelingId, by_user_id: h.userId, by_naam: h.naam, wat: h.wat, details: JSON.stringify(h.details), reden: h.reden ?? null })
    .execute();
}

export interface HistorieRow {
  at: string;
  naam: string;
  wat: string;
  details: Record<string, unknown>;
  reden: string | null;
}

export async function historieOf(db: Db, beoordelingId: string): Promise<HistorieRow[]> {
  const rows = await db
    .selectFrom('beoordeling_historie')
    .select(['at', 'by_naam', 'wat', 'details', 'reden'])
    .where('beoordeling_id', '=', beoordelingId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({ at: iso(r.at), naam: r.by_naam, wat: r.wat, details: json<Record<string, unknown>>(r.details) ?? {}, reden: r.reden }));
}

export async function verificatiecodeBestaat(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom('beoordeling').select('id').where('verificatiecode', '=', code).executeTakeFirst()) !== undefined;
}

export async function lockExamen(db: Db, examenId: string): Promise<void> {
  await sql`SELECT 1 FROM examen WHERE id = ${examenId} FOR UPDATE`.execute(db);
}

export async function vaststelForm(db: Db, id: string, v: { userId: string; naam: string; code: string; afgenomenOp: string }): Promise<void> {
  await db
    .updateTable('beoordeling')
    .set({
      status: 'vastgesteld',
      vastgesteld_at: sql`now()`,
      vastgesteld_by: v.userId,
      vastgesteld_naam: v.naam,
      verificatiecode: v.code,
      afgenomen_op: sql`coalesce(afgenomen_op, ${v.afgenomenOp}::date)`,
      versie_eerste: sql`versie_eerste + 1`,
      versie_tweede: sql`versie_tweede + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .execute();
}

export async function markExamenVastgesteld(db: Db, examenId: string, userId: string): Promise<string> {
  const r = await db
    .updateTable('examen')
    .set({ resultaten_vastgesteld_at: sql`now()`, resultaten_vastgesteld_by: userId, versie: sql`versie + 1`, updated_at: sql`now()` })
    .where('id', '=', examenId)
    .returning('resultaten_vastgesteld_at')
    .executeTakeFirstOrThrow();
  return iso(r.resultaten_vastgesteld_at!);
}

export async function insertHerkansing(db: Db, f: { examenId: string; planId: string; leerlingId: string; poging: number }): Promise<string> {
  const r = await db.insertInto('beoordeling').values({ examen_id: f.examenId, examenplan_id: f.planId, leerling_id: f.leerlingId, poging: f.poging }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export interface ToetsRow {
  id: string;
  toetscode: string;
  naam: string;
  herkansbaar: boolean;
}

export async function findToets(db: Db, toetsId: string): Promise<ToetsRow | undefined> {
  const r = await db.selectFrom('leerroute_toets').select(['id', 'toetscode', 'naam', 'herkansbaar']).where('id', '=', toetsId).executeTakeFirst();
  return r && { id: r.id, toetscode: r.toetscode, naam: r.naam, herkansbaar: r.herkansbaar };
}

export async function userNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const uniek = [...new Set(ids)].filter(Boolean);
  if (uniek.length === 0) return new Map();
  const rows = await db.selectFrom('app_user').select(['id', 'naam']).where('id', 'in', uniek).execute();
  return new Map(rows.map((r) => [r.id, r.naam]));
}

export async function organisationName(db: Db, id: string): Promise<string> {
  return (await db.selectFrom('organisation').select('naam').where('id', '=', id).executeTakeFirst())?.naam ?? '';
}

export async function hasLaterPoging(db: Db, f: { examenId: string; leerlingId: string; poging: number }): Promise<boolean> {
  const r = await db.selectFrom('beoordeling').select('id').where('examen_id', '=', f.examenId).where('leerling_id', '=', f.leerlingId).where('poging', '>', f.poging).executeTakeFirst();
  return r !== undefined;
}

/** Per form and side: how many criteria have a score and their sum (for the OOAPI view of many forms). */
export async function scoreTotalen(db: Db, beoordelingIds: readonly string[]): Promise<Map<string, { eerste: { aantal: number; som: number }; tweede: { aantal: number; som: number } }>> {
  const uit = new Map<string, { eerste: { aantal: number; som: number }; tweede: { aantal: number; som: number } }>();
  if (beoordelingIds.length === 0) return uit;
  const rows = await db
    .selectFrom('beoordeling_score')
    .select(['beoordeling_id', 'beoordelaar', sql<string>`count(*)`.as('aantal'), sql<string>`sum(score)`.as('som')])
    .where('beoordeling_id', 'in', [...beoordelingIds])
    .groupBy(['beoordeling_id', 'beoordelaar'])
    .execute();
  for (const r of rows) {
    let t = uit.get(r.beoordeling_id);
    if (!t) uit.set(r.beoordeling_id, (t = { eerste: { aantal: 0, som: 0 }, tweede: { aantal: 0, som: 0 } }));
    t[r.beoordelaar] = { aantal: Number(r.aantal), som: Number(r.som) };
  }
  return uit;
}

/** Who last saved a 2nd-assessor score on each of these forms (for exports when the plan names no beoordelaar). */
export async function tweedeBeoordelaars(db: Db, beoordelingIds: readonly string[]): Promise<Map<string, string>> {
  if (beoordelingIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('beoordeling_score')
    .select(['beoordeling_id', 'updated_by'])
    .where('beoordeling_id', 'in', [...beoordelingIds])
    .where('beoordelaar', '=', 'tweede')
    .where('updated_by', 'is not', null)
    .orderBy('updated_at')
    .execute();
  return new Map(rows.map((r) => [r.beoordeling_id, r.updated_by!]));
}

/** The verificatiecodes among these that are already in use. */
export async function bestaandeVerificatiecodes(db: Db, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.selectFrom('beoordeling').select('verificatiecode').where('verificatiecode', 'in', [...codes]).execute();
  return new Set(rows.map((r) => r.verificatiecode!));
}

/** Vaststellen of many forms in one statement (each with its own code), and their history entries in one insert. */
export async function vaststelForms(db: Db, forms: ReadonlyArray<{ id: string; code: string }>, v: { userId: string; naam: string; afgenomenOp: string }): Promise<void> {
  if (forms.length === 0) return;
  const waarden = sql.join(forms.map((f) => sql`(${f.id}::uuid, ${f.code}::text)`));
  await sql`
    UPDATE beoordeling b SET
      status = 'vastgesteld', vastgesteld_at = now(), vastgesteld_by = ${v.userId}, vastgesteld_naam = ${v.naam},
      verificatiecode = c.code, afgenomen_op = coalesce(b.afgenomen_op, ${v.afgenomenOp}::date),
      versie_eerste = b.versie_eerste + 1, versie_tweede = b.versie_tweede + 1, updated_at = now()
    FROM (VALUES ${waarden}) AS c (id, code)
    WHERE b.id = c.id AND b.status = 'open'`.execute(db);
  await db
    .insertInto('beoordeling_historie')
    .values(forms.map((f) => ({ beoordeling_id: f.id, by_user_id: v.userId, by_naam: v.naam, wat: 'vastgesteld', details: JSON.stringify({ verificatiecode: f.code }) })))
    .execute();
}
