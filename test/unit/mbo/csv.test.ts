import { describe, expect, it } from 'vitest';
import { detectDelimiter, formatCsvLine, parseCsv } from '../../../src/domain/mbo/csv.js';
import { catchImportError } from './helpers.js';

const FILE = 'test.csv';
const rows = (text: string) => parseCsv(text, FILE).rows;

describe('parseCsv', () => {
  it('reads plain fields and LF line ends', () => {
    expect(parseCsv('a,b,c\n1,2,3\n', FILE)).toEqual({ rows: [['a', 'b', 'c'], ['1', '2', '3']], lineNumbers: [1, 2] });
  });

  it('reads CRLF and lone CR line ends', () => {
    expect(rows('a,b\r\n1,2\r\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(rows('a,b\r1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('strips a UTF-8 byte order mark', () => {
    expect(rows('\uFEFFcrebo,naam\n25001,x')).toEqual([['crebo', 'naam'], ['25001', 'x']]);
  });

  it('reads a last line without line end', () => {
    expect(rows('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('ignores empty trailing lines, but keeps empty lines in the middle', () => {
    expect(parseCsv('a\n\n1\n\n\r\n', FILE)).toEqual({ rows: [['a'], [''], ['1']], lineNumbers: [1, 2, 3] });
  });

  it('returns no rows for an empty text or a BOM only', () => {
    expect(rows('')).toEqual([]);
    expect(rows('\uFEFF')).toEqual([]);
  });

  it('keeps empty fields, also at the end of a line', () => {
    expect(rows('a,,c,\n,,,\n')).toEqual([['a', '', 'c', ''], ['', '', '', '']]);
  });

  it('reads quoted fields with delimiters, escaped quotes and empty quotes', () => {
    expect(rows('"Afbouw, hout en onderhoud","zegt ""hallo""",""\n')).toEqual([['Afbouw, hout en onderhoud', 'zegt "hallo"', '']]);
  });

  it('keeps line breaks inside quoted fields and reports the physical start line of every row', () => {
    const table = parseCsv('kop1,kop2\n"een\r\ntwee",x\n"drie\nvier\nvijf",y\nlaatste,z\n', FILE);
    expect(table.rows).toEqual([['kop1', 'kop2'], ['een\r\ntwee', 'x'], ['drie\nvier\nvijf', 'y'], ['laatste', 'z']]);
    expect(table.lineNumbers).toEqual([1, 2, 4, 7]);
  });

  it('does not trim: white space is data at this level', () => {
    expect(rows(' a , b \n')).toEqual([[' a ', ' b ']]);
  });

  it('rejects a quote that is never closed, with the line where it opened', () => {
    const error = catchImportError(() => parseCsv('a,b\n1,2\n3,"open\n\nnog steeds', FILE));
    expect(error.message).toBe('test.csv, regel 3: ongeldige CSV: aanhalingsteken wordt niet gesloten');
    expect(error.line).toBe(3);
    expect(error.file).toBe(FILE);
  });

  it('rejects a quote in the middle of an unquoted field', () => {
    const error = catchImportError(() => parseCsv('a,b\n1,2 "inch"\n', FILE));
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/aanhalingsteken midden in een veld/);
  });

  it('rejects text after a closing quote', () => {
    const error = catchImportError(() => parseCsv('a,b\n"x"y,2\n', FILE));
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/tekst na het sluitende aanhalingsteken/);
  });

  it('reads semicolon files as Dutch Excel writes them', () => {
    expect(detectDelimiter('crebo;naam;niveau\n1,5;2')).toBe(';');
    expect(detectDelimiter('code,titel\n')).toBe(',');
    expect(detectDelimiter('"a;b;c",d\n')).toBe(',');
    expect(rows('crebo;naam\n25001;"Kok; zelfstandig"\n')).toEqual([['crebo', 'naam'], ['25001', 'Kok; zelfstandig']]);
    expect(parseCsv('a;b\n1;2', FILE, { delimiter: ',' }).rows).toEqual([['a;b'], ['1;2']]);
  });
});

describe('formatCsvLine', () => {
  it('quotes only where needed and round-trips through parseCsv', () => {
    const cells = ['gewoon', 'met, komma', 'met "quote"', 'met\nregel', ' spatie', ''];
    const line = formatCsvLine(cells);
    expect(line).toBe('gewoon,"met, komma","met ""quote""","met\nregel"," spatie",');
    expect(rows(`${line}\n`)).toEqual([cells]);
  });
});
