/**
 * The write half shared by the mbo importers: diff against what the same source stored
 * before, then one transaction under the catalogue import lock. Nothing to change → nothing written.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { countMboByKind, diffMboRecords, type MboRecord, type MboRecordKind } from '../../../domain/mbo/catalog-records.js';
import { MboImportError } from '../../../domain/mbo/errors.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { insertRelease, latestReleaseInDb, lockCatalogueImports, updateReleaseReport } from '../../repositories/vmbo-catalog-repository.js';
import { invalidateSnapshot } from '../../read-models/catalogue-snapshot.js';
import * as repo from '../../repositories/mbo-catalog-repository.js';
import { retireDemoAccounts, retiredWarning } from '../../demo/demo-accounts.js';
import { mboChanges, mboImpactBefore, recordImpact, type ImpactReport } from '../impact/record-impact.js';

export interface MboImportReport {
  /** 'sbb-xml' or 'mbo-tabel:<kind>'. */
  source: string;
  location: string;
  files: string[];
  release: string;
  checksum: string;
  status: 'geimporteerd' | 'ongewijzigd' | 'proefimport';
  releaseId: number | null;
  /** Rows in the import, per kind. */
  counts: Record<MboRecordKind, number>;
  added: Record<MboRecordKind, number>;
  changed: Record<MboRecordKind, number>;
  vervallen: Record<MboRecordKind, number>;
  unchanged: number;
  /** Kerntaken added with titel null because werkprocessen named them without a row of their own. */
  derivedKerntaken: number;
  warnings: string[];
  /** Issue 16: what the changes touch in the work of samenwerkingen (counts only). Absent without changes. */
  impact?: ImpactReport;
  durationMs: number;
}

/** sha256 over the file names and contents, in the given order. */
export function checksumOf(files: ReadonlyArray<{ name: string; content: Buffer | string }>): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(f.name).update('\0').update(f.content).update('\0');
  return hash.digest('hex');
}

export function toImportError(err: unknown, location: string): never {
  if (err instanceof MboImportError) {
    throw new AppError('import_invalid', err.message, { file: location, item: err.location ?? undefined });
  }
  throw err;
}

export interface WriteMboImportInput {
  db: Kysely<DB>;
  started: number;
  source: string;
  scopes: ReadonlySet<string>;
  records: readonly MboRecord[];
  location: string;
  files: string[];
  release: string | undefined;
  checksum: string;
  derivedKerntaken: number;
  warnings: string[];
  dryRun: boolean;
  /** The built-in demo data: replaced as a whole (not marked vervallen) by the first real import of the same source. */
  isDemo?: boolean;
  /** The site's address, for the link in the impact mails (issue 16). */
  publicUrl?: string;
}

export async function writeMboImport(input: WriteMboImportInput): Promise<MboImportReport> {
  const release = input.release?.trim() || `ongelabeld (${input.checksum.slice(0, 8)})`;
  const result = await input.db.transaction().execute(async (trx) => {
    // The same lock as the SLO import: one catalogue import at a time.
    await lockCatalogueImports(trx);
    const current = await latestReleaseInDb(trx, input.source);
    const replacingDemo = !input.isDemo && current?.is_demo === true;
    const stored = replacingDemo ? [] : await repo.loadMboStates(trx, input.source);
    const diff = diffMboRecords(stored, input.records, input.scopes);
    const report: MboImportReport = {
      source: input.source,
      location: input.location,
      files: input.files,
      release,
      checksum: input.checksum,
      status: 'ongewijzigd',
      releaseId: null,
      counts: countMboByKind(input.records),
      added: countMboByKind(diff.added),
      changed: countMboByKind(diff.changed),
      vervallen: countMboByKind(diff.vervallen),
      unchanged: diff.unchanged.length,
      derivedKerntaken: input.derivedKerntaken,
      warnings: input.warnings,
      durationMs: 0,
    };
    const nothingToDo = diff.added.length === 0 && diff.changed.length === 0 && diff.vervallen.length === 0 && !replacingDemo;
    if (input.dryRun || nothingToDo) {
      report.status = input.dryRun ? 'proefimport' : 'ongewijzigd';
      report.durationMs = Date.now() - input.started;
      return report;
    }
    if (replacingDemo) await repo.deleteDemoRows(trx, input.source);
    const releaseId = await insertRelease(trx, { source: input.source, release, location: input.location, checksum: input.checksum, isDemo: input.isDemo ?? false, report });
    // Real data from now on: demo accounts with the public password lose their sign-in and platform right, together with this release.
    if (!input.isDemo) report.warnings = [...report.warnings, ...retiredWarning(await retireDemoAccounts(trx))];
    // Issue 16: the old texts of what changes, read before the writes; the impact after them, in this transaction.
    const impactBefore = replacingDemo ? null : await mboImpactBefore(trx, diff);
    await repo.insertMboRecords(trx, input.source, diff.added, releaseId);
    await repo.updateMboRecords(trx, input.source, diff.changed, releaseId);
    await repo.touchMboRecords(trx, input.source, diff.unchanged, releaseId);
    await repo.markMboVervallen(trx, input.source, diff.vervallen, releaseId);
    if (impactBefore) {
      report.impact = await recordImpact(trx, {
        releaseId, release, bron: input.source === 'sbb-xml' ? 'de SBB-kwalificatiedossiers' : 'de mbo-tabellen', publicUrl: input.publicUrl,
        changes: await mboChanges(trx, diff, impactBefore, stored.length > 0),
      });
    }
    report.status = 'geimporteerd';
    report.releaseId = releaseId;
    report.durationMs = Date.now() - input.started;
    await updateReleaseReport(trx, releaseId, report);
    return report;
  });
  if (result.status === 'geimporteerd') invalidateSnapshot(input.db);
  return result;
}
