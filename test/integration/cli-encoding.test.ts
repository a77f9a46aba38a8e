/** `doorlopend import tabel --encoding` (issue 10, finding 6), run in-process on an embedded database of its own. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/cli.js';
import { openDatabase } from '../../src/server/db/database.js';
import { TEST_DB } from '../support/db.js';

describe.skipIf(TEST_DB !== 'pglite')('doorlopend import tabel --encoding', () => {
  let dir: string;
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  const file = () => path.join(dir, 'keuzedelen.csv');

  const run = (...args: string[]) => runCliCaptured(args);

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-cli-encoding-'));
    process.env.DATA_DIR = path.join(dir, 'db');
    process.env.DATABASE_URL = '';
    fs.writeFileSync(file(), Buffer.from('code,titel,sbu\nK0008,Basismanagement,240\nK0201,Caf\u00e9 en cr\u00e8me,480\n', 'latin1'));
  });
  afterAll(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a Latin-1 file without --encoding, saying so with the line', async () => {
    for (const dryRun of [['--dry-run'], []]) {
      const r = await run('import', 'tabel', file(), ...dryRun);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/Fout: keuzedelen\.csv, regel 3: het bestand is geen geldige UTF-8 \(eerste ongeldige byte: 0xE9\); sla het op als "CSV UTF-8", of geef de tekencodering op: latin1 of windows-1252/);
      expect(r.err).toMatch(/De database is niet gewijzigd\./);
    }
    // The first CLI run makes the embedded database (initdb and migrations): tens of seconds on a busy 2-core machine.
  }, 120_000);

  it('refuses an unknown encoding', async () => {
    const r = await run('import', 'tabel', file(), '--encoding', 'ebcdic');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Onbekende tekencodering "ebcdic"; kies uit: utf-8, latin1, windows-1252\./);
  });

  it('imports it with --encoding latin1, with the right characters', async () => {
    const r = await run('import', 'tabel', file(), '--encoding', 'latin1', '--release', 'latin1');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'db') });
    try {
      const rows = await database.db.selectFrom('mbo_keuzedeel').select('titel').where('code', '=', 'K0201').execute();
      expect(rows.map((row) => row.titel)).toEqual(['Café en crème']);
    } finally {
      await database.close();
    }
  });
});
