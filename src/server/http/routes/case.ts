/**
 * The CASE 1.1 REST binding (issue 18), outside /api at /ims/case/v1p1 where CASE tools look: CFDocuments,
 * CFDocuments/{id}, CFPackages/{id}, CFItems/{id}, CFAssociations/{id}, CFItemAssociations/{id}. Public like the
 * catalogue (no session is read). Unknown identifiers answer 404 with the binding's imsx_StatusInfo payload, not
 * problem+json. Answers may be cached (public data) and carry an ETag of the catalogue version; packages (up to
 * megabytes) go through a load-shedding gate like the public exports. `GET /ims/case/v1p1/als?soort=&code=` sends a
 * catalogue page's "Als CASE" link on to its package or item.
 */
import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { unknownObject } from '../../../domain/crosswalk/case-framework.js';
import { z } from 'zod';
import { CASE_BASE_PATH, CaseAlsQuery, CaseIdParam, ImportQuery, ImportVoorbeeld, Voorstel, VoorstelBeoordelen } from '../../../shared/case-api.js';
import { Problem } from '../../../shared/catalog-api.js';
import { importCaseCrosswalk, listProposals, reviewProposal } from '../../use-cases/case/import-crosswalk.js';
import { exportCrosswalkXlsx, importCrosswalkXlsx } from '../../use-cases/case/crosswalk-xlsx.js';
import type { DB } from '../../db/schema.js';
import { caseAddressOf, getCaseObject, type CaseOperation } from '../../use-cases/case/case-service.js';
import { DEFAULT_HEAVY_REQUEST_LIMITS, HeavyRequestGate, type HeavyRequestLimits } from '../load-shedding.js';

const CACHE = 'public, max-age=300';

export function caseRoutes(db: Kysely<DB>, opts: { publicUrl: string; exportLimits?: HeavyRequestLimits }): FastifyPluginAsyncZod {
  return async (app) => {
    const baseUrl = `${opts.publicUrl}${CASE_BASE_PATH}`;
    const limits = opts.exportLimits ?? DEFAULT_HEAVY_REQUEST_LIMITS;
    // A package is the heavy answer; the gate allows many more of them than of file exports (they are built once per catalogue version), enough for a CASE tool to crawl every framework.
    const packages = new HeavyRequestGate({ perMinute: Math.max(600, limits.perMinute * 30), concurrent: limits.concurrent * 2 }, 'CASE-pakketten').hooks();

    const answer = async (operation: CaseOperation, req: FastifyRequest, reply: FastifyReply, id?: string) => {
      const found = await getCaseObject({ db, operation, id, baseUrl });
      if (!found) {
        return reply
          .code(404)
          .header('Cache-Control', 'no-store')
          .type('application/json; charset=utf-8')
          .send(unknownObject(`Onbekende identifier ${id ?? ''} (${operation}).`));
      }
      const etag = `"${createHash('sha1').update(`${found.version}|${operation}|${id ?? ''}`).digest('base64url').slice(0, 22)}"`;
      reply.header('ETag', etag).header('Cache-Control', CACHE);
      if (req.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(found.body));
    };

    const tags = ['case'];
    app.get(`${CASE_BASE_PATH}/CFDocuments`, { schema: { tags, summary: 'CASE 1.1: alle raamwerken (CFDocuments) van de landelijke catalogus' } }, (req, reply) =>
      answer('CFDocuments', req, reply),
    );
    const byId = (operation: CaseOperation, summary: string, extra: object = {}) =>
      app.get(`${CASE_BASE_PATH}/${operation}/:id`, { schema: { tags, summary, params: CaseIdParam }, ...extra }, (req, reply) => answer(operation, req, reply, req.params.id));
    byId('CFDocuments', 'CASE 1.1: één raamwerk (CFDocument)');
    byId('CFPackages', 'CASE 1.1: een raamwerk met al zijn items en associaties (CFPackage)', packages);
    byId('CFItems', 'CASE 1.1: één item (CFItem)');
    byId('CFAssociations', 'CASE 1.1: één associatie (CFAssociation)');
    byId('CFItemAssociations', 'CASE 1.1: een item met al zijn associaties');

    // Any other address under the binding (operations not offered, e.g. CFRubrics): the binding's 404, never the front end.
    app.get(`${CASE_BASE_PATH}/*`, { schema: { hide: true } }, (req, reply) =>
      reply.code(404).header('Cache-Control', 'no-store').send(unknownObject(`Onbekend CASE-adres: ${req.url.split('?')[0]}`)),
    );

    app.get(`${CASE_BASE_PATH}/als`, { schema: { tags, summary: 'Het CASE-adres van een catalogusonderdeel (doorverwijzing)', querystring: CaseAlsQuery } }, async (req, reply) => {
      const address = await caseAddressOf({ db, soort: req.query.soort, code: req.query.code });
      if (!address) {
        return reply.code(404).header('Cache-Control', 'no-store').send(unknownObject(`${req.query.soort} ${req.query.code} staat niet in de CASE-raamwerken.`));
      }
      return reply.redirect(address, 302);
    });
  };
}

const PartnershipParams = z.object({ id: z.uuid('onbekende samenwerking') });
const importErrors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 413: Problem, 422: Problem };
/** A CASE package of a whole national framework is a few megabytes; a crosswalk far less. */
const MAX_CASE_IMPORT_BYTES = 20 * 1024 * 1024;

/** Under /api: importing crosswalks into a samenwerking, and reviewing the proposals (partnership.read / .write). */
export function caseImportRoutes(db: Kysely<DB>): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['inventaris'];
    app.post(
      '/partnerships/:id/crosswalk/import/case',
      {
        bodyLimit: MAX_CASE_IMPORT_BYTES,
        schema: {
          tags,
          summary: 'Een CASE 1.1-pakket met koppelingen importeren als voorstellen (dryRun=ja: alleen het voorbeeld)',
          params: PartnershipParams,
          querystring: ImportQuery,
          body: z.unknown(),
          response: { 200: ImportVoorbeeld, ...importErrors },
        },
      },
      (req) => importCaseCrosswalk({ db, auth: req.auth, partnershipId: req.params.id, pakket: req.body, bestand: req.query.bestand, dryRun: req.query.dryRun === 'ja' }),
    );
    const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    app.addContentTypeParser([XLSX, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_CASE_IMPORT_BYTES }, (_req, body, done) => done(null, body));
    app.get(
      '/partnerships/:id/crosswalk/xlsx',
      { schema: { tags, summary: 'De bevestigde koppelingen als XLSX om te bewerken en weer te importeren (stabiele ids, relatie, toelichting)', params: PartnershipParams } },
      async (req, reply) => {
        const file = await exportCrosswalkXlsx({ db, auth: req.auth, partnershipId: req.params.id });
        return reply.type(XLSX).header('Content-Disposition', `attachment; filename="${file.fileName}"`).send(file.body as never);
      },
    );
    app.post(
      '/partnerships/:id/crosswalk/import/xlsx',
      {
        bodyLimit: MAX_CASE_IMPORT_BYTES,
        schema: {
          tags,
          summary: 'Een bewerkte crosswalk-XLSX importeren: nieuw en gewijzigd als voorstellen, verwijderde rijen afgewezen (dryRun=ja: alleen het voorbeeld)',
          params: PartnershipParams,
          querystring: ImportQuery,
          response: { 200: ImportVoorbeeld, ...importErrors },
        },
      },
      (req) => importCrosswalkXlsx({ db, auth: req.auth, partnershipId: req.params.id, file: req.body, bestand: req.query.bestand, dryRun: req.query.dryRun === 'ja' }),
    );
    app.get(
      '/partnerships/:id/crosswalk/voorstellen',
      { schema: { tags, summary: 'Geïmporteerde koppelingen die op beoordeling wachten', params: PartnershipParams, response: { 200: z.array(Voorstel), ...importErrors } } },
      (req) => listProposals({ db, auth: req.auth, partnershipId: req.params.id }),
    );
    app.post(
      '/partnerships/:id/crosswalk/voorstellen',
      { schema: { tags, summary: 'Een geïmporteerde koppeling bevestigen of afwijzen', params: PartnershipParams, body: VoorstelBeoordelen, response: { 200: z.object({ eindtermId: z.string(), werkprocesId: z.string(), status: z.enum(['bevestigd', 'afgewezen']) }), ...importErrors } } },
      (req) => reviewProposal({ db, auth: req.auth, partnershipId: req.params.id, input: req.body }),
    );
  };
}
