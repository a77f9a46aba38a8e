/**
 * A small RFC 4180 CSV reader: quoted fields, "" as an escaped quote, line breaks inside
 * quoted fields, CRLF / LF / CR line ends, a leading UTF-8 BOM and trailing empty lines.
 * Any deviation (a quote inside an unquoted field, text after a closing quote, a quote
 * that is never closed) is an error: the file is rejected, never read partly.
 */
import { MboImportError } from './errors.js';

export type CsvDelimiter = ',' | ';';

export interface CsvTable {
  rows: string[][];
  /** lineNumbers[i] is the 1-based physical line on which rows[i] starts. */
  lineNumbers: number[];
}

export interface CsvOptions {
  /** Default: detected from the first line (a comma, or a semicolon as Dutch Excel writes it). */
  delimiter?: CsvDelimiter;
}

const BOM = '\uFEFF';

// The character encodings of a table file are part of the API contract: src/shared/tekencoderingen.ts (re-exported).
import type { Tekencodering } from '../../shared/tekencoderingen.js';
export { TEKENCODERINGEN, isTekencodering, type Tekencodering } from '../../shared/tekencoderingen.js';

/**
 * The text of a file's bytes. UTF-8 (default) must be valid: otherwise the file is refused, naming the line of the
 * first bad byte (a Latin-1 file would else be stored with replacement characters). latin1 maps every byte to the
 * same code point; windows-1252 also decodes 0x80–0x9F (€, ‘ ’ “ ” …).
 */
export function decodeTableText(bytes: Uint8Array, fileName: string, encoding: Tekencodering = 'utf-8'): string {
  if (encoding === 'latin1') {
    let out = '';
    for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
    return out;
  }
  if (encoding === 'windows-1252') {
    let out = '';
    for (const byte of bytes) out += byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_80_9F[byte - 0x80]! : String.fromCharCode(byte);
    return out;
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad !== null) {
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
    const byte = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
    throw new MboImportError({
      file: fileName,
      line,
      reason:
        `het bestand is geen geldige UTF-8 (eerste ongeldige byte: 0x${byte}); ` +
        'sla het op als "CSV UTF-8", of geef de tekencodering op: latin1 of windows-1252 (doorlopend import tabel --encoding, of encoding= bij uploaden)',
    });
  }
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/** Windows-1252 bytes 0x80–0x9F (the rest is Latin-1); the five unassigned bytes stay C1 controls, as WHATWG decodes them. */
const WINDOWS_1252_80_9F = [...'\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178'];

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629), or null. */
export function firstInvalidUtf8(bytes: Uint8Array): number | null {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const seq = utf8Sequence(b);
    if (seq === null) return i;
    const { need, min, max } = seq;
    const second = bytes[i + 1];
    if (second === undefined || second < min || second > max) return i;
    for (let k = 2; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < 0x80 || next > 0xbf) return i;
    }
    i += need + 1;
  }
  return null;
}

/** Continuation bytes a UTF-8 lead byte needs, and the range of the first of them (no overlongs, no surrogates). */
function utf8Sequence(lead: number): { need: number; min: number; max: number } | null {
  if (lead >= 0xc2 && lead <= 0xdf) return { need: 1, min: 0x80, max: 0xbf };
  if (lead === 0xe0) return { need: 2, min: 0xa0, max: 0xbf };
  if (lead === 0xed) return { need: 2, min: 0x80, max: 0x9f };
  if (lead >= 0xe1 && lead <= 0xef) return { need: 2, min: 0x80, max: 0xbf };
  if (lead === 0xf0) return { need: 3, min: 0x90, max: 0xbf };
  if (lead >= 0xf1 && lead <= 0xf3) return { need: 3, min: 0x80, max: 0xbf };
  if (lead === 0xf4) return { need: 3, min: 0x80, max: 0x8f };
  return null;
}

export function parseCsv(text: string, fileName: string, options: CsvOptions = {}): CsvTable {
  const input = text.startsWith(BOM) ? text.slice(1) : text;
  const delimiter = options.delimiter ?? detectDelimiter(input);
  const reader = new CsvReader(input, delimiter, fileName);
  return dropTrailingEmptyRows(reader.read());
}

/** Comma unless the first line has more semicolons than commas (outside quotes). */
export function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Render one CSV line (no line end), quoting where RFC 4180 requires it. */
export function formatCsvLine(cells: readonly string[], delimiter: CsvDelimiter = ','): string {
  return cells.map((cell) => formatCsvCell(cell, delimiter)).join(delimiter);
}

function formatCsvCell(cell: string, delimiter: CsvDelimiter): string {
  return cell.includes('"') || cell.includes(delimiter) || /[\r\n]/.test(cell) || /^\s|\s$/.test(cell)
    ? `"${cell.replace(/"/g, '""')}"`
    : cell;
}

function dropTrailingEmptyRows(table: CsvTable): CsvTable {
  let end = table.rows.length;
  while (end > 0 && isEmptyRecord(table.rows[end - 1]!)) end--;
  return { rows: table.rows.slice(0, end), lineNumbers: table.lineNumbers.slice(0, end) };
}

function isEmptyRecord(row: readonly string[]): boolean {
  return row.length === 1 && row[0] === '';
}

class CsvReader {
  private pos = 0;
  private line = 1;
  private readonly rows: string[][] = [];
  private readonly lineNumbers: number[] = [];

  constructor(
    private readonly text: string,
    private readonly delimiter: CsvDelimiter,
    private readonly fileName: string,
  ) {}

  read(): CsvTable {
    while (this.pos < this.text.length) this.readRecord();
    return { rows: this.rows, lineNumbers: this.lineNumbers };
  }

  private readRecord(): void {
    const startLine = this.line;
    const record: string[] = [];
    for (;;) {
      record.push(this.readField());
      if (this.pos >= this.text.length) break;
      const ch = this.text[this.pos];
      if (ch === this.delimiter) {
        this.pos++;
        continue;
      }
      this.consumeLineEnd();
      break;
    }
    this.rows.push(record);
    this.lineNumbers.push(startLine);
  }

  private readField(): string {
    return this.text[this.pos] === '"' ? this.readQuotedField() : this.readPlainField();
  }

  private readPlainField(): string {
    const start = this.pos;
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos];
      if (ch === this.delimiter || ch === '\n' || ch === '\r') break;
      if (ch === '"') {
        throw this.error(
          this.line,
          'aanhalingsteken midden in een veld; zet het hele veld tussen aanhalingstekens en schrijf een aanhalingsteken in de tekst als ""',
        );
      }
      this.pos++;
    }
    return this.text.slice(start, this.pos);
  }

  private readQuotedField(): string {
    const startLine = this.line;
    this.pos++; // opening quote
    let value = '';
    for (;;) {
      if (this.pos >= this.text.length) {
        throw this.error(startLine, 'aanhalingsteken wordt niet gesloten');
      }
      const ch = this.text[this.pos]!;
      if (ch === '"') {
        if (this.text[this.pos + 1] === '"') {
          value += '"';
          this.pos += 2;
          continue;
        }
        this.pos++; // closing quote
        break;
      }
      if (ch === '\n' || (ch === '\r' && this.text[this.pos + 1] !== '\n')) this.line++;
      value += ch;
      this.pos++;
    }
    const next = this.text[this.pos];
    if (next !== undefined && next !== this.delimiter && next !== '\n' && next !== '\r') {
      throw this.error(this.line, 'tekst na het sluitende aanhalingsteken; verwacht een scheidingsteken of het einde van de regel');
    }
    return value;
  }

  private consumeLineEnd(): void {
    if (this.text[this.pos] === '\r') this.pos++;
    if (this.text[this.pos] === '\n') this.pos++;
    this.line++;
  }

  private error(line: number, reason: string): MboImportError {
    return new MboImportError({ file: this.fileName, line, reason: `ongeldige CSV: ${reason}` });
  }
}
