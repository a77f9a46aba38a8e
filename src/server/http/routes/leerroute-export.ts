/**
 * Thin routes of the leerroute exports (issue 6): the PTA per keuzevak or profielmodule as XLSX or accessible PDF, and
 * the whole route as a document to sign as DOCX or accessible PDF. Read access as for the route (404 for foreign
 * users); an unknown vak is a 400.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { Problem } from '../../../shared/catalog-api.js';
import { LeerrouteParams } from '../../../shared/leerroute-api.js';
import type { DB } from '../../db/schema.js';
import { DEFAULT_HEAVY_REQUEST_LIMITS, HeavyRequestGate, userOrAddress, type HeavyRequestLimits } from '../load-shedding.js';
import type { ExportFile } from '../../use-cases/inventory/export-inventory.js';
import { exportPta, exportRouteDocument } from '../../use-cases/leerroute-export/export-leerroute.js';

const PtaQuery = z.object({
  vak: z.string({ error: 'kies een keuzevak of profielmodule (vak=K-PIE-16)' }).trim().min(1, 'kies een keuzevak of profielmodule (vak=K-PIE-16)').max(40, 'hooguit 40 tekens'),
});
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 429: Problem, 503: Problem };

function sendFile(reply: FastifyReply, file: ExportFile) {
  // The route's data is private to the samenwerking: never kept in a shared cache.
  return reply.type(file.contentType).header('Cache-Control', 'private, no-store').header('Content-Disposition', `attachment; filename="${file.fileName}"`).send(file.body);
}

/** `exportLimits`: exports per user per minute (429) and in progress at once over these routes (503). */
export function leerrouteExportRoutes(db: Kysely<DB>, opts: { exportLimits?: HeavyRequestLimits } = {}): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['leerroutes'];
    const shed = new HeavyRequestGate(opts.exportLimits ?? DEFAULT_HEAVY_REQUEST_LIMITS, 'exports').hooks(userOrAddress);
    for (const formaat of ['xlsx', 'pdf'] as const) {
      app.get(
        `/leerroutes/:routeId/pta.${formaat}`,
        {
          ...shed,
          schema: {
            tags,
            summary: `Het PTA van één keuzevak of profielmodule van de leerroute als ${formaat === 'xlsx' ? 'XLSX' : 'toegankelijke PDF'}`,
            params: LeerrouteParams,
            querystring: PtaQuery,
            response: errors,
          },
        },
        async (req, reply) => sendFile(reply, await exportPta({ db, auth: req.auth, routeId: req.params.routeId, vak: req.query.vak, formaat })),
      );
    }
    for (const formaat of ['docx', 'pdf'] as const) {
      app.get(
        `/leerroutes/:routeId/document.${formaat}`,
        {
          ...shed,
          schema: {
            tags,
            summary: `De hele leerroute als document om te bespreken en te ondertekenen (${formaat === 'docx' ? 'DOCX' : 'toegankelijke PDF'})`,
            params: LeerrouteParams,
            response: errors,
          },
        },
        async (req, reply) => sendFile(reply, await exportRouteDocument({ db, auth: req.auth, routeId: req.params.routeId, formaat })),
      );
    }
  };
}
