/**
 * Thin routes of the pupil's programme (issue 15): the pupil's own choices under /keuze/mijn (only a leerling, their
 * own account); the school's choices and settings under /keuze/organisaties/:organisatieId (the decaan; settings
 * also the beheerder); an mbo instelling's extra admission requirements under /keuze/organisaties/:id/toelatingseisen.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { Problem } from '../../../shared/catalog-api.js';
import {
  Keuze, KeuzeBesluit, KeuzeInstellingen, KeuzeInstellingenWijzigen, KeuzeMaken, KeuzeParams, MijnProgramma, SchoolKeuzeParams, SchoolKeuzes, SchoolParams, Toelatingseis, Toelatingseisen,
  ToelatingseisParams, ToelatingseisWijzigen,
} from '../../../shared/keuze-api.js';
import type { DB } from '../../db/schema.js';
import { getMijnProgramma, kiesModule, trekKeuzeIn } from '../../use-cases/keuze/kiezen.js';
import { besluitKeuze, getInstellingen, saveInstellingen, schoolKeuzes } from '../../use-cases/keuze/school.js';
import { deleteToelatingseis, getToelatingseisen, saveToelatingseis } from '../../use-cases/keuze/toelating.js';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const writeErrors = { ...errors, 409: Problem };

export function keuzeRoutes(db: Kysely<DB>): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['keuze'];
    app.get('/keuze/mijn', { schema: { tags, summary: 'Mijn programma: mijn modulekeuzes, de data die voor mij gelden en de aanvullende toelatingseisen (alleen een leerling)', response: { 200: MijnProgramma, ...errors } } }, (req) =>
      getMijnProgramma({ db, auth: req.auth }),
    );
    app.post(
      '/keuze/mijn',
      { schema: { tags, summary: 'Een module van de menukaart kiezen (binnen het aantal per periode, de voorwaarden, de plaatsen en de deadline)', body: KeuzeMaken, response: { 201: Keuze, ...writeErrors } } },
      async (req, reply) => reply.status(201).send(await kiesModule({ db, auth: req.auth, input: req.body })),
    );
    app.post(
      '/keuze/mijn/:keuzeId/intrekken',
      { schema: { tags, summary: 'Een eigen keuze intrekken zolang die niet is goedgekeurd', params: KeuzeParams, response: { 200: Keuze, ...writeErrors } } },
      (req) => trekKeuzeIn({ db, auth: req.auth, keuzeId: req.params.keuzeId }),
    );
    app.get(
      '/keuze/organisaties/:organisatieId/keuzes',
      { schema: { tags, summary: 'De modulekeuzes van de leerlingen van de school (de decaan; staat in het logboek)', params: SchoolParams, response: { 200: SchoolKeuzes, ...errors } } },
      (req) => schoolKeuzes({ db, auth: req.auth, organisatieId: req.params.organisatieId }),
    );
    app.post(
      '/keuze/organisaties/:organisatieId/keuzes/:keuzeId/besluit',
      { schema: { tags, summary: 'Een keuze goedkeuren (de leerling komt in de groep van de leerroute) of terugsturen met een reden; met de versie (verouderd: 409)', params: SchoolKeuzeParams, body: KeuzeBesluit, response: { 200: Keuze, ...writeErrors } } },
      (req) => besluitKeuze({ db, auth: req.auth, organisatieId: req.params.organisatieId, keuzeId: req.params.keuzeId, input: req.body }),
    );
    app.get(
      '/keuze/organisaties/:organisatieId/instellingen',
      { schema: { tags, summary: 'De instellingen voor het kiezen: modules per periode en deadlines', params: SchoolParams, response: { 200: KeuzeInstellingen, ...errors } } },
      (req) => getInstellingen({ db, auth: req.auth, organisatieId: req.params.organisatieId }),
    );
    app.put(
      '/keuze/organisaties/:organisatieId/instellingen',
      { schema: { tags, summary: 'De instellingen voor het kiezen wijzigen (decaan of beheerder; versie 0 de eerste keer)', params: SchoolParams, body: KeuzeInstellingenWijzigen, response: { 200: KeuzeInstellingen, ...writeErrors } } },
      (req) => saveInstellingen({ db, auth: req.auth, organisatieId: req.params.organisatieId, input: req.body }),
    );
    app.get(
      '/keuze/organisaties/:organisatieId/toelatingseisen',
      { schema: { tags, summary: 'De aanvullende toelatingseisen van een mbo-instelling per kwalificatie', params: SchoolParams, response: { 200: Toelatingseisen, ...errors } } },
      (req) => getToelatingseisen({ db, auth: req.auth, organisatieId: req.params.organisatieId }),
    );
    app.put(
      '/keuze/organisaties/:organisatieId/toelatingseisen/:crebo',
      { schema: { tags, summary: 'De aanvullende toelatingseisen voor een kwalificatie vastleggen (beheerder van de mbo-instelling; versie 0 de eerste keer)', params: ToelatingseisParams, body: ToelatingseisWijzigen, response: { 200: Toelatingseis, ...writeErrors } } },
      (req) => saveToelatingseis({ db, auth: req.auth, organisatieId: req.params.organisatieId, crebo: req.params.crebo, input: req.body }),
    );
    app.delete(
      '/keuze/organisaties/:organisatieId/toelatingseisen/:crebo',
      { schema: { tags, summary: 'De aanvullende toelatingseisen voor een kwalificatie verwijderen', params: ToelatingseisParams, response: { 204: z.null(), ...errors } } },
      async (req, reply) => {
        await deleteToelatingseis({ db, auth: req.auth, organisatieId: req.params.organisatieId, crebo: req.params.crebo });
        return reply.status(204).send(null);
      },
    );
  };
}
