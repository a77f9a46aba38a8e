/**
 * A fresh database per test file: in-memory PGlite, or a new PostgreSQL
 * database on the local server (dropped afterwards), chosen by TEST_DB.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/server/db/database.js';

export type TestDbKind = 'pglite' | 'postgres';
export const TEST_DB: TestDbKind = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export const databaseAvailable = TEST_DB === 'pglite' ? true : await postgresAvailable();
export const SKIP_NO_DB = `overgeslagen: PostgreSQL is niet bereikbaar op ${ADMIN_URL.replace(/\/\/[^@]*@/, '//')}`;
if (!databaseAvailable) {
  if (process.env.CI === 'true' || process.env.REQUIRE_POSTGRES === '1') throw new Error(`PostgreSQL is vereist maar niet bereikbaar (${ADMIN_URL}).`);
  console.warn(`[tests] ${SKIP_NO_DB}`);
}

export interface TestDatabase extends Database {
  /** Drop the database (PostgreSQL) after closing. */
  destroy(): Promise<void>;
}

/** The PGlite dumps of this run (test/support/pglite-template.ts), each read once per test file. */
const templates = new Map<string, Blob>();
function pgliteTemplate(name: 'base' | 'demo' | 'slo'): Blob | undefined {
  const known = templates.get(name);
  if (known) return known;
  const file = inject('pgliteTemplates')?.[name];
  if (!file || !fs.existsSync(file)) return undefined;
  const blob = new Blob([fs.readFileSync(file)]);
  templates.set(name, blob);
  return blob;
}

/**
 * `filled`: start from the run's PGlite dump with that catalogue already in it ('demo': the demo catalogue, 'slo': the
 * national data; on PostgreSQL a copy of the run's template database of postgres-template.ts); `filledFrom` of the
 * result says whether that happened (without a dump or template it did not,
 * and the caller loads the data itself).
 */
export async function createTestDatabase(opts: { filled?: 'demo' | 'slo' } = {}): Promise<TestDatabase & { filledFrom?: 'demo' | 'slo' }> {
  if (TEST_DB === 'pglite') {
    const filled = opts.filled ? pgliteTemplate(opts.filled) : undefined;
    const database = await openDatabase({ kind: 'pglite-memory', template: filled ?? pgliteTemplate('base') });
    return { ...database, destroy: () => database.close(), ...(filled ? { filledFrom: opts.filled } : {}) };
  }
  const name = `doorlopend_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  // A copy of the run's template database (test/support/postgres-template.ts) when there is one.
  const templates = inject('postgresTemplates') ?? {};
  const template = (opts.filled && templates[opts.filled]) || templates.base;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString() });
  const filledFrom = opts.filled && templates[opts.filled] ? opts.filled : undefined;
  return {
    ...database,
    ...(filledFrom ? { filledFrom } : {}),
    destroy: async () => {
      await database.close();
      await dropPostgresDatabase(name);
    },
  };
}

/**
 * Drops a database of createPostgresDatabase or createTestDatabase. A pool resolves its end() before every socket has closed; terminating those connections (FORCE)
 * makes the server send them a FATAL message that surfaces as an uncaught error in the test run. So wait for them to
 * go first (up to 5 s), and force only as a last resort (connections a failed test or a killed process left behind).
 */
export async function dropPostgresDatabase(name: string): Promise<void> {
  const a = new pg.Client({ connectionString: ADMIN_URL });
  await a.connect();
  try {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await a.query(attempt < 50 ? `DROP DATABASE IF EXISTS ${name}` : `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        break;
      } catch (err) {
        if ((err as { code?: string }).code !== '55006' || attempt >= 50) throw err; // 55006: object_in_use
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    await a.end();
  }
}

/**
 * An empty PostgreSQL database of its own (for tests that start server processes or restore a dump into it):
 * its name and connection URL. Drop it with dropPostgresDatabase.
 */
export async function createPostgresDatabase(prefix: string): Promise<{ name: string; url: string }> {
  const name = `doorlopend_${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

