/**
 * Issue 14, the pupil commands as an administrator runs them (in-process, on an embedded database on disk):
 * `doorlopend leerlingen import` with --dry-run and --kolom, exit code 1 and every line on bad input with nothing
 * written, and `doorlopend leerlingen opschonen --peildatum`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/database.js';
import { seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import { runCliCaptured } from '../support/cli.js';
import { TEST_DB } from '../support/db.js';
import { startExamenWorld } from '../support/examen-world.js';
import { createCohort } from '../support/leerlingen-factory.js';

describe.skipIf(TEST_DB !== 'pglite')('doorlopend leerlingen (embedded database)', () => {
  let dir: string;
  let cohortId: string;
  const env = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  const run = (...args: string[]) => runCliCaptured(args);
  const pupils = async () => {
    const d = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'db') });
    try {
      return await d.db.selectFrom('leerling').select(['leerlingnummer', 'roepnaam', 'achternaam']).where('cohort_id', '=', cohortId).orderBy('leerlingnummer').execute();
    } finally {
      await d.close();
    }
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-leerlingen-cli-'));
    const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'db') });
    await seedDemoOrganisations(database.db);
    const w = await startExamenWorld({ database: { ...database, destroy: () => database.close() } });
    cohortId = (await createCohort(w, { naam: 'CLI-groep', schooljaar: '2020-2021', leerjaar: 3 })).id;
    await w.close();
    await database.close();
    process.env.DATA_DIR = path.join(dir, 'db');
    process.env.DATABASE_URL = '';
  }, 120_000);
  afterAll(() => {
    process.env.DATA_DIR = env.DATA_DIR;
    if (env.DATABASE_URL === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = env.DATABASE_URL;
    if (env.DATA_DIR === undefined) delete process.env.DATA_DIR;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a bad file with exit code 1, every line, and no change', async () => {
    const bad = path.join(dir, 'fout.csv');
    fs.writeFileSync(bad, 'Stamnr;Roepnaam;Achternaam;Leerweg\n1;Sam;Jansen;BB\n2;;Bakker;KB\n3;Lucas;Visser;havo\n');
    const r = await run('leerlingen', 'import', '--cohort', cohortId, '--bestand', bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain('regel 3, roepnaam');
    expect(r.err).toContain('regel 4, leerweg');
    expect(r.err).toMatch(/De database is niet gewijzigd/);
    expect(await pupils()).toEqual([]);
    expect((await run('leerlingen', 'import', '--cohort', cohortId, '--bestand', path.join(dir, 'bestaat-niet.csv'))).code).toBe(1);
    expect((await run('leerlingen', 'import', '--cohort', cohortId)).code).toBe(2);
  });

  it('a dry run with a column mapping writes nothing; the import writes; BSN is not read', async () => {
    const file = path.join(dir, 'export.csv');
    fs.writeFileSync(file, 'Nr;Voornaam;Familienaam;BSN\n7001;Sam;Jansen;123456782\n7002;Noor;Bakker;111222333\n');
    const dry = await run('leerlingen', 'import', '--cohort', cohortId, '--bestand', file, '--dry-run', '--kolom', 'leerlingnummer=Nr', '--kolom', 'achternaam=Familienaam');
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toContain('2 toe te voegen');
    expect(dry.out).toContain('Niet gelezen: BSN');
    expect(dry.out).toContain('er is niets geschreven');
    expect(await pupils()).toEqual([]);
    const real = await run('leerlingen', 'import', '--cohort', cohortId, '--bestand', file, '--kolom', 'leerlingnummer=Nr', '--kolom', 'achternaam=Familienaam');
    expect(real.code, real.err).toBe(0);
    expect(await pupils()).toEqual([
      { leerlingnummer: '7001', roepnaam: 'Sam', achternaam: 'Jansen' },
      { leerlingnummer: '7002', roepnaam: 'Noor', achternaam: 'Bakker' },
    ]);
    expect((await run('leerlingen', 'import', '--cohort', cohortId, '--bestand', file, '--kolom', 'bsn=BSN')).code).toBe(1);
  });

  it('opschonen removes the pupils of a cohort past its retention period', async () => {
    const before = await run('leerlingen', 'opschonen', '--peildatum', '2023-07-30');
    expect(before.code).toBe(0);
    expect(before.out).toContain('geen groep');
    const r = await run('leerlingen', 'opschonen', '--peildatum', '2023-07-31');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('CLI-groep: 2 leerlingen');
    expect(await pupils()).toEqual([]);
    expect((await run('leerlingen', 'opschonen', '--peildatum', '31-07-2023')).code).toBe(1);
  });
});
