/**
 * Import of one mbo table (CSV or XLSX): kwalificaties, kerntaken-werkprocessen, keuzedelen,
 * keuzedeel-aanbod or keuzedeel-koppelingen, detected from the header unless given. One bad row rejects the whole
 * file. The import replaces what an earlier import of the same kind of table stored.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { TableRecords } from '../../../domain/mbo/catalog-records.js';
import { TABLE_KINDS, type TableKind } from '../../../domain/mbo/columns.js';
import type { Tekencodering } from '../../../domain/mbo/csv.js';
import { TableLimitError } from '../../../domain/mbo/xlsx.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { runInWorker } from '../../workers/pool.js';
import { checksumOf, toImportError, writeMboImport, type MboImportReport, type WriteMboImportInput } from './mbo-import-common.js';

export interface ImportMboTabelOptions {
  db: Kysely<DB>;
  /** A .csv or .xlsx file. */
  file: string;
  /** Default: detected from the header. */
  kind?: TableKind;
  release?: string;
  dryRun?: boolean;
  isDemo?: boolean;
  /** Character encoding of a CSV file (default UTF-8, which must then be valid); XLSX files ignore it. */
  encoding?: Tekencodering;
  /** The site's address, for the link in the impact mails (issue 16). */
  publicUrl?: string;
}

export function isTableKind(value: string): value is TableKind {
  return (TABLE_KINDS as readonly string[]).includes(value);
}

/**
 * Every table (.csv, .xlsx) of one folder, not its subfolders: the national tables come as a folder. All files are
 * read and parsed first (parsing is what refuses a table), so that nothing is written when one of them is refused (the
 * error names that file); then each is written as it would be on its own (its own release and transaction), the
 * kwalificaties first and the others in name order. The kind of each table is read from its header. Answers one
 * report per file.
 */
export async function importMboTabellen(opts: Omit<ImportMboTabelOptions, 'file' | 'kind'> & { folder: string }): Promise<MboImportReport[]> {
  const folder = path.resolve(opts.folder);
  const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => {
    throw new AppError('import_invalid', `Map niet gevonden: ${folder}`, { file: folder });
  });
  const files = entries
    .filter((e) => e.isFile() && ['.csv', '.xlsx'].includes(path.extname(e.name).toLowerCase()))
    .map((e) => e.name)
    .sort((a, b) => Number(!a.startsWith('kwalificaties')) - Number(!b.startsWith('kwalificaties')) || a.localeCompare(b));
  if (files.length === 0) throw new AppError('import_invalid', `${path.basename(folder)}: de map bevat geen .csv- of .xlsx-bestanden.`, { file: folder });
  const { folder: _folder, ...rest } = opts;
  const parsed: WriteMboImportInput[] = [];
  for (const name of files) parsed.push(await parseMboTabel({ ...rest, ...(await readTabel(path.join(folder, name))) }));
  const reports: MboImportReport[] = [];
  for (const input of parsed) reports.push(await writeMboImport({ ...input, started: Date.now() }));
  return reports;
}

/** The file's name, content and absolute location; an unsupported extension or a missing file is refused. */
async function readTabel(file: string): Promise<{ name: string; content: Buffer; location: string }> {
  const location = path.resolve(file);
  const name = path.basename(location);
  const extension = path.extname(name).toLowerCase();
  if (extension !== '.csv' && extension !== '.xlsx') {
    throw new AppError('import_invalid', `${name}: alleen .csv- en .xlsx-bestanden worden ondersteund.`, { file: location });
  }
  const content = await fs.readFile(location).catch(() => {
    throw new AppError('import_invalid', `Bestand niet gevonden: ${location}`, { file: location });
  });
  return { name, content, location };
}

export async function importMboTabel(opts: ImportMboTabelOptions): Promise<MboImportReport> {
  const started = Date.now();
  return importMboTabelContent({ ...opts, ...(await readTabel(opts.file)), started });
}

/**
 * The same import from the file's content (a web upload): `name` ends in .csv or .xlsx and names the file
 * in messages; `location` is what the report says it came from.
 */
export async function importMboTabelContent(opts: TabelContent): Promise<MboImportReport> {
  return writeMboImport(await parseMboTabel(opts));
}

type TabelContent = Omit<ImportMboTabelOptions, 'file'> & { name: string; content: Buffer; location: string; started?: number };

/** Parses a table (refusing it with file and line when a row is bad) into what `writeMboImport` writes. */
async function parseMboTabel(opts: TabelContent): Promise<WriteMboImportInput> {
  const started = opts.started ?? Date.now();
  const { name, content, location } = opts;
  const extension = path.extname(name).toLowerCase();
  if (extension !== '.csv' && extension !== '.xlsx') {
    throw new AppError('import_invalid', `${name}: alleen .csv- en .xlsx-bestanden worden ondersteund.`, { file: location });
  }
  // Parsing is CPU work on input from outside: in a worker thread, within the table bounds (workers/tasks.ts).
  let result: TableRecords;
  try {
    ({ result } = await runInWorker('mboTable', { name, content, extension, ...(opts.kind ? { kind: opts.kind } : {}), ...(opts.encoding ? { encoding: opts.encoding } : {}) }));
  } catch (err) {
    // A zip that unpacks beyond the bound is too large (413); too many rows, columns or cells is a refused table (422).
    if (err instanceof TableLimitError && err.limit === 'unpacked') throw new AppError('payload_too_large', err.message, { file: location });
    toImportError(err, location);
  }
  const warnings =
    result.derivedKerntaken > 0
      ? [`${result.derivedKerntaken} kerntaken hebben geen eigen regel in ${name}; ze zijn afgeleid uit de code van hun werkprocessen en hebben geen titel.`]
      : [];
  return {
    db: opts.db,
    isDemo: opts.isDemo,
    started,
    source: result.source,
    scopes: new Set([result.scope]),
    records: result.records,
    location,
    files: [name],
    release: opts.release,
    checksum: checksumOf([{ name, content }]),
    derivedKerntaken: result.derivedKerntaken,
    warnings,
    dryRun: opts.dryRun ?? false,
    publicUrl: opts.publicUrl,
  };
}
