/** The doorlopend command as a user runs it: exit codes, messages, and an untouched database on bad input. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB } from '../support/db.js';
import { DEMO_SLO_DIR, PROJECT_ROOT } from '../support/shared-data.js';
import { openDatabase } from '../../src/server/db/database.js';
import { buildApp } from '../../src/server/http/app.js';

const BIN = path.join(PROJECT_ROOT, 'bin', 'doorlopend.js');
const built = fs.existsSync(path.join(PROJECT_ROOT, 'dist', 'cli', 'main.js'));

describe.skipIf(TEST_DB !== 'pglite' || !built)('the doorlopend command (embedded database)', () => {
  let dir: string;
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, DATA_DIR: path.join(dir, 'db'), DATABASE_URL: '' }, encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-cli-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('imports, reports, and reports no changes the second time', () => {
    const first = run('import', 'slo', DEMO_SLO_DIR, '--release', 'demo-test');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/Geïmporteerd als release "demo-test"/);
    const second = run('import', 'slo', DEMO_SLO_DIR, '--release', 'demo-test', '--json');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.out).status).toBe('ongewijzigd');
  });

  it('ends bad input with exit code 1, a message naming the file and line, and no change', () => {
    const bad = path.join(dir, 'keuzedelen.csv');
    fs.writeFileSync(bad, 'code,titel,sbu\nK0072,Ondernemend gedrag,240\nX12,Fout,240\n');
    const r = run('import', 'tabel', bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/keuzedelen\.csv.*regel 3/);
    expect(r.err).toMatch(/De database is niet gewijzigd/);
    const dry = run('import', 'tabel', bad.replace('keuzedelen.csv', 'bestaat-niet.csv'));
    expect(dry.code).toBe(1);
  });

  it('creates the first beheerder with admin create-user, the password from an environment variable', async () => {
    const env = { DOORLOPEND_TEST_WACHTWOORD: 'een-geheim-wachtwoord' };
    const runEnv = (...args: string[]) => {
      const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, ...env, DATA_DIR: path.join(dir, 'db'), DATABASE_URL: '' }, encoding: 'utf8' });
      return { code: r.status, out: r.stdout, err: r.stderr };
    };
    const args = ['admin', 'create-user', '--email', 'Eerste@School.nl', '--naam', 'Eerste Beheerder', '--organisatie', 'Het College', '--rol', 'beheerder'];
    // A new organisation needs its soort.
    const noSoort = runEnv(...args, '--wachtwoord-env', 'DOORLOPEND_TEST_WACHTWOORD');
    expect(noSoort.code).toBe(1);
    expect(noSoort.err).toMatch(/--soort/);
    expect(runEnv(...args, '--soort', 'vmbo-school', '--wachtwoord-env', 'ONBEKENDE_VARIABELE').code).toBe(1);
    // There is no option to give a password on the command line.
    expect(runEnv(...args, '--soort', 'vmbo-school', '--wachtwoord', 'een-geheim-wachtwoord').code).toBe(2);
    const ok = runEnv(...args, '--soort', 'vmbo-school', '--wachtwoord-env', 'DOORLOPEND_TEST_WACHTWOORD');
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/eerste@school\.nl aangemaakt met rol beheerder in "Het College" \(organisatie nieuw aangemaakt\)/);
    expect(ok.out + ok.err).not.toContain('een-geheim-wachtwoord');
    expect(runEnv(...args, '--wachtwoord-env', 'DOORLOPEND_TEST_WACHTWOORD').code).toBe(1); // exists already

    const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'db') });
    try {
      const app = await buildApp({ db: database.db });
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'eerste@school.nl', wachtwoord: 'een-geheim-wachtwoord' } });
      expect(res.statusCode).toBe(200);
      expect(res.json().lidmaatschappen).toEqual([expect.objectContaining({ organisatieNaam: 'Het College', soort: 'vmbo-school', rol: 'beheerder' })]);
      await app.close();
    } finally {
      await database.close();
    }
  });

  it('answers a usage error with exit code 2', () => {
    expect(run('import', 'onbekend').code).toBe(2);
  });
});
