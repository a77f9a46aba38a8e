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

/** The catalogue sources imported so far, each with whether a release of it came from outside the demo. */
export async function importedSourcesByOrigin(db: Kysely<DB>): Promise<Map<string, { real: boolean }>> {
  const rows = await db.selectFrom('source_release').select(['source', 'is_demo']).execute();
  const bySource = new Map<string, { real: boolean }>();
  for (const r of rows) bySource.set(r.source, { real: (bySource.get(r.source)?.real ?? false) || !r.is_demo });
  return bySource;
}
