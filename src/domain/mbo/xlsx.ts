/**
 * Read the first worksheet of an XLSX file as rows of strings, so that the same
 * `parseTable` serves CSV and XLSX. Row i of the result is Excel row i + 1 (blank rows
 * inside the sheet stay as rows of empty strings, so line numbers in errors match Excel);
 * trailing blank rows and columns are dropped and every row has the same width.
 *
 * The file comes from outside (a web upload), so the work is bounded before it is done (issue 10):
 * only the parts of the zip that are needed are unpacked, each with a hard limit on what it may unpack to
 * (a zip bomb stops at the limit, whatever the zip's headers claim), and every cell's address is checked
 * against the row and column limits before anything is allocated for it (one cell at XFD1048576 is refused
 * at once, not expanded to a million rows). The workbook is read as a stream of XML elements, without a
 * workbook model: memory stays linear in the cells that are really there.
 */
import { inflateRawSync } from 'node:zlib';
import type ExcelJS from 'exceljs';
import { MboImportError } from './errors.js';

/** Bounds of one uploaded table (the national tables have at most a few thousand rows and a dozen columns). */
export const TABLE_LIMITS = {
  /** Rows of the worksheet (header included). */
  rows: 50_000,
  /** Columns (A … AX). */
  columns: 50,
  /** Filled cells in the worksheet. */
  cells: 500_000,
  /** What may be unpacked from the zip in total (worksheet, shared strings, styles, workbook). */
  unpackedBytes: 64 * 1024 * 1024,
} as const;

const nl = (n: number) => n.toLocaleString('nl-NL');

/** A bound of the table was passed: the file is refused as a whole (the message names the limit). */
export class TableLimitError extends MboImportError {
  /** `unpacked`: the zip unpacks to more than allowed (too large); the others: too many rows, columns or cells. */
  readonly limit: 'rows' | 'columns' | 'cells' | 'unpacked';
  constructor(args: { file: string; reason: string; limit: TableLimitError['limit']; line?: number | null }) {
    super(args);
    this.limit = args.limit;
  }
}

export function tooManyRows(file: string, limit: number = TABLE_LIMITS.rows): TableLimitError {
  return new TableLimitError({ file, limit: 'rows', reason: `het bestand heeft meer dan ${nl(limit)} regels; de grens is ${nl(limit)} regels per tabel` });
}

export async function readXlsxTable(buffer: Buffer, fileName = 'werkblad.xlsx'): Promise<string[][]> {
  const zip = readZipDirectory(buffer, fileName);
  const budget = { left: TABLE_LIMITS.unpackedBytes };
  const text = (name: string): string | null => {
    const entry = zip.get(name);
    return entry === undefined ? null : unpack(buffer, entry, budget, fileName);
  };

  const workbookXml = text('xl/workbook.xml');
  if (workbookXml === null) throw unreadable(fileName, 'xl/workbook.xml ontbreekt');
  const sheetPath = firstSheetPath(workbookXml, text('xl/_rels/workbook.xml.rels'));
  if (sheetPath === null) throw new MboImportError({ file: fileName, reason: 'het Excel-bestand heeft geen werkblad' });
  const sheetXml = text(sheetPath);
  if (sheetXml === null) throw unreadable(fileName, `${sheetPath} ontbreekt`);
  const sharedXml = text('xl/sharedStrings.xml');
  const sharedStrings = sharedXml === null ? [] : readSharedStrings(sharedXml);
  const stylesXml = text('xl/styles.xml');
  const dateStyles = stylesXml === null ? new Set<number>() : readDateStyles(stylesXml);
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(workbookXml);

  return rectangular(readSheetRows(sheetXml, { fileName, sharedStrings, dateStyles, date1904 }));
}

// ---------------------------------------------------------------------------------------------------------------
// Zip: the central directory, and one entry unpacked with a limit.

interface ZipEntry {
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

function unreadable(fileName: string, detail: string): MboImportError {
  return new MboImportError({ file: fileName, reason: `het bestand is geen leesbaar Excel-bestand (xlsx) (${detail})` });
}

function readZipDirectory(buffer: Buffer, fileName: string): Map<string, ZipEntry> {
  // End of central directory: the last 22 bytes plus at most a 64 KiB comment.
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable(fileName, 'geen zip-bestand');
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== 0x02014b50) throw unreadable(fileName, 'beschadigde inhoudsopgave van het zip-bestand');
    const method = buffer.readUInt16LE(offset + 10);
    const compressedSize = buffer.readUInt32LE(offset + 20);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const localHeaderOffset = buffer.readUInt32LE(offset + 42);
    const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength).replace(/^\/+/, '');
    // Two parts with one name could make another reader see something else than we checked.
    if (entries.has(name)) throw unreadable(fileName, `het onderdeel ${name} komt twee keer voor`);
    entries.set(name, { method, compressedSize, localHeaderOffset });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function unpack(buffer: Buffer, entry: ZipEntry, budget: { left: number }, fileName: string): string {
  const at = entry.localHeaderOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== 0x04034b50) throw unreadable(fileName, 'beschadigd zip-bestand');
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  const data = buffer.subarray(start, start + entry.compressedSize);
  let out: Buffer;
  if (entry.method === 0) out = data;
  else if (entry.method === 8) {
    try {
      // maxOutputLength stops inflating at the limit: what the zip claims about sizes is not trusted.
      out = inflateRawSync(data, { maxOutputLength: budget.left + 1 });
    } catch (error) {
      if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw unpackedTooLarge(fileName);
      throw unreadable(fileName, 'beschadigde gegevens in het zip-bestand');
    }
  } else throw unreadable(fileName, `onbekende compressiemethode ${entry.method}`);
  if (out.length > budget.left) throw unpackedTooLarge(fileName);
  budget.left -= out.length;
  return out.toString('utf8');
}

function unpackedTooLarge(fileName: string): TableLimitError {
  const mb = TABLE_LIMITS.unpackedBytes / 1024 / 1024;
  return new TableLimitError({ file: fileName, limit: 'unpacked', reason: `het Excel-bestand is uitgepakt groter dan ${mb} MB; de grens is ${mb} MB` });
}

// ---------------------------------------------------------------------------------------------------------------
// XML: attributes, text and entities, enough for the parts of a workbook.

function attribute(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m === null ? null : decodeXml(m[1] ?? m[2] ?? '');
}

function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e.startsWith('#x') ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The text of `<t>` elements in a piece of XML (a shared string or an inline string), phonetic runs left out. */
function textOf(xml: string): string {
  const withoutPhonetic = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let out = '';
  for (const m of withoutPhonetic.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) out += decodeXml(m[1]!);
  return out;
}

function firstSheetPath(workbookXml: string, relsXml: string | null): string | null {
  const sheet = /<sheet\b([^>]*)\/?>/.exec(workbookXml);
  if (sheet === null) return null;
  const relId = attribute(sheet[1]!, 'r:id');
  if (relId !== null && relsXml !== null) {
    for (const m of relsXml.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
      if (attribute(m[1]!, 'Id') !== relId) continue;
      const target = attribute(m[1]!, 'Target') ?? '';
      return target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/');
    }
  }
  return 'xl/worksheets/sheet1.xml';
}

function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) out.push(m[1] === undefined ? '' : textOf(m[1]));
  return out;
}

/** Built-in number formats that are dates or times (ECMA-376 18.8.30). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

function isDateFormat(code: string): boolean {
  return /[ymdhsb]/i.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, ''));
}

/** Indices of the cell styles (cellXfs) whose number format is a date. */
function readDateStyles(xml: string): Set<number> {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const id = Number(attribute(m[1]!, 'numFmtId'));
    custom.set(id, attribute(m[1]!, 'formatCode') ?? '');
  }
  const dates = new Set<number>();
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml);
  if (cellXfs === null) return dates;
  let index = 0;
  for (const m of cellXfs[1]!.matchAll(/<xf\b([^>]*?)\/?>/g)) {
    const id = Number(attribute(m[1]!, 'numFmtId') ?? '0');
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id)) dates.add(index);
    index++;
  }
  return dates;
}

// ---------------------------------------------------------------------------------------------------------------
// The worksheet.

interface SheetContext {
  fileName: string;
  sharedStrings: readonly string[];
  dateStyles: ReadonlySet<number>;
  date1904: boolean;
}

/** "XFD1048576" → column 16384, row 1048576 (1-based); null when it is not a cell address. */
function cellAddress(ref: string): { column: number; row: number } | null {
  const m = /^([A-Z]{1,3})([0-9]{1,7})$/.exec(ref);
  if (m === null) return null;
  let column = 0;
  for (const ch of m[1]!) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { column, row: Number(m[2]) };
}

function columnName(column: number): string {
  let name = '';
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
}

function readSheetRows(xml: string, ctx: SheetContext): string[][] {
  const { fileName } = ctx;
  const rows: string[][] = [];
  let rowNumber = 0;
  let column = 0;
  let cells = 0;
  const checkRow = (r: number) => {
    if (r > TABLE_LIMITS.rows) throw tooManyRows(fileName);
  };
  const element = /<row\b([^>]*?)(\/)?>|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  for (let m = element.exec(xml); m !== null; m = element.exec(xml)) {
    if (m[1] !== undefined) {
      // A row: its number (r) or the next one.
      const r = attribute(m[1], 'r');
      rowNumber = r === null ? rowNumber + 1 : Number(r);
      if (!Number.isInteger(rowNumber) || rowNumber < 1) throw unreadable(fileName, `ongeldig regelnummer ${r}`);
      checkRow(rowNumber);
      column = 0;
      continue;
    }
    const attrs = m[3]!;
    const ref = attribute(attrs, 'r');
    let row = rowNumber;
    if (ref !== null) {
      const address = cellAddress(ref);
      if (address === null) throw unreadable(fileName, `ongeldig celadres ${ref}`);
      row = address.row;
      column = address.column;
    } else column++;
    if (row < 1) row = rowNumber = 1;
    checkRow(row);
    if (column > TABLE_LIMITS.columns) {
      throw new TableLimitError({
        file: fileName,
        limit: 'columns',
        line: row,
        reason: `cel ${columnName(column)}${row} ligt in kolom ${nl(column)}; de grens is ${TABLE_LIMITS.columns} kolommen (A tot en met ${columnName(TABLE_LIMITS.columns)})`,
      });
    }
    const value = cellValue(attrs, m[4] ?? '', ctx);
    if (value === '') continue;
    if (++cells > TABLE_LIMITS.cells) {
      throw new TableLimitError({ file: fileName, limit: 'cells', reason: `het werkblad heeft meer dan ${nl(TABLE_LIMITS.cells)} gevulde cellen; de grens is ${nl(TABLE_LIMITS.cells)}` });
    }
    while (rows.length < row) rows.push([]);
    const cellsOfRow = rows[row - 1]!;
    while (cellsOfRow.length < column - 1) cellsOfRow.push('');
    cellsOfRow[column - 1] = value;
  }
  return rows;
}

/** The cell's text, as `cellText` gives it for the same value read by exceljs. */
function cellValue(attrs: string, inner: string, ctx: SheetContext): string {
  const type = attribute(attrs, 't') ?? 'n';
  if (type === 'inlineStr') {
    const is = /<is>([\s\S]*?)<\/is>/.exec(inner);
    return is === null ? '' : textOf(is[1]!);
  }
  const v = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(inner);
  if (v === null) return '';
  const raw = decodeXml(v[1]!);
  switch (type) {
    case 's':
      return ctx.sharedStrings[Number(raw)] ?? '';
    case 'str':
    case 'e':
      return raw;
    case 'b':
      return raw === '1' || raw === 'true' ? 'WAAR' : 'ONWAAR';
    case 'd':
      return cellText(new Date(raw));
    default: {
      const n = Number(raw);
      if (!Number.isFinite(n)) return raw;
      const style = Number(attribute(attrs, 's') ?? '0');
      if (ctx.dateStyles.has(style)) return cellText(new Date(Math.round((n - 25569 + (ctx.date1904 ? 1462 : 0)) * 24 * 3600 * 1000)));
      return String(n);
    }
  }
}

function rectangular(rows: string[][]): string[][] {
  let height = rows.length;
  while (height > 0 && rows[height - 1]!.every((cell) => cell === '')) height--;
  const kept = rows.slice(0, height);
  // A loop, not Math.max(...rows): spreading many rows into arguments overflows the stack.
  let width = 0;
  for (const row of kept) width = Math.max(width, lastFilledIndex(row) + 1);
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
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}
