/** What readiness asks the database: that it answers, and which migrations it has. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * The names of the migrations applied to this database (none when `schema_migration` does not exist yet). Answering at
 * all proves the database is reachable.
 */
export async function appliedMigrationNames(db: Kysely<DB>): Promise<string[]> {
  const table = await sql<{ t: string | null }>`SELECT to_regclass('schema_migration')::text AS t`.execute(db);
  if (!table.rows[0]?.t) return [];
  const rows = await db.selectFrom('schema_migration').select('name').execute();
  return rows.map((r) => r.name);
}
