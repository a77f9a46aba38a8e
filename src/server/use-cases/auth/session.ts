/** Sessions: created at sign-in, resolved from the cookie token on each request, removed at sign-out. */
import type { Kysely } from 'kysely';
import type { AuthContext } from '../../access/context.js';
import type { DB } from '../../db/schema.js';
import { findUserById, membershipsOf } from '../../repositories/account-repository.js';
import { deleteExpiredSessions, deleteSessionByTokenHash, findLiveSession, insertSession, touchSession } from '../../repositories/session-repository.js';
import { csrfTokenFor, newToken, sameHash, sha256 } from '../../auth/tokens.js';

export const SESSION_LIFETIME_MS = 12 * 60 * 60_000;
const TOUCH_AFTER_MS = 5 * 60_000;

/** @deprecated moved to server/access (issue 11) */
export type { AuthContext } from '../../access/context.js';

export async function createSession(db: Kysely<DB>, userId: string, now = new Date()): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = newToken();
  const csrfToken = csrfTokenFor(token);
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await insertSession(db, { tokenHash: sha256(token), userId, csrfTokenHash: sha256(csrfToken), expiresAt });
  return { token, csrfToken, expiresAt };
}

export async function resolveSession(opts: { db: Kysely<DB>; token: string | undefined; now?: Date }): Promise<AuthContext | null> {
  const { db, token } = opts;
  if (!token || token.length > 200) return null;
  const now = opts.now ?? new Date();
  const session = await findLiveSession(db, sha256(token), now);
  if (!session) return null;
  const user = await findUserById(db, session.userId);
  if (!user) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) await touchSession(db, session.id, now);
  const memberships = await membershipsOf(db, user.id);
  return {
    sessionId: session.id,
    user: { id: user.id, email: user.email, naam: user.naam },
    platformBeheerder: user.platformBeheerder,
    memberships,
    actor: { userId: user.id, memberships: memberships.map((m) => ({ organisationId: m.organisationId, rol: m.rol })) },
    csrfToken: csrfTokenFor(token),
    csrfTokenHash: session.csrfTokenHash,
  };
}

/** Whether a request's x-csrf-token header belongs to the session. */
export function csrfMatches(auth: AuthContext, header: string | undefined): boolean {
  if (!header || header.length > 200) return false;
  return sameHash(sha256(header), auth.csrfTokenHash);
}

export async function endSession(db: Kysely<DB>, token: string | undefined): Promise<void> {
  if (token && token.length <= 200) await deleteSessionByTokenHash(db, sha256(token));
}

/**
 * A successful sign-in (password or SSO): ends the session the browser had before (so a planted session
 * id never becomes signed in), clears expired sessions and creates a new one.
 */
export async function rotateSession(db: Kysely<DB>, userId: string, previousToken: string | undefined): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  await endSession(db, previousToken);
  await deleteExpiredSessions(db, new Date());
  return createSession(db, userId);
}
