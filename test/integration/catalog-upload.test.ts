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
import JSZip from 'jszip';
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
    // Real (non-demo) uploads retire the demo accounts, whose password is public (demo-mode.test.ts): the uploads here
    // are made by a platform beheerder with a password of its own.
    await createUser({ db: t.database.db, email: 'bea@platform.nl', naam: 'Bea Platform', organisatie: 'Platformbeheer', soort: 'regio', rol: 'beheerder', password: 'een-eigen-lang-wachtwoord', platformBeheerder: true });
    bea = await signIn(t.app, 'bea@platform.nl', 'een-eigen-lang-wachtwoord');
  });
  afterAll(async () => {
    await t?.close();
  });

  const upload = (session: Session | null, q: Record<string, string>, body: string | Buffer, contentType = 'text/csv') =>
    t.app.inject({ method: 'POST', url: url(q), headers: { ...(session ? asUser(session) : {}), 'content-type': contentType }, payload: body });
  const kwalificatie = (crebo: string) => t.app.inject({ method: 'GET', url: `/api/mbo/kwalificaties/${crebo}` });

  it('is a platform right: the demo beheerder has it, a school role does not give it', async () => {
    expect(Me.parse((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: bea.cookie } })).json()).platformBeheerder).toBe(true);
    const demoBeheerder = await signIn(t.app, 'beheerder@vmbo.demo');
    expect(Me.parse((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: demoBeheerder.cookie } })).json()).platformBeheerder).toBe(true);
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

  describe('bounds of an upload (issue 10, finding 5): a 4xx naming the limit, never a 500, nothing imported', () => {
    const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const catalogue = async () => ({
      releases: (await t.database.db.selectFrom('source_release').select(({ fn }) => fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n,
      keuzedelen: (await t.database.db.selectFrom('mbo_keuzedeel').select(({ fn }) => fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n,
    });
    /** A minimal workbook of one sheet, written by hand with jszip (as an attacker would, not by a spreadsheet program). */
    const workbook = async (sheetData: string, compression: 'DEFLATE' | 'STORE' = 'DEFLATE') => {
      const zip = new JSZip();
      zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
      zip.file(
        'xl/workbook.xml',
        '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>',
      );
      zip.file(
        'xl/_rels/workbook.xml.rels',
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      );
      zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`);
      return Buffer.from(await zip.generateAsync({ type: 'uint8array', compression, compressionOptions: { level: 9 } }));
    };
    const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const refused = async (body: Buffer, status: number, detail: RegExp, name = 'keuzedelen.xlsx') => {
      const before = await catalogue();
      const res = await upload(bea, { bestandsnaam: name, dryRun: 'false' }, body, XLSX);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().detail).toMatch(detail);
      expect(await catalogue()).toEqual(before);
      return res;
    };

    it('refuses a 1.6 kB sheet with one cell at XFD1048576 at once (no million rows, no stack overflow)', async () => {
      const body = await workbook(`<row r="1">${inline('A1', 'code')}${inline('B1', 'titel')}</row><row r="1048576">${inline('XFD1048576', 'x')}</row>`);
      expect(body.length).toBeLessThan(2000);
      await refused(body, 422, /keuzedelen\.xlsx: het bestand heeft meer dan 50\.000 regels; de grens is 50\.000 regels per tabel/);
      // The same cell in row 2: the column bound, named with the cell.
      await refused(await workbook(`<row r="1">${inline('A1', 'code')}</row><row r="2">${inline('XFD2', 'x')}</row>`), 422, /regel 2: cel XFD2 ligt in kolom 16\.384; de grens is 50 kolommen/);
    });

    it('refuses a sheet of 120,000 rows with the row limit', async () => {
      const rows = Array.from({ length: 120_000 }, (_, i) => `<row r="${i + 2}">${inline(`A${i + 2}`, `K${String(i % 10_000).padStart(4, '0')}`)}${inline(`B${i + 2}`, 'Titel')}</row>`);
      const body = await workbook(`<row r="1">${inline('A1', 'code')}${inline('B1', 'titel')}</row>${rows.join('')}`);
      await refused(body, 422, /het bestand heeft meer dan 50\.000 regels; de grens is 50\.000 regels per tabel/);
    });

    it('refuses a CSV of 120,000 rows with the same row limit, before validating its rows', async () => {
      const before = await catalogue();
      const csv = ['code,titel,sbu', ...Array.from({ length: 120_000 }, (_, i) => `K${String(i % 10_000).padStart(4, '0')},Titel,240`)].join('\n');
      const res = await upload(bea, { bestandsnaam: 'keuzedelen.csv', dryRun: 'false' }, csv);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().detail).toBe('keuzedelen.csv: het bestand heeft meer dan 50.000 regels; de grens is 50.000 regels per tabel');
      expect(await catalogue()).toEqual(before);
    });

    it('refuses a zip whose sheet unpacks beyond the bound (zip bomb) with 413', async () => {
      // About 70 MB of XML that compresses to well under a megabyte.
      const padding = `<row r="1">${inline('A1', 'code')}</row>` + ' '.repeat(70 * 1024 * 1024);
      const body = await workbook(padding);
      expect(body.length).toBeLessThan(1024 * 1024);
      await refused(body, 413, /uitgepakt groter dan 64 MB; de grens is 64 MB/);
    });

    it('refuses a body over the upload limit with a Dutch 413', async () => {
      const res = await upload(bea, { bestandsnaam: 'keuzedelen.csv' }, Buffer.alloc(10 * 1024 * 1024 + 1, 'a'));
      expect(res.statusCode).toBe(413);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ code: 'payload_too_large', detail: 'Het bestand is te groot: hooguit 10 MB per upload.' });
    });

    it('still imports a well-formed hand-written sheet (shared strings not needed, inline strings and numbers)', async () => {
      const body = await workbook(
        `<row r="1">${inline('A1', 'code')}${inline('B1', 'titel')}${inline('C1', 'sbu')}</row><row r="2">${inline('A2', 'K9902')}${inline('B2', 'Met &amp; teken')}<c r="C2"><v>240</v></c></row>`,
      );
      const res = await upload(bea, { bestandsnaam: 'keuzedelen.xlsx' }, body, XLSX);
      expect(res.statusCode, res.body).toBe(200);
      expect(ImportRapport.parse(res.json())).toMatchObject({ status: 'proefimport', toegevoegd: { keuzedeel: 1 } });
    });
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
