/**
 * Validation and normalisation of the five mbo tables (CSV or XLSX, see columns.ts for
 * the column specs). One bad row rejects the whole file with an MboImportError that names
 * the 1-based line (header = line 1) and the reason.
 */
import { TABLE_SPECS, type TableKind, type TableSpec } from './columns.js';
import { decodeTableText, parseCsv, type CsvOptions, type Tekencodering } from './csv.js';
import { ongeldigTekenMelding, vindOngeldigTeken } from '../../shared/text.js';
import { MboImportError } from './errors.js';
import type {
  Bron,
  Geldigheid,
  Kerntaak,
  Keuzedeel,
  KeuzedeelAanbod,
  KeuzedeelKoppeling,
  Kwalificatie,
  Kwalificatiedossier,
  Werkproces,
} from './model.js';
import {
  ValueError,
  checkSoortBijNiveau,
  isKerntaakCode,
  isWerkprocesCode,
  normalizeText,
  normalizeTitle,
  parseCrebo,
  parseIsoDate,
  parseKeuzedeelCode,
  parseKeuzedeelSbu,
  parseKerntaakCode,
  parseLeerwegen,
  parseNiveau,
  parseSoortOpleiding,
  parseWerkprocesCode,
  quote,
} from './values.js';
import { readXlsxTable } from './xlsx.js';

export { TABLE_KINDS, TABLE_SPECS, type ColumnSpec, type TableKind, type TableSpec } from './columns.js';
export { readXlsxTable } from './xlsx.js';

/** Kerntaken (with their werkprocessen) of one crebo, in file order. */
export interface KwalificatieKerntaken {
  crebo: string;
  kerntaken: Kerntaak[];
}

interface TableBase {
  bestand: string;
  /** Number of data rows read (blank rows not counted). */
  aantalRegels: number;
}

export type ParsedTable =
  | (TableBase & { kind: 'kwalificaties'; kwalificaties: Kwalificatie[]; dossiers: Kwalificatiedossier[] })
  | (TableBase & { kind: 'kerntaken-werkprocessen'; perKwalificatie: KwalificatieKerntaken[] })
  | (TableBase & { kind: 'keuzedelen'; keuzedelen: Keuzedeel[] })
  | (TableBase & { kind: 'keuzedeel-aanbod'; aanbod: KeuzedeelAanbod[] })
  | (TableBase & { kind: 'keuzedeel-koppelingen'; koppelingen: KeuzedeelKoppeling[] });

export type ParsedTableOf<K extends TableKind> = Extract<ParsedTable, { kind: K }>;

export interface ParseTableOptions {
  /**
   * 1-based line number of each row (as returned by parseCsv when quoted fields span
   * lines). Default: row index + 1, which is also the Excel row number for readXlsxTable.
   */
  lineNumbers?: readonly number[];
  /**
   * kerntaken-werkprocessen only. A werkproces whose kerntaak is not listed for the same crebo:
   * - 'fout' (default): reject the file;
   * - 'kerntaak-afleiden': accept it and add the kerntaak with `titel: null` (the code is
   *   known from the werkproces code, the title is not). The shipped catalogue needs this:
   *   it lists 51 werkprocessen whose kerntaak row is missing.
   */
  werkprocesZonderKerntaak?: 'fout' | 'kerntaak-afleiden';
}

type Row = Readonly<Record<string, string>>;

interface DataRow {
  line: number;
  cells: Row;
}

// ---------------------------------------------------------------------------
// Public entry points

export function parseTable<K extends TableKind>(
  kind: K,
  rows: readonly (readonly string[])[],
  fileName: string,
  options: ParseTableOptions = {},
): ParsedTableOf<K> {
  const dataRows = readRows(TABLE_SPECS[kind], rows, fileName, options.lineNumbers);
  return buildTable(kind, dataRows, fileName, options) as ParsedTableOf<K>;
}

/**
 * Recognise a table by its header: all mandatory columns present, no unknown or duplicate columns.
 * A header that fits more than one kind is not recognised: `crebo,keuzedeel` alone could be
 * keuzedeel-aanbod or keuzedeel-koppelingen (their optional columns tell them apart), and
 * guessing would put an offer where the official link belongs, or the other way round.
 */
export function detectTableKind(header: readonly string[]): TableKind | null {
  const kinds = matchingTableKinds(header);
  return kinds.length === 1 ? kinds[0]! : null;
}

/** Every kind whose spec the header fits (see detectTableKind). */
function matchingTableKinds(header: readonly string[]): TableKind[] {
  const names = header.map(normalizeHeaderCell);
  if (new Set(names).size !== names.length) return [];
  return Object.values(TABLE_SPECS)
    .filter((spec) => {
      const known = new Set(spec.kolommen.map((c) => c.naam));
      const mandatory = spec.kolommen.filter((c) => c.inHeader === 'verplicht').map((c) => c.naam);
      return names.every((n) => known.has(n)) && mandatory.every((n) => names.includes(n));
    })
    .map((spec) => spec.kind);
}

export interface ParseFileOptions extends ParseTableOptions {
  /** Default: detected from the header. */
  kind?: TableKind;
}

/** parseCsv + detect (or check) the kind + parseTable, with the real line numbers. */
export function parseCsvTable(text: string, fileName: string, options: ParseFileOptions & CsvOptions = {}): ParsedTable {
  const csv = parseCsv(text, fileName, options.delimiter === undefined ? {} : { delimiter: options.delimiter });
  checkCharacters(csv.rows, fileName, (index) => csv.lineNumbers[index] ?? index + 1);
  const kind = options.kind ?? requireKind(csv.rows, fileName);
  return parseTable(kind, csv.rows, fileName, { ...options, lineNumbers: csv.lineNumbers });
}

/** A CSV file's bytes: decoded (valid UTF-8 unless another encoding is given, see decodeTableText), then parseCsvTable. */
export function parseCsvFile(bytes: Uint8Array, fileName: string, options: ParseFileOptions & CsvOptions & { encoding?: Tekencodering } = {}): ParsedTable {
  return parseCsvTable(decodeTableText(bytes, fileName, options.encoding), fileName, options);
}

/** readXlsxTable (first worksheet) + detect (or check) the kind + parseTable. */
export async function parseXlsxTable(buffer: Buffer, fileName: string, options: ParseFileOptions = {}): Promise<ParsedTable> {
  const rows = await readXlsxTable(buffer, fileName);
  checkCharacters(rows, fileName, (index) => index + 1);
  const kind = options.kind ?? requireKind(rows, fileName);
  return parseTable(kind, rows, fileName, options);
}

function requireKind(rows: readonly (readonly string[])[], fileName: string): TableKind {
  const header = rows[0];
  const kinds = header === undefined ? [] : matchingTableKinds(header);
  if (kinds.length > 1) {
    throw new MboImportError({
      file: fileName,
      line: 1,
      reason: `kopregel past bij meer dan één mbo-tabel (${kinds.join(', ')}); geef de soort tabel op of voeg de optionele kolommen toe`,
    });
  }
  const kind = kinds[0];
  if (kind === undefined) {
    const known = Object.values(TABLE_SPECS)
      .map((s) => `${s.kind}: ${s.kolommen.map((c) => c.naam).join(',')}`)
      .join('; ');
    throw new MboImportError({ file: fileName, line: 1, reason: `kopregel niet herkend als mbo-tabel. Bekende kopregels: ${known}` });
  }
  return kind;
}

// ---------------------------------------------------------------------------
// Header and rows

function normalizeHeaderCell(cell: string): string {
  return cell.replace(/^\uFEFF/, '').trim();
}

function readRows(
  spec: TableSpec,
  rows: readonly (readonly string[])[],
  file: string,
  lineNumbers: readonly number[] | undefined,
): DataRow[] {
  const lineOf = (index: number): number => lineNumbers?.[index] ?? index + 1;
  checkCharacters(rows, file, lineOf);
  const header = rows[0];
  if (header === undefined || isBlankRow(header)) {
    throw new MboImportError({ file, line: 1, reason: `de kopregel ontbreekt; verwacht: ${spec.kolommen.map((c) => c.naam).join(',')}` });
  }
  const columns = resolveHeader(spec, header.map(normalizeHeaderCell), file, lineOf(0));
  const result: DataRow[] = [];
  rows.forEach((row, index) => {
    if (index === 0 || isBlankRow(row)) return;
    const line = lineOf(index);
    if (row.length !== header.length) {
      throw new MboImportError({
        file,
        line,
        reason: `de regel heeft ${row.length} ${row.length === 1 ? 'veld' : 'velden'}, de kopregel ${header.length}`,
      });
    }
    const cells: Record<string, string> = {};
    for (const column of spec.kolommen) {
      const at = columns.get(column.naam);
      cells[column.naam] = at === undefined ? '' : (row[at] ?? '').trim();
    }
    result.push({ line, cells });
  });
  return result;
}

/**
 * No cell may hold a character that cannot be stored as text (NUL, a lone surrogate: src/shared/text.ts). Checked
 * here, in the parser that a dry run and a real import share, so a dry run never passes a file the import refuses.
 */
function checkCharacters(rows: readonly (readonly string[])[], file: string, lineOf: (index: number) => number): void {
  rows.forEach((row, index) => {
    row.forEach((cell, column) => {
      const teken = vindOngeldigTeken(cell);
      if (teken === null) return;
      const name = index === 0 ? '' : ` (${quote(normalizeHeaderCell(rows[0]?.[column] ?? ''))})`;
      const line = lineOf(index) + newlinesBefore(cell, teken.index);
      throw new MboImportError({ file, line, reason: `kolom ${column + 1}${name} ${ongeldigTekenMelding(teken)}` });
    });
  });
}

function newlinesBefore(cell: string, index: number): number {
  let count = 0;
  for (let i = 0; i < index; i++) if (cell.charCodeAt(i) === 10) count++;
  return count;
}

function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

function resolveHeader(spec: TableSpec, header: readonly string[], file: string, line: number): Map<string, number> {
  const fail = (reason: string): never => {
    throw new MboImportError({ file, line, reason });
  };
  const known = new Map(spec.kolommen.map((c) => [c.naam, c] as const));
  const columns = new Map<string, number>();
  header.forEach((name, index) => {
    if (name === '') fail(`kolom ${index + 1} van de kopregel heeft geen naam`);
    if (!known.has(name)) {
      fail(`onbekende kolom ${quote(name)} in tabel ${spec.kind}; toegestaan: ${spec.kolommen.map((c) => c.naam).join(', ')}`);
    }
    if (columns.has(name)) fail(`kolom ${quote(name)} staat twee keer in de kopregel`);
    columns.set(name, index);
  });
  const missing = spec.kolommen.filter((c) => c.inHeader === 'verplicht' && !columns.has(c.naam)).map((c) => c.naam);
  if (missing.length > 0) fail(`verplichte ${missing.length === 1 ? 'kolom ontbreekt' : 'kolommen ontbreken'}: ${missing.join(', ')}`);
  return columns;
}

/** Run a row parser; a ValueError becomes an MboImportError for that line. */
function atLine<T>(file: string, line: number, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof ValueError) throw new MboImportError({ file, line, reason: error.message });
    throw error;
  }
}

function value(row: Row, column: string): string {
  return row[column] ?? '';
}

function required(row: Row, column: string): string {
  const cell = value(row, column);
  if (cell === '') throw new ValueError(`kolom ${column} is leeg`);
  return cell;
}

function optional<T>(row: Row, column: string, parse: (raw: string) => T): T | null {
  const cell = value(row, column);
  return cell === '' ? null : parse(cell);
}

/** Throws when a key was seen before; remembers it otherwise. */
function checkUnique(seen: Map<string, number>, key: string, label: string, file: string, line: number): void {
  const first = seen.get(key);
  if (first !== undefined) {
    throw new MboImportError({ file, line, reason: `dubbele ${label}: staat ook op regel ${first}` });
  }
  seen.set(key, line);
}

const NO_DATES: Geldigheid = { geldigVanaf: null, eindeInstroom: null, eindeOpleiding: null };

// ---------------------------------------------------------------------------
// Per kind

function buildTable(kind: TableKind, rows: readonly DataRow[], file: string, options: ParseTableOptions): ParsedTable {
  const base: TableBase = { bestand: file, aantalRegels: rows.length };
  switch (kind) {
    case 'kwalificaties':
      return { ...base, kind, ...buildKwalificaties(rows, file) };
    case 'kerntaken-werkprocessen':
      return { ...base, kind, perKwalificatie: buildKerntaken(rows, file, options.werkprocesZonderKerntaak ?? 'fout') };
    case 'keuzedelen':
      return { ...base, kind, keuzedelen: buildKeuzedelen(rows, file) };
    case 'keuzedeel-aanbod':
      return { ...base, kind, aanbod: buildAanbod(rows, file) };
    case 'keuzedeel-koppelingen':
      return { ...base, kind, koppelingen: buildKoppelingen(rows, file) };
  }
}

// kwalificaties --------------------------------------------------------------

function parseKwalificatieRow(row: Row, bron: Bron): { kwalificatie: Kwalificatie; dossierTitel: string } {
  const crebo = parseCrebo(required(row, 'crebo'));
  const niveau = parseNiveau(required(row, 'niveau'));
  const soort = parseSoortOpleiding(required(row, 'soort'));
  checkSoortBijNiveau(soort, niveau);
  const dossierCrebo = parseCrebo(required(row, 'dossier_crebo'), 'dossier_crebo');
  if (dossierCrebo === crebo) throw new ValueError(`dossier_crebo ${dossierCrebo} is gelijk aan de crebo van de kwalificatie`);
  const kwalificatie: Kwalificatie = {
    crebo,
    naam: normalizeTitle(required(row, 'naam')),
    niveau,
    soort,
    leerwegen: optional(row, 'leerwegen', parseLeerwegen),
    dossierCrebo,
    opleidingsdomein: optional(row, 'opleidingsdomein', normalizeTitle),
    sectorkamer: optional(row, 'sectorkamer', normalizeTitle),
    geldigheid: NO_DATES,
    profielCode: null,
    studiebelastingSbu: null,
    bron,
  };
  return { kwalificatie, dossierTitel: normalizeTitle(required(row, 'dossier_naam')) };
}

interface DossierAccumulator {
  dossier: Kwalificatiedossier;
  naamRegel: number;
  domeinRegel: number | null;
  sectorkamers: Set<string>;
}

function buildKwalificaties(rows: readonly DataRow[], file: string): { kwalificaties: Kwalificatie[]; dossiers: Kwalificatiedossier[] } {
  const seen = new Map<string, number>();
  const dossiers = new Map<string, DossierAccumulator>();
  const kwalificaties = rows.map(({ line, cells }) => {
    const { kwalificatie, dossierTitel } = atLine(file, line, () => parseKwalificatieRow(cells, { bestand: file, regel: line }));
    checkUnique(seen, kwalificatie.crebo, `crebo ${kwalificatie.crebo}`, file, line);
    addToDossier(dossiers, kwalificatie, dossierTitel, file, line);
    return kwalificatie;
  });
  return { kwalificaties, dossiers: [...dossiers.values()].map(finishDossier) };
}

function addToDossier(
  dossiers: Map<string, DossierAccumulator>,
  kwalificatie: Kwalificatie,
  titel: string,
  file: string,
  line: number,
): void {
  const { dossierCrebo: crebo, opleidingsdomein: domein, sectorkamer } = kwalificatie;
  const acc = dossiers.get(crebo);
  if (acc === undefined) {
    dossiers.set(crebo, {
      dossier: {
        crebo,
        titel,
        geldigheid: NO_DATES,
        opleidingsdomein: domein === null ? null : { naam: domein, crebo: null, sbbNr: null },
        sectorkamer: null,
        bron: { bestand: file, regel: line },
      },
      naamRegel: line,
      domeinRegel: domein === null ? null : line,
      sectorkamers: new Set(sectorkamer === null ? [] : [sectorkamer]),
    });
    return;
  }
  const fail = (reason: string): never => {
    throw new MboImportError({ file, line, reason });
  };
  if (acc.dossier.titel !== titel) {
    fail(`dossier ${crebo} heeft hier de naam ${quote(titel)}, op regel ${acc.naamRegel} ${quote(acc.dossier.titel)}`);
  }
  const known = acc.dossier.opleidingsdomein;
  if (domein !== null && known !== null && known.naam !== domein) {
    fail(`dossier ${crebo} heeft hier opleidingsdomein ${quote(domein)}, op regel ${acc.domeinRegel} ${quote(known.naam)}`);
  }
  if (domein !== null && known === null) {
    acc.dossier.opleidingsdomein = { naam: domein, crebo: null, sbbNr: null };
    acc.domeinRegel = line;
  }
  if (sectorkamer !== null) acc.sectorkamers.add(sectorkamer);
}

/** The dossier gets a sectorkamer only when all its kwalificaties name the same one. */
function finishDossier(acc: DossierAccumulator): Kwalificatiedossier {
  const [only, ...rest] = [...acc.sectorkamers];
  return { ...acc.dossier, sectorkamer: only !== undefined && rest.length === 0 ? { naam: only, sbbNr: null } : null };
}

// kerntaken-werkprocessen ---------------------------------------------------------

type KerntaakRow = { soort: 'kerntaak'; crebo: string; kerntaak: Kerntaak } | { soort: 'werkproces'; crebo: string; kerntaakCode: string; werkproces: Werkproces };

function parseKerntaakRow(row: Row, bron: Bron): KerntaakRow {
  const crebo = parseCrebo(required(row, 'crebo'));
  const rawCode = required(row, 'code');
  const soort = required(row, 'soort');
  const titel = normalizeTitle(required(row, 'titel'));
  if (soort === 'kerntaak') {
    if (isWerkprocesCode(rawCode)) throw new ValueError(`soort is kerntaak, maar ${quote(rawCode)} is een werkprocescode`);
    const { code } = parseKerntaakCode(rawCode);
    return { soort, crebo, kerntaak: emptyKerntaak(code, titel, bron) };
  }
  if (soort === 'werkproces') {
    if (isKerntaakCode(rawCode)) throw new ValueError(`soort is werkproces, maar ${quote(rawCode)} is een kerntaakcode`);
    const { code, kerntaakCode } = parseWerkprocesCode(rawCode);
    const werkproces: Werkproces = {
      code,
      titel,
      omschrijving: null,
      resultaat: null,
      gedrag: null,
      competenties: null,
      aanvullingenPerProfiel: [],
      bron,
    };
    return { soort, crebo, kerntaakCode, werkproces };
  }
  throw new ValueError(`soort ${quote(soort)} is ongeldig: toegestaan zijn kerntaak en werkproces`);
}

function emptyKerntaak(code: string, titel: string | null, bron: Bron): Kerntaak {
  return {
    code,
    titel,
    complexiteit: null,
    verantwoordelijkheid: null,
    vakkennisEnVaardigheden: null,
    aanvullingenPerProfiel: [],
    werkprocessen: [],
    bron,
  };
}

function buildKerntaken(
  rows: readonly DataRow[],
  file: string,
  orphans: NonNullable<ParseTableOptions['werkprocesZonderKerntaak']>,
): KwalificatieKerntaken[] {
  const seen = new Map<string, number>();
  const parsed = rows.map(({ line, cells }) => {
    const row = atLine(file, line, () => parseKerntaakRow(cells, { bestand: file, regel: line }));
    const code = row.soort === 'kerntaak' ? row.kerntaak.code : row.werkproces.code;
    checkUnique(seen, `${row.crebo} ${code}`, `code ${code} bij crebo ${row.crebo}`, file, line);
    return { line, row };
  });

  const perCrebo = new Map<string, Map<string, Kerntaak>>();
  const kerntakenOf = (crebo: string): Map<string, Kerntaak> => {
    const existing = perCrebo.get(crebo);
    if (existing !== undefined) return existing;
    const created = new Map<string, Kerntaak>();
    perCrebo.set(crebo, created);
    return created;
  };
  // Kerntaken first (they may come after their werkprocessen), keeping the crebo order of the file.
  for (const { row } of parsed) {
    const kerntaken = kerntakenOf(row.crebo);
    if (row.soort === 'kerntaak') kerntaken.set(row.kerntaak.code, row.kerntaak);
  }
  for (const { line, row } of parsed) {
    if (row.soort !== 'werkproces') continue;
    const kerntaken = kerntakenOf(row.crebo);
    let kerntaak = kerntaken.get(row.kerntaakCode);
    if (kerntaak === undefined) {
      if (orphans === 'fout') {
        throw new MboImportError({
          file,
          line,
          reason: `werkproces ${row.werkproces.code} hoort bij kerntaak ${row.kerntaakCode}, maar die kerntaak staat niet bij crebo ${row.crebo}`,
        });
      }
      kerntaak = emptyKerntaak(row.kerntaakCode, null, { bestand: file, regel: line });
      kerntaken.set(kerntaak.code, kerntaak);
    }
    kerntaak.werkprocessen.push(row.werkproces);
  }
  return [...perCrebo].map(([crebo, kerntaken]) => ({ crebo, kerntaken: sortKerntaken([...kerntaken.values()]) }));
}

/** Canonical order: basisdeel before profieldelen, then by number (B1-K1, B1-K2, P1-K1, P2-K1, ...). */
function sortKerntaken(kerntaken: Kerntaak[]): Kerntaak[] {
  const key = (code: string): number[] => {
    const { deel, kerntaakNr } = parseKerntaakCode(code);
    return [deel.startsWith('B') ? 0 : 1, Number(deel.slice(1)), kerntaakNr];
  };
  const compare = (a: number[], b: number[]): number => a.reduce((acc, x, i) => acc || x - (b[i] ?? 0), 0);
  for (const kerntaak of kerntaken) {
    kerntaak.werkprocessen.sort((a, b) => parseWerkprocesCode(a.code).werkprocesNr - parseWerkprocesCode(b.code).werkprocesNr);
  }
  return kerntaken.sort((a, b) => compare(key(a.code), key(b.code)));
}

// keuzedelen ----------------------------------------------------------------

function parseKeuzedeelRow(row: Row, bron: Bron): Keuzedeel {
  return {
    code: parseKeuzedeelCode(required(row, 'code')),
    titel: normalizeTitle(required(row, 'titel')),
    sbu: optional(row, 'sbu', parseKeuzedeelSbu),
    niveau: optional(row, 'niveau', parseNiveau),
    omschrijving: normalizeText(value(row, 'omschrijving')),
    werkprocessen: null,
    kennisEnVaardigheden: null,
    bron,
  };
}

function buildKeuzedelen(rows: readonly DataRow[], file: string): Keuzedeel[] {
  const seen = new Map<string, number>();
  return rows.map(({ line, cells }) => {
    const keuzedeel = atLine(file, line, () => parseKeuzedeelRow(cells, { bestand: file, regel: line }));
    checkUnique(seen, keuzedeel.code, `keuzedeelcode ${keuzedeel.code}`, file, line);
    return keuzedeel;
  });
}

// keuzedeel-aanbod -----------------------------------------------------------

function parseInstellingen(raw: string): string[] {
  return [...new Set(raw.split(/[\s,;]+/).filter((name) => name !== ''))];
}

function parseAanbodRow(row: Row, bron: Bron): KeuzedeelAanbod {
  return {
    crebo: parseCrebo(required(row, 'crebo')),
    keuzedeelCode: parseKeuzedeelCode(required(row, 'keuzedeel')),
    instellingen: optional(row, 'instellingen', parseInstellingen),
    bron,
  };
}

function buildAanbod(rows: readonly DataRow[], file: string): KeuzedeelAanbod[] {
  const seen = new Map<string, number>();
  return rows.map(({ line, cells }) => {
    const aanbod = atLine(file, line, () => parseAanbodRow(cells, { bestand: file, regel: line }));
    checkUnique(seen, `${aanbod.crebo} ${aanbod.keuzedeelCode}`, `combinatie crebo ${aanbod.crebo} en keuzedeel ${aanbod.keuzedeelCode}`, file, line);
    return aanbod;
  });
}

// keuzedeel-koppelingen -----------------------------------------------------

function parseKoppelingRow(row: Row, bron: Bron): KeuzedeelKoppeling {
  const crebo = parseCrebo(required(row, 'crebo'));
  const keuzedeelCode = parseKeuzedeelCode(required(row, 'keuzedeel'));
  const geldigVanaf = optional(row, 'geldig_vanaf', (raw) => parseIsoDate(raw, 'geldig_vanaf'));
  const geldigTot = optional(row, 'geldig_tot', (raw) => parseIsoDate(raw, 'geldig_tot'));
  // ISO dates compare as strings.
  if (geldigVanaf !== null && geldigTot !== null && geldigTot < geldigVanaf) {
    throw new ValueError(`geldig_tot ${geldigTot} ligt vóór geldig_vanaf ${geldigVanaf}`);
  }
  return { crebo, keuzedeelCode, geldigVanaf, geldigTot, bron };
}

function buildKoppelingen(rows: readonly DataRow[], file: string): KeuzedeelKoppeling[] {
  const seen = new Map<string, number>();
  return rows.map(({ line, cells }) => {
    const koppeling = atLine(file, line, () => parseKoppelingRow(cells, { bestand: file, regel: line }));
    checkUnique(
      seen,
      `${koppeling.crebo} ${koppeling.keuzedeelCode}`,
      `combinatie crebo ${koppeling.crebo} en keuzedeel ${koppeling.keuzedeelCode}`,
      file,
      line,
    );
    return koppeling;
  });
}
