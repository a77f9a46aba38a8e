/**
 * Invitations, the only way someone else becomes a member: a beheerder invites an e-mail address with a
 * role (a mail with a single-use link, valid seven days; only the token's sha256 is stored). The answer is
 * the same whether or not the address has an account (202, same shape), and nobody gets a role until the
 * invitee accepts. Accepting without a session creates the account (name and a new password) or, when the
 * address already has one, checks its current password, and signs the person in with a new session; a
 * signed-in user accepts an invitation to their own address with the session alone.
 */
import type { Kysely, Transaction } from 'kysely';
import { decide, type Role } from '../../../domain/auth/rules.js';
import type { Uitnodigen, Uitnodiging, UitnodigingAannemen, UitnodigingAccepteren } from '../../../shared/auth-api.js';
import type { DB } from '../../db/schema.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import { findOrganisationById, findUserByEmail, insertMembership, insertUser, membersOf } from '../../repositories/account-repository.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import { consumeInvitation, findLiveInvitation, insertInvitation, type InvitationRow } from '../../repositories/invitation-repository.js';
import { findCohort, linkAccount } from '../../repositories/leerling-repository.js';
import { deleteExpiredSessions } from '../../repositories/session-repository.js';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '../../auth/passwords.js';
import type { RateLimiter } from '../../auth/rate-limiter.js';
import { newToken, sha256 } from '../../auth/tokens.js';
import type { MailQueue, OutgoingMail } from '../../mail/mailer.js';
import { requireAuth } from '../../access/require-auth.js';
import { LOGIN_FAILED_MESSAGE } from '../auth/login.js';
import { createSession, endSession } from '../auth/session.js';
import type { UseCaseContext } from '../../access/context.js';

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60_000;
export const LEERLING_AL_GEKOPPELD_MESSAGE = 'Deze leerling heeft al een account. Deze uitnodiging kan niet meer worden aangenomen; vraag de school zo nodig om hulp.';
export const INVITATION_INVALID_MESSAGE = 'Deze uitnodiging is ongeldig, al gebruikt of verlopen. Vraag de beheerder om een nieuwe.';
const NOT_FOUND = 'Deze organisatie bestaat niet of u hebt er geen toegang toe.';
/** The same for every address, with or without an account. */
export const INVITATION_SENT_MESSAGE = 'Uitnodiging verstuurd. Wie de uitnodiging aanneemt, krijgt de rol; tot dan verandert er niets.';
export const INVITATION_OTHER_ADDRESS_MESSAGE =
  'Deze uitnodiging is voor een ander e-mailadres dan dat van het account waarmee u bent ingelogd. Log uit en neem de uitnodiging aan met het e-mailadres uit de e-mail.';

/** The link in the mail; the token is in the fragment (never in a server log or a Referer header). */
export const invitationLink = (publicUrl: string, token: string) => `${publicUrl}/uitnodiging-accepteren#token=${token}`;

export async function inviteMember(opts: UseCaseContext & {
  mail: MailQueue;
  publicUrl: string;
  organisationId: string;
  input: Uitnodigen;
  now?: Date;
}): Promise<Uitnodiging> {
  const auth = requireAuth(opts.auth);
  const decision = decide(auth.actor, 'members.manage', { type: 'organisation', organisationId: opts.organisationId });
  if (decision === 'not_found') throw notFound(NOT_FOUND);
  if (decision === 'forbidden') throw forbidden();
  const now = opts.now ?? new Date();
  const { email, rol } = opts.input;
  const org = await findOrganisationById(opts.db, opts.organisationId);
  if (!org) throw notFound(NOT_FOUND);
  // Only a member of this organisation (whom the beheerder sees in the member list anyway) can already have
  // the role; for anyone else, with or without an account, the answer below is the same.
  const existing = await findUserByEmail(opts.db, email);
  if (existing) {
    const [member] = await membersOf(opts.db, auth.user.id, opts.organisationId, existing.id);
    if (member?.rollen.includes(rol)) throw new AppError('conflict', `${email} heeft de rol ${rol} al in deze organisatie.`);
  }
  const invitation = await opts.db.transaction().execute((trx) => recordInvitation(trx, { organisationId: org.id, email, rol, invitedBy: auth.user.id, now }));
  opts.mail.enqueue(invitationMail({ ...invitation, to: email, inviter: auth.user.naam, organisationNaam: org.naam, rol, publicUrl: opts.publicUrl }));
  return { bericht: INVITATION_SENT_MESSAGE, email, rol, verlooptOp: invitation.expiresAt.toISOString() };
}

/**
 * Stores a new invitation (only the token's sha256) with its audit entry, in the caller's transaction; gives the token
 * for the mail. `via` says who invited when it was not a beheerder of the organisation (the platform).
 */
export async function recordInvitation(
  trx: Transaction<DB>,
  i: { organisationId: string; email: string; rol: Role; invitedBy: string; now: Date; via?: string; leerlingId?: string },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(i.now.getTime() + INVITATION_LIFETIME_MS);
  const invitationId = await insertInvitation(trx, {
    tokenHash: sha256(token),
    organisationId: i.organisationId,
    email: i.email,
    rol: i.rol,
    invitedBy: i.invitedBy,
    expiresAt,
    leerlingId: i.leerlingId ?? null,
  });
  // No e-mail address in the audit log (AVG).
  const details = i.via ? { rol: i.rol, via: i.via } : { rol: i.rol };
  await appendAudit(trx, { actorUserId: i.invitedBy, organisationId: i.organisationId, action: 'invitation.sent', subjectType: 'invitation', subjectId: invitationId, details });
  return { token, expiresAt };
}

/** The invitation mail; `context` is an extra paragraph (why the platform invites). Names no account of the invitee. */
export function invitationMail(m: {
  to: string;
  inviter: string;
  organisationNaam: string;
  rol: Role;
  token: string;
  expiresAt: Date;
  publicUrl: string;
  context?: string;
}): OutgoingMail {
  const until = m.expiresAt.toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
  return {
    to: m.to,
    subject: `Uitnodiging voor ${m.organisationNaam} op Doorlopend`,
    text: [
      'Goedendag,',
      '',
      `${m.inviter} nodigt u uit voor ${m.organisationNaam} op Doorlopend, met de rol ${m.rol}.`,
      ...(m.context ? [m.context] : []),
      `Neem de uitnodiging aan via deze link (geldig tot ${until}, één keer te gebruiken):`,
      '',
      invitationLink(m.publicUrl, m.token),
      '',
      'Hebt u nog geen account, dan kiest u daar uw naam en een wachtwoord. Hebt u er al een, dan bevestigt u met uw wachtwoord of neemt u de uitnodiging aan terwijl u bent ingelogd.',
      'Verwachtte u deze uitnodiging niet? Dan kunt u deze e-mail negeren.',
    ].join('\n'),
  };
}

/**
 * Marks the invitation used by `userId` and gives the role, with its audit entries; in the caller's transaction.
 * A used or expired invitation (also one used at this very moment by another request) is refused.
 */
async function takeInvitation(trx: Transaction<DB>, invitation: InvitationRow, userId: string, now: Date): Promise<void> {
  const accepted = await consumeInvitation(trx, invitation.id, userId, now);
  if (!accepted) throw new AppError('validation_failed', INVITATION_INVALID_MESSAGE);
  const org = accepted.organisationId;
  const added = await insertMembership(trx, { userId, organisationId: org, rol: accepted.rol });
  await appendAudit(trx, { actorUserId: userId, organisationId: org, action: 'invitation.accepted', subjectType: 'invitation', subjectId: accepted.id, details: { rol: accepted.rol, uitgenodigdDoor: accepted.invitedBy } });
  if (added) await appendAudit(trx, { actorUserId: userId, organisationId: org, action: 'membership.added', subjectType: 'user', subjectId: userId, details: { rol: accepted.rol, via: 'uitnodiging' } });
  // An invitation sent for a pupil record (issue 14): the account becomes that pupil's, who then sees their own data.
  if (accepted.leerlingId) {
    const linked = await linkAccount(trx, accepted.leerlingId, userId);
    // A second invitation for the same pupil, accepted after the first: the whole acceptance is undone.
    if (linked === 'ander-account') throw new AppError('conflict', LEERLING_AL_GEKOPPELD_MESSAGE);
    if (linked) {
      // The group by name, as the other entries of a group have it (the log's sentence names it).
      const cohort = await findCohort(trx, linked.cohortId);
      await appendAudit(trx, { actorUserId: userId, organisationId: linked.organisationId, action: 'leerling.account_gekoppeld', subjectType: 'cohort', subjectId: linked.cohortId, details: { leerling: accepted.leerlingId, cohort: cohort?.naam ?? null } });
    }
  }
}

/**
 * A signed-in user accepts an invitation to the address of their own account: the session proves who it
 * is (the route requires the CSRF token), no password is asked, the session stays. An invitation to another
 * address is refused and stays usable.
 */
export async function acceptInvitationSignedIn(opts: UseCaseContext & { input: UitnodigingAannemen; now?: Date }): Promise<void> {
  const auth = requireAuth(opts.auth);
  const now = opts.now ?? new Date();
  const invitation = await findLiveInvitation(opts.db, sha256(opts.input.token), now);
  if (!invitation) throw new AppError('validation_failed', INVITATION_INVALID_MESSAGE);
  if (invitation.email !== auth.user.email.toLowerCase()) throw new AppError('validation_failed', INVITATION_OTHER_ADDRESS_MESSAGE);
  await opts.db.transaction().execute((trx) => takeInvitation(trx, invitation, auth.user.id, now));
}

export interface AcceptResult {
  userId: string;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function acceptInvitation(opts: {
  db: Kysely<DB>;
  /** Wrong current passwords of an existing account count as failed sign-ins. */
  limiter: RateLimiter;
  input: UitnodigingAccepteren;
  ip: string;
  /** The session token the browser had before, if any: ended (no session fixation). */
  previousToken?: string;
  now?: Date;
}): Promise<AcceptResult> {
  const { db, input } = opts;
  const now = opts.now ?? new Date();
  const invitation = await findLiveInvitation(db, sha256(input.token), now);
  if (!invitation) throw new AppError('validation_failed', INVITATION_INVALID_MESSAGE);

  const existing = await findUserByEmail(db, invitation.email);
  let passwordHash: string | null = null;
  if (existing) {
    // An existing account: the invitation adds a role after the person proves it is theirs.
    const attempt = await opts.limiter.beginPasswordAttempt(invitation.email, opts.ip);
    if (!(await verifyPassword(existing.passwordHash, input.wachtwoord))) throw new AppError('unauthorized', LOGIN_FAILED_MESSAGE);
    await opts.limiter.passwordAccepted(attempt);
  } else {
    const errors = [];
    if (!input.naam) errors.push({ path: 'body.naam', message: 'geef uw naam' });
    if (input.wachtwoord.length < MIN_PASSWORD_LENGTH) errors.push({ path: 'body.wachtwoord', message: `minstens ${MIN_PASSWORD_LENGTH} tekens` });
    if (errors.length > 0) throw new AppError('validation_failed', `Ongeldige parameters: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, { errors });
    passwordHash = await hashPassword(input.wachtwoord);
  }

  const userId = await db.transaction().execute(async (trx) => {
    const user = existing;
    // An account made for this address in the meantime: accepting again checks its password.
    if (!user && (await findUserByEmail(trx, invitation.email))) throw new AppError('conflict', 'Er is intussen een account met dit e-mailadres. Probeer het opnieuw met het wachtwoord van dat account.');
    const id = user?.id ?? (await insertUser(trx, { email: invitation.email, naam: input.naam!, passwordHash }));
    if (!user) await appendAudit(trx, { actorUserId: id, organisationId: invitation.organisationId, action: 'user.created', subjectType: 'user', subjectId: id, details: { via: 'uitnodiging' } });
    await takeInvitation(trx, invitation, id, now);
    return id;
  });

  await endSession(db, opts.previousToken);
  await deleteExpiredSessions(db, now);
  const session = await createSession(db, userId, now);
  await appendAudit(db, { actorUserId: userId, organisationId: null, action: 'auth.login', subjectType: 'user', subjectId: userId, details: { via: 'uitnodiging' } });
  return { userId, ...session };
}
