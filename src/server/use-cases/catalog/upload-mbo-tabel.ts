/**
 * A platform beheerder uploads one mbo table (CSV or XLSX) into the national catalogue through the web:
 * the same import as `doorlopend import tabel` (validated first, all or nothing, a bad row rejects the
 * file with its line number), dry run by default. The national catalogue belongs to no organisation, so
 * the right is the platform's own (app_user.platform_beheerder), not a role in an organisation. A real
 * import is audited (without organisation) and the in-memory catalogue snapshot is rebuilt by the import.
 */
import type { ImportRapport, TabelUploadQuery } from '../../../shared/account-api.js';
import { AppError } from '../../errors.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import type { UseCaseContext } from '../../access/context.js';
import { authorizeCatalogueUpload } from '../../access/platform.js';
import { importMboTabelContent } from './import-mbo-tabel.js';
import type { MboImportReport } from './mbo-import-common.js';

/**
 * Largest accepted upload (the national kwalificaties table is about 150 kB as CSV). What an XLSX may unpack to, and
 * the rows, columns and cells of any table, are bounded by the reader (TABLE_LIMITS in domain/mbo/xlsx.ts).
 */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export function uploadTooLarge(): AppError {
  return new AppError('payload_too_large', `Het bestand is te groot: hooguit ${MAX_UPLOAD_BYTES / 1024 / 1024} MB per upload.`, {
    errors: [{ path: 'body', message: `hooguit ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` }],
  });
}

const toRapport = (r: MboImportReport, bestand: string): ImportRapport => ({
  bron: r.source,
  bestand,
  release: r.release,
  status: r.status,
  aantallen: r.counts,
  toegevoegd: r.added,
  gewijzigd: r.changed,
  vervallen: r.vervallen,
  ongewijzigd: r.unchanged,
  afgeleideKerntaken: r.derivedKerntaken,
  waarschuwingen: r.warnings,
  ...(r.impact ? { impact: { gewijzigd: r.impact.gewijzigd, items: r.impact.items, samenwerkingen: r.impact.samenwerkingen, gebruik: r.impact.gebruik, mails: r.impact.mails } } : {}),
});

/** @deprecated moved to server/access (issue 11) */
export { authorizeCatalogueUpload } from '../../access/platform.js';

export async function uploadMboTabel(opts: UseCaseContext & { query: TabelUploadQuery; content: Buffer | undefined; publicUrl?: string }): Promise<ImportRapport> {
  const auth = authorizeCatalogueUpload(opts.auth);
  const { query } = opts;
  const content = opts.content;
  if (!content || content.length === 0) {
    throw new AppError('validation_failed', `${query.bestandsnaam} is leeg. Kies een CSV- of XLSX-bestand met een kopregel.`, { errors: [{ path: 'body', message: 'leeg bestand' }] });
  }
  const report = await importMboTabelContent({
    db: opts.db,
    name: query.bestandsnaam,
    content,
    location: `upload:${query.bestandsnaam}`,
    ...(query.soort ? { kind: query.soort } : {}),
    ...(query.release ? { release: query.release } : {}),
    ...(query.encoding ? { encoding: query.encoding } : {}),
    dryRun: query.dryRun,
    ...(opts.publicUrl ? { publicUrl: opts.publicUrl } : {}),
  });
  if (report.status === 'geimporteerd') {
    await appendAudit(opts.db, {
      actorUserId: auth.user.id,
      organisationId: null,
      action: 'catalog.import',
      subjectType: 'source_release',
      subjectId: report.releaseId === null ? null : String(report.releaseId),
      details: { bron: report.source, bestand: query.bestandsnaam, release: report.release },
    });
  }
  return toRapport(report, query.bestandsnaam);
}
