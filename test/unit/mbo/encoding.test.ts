/** Issue 10, finding 6: a table's bytes must be valid UTF-8 unless another encoding is given, and no cell may hold NUL or a lone surrogate. */
import { describe, expect, it } from 'vitest';
import { decodeTableText, firstInvalidUtf8 } from '../../../src/domain/mbo/csv.js';
import { parseCsvFile, parseCsvTable, parseTable } from '../../../src/domain/mbo/tables.js';
import { catchImportError } from './helpers.js';

const FILE = 'keuzedelen.csv';
const HEADER = 'code,titel,sbu';
const latin1 = (text: string) => Buffer.from(text, 'latin1');

describe('decodeTableText', () => {
  it('accepts UTF-8 with and without a byte order mark', () => {
    expect(decodeTableText(Buffer.from('code,titel\nK0001,Café\n'), FILE)).toBe('code,titel\nK0001,Café\n');
    expect(decodeTableText(Buffer.from('\uFEFFcode,titel\n'), FILE)).toBe('\uFEFFcode,titel\n');
  });

  it('refuses a Latin-1 file in Dutch, naming the line of the first bad byte', () => {
    const error = catchImportError(() => decodeTableText(latin1(`${HEADER}\nK0001,Testen,240\nK0002,Caf\u00e9 en cr\u00e8me,480\n`), FILE));
    expect(error.file).toBe(FILE);
    expect(error.line).toBe(3);
    expect(error.message).toBe(
      'keuzedelen.csv, regel 3: het bestand is geen geldige UTF-8 (eerste ongeldige byte: 0xE9); sla het op als "CSV UTF-8", of geef de tekencodering op: latin1 of windows-1252 (doorlopend import tabel --encoding, of encoding= bij uploaden)',
    );
  });

  it('converts latin1 and windows-1252 when the user states the encoding', () => {
    expect(decodeTableText(latin1('Caf\u00e9 cr\u00e8me \u00eb\u00ef\u00fc'), FILE, 'latin1')).toBe('Café crème ëïü');
    expect(decodeTableText(Buffer.from([0x80, 0x20, 0x93, 0x61, 0x94, 0x20, 0xe9]), FILE, 'windows-1252')).toBe('€ “a” é');
  });

  it.each([
    ['an overlong encoding', [0x41, 0xc0, 0x80], 1],
    ['an encoded surrogate (CESU-8)', [0xed, 0xa0, 0x80], 0],
    ['a sequence cut off at the end', [0x41, 0x42, 0xe2, 0x82], 2],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a stray continuation byte', [0x41, 0x80], 1],
  ])('finds %s', (_label, bytes, offset) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(offset);
  });

  it('accepts every well-formed sequence length', () => {
    expect(firstInvalidUtf8(Buffer.from('a é € 😀 \u{10FFFF}'))).toBeNull();
  });
});

describe('characters that cannot be stored are refused by the parser that dry run and import share', () => {
  it('refuses a NUL in a cell, naming line and column', () => {
    const error = catchImportError(() => parseCsvTable(`${HEADER}\nK0001,Testen,240\nK0002,Te\u0000sten,480\n`, FILE));
    expect(error.line).toBe(3);
    expect(error.message).toBe('keuzedelen.csv, regel 3: kolom 2 ("titel") bevat een NUL-teken (U+0000) op positie 3; dat teken kan niet worden opgeslagen');
  });

  it('names the physical line inside a quoted field that spans lines', () => {
    const error = catchImportError(() => parseCsvTable(`${HEADER}\nK0001,"Testen\nmet\u0000 NUL",240\n`, FILE));
    expect(error.line).toBe(3);
  });

  it('refuses a NUL in the header', () => {
    expect(catchImportError(() => parseCsvTable(`code,tit\u0000el,sbu\nK0001,Testen,240\n`, FILE)).message).toMatch(/^keuzedelen\.csv, regel 1: kolom 2 bevat een NUL-teken/);
  });

  it('refuses a lone surrogate (as a worksheet can hold) in any table', () => {
    const error = catchImportError(() => parseTable('keuzedelen', [['code', 'titel', 'sbu'], ['K0001', 'Test \uD800', '240']], 'keuzedelen.xlsx'));
    expect(error.message).toMatch(/^keuzedelen\.xlsx, regel 2: kolom 2 \("titel"\) bevat een ongeldig teken op positie 6 \(een losse helft van een UTF-16-tekenpaar/);
  });

  it('parseCsvFile reads a stated latin1 file with the right characters', () => {
    const result = parseCsvFile(latin1(`${HEADER}\nK0001,Caf\u00e9 en cr\u00e8me,240\n`), FILE, { encoding: 'latin1' });
    expect(result.kind === 'keuzedelen' && result.keuzedelen[0]?.titel).toBe('Café en crème');
  });
});
