/**
 * Counters of the sign-in and password reset limits (table `rate_limit`, migration 0012), per kind and key.
 * A counter is read under a row lock inside a transaction, so attempts of several app instances on one
 * database are counted one after the other.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface RateLimitCounter {
  count: number;
  windowStart: Date;
  lockedUntil: Date | null;
  expiresAt: Date;
}

/**
 * The counter of (kind, key), locked until the end of the transaction (SELECT … FOR UPDATE). A missing
 * counter is first created empty (count 0, already expired), so concurrent first attempts also wait for
 * one another instead of both inserting.
 */
export async function lockCounter(trx: Transaction<DB>, kind: string, key: string, now: Date): Promise<RateLimitCounter> {
  await trx
    .insertInto('rate_limit')
    .values({ kind, key, count: 0, window_start: now, locked_until: null, expires_at: now })
    .onConflict((oc) => oc.columns(['kind', 'key']).doNothing())
    .execute();
  const row = await trx
    .selectFrom('rate_limit')
    .select(['count', 'window_start', 'locked_until', 'expires_at'])
    .where('kind', '=', kind)
    .where('key', '=', key)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return {
    count: row.count,
    windowStart: new Date(row.window_start),
    lockedUntil: row.locked_until === null ? null : new Date(row.locked_until),
    expiresAt: new Date(row.expires_at),
  };
}

export async function saveCounter(trx: Transaction<DB>, kind: string, key: string, counter: RateLimitCounter): Promise<void> {
  await trx
    .updateTable('rate_limit')
    .set({ count: counter.count, window_start: counter.windowStart, locked_until: counter.lockedUntil, expires_at: counter.expiresAt })
    .where('kind', '=', kind)
    .where('key', '=', key)
    .execute();
}

/** Forgets a counter (a successful sign-in ends the failures of that account). */
export async function deleteCounter(db: Db, kind: string, key: string): Promise<void> {
  await db.deleteFrom('rate_limit').where('kind', '=', kind).where('key', '=', key).execute();
}

/** Housekeeping: removes counters that are forgotten and not locked any more. Returns how many. */
export async function deleteExpiredCounters(db: Db, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('rate_limit')
    .where('expires_at', '<=', now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
