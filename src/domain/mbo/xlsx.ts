/**
 * Read the first worksheet of an XLSX file as rows of strings, so that the same
 * `parseTable` serves CSV and XLSX. Row i of the result is Excel row i + 1 (blank rows
 * inside the sheet stay as rows of empty strings, so line numbers in errors match Excel);
 * trailing blank rows and columns are dropped and every row has the same width.
 */
import ExcelJS from 'exceljs';
import { MboImportError } from './errors.js';

export async function readXlsxTable(buffer: Buffer, fileName = 'werkblad.xlsx'): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    throw new MboImportError({ file: fileName, reason: `het bestand is geen leesbaar Excel-bestand (xlsx)${detail}` });
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) throw new MboImportError({ file: fileName, reason: 'het Excel-bestand heeft geen werkblad' });

  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return rectangular(rows);
}

function rectangular(rows: string[][]): string[][] {
  let height = rows.length;
  while (height > 0 && rows[height - 1]!.every((cell) => cell === '')) height--;
  const kept = rows.slice(0, height);
  const width = Math.max(0, ...kept.map((row) => lastFilledIndex(row) + 1));
  return kept.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
}

function lastFilledIndex(row: readonly string[]): number {
  for (let i = row.length - 1; i >= 0; i--) if (row[i] !== '') return i;
  return -1;
}

/** Plain text of an exceljs cell value: rich text joined, formulas by their result, dates as ISO. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'WAAR' : 'ONWAAR';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result);
  if ('error' in value) return value.error;
  return '';
}

function dateText(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}
