/**
 * Issue 10, finding 5, the pure parts: the load-shedding gate (per caller per minute, in progress at once, with an
 * injected clock) and the XLSX reader's bounds and values (dates, booleans, formulas as exceljs gave them).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readXlsxTable, TABLE_LIMITS, TableLimitError } from '../../src/domain/mbo/xlsx.js';
import { HeavyRequestGate } from '../../src/server/http/load-shedding.js';
import { AppError } from '../../src/server/errors.js';

const refusal = (f: () => void): AppError => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('not refused');
};

describe('HeavyRequestGate', () => {
  it('allows perMinute requests per caller, then 429 with the seconds until the window ends; a new window allows again', () => {
    let now = 1_000_000;
    const gate = new HeavyRequestGate({ perMinute: 2, concurrent: 10 }, 'exports', () => now);
    gate.enter('ip:a');
    gate.leave();
    gate.enter('ip:a');
    gate.leave();
    now += 45_000;
    const e = refusal(() => gate.enter('ip:a'));
    expect(e.code).toBe('too_many_requests');
    expect(e.details.retryAfterSeconds).toBe(15);
    expect(e.message).toBe('Te veel exports vanaf dit adres: hooguit 2 per minuut. Probeer het over 15 seconden opnieuw.');
    gate.enter('ip:b');
    gate.leave();
    now += 15_000;
    gate.enter('ip:a');
    expect(gate.active).toBe(1);
  });

  it('refuses beyond the number in progress with 503 until one leaves; a refused request takes no place', () => {
    const gate = new HeavyRequestGate({ perMinute: 100, concurrent: 2 });
    gate.enter('ip:a');
    gate.enter('ip:b');
    const e = refusal(() => gate.enter('ip:c'));
    expect(e.code).toBe('service_unavailable');
    expect(e.details.retryAfterSeconds).toBe(5);
    expect(gate.active).toBe(2);
    gate.leave();
    gate.enter('ip:c');
    expect(gate.active).toBe(2);
  });
});

describe('readXlsxTable bounds and values', () => {
  const sheetZip = async (sheet: string) => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook xmlns:r="r"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>');
    zip.file('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>');
    zip.file('xl/worksheets/sheet1.xml', `<worksheet><sheetData>${sheet}</sheetData></worksheet>`);
    return Buffer.from(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
  };
  const limitOf = async (buffer: Buffer) => {
    try {
      await readXlsxTable(buffer, 't.xlsx');
    } catch (e) {
      if (e instanceof TableLimitError) return { limit: e.limit, message: e.message };
      throw e;
    }
    return null;
  };

  it('refuses a cell beyond the last column or row before reading on, and too many filled cells', async () => {
    expect(await limitOf(await sheetZip('<row r="1"><c r="AY1"><v>1</v></c></row>'))).toEqual({
      limit: 'columns',
      message: 't.xlsx, regel 1: cel AY1 ligt in kolom 51; de grens is 50 kolommen (A tot en met AX)',
    });
    expect(await limitOf(await sheetZip('<row r="1"><c r="AX1"><v>1</v></c></row>'))).toBeNull();
    expect((await limitOf(await sheetZip(`<row r="${TABLE_LIMITS.rows + 1}"><c><v>1</v></c></row>`)))?.limit).toBe('rows');
    const full = Array.from({ length: TABLE_LIMITS.cells / 50 + 1 }, (_, r) => `<row r="${r + 1}">${'<c><v>1</v></c>'.repeat(50)}</row>`).join('');
    expect((await limitOf(await sheetZip(full)))?.limit).toBe('cells');
  });

  it('reads dates, booleans and formula results as exceljs gave them', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('Blad1');
    s.addRow(['datum', 'tijd', 'waar', 'formule', 'getal']);
    s.addRow([new Date(Date.UTC(2020, 7, 1)), new Date(Date.UTC(2020, 7, 1, 12, 30)), true, { formula: 'A2&"x"', result: '25001x' }, 0.25]);
    expect(await readXlsxTable(Buffer.from(await wb.xlsx.writeBuffer()))).toEqual([
      ['datum', 'tijd', 'waar', 'formule', 'getal'],
      ['2020-08-01', '2020-08-01T12:30:00.000Z', 'WAAR', '25001x', '0.25'],
    ]);
  });
});
