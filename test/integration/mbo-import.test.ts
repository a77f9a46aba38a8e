import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { importMboTabel } from '../../src/server/use-cases/catalog/import-mbo-tabel.js';
import { importSbbXml } from '../../src/server/use-cases/catalog/import-sbb-xml.js';
import { AppError } from '../../src/server/errors.js';
import { createTestDatabase, databaseAvailable, TEST_DB, type TestDatabase } from '../support/db.js';
import { SHARED_DIR } from '../support/shared-data.js';

const CATALOG_DIR = path.join(SHARED_DIR, 'data', 'mbo', 'catalog');
const hasMboData = fs.existsSync(path.join(CATALOG_DIR, 'kwalificaties.csv')) && fs.existsSync(path.join(CATALOG_DIR, 'sbb-xml'));
const SKIP_NO_MBO = `overgeslagen: de mbo-catalogusbestanden ontbreken (${CATALOG_DIR} bestaat niet)`;
if (!hasMboData) {
  if (process.env.CI === 'true') throw new Error(`In CI moet ${CATALOG_DIR} aanwezig zijn.`);
  console.warn(`[tests] ${SKIP_NO_MBO}`);
}

const TABLES = ['mbo_kwalificatiedossier', 'mbo_kwalificatie', 'mbo_kerntaak', 'mbo_werkproces', 'mbo_kennis_vaardigheid', 'mbo_keuzedeel', 'mbo_keuzedeel_aanbod', 'mbo_keuzedeel_koppeling'];

async function dbState(db: TestDatabase['db']) {
  const out: Record<string, unknown> = {};
  for (const t of TABLES) {
    const r = await sql<{ n: number; h: string }>`SELECT count(*)::int AS n, coalesce(md5(string_agg(source || key || content_hash || status || last_release_id::text, ',' ORDER BY source, key)), '') AS h FROM ${sql.table(t)}`.execute(db);
    out[t] = r.rows[0];
  }
  const releases = await sql<{ n: number }>`SELECT count(*)::int AS n FROM source_release`.execute(db);
  out.releases = releases.rows[0]!.n;
  return out;
}

async function count(db: TestDatabase['db'], table: string, where = sql`true`): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE ${where}`.execute(db);
  return r.rows[0]!.n;
}

describe.skipIf(!databaseAvailable)(`mbo import (${TEST_DB})`, () => {
  describe.skipIf(!hasMboData)('the real catalogue files', () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase();
    });
    afterAll(async () => {
      await database.destroy();
    });

    it('a dry run of a table writes nothing', async () => {
      const before = await dbState(database.db);
      const report = await importMboTabel({ db: database.db, file: path.join(CATALOG_DIR, 'kwalificaties.csv'), dryRun: true });
      expect(report.status).toBe('proefimport');
      expect(report.added.kwalificatie).toBe(1037);
      expect(await dbState(database.db)).toEqual(before);
    });

    it('imports all four tables completely', async () => {
      const kw = await importMboTabel({ db: database.db, file: path.join(CATALOG_DIR, 'kwalificaties.csv'), release: '2025-11' });
      expect(kw.status).toBe('geimporteerd');
      expect(kw.source).toBe('mbo-tabel:kwalificaties');
      expect(kw.added.kwalificatie).toBe(1037);
      const kt = await importMboTabel({ db: database.db, file: path.join(CATALOG_DIR, 'kerntaken-werkprocessen.csv'), release: '2025-11' });
      expect(kt.status).toBe('geimporteerd');
      expect(kt.derivedKerntaken).toBe(17);
      expect(kt.warnings.join(' ')).toMatch(/afgeleid/);
      const kd = await importMboTabel({ db: database.db, file: path.join(CATALOG_DIR, 'keuzedelen.csv'), release: '2025-11' });
      expect(kd.added.keuzedeel).toBe(92);
      const ab = await importMboTabel({ db: database.db, file: path.join(CATALOG_DIR, 'keuzedeel-aanbod.csv'), kind: 'keuzedeel-aanbod', release: '2025-11' });
      expect(ab.added['keuzedeel-aanbod']).toBe(268);

      expect(await count(database.db, 'mbo_kwalificatie')).toBe(1037);
      expect(await count(database.db, 'mbo_keuzedeel')).toBe(92);
      expect(await count(database.db, 'mbo_keuzedeel_aanbod')).toBe(268);
      // 1,999 data rows: every row is a kerntaak or a werkproces, plus the derived kerntaken (titel null).
      const kerntaken = await count(database.db, 'mbo_kerntaak');
      const werkprocessen = await count(database.db, 'mbo_werkproces');
      expect(kerntaken + werkprocessen - kt.derivedKerntaken).toBe(1999);
      expect(await count(database.db, 'mbo_kerntaak', sql`titel IS NULL`)).toBe(kt.derivedKerntaken);
      expect(await count(database.db, 'mbo_kerntaak', sql`titel IS NOT NULL`)).toBe(450);
      const bron = await sql<{ bron: { bestand: string; regel: number } }>`SELECT bron FROM mbo_kwalificatie WHERE key = '25001'`.execute(database.db);
      expect(bron.rows[0]!.bron).toEqual({ bestand: 'kwalificaties.csv', regel: 2 });
    });

    it('imports the four SBB dossiers completely', async () => {
      const report = await importSbbXml({ db: database.db, location: path.join(CATALOG_DIR, 'sbb-xml'), release: '2025-11' });
      expect(report.status).toBe('geimporteerd');
      expect(report.files).toHaveLength(4);
      expect(report.added).toMatchObject({ kwalificatiedossier: 4, kwalificatie: 14, kerntaak: 23, werkproces: 111 });
      expect(report.added['kennis-vaardigheid']).toBe(99 + 61 + 59 + 121);
      const xml = sql`source = 'sbb-xml'`;
      expect(await count(database.db, 'mbo_kwalificatie', xml)).toBe(14);
      expect(await count(database.db, 'mbo_kerntaak', xml)).toBe(23);
      expect(await count(database.db, 'mbo_werkproces', xml)).toBe(111);
      // The table import is untouched by the XML import.
      expect(await count(database.db, 'mbo_kwalificatie', sql`source = 'mbo-tabel:kwalificaties' AND status = 'actief'`)).toBe(1037);
    });

    it('a second run of everything changes nothing', async () => {
      const before = await dbState(database.db);
      for (const name of ['kwalificaties.csv', 'kerntaken-werkprocessen.csv', 'keuzedelen.csv', 'keuzedeel-aanbod.csv']) {
        const again = await importMboTabel({ db: database.db, file: path.join(CATALOG_DIR, name), release: '2025-11' });
        expect(again.status).toBe('ongewijzigd');
      }
      const xml = await importSbbXml({ db: database.db, location: path.join(CATALOG_DIR, 'sbb-xml'), release: '2025-11' });
      expect(xml.status).toBe('ongewijzigd');
      expect(xml.unchanged).toBe(4 + 14 + 23 + 111 + 340);
      // One dossier on its own: the other three stay active.
      const one = await importSbbXml({ db: database.db, location: path.join(CATALOG_DIR, 'sbb-xml', '2637_Sociaal_werk.xml') });
      expect(one.status).toBe('ongewijzigd');
      expect(await dbState(database.db)).toEqual(before);
    });

    it('reads the same table as XLSX: the real kwalificaties as a workbook change nothing', async () => {
      const ExcelJS = (await import('exceljs')).default;
      const { parseCsv } = await import('../../src/domain/mbo/index.js');
      const { rows } = parseCsv(fs.readFileSync(path.join(CATALOG_DIR, 'kwalificaties.csv'), 'utf8'), 'kwalificaties.csv');
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('kwalificaties');
      for (const row of rows) sheet.addRow(row);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-xlsx-'));
      const file = path.join(dir, 'kwalificaties.xlsx');
      await workbook.xlsx.writeFile(file);
      try {
        const before = await dbState(database.db);
        const report = await importMboTabel({ db: database.db, file, release: '2025-11' });
        expect(report.counts.kwalificatie).toBe(1037);
        expect(report.status).toBe('ongewijzigd');
        expect(await dbState(database.db)).toEqual(before);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('small tables', () => {
    let database: TestDatabase;
    let dir: string;
    const write = (name: string, text: string): string => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      return file;
    };
    beforeAll(async () => {
      database = await createTestDatabase();
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-mbo-'));
    });
    afterAll(async () => {
      await database.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    const KEUZEDELEN = 'code,titel,sbu\nK0008,Basismanagement,240\nK0022,Digitale vaardigheden basis,\nK0072,Ondernemend gedrag,480\n';

    it('a bad row rejects the whole file with its line number and leaves the database untouched', async () => {
      await importMboTabel({ db: database.db, file: write('keuzedelen.csv', KEUZEDELEN), release: 'r1' });
      const before = await dbState(database.db);
      const bad = write('keuzedelen-fout.csv', 'code,titel,sbu\nK0008,Basismanagement,240\nK0099,Nieuw keuzedeel,240\nX12,Fout,240\n');
      const error = await importMboTabel({ db: database.db, file: bad, release: 'r2' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('import_invalid');
      expect((error as AppError).message).toMatch(/keuzedelen-fout\.csv, regel 4/);
      expect(await dbState(database.db)).toEqual(before);
    });

    it('rejects an unrecognised header and a file that is not a table', async () => {
      const before = await dbState(database.db);
      const e1 = await importMboTabel({ db: database.db, file: write('raar.csv', 'a,b\n1,2\n') }).catch((e: unknown) => e);
      expect((e1 as AppError).message).toMatch(/raar\.csv, regel 1: kopregel niet herkend/);
      const e2 = await importMboTabel({ db: database.db, file: write('x.txt', 'x') }).catch((e: unknown) => e);
      expect((e2 as AppError).code).toBe('import_invalid');
      const e3 = await importSbbXml({ db: database.db, location: write('kapot.xml', '<sbb><dossiers>') }).catch((e: unknown) => e);
      expect((e3 as AppError).code).toBe('import_invalid');
      expect((e3 as AppError).message).toMatch(/kapot\.xml/);
      expect(await dbState(database.db)).toEqual(before);
    });

    it('an updated table marks a removed keuzedeel vervallen, and brings it back when it returns', async () => {
      const updated = KEUZEDELEN.replace('K0022,Digitale vaardigheden basis,\n', '').replace('480', '720');
      const report = await importMboTabel({ db: database.db, file: write('keuzedelen.csv', updated), release: 'r3' });
      expect(report.status).toBe('geimporteerd');
      expect(report.vervallen.keuzedeel).toBe(1);
      expect(report.changed.keuzedeel).toBe(1);
      expect(report.unchanged).toBe(1);
      const rows = await sql<{ key: string; status: string; sbu: number | null }>`SELECT key, status, sbu FROM mbo_keuzedeel ORDER BY key`.execute(database.db);
      expect(rows.rows).toEqual([
        { key: 'K0008', status: 'actief', sbu: 240 },
        { key: 'K0022', status: 'vervallen', sbu: null },
        { key: 'K0072', status: 'actief', sbu: 720 },
      ]);
      const back = await importMboTabel({ db: database.db, file: write('keuzedelen.csv', KEUZEDELEN), release: 'r4' });
      expect(back.changed.keuzedeel).toBe(2);
      expect(await count(database.db, 'mbo_keuzedeel', sql`status = 'actief'`)).toBe(3);
    });

    it('an import of another table kind never marks keuzedelen vervallen', async () => {
      const report = await importMboTabel({
        db: database.db,
        file: write('aanbod.csv', 'crebo,keuzedeel,instellingen\n25001,K0008,utrecht rijn_ijssel\n'),
        release: 'r5',
      });
      expect(report.source).toBe('mbo-tabel:keuzedeel-aanbod');
      expect(report.vervallen.keuzedeel).toBe(0);
      expect(await count(database.db, 'mbo_keuzedeel', sql`status = 'actief'`)).toBe(3);
      const aanbod = await sql<{ instellingen: string[] }>`SELECT instellingen FROM mbo_keuzedeel_aanbod`.execute(database.db);
      expect(aanbod.rows[0]!.instellingen).toEqual(['utrecht', 'rijn_ijssel']);
    });
  });

  describe('keuzedeel-koppelingen', () => {
    let database: TestDatabase;
    let dir: string;
    const write = (name: string, text: string): string => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      return file;
    };
    const koppelingen = async () =>
      (
        await sql<{ key: string; crebo: string; keuzedeel_code: string; geldig_vanaf: string | null; geldig_tot: string | null; status: string; scope: string }>`
          SELECT key, crebo, keuzedeel_code, geldig_vanaf::text AS geldig_vanaf, geldig_tot::text AS geldig_tot, status, scope
          FROM mbo_keuzedeel_koppeling ORDER BY key`.execute(database.db)
      ).rows;
    beforeAll(async () => {
      database = await createTestDatabase();
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-mbo-koppeling-'));
    });
    afterAll(async () => {
      await database.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    const HEADER = 'crebo,keuzedeel,geldig_vanaf,geldig_tot';
    const KOPPELINGEN = `${HEADER}\n25001,K0072,2020-08-01,2025-07-31\n25001,K0125,,\n25002,K0072,2021-08-01,\n`;

    it('a dry run writes nothing', async () => {
      const before = await dbState(database.db);
      const report = await importMboTabel({ db: database.db, file: write('koppelingen.csv', KOPPELINGEN), dryRun: true });
      expect(report.status).toBe('proefimport');
      expect(report.source).toBe('mbo-tabel:keuzedeel-koppelingen');
      expect(report.added['keuzedeel-koppeling']).toBe(3);
      expect(await dbState(database.db)).toEqual(before);
    });

    it('imports the official links, detected from the header, apart from the offer', async () => {
      const aanbod = await importMboTabel({ db: database.db, file: write('aanbod.csv', 'crebo,keuzedeel,instellingen\n25001,K0072,utrecht\n'), release: 'a1' });
      expect(aanbod.source).toBe('mbo-tabel:keuzedeel-aanbod');
      const report = await importMboTabel({ db: database.db, file: write('koppelingen.csv', KOPPELINGEN), release: 'k1' });
      expect(report.status).toBe('geimporteerd');
      expect(report.source).toBe('mbo-tabel:keuzedeel-koppelingen');
      expect(report.counts['keuzedeel-koppeling']).toBe(3);
      expect(report.added['keuzedeel-koppeling']).toBe(3);
      expect(report.added['keuzedeel-aanbod']).toBe(0);
      expect(await koppelingen()).toEqual([
        { key: '25001:K0072', crebo: '25001', keuzedeel_code: 'K0072', geldig_vanaf: '2020-08-01', geldig_tot: '2025-07-31', status: 'actief', scope: 'mbo-tabel:keuzedeel-koppelingen' },
        { key: '25001:K0125', crebo: '25001', keuzedeel_code: 'K0125', geldig_vanaf: null, geldig_tot: null, status: 'actief', scope: 'mbo-tabel:keuzedeel-koppelingen' },
        { key: '25002:K0072', crebo: '25002', keuzedeel_code: 'K0072', geldig_vanaf: '2021-08-01', geldig_tot: null, status: 'actief', scope: 'mbo-tabel:keuzedeel-koppelingen' },
      ]);
      const bron = await sql<{ bron: unknown; source: string }>`SELECT bron, source FROM mbo_keuzedeel_koppeling WHERE key = '25002:K0072'`.execute(database.db);
      expect(bron.rows[0]).toEqual({ bron: { bestand: 'koppelingen.csv', regel: 4 }, source: 'mbo-tabel:keuzedeel-koppelingen' });
      const release = await sql<{ source: string }>`SELECT source FROM source_release WHERE id = ${report.releaseId}`.execute(database.db);
      expect(release.rows[0]!.source).toBe('mbo-tabel:keuzedeel-koppelingen');
      expect(await count(database.db, 'mbo_keuzedeel_aanbod', sql`status = 'actief'`)).toBe(1);
    });

    it('a second run changes nothing', async () => {
      const before = await dbState(database.db);
      const again = await importMboTabel({ db: database.db, file: write('koppelingen.csv', KOPPELINGEN), release: 'k1' });
      expect(again.status).toBe('ongewijzigd');
      expect(again.unchanged).toBe(3);
      expect(await dbState(database.db)).toEqual(before);
    });

    it('a removed row becomes vervallen, a changed date is changed; the offer is untouched', async () => {
      const updated = `${HEADER}\n25001,K0072,2020-08-01,2026-07-31\n25002,K0072,2021-08-01,\n`;
      const report = await importMboTabel({ db: database.db, file: write('koppelingen.csv', updated), release: 'k2' });
      expect(report.status).toBe('geimporteerd');
      expect(report.vervallen['keuzedeel-koppeling']).toBe(1);
      expect(report.changed['keuzedeel-koppeling']).toBe(1);
      expect(report.unchanged).toBe(1);
      expect((await koppelingen()).map((k) => [k.key, k.status, k.geldig_tot])).toEqual([
        ['25001:K0072', 'actief', '2026-07-31'],
        ['25001:K0125', 'vervallen', null],
        ['25002:K0072', 'actief', null],
      ]);
      expect(await count(database.db, 'mbo_keuzedeel_aanbod', sql`status = 'actief'`)).toBe(1);
    });

    it('a bad row rejects the whole file with its line number and leaves the database untouched', async () => {
      const before = await dbState(database.db);
      const duplicate = write('koppelingen-dubbel.csv', `${HEADER}\n25001,K0072,2020-08-01,\n25003,K0999,,\n25001,K0072,,\n`);
      const e1 = await importMboTabel({ db: database.db, file: duplicate, release: 'k3' }).catch((e: unknown) => e);
      expect(e1).toBeInstanceOf(AppError);
      expect((e1 as AppError).code).toBe('import_invalid');
      expect((e1 as AppError).message).toMatch(/koppelingen-dubbel\.csv, regel 4: dubbele combinatie crebo 25001 en keuzedeel K0072: staat ook op regel 2/);
      const badDate = write('koppelingen-datum.csv', `${HEADER}\n25001,K0072,2020-08-01,\n25003,K0999,31-07-2026,\n`);
      const e2 = await importMboTabel({ db: database.db, file: badDate, release: 'k3' }).catch((e: unknown) => e);
      expect((e2 as AppError).message).toMatch(/koppelingen-datum\.csv, regel 3: geldig_vanaf "31-07-2026" is geen datum/);
      const ambiguous = write('koppelingen-kaal.csv', 'crebo,keuzedeel\n25003,K0999\n');
      const e3 = await importMboTabel({ db: database.db, file: ambiguous, release: 'k3' }).catch((e: unknown) => e);
      expect((e3 as AppError).message).toMatch(/koppelingen-kaal\.csv, regel 1: kopregel past bij meer dan één mbo-tabel/);
      expect(await dbState(database.db)).toEqual(before);
    });

    it('imports a header without dates when the kind is given', async () => {
      const report = await importMboTabel({
        db: database.db,
        file: write('koppelingen-kaal.csv', 'crebo,keuzedeel\n25001,K0072\n25002,K0072\n'),
        kind: 'keuzedeel-koppelingen',
        release: 'k4',
      });
      expect(report.source).toBe('mbo-tabel:keuzedeel-koppelingen');
      expect(report.changed['keuzedeel-koppeling']).toBe(2);
      expect((await koppelingen()).filter((k) => k.status === 'actief').map((k) => [k.key, k.geldig_vanaf, k.geldig_tot])).toEqual([
        ['25001:K0072', null, null],
        ['25002:K0072', null, null],
      ]);
    });
  });

  describe('bad characters, encodings and XML entities (issue 10, findings 6 and 7)', () => {
    let database: TestDatabase;
    let dir: string;
    const write = (name: string, content: string | Buffer): string => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      return file;
    };
    const failure = async (run: Promise<unknown>): Promise<AppError> => {
      const error = await run.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      return error as AppError;
    };
    beforeAll(async () => {
      database = await createTestDatabase();
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-mbo-tekens-'));
    });
    afterAll(async () => {
      await database.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('a NUL in a cell is refused by the dry run and by the real import alike, with line and column; nothing is written', async () => {
      const before = await dbState(database.db);
      const file = write('keuzedelen-nul.csv', 'code,titel,sbu\nK0008,Basismanagement,240\nK0072,Ondernemend\u0000gedrag,480\n');
      const dry = await failure(importMboTabel({ db: database.db, file, dryRun: true }));
      const real = await failure(importMboTabel({ db: database.db, file, release: 'nul' }));
      for (const error of [dry, real]) {
        expect(error.code).toBe('import_invalid');
        expect(error.message).toBe('keuzedelen-nul.csv, regel 3: kolom 2 ("titel") bevat een NUL-teken (U+0000) op positie 12; dat teken kan niet worden opgeslagen');
      }
      expect(await dbState(database.db)).toEqual(before);
    });

    const LATIN1 = Buffer.from('code,titel,sbu\nK0008,Basismanagement,240\nK0201,Caf\u00e9 en cr\u00e8me br\u00fbl\u00e9e,480\n', 'latin1');

    it('a Latin-1 file is refused with a Dutch message that says so and names the line of the first bad byte', async () => {
      const before = await dbState(database.db);
      const file = write('keuzedelen-latin1.csv', LATIN1);
      for (const dryRun of [true, false]) {
        const error = await failure(importMboTabel({ db: database.db, file, dryRun }));
        expect(error.code).toBe('import_invalid');
        expect(error.message).toMatch(/^keuzedelen-latin1\.csv, regel 3: het bestand is geen geldige UTF-8 \(eerste ongeldige byte: 0xE9\); sla het op als "CSV UTF-8", of geef de tekencodering op: latin1 of windows-1252/);
      }
      expect(await dbState(database.db)).toEqual(before);
    });

    it('the same file with encoding latin1 is stored with the right characters', async () => {
      const report = await importMboTabel({ db: database.db, file: write('keuzedelen-latin1.csv', LATIN1), encoding: 'latin1', release: 'latin1' });
      expect(report.status).toBe('geimporteerd');
      const rows = await sql<{ titel: string }>`SELECT titel FROM mbo_keuzedeel WHERE code = 'K0201'`.execute(database.db);
      expect(rows.rows.map((r) => r.titel)).toEqual(['Café en crème brûlée']);
    });

    it('a UTF-8 file with a byte order mark stays accepted', async () => {
      const report = await importMboTabel({ db: database.db, file: write('keuzedelen-bom.csv', '\uFEFFcode,titel,sbu\nK0008,Basismanagement,240\nK0201,Café en crème brûlée,480\n'), dryRun: true });
      expect(report.status).toBe('proefimport');
    });

    const BILLION_LAUGHS = [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<!DOCTYPE sbb [',
      ' <!ENTITY lol "lol">',
      ' <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">',
      ' <!ENTITY lol9 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">',
      ']>',
      '<sbb><dossiers><dossier nr="1" titel="&lol9;" /></dossiers></sbb>',
    ].join('\n');

    it('"billion laughs" XML is refused with a Dutch message naming file and line; nothing is written', async () => {
      const before = await dbState(database.db);
      const location = write('lol.xml', BILLION_LAUGHS);
      for (const dryRun of [true, false]) {
        const error = await failure(importSbbXml({ db: database.db, location, dryRun }));
        expect(error.code).toBe('import_invalid');
        expect(error.message).toMatch(/^lol\.xml, regel 2: <!DOCTYPE> is niet toegestaan: een SBB-export heeft geen DTD of eigen entiteiten nodig/);
      }
      expect(await dbState(database.db)).toEqual(before);
    });

    it('a reference to an undeclared entity is refused, naming file, line and element', async () => {
      const error = await failure(importSbbXml({ db: database.db, location: write('entiteit.xml', '<sbb>\n  <dossiers>\n    <dossier nr="1" titel="&lol9;" />\n  </dossiers>\n</sbb>\n') }));
      expect(error.message).toMatch(/^entiteit\.xml, regel 3, sbb\/dossiers\/dossier: verwijzing naar een onbekende entiteit &lol9;/);
    });

    it('malformed XML gives a Dutch message with file, line and element', async () => {
      const error = await failure(importSbbXml({ db: database.db, location: write('kapot.xml', '<sbb>\n  <dossiers>\n    <dossier>\n  </dossiers>\n</sbb>\n') }));
      expect(error.message).toBe('kapot.xml, regel 4, sbb/dossiers/dossier: ongeldige XML: sluittag </dossiers> past niet bij <dossier> (geopend op regel 3)');
    });

    it('an XML file that is not valid UTF-8 is refused with the line of the first bad byte', async () => {
      const error = await failure(importSbbXml({ db: database.db, location: write('latin1.xml', Buffer.from('<sbb>\n<dossiers titel="Caf\u00e9"/>\n</sbb>\n', 'latin1')) }));
      expect(error.message).toMatch(/^latin1\.xml, regel 2: het bestand is geen geldige UTF-8/);
    });
  });
});
