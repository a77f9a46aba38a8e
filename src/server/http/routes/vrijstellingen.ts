/**
 * Thin routes of the vrijstelling decision and the public check (issue 14): the requests to an instelling and the
 * decision (its examencommissie; others in it 403, the rest 404), and GET /verificatie/:code, public and limited per
 * client address.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { Problem } from '../../../shared/catalog-api.js';
import { InstellingParams, Verificatie, VerificatieParams, VrijstellingBesluit, VrijstellingDetail, VrijstellingLijst, VrijstellingParams } from '../../../shared/vrijstelling-api.js';
import type { DB } from '../../db/schema.js';
import type { MailQueue } from '../../mail/mailer.js';
import { beslisOverVrijstelling, vrijstellingDetail, vrijstellingenVanInstelling } from '../../use-cases/vrijstellingen/besluit.js';
import { verifieerResultaat } from '../../use-cases/vrijstellingen/verificatie.js';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

export function vrijstellingRoutes(db: Kysely<DB>, opts: { mail?: MailQueue; publicUrl?: string } = {}): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['vrijstellingen'];
    app.get(
      '/organisaties/:id/vrijstellingen',
      { schema: { tags, summary: 'De verzoeken om vrijstelling aan deze instelling, met het geverifieerde resultaat (examencommissie)', params: InstellingParams, response: { 200: VrijstellingLijst, ...errors } } },
      (req) => vrijstellingenVanInstelling({ db, auth: req.auth, organisationId: req.params.id }),
    );
    app.get(
      '/vrijstellingen/:id',
      { schema: { tags, summary: 'Eén verzoek om vrijstelling met het geverifieerde resultaat (examencommissie van de ontvangende instelling)', params: VrijstellingParams, response: { 200: VrijstellingDetail, ...errors } } },
      (req) => vrijstellingDetail({ db, auth: req.auth, id: req.params.id }),
    );
    app.post(
      '/vrijstellingen/:id/besluit',
      {
        schema: {
          tags,
          summary: 'Besluiten: toegekend of afgewezen (met reden), met de versie die u zag (verouderd of al besloten: 409)',
          params: VrijstellingParams,
          body: VrijstellingBesluit,
          response: { 200: VrijstellingDetail, ...errors, 409: Problem },
        },
      },
      (req) => beslisOverVrijstelling({ db, auth: req.auth, id: req.params.id, input: req.body, mail: opts.mail, publicUrl: opts.publicUrl }),
    );
    app.get(
      '/verificatie/:code',
      {
        schema: {
          tags,
          summary: 'Openbaar: is deze resultaatverklaring echt? Keuzedeel, resultaat, datum, examencommissie en initialen; onbekende code 404; te veel onbekende codes 429',
          params: VerificatieParams,
          response: { 200: Verificatie, 400: Problem, 404: Problem, 429: Problem },
        },
      },
      (req) => verifieerResultaat({ db, auth: req.auth, code: req.params.code, ip: req.ip }),
    );
  };
}
