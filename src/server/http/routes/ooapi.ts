/**
 * Thin routes of the OOAPI v5 view of the joint exam's results (issue 14, NED-OOAPI profile shape): one association,
 * and the associations of an offering (the exam). Session auth like the rest of the API; mbo staff of the exam.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { Problem } from '../../../shared/catalog-api.js';
import { AssociationParams, OfferingAssociationsQuery, OfferingParams, OoapiAssociation, OoapiAssociationPage } from '../../../shared/ooapi-api.js';
import type { DB } from '../../db/schema.js';
import { getAssociation, listAssociations } from '../../use-cases/beoordelingen/ooapi.js';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

export function ooapiRoutes(db: Kysely<DB>): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['ooapi'];
    app.get(
      '/ooapi/v5/associations/:associationId',
      { schema: { tags, summary: 'Eén resultaat als OOAPI v5-association (NED-OOAPI-profiel): keuzedeelcode, final na vaststelling, beoordelingsformulier', params: AssociationParams, response: { 200: OoapiAssociation, ...errors } } },
      (req) => getAssociation({ db, auth: req.auth, associationId: req.params.associationId }),
    );
    app.get(
      '/ooapi/v5/offerings/:examenId/associations',
      { schema: { tags, summary: 'Alle resultaten van een examen (offering) als OOAPI v5-associations, per pagina', params: OfferingParams, querystring: OfferingAssociationsQuery, response: { 200: OoapiAssociationPage, ...errors } } },
      (req) => listAssociations({ db, auth: req.auth, examenId: req.params.examenId, pageSize: req.query.pageSize, pageNumber: req.query.pageNumber }),
    );
  };
}
