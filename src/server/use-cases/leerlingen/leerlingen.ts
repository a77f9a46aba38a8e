/**
 * One pupil of a cohort (issue 14): added by hand, changed (with its versie: 409 when stale), removed (which removes
 * everything about the pupil: registrations, forms, requests), and invited to an account of their own (role leerling;
 * accepting the invitation links the account to this record, so the pupil sees only their own data). The e-mail
 * address is typed by the staff member and goes only into the invitation, never onto the pupil record. Each change in
 * one transaction with its audit entry; no pupil names in the audit log.
 */
import type { Kysely, Transaction } from 'kysely';
import type { LeerlingInvoer, LeerlingUitnodigen, LeerlingUitnodiging, LeerlingWijzigen, CohortDetail } from '../../../shared/leerlingen-api.js';
import type { DB } from '../../db/schema.js';
import type { AuthContext, UseCaseContext } from '../../access/context.js';
import { COHORT_NOT_FOUND, openCohort, type CohortAccess } from '../../access/examen.js';
import { AppError, notFound, validationFailed } from '../../errors.js';
import { findOrganisationById } from '../../repositories/account-repository.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import * as repo from '../../repositories/leerling-repository.js';
import type { MailQueue } from '../../mail/mailer.js';
import { invitationMail, recordInvitation } from '../organisations/invitations.js';
import { OPGESCHOOND, readDetail, stale } from './cohorten.js';

export const LEERLING_NOT_FOUND = 'Deze leerling bestaat niet (meer) in deze groep.';

interface Change {
  trx: Transaction<DB>;
  row: repo.CohortRow;
  /** Who changes it (null: the command line). */
  actorUserId: string | null;
  audit: (action: string, details: Record<string, unknown>) => Promise<void>;
}

/** The change itself, on a locked cohort that still has its pupils; audited as `actorUserId`. */
async function inCohort<T>(trx: Transaction<DB>, cohortId: string, actorUserId: string | null, change: (c: Change) => Promise<T>): Promise<T> {
  await repo.lockCohort(trx, cohortId);
  const row = await repo.findCohort(trx, cohortId);
  if (!row) throw notFound(COHORT_NOT_FOUND);
  if (row.opgeschoondAt !== null) throw new AppError('conflict', OPGESCHOOND);
  return change({
    trx,
    row,
    actorUserId,
    audit: (action, details) => appendAudit(trx, { actorUserId, organisationId: row.organisationId, action, subjectType: 'cohort', subjectId: row.id, details: { cohort: row.naam, ...details } }),
  });
}

/** One change of a cohort's pupils: access (manage) in the transaction, cohort locked, not yet cleaned up. */
export async function changePupils<T>(opts: UseCaseContext & { cohortId: string }, change: (c: Change & CohortAccess) => Promise<T>): Promise<{ auth: AuthContext; result: T }> {
  return opts.db.transaction().execute(async (trx) => {
    const opened = await openCohort({ db: trx, auth: opts.auth, cohortId: opts.cohortId, action: 'leerlingen.manage' });
    const result = await inCohort(trx, opened.cohort.id, opened.auth.user.id, (c) => change({ ...c, ...opened }));
    return { auth: opened.auth, result };
  });
}

/**
 * The same change from the command line (`doorlopend leerlingen import`): whoever runs it has the database itself, so
 * there is no user to check; the cohort must exist (404 otherwise) and the audit entry has no actor.
 */
export async function changePupilsViaCli<T>(opts: { db: Kysely<DB>; cohortId: string }, change: (c: Change) => Promise<T>): Promise<T> {
  return opts.db.transaction().execute(async (trx) => {
    if (!(await repo.findCohort(trx, opts.cohortId))) throw notFound(COHORT_NOT_FOUND);
    return inCohort(trx, opts.cohortId, null, change);
  });
}

const nummerBezet = (nummer: string) => {
  const melding = `Leerlingnummer ${nummer} staat al in deze groep.`;
  return validationFailed(melding, [{ path: 'body.leerlingnummer', message: melding }]);
};

export async function addLeerling(opts: UseCaseContext & { cohortId: string; input: LeerlingInvoer }): Promise<CohortDetail> {
  const { auth } = await changePupils(opts, async ({ trx, row, audit }) => {
    if (await repo.leerlingnummerBezet(trx, row.id, opts.input.leerlingnummer)) throw nummerBezet(opts.input.leerlingnummer);
    const [id] = await repo.insertLeerlingen(trx, row.id, row.organisationId, [opts.input]);
    await audit('leerling.toegevoegd', { leerling: id });
  });
  return readDetail(opts.db, auth, opts.cohortId);
}

export async function changeLeerling(opts: UseCaseContext & { cohortId: string; leerlingId: string; input: LeerlingWijzigen }): Promise<CohortDetail> {
  const { versie, ...velden } = opts.input;
  const { auth } = await changePupils(opts, async ({ trx, row, audit }) => {
    const l = await repo.findLeerling(trx, row.id, opts.leerlingId);
    if (!l) throw notFound(LEERLING_NOT_FOUND);
    if (l.versie !== versie) throw stale('Deze leerling');
    if (velden.leerlingnummer !== undefined && (await repo.leerlingnummerBezet(trx, row.id, velden.leerlingnummer, l.id))) throw nummerBezet(velden.leerlingnummer);
    if (!(await repo.updateLeerling(trx, row.id, l.id, velden, versie))) throw stale('Deze leerling');
    const gewijzigd = Object.entries(velden)
      .filter(([k, v]) => v !== undefined && (l as Record<string, unknown>)[k] !== v)
      .map(([k]) => k);
    await audit('leerling.gewijzigd', { leerling: l.id, velden: gewijzigd });
  });
  return readDetail(opts.db, auth, opts.cohortId);
}

export async function removeLeerling(opts: UseCaseContext & { cohortId: string; leerlingId: string }): Promise<CohortDetail> {
  const { auth } = await changePupils(opts, async ({ trx, row, audit }) => {
    if (!(await repo.deleteLeerling(trx, row.id, opts.leerlingId))) throw notFound(LEERLING_NOT_FOUND);
    await audit('leerling.verwijderd', { leerling: opts.leerlingId });
  });
  return readDetail(opts.db, auth, opts.cohortId);
}

export const UITNODIGING_VERSTUURD = 'Uitnodiging verstuurd. Zodra de leerling haar aanneemt, is het account aan deze leerling gekoppeld en ziet de leerling alleen de eigen gegevens.';

/** Invites the pupil to an account (rol leerling) for this record; the address is not stored on the record. */
export async function inviteLeerling(opts: UseCaseContext & { cohortId: string; leerlingId: string; input: LeerlingUitnodigen; mail: MailQueue; publicUrl: string; now?: Date }): Promise<LeerlingUitnodiging> {
  const now = opts.now ?? new Date();
  const { auth, result } = await changePupils(opts, async ({ trx, row, auth, audit }) => {
    const l = await repo.findLeerling(trx, row.id, opts.leerlingId);
    if (!l) throw notFound(LEERLING_NOT_FOUND);
    if (l.heeftAccount) throw new AppError('conflict', 'Deze leerling heeft al een account.');
    const invitation = await recordInvitation(trx, { organisationId: row.organisationId, email: opts.input.email, rol: 'leerling', invitedBy: auth.user.id, now, leerlingId: l.id });
    await audit('leerling.uitgenodigd', { leerling: l.id });
    const org = await findOrganisationById(trx, row.organisationId);
    return { ...invitation, organisationNaam: org?.naam ?? row.organisatieNaam };
  });
  opts.mail.enqueue(
    invitationMail({
      token: result.token,
      expiresAt: result.expiresAt,
      to: opts.input.email,
      inviter: auth.user.naam,
      organisationNaam: result.organisationNaam,
      rol: 'leerling',
      publicUrl: opts.publicUrl,
      context: 'Met dit account ziet u uw eigen examenresultaten en kunt u zelf een vrijstelling aanvragen.',
    }),
  );
  return { bericht: UITNODIGING_VERSTUURD, email: opts.input.email, verlooptOp: result.expiresAt.toISOString() };
}
