/**
 * Web upload of mbo tables into the national catalogue (issue 3, deferred until accounts existed): only a
 * platform beheerder; dry run first, then the import; all or nothing with the line number on bad input;
 * the catalogue API reflects the import at once (in-memory snapshot). CSV and XLSX, on both databases.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportRapport } from '../../src/shared/account-api.js';
import { Me } from '../../src/shared/auth-api.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import { databaseAvailable, SKIP_NO_DB, TEST_DB } from '../support/db.js';
import { asUser, signIn, startAccountsApp, type AccountsApp, type Session } from '../support/accounts.js';
import { PROJECT_ROOT } from '../support/shared-data.js';
import { openDatabase } from '../../src/server/db/database.js';
import { buildApp } from '../../src/server/http/app.js';

const HEADER = 'crebo,naam,niveau,soort,leerwegen,opleidingsdomein,dossier_crebo,dossier_naam,sectorkamer';
const KWALIFICATIES = [
  HEADER,
  '91001,Testmedewerker techniek,2,basisberoepsopleiding,BOL BBL,Techniek en procesindustrie,91000,Testdossier techniek,Techniek en gebouwde omgeving',
  '91002,Testvakkracht techniek,3,vakopleiding,BBL,Techniek en procesindustrie,91000,Testdossier techniek,Techniek en gebouwde omgeving',
].join('\n');
const url = (q: Record<string, string>) => `/api/beheer/import/tabel?${new URLSearchParams(q).toString()}`;

describe.skipIf(!databaseAvailable)(`catalogue upload by a platform beheerder (${TEST_DB})`, () => {
  let t: AccountsApp;
  let bea: Session;
  beforeAll(async () => {
    t = await startAccountsApp();
    bea = await signIn(t.app, 'beheerder@vmbo.demo');
  });
  afterAll(async () => {
    await t?.close();
  });

  const upload = (session: Session | null, q: Record<string, string>, body: string | Buffer, contentType = 'text/csv') =>
    t.app.inject({ method: 'POST', url: url(q), headers: { ...(session ? asUser(session) : {}), 'content-type': contentType }, payload: body });
  const kwalificatie = (crebo: string) => t.app.inject({ method: 'GET', url: `/api/mbo/kwalificaties/${crebo}` });

  it('is a platform right: the demo beheerder has it, a school role does not give it', async () => {
    expect(Me.parse((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: bea.cookie } })).json()).platformBeheerder).toBe(true);
    const docent = await signIn(t.app, 'docent@vmbo.demo');
    expect(Me.parse((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: docent.cookie } })).json()).platformBeheerder).toBe(false);
    // A beheerder of an organisation is not a platform beheerder.
    await createUser({ db: t.database.db, email: 'beheerder@ander.demo', naam: 'Ander', organisatie: 'Ander College', soort: 'vmbo-school', rol: 'beheerder', password: 'demo-wachtwoord' });
    const ander = await signIn(t.app, 'beheerder@ander.demo');
    for (const s of [docent, ander]) {
      const res = await upload(s, { bestandsnaam: 'kwalificaties.csv' }, KWALIFICATIES);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'forbidden', detail: 'Alleen platformbeheerders kunnen tabellen in de landelijke catalogus laden.' });
    }
    expect((await upload(null, { bestandsnaam: 'kwalificaties.csv' }, KWALIFICATIES)).statusCode).toBe(401);
    const noCsrf = await t.app.inject({ method: 'POST', url: url({ bestandsnaam: 'kwalificaties.csv' }), headers: { cookie: bea.cookie, 'content-type': 'text/csv' }, payload: KWALIFICATIES });
    expect(noCsrf.statusCode).toBe(403);
    // The CLI flag gives the right.
    await createUser({ db: t.database.db, email: 'platform@doorlopend.demo', naam: 'Platform', organisatie: 'Ander College', rol: 'ontwikkelaar', password: 'demo-wachtwoord', platformBeheerder: true });
    const platform = await signIn(t.app, 'platform@doorlopend.demo');
    expect((await upload(platform, { bestandsnaam: 'kwalificaties.csv' }, KWALIFICATIES)).statusCode).toBe(200);
  });

  it('reports a dry run without writing, then imports; the catalogue shows it at once; the same file again changes nothing', async () => {
    const dry = await upload(bea, { bestandsnaam: 'kwalificaties.csv' }, KWALIFICATIES);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(ImportRapport.parse(dry.json())).toMatchObject({ bron: 'mbo-tabel:kwalificaties', bestand: 'kwalificaties.csv', status: 'proefimport', toegevoegd: { kwalificatie: 2 } });
    expect((await kwalificatie('91001')).statusCode).toBe(404);

    const real = await upload(bea, { bestandsnaam: 'kwalificaties.csv', dryRun: 'false', release: '2026-01' }, KWALIFICATIES);
    expect(real.statusCode, real.body).toBe(200);
    expect(ImportRapport.parse(real.json())).toMatchObject({ status: 'geimporteerd', release: '2026-01', toegevoegd: { kwalificatie: 2 } });
    const shown = await kwalificatie('91001');
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({ crebo: '91001', naam: 'Testmedewerker techniek' });
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'organisation_id', 'details']).where('action', '=', 'catalog.import').execute();
    expect(audit).toEqual([{ action: 'catalog.import', organisation_id: null, details: { bron: 'mbo-tabel:kwalificaties', bestand: 'kwalificaties.csv', release: '2026-01' } }]);

    const again = await upload(bea, { bestandsnaam: 'kwalificaties.csv', dryRun: 'false' }, KWALIFICATIES);
    expect(ImportRapport.parse(again.json())).toMatchObject({ status: 'ongewijzigd' });
  });

  it('rejects the whole file on a bad row with its line number (422), and changes nothing', async () => {
    const bad = `${KWALIFICATIES.replace('Testmedewerker techniek', 'Testmedewerker techniek (nieuw)')}\n91003,Foute kwalificatie,7,vakopleiding,BBL,Techniek,91000,Testdossier techniek,Techniek`;
    const res = await upload(bea, { bestandsnaam: 'kwalificaties.csv', dryRun: 'false' }, bad);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().detail).toMatch(/regel 4/);
    // All or nothing: the good row that changed a name was not written either.
    expect((await kwalificatie('91001')).json()).toMatchObject({ naam: 'Testmedewerker techniek' });
    expect((await kwalificatie('91003')).statusCode).toBe(404);
  });

  it('answers 4xx problems for an empty file, a wrong name, an unknown kind and a file of another kind than given', async () => {
    expect((await upload(bea, { bestandsnaam: 'kwalificaties.csv' }, '')).statusCode).toBe(400);
    expect((await upload(bea, { bestandsnaam: 'kwalificaties.pdf' }, KWALIFICATIES)).statusCode).toBe(400);
    expect((await upload(bea, { bestandsnaam: 'x.csv', soort: 'onbekend' }, KWALIFICATIES)).statusCode).toBe(400);
    const mismatch = await upload(bea, { bestandsnaam: 'x.csv', soort: 'keuzedelen' }, KWALIFICATIES);
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('imports an XLSX table', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('keuzedelen');
    sheet.addRow(['code', 'titel', 'sbu', 'niveau', 'omschrijving']);
    sheet.addRow(['K9901', 'Testkeuzedeel lassen', 240, 2, 'Een keuzedeel om te testen']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await upload(bea, { bestandsnaam: 'keuzedelen.xlsx', dryRun: 'false' }, buffer, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.statusCode, res.body).toBe(200);
    expect(ImportRapport.parse(res.json())).toMatchObject({ bron: 'mbo-tabel:keuzedelen', status: 'geimporteerd', toegevoegd: { keuzedeel: 1 } });
    const keuzedeel = await t.app.inject({ method: 'GET', url: '/api/mbo/keuzedelen/K9901' });
    expect(keuzedeel.statusCode).toBe(200);
    expect(keuzedeel.json()).toMatchObject({ code: 'K9901', titel: 'Testkeuzedeel lassen' });
  });
});

const BIN = path.join(PROJECT_ROOT, 'bin', 'doorlopend.js');
const built = fs.existsSync(path.join(PROJECT_ROOT, 'dist', 'cli', 'main.js'));

describe.skipIf(TEST_DB !== 'pglite' || !built)('the platform right from the command line (embedded database)', () => {
  it('admin create-user --platform-beheerder makes an account that may load the catalogue', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-cli-platform-'));
    try {
      const r = spawnSync(
        process.execPath,
        [BIN, 'admin', 'create-user', '--email', 'platform@school.nl', '--naam', 'Platform Beheerder', '--organisatie', 'Het Platform', '--soort', 'regio', '--rol', 'beheerder', '--platform-beheerder', '--wachtwoord-env', 'DOORLOPEND_TEST_WACHTWOORD'],
        { env: { ...process.env, DOORLOPEND_TEST_WACHTWOORD: 'een-geheim-wachtwoord', DATA_DIR: path.join(dir, 'db'), DATABASE_URL: '' }, encoding: 'utf8' },
      );
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/platform@school\.nl aangemaakt met rol beheerder in "Het Platform".*en platformbeheerder/);
      const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'db') });
      try {
        const app = await buildApp({ db: database.db });
        const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'platform@school.nl', wachtwoord: 'een-geheim-wachtwoord' } });
        expect(Me.parse(login.json()).platformBeheerder).toBe(true);
        await app.close();
      } finally {
        await database.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
