/** Server-side sessions, looked up by the hash of the cookie token. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

export interface SessionRow {
  id: string;
  userId: string;
  csrfTokenHash: string;
  expiresAt: Date;
  lastSeenAt: Date;
}

export async function insertSession(db: Kysely<DB>, s: { tokenHash: string; userId: string; csrfTokenHash: string; expiresAt: Date }): Promise<string> {
  const row = await db
    .insertInto('session')
    .values({ token_hash: s.tokenHash, user_id: s.userId, csrf_token_hash: s.csrfTokenHash, expires_at: s.expiresAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A session that has not expired, by token hash. */
export async function findLiveSession(db: Kysely<DB>, tokenHash: string, now: Date): Promise<SessionRow | undefined> {
  const row = await db
    .selectFrom('session')
    .select(['id', 'user_id', 'csrf_token_hash', 'expires_at', 'last_seen_at'])
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row && { id: row.id, userId: row.user_id, csrfTokenHash: row.csrf_token_hash, expiresAt: new Date(row.expires_at), lastSeenAt: new Date(row.last_seen_at) };
}

export async function touchSession(db: Kysely<DB>, id: string, now: Date): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: now }).where('id', '=', id).execute();
}

export async function deleteSessionByTokenHash(db: Kysely<DB>, tokenHash: string): Promise<void> {
  await db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
}

export async function deleteExpiredSessions(db: Kysely<DB>, now: Date): Promise<void> {
  await db.deleteFrom('session').where('expires_at', '<=', now).execute();
}

/** Ends every session of a user (after a password reset). */
export async function deleteSessionsOfUser(db: Kysely<DB> | Transaction<DB>, userId: string): Promise<number> {
  const result = await db.deleteFrom('session').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
