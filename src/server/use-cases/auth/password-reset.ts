/**
 * Password reset: a request mails a single-use link (random token, only its sha256 stored, valid one
 * hour) when the address has an account, and answers the same either way (no account enumeration), in
 * the same time: the request only counts against the limits (per e-mail address, known or not, and per
 * client address) and stores a compose job (address and time) in the mail outbox; in the background the
 * queue looks for the account, stores the token and the mail in one transaction, and sends it. The reset sets the new argon2id hash, uses up the token, ends every
 * session of the user and ends the account's sign-in lock (the guesses of others counted from zero again).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { findUserByEmail, findUserById, setPasswordHash } from '../../repositories/account-repository.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import { consumePasswordReset, deleteOldPasswordResets, insertPasswordReset, retirePasswordResetsOfUser } from '../../repositories/password-reset-repository.js';
import { deleteSessionsOfUser } from '../../repositories/session-repository.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../../auth/passwords.js';
import { forgetAccountFailures, type RateLimiter } from '../../auth/rate-limiter.js';
import { newToken, sha256 } from '../../auth/tokens.js';
import type { MailComposer, MailQueue, OutgoingMail } from '../../mail/mailer.js';

export const PASSWORD_RESET_LIFETIME_MS = 60 * 60_000;
export const FORGOT_PASSWORD_ANSWER =
  'Als er een account is met dit e-mailadres, ontvangt u binnen enkele minuten een e-mail met een link om een nieuw wachtwoord te kiezen. De link is een uur geldig.';
export const RESET_INVALID_MESSAGE = 'Deze link om uw wachtwoord te herstellen is ongeldig, al gebruikt of verlopen. Vraag een nieuwe aan.';

/** The link in the mail. The token is in the fragment, so it never reaches a server log or a Referer header. */
export const resetLink = (publicUrl: string, token: string) => `${publicUrl}/wachtwoord-herstellen#token=${token}`;

export async function requestPasswordReset(opts: {
  mail: MailQueue;
  /** Every request counts (not only failures): per e-mail address per hour, and per client address. */
  limiter: RateLimiter;
  email: string;
  ip: string;
  /** Not used here: the mail is composed by `passwordResetComposer` (registered with the app's mail queue). */
  db?: unknown;
  /** Not used here: see `db`. */
  publicUrl?: string;
}): Promise<{ bericht: string }> {
  const email = opts.email.trim().toLowerCase();
  await opts.limiter.countResetRequest(email, opts.ip);
  // Nothing that depends on the account happens before the answer: the same work for every address (a row in the
  // mail outbox with the address and the time; it survives a restart).
  await opts.mail.enqueueComposed(PASSWORD_RESET_COMPOSER, email);
  return { bericht: FORGOT_PASSWORD_ANSWER };
}

/** The name of the compose job of a reset request in the mail outbox. */
export const PASSWORD_RESET_COMPOSER = 'password-reset';

/**
 * In the background, in the transaction that turns the job into its mail: when the address has an account, a new link
 * (stored as a hash, audited) and its mail; else nothing. A request older than a link's lifetime is not honoured.
 */
export function passwordResetComposer(publicUrl: string, clock: () => Date = () => new Date()): MailComposer {
  return async (trx, job) => {
    const now = clock();
    if (now.getTime() - job.requestedAt.getTime() > PASSWORD_RESET_LIFETIME_MS) return null;
    return composeResetMail({ db: trx, publicUrl, email: job.address, now });
  };
}

async function composeResetMail(opts: { db: Kysely<DB>; publicUrl: string; email: string; now: Date }): Promise<OutgoingMail | null> {
  const { db, now } = opts;
  const user = await findUserByEmail(db, opts.email);
  if (!user) return null;
  const token = newToken();
  await deleteOldPasswordResets(db, now);
  await insertPasswordReset(db, { tokenHash: sha256(token), userId: user.id, expiresAt: new Date(now.getTime() + PASSWORD_RESET_LIFETIME_MS) });
  await appendAudit(db, { actorUserId: null, organisationId: null, action: 'auth.password_reset_requested', subjectType: 'user', subjectId: user.id });
  return {
    to: user.email,
    subject: 'Nieuw wachtwoord kiezen voor Doorlopend',
    text: [
      `Beste ${user.naam},`,
      '',
      'Iemand (hopelijk u) heeft gevraagd om een nieuw wachtwoord voor uw account op Doorlopend.',
      'Kies een nieuw wachtwoord via deze link (een uur geldig, één keer te gebruiken):',
      '',
      resetLink(opts.publicUrl, token),
      '',
      'Hebt u dit niet gevraagd? Dan kunt u deze e-mail negeren; uw wachtwoord blijft hetzelfde.',
    ].join('\n'),
  };
}

export async function resetPassword(opts: { db: Kysely<DB>; token: string; password: string; now?: Date }): Promise<void> {
  const now = opts.now ?? new Date();
  if (opts.password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('validation_failed', `Het wachtwoord moet minstens ${MIN_PASSWORD_LENGTH} tekens hebben.`, { errors: [{ path: 'body.wachtwoord', message: `minstens ${MIN_PASSWORD_LENGTH} tekens` }] });
  }
  if (opts.token.length > 200) throw new AppError('validation_failed', RESET_INVALID_MESSAGE);
  const passwordHash = await hashPassword(opts.password);
  await opts.db.transaction().execute(async (trx) => {
    const reset = await consumePasswordReset(trx, sha256(opts.token), now);
    if (!reset) throw new AppError('validation_failed', RESET_INVALID_MESSAGE);
    await setPasswordHash(trx, reset.userId, passwordHash);
    // The owner proved themselves with the mailed token: a lock kept up by someone guessing no longer stops them.
    const user = await findUserById(trx, reset.userId);
    if (user) await forgetAccountFailures(trx, user.email);
    await retirePasswordResetsOfUser(trx, reset.userId, now);
    const ended = await deleteSessionsOfUser(trx, reset.userId);
    await appendAudit(trx, { actorUserId: reset.userId, organisationId: null, action: 'auth.password_reset', subjectType: 'user', subjectId: reset.userId, details: { sessiesBeeindigd: ended } });
  });
}
