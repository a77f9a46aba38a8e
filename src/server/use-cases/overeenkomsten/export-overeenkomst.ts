/**
 * The agreement as DOCX or accessible PDF (issue 13): read access as for the agreement (404 for outsiders); the
 * document model is built here (src/domain/overeenkomst/document.ts) and rendered in the worker pool, like the
 * leerroute exports.
 */
import { bestandsnaam } from '../../../domain/exports/document-model.js';
import { overeenkomstDocument } from '../../../domain/overeenkomst/document.js';
import { runInWorker } from '../../workers/pool.js';
import type { UseCaseContext } from '../../access/context.js';
import type { ExportFile } from '../inventory/export-inventory.js';
import { CONTENT_TYPES } from '../leerroute-export/export-leerroute.js';
import { getOvereenkomst } from './detail.js';

export async function exportOvereenkomst(opts: UseCaseContext & { id: string; formaat: 'docx' | 'pdf' }): Promise<ExportFile> {
  const o = await getOvereenkomst(opts);
  const body = await runInWorker(opts.formaat, { document: overeenkomstDocument(o) });
  return { fileName: `overeenkomst-${bestandsnaam(o.titel)}-versie-${o.documentversie}.${opts.formaat}`, contentType: CONTENT_TYPES[opts.formaat], body };
}
