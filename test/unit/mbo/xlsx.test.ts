import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseTable, parseXlsxTable, readXlsxTable } from '../../../src/domain/mbo/tables.js';
import { cellText } from '../../../src/domain/mbo/xlsx.js';
import { catchImportError, catchImportErrorAsync } from './helpers.js';

async function workbookBuffer(fill: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const KWALIFICATIES_HEADER = ['crebo', 'naam', 'niveau', 'soort', 'leerwegen', 'opleidingsdomein', 'dossier_crebo', 'dossier_naam', 'sectorkamer'];

describe('readXlsxTable', () => {
  it('round-trips a table of strings through a workbook', async () => {
    const rows = [
      ['code', 'titel', 'sbu'],
      ['K0001', 'Met, komma en "quotes"', '240'],
      ['K0002', 'Regel\nnaar beneden', ''],
    ];
    const buffer = await workbookBuffer((wb) => {
      const sheet = wb.addWorksheet('Keuzedelen');
      for (const row of rows) sheet.addRow(row);
    });
    expect(await readXlsxTable(buffer)).toEqual(rows);
  });

  it('reads the first worksheet, numbers, rich text, formulas and hyperlinks as text', async () => {
    const buffer = await workbookBuffer((wb) => {
      const sheet = wb.addWorksheet('Kwalificaties');
      wb.addWorksheet('Toelichting').addRow(['niet lezen']);
      sheet.addRow(KWALIFICATIES_HEADER);
      sheet.addRow([
        25001,
        { richText: [{ text: 'Allround ' }, { text: 'testmedewerker', font: { bold: true } }] },
        2,
        'basisberoepsopleiding',
        'BBL BOL',
        { text: 'Zorg en welzijn', hyperlink: 'https://example.org' },
        { formula: '23000+1', result: 23001 },
        'Testdossier',
        'Zorg, welzijn en sport',
      ]);
    });
    const rows = await readXlsxTable(buffer);
    expect(rows).toEqual([
      KWALIFICATIES_HEADER,
      ['25001', 'Allround testmedewerker', '2', 'basisberoepsopleiding', 'BBL BOL', 'Zorg en welzijn', '23001', 'Testdossier', 'Zorg, welzijn en sport'],
    ]);
    const parsed = parseTable('kwalificaties', rows, 'kwalificaties.xlsx');
    expect(parsed.kwalificaties[0]).toMatchObject({ crebo: '25001', naam: 'Allround testmedewerker', niveau: 2, dossierCrebo: '23001' });
  });

  it('keeps blank rows inside the sheet so line numbers are Excel row numbers, and pads short rows', async () => {
    const buffer = await workbookBuffer((wb) => {
      const sheet = wb.addWorksheet('Blad1');
      sheet.getCell('A1').value = 'code';
      sheet.getCell('B1').value = 'titel';
      sheet.getCell('C1').value = 'sbu';
      sheet.getCell('A2').value = 'K0001';
      sheet.getCell('B2').value = 'Goed';
      sheet.getCell('A4').value = 'K0002';
      sheet.getCell('B4').value = 'Fout';
      sheet.getCell('C4').value = 250;
    });
    const rows = await readXlsxTable(buffer, 'keuzedelen.xlsx');
    expect(rows).toEqual([
      ['code', 'titel', 'sbu'],
      ['K0001', 'Goed', ''],
      ['', '', ''],
      ['K0002', 'Fout', '250'],
    ]);
    const error = catchImportError(() => parseTable('keuzedelen', rows, 'keuzedelen.xlsx'));
    expect(error.message).toMatch(/^keuzedelen\.xlsx, regel 4: sbu "250" is ongeldig/);
  });

  it('makes a cell outside the header an error in parseTable', async () => {
    const buffer = await workbookBuffer((wb) => {
      const sheet = wb.addWorksheet('Blad1');
      sheet.addRow(['crebo', 'keuzedeel', 'instellingen']);
      sheet.addRow(['25001', 'K0001', 'utrecht', 'verdwaald']);
    });
    const rows = await readXlsxTable(buffer);
    expect(catchImportError(() => parseTable('keuzedeel-aanbod', rows, 'aanbod.xlsx')).message).toBe(
      'aanbod.xlsx, regel 1: kolom 4 van de kopregel heeft geen naam',
    );
  });

  it('detects the kind with parseXlsxTable', async () => {
    const buffer = await workbookBuffer((wb) => {
      const sheet = wb.addWorksheet('Blad1');
      sheet.addRow(['crebo', 'code', 'soort', 'titel']);
      sheet.addRow([25001, 'B1-K1', 'kerntaak', 'Test']);
    });
    const result = await parseXlsxTable(buffer, 'kerntaken.xlsx');
    expect(result.kind).toBe('kerntaken-werkprocessen');
    expect(result.aantalRegels).toBe(1);
  });

  it('rejects a file that is not an xlsx', async () => {
    const error = await catchImportErrorAsync(() => readXlsxTable(Buffer.from('geen excel'), 'kapot.xlsx'));
    expect(error.message).toMatch(/^kapot\.xlsx: het bestand is geen leesbaar Excel-bestand/);
  });

  it('returns no rows for an empty worksheet', async () => {
    const buffer = await workbookBuffer((wb) => {
      wb.addWorksheet('Leeg');
    });
    expect(await readXlsxTable(buffer)).toEqual([]);
  });
});

describe('cellText', () => {
  it.each<[ExcelJS.CellValue, string]>([
    [null, ''],
    [undefined, ''],
    ['tekst', 'tekst'],
    [240, '240'],
    [1.5, '1.5'],
    [true, 'WAAR'],
    [new Date(Date.UTC(2020, 7, 1)), '2020-08-01'],
    [new Date(Date.UTC(2020, 7, 1, 12, 30)), '2020-08-01T12:30:00.000Z'],
    [{ richText: [{ text: 'a' }, { text: 'b' }] }, 'ab'],
    [{ formula: '1+1', result: 2 }, '2'],
    [{ formula: 'A1' }, ''],
    [{ sharedFormula: 'A1', result: 'x' }, 'x'],
    [{ text: 'link', hyperlink: 'https://example.org' }, 'link'],
    [{ error: '#N/A' }, '#N/A'],
  ])('converts %j', (value, text) => {
    expect(cellText(value)).toBe(text);
  });
});
