/**
 * Character encodings of an mbo table file: UTF-8 (the default; a BOM is allowed) or, when the user says so, one of
 * the two single-byte encodings older Dutch Excel versions write: ISO-8859-1 (latin1) or Windows-1252. Part of the
 * API contract (the upload's query) and used by the parser in src/domain/mbo/csv.ts (shared imports no domain).
 */
export const TEKENCODERINGEN = ['utf-8', 'latin1', 'windows-1252'] as const;
export type Tekencodering = (typeof TEKENCODERINGEN)[number];
export const isTekencodering = (value: string): value is Tekencodering => (TEKENCODERINGEN as readonly string[]).includes(value);
