/**
 * Thin routes of a region's member schools (issue 15): the region's staff see them, its beheerder adds and removes
 * schools; every member of a school sees its region, the school's beheerder may take it out. See src/shared/regio-api.ts.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { Problem } from '../../../shared/catalog-api.js';
import { KandidatenQuery, LidToevoegen, RegioKandidaat, RegioLeden, RegioLid, RegioLidParams, RegioParams, RegioVertrek, SchoolParams, SchoolRegio } from '../../../shared/regio-api.js';
import type { DB } from '../../db/schema.js';
import { addRegioLid, getSchoolRegio, leaveRegio, listRegioLeden, removeRegioLid, searchRegioKandidaten } from '../../use-cases/organisations/regio-leden.js';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const writeErrors = { ...errors, 409: Problem };

export function regioRoutes(db: Kysely<DB>): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['organisaties'];
    app.get(
      '/regios/:regioId/leden',
      { schema: { tags, summary: 'De scholen en instellingen van de regio (medewerkers van de regio)', params: RegioParams, response: { 200: RegioLeden, ...errors } } },
      (req) => listRegioLeden({ db, auth: req.auth, regioId: req.params.regioId }),
    );
    app.get(
      '/regios/:regioId/kandidaten',
      {
        schema: {
          tags,
          summary: 'Scholen en instellingen zoeken om toe te voegen, op naam of BRIN-nummer (beheerder van de regio); die van een andere regio staan erbij met de naam van die regio',
          params: RegioParams,
          querystring: KandidatenQuery,
          response: { 200: z.array(RegioKandidaat), ...errors },
        },
      },
      (req) => searchRegioKandidaten({ db, auth: req.auth, regioId: req.params.regioId, q: req.query.q }),
    );
    app.post(
      '/regios/:regioId/leden',
      {
        schema: {
          tags,
          summary: 'Een school of instelling aan de regio toevoegen (beheerder van de regio); een school van een andere regio wordt nooit overgenomen (409)',
          params: RegioParams,
          body: LidToevoegen,
          response: { 201: RegioLid, ...writeErrors },
        },
      },
      async (req, reply) => reply.status(201).send(await addRegioLid({ db, auth: req.auth, regioId: req.params.regioId, organisatieId: req.body.organisatieId })),
    );
    app.delete(
      '/regios/:regioId/leden/:schoolId',
      {
        schema: {
          tags,
          summary:
            'Een school uit de regio halen (beheerder van de regio). Geweigerd (409) zolang de school gepubliceerde modules heeft of er keuzes van leerlingen openstaan of goedgekeurd zijn; open voorstellen worden ingetrokken',
          params: RegioLidParams,
          response: { 200: RegioVertrek, ...writeErrors },
        },
      },
      (req) => removeRegioLid({ db, auth: req.auth, regioId: req.params.regioId, schoolId: req.params.schoolId }),
    );
    app.get(
      '/organisaties/:id/regio',
      { schema: { tags, summary: 'De regio waar de school bij hoort (elk lid van de school)', params: SchoolParams, response: { 200: SchoolRegio, ...errors } } },
      (req) => getSchoolRegio({ db, auth: req.auth, schoolId: req.params.id }),
    );
    app.post(
      '/organisaties/:id/regio/verlaten',
      {
        schema: { tags, summary: 'De school uit haar regio halen (beheerder van de school), onder dezelfde regels als verwijderen door de regio', params: SchoolParams, response: { 200: RegioVertrek, ...writeErrors } },
      },
      (req) => leaveRegio({ db, auth: req.auth, schoolId: req.params.id }),
    );
  };
}
