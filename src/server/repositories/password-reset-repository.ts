/** Password reset tokens, by the sha256 of the token (the token itself is only in the e-mail). */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export async function insertPasswordReset(db: Db, r: { tokenHash: string; userId: string; expiresAt: Date }): Promise<void> {
  await db.insertInto('password_reset').values({ token_hash: r.tokenHash, user_id: r.userId, expires_at: r.expiresAt }).execute();
}

/**
 * Marks a live (unused, unexpired) token used, in one statement so that two requests with the same
 * token cannot both succeed. Returns the user, or undefined for an unknown, used or expired token.
 */
export async function consumePasswordReset(db: Db, tokenHash: string, now: Date): Promise<{ userId: string } | undefined> {
  const row = await db
    .updateTable('password_reset')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
  return row && { userId: row.user_id };
}

/** After a reset: the user's other outstanding links stop working too. */
export async function retirePasswordResetsOfUser(db: Db, userId: string, now: Date): Promise<void> {
  await db.updateTable('password_reset').set({ used_at: now }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
}

/** Removes links that expired more than a day ago (housekeeping at each request). */
export async function deleteOldPasswordResets(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('password_reset').where('expires_at', '<', new Date(now.getTime() - 24 * 60 * 60_000)).execute();
}
