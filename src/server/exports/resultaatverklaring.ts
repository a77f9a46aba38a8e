/**
 * The result statement (issue 14) as an accessible PDF: the shared document model (src/domain/examen/verklaring.ts)
 * rendered by the tagged PDF renderer in the worker pool, like the other exports.
 */
import type { ExportDocument } from '../../domain/exports/document-model.js';
import { runInWorker } from '../workers/pool.js';

export async function renderResultaatverklaring(document: ExportDocument): Promise<Buffer> {
  return runInWorker('pdf', { document });
}
