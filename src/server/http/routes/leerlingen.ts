/**
 * Thin routes of pupils and cohorts (issue 14): cohorts of a leerroute, a cohort with its pupils, pupils by hand, the
 * import of a Magister/Somtoday export (the file itself as the body, as the catalogue upload), the list as CSV, and an
 * invitation to a pupil's own account. Pupil data is for the vmbo school's staff with a role that needs it; a third
 * school, pupils and the mbo partner get 404 on a cohort, an ontwikkelaar 403.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { Problem } from '../../../shared/catalog-api.js';
import { LeerrouteParams } from '../../../shared/leerroute-api.js';
import {
  CohortAanmaken, CohortDetail, CohortLijst, CohortParams, CohortWijzigen, LeerlingImportQuery, LeerlingImportRapport, LeerlingInvoer, LeerlingParams, LeerlingUitnodigen,
  LeerlingUitnodiging, LeerlingWijzigen,
} from '../../../shared/leerlingen-api.js';
import type { DB } from '../../db/schema.js';
import type { MailQueue } from '../../mail/mailer.js';
import { openCohort } from '../../access/examen.js';
import { changeCohort, createCohort, getCohort, listCohorten } from '../../use-cases/leerlingen/cohorten.js';
import { exportLeerlingen } from '../../use-cases/leerlingen/export-leerlingen.js';
import { importLeerlingen, leerlingbestandTeGroot, MAX_LEERLINGBESTAND_BYTES } from '../../use-cases/leerlingen/import-leerlingen.js';
import { addLeerling, changeLeerling, inviteLeerling, removeLeerling } from '../../use-cases/leerlingen/leerlingen.js';
import { UPLOAD_CONTENT_TYPES } from './beheer.js';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const writeErrors = { ...errors, 409: Problem };

export function leerlingenRoutes(db: Kysely<DB>, opts: { mail: MailQueue; publicUrl: string }): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['leerlingen'];
    // Only in this plugin: the uploaded file as a Buffer, whatever its media type says (the name decides CSV or XLSX).
    app.addContentTypeParser(UPLOAD_CONTENT_TYPES, { parseAs: 'buffer', bodyLimit: MAX_LEERLINGBESTAND_BYTES }, (_req, body, done) => done(null, body));
    app.get(
      '/leerroutes/:routeId/cohorten',
      { schema: { tags, summary: 'De groepen leerlingen (cohorten) van een leerroute, van de vmbo-scholen waar u leerlinggegevens mag zien', params: LeerrouteParams, response: { 200: CohortLijst, ...errors } } },
      (req) => listCohorten({ db, auth: req.auth, routeId: req.params.routeId }),
    );
    app.post(
      '/leerroutes/:routeId/cohorten',
      { schema: { tags, summary: 'Een groep leerlingen aanmaken voor een schooljaar en leerjaar (beheerder, decaan of examinator van de vmbo-school)', params: LeerrouteParams, body: CohortAanmaken, response: { 201: CohortDetail, ...writeErrors } } },
      async (req, reply) => reply.status(201).send(await createCohort({ db, auth: req.auth, routeId: req.params.routeId, input: req.body })),
    );
    app.get(
      '/cohorten/:cohortId',
      { schema: { tags, summary: 'Een groep met haar leerlingen (het inzien wordt in het auditlog vastgelegd)', params: CohortParams, response: { 200: CohortDetail, ...errors } } },
      (req) => getCohort({ db, auth: req.auth, cohortId: req.params.cohortId }),
    );
    app.patch(
      '/cohorten/:cohortId',
      { schema: { tags, summary: 'Naam, schooljaar, leerjaar, einddatum of bewaartermijn wijzigen, met de versie die u zag (verouderd: 409)', params: CohortParams, body: CohortWijzigen, response: { 200: CohortDetail, ...writeErrors } } },
      (req) => changeCohort({ db, auth: req.auth, cohortId: req.params.cohortId, input: req.body }),
    );
    app.post(
      '/cohorten/:cohortId/leerlingen',
      { schema: { tags, summary: 'Eén leerling met de hand toevoegen', params: CohortParams, body: LeerlingInvoer, response: { 201: CohortDetail, ...writeErrors } } },
      async (req, reply) => reply.status(201).send(await addLeerling({ db, auth: req.auth, cohortId: req.params.cohortId, input: req.body })),
    );
    app.patch(
      '/cohorten/:cohortId/leerlingen/:leerlingId',
      { schema: { tags, summary: 'Een leerling wijzigen, met de versie die u zag (verouderd: 409)', params: LeerlingParams, body: LeerlingWijzigen, response: { 200: CohortDetail, ...writeErrors } } },
      (req) => changeLeerling({ db, auth: req.auth, cohortId: req.params.cohortId, leerlingId: req.params.leerlingId, input: req.body }),
    );
    app.delete(
      '/cohorten/:cohortId/leerlingen/:leerlingId',
      { schema: { tags, summary: 'Een leerling verwijderen (met alles over deze leerling: aanmeldingen, beoordelingen, verzoeken)', params: LeerlingParams, response: { 200: CohortDetail, ...writeErrors } } },
      (req) => removeLeerling({ db, auth: req.auth, cohortId: req.params.cohortId, leerlingId: req.params.leerlingId }),
    );
    app.post(
      '/cohorten/:cohortId/leerlingen/import',
      {
        bodyLimit: MAX_LEERLINGBESTAND_BYTES,
        // Who may import is settled before the body is read (a malformed id or query is left to the validation: 400).
        onRequest: async (req) => {
          const params = CohortParams.safeParse(req.params);
          if (params.success && LeerlingImportQuery.safeParse(req.query).success) await openCohort({ db, auth: req.auth, cohortId: params.data.cohortId, action: 'leerlingen.manage' });
          if (Number(req.headers['content-length'] ?? 0) > MAX_LEERLINGBESTAND_BYTES) throw leerlingbestandTeGroot();
        },
        errorHandler: (error) => {
          throw (error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? leerlingbestandTeGroot() : error;
        },
        schema: {
          tags,
          summary:
            'Leerlingen importeren uit de CSV of XLSX van Magister, Somtoday of een ander pakket (het bestand zelf als body): eerst een proefimport (dryRun=true, standaard), dan importeren. Alles of niets: een fout geeft 422 met het regelnummer; een kolom met BSN of onderwijsnummer wordt nooit gelezen',
          params: CohortParams,
          querystring: LeerlingImportQuery,
          response: { 200: LeerlingImportRapport, ...writeErrors, 413: Problem, 415: Problem, 422: Problem },
        },
      },
      (req) =>
        importLeerlingen({
          db,
          auth: req.auth,
          cohortId: req.params.cohortId,
          input: { bestandsnaam: req.query.bestandsnaam, content: Buffer.isBuffer(req.body) ? req.body : undefined, dryRun: req.query.dryRun, kolommen: req.query.kolommen, encoding: req.query.encoding },
        }),
    );
    app.get(
      '/cohorten/:cohortId/leerlingen.csv',
      { schema: { tags, summary: 'De leerlingen van een groep als CSV (de export wordt in het auditlog vastgelegd)', params: CohortParams, response: { 200: z.string().describe('CSV (puntkomma, UTF-8)'), ...errors } } },
      async (req, reply) => {
        const file = await exportLeerlingen({ db, auth: req.auth, cohortId: req.params.cohortId });
        return reply.type(file.contentType).header('Cache-Control', 'private, no-store').header('Content-Disposition', `attachment; filename="${file.fileName}"`).send(String(file.body));
      },
    );
    app.post(
      '/cohorten/:cohortId/leerlingen/:leerlingId/uitnodiging',
      { schema: { tags, summary: 'De leerling uitnodigen voor een eigen account (rol leerling); het e-mailadres wordt niet bij de leerling opgeslagen', params: LeerlingParams, body: LeerlingUitnodigen, response: { 202: LeerlingUitnodiging, ...writeErrors } } },
      async (req, reply) => reply.status(202).send(await inviteLeerling({ db, auth: req.auth, cohortId: req.params.cohortId, leerlingId: req.params.leerlingId, input: req.body, mail: opts.mail, publicUrl: opts.publicUrl })),
    );
  };
}
