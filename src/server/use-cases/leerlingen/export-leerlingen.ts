/**
 * The pupil list of a cohort as CSV (semicolon, UTF-8 with BOM, as Dutch Excel opens it). An export of pupils' data
 * is recorded in the audit log (leerlingen.geexporteerd), like every read of the list. Names come from imports and
 * forms: a cell that would be a formula in a spreadsheet program gets a leading apostrophe.
 */
import { formatCsvLine } from '../../../domain/mbo/csv.js';
import { LEERLING_VELD_NAMEN, LEERLING_VELDEN } from '../../../shared/leerlingen-api.js';
import type { UseCaseContext } from '../../access/context.js';
import { openCohort, COHORT_NOT_FOUND } from '../../access/examen.js';
import { notFound } from '../../errors.js';
import { geenFormule } from '../../exports/csv-cell.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import * as repo from '../../repositories/leerling-repository.js';
import type { ExportFile } from '../inventory/export-inventory.js';

const bestandsdeel = (s: string) => s.normalize('NFKD').replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'groep';

export async function exportLeerlingen(opts: UseCaseContext & { cohortId: string }): Promise<ExportFile> {
  const { auth, cohort } = await openCohort({ db: opts.db, auth: opts.auth, cohortId: opts.cohortId, action: 'leerlingen.read' });
  const c = await repo.findCohort(opts.db, cohort.id);
  if (!c) throw notFound(COHORT_NOT_FOUND);
  const leerlingen = await repo.listLeerlingen(opts.db, c.id);
  await appendAudit(opts.db, {
    actorUserId: auth.user.id,
    organisationId: c.organisationId,
    action: 'leerlingen.geexporteerd',
    subjectType: 'cohort',
    subjectId: c.id,
    details: { cohort: c.naam, aantal: leerlingen.length },
  });
  const regels = [
    formatCsvLine(LEERLING_VELDEN.map((v) => LEERLING_VELD_NAMEN[v]), ';'),
    ...leerlingen.map((l) => formatCsvLine(LEERLING_VELDEN.map((v) => geenFormule(String(l[v] ?? ''))), ';')),
  ];
  return { fileName: `leerlingen-${bestandsdeel(c.naam)}-${c.schooljaar}.csv`, contentType: 'text/csv; charset=utf-8', body: `\uFEFF${regels.join('\r\n')}\r\n` };
}
