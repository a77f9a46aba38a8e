/**
 * Vitest global setup of the integration-postgres project: migrated template databases on the local PostgreSQL server,
 * made once per run, that test databases are copied from (`CREATE DATABASE … TEMPLATE …`, test/support/db.ts):
 *  - base: the migrations only;
 *  - demo: base + the built-in demo catalogue (`seedDemoCatalogue`);
 *  - slo: base + the national data of ../shared (`importNationalData`), when that data is there.
 * The PostgreSQL twin of pglite-template.ts: copying a database is far quicker than running every migration, the demo
 * seed or the national import again in every test file. Each database still runs the migrations (a no-op on a current
 * copy), so a template can never be used stale. Without a reachable server nothing is made (db.ts then skips or fails
 * as before).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/server/db/database.js';
import { seedDemoCatalogue } from '../../src/server/demo/seed-demo.js';
import { importNationalData } from './app.js';
import { SLO_DIR } from './shared-data.js';

export type PostgresTemplateName = 'base' | 'demo' | 'slo';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Names of the template databases made for this run; a missing name has no template. */
    postgresTemplates: Partial<Record<PostgresTemplateName, string>>;
  }
}

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const PREFIX = 'doorlopend_tpl_';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const urlOf = (name: string) => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
};

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const names: Partial<Record<PostgresTemplateName, string>> = {};
  const reachable = await admin(async () => true).catch(() => false);
  if (!reachable) {
    project.provide('postgresTemplates', names);
    return async () => {};
  }
  // Templates left by a run that was killed (its process is gone) are dropped; those of a run still going are kept.
  await admin(async (client) => {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE '${PREFIX}%'`);
    for (const { datname } of rows) {
      const pid = Number(/^doorlopend_tpl_(\d+)_/.exec(datname)?.[1]);
      if (Number.isFinite(pid) && !processAlive(pid)) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
  });
  const run = `${PREFIX}${process.pid}_${randomBytes(3).toString('hex')}`;
  const make = async (name: PostgresTemplateName, from: string | undefined, fill: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<void>) => {
    const dbName = `${run}_${name}`;
    await admin((client) => client.query(from ? `CREATE DATABASE ${dbName} TEMPLATE ${from}` : `CREATE DATABASE ${dbName}`));
    names[name] = dbName;
    const database = await openDatabase({ kind: 'postgres', url: urlOf(dbName) });
    try {
      await fill(database.db);
    } finally {
      await database.close();
    }
    // A closed pool may still hold sockets for a moment; a database with sessions cannot be a template.
    await admin(async (client) => {
      for (let i = 0; i < 100; i += 1) {
        const { rows } = await client.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [dbName]);
        if (rows[0].n === 0) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    });
    return dbName;
  };
  const drop = async () => {
    await admin(async (client) => {
      for (const dbName of Object.values(names)) await client.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    }).catch(() => {});
  };
  try {
    const base = await make('base', undefined, async () => {});
    await make('demo', base, async (db) => {
      await seedDemoCatalogue(db);
    });
    if (fs.existsSync(SLO_DIR)) await make('slo', base, (db) => importNationalData(db));
  } catch (err) {
    await drop();
    throw err;
  }
  project.provide('postgresTemplates', names);
  return drop;
}
