/**
 * Import of SBB kwalificatiedossiers (XML export): one file, or every .xml file in a folder.
 * All files are read and validated before anything is written; an import replaces, per dossier
 * it contains, what an earlier SBB import stored for that dossier (other dossiers stay as they are).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { recordsFromDossiers, SBB_XML_SOURCE } from '../../../domain/mbo/catalog-records.js';
import { decodeTableText } from '../../../domain/mbo/csv.js';
import { parseSbbXml } from '../../../domain/mbo/sbb-xml.js';
import type { ParsedDossier } from '../../../domain/mbo/model.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { checksumOf, toImportError, writeMboImport, type MboImportReport } from './mbo-import-common.js';

export interface ImportSbbXmlOptions {
  db: Kysely<DB>;
  /** An .xml file or a folder with .xml files. */
  location: string;
  release?: string;
  dryRun?: boolean;
  isDemo?: boolean;
  /** The site's address, for the link in the impact mails (issue 16). */
  publicUrl?: string;
}

async function listXmlFiles(location: string): Promise<string[]> {
  const stat = await fs.stat(location).catch(() => null);
  if (stat === null) throw new AppError('import_invalid', `Bestand of map niet gevonden: ${location}`, { file: location });
  if (stat.isFile()) return [location];
  const names = (await fs.readdir(location)).filter((n) => n.toLowerCase().endsWith('.xml')).sort();
  if (names.length === 0) throw new AppError('import_invalid', `De map ${location} bevat geen .xml-bestanden.`, { file: location });
  return names.map((n) => path.join(location, n));
}

export async function importSbbXml(opts: ImportSbbXmlOptions): Promise<MboImportReport> {
  const started = Date.now();
  const location = path.resolve(opts.location);
  const paths = await listXmlFiles(location);
  const files = await Promise.all(paths.map(async (p) => ({ path: p, name: path.basename(p), content: await fs.readFile(p) })));
  const dossiers: ParsedDossier[] = [];
  let records;
  try {
    // Invalid UTF-8 is refused with the line of the first bad byte (never read as replacement characters).
    for (const f of files) dossiers.push(...parseSbbXml(decodeTableText(f.content, f.name), f.name));
    records = recordsFromDossiers(dossiers);
  } catch (err) {
    toImportError(err, location);
  }
  return writeMboImport({
    db: opts.db,
    isDemo: opts.isDemo,
    started,
    source: SBB_XML_SOURCE,
    scopes: new Set(records.scopes),
    records: records.records,
    location,
    files: files.map((f) => f.name),
    release: opts.release,
    checksum: checksumOf(files.map((f) => ({ name: f.name, content: f.content }))),
    derivedKerntaken: 0,
    warnings: [],
    dryRun: opts.dryRun ?? false,
    publicUrl: opts.publicUrl,
  });
}
