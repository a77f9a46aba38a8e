/**
 * Thin routes of the regelbank (issue 13): the public rule list, the rules on a leerroute and on an agreement, the
 * "niet van toepassing" mark, docentinzet per samenwerking and the kalender as iCalendar. Access as for the
 * samenwerking: read for staff of a partner, write for beheerder/ontwikkelaar; outsiders 404.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { REGELS } from '../../../domain/regels/regels.js';
import { Problem } from '../../../shared/catalog-api.js';
import { LeerrouteParams } from '../../../shared/leerroute-api.js';
import {
  Docentinzet, DocentinzetLijst, DocentinzetParams, DocentinzetQuery, DocentinzetToevoegen, DocentinzetWijzigen, KalenderQuery, MarkeringParams, MarkeringZetten,
  RegelLijst, RegelUitkomsten,
} from '../../../shared/regels-api.js';
import type { DB } from '../../db/schema.js';
import { addDocentinzet, changeDocentinzet, deleteDocentinzet, listDocentinzet } from '../../use-cases/regels/docentinzet.js';
import { getKalender } from '../../use-cases/regels/kalender.js';
import { getOvereenkomstRegels, getRouteRegels, markeerNietVanToepassing, verwijderMarkering } from '../../use-cases/regels/route-regels.js';

const SamenwerkingParams = z.object({ id: z.uuid('onbekende samenwerking') });
const OvereenkomstParams = z.object({ id: z.uuid('onbekende overeenkomst') });
const VersieQuery = z.object({ versie: z.coerce.number().int().min(1, 'geef de versie mee') });
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const writeErrors = { ...errors, 409: Problem };

export function regelsRoutes(db: Kysely<DB>): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['regels'];
    app.get('/regels', { schema: { tags, summary: 'Alle regels van wat moet en wat mag, met hun bron (openbaar)', response: { 200: RegelLijst } } }, () => REGELS);
    app.get(
      '/leerroutes/:routeId/regels',
      { schema: { tags, summary: 'De regels op een leerroute: overtredingen eerst, met bron en plek om het op te lossen', params: LeerrouteParams, response: { 200: RegelUitkomsten, ...errors } } },
      (req) => getRouteRegels({ db, auth: req.auth, routeId: req.params.routeId }),
    );
    app.put(
      '/leerroutes/:routeId/regels/:regelId/markering',
      { schema: { tags, summary: 'Een regel als niet van toepassing markeren voor deze leerroute, met reden (gelogd)', params: MarkeringParams, body: MarkeringZetten, response: { 200: RegelUitkomsten, ...writeErrors } } },
      (req) => markeerNietVanToepassing({ db, auth: req.auth, routeId: req.params.routeId, regelId: req.params.regelId, reden: req.body.reden }),
    );
    app.delete(
      '/leerroutes/:routeId/regels/:regelId/markering',
      { schema: { tags, summary: 'De markering niet van toepassing weghalen (gelogd)', params: MarkeringParams, response: { 200: RegelUitkomsten, ...writeErrors } } },
      (req) => verwijderMarkering({ db, auth: req.auth, routeId: req.params.routeId, regelId: req.params.regelId }),
    );
    app.get(
      '/overeenkomsten/:id/regels',
      { schema: { tags, summary: 'De regels op een samenwerkingsovereenkomst', params: OvereenkomstParams, response: { 200: RegelUitkomsten, ...errors } } },
      (req) => getOvereenkomstRegels({ db, auth: req.auth, overeenkomstId: req.params.id }),
    );
    app.get(
      '/partnerships/:id/docentinzet',
      { schema: { tags, summary: 'De docentinzet van de samenwerking (per schooljaar), met de regels erop', params: SamenwerkingParams, querystring: DocentinzetQuery, response: { 200: DocentinzetLijst, ...errors } } },
      (req) => listDocentinzet({ db, auth: req.auth, partnershipId: req.params.id, schooljaar: req.query.schooljaar }),
    );
    app.post(
      '/partnerships/:id/docentinzet',
      { schema: { tags, summary: 'Docentinzet toevoegen', params: SamenwerkingParams, body: DocentinzetToevoegen, response: { 201: Docentinzet, ...writeErrors } } },
      async (req, reply) => reply.status(201).send(await addDocentinzet({ db, auth: req.auth, partnershipId: req.params.id, input: req.body })),
    );
    app.put(
      '/partnerships/:id/docentinzet/:inzetId',
      { schema: { tags, summary: 'Docentinzet wijzigen, met de versie die u zag (verouderd: 409)', params: DocentinzetParams, body: DocentinzetWijzigen, response: { 200: Docentinzet, ...writeErrors } } },
      (req) => {
        const { versie, ...input } = req.body;
        return changeDocentinzet({ db, auth: req.auth, partnershipId: req.params.id, inzetId: req.params.inzetId, versie, input });
      },
    );
    app.delete(
      '/partnerships/:id/docentinzet/:inzetId',
      { schema: { tags, summary: 'Docentinzet verwijderen, met de versie die u zag (verouderd: 409)', params: DocentinzetParams, querystring: VersieQuery, response: { 204: z.null(), ...writeErrors } } },
      async (req, reply) => {
        await deleteDocentinzet({ db, auth: req.auth, partnershipId: req.params.id, inzetId: req.params.inzetId, versie: req.query.versie });
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/partnerships/:id/kalender.ics',
      { schema: { tags, summary: 'De kalender van de samenwerking voor een schooljaar (iCalendar, RFC 5545)', params: SamenwerkingParams, querystring: KalenderQuery, response: { 200: z.string(), ...errors } } },
      async (req, reply) => {
        const { ics, bestandsnaam } = await getKalender({ db, auth: req.auth, partnershipId: req.params.id, schooljaar: req.query.schooljaar });
        return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="${bestandsnaam}"`).send(ics);
      },
    );
  };
}
