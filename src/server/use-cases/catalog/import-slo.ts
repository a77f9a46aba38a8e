/**
 * Import of the SLO vmbo dataset: read, validate everything, then write in one
 * transaction. A second run of the same data changes nothing.
 */
import type { Kysely } from 'kysely';
import { countByKind, diffCatalog } from '../../../domain/vmbo/catalog-diff.js';
import { parseSloDataset, SloDatasetError, type DuplicateCode, type VmboKind } from '../../../domain/vmbo/slo-dataset.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import * as repo from '../../repositories/vmbo-catalog-repository.js';
import { invalidateSnapshot } from '../../read-models/catalogue-snapshot.js';
import { readSloSource } from '../../sources/slo-source.js';
import { retireDemoAccounts, retiredWarning } from '../../demo/demo-accounts.js';
import { recordImpact, sloChanges, sloImpactBefore, type ImpactReport } from '../impact/record-impact.js';

export interface SloImportReport {
  source: string;
  location: string;
  release: string;
  checksum: string;
  status: 'geimporteerd' | 'ongewijzigd' | 'proefimport';
  releaseId: number | null;
  /** Items in the dataset, per kind. */
  counts: Record<VmboKind, number>;
  added: Record<VmboKind, number>;
  changed: Record<VmboKind, number>;
  vervallen: Record<VmboKind, number>;
  unchanged: number;
  duplicates: DuplicateCode[];
  warnings: string[];
  demoReplaced: boolean;
  /** Issue 16: what the changes touch in the work of samenwerkingen (counts only). Absent without changes. */
  impact?: ImpactReport;
  durationMs: number;
}

export interface ImportSloOptions {
  db: Kysely<DB>;
  /** Folder or HTTP(S) base URL. */
  location: string;
  /** Release label, e.g. "2025-11". */
  release?: string;
  isDemo?: boolean;
  /** Report what would change; write nothing. */
  dryRun?: boolean;
  /** The site's address, for the link in the impact mails (issue 16). */
  publicUrl?: string;
}

export async function importSlo(opts: ImportSloOptions): Promise<SloImportReport> {
  const started = Date.now();
  const source = await readSloSource(opts.location);
  let dataset;
  try {
    dataset = parseSloDataset(source.files);
  } catch (err) {
    if (err instanceof SloDatasetError) throw new AppError('import_invalid', err.message, { file: err.file, item: err.item });
    throw err;
  }
  const release = opts.release?.trim() || `ongelabeld (${source.checksum.slice(0, 8)})`;
  const isDemo = opts.isDemo ?? false;

  const result = await opts.db.transaction().execute(async (trx) => {
    await repo.lockCatalogueImports(trx);
    const current = await repo.latestReleaseInDb(trx);
    const replacingDemo = !isDemo && current?.is_demo === true;
    const stored = replacingDemo ? [] : await repo.loadItemStates(trx);
    const diff = diffCatalog(stored, dataset.items);
    const report: SloImportReport = {
      source: 'SLO examenprogramma beroepsgericht',
      location: source.location,
      release,
      checksum: source.checksum,
      status: 'ongewijzigd',
      releaseId: null,
      counts: countByKind(dataset.items),
      added: countByKind(diff.added),
      changed: countByKind(diff.changed),
      vervallen: countByKind(diff.vervallen),
      unchanged: diff.unchanged.length,
      duplicates: dataset.duplicates,
      warnings: dataset.warnings,
      demoReplaced: replacingDemo,
      durationMs: 0,
    };
    const nothingToDo = diff.added.length === 0 && diff.changed.length === 0 && diff.vervallen.length === 0 && !replacingDemo;
    if (opts.dryRun || nothingToDo) {
      report.status = opts.dryRun ? 'proefimport' : 'ongewijzigd';
      report.durationMs = Date.now() - started;
      return report;
    }
    if (replacingDemo) await repo.deleteDemoCatalogue(trx);
    const releaseId = await repo.insertRelease(trx, {
      source: repo.SLO_SOURCE,
      release,
      location: source.location,
      checksum: source.checksum,
      isDemo,
      report,
    });
    // Real data from now on: demo accounts with the public password lose their sign-in and platform right, together with this release.
    if (!isDemo) report.warnings = [...report.warnings, ...retiredWarning(await retireDemoAccounts(trx))];
    // Issue 16: the old texts of what changes, read before the writes; the impact after them, in this transaction.
    const impactBefore = replacingDemo ? null : await sloImpactBefore(trx, diff);
    await repo.insertItems(trx, diff.added, releaseId);
    await repo.updateChangedItems(trx, diff.changed, releaseId);
    await repo.touchUnchangedItems(trx, diff.unchanged.map((i) => i.id), releaseId);
    await repo.markVervallen(trx, diff.vervallen, releaseId);
    if (impactBefore) {
      report.impact = await recordImpact(trx, {
        releaseId, release, bron: 'het SLO-examenprogramma', publicUrl: opts.publicUrl,
        changes: sloChanges(diff, dataset.items, impactBefore, stored.length > 0),
      });
    }
    report.status = 'geimporteerd';
    report.releaseId = releaseId;
    report.durationMs = Date.now() - started;
    await repo.updateReleaseReport(trx, releaseId, report);
    return report;
  });
  if (result.status === 'geimporteerd') invalidateSnapshot(opts.db);
  return result;
}
