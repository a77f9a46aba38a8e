/** Applies the hand-written SQL migrations in ./migrations in name order, each once, each in a transaction. */
import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Kysely, sql } from 'kysely';
import type { DB } from './schema.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export async function listMigrations(): Promise<Array<{ name: string; sql: string }>> {
  const names = (await fs.readdir(MIGRATIONS_DIR)).filter((n) => n.endsWith('.sql')).sort();
  return Promise.all(names.map(async (name) => ({ name, sql: await fs.readFile(MIGRATIONS_DIR + name, 'utf8') })));
}

/** The advisory lock every migration step takes: processes starting at once against one database run them one by one. */
const MIGRATION_LOCK = 4242001;

export async function migrate(db: Kysely<DB>): Promise<string[]> {
  // Under the lock too: two concurrent CREATE TABLE IF NOT EXISTS on PostgreSQL can both pass the check, and the second
  // then fails on a duplicate key in pg_type (seen with three processes starting at once; instances.test.ts).
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${sql.lit(MIGRATION_LOCK)})`.execute(trx);
    await sql`CREATE TABLE IF NOT EXISTS schema_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(trx);
  });
  const applied: string[] = [];
  for (const migration of await listMigrations()) {
    await db.transaction().execute(async (trx) => {
      // Two processes starting at once against PostgreSQL: the second waits, then skips.
      await sql`SELECT pg_advisory_xact_lock(${sql.lit(MIGRATION_LOCK)})`.execute(trx);
      const done = await trx.selectFrom('schema_migration').select('name').where('name', '=', migration.name).executeTakeFirst();
      if (done) return;
      await sql.raw(migration.sql).execute(trx);
      await trx.insertInto('schema_migration').values({ name: migration.name } as never).execute();
      applied.push(migration.name);
    });
  }
  return applied;
}
