/** `doorlopend import tabel <map>`: every table of a folder, checked first, run in-process on an embedded database of its own. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/cli.js';
import { openDatabase } from '../../src/server/db/database.js';
import { TEST_DB } from '../support/db.js';

const KWALIFICATIES =
  'crebo,naam,niveau,soort,leerwegen,opleidingsdomein,dossier_crebo,dossier_naam,sectorkamer\n' +
  '25999,Medewerker testwerk,2,basisberoepsopleiding,BBL BOL,Bouw en infra,23999,Testwerk,Techniek en gebouwde omgeving\n';
const KEUZEDELEN = 'code,titel,sbu\nK9901,Eerste testkeuzedeel,240\n';

describe.skipIf(TEST_DB !== 'pglite')('doorlopend import tabel <map>', () => {
  let dir: string;
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };

  const run = (...args: string[]) => runCliCaptured(args);

  /** A folder with these files. One database for the whole file (a new embedded database costs seconds): the
   * refusals come first and must leave it empty. */
  function folder(name: string, files: Record<string, string>): string {
    const f = path.join(dir, name);
    fs.mkdirSync(f);
    for (const [file, content] of Object.entries(files)) fs.writeFileSync(path.join(f, file), content);
    return f;
  }

  async function counts(): Promise<{ kwalificaties: number; keuzedelen: number }> {
    const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'db') });
    try {
      const k = await database.db.selectFrom('mbo_kwalificatie').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const d = await database.db.selectFrom('mbo_keuzedeel').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return { kwalificaties: Number(k.n), keuzedelen: Number(d.n) };
    } finally {
      await database.close();
    }
  }

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-cli-tabel-map-'));
    process.env.DATA_DIR = path.join(dir, 'db');
    process.env.DATABASE_URL = '';
  });
  afterAll(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('writes nothing when one table of the folder is refused, and names that file', async () => {
    const f = folder('fout', { 'kwalificaties.csv': KWALIFICATIES, 'keuzedelen.csv': 'code,titel,sbu\nK9901,Testkeuzedeel,241\n' });
    const r = await run('import', 'tabel', f);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/keuzedelen\.csv, regel 2: sbu "241" is ongeldig/);
    expect(r.err).toMatch(/De database is niet gewijzigd\./);
    expect(await counts()).toEqual({ kwalificaties: 0, keuzedelen: 0 });
  }, 120_000);

  it('tries the whole folder with --dry-run without writing, and refuses --soort for a folder', async () => {
    const f = folder('proef', { 'kwalificaties.csv': KWALIFICATIES, 'keuzedelen.csv': KEUZEDELEN });
    const r = await run('import', 'tabel', f, '--dry-run');
    expect(r.code).toBe(0);
    expect(r.out.match(/Proefimport \(--dry-run\): er is niets geschreven\./g)).toHaveLength(2);
    const soort = await run('import', 'tabel', f, '--soort', 'keuzedelen');
    expect(soort.code).toBe(1);
    expect(soort.err).toMatch(/--soort geldt voor één bestand/);
    expect(await counts()).toEqual({ kwalificaties: 0, keuzedelen: 0 });
  }, 120_000);

  it('refuses a folder without tables', async () => {
    const f = folder('leeg', { 'LEESMIJ.md': '# niets\n' });
    const r = await run('import', 'tabel', f);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/leeg: de map bevat geen \.csv- of \.xlsx-bestanden\./);
  }, 120_000);

  it('imports every table of the folder, kwalificaties first, and leaves other files alone', async () => {
    const f = folder('goed', { 'keuzedelen.csv': KEUZEDELEN, 'kwalificaties.csv': KWALIFICATIES, 'LEESMIJ.md': '# geen tabel\n' });
    const r = await run('import', 'tabel', f, '--release', '2026-01');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.indexOf('mbo-tabel (kwalificaties)')).toBeGreaterThanOrEqual(0);
    expect(r.out.indexOf('mbo-tabel (kwalificaties)')).toBeLessThan(r.out.indexOf('mbo-tabel (keuzedelen)'));
    expect(r.out.match(/Geïmporteerd als release "2026-01"/g)).toHaveLength(2);
    expect(await counts()).toEqual({ kwalificaties: 1, keuzedelen: 1 });
    const again = await run('import', 'tabel', f);
    expect(again.out.match(/Geen wijzigingen/g)).toHaveLength(2);
  }, 120_000);
});
