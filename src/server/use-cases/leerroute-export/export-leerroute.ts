/**
 * Exports of a leerroute (issue 6): the PTA of one keuzevak or profielmodule (XLSX, accessible PDF) and the whole
 * route as a document to discuss and sign (DOCX, accessible PDF). Read access as for the route itself (getRoute:
 * partnership.read via the route's samenwerking, 404 for anyone else); an unknown vak is a 400. The document model is
 * built here; the files are rendered in the worker pool (workers/pool.ts), so other requests are not held up.
 */
import { bestandsnaam } from '../../../domain/exports/document-model.js';
import { buildPta, ptaDocument, ptaVakken, vindPtaVak } from '../../../domain/exports/pta.js';
import { routeDocument } from '../../../domain/exports/route-document.js';
import { validationFailed } from '../../errors.js';
import { runInWorker } from '../../workers/pool.js';
import type { UseCaseContext } from '../../access/context.js';
import type { ExportFile } from '../inventory/export-inventory.js';
import { getRoute } from '../leerroutes/get-route.js';

export const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

export async function exportPta(opts: UseCaseContext & { routeId: string; vak: string; formaat: 'xlsx' | 'pdf' }): Promise<ExportFile> {
  const route = await getRoute(opts);
  const vak = vindPtaVak(route, opts.vak);
  if (!vak) {
    const codes = ptaVakken(route).map((v) => v.code);
    throw validationFailed(
      codes.length
        ? `Deze leerroute heeft geen keuzevak of profielmodule ${opts.vak}. Kies uit: ${codes.join(', ')}.`
        : 'Deze leerroute heeft nog geen keuzevakken of profielmodulen, dus ook geen PTA.',
      [{ path: 'vak', message: 'onbekend vak in deze leerroute' }],
    );
  }
  const pta = buildPta(route, vak);
  const fileName = `pta-${bestandsnaam(route.naam)}-${bestandsnaam(vak.code)}.${opts.formaat}`;
  // Rendering is CPU work (a PDF of a large route takes seconds): in a worker thread, off the event loop.
  const body = opts.formaat === 'xlsx' ? await runInWorker('ptaXlsx', { pta }) : await runInWorker('pdf', { document: ptaDocument(pta) });
  return { fileName, contentType: CONTENT_TYPES[opts.formaat], body };
}

export async function exportRouteDocument(opts: UseCaseContext & { routeId: string; formaat: 'docx' | 'pdf' }): Promise<ExportFile> {
  const route = await getRoute(opts);
  const document = routeDocument(route);
  const body = await runInWorker(opts.formaat, { document });
  return { fileName: `leerroute-${bestandsnaam(route.naam)}.${opts.formaat}`, contentType: CONTENT_TYPES[opts.formaat], body };
}
