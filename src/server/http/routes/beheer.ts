/**
 * Platform beheer: uploading an mbo table into the national catalogue. The body is the file itself
 * (text/csv, text/plain or the XLSX media type; no multipart), the options are in the query string.
 * And the organisations without a beheerder, with an invitation of a new beheerder (JSON).
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { Problem } from '../../../shared/catalog-api.js';
import { ImportRapport, TabelUploadQuery } from '../../../shared/account-api.js';
import type { DB } from '../../db/schema.js';
import { BeheerderUitnodigen, OrganisatieZonderBeheerder, OrganisatieZonderBeheerderParams } from '../../../shared/beheer-api.js';
import { Uitnodiging } from '../../../shared/auth-api.js';
import type { MailQueue } from '../../mail/mailer.js';
import { inviteBeheerderAsPlatform, listOrganisationsWithoutBeheerder } from '../../use-cases/organisations/without-beheerder.js';
import { authorizeCatalogueUpload } from '../../access/platform.js';
import { MAX_UPLOAD_BYTES, uploadMboTabel, uploadTooLarge } from '../../use-cases/catalog/upload-mbo-tabel.js';

export const UPLOAD_CONTENT_TYPES = ['text/csv', 'text/plain', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'];

/** `mail` and `publicUrl`: the invitations of a beheerder to an organisation without one. */
export function beheerRoutes(db: Kysely<DB>, opts: { mail: MailQueue; publicUrl: string }): FastifyPluginAsyncZod {
  const { mail, publicUrl } = opts;
  return async (app) => {
    // Only in this plugin: the raw file as a Buffer, whatever its media type says (the name decides CSV or XLSX).
    app.addContentTypeParser(UPLOAD_CONTENT_TYPES, { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) => done(null, body));
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) => done(null, body));
    app.post(
      '/beheer/import/tabel',
      {
        bodyLimit: MAX_UPLOAD_BYTES,
        // Who may upload is settled before the body is read.
        onRequest: async (req) => {
          authorizeCatalogueUpload(req.auth);
          // A body that announces itself as too large is refused before it is read.
          if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES) throw uploadTooLarge();
        },
        // A body without length that turns out too large: the same Dutch 413 (the app's handler does the rest).
        errorHandler: (error) => {
          throw (error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? uploadTooLarge() : error;
        },
        schema: {
          tags: ['beheer'],
          summary:
            'Een mbo-tabel (CSV of XLSX) in de landelijke catalogus laden: eerst een proefimport (dryRun=true, standaard), dan importeren (dryRun=false). Alleen voor platformbeheerders; een foute regel weigert het hele bestand met het regelnummer',
          querystring: TabelUploadQuery,
          response: { 200: ImportRapport, 400: Problem, 401: Problem, 403: Problem, 413: Problem, 415: Problem, 422: Problem },
        },
      },
      async (req) => uploadMboTabel({ db, auth: req.auth, query: req.query, content: Buffer.isBuffer(req.body) ? req.body : undefined, publicUrl }),
    );
    app.get(
      '/beheer/organisaties-zonder-beheerder',
      {
        schema: {
          tags: ['beheer'],
          summary: 'Organisaties zonder beheerder (de laatste beheerder vertrok en er was geen medewerker om het over te nemen): alleen openbare gegevens en aantallen. Alleen voor platformbeheerders',
          response: { 200: z.array(OrganisatieZonderBeheerder), 401: Problem, 403: Problem },
        },
      },
      (req) => listOrganisationsWithoutBeheerder({ db, auth: req.auth }),
    );
    app.post(
      '/beheer/organisaties-zonder-beheerder/:id/uitnodigingen',
      {
        schema: {
          tags: ['beheer'],
          summary:
            'Iemand per e-mail uitnodigen als beheerder van een organisatie zonder beheerder (platformbeheerders; in het auditlog van de organisatie). De rol volgt pas als de uitgenodigde aanneemt; heeft de organisatie een beheerder, dan 409',
          params: OrganisatieZonderBeheerderParams,
          body: BeheerderUitnodigen,
          response: { 202: Uitnodiging, 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem },
        },
      },
      async (req, reply) => reply.status(202).send(await inviteBeheerderAsPlatform({ db, mail, publicUrl, auth: req.auth, organisationId: req.params.id, input: req.body })),
    );
  };
}
