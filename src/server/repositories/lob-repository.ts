/**
 * Data access of LOB and the loopbaandossier (issue 15): the pupil's activities and oplegger, the school's LOB
 * programme and what is done per pupil, and the pupil's share links (only the token's sha256 is stored). Every query
 * is scoped to the pupil's account and school the use case opened.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

const iso = (v: Date | string): string => (v instanceof Date ? v : new Date(v)).toISOString();
const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

export interface Eigenaar {
  accountId: string;
  organisationId: string;
}

// --- people and schools ---------------------------------------------------------------------------------------

export async function organisationName(db: Db, id: string): Promise<string | null> {
  return (await db.selectFrom('organisation').select('naam').where('id', '=', id).executeTakeFirst())?.naam ?? null;
}

export async function userName(db: Db, id: string): Promise<string | null> {
  return (await db.selectFrom('app_user').select('naam').where('id', '=', id).executeTakeFirst())?.naam ?? null;
}

export async function isLeerlingAt(db: Db, userId: string, organisationId: string): Promise<boolean> {
  const row = await db.selectFrom('membership').select('user_id').where('user_id', '=', userId).where('organisation_id', '=', organisationId).where('rol', '=', 'leerling').executeTakeFirst();
  return row !== undefined;
}

/** The staff of a school with one of the roles, by name. */
export async function staffWithRoles(db: Db, organisationId: string, rollen: readonly string[]): Promise<Array<{ naam: string; rol: string }>> {
  if (rollen.length === 0) return [];
  const rows = await db
    .selectFrom('membership')
    .innerJoin('app_user', 'app_user.id', 'membership.user_id')
    .select(['app_user.naam', 'membership.rol'])
    .where('membership.organisation_id', '=', organisationId)
    .where('membership.rol', 'in', rollen as Array<DB['membership']['rol']>)
    .orderBy('app_user.naam')
    .execute();
  return rows.map((r) => ({ naam: r.naam, rol: r.rol }));
}

export interface LeerlingSamenvatting {
  gebruikerId: string;
  naam: string;
  activiteiten: number;
  afgerond: number;
  opleggerIngevuld: boolean;
}

/** The pupils (role leerling) of a school with their LOB counts. */
export async function leerlingenVan(db: Db, organisationId: string): Promise<LeerlingSamenvatting[]> {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('app_user', 'app_user.id', 'membership.user_id')
    .select((eb) => [
      'app_user.id',
      'app_user.naam',
      eb
        .selectFrom('lob_activiteit')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('lob_activiteit.account_id', '=', 'app_user.id')
        .where('lob_activiteit.organisation_id', '=', organisationId)
        .as('activiteiten'),
      eb
        .selectFrom('lob_onderdeel_afgerond')
        .innerJoin('lob_onderdeel', 'lob_onderdeel.id', 'lob_onderdeel_afgerond.onderdeel_id')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('lob_onderdeel_afgerond.account_id', '=', 'app_user.id')
        .where('lob_onderdeel.organisation_id', '=', organisationId)
        .as('afgerond'),
      eb
        .selectFrom('lob_oplegger')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('lob_oplegger.account_id', '=', 'app_user.id')
        .where('lob_oplegger.organisation_id', '=', organisationId)
        .as('oplegger'),
    ])
    .where('membership.organisation_id', '=', organisationId)
    .where('membership.rol', '=', 'leerling')
    .orderBy('app_user.naam')
    .execute();
  return rows.map((r) => ({ gebruikerId: r.id, naam: r.naam, activiteiten: Number(r.activiteiten ?? 0), afgerond: Number(r.afgerond ?? 0), opleggerIngevuld: Number(r.oplegger ?? 0) > 0 }));
}

/** The schools where an account has LOB data (activities or an oplegger), most recently changed first. */
export async function dossierScholen(db: Db, accountId: string): Promise<string[]> {
  const rows = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('lob_activiteit')
        .select(['organisation_id', 'updated_at'])
        .where('account_id', '=', accountId)
        .unionAll(eb.selectFrom('lob_oplegger').select(['organisation_id', 'updated_at']).where('account_id', '=', accountId))
        .as('d'),
    )
    .select(['d.organisation_id', sql<Date>`max(d.updated_at)`.as('laatst')])
    .groupBy('d.organisation_id')
    .orderBy('laatst', 'desc')
    .execute();
  return rows.map((r) => r.organisation_id);
}

// --- activities -----------------------------------------------------------------------------------------------

export interface ActiviteitRow {
  id: string;
  accountId: string;
  organisationId: string;
  soort: string;
  datum: string;
  titel: string;
  doel: string;
  reflecties: Record<string, string>;
  conclusie: string;
  vervolgstap: string;
  onderdeelId: string | null;
  versie: number;
  updatedAt: string;
}

export interface ActiviteitWaarden {
  soort: string;
  datum: string;
  titel: string;
  doel: string;
  reflecties: Record<string, string>;
  conclusie: string;
  vervolgstap: string;
  onderdeelId: string | null;
}

function activiteitQuery(db: Db) {
  return db
    .selectFrom('lob_activiteit')
    .select([
      'id',
      'account_id',
      'organisation_id',
      'soort',
      sql<string>`to_char(datum, 'YYYY-MM-DD')`.as('datum'),
      'titel',
      'doel',
      'reflecties',
      'conclusie',
      'vervolgstap',
      'onderdeel_id',
      'versie',
      'updated_at',
    ]);
}

function toActiviteit(r: Awaited<ReturnType<ReturnType<typeof activiteitQuery>['executeTakeFirstOrThrow']>>): ActiviteitRow {
  return {
    id: r.id,
    accountId: r.account_id,
    organisationId: r.organisation_id,
    soort: r.soort,
    datum: r.datum,
    titel: r.titel,
    doel: r.doel,
    reflecties: (json(r.reflecties) ?? {}) as Record<string, string>,
    conclusie: r.conclusie,
    vervolgstap: r.vervolgstap,
    onderdeelId: r.onderdeel_id,
    versie: r.versie,
    updatedAt: iso(r.updated_at),
  };
}

export async function listActiviteiten(db: Db, e: Eigenaar): Promise<ActiviteitRow[]> {
  const rows = await activiteitQuery(db).where('account_id', '=', e.accountId).where('organisation_id', '=', e.organisationId).orderBy('datum', 'desc').orderBy('created_at', 'desc').execute();
  return rows.map(toActiviteit);
}

export async function countActiviteiten(db: Db, e: Eigenaar): Promise<number> {
  const row = await db.selectFrom('lob_activiteit').select(sql<number>`count(*)::int`.as('n')).where('account_id', '=', e.accountId).where('organisation_id', '=', e.organisationId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** One activity of this pupil at this school (another pupil's is absent). */
export async function findActiviteit(db: Db, e: Eigenaar, id: string): Promise<ActiviteitRow | null> {
  const r = await activiteitQuery(db).where('id', '=', id).where('account_id', '=', e.accountId).where('organisation_id', '=', e.organisationId).executeTakeFirst();
  return r ? toActiviteit(r) : null;
}

export async function insertActiviteit(db: Db, e: Eigenaar, w: ActiviteitWaarden): Promise<string> {
  const row = await db
    .insertInto('lob_activiteit')
    .values({
      account_id: e.accountId,
      organisation_id: e.organisationId,
      soort: w.soort,
      datum: w.datum,
      titel: w.titel,
      doel: w.doel,
      reflecties: JSON.stringify(w.reflecties),
      conclusie: w.conclusie,
      vervolgstap: w.vervolgstap,
      onderdeel_id: w.onderdeelId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** False when the versie is stale (or the activity gone). */
export async function updateActiviteit(db: Db, e: Eigenaar, id: string, versie: number, w: ActiviteitWaarden): Promise<boolean> {
  const res = await db
    .updateTable('lob_activiteit')
    .set({
      soort: w.soort,
      datum: w.datum,
      titel: w.titel,
      doel: w.doel,
      reflecties: JSON.stringify(w.reflecties),
      conclusie: w.conclusie,
      vervolgstap: w.vervolgstap,
      onderdeel_id: w.onderdeelId,
      versie: versie + 1,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('account_id', '=', e.accountId)
    .where('organisation_id', '=', e.organisationId)
    .where('versie', '=', versie)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function deleteActiviteit(db: Db, e: Eigenaar, id: string): Promise<boolean> {
  const res = await db.deleteFrom('lob_activiteit').where('id', '=', id).where('account_id', '=', e.accountId).where('organisation_id', '=', e.organisationId).executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

// --- the oplegger ---------------------------------------------------------------------------------------------

export async function findOplegger(db: Db, e: Eigenaar): Promise<{ inhoud: unknown; versie: number; updatedAt: string } | null> {
  const r = await db.selectFrom('lob_oplegger').select(['inhoud', 'versie', 'updated_at']).where('account_id', '=', e.accountId).where('organisation_id', '=', e.organisationId).executeTakeFirst();
  return r ? { inhoud: json(r.inhoud), versie: r.versie, updatedAt: iso(r.updated_at) } : null;
}

/** Writes the oplegger when `versie` is the stored one (0: none yet); false when stale. */
export async function saveOplegger(db: Db, e: Eigenaar, versie: number, inhoud: unknown): Promise<boolean> {
  if (versie === 0) {
    const res = await db
      .insertInto('lob_oplegger')
      .values({ account_id: e.accountId, organisation_id: e.organisationId, inhoud: JSON.stringify(inhoud) })
      .onConflict((oc) => oc.columns(['account_id', 'organisation_id']).doNothing())
      .returning('versie')
      .executeTakeFirst();
    return res !== undefined;
  }
  const res = await db
    .updateTable('lob_oplegger')
    .set({ inhoud: JSON.stringify(inhoud), versie: versie + 1, updated_at: new Date() })
    .where('account_id', '=', e.accountId)
    .where('organisation_id', '=', e.organisationId)
    .where('versie', '=', versie)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

// --- the school's LOB programme -------------------------------------------------------------------------------

export interface OnderdeelRow {
  id: string;
  organisationId: string;
  leerjaar: number;
  titel: string;
  omschrijving: string;
  periode: string;
  competenties: string[];
  vervallen: boolean;
  versie: number;
}

export interface OnderdeelWaarden {
  leerjaar: number;
  titel: string;
  omschrijving: string;
  periode: string;
  competenties: readonly string[];
  vervallen: boolean;
}

const onderdeelKolommen = ['id', 'organisation_id', 'leerjaar', 'titel', 'omschrijving', 'periode', 'competenties', 'vervallen', 'versie'] as const;
function toOnderdeel(r: { id: string; organisation_id: string; leerjaar: number; titel: string; omschrijving: string; periode: string; competenties: unknown; vervallen: boolean; versie: number }): OnderdeelRow {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    leerjaar: r.leerjaar,
    titel: r.titel,
    omschrijving: r.omschrijving,
    periode: r.periode,
    competenties: (json(r.competenties) ?? []) as string[],
    vervallen: r.vervallen,
    versie: r.versie,
  };
}

export async function listOnderdelen(db: Db, organisationId: string, opts: { metVervallen: boolean }): Promise<OnderdeelRow[]> {
  let q = db.selectFrom('lob_onderdeel').select(onderdeelKolommen).where('organisation_id', '=', organisationId);
  if (!opts.metVervallen) q = q.where('vervallen', '=', false);
  return (await q.orderBy('leerjaar').orderBy('titel').execute()).map(toOnderdeel);
}

export async function findOnderdeel(db: Db, organisationId: string, id: string): Promise<OnderdeelRow | null> {
  const r = await db.selectFrom('lob_onderdeel').select(onderdeelKolommen).where('id', '=', id).where('organisation_id', '=', organisationId).executeTakeFirst();
  return r ? toOnderdeel(r) : null;
}

export async function insertOnderdeel(db: Db, organisationId: string, w: OnderdeelWaarden, by: string): Promise<string> {
  const row = await db
    .insertInto('lob_onderdeel')
    .values({
      organisation_id: organisationId,
      leerjaar: w.leerjaar,
      titel: w.titel,
      omschrijving: w.omschrijving,
      periode: w.periode,
      competenties: JSON.stringify(w.competenties),
      vervallen: w.vervallen,
      created_by: by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateOnderdeel(db: Db, organisationId: string, id: string, versie: number, w: OnderdeelWaarden): Promise<boolean> {
  const res = await db
    .updateTable('lob_onderdeel')
    .set({
      leerjaar: w.leerjaar,
      titel: w.titel,
      omschrijving: w.omschrijving,
      periode: w.periode,
      competenties: JSON.stringify(w.competenties),
      vervallen: w.vervallen,
      versie: versie + 1,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('organisation_id', '=', organisationId)
    .where('versie', '=', versie)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The parts done for a pupil at a school, with who marked them. */
export async function afrondingenVan(db: Db, e: Eigenaar): Promise<Map<string, { op: string; door: string }>> {
  const rows = await db
    .selectFrom('lob_onderdeel_afgerond')
    .innerJoin('lob_onderdeel', 'lob_onderdeel.id', 'lob_onderdeel_afgerond.onderdeel_id')
    .leftJoin('app_user', 'app_user.id', 'lob_onderdeel_afgerond.afgerond_by')
    .select(['lob_onderdeel_afgerond.onderdeel_id', 'lob_onderdeel_afgerond.afgerond_at', 'app_user.naam'])
    .where('lob_onderdeel_afgerond.account_id', '=', e.accountId)
    .where('lob_onderdeel.organisation_id', '=', e.organisationId)
    .execute();
  return new Map(rows.map((r) => [r.onderdeel_id, { op: iso(r.afgerond_at), door: r.naam ?? 'een verwijderd account' }]));
}

export async function setAfgerond(db: Db, onderdeelId: string, accountId: string, afgerond: boolean, by: string): Promise<void> {
  if (afgerond) {
    await db
      .insertInto('lob_onderdeel_afgerond')
      .values({ onderdeel_id: onderdeelId, account_id: accountId, afgerond_by: by })
      .onConflict((oc) => oc.columns(['onderdeel_id', 'account_id']).doNothing())
      .execute();
  } else {
    await db.deleteFrom('lob_onderdeel_afgerond').where('onderdeel_id', '=', onderdeelId).where('account_id', '=', accountId).execute();
  }
}

// --- share links ----------------------------------------------------------------------------------------------

export interface DeellinkRow {
  id: string;
  accountId: string;
  organisationId: string;
  ontvanger: string;
  inhoud: { activiteitIds: string[]; oplegger: boolean; programma: boolean };
  verlooptAt: Date;
  ingetrokkenAt: Date | null;
  keerGeopend: number;
  laatstGeopendAt: Date | null;
  createdAt: Date;
}

const deellinkKolommen = ['id', 'account_id', 'organisation_id', 'ontvanger', 'inhoud', 'verloopt_at', 'ingetrokken_at', 'keer_geopend', 'laatst_geopend_at', 'created_at'] as const;
const asDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));
function toDeellink(r: {
  id: string;
  account_id: string;
  organisation_id: string;
  ontvanger: string;
  inhoud: unknown;
  verloopt_at: Date;
  ingetrokken_at: Date | string | null;
  keer_geopend: number;
  laatst_geopend_at: Date | string | null;
  created_at: Date;
}): DeellinkRow {
  return {
    id: r.id,
    accountId: r.account_id,
    organisationId: r.organisation_id,
    ontvanger: r.ontvanger,
    inhoud: json(r.inhoud) as DeellinkRow['inhoud'],
    verlooptAt: asDate(r.verloopt_at),
    ingetrokkenAt: r.ingetrokken_at ? asDate(r.ingetrokken_at) : null,
    keerGeopend: r.keer_geopend,
    laatstGeopendAt: r.laatst_geopend_at ? asDate(r.laatst_geopend_at) : null,
    createdAt: asDate(r.created_at),
  };
}

export async function insertDeellink(db: Db, e: Eigenaar, l: { tokenHash: string; ontvanger: string; inhoud: DeellinkRow['inhoud']; verlooptAt: Date }): Promise<string> {
  const row = await db
    .insertInto('lob_deellink')
    .values({ account_id: e.accountId, organisation_id: e.organisationId, token_hash: l.tokenHash, ontvanger: l.ontvanger, inhoud: JSON.stringify(l.inhoud), verloopt_at: l.verlooptAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listDeellinks(db: Db, e: Eigenaar): Promise<DeellinkRow[]> {
  const rows = await db.selectFrom('lob_deellink').select(deellinkKolommen).where('account_id', '=', e.accountId).where('organisation_id', '=', e.organisationId).orderBy('created_at', 'desc').execute();
  return rows.map(toDeellink);
}

export async function findDeellink(db: Db, e: Eigenaar, id: string): Promise<DeellinkRow | null> {
  const r = await db.selectFrom('lob_deellink').select(deellinkKolommen).where('id', '=', id).where('account_id', '=', e.accountId).where('organisation_id', '=', e.organisationId).executeTakeFirst();
  return r ? toDeellink(r) : null;
}

export async function findDeellinkByTokenHash(db: Db, tokenHash: string): Promise<DeellinkRow | null> {
  const r = await db.selectFrom('lob_deellink').select(deellinkKolommen).where('token_hash', '=', tokenHash).executeTakeFirst();
  return r ? toDeellink(r) : null;
}

export async function revokeDeellink(db: Db, e: Eigenaar, id: string, now: Date): Promise<void> {
  await db.updateTable('lob_deellink').set({ ingetrokken_at: now }).where('id', '=', id).where('account_id', '=', e.accountId).where('organisation_id', '=', e.organisationId).where('ingetrokken_at', 'is', null).execute();
}

export async function markDeellinkOpened(db: Db, id: string, now: Date): Promise<void> {
  await db
    .updateTable('lob_deellink')
    .set((eb) => ({ keer_geopend: eb('keer_geopend', '+', 1), laatst_geopend_at: now }))
    .where('id', '=', id)
    .execute();
}
