/**
 * Sign-in with e-mail and password: argon2id, a generic error, the limits of the database-backed limiter
 * (per account from all addresses, with a growing lock, and per address), a new session.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { findUserByEmail } from '../../repositories/account-repository.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import { verifyPassword } from '../../auth/passwords.js';
import type { RateLimiter } from '../../auth/rate-limiter.js';
import { rotateSession } from './session.js';

export const LOGIN_FAILED_MESSAGE = 'Het e-mailadres of het wachtwoord klopt niet.';

export interface LoginResult {
  userId: string;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function login(opts: {
  db: Kysely<DB>;
  limiter: RateLimiter;
  email: string;
  password: string;
  ip: string;
  /** The session token the browser had before, if any: ended, so a planted session id never becomes signed in. */
  previousToken?: string;
}): Promise<LoginResult> {
  const { db, limiter } = opts;
  const email = opts.email.trim().toLowerCase();
  // Counted before the password is checked (429 while locked, even for the right password).
  const attempt = await limiter.beginPasswordAttempt(email, opts.ip);
  const user = await findUserByEmail(db, email);
  const ok = await verifyPassword(user?.passwordHash ?? null, opts.password);
  if (!user || !ok) {
    // Only failures on existing accounts are audited (no arbitrary input in the log).
    if (user) await appendAudit(db, { actorUserId: null, organisationId: null, action: 'auth.login_failed', subjectType: 'user', subjectId: user.id });
    throw new AppError('unauthorized', LOGIN_FAILED_MESSAGE);
  }
  await limiter.passwordAccepted(attempt);
  const session = await rotateSession(db, user.id, opts.previousToken);
  await appendAudit(db, { actorUserId: user.id, organisationId: null, action: 'auth.login', subjectType: 'user', subjectId: user.id });
  return { userId: user.id, ...session };
}
