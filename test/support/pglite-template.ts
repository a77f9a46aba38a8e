/**
 * Vitest global setup of the PGlite projects (integration-pglite, browser): migrated PGlite data folders, dumped once
 * per run to temporary files that test databases start from (test/support/db.ts, startTestApp in app.ts):
 *  - base: the migrations only;
 *  - demo: base + the built-in demo catalogue (`seedDemoCatalogue`);
 *  - slo: base + the national data of ../shared (`importNationalData`), when that data is there.
 * Opening an empty PGlite runs initdb inside WebAssembly, which took most of the time of every test file's database,
 * and the demo seed and the national import were repeated by every file that needs them; loading a dump skips both.
 * Each database still runs the migrations (a no-op on a current dump), so a dump can never be used stale.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { Kysely } from 'kysely';
import { createPgliteDialect } from '../../src/server/db/pglite-dialect.js';
import { migrate } from '../../src/server/db/migrate.js';
import type { DB } from '../../src/server/db/schema.js';
import { seedDemoCatalogue } from '../../src/server/demo/seed-demo.js';
import { importNationalData } from './app.js';
import { SLO_DIR } from './shared-data.js';

export type PgliteTemplateName = 'base' | 'demo' | 'slo';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Paths of the PGlite dumps (tar files) made for this run; a missing name has no dump. */
    pgliteTemplates: Partial<Record<PgliteTemplateName, string>>;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const { PGlite } = await import('@electric-sql/pglite');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-pglite-templates-'));
  const files: Partial<Record<PgliteTemplateName, string>> = {};
  const write = async (name: PgliteTemplateName, dump: Blob) => {
    const file = path.join(dir, `${name}.tar`);
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    files[name] = file;
  };
  const make = async (template: Blob | undefined, fill: (db: Kysely<DB>) => Promise<void>): Promise<Blob> => {
    const pglite = await PGlite.create(template ? { loadDataDir: template } : {});
    const db = new Kysely<DB>({ dialect: createPgliteDialect(pglite) });
    await migrate(db);
    await fill(db);
    const dump = await pglite.dumpDataDir('none');
    await db.destroy();
    await pglite.close();
    return dump;
  };
  const base = await make(undefined, async () => {});
  await write('base', base);
  await write('demo', await make(base, async (db) => { await seedDemoCatalogue(db); }));
  if (fs.existsSync(SLO_DIR)) await write('slo', await make(base, (db) => importNationalData(db)));
  project.provide('pgliteTemplates', files);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
