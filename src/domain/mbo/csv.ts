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
