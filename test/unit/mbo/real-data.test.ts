/**
 * Imports the real mbo catalogue files, read at run time from `../shared/data/mbo/catalog`
 * (relative to the repository root). Skipped when that folder is absent.
 *
 * The expected numbers were established independently of this code (grep counts of
 * `<kerntaak nr=`, `<werkproces nr=`, `<vakkennisenvaardigheden referentie=` and
 * `<competentie referentie=` in the XML; Python's csv module for the tables).
 */
import ExcelJS from 'exceljs';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSbbDossierXml } from '../../../src/domain/mbo/sbb-xml.js';
import { parseCsvTable, parseTable, readXlsxTable, type ParsedTableOf, type TableKind } from '../../../src/domain/mbo/tables.js';
import { parseCsv } from '../../../src/domain/mbo/csv.js';
import type { Kerntaak, ParsedDossier } from '../../../src/domain/mbo/model.js';
import { catchImportError } from './helpers.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const catalogDir = resolve(repoRoot, '../shared/data/mbo/catalog');
const present = existsSync(catalogDir);
const skipReason = present ? '' : ` (overgeslagen: ${catalogDir} ontbreekt)`;

const read = (name: string): string => readFileSync(`${catalogDir}/${name}`, 'utf8');

function csvTable<K extends TableKind>(kind: K, name: string, options: Parameters<typeof parseTable>[3] = {}): ParsedTableOf<K> {
  const csv = parseCsv(read(name), name);
  return parseTable(kind, csv.rows, name, { ...options, lineNumbers: csv.lineNumbers });
}

const allKerntaken = (d: ParsedDossier): Kerntaak[] => [...d.basisdeel.kerntaken, ...d.profielen.flatMap((p) => p.kerntaken)];

describe.skipIf(!present)(`real SBB kwalificatiedossiers (sbb-xml)${skipReason}`, () => {
  const expected = [
    { file: '2635_Pedagogisch_Werk.xml', crebo: '23183', titel: 'Pedagogisch Werk', kerntaken: 7, werkprocessen: 34, crebos: ['25486', '25484', '25485'], kennis: 99, vakkennisRefs: 148, competentieRefs: 138 },
    { file: '2637_Sociaal_werk.xml', crebo: '23185', titel: 'Sociaal werk', kerntaken: 4, werkprocessen: 16, crebos: ['25489', '25488'], kennis: 61, vakkennisRefs: 73, competentieRefs: 55 },
    { file: '2755_Dienstverlening.xml', crebo: '23189', titel: 'Dienstverlening', kerntaken: 4, werkprocessen: 18, crebos: ['25499', '25498', '25500'], kennis: 59, vakkennisRefs: 63, competentieRefs: 64 },
    { file: '4156_Maatschappelijke_Zorg.xml', crebo: '23181', titel: 'Maatschappelijke Zorg', kerntaken: 8, werkprocessen: 43, crebos: ['25475', '25476', '25477', '25474', '25479', '25478'], kennis: 121, vakkennisRefs: 217, competentieRefs: 189 },
  ];

  it.each(expected)('imports $file completely', (e) => {
    const dossier = parseSbbDossierXml(read(`sbb-xml/${e.file}`), e.file);
    const kerntaken = allKerntaken(dossier);
    const werkprocessen = kerntaken.flatMap((k) => k.werkprocessen);

    expect(dossier.dossier).toMatchObject({
      crebo: e.crebo,
      titel: e.titel,
      status: 'Vastgesteld',
      geldigheid: { geldigVanaf: '2015-08-01' },
      opleidingsdomein: { naam: 'Zorg en welzijn', crebo: '79140' },
      sectorkamer: { naam: 'Sectorkamer zorg, welzijn en sport' },
    });
    expect(kerntaken).toHaveLength(e.kerntaken);
    expect(werkprocessen).toHaveLength(e.werkprocessen);
    expect(dossier.kwalificaties.map((k) => k.crebo)).toEqual(e.crebos);
    expect(dossier.kennisEnVaardigheden).toHaveLength(e.kennis);

    // Every werkproces has its three texts; every reference in the file was resolved and kept.
    for (const w of werkprocessen) {
      expect(w.code).toMatch(/^[BP]\d-K\d-W\d+$/);
      expect([w.omschrijving, w.resultaat, w.gedrag].every((t) => t !== null && t.length > 0), w.code).toBe(true);
    }
    const vakkennisRefs =
      kerntaken.reduce((n, k) => n + (k.vakkennisEnVaardigheden?.length ?? 0), 0) +
      kerntaken.flatMap((k) => k.aanvullingenPerProfiel).reduce((n, a) => n + a.vakkennisEnVaardigheden.length, 0);
    expect(vakkennisRefs).toBe(e.vakkennisRefs);
    const competentieRefs =
      werkprocessen.reduce((n, w) => n + (w.competenties?.length ?? 0), 0) +
      werkprocessen.flatMap((w) => w.aanvullingenPerProfiel).reduce((n, a) => n + a.competenties.length, 0);
    expect(competentieRefs).toBe(e.competentieRefs);
    expect(dossier.competenties).toHaveLength(25);
  });

  it('has 14 profielen/kwalificaties, 23 kerntaken and 111 werkprocessen in total', () => {
    const dossiers = expected.map((e) => parseSbbDossierXml(read(`sbb-xml/${e.file}`), e.file));
    expect(dossiers.flatMap((d) => d.kwalificaties)).toHaveLength(14);
    expect(dossiers.flatMap(allKerntaken)).toHaveLength(23);
    expect(dossiers.flatMap(allKerntaken).flatMap((k) => k.werkprocessen)).toHaveLength(111);
  });
});

describe.skipIf(!present)(`real catalogue tables (csv)${skipReason}`, () => {
  it('kwalificaties.csv: 1,037 kwalificaties in 169 dossiers', () => {
    const result = csvTable('kwalificaties', 'kwalificaties.csv');
    expect(result.aantalRegels).toBe(1037);
    expect(result.kwalificaties).toHaveLength(1037);
    expect(result.dossiers).toHaveLength(169);
    const perNiveau = [1, 2, 3, 4].map((n) => result.kwalificaties.filter((k) => k.niveau === n).length);
    expect(perNiveau).toEqual([22, 253, 341, 421]);
    expect(result.kwalificaties.filter((k) => k.soort === 'specialisten')).toHaveLength(26);
    expect(result.kwalificaties.filter((k) => k.leerwegen?.join(' ') === 'BBL BOL OVO')).toHaveLength(987);
  });

  it('kerntaken-werkprocessen.csv: rejected by default, because 51 werkprocessen lack their kerntaak row', () => {
    const error = catchImportError(() => csvTable('kerntaken-werkprocessen', 'kerntaken-werkprocessen.csv'));
    expect(error.line).toBe(112);
    expect(error.message).toMatch(/werkproces B1-K1-W1 hoort bij kerntaak B1-K1, maar die kerntaak staat niet bij crebo 25306/);
  });

  it('kerntaken-werkprocessen.csv: all 1,999 rows with werkprocesZonderKerntaak: kerntaak-afleiden', () => {
    const result = csvTable('kerntaken-werkprocessen', 'kerntaken-werkprocessen.csv', { werkprocesZonderKerntaak: 'kerntaak-afleiden' });
    const kerntaken = result.perKwalificatie.flatMap((k) => k.kerntaken);
    expect(result.aantalRegels).toBe(1999);
    expect(result.perKwalificatie).toHaveLength(146);
    expect(kerntaken.filter((k) => k.titel !== null)).toHaveLength(450);
    expect(kerntaken.filter((k) => k.titel === null)).toHaveLength(17);
    expect(kerntaken.flatMap((k) => k.werkprocessen)).toHaveLength(1549);
  });

  it('keuzedelen.csv: 92 keuzedelen, 25 with sbu', () => {
    const result = csvTable('keuzedelen', 'keuzedelen.csv');
    expect(result.keuzedelen).toHaveLength(92);
    expect(result.keuzedelen.filter((k) => k.sbu !== null)).toHaveLength(25);
    expect(result.keuzedelen.every((k) => k.niveau === null && k.werkprocessen === null)).toBe(true);
  });

  it('keuzedeel-aanbod.csv: 268 pairs for 34 crebos', () => {
    const result = csvTable('keuzedeel-aanbod', 'keuzedeel-aanbod.csv');
    expect(result.aanbod).toHaveLength(268);
    expect(new Set(result.aanbod.map((a) => a.crebo)).size).toBe(34);
    expect(result.aanbod.every((a) => a.instellingen !== null && a.instellingen.length > 0)).toBe(true);
  });

  it.each([
    ['kwalificaties.csv', 'kwalificaties'],
    ['kerntaken-werkprocessen.csv', 'kerntaken-werkprocessen'],
    ['keuzedelen.csv', 'keuzedelen'],
    ['keuzedeel-aanbod.csv', 'keuzedeel-aanbod'],
  ])('parseCsvTable recognises %s', (name, kind) => {
    expect(parseCsvTable(read(name), name, { werkprocesZonderKerntaak: 'kerntaak-afleiden' }).kind).toBe(kind);
  });

  it('reads kwalificaties.csv the same way after a trip through XLSX', async () => {
    const rows = parseCsv(read('kwalificaties.csv'), 'kwalificaties.csv').rows;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('kwalificaties');
    for (const row of rows) sheet.addRow(row);
    const back = await readXlsxTable(Buffer.from(await workbook.xlsx.writeBuffer()), 'kwalificaties.xlsx');
    expect(back).toEqual(rows);
    const fromXlsx = parseTable('kwalificaties', back, 'kwalificaties.csv');
    expect(fromXlsx).toEqual(csvTable('kwalificaties', 'kwalificaties.csv'));
  });
});
