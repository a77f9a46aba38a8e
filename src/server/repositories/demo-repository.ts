/** Demo mode's own database work. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * The demo seeding lock: instances starting at once in demo mode on one empty database create the demo organisations
 * and users once (the others wait, then find them). A transaction-scoped advisory lock (key 4242003; the migrations use
 * 4242001, catalogue imports 4242002), on PostgreSQL and PGlite alike.
 */
export async function lockDemoSeeding(trx: Transaction<DB>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(4242003)`.execute(trx);
}

/** Whether the database holds catalogue releases other than the built-in demo (a national import or upload). */
export async function hasNonDemoRelease(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('source_release').select('id').where('is_demo', '=', false).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The catalogue sources that have ever been imported (`slo`, `mbo-tabel:…`, `sbb-xml`). */
export async function importedSources(db: Kysely<DB>): Promise<Set<string>> {
  return new Set((await db.selectFrom('source_release').select('source').distinct().execute()).map((r) => r.source));
}
