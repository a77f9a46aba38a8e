/**
 * A user's own data (AVG): everything stored about one account, for the export, and its removal.
 * Every query here is scoped to that one user id (or the user's own e-mail address for invitations).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

export async function accountOf(db: Db, userId: string) {
  const row = await db.selectFrom('app_user').select(['id', 'email', 'naam', 'password_hash', 'created_at', 'platform_beheerder']).where('id', '=', userId).executeTakeFirst();
  return (
    row && {
      id: row.id,
      email: row.email,
      naam: row.naam,
      aangemaaktOp: iso(row.created_at),
      wachtwoordIngesteld: row.password_hash !== null,
      platformBeheerder: row.platform_beheerder,
    }
  );
}

export async function membershipRowsOf(db: Db, userId: string) {
  const rows = await db
    .selectFrom('membership as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select(['m.organisation_id', 'o.naam', 'm.rol', 'm.created_at'])
    .where('m.user_id', '=', userId)
    .orderBy('o.naam')
    .orderBy('m.rol')
    .execute();
  return rows.map((r) => ({ organisatieId: r.organisation_id, organisatieNaam: r.naam, rol: r.rol, sinds: iso(r.created_at) }));
}

/** Sessions without their token or CSRF hashes. */
export async function sessionRowsOf(db: Db, userId: string, currentSessionId: string) {
  const rows = await db.selectFrom('session').select(['id', 'created_at', 'expires_at', 'last_seen_at']).where('user_id', '=', userId).orderBy('created_at').execute();
  return rows.map((r) => ({ aangemaaktOp: iso(r.created_at), verlooptOp: iso(r.expires_at), laatstGezienOp: iso(r.last_seen_at), dezeSessie: r.id === currentSessionId }));
}

/** Audit entries written by the user or about the user (as subject). */
export async function auditRowsAbout(db: Db, userId: string) {
  const rows = await db
    .selectFrom('audit_log')
    .select(['at', 'organisation_id', 'action', 'actor_user_id', 'subject_type', 'subject_id', 'details'])
    .where((eb) => eb.or([eb('actor_user_id', '=', userId), eb.and([eb('subject_type', '=', 'user'), eb('subject_id', '=', userId)])]))
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    at: iso(r.at),
    organisatieId: r.organisation_id,
    actie: r.action,
    doorMij: r.actor_user_id === userId,
    overMij: r.subject_type === 'user' && r.subject_id === userId,
    onderwerpType: r.subject_type,
    onderwerpId: r.subject_id,
    details: (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as Record<string, unknown>,
  }));
}

/** Invitations to the user's address or sent by the user, without their tokens. */
export async function invitationRowsOf(db: Db, userId: string, email: string) {
  const rows = await db
    .selectFrom('invitation as i')
    .innerJoin('organisation as o', 'o.id', 'i.organisation_id')
    .select(['i.organisation_id', 'o.naam', 'i.email', 'i.rol', 'i.invited_by', 'i.created_at', 'i.expires_at', 'i.accepted_at'])
    .where((eb) => eb.or([eb('i.email', '=', email.toLowerCase()), eb('i.invited_by', '=', userId)]))
    .orderBy('i.created_at')
    .execute();
  return rows.map((r) => ({
    organisatieId: r.organisation_id,
    organisatieNaam: r.naam,
    email: r.email,
    rol: r.rol,
    aanMij: r.email === email.toLowerCase(),
    doorMij: r.invited_by === userId,
    aangemaaktOp: iso(r.created_at),
    verlooptOp: iso(r.expires_at),
    aangenomenOp: isoOrNull(r.accepted_at),
  }));
}

/** Password reset requests, without their tokens. */
export async function passwordResetRowsOf(db: Db, userId: string) {
  const rows = await db.selectFrom('password_reset').select(['created_at', 'expires_at', 'used_at']).where('user_id', '=', userId).orderBy('created_at').execute();
  return rows.map((r) => ({ aangemaaktOp: iso(r.created_at), verlooptOp: iso(r.expires_at), gebruiktOp: isoOrNull(r.used_at) }));
}

/** The user's own review actions in the crosswalk of a samenwerking (crosswalk_review), oldest first. */
export async function crosswalkReviewRowsOf(db: Db, userId: string) {
  const rows = await db
    .selectFrom('crosswalk_review as r')
    .innerJoin('partnership as p', 'p.id', 'r.partnership_id')
    .select(['r.partnership_id', 'p.naam', 'r.at', 'r.actie', 'r.eindterm_id', 'r.werkproces_id', 'r.item_id', 'r.relatie', 'r.toelichting'])
    .where('r.user_id', '=', userId)
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    samenwerkingId: r.partnership_id,
    samenwerkingNaam: r.naam,
    op: iso(r.at),
    actie: r.actie,
    eindtermId: r.eindterm_id,
    werkprocesId: r.werkproces_id,
    itemId: r.item_id,
    relatie: r.relatie,
    toelichting: r.toelichting,
  }));
}

/** Links whose current state the user set last (crosswalk_link.reviewed_by). */
export async function crosswalkLinkRowsOf(db: Db, userId: string) {
  const rows = await db
    .selectFrom('crosswalk_link as l')
    .innerJoin('partnership as p', 'p.id', 'l.partnership_id')
    .select(['l.partnership_id', 'p.naam', 'l.eindterm_id', 'l.werkproces_id', 'l.status', 'l.relatie', 'l.toelichting', 'l.reviewed_at'])
    .where('l.reviewed_by', '=', userId)
    .orderBy('l.reviewed_at')
    .orderBy('l.eindterm_id')
    .orderBy('l.werkproces_id')
    .execute();
  return rows.map((r) => ({
    samenwerkingId: r.partnership_id,
    samenwerkingNaam: r.naam,
    eindtermId: r.eindterm_id,
    werkprocesId: r.werkproces_id,
    status: r.status,
    relatie: r.relatie,
    toelichting: r.toelichting,
    beoordeeldOp: iso(r.reviewed_at),
  }));
}

/** Items the user marked as deliberately unlinked (crosswalk_unlinked.marked_by), current state. */
export async function crosswalkUnlinkedRowsOf(db: Db, userId: string) {
  const rows = await db
    .selectFrom('crosswalk_unlinked as u')
    .innerJoin('partnership as p', 'p.id', 'u.partnership_id')
    .select(['u.partnership_id', 'p.naam', 'u.item_id', 'u.toelichting', 'u.marked_at'])
    .where('u.marked_by', '=', userId)
    .orderBy('u.marked_at')
    .orderBy('u.item_id')
    .execute();
  return rows.map((r) => ({ samenwerkingId: r.partnership_id, samenwerkingNaam: r.naam, itemId: r.item_id, toelichting: r.toelichting, gemarkeerdOp: iso(r.marked_at) }));
}

/**
 * The user's own entries in the leerroute history (also of routes deleted since), oldest first, with the names of
 * the route, its samenwerking and the partner organisation the user acted for; nobody else's entries.
 */
export async function leerrouteHistoryRowsOf(db: Db, userId: string) {
  const rows = await db
    .selectFrom('leerroute_historie as h')
    .innerJoin('leerroute as l', 'l.id', 'h.leerroute_id')
    .innerJoin('partnership as p', 'p.id', 'l.partnership_id')
    .leftJoin('organisation as o', 'o.id', 'h.organisation_id')
    .select(['l.partnership_id', 'p.naam as samenwerking_naam', 'h.leerroute_id', 'l.naam as leerroute_naam', 'h.at', 'h.organisation_id', 'o.naam as organisatie_naam', 'h.actie', 'h.omschrijving', 'h.entiteit_soort', 'h.entiteit_id', 'h.details'])
    .where('h.user_id', '=', userId)
    .orderBy('h.id')
    .execute();
  return rows.map((r) => ({
    samenwerkingId: r.partnership_id,
    samenwerkingNaam: r.samenwerking_naam,
    leerrouteId: r.leerroute_id,
    leerrouteNaam: r.leerroute_naam,
    op: iso(r.at),
    organisatie: r.organisation_id ? { id: r.organisation_id, naam: r.organisatie_naam ?? '' } : null,
    actie: r.actie,
    omschrijving: r.omschrijving,
    entiteit: { soort: r.entiteit_soort, id: r.entiteit_id },
    details: (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as Record<string, unknown>,
  }));
}

/**
 * Locks every organisation the user is a member of, for the rest of the transaction (as every member
 * change does), and then returns those in which the user is a beheerder and no one else is. The check runs
 * after the lock, in its own statement, so it sees what a concurrent change committed meanwhile: two
 * beheerders who go at once cannot both count on the other, and a member who is made beheerder by
 * another departure is seen as one.
 */
export async function lockOrganisationsWhereOnlyBeheerder(trx: Transaction<DB>, userId: string): Promise<Array<{ id: string; naam: string }>> {
  await trx
    .selectFrom('organisation as o')
    .select('o.id')
    .where((eb) => eb.exists(eb.selectFrom('membership as m').select('m.rol').whereRef('m.organisation_id', '=', 'o.id').where('m.user_id', '=', userId)))
    .orderBy('o.id')
    .forUpdate()
    .execute();
  return trx
    .selectFrom('organisation as o')
    .select(['o.id', 'o.naam'])
    .where((eb) => eb.exists(eb.selectFrom('membership as m').select('m.rol').whereRef('m.organisation_id', '=', 'o.id').where('m.user_id', '=', userId).where('m.rol', '=', 'beheerder')))
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('membership as b').select('b.rol').whereRef('b.organisation_id', '=', 'o.id').where('b.rol', '=', 'beheerder').where('b.user_id', '<>', userId)),
      ),
    )
    .orderBy('o.naam')
    .execute();
}

/**
 * Removes the account with its memberships, sessions, password reset tokens and the invitations to its
 * address. Invitations the user sent stay with their organisation (sender set to null by the database).
 * The audit log is not touched: it holds ids, never names or e-mail addresses. Joint work stays with its
 * samenwerking: the crosswalk's and the leerroute tables' references to the account are emptied by the database
 * (ON DELETE SET NULL); their append-only histories keep an id only (no foreign key, 0008 and 0011).
 */
export async function deleteAccountData(trx: Transaction<DB>, userId: string, email: string): Promise<void> {
  await trx.deleteFrom('session').where('user_id', '=', userId).execute();
  await trx.deleteFrom('password_reset').where('user_id', '=', userId).execute();
  await trx.deleteFrom('invitation').where('email', '=', email.toLowerCase()).execute();
  await trx.deleteFrom('membership').where('user_id', '=', userId).execute();
  await trx.deleteFrom('app_user').where('id', '=', userId).execute();
}

/** Password hash of the user (to re-confirm before deletion); undefined for an unknown user. */
export async function passwordHashOf(db: Db, userId: string): Promise<{ email: string; passwordHash: string | null } | undefined> {
  const row = await db.selectFrom('app_user').select(['email', 'password_hash']).where('id', '=', userId).executeTakeFirst();
  return row && { email: row.email, passwordHash: row.password_hash };
}


/**
 * Issue 14: the pupil records linked to the account (leerling.account_id), their exam registrations, their
 * assessments' results (open ones too: it is their data) and their vrijstelling requests. Scores and the assessors'
 * notes stay with the schools' forms; the pupil gets the results.
 */
export async function leerlingGegevensOf(db: Db, userId: string) {
  const leerlingen = await db
    .selectFrom('leerling as l')
    .innerJoin('cohort as c', 'c.id', 'l.cohort_id')
    .innerJoin('organisation as o', 'o.id', 'l.organisation_id')
    .select(['l.id', 'o.naam as school', 'c.naam as cohort', 'c.schooljaar', 'c.leerjaar', 'l.klas', 'l.leerweg', 'l.leerlingnummer', 'l.roepnaam', 'l.tussenvoegsel', 'l.achternaam'])
    .where('l.account_id', '=', userId)
    .orderBy('c.schooljaar')
    .execute();
  const ids = leerlingen.map((l) => l.id);
  if (ids.length === 0) return { leerlingen: [], inschrijvingen: [], resultaten: [], vrijstellingVerzoeken: [] };
  const inschrijvingen = await db
    .selectFrom('examen_inschrijving as i')
    .innerJoin('examen as e', 'e.id', 'i.examen_id')
    .select(['i.leerling_id', 'i.examen_id', 'e.keuzedeel_code', 'i.status', 'i.aangemeld_at', 'i.ingeschreven_at'])
    .where('i.leerling_id', 'in', ids)
    .orderBy('i.aangemeld_at')
    .execute();
  const resultaten = await db
    .selectFrom('beoordeling as b')
    .innerJoin('examen as e', 'e.id', 'b.examen_id')
    .select([
      'b.leerling_id',
      'b.examen_id',
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
    .where('b.leerling_id', 'in', ids)
    .orderBy('b.created_at')
    .execute();
  const verzoeken = await db
    .selectFrom('vrijstelling_verzoek as r')
    .innerJoin('organisation as o', 'o.id', 'r.organisation_id')
    .select(['r.id', 'r.beoordeling_id', 'o.naam', 'r.opleiding', 'r.crebo', 'r.toelichting', 'r.status', 'r.besluit_reden', 'r.created_at', 'r.besloten_at'])
    .where('r.leerling_id', 'in', ids)
    .orderBy('r.created_at')
    .execute();
  const num = (v: string | number | null) => (v === null ? null : Number(v));
  return {
    leerlingen: leerlingen.map((l) => ({
      id: l.id,
      school: l.school,
      cohort: l.cohort,
      schooljaar: l.schooljaar,
      leerjaar: l.leerjaar,
      klas: l.klas,
      leerweg: l.leerweg,
      leerlingnummer: l.leerlingnummer,
      naam: [l.roepnaam, l.tussenvoegsel, l.achternaam].filter(Boolean).join(' '),
    })),
    inschrijvingen: inschrijvingen.map((i) => ({
      leerlingId: i.leerling_id,
      examenId: i.examen_id,
      keuzedeelCode: i.keuzedeel_code,
      status: i.status,
      aangemeldOp: iso(i.aangemeld_at),
      ingeschrevenOp: isoOrNull(i.ingeschreven_at),
    })),
    resultaten: resultaten.map((r) => ({
      leerlingId: r.leerling_id,
      examenId: r.examen_id,
      keuzedeelCode: r.keuzedeel_code,
      poging: r.poging,
      status: r.status,
      keuzedeelResultaat: r.keuzedeel_resultaat,
      keuzedeelCijfer: num(r.keuzedeel_cijfer),
      keuzevakCijfer: num(r.keuzevak_cijfer),
      afgenomenOp: r.afgenomen_op,
      vastgesteldOp: isoOrNull(r.vastgesteld_at),
      verificatiecode: r.verificatiecode,
    })),
    vrijstellingVerzoeken: verzoeken.map((v) => ({
      id: v.id,
      beoordelingId: v.beoordeling_id,
      instelling: v.naam,
      opleiding: v.opleiding,
      crebo: v.crebo,
      toelichting: v.toelichting,
      status: v.status,
      besluitReden: v.besluit_reden,
      ingediendOp: iso(v.created_at),
      beslotenOp: isoOrNull(v.besloten_at),
    })),
  };
}
