/**
 * The pupil downloads their whole dossier (issue 15): JSON (the dossier as the API gives it, with a note on what it
 * is) or an accessible PDF (the document model of src/domain/lob/document.ts, rendered by src/server/exports/pdf.ts
 * in the worker pool). Only the pupil; the download is in the audit log.
 */
import { dossierDocument } from '../../../domain/lob/document.js';
import { bestandsnaam } from '../../../domain/exports/document-model.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import { runInWorker } from '../../workers/pool.js';
import type { UseCaseContext } from '../../access/context.js';
import type { ExportFile } from '../inventory/export-inventory.js';
import { openEigenDossier } from './access.js';
import { buildDossier } from './dossier.js';

export async function exportMijnDossier(opts: UseCaseContext & { formaat: 'json' | 'pdf' }): Promise<ExportFile> {
  const { auth, eigenaar } = await openEigenDossier(opts);
  const now = new Date();
  const dossier = await buildDossier(opts.db, eigenaar, { metDeellinks: true, now });
  await appendAudit(opts.db, { actorUserId: auth.user.id, organisationId: eigenaar.organisationId, action: 'lob.dossier.gedownload', subjectType: 'user', subjectId: auth.user.id, details: { formaat: opts.formaat } });
  const naam = `loopbaandossier-${bestandsnaam(dossier.leerling.naam)}`;
  if (opts.formaat === 'json') {
    const body = Buffer.from(
      JSON.stringify({ soort: 'loopbaandossier', toelichting: 'Je loopbaandossier uit Doorlopend. Het is van jou: jij bepaalt aan wie je het geeft.', gemaakt: now.toISOString(), dossier }, null, 2),
      'utf8',
    );
    return { fileName: `${naam}.json`, contentType: 'application/json; charset=utf-8', body };
  }
  const body = await runInWorker('pdf', { document: dossierDocument(dossier, now.toISOString()) });
  return { fileName: `${naam}.pdf`, contentType: 'application/pdf', body };
}
