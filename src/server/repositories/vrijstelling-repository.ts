/**
 * Data access of the pupil's own view and the vrijstelling (issue 14): a pupil's records through the account link
 * (leerling.account_id), their registrations and results, the requests to an instelling and their decision, and the
 * result behind a verification code. Every query for a pupil is scoped to that account id.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));
const num = (v: string | number | null) => (v === null ? null : Number(v));

/** The pupil records linked to an account, with school and cohort. */
export async function leerlingenVanAccount(db: Db, userId: string) {
  const rows = await db
    .selectFrom('leerling as l')
    .innerJoin('cohort as c', 'c.id', 'l.cohort_id')
    .innerJoin('organisation as o', 'o.id', 'l.organisation_id')
    .select(['l.id', 'o.naam as school', 'c.naam as cohort', 'c.schooljaar', 'c.leerjaar', 'l.klas', 'l.leerweg', 'l.leerlingnummer', 'l.roepnaam', 'l.tussenvoegsel', 'l.achternaam'])
    .where('l.account_id', '=', userId)
    .orderBy('c.schooljaar')
    .orderBy('o.naam')
    .execute();
  return rows;
}

/** The exams the pupil's records are registered for or have an assessment in, with both schools' names. */
export async function examensVanLeerlingen(db: Db, leerlingIds: string[]) {
  if (leerlingIds.length === 0) return [];
  return db
    .selectFrom('examen as e')
    .innerJoin('organisation as v', 'v.id', 'e.vmbo_organisation_id')
    .innerJoin('organisation as m', 'm.id', 'e.mbo_organisation_id')
    .innerJoin('leerling as l', 'l.cohort_id', 'e.cohort_id')
    .leftJoin('examen_inschrijving as i', (j) => j.onRef('i.examen_id', '=', 'e.id').onRef('i.leerling_id', '=', 'l.id'))
    .select([
      'e.id as examenId',
      'l.id as leerlingId',
      'e.keuzedeel_code',
      'e.keuzevak_id',
      'e.grondslag',
      'v.naam as school',
      'm.naam as mboInstelling',
      'i.status as inschrijving',
      'i.aangemeld_at',
      'i.ingeschreven_at',
    ])
    .where('l.id', 'in', leerlingIds)
    .where((eb) =>
      eb.or([
        eb('i.leerling_id', 'is not', null),
        eb.exists(eb.selectFrom('beoordeling as b').select('b.id').whereRef('b.examen_id', '=', 'e.id').whereRef('b.leerling_id', '=', 'l.id')),
      ]),
    )
    .orderBy('e.created_at')
    .execute();
}

/** Every assessment of the pupil's records (open ones too; the use case decides what to show). */
export async function beoordelingenVanLeerlingen(db: Db, leerlingIds: string[]) {
  if (leerlingIds.length === 0) return [];
  const rows = await db
    .selectFrom('beoordeling as b')
    .innerJoin('examen as e', 'e.id', 'b.examen_id')
    .select([
      'b.id',
      'b.examen_id',
      'b.leerling_id',
      'e.keuzedeel_code',
      'b.poging',
      'b.status',
      'b.keuzedeel_resultaat',
      'b.keuzedeel_cijfer',
      'b.keuzevak_cijfer',
      sql<string | null>`to_char(b.afgenomen_op, 'YYYY-MM-DD')`.as('afgenomen_op'),
      'b.vastgesteld_at',
      'b.verificatiecode',
    ])
    .where('b.leerling_id', 'in', leerlingIds)
    .orderBy('b.examen_id')
    .orderBy('b.poging')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    examenId: r.examen_id,
    leerlingId: r.leerling_id,
    keuzedeelCode: r.keuzedeel_code,
    poging: r.poging,
    status: r.status,
    keuzedeelResultaat: r.keuzedeel_resultaat,
    keuzedeelCijfer: num(r.keuzedeel_cijfer),
    keuzevakCijfer: num(r.keuzevak_cijfer),
    afgenomenOp: r.afgenomen_op,
    vastgesteldOp: isoOrNull(r.vastgesteld_at),
    verificatiecode: r.verificatiecode,
  }));
}

/** Titles from the catalogue (null when the catalogue does not know the code). */
export async function keuzedeelTitels(db: Db, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('mbo_keuzedeel')
    .select(['code', 'titel', 'status', 'last_release_id'])
    .where('code', 'in', [...new Set(codes)])
    .orderBy('last_release_id')
    .execute();
  const out = new Map<string, string>();
  // Later releases win; an active row wins over a withdrawn one.
  for (const r of rows) if (r.status === 'actief' || !out.has(r.code)) out.set(r.code, r.titel);
  return out;
}

export async function keuzevakTitels(db: Db, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  // examen.keuzevak_id holds the keuzevak's code (e.g. K/PIE/16); an active item wins over a withdrawn one.
  const rows = await db.selectFrom('vmbo_item').select(['code', 'title', 'status']).where('code', 'in', [...new Set(codes)]).execute();
  const out = new Map<string, string>();
  for (const r of rows) if (r.status === 'actief' || !out.has(r.code)) out.set(r.code, r.title);
  return out;
}

/** The organisations of kind mbo-instelling (where a request can go). */
export async function mboInstellingen(db: Db) {
  return db.selectFrom('organisation').select(['id', 'naam']).where('soort', '=', 'mbo-instelling').orderBy('naam').execute();
}

export async function organisatie(db: Db, id: string) {
  return db.selectFrom('organisation').select(['id', 'naam', 'soort']).where('id', '=', id).executeTakeFirst();
}

/** The facts of one assessment: the pupil, both schools, the exam, the result (for the statement, a request, a check). */
function resultaatFeiten(db: Db) {
  return db
    .selectFrom('beoordeling as b')
    .innerJoin('leerling as l', 'l.id', 'b.leerling_id')
    .innerJoin('examen as e', 'e.id', 'b.examen_id')
    .innerJoin('organisation as v', 'v.id', 'e.vmbo_organisation_id')
    .innerJoin('organisation as m', 'm.id', 'e.mbo_organisation_id')
    .select([
      'b.id as beoordelingId',
      'b.leerling_id as leerlingId',
      'l.account_id as accountId',
      'l.roepnaam',
      'l.tussenvoegsel',
      'l.achternaam',
      'v.naam as school',
      'm.naam as examencommissie',
      'e.keuzedeel_code as keuzedeelCode',
      'e.keuzevak_id as keuzevakId',
      'e.grondslag',
      'b.poging',
      'b.status',
      'b.keuzedeel_resultaat as keuzedeelResultaat',
      'b.keuzedeel_cijfer as keuzedeelCijfer',
      'b.keuzevak_cijfer as keuzevakCijfer',
      sql<string | null>`to_char(b.afgenomen_op, 'YYYY-MM-DD')`.as('afgenomenOp'),
      'b.vastgesteld_at as vastgesteldAt',
      'b.verificatiecode',
    ]);
}

export type ResultaatFeitenRij = Awaited<ReturnType<typeof eenResultaat>>;
async function eenResultaat(db: Db, where: { beoordelingId?: string; verificatiecode?: string }) {
  let q = resultaatFeiten(db);
  if (where.beoordelingId) q = q.where('b.id', '=', where.beoordelingId);
  if (where.verificatiecode) q = q.where('b.verificatiecode', '=', where.verificatiecode);
  const r = await q.executeTakeFirst();
  return (
    r && {
      ...r,
      keuzedeelCijfer: num(r.keuzedeelCijfer),
      keuzevakCijfer: num(r.keuzevakCijfer),
      vastgesteldOp: isoOrNull(r.vastgesteldAt),
    }
  );
}

/** One assessment of a pupil linked to this account (undefined for anyone else's: the caller answers 404). */
export async function eigenResultaat(db: Db, beoordelingId: string, userId: string) {
  const r = await eenResultaat(db, { beoordelingId });
  return r && r.accountId === userId ? r : undefined;
}

export async function resultaatVanBeoordeling(db: Db, beoordelingId: string) {
  return eenResultaat(db, { beoordelingId });
}

/** The vastgesteld result carrying this verification code (already normalised). */
export async function resultaatMetCode(db: Db, verificatiecode: string) {
  const r = await eenResultaat(db, { verificatiecode });
  return r && r.status === 'vastgesteld' ? r : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Requests

function verzoekQuery(db: Db) {
  return db
    .selectFrom('vrijstelling_verzoek as r')
    .innerJoin('organisation as o', 'o.id', 'r.organisation_id')
    .leftJoin('app_user as u', 'u.id', 'r.besloten_by')
    .select([
      'r.id',
      'r.beoordeling_id',
      'r.leerling_id',
      'r.account_id',
      'r.organisation_id',
      'o.naam as instelling',
      'r.opleiding',
      'r.crebo',
      'r.toelichting',
      'r.status',
      'r.besluit_reden',
      'r.besloten_at',
      'u.naam as besloten_door',
      'r.versie',
      'r.created_at',
    ]);
}
type VerzoekRij = Awaited<ReturnType<ReturnType<typeof verzoekQuery>['execute']>>[number];

export interface VerzoekRecord {
  id: string;
  beoordelingId: string;
  leerlingId: string;
  accountId: string | null;
  organisationId: string;
  instelling: string;
  opleiding: string;
  crebo: string | null;
  toelichting: string;
  status: 'ingediend' | 'toegekend' | 'afgewezen';
  besluitReden: string | null;
  beslotenOp: string | null;
  beslotenDoor: string | null;
  versie: number;
  ingediendOp: string;
}

function toVerzoek(r: VerzoekRij): VerzoekRecord {
  return {
    id: r.id,
    beoordelingId: r.beoordeling_id,
    leerlingId: r.leerling_id,
    accountId: r.account_id,
    organisationId: r.organisation_id,
    instelling: r.instelling,
    opleiding: r.opleiding,
    crebo: r.crebo,
    toelichting: r.toelichting,
    status: r.status as VerzoekRecord['status'],
    besluitReden: r.besluit_reden,
    beslotenOp: isoOrNull(r.besloten_at),
    beslotenDoor: r.besloten_door,
    versie: r.versie,
    ingediendOp: iso(r.created_at),
  };
}

export async function findVerzoek(db: Db, id: string): Promise<VerzoekRecord | undefined> {
  const r = await verzoekQuery(db).where('r.id', '=', id).executeTakeFirst();
  return r && toVerzoek(r);
}

/** The requests of the pupil records linked to this account, newest first. */
export async function verzoekenVanAccount(db: Db, userId: string): Promise<VerzoekRecord[]> {
  const rows = await verzoekQuery(db)
    .innerJoin('leerling as l', 'l.id', 'r.leerling_id')
    .where('l.account_id', '=', userId)
    .orderBy('r.created_at', 'desc')
    .execute();
  return rows.map(toVerzoek);
}

/** The requests to one instelling: open ones first, then decided, newest first. */
export async function verzoekenAanInstelling(db: Db, organisationId: string): Promise<VerzoekRecord[]> {
  const rows = await verzoekQuery(db)
    .where('r.organisation_id', '=', organisationId)
    .orderBy(sql`CASE WHEN r.status = 'ingediend' THEN 0 ELSE 1 END`)
    .orderBy('r.created_at', 'desc')
    .execute();
  return rows.map(toVerzoek);
}

export async function openVerzoekBestaat(db: Db, beoordelingId: string, organisationId: string): Promise<boolean> {
  const r = await db
    .selectFrom('vrijstelling_verzoek')
    .select('id')
    .where('beoordeling_id', '=', beoordelingId)
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'ingediend')
    .executeTakeFirst();
  return r !== undefined;
}

export async function insertVerzoek(
  db: Db,
  v: { beoordelingId: string; leerlingId: string; accountId: string; organisationId: string; opleiding: string; crebo: string | null; toelichting: string },
): Promise<string> {
  const r = await db
    .insertInto('vrijstelling_verzoek')
    .values({
      beoordeling_id: v.beoordelingId,
      leerling_id: v.leerlingId,
      account_id: v.accountId,
      organisation_id: v.organisationId,
      opleiding: v.opleiding,
      crebo: v.crebo,
      toelichting: v.toelichting,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Records the decision when the request is still open at this versie; false when not (the caller answers 409). */
export async function besluitOpVerzoek(db: Db, v: { id: string; versie: number; status: 'toegekend' | 'afgewezen'; reden: string | null; door: string }): Promise<boolean> {
  const r = await db
    .updateTable('vrijstelling_verzoek')
    .set({ status: v.status, besluit_reden: v.reden, besloten_by: v.door, besloten_at: sql`now()`, versie: sql`versie + 1` })
    .where('id', '=', v.id)
    .where('versie', '=', v.versie)
    .where('status', '=', 'ingediend')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The pupil's account e-mail for the mail about a decision (null: no account or no address). */
export async function accountEmail(db: Db, userId: string | null): Promise<{ email: string; naam: string } | null> {
  if (!userId) return null;
  const r = await db.selectFrom('app_user').select(['email', 'naam']).where('id', '=', userId).executeTakeFirst();
  return r && r.email ? { email: r.email, naam: r.naam } : null;
}

/** The leerroute of each group the account's pupil records are in (the pupil's own routes, newest schooljaar last). */
export async function leerroutesVanAccount(db: Db, userId: string) {
  return db
    .selectFrom('leerling as l')
    .innerJoin('cohort as c', 'c.id', 'l.cohort_id')
    .select(['l.id as leerlingId', 'c.naam as cohort', 'c.schooljaar', 'c.leerroute_id as routeId'])
    .where('l.account_id', '=', userId)
    .orderBy('c.schooljaar')
    .orderBy('c.naam')
    .execute();
}
