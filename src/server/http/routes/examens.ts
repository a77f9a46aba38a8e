/**
 * Thin routes of the joint exam and its plan (issue 14): exams of a leerroute, one exam with its plan versions and
 * coverage, the plan's changes (save with versie, submit, accept open coverage, send back, vaststellen, new version),
 * the user's exams to act on, and the registration of pupils with its CSV/XLSX export for the mbo student
 * administration. Access: src/domain/auth/examen-rules.ts (outsiders and pupils 404).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { Problem } from '../../../shared/catalog-api.js';
import {
  ExamenAanmaken, ExamenDetail, ExamenLijst, ExamenParams, Inschrijvingen, LeerlingenKiezen, MijnExamens, PlanActie, PlanMetReden, PlanOpslaan,
} from '../../../shared/examenplan-api.js';
import { LeerrouteParams } from '../../../shared/leerroute-api.js';
import type { DB } from '../../db/schema.js';
import { createExamen, getExamen, listRouteExamens, mijnExamens } from '../../use-cases/examens/examens.js';
import { aanmeldenLeerlingen, exportInschrijvingen, inschrijvenLeerlingen, listInschrijvingen } from '../../use-cases/examens/inschrijvingen.js';
import { accepteerDekking, indienen, nieuweVersie, savePlan, terugsturen, vaststellen } from '../../use-cases/examens/plan.js';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const writeErrors = { ...errors, 409: Problem };

export function examenRoutes(db: Kysely<DB>): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['examens'];
    app.get(
      '/examens',
      { schema: { tags, summary: 'De examens waarvoor u iets te doen hebt: plannen om vast te stellen (examencommissie), concepten om te schrijven en examens om te beoordelen (de beoordelaars die het plan noemt)', response: { 200: MijnExamens, ...errors } } },
      (req) => mijnExamens({ db, auth: req.auth }),
    );
    app.get(
      '/leerroutes/:routeId/examens',
      { schema: { tags, summary: 'De gezamenlijke examens (keuzedeel en keuzevak) van een leerroute', params: LeerrouteParams, response: { 200: ExamenLijst, ...errors } } },
      (req) => listRouteExamens({ db, auth: req.auth, routeId: req.params.routeId }),
    );
    app.post(
      '/leerroutes/:routeId/examens',
      { schema: { tags, summary: 'Een gezamenlijk examen aanmaken: cohort, keuzedeel (leidend), keuzevak, mbo-partij en grondslag (extraneus of gezamenlijk PTA/OER)', params: LeerrouteParams, body: ExamenAanmaken, response: { 201: ExamenDetail, ...writeErrors } } },
      async (req, reply) => reply.status(201).send(await createExamen({ db, auth: req.auth, routeId: req.params.routeId, input: req.body })),
    );
    app.get(
      '/examens/:examenId',
      { schema: { tags, summary: 'Eén examen met alle versies van het examenplan, de dekking van de eindtermen van het keuzevak en wat u mag', params: ExamenParams, response: { 200: ExamenDetail, ...errors } } },
      (req) => getExamen({ db, auth: req.auth, examenId: req.params.examenId }),
    );
    app.put(
      '/examens/:examenId/plan',
      { schema: { tags, summary: 'Het concept van het examenplan opslaan, met de versie die u zag (verouderd, ingediend of vastgesteld: 409)', params: ExamenParams, body: PlanOpslaan, response: { 200: ExamenDetail, ...writeErrors } } },
      (req) => savePlan({ db, auth: req.auth, examenId: req.params.examenId, versie: req.body.versie, inhoud: req.body.inhoud }),
    );
    app.post(
      '/examens/:examenId/plan/indienen',
      { schema: { tags, summary: 'Het plan indienen bij de mbo-examencommissie (compleet, en elke eindterm gedekt of de open dekking geaccepteerd; anders 409)', params: ExamenParams, body: PlanActie, response: { 200: ExamenDetail, ...writeErrors } } },
      (req) => indienen({ db, auth: req.auth, examenId: req.params.examenId, versie: req.body.versie }),
    );
    app.post(
      '/examens/:examenId/plan/dekking-akkoord',
      { schema: { tags, summary: 'De open dekking accepteren met een reden (mbo-examencommissie)', params: ExamenParams, body: PlanMetReden, response: { 200: ExamenDetail, ...writeErrors } } },
      (req) => accepteerDekking({ db, auth: req.auth, examenId: req.params.examenId, versie: req.body.versie, reden: req.body.reden }),
    );
    app.post(
      '/examens/:examenId/plan/terugsturen',
      { schema: { tags, summary: 'Een ingediend plan terugsturen naar concept, met een reden (mbo-examencommissie)', params: ExamenParams, body: PlanMetReden, response: { 200: ExamenDetail, ...writeErrors } } },
      (req) => terugsturen({ db, auth: req.auth, examenId: req.params.examenId, versie: req.body.versie, reden: req.body.reden }),
    );
    app.post(
      '/examens/:examenId/plan/vaststellen',
      { schema: { tags, summary: 'Het ingediende plan vaststellen (mbo-examencommissie): datum en naam worden vastgelegd, daarna is het bevroren', params: ExamenParams, body: PlanActie, response: { 200: ExamenDetail, ...writeErrors } } },
      (req) => vaststellen({ db, auth: req.auth, examenId: req.params.examenId, versie: req.body.versie }),
    );
    app.post(
      '/examens/:examenId/plan/nieuwe-versie',
      { schema: { tags, summary: 'Een nieuwe versie (concept) van het vastgestelde plan; de vastgestelde blijft gelden tot de nieuwe is vastgesteld', params: ExamenParams, body: PlanActie, response: { 201: ExamenDetail, ...writeErrors } } },
      async (req, reply) => reply.status(201).send(await nieuweVersie({ db, auth: req.auth, examenId: req.params.examenId, versie: req.body.versie })),
    );
    app.get(
      '/examens/:examenId/inschrijvingen',
      { schema: { tags, summary: 'De inschrijvingslijst van het examen (aangemeld, ingeschreven) met ontbrekende gegevens; vastgelegd in het auditlog', params: ExamenParams, response: { 200: Inschrijvingen, ...errors } } },
      (req) => listInschrijvingen({ db, auth: req.auth, examenId: req.params.examenId }),
    );
    app.post(
      '/examens/:examenId/inschrijvingen',
      { schema: { tags, summary: 'Leerlingen van het cohort aanmelden als extraneus (vmbo-school); zonder keuze: alle leerlingen', params: ExamenParams, body: LeerlingenKiezen, response: { 200: Inschrijvingen, ...writeErrors } } },
      (req) => aanmeldenLeerlingen({ db, auth: req.auth, examenId: req.params.examenId, leerlingIds: req.body.leerlingIds }),
    );
    app.post(
      '/examens/:examenId/inschrijvingen/ingeschreven',
      { schema: { tags, summary: 'Aangemelde leerlingen als ingeschreven markeren (mbo-studentenadministratie); zonder keuze: alle aangemelde', params: ExamenParams, body: LeerlingenKiezen, response: { 200: Inschrijvingen, ...writeErrors } } },
      (req) => inschrijvenLeerlingen({ db, auth: req.auth, examenId: req.params.examenId, leerlingIds: req.body.leerlingIds }),
    );
    for (const formaat of ['csv', 'xlsx'] as const) {
      app.get(
        `/examens/:examenId/inschrijvingen.${formaat}`,
        { schema: { tags, summary: `De inschrijvingslijst voor de mbo-studentenadministratie als ${formaat.toUpperCase()}: één regel per leerling; vastgelegd in het auditlog`, params: ExamenParams, response: errors } },
        async (req, reply) => {
          const file = await exportInschrijvingen({ db, auth: req.auth, examenId: req.params.examenId, formaat });
          return sendFile(reply, file);
        },
      );
    }
  };
}

function sendFile(reply: FastifyReply, file: { contentType: string; fileName: string; body: string | Buffer; waarschuwingen: number }) {
  // Pupils' data: never kept in a shared cache; the count of pupils with a missing field in a header for scripts.
  return reply
            .type(file.contentType)
            .header('Cache-Control', 'private, no-store')
            .header('Content-Disposition', `attachment; filename="${file.fileName}"`)
            .header('X-Ontbrekende-Gegevens', String(file.waarschuwingen))
            .send(file.body);
}
