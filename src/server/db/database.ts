/**
 * Opens the database: embedded PGlite in a data folder by default, PostgreSQL
 * when a connection string is given. Both speak the same SQL and run the same
 * migrations.
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createPgliteDialect } from './pglite-dialect.js';
import { acquireDataDirLock } from './lock.js';
import { migrate } from './migrate.js';
import type { DB } from './schema.js';

export type DatabaseTarget =
  | { kind: 'postgres'; url: string }
  /** One process on one machine per folder: an exclusive lock refuses any other (lock.ts, ADR 10). */
  | { kind: 'pglite'; dataDir: string }
  /** `template`: a dump of a PGlite data folder (`dumpDataDir`) to start from instead of an empty cluster; the tests
   * start every database from one migrated dump, which skips PGlite's initdb (most of the time of opening one). */
  | { kind: 'pglite-memory'; template?: Blob };

export interface Database {
  db: Kysely<DB>;
  kind: 'postgres' | 'pglite';
  /** Human-readable description of where the data lives (never includes a password). */
  description: string;
  close(): Promise<void>;
}

/** How long making one PostgreSQL connection may take (pg's connectionTimeoutMillis; its default waits forever). */
export const POSTGRES_CONNECTION_TIMEOUT_MS = 5_000;

// Return int8/numeric as JS numbers where they fit; we only count rows.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}

export async function openDatabase(target: DatabaseTarget, options: { migrate?: boolean } = {}): Promise<Database> {
  let database: Database;
  if (target.kind === 'postgres') {
    // A new connection that is not made within 5 s fails (instead of waiting for the operating system's TCP timeout),
    // so a request on an unreachable database ends in an error answer rather than hanging; readiness gives up after 2 s.
    const pool = new pg.Pool({ connectionString: target.url, max: 10, connectionTimeoutMillis: POSTGRES_CONNECTION_TIMEOUT_MS });
    // Fail fast with a clear error when the server is unreachable.
    const client = await pool.connect().catch(async (err: Error) => {
      await pool.end();
      throw new Error(`Kan geen verbinding maken met PostgreSQL (${redact(target.url)}): ${err.message}`);
    });
    client.release();
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    database = { db, kind: 'postgres', description: `PostgreSQL ${redact(target.url)}`, close: () => db.destroy() };
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    const release = target.kind === 'pglite' ? acquireDataDirLock(target.dataDir) : () => {};
    try {
      const pglite =
        target.kind === 'pglite' ? await PGlite.create(target.dataDir) : await PGlite.create(target.template ? { loadDataDir: target.template } : {});
      const db = new Kysely<DB>({ dialect: createPgliteDialect(pglite) });
      database = {
        db,
        kind: 'pglite',
        description: target.kind === 'pglite' ? `PGlite in ${target.dataDir}` : 'PGlite in het geheugen',
        close: async () => {
          try {
            await db.destroy();
            await pglite.close();
          } finally {
            release();
          }
        },
      };
    } catch (err) {
      release();
      throw err;
    }
  }
  if (options.migrate !== false) {
    try {
      await migrate(database.db);
    } catch (err) {
      await database.close();
      throw err;
    }
  }
  return database;
}
