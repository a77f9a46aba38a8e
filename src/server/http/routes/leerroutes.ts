/**
 * Thin routes of the leerroute-ontwerper (issue 6). All scoped through the samenwerking of the route: read for staff
 * of a partner, write for beheerder/ontwikkelaar; a route of another samenwerking is 404. Every change answers with
 * the whole route (LeerrouteDetail with its coverage); a stale versie is 409 (ADR 8).
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { Problem } from '../../../shared/catalog-api.js';
import { Inventaris } from '../../../shared/inventory-api.js';
import {
  ActiviteitParams, ActiviteitToevoegen, ActiviteitWijzigen, Dekking, Historie, HistorieQuery, LeerrouteAanmaken, LeerrouteDetail, LeerrouteInstellingen,
  LeerrouteLijst, LeerrouteParams, MateriaalParams, MateriaalToevoegen, MateriaalWijzigen, PlanningParams, PlanningToevoegen, PlanningVerplaatsen,
  ToetsParams, ToetsToevoegen, ToetsWijzigen, VerwijderQuery,
} from '../../../shared/leerroute-api.js';
import type { DB } from '../../db/schema.js';
import { addActiviteit, deleteActiviteit, updateActiviteit } from '../../use-cases/leerroutes/activiteiten.js';
import { createRoute } from '../../use-cases/leerroutes/create-route.js';
import { getCoverage, getRoute, listRoutes } from '../../use-cases/leerroutes/get-route.js';
import { getHistory } from '../../use-cases/leerroutes/history.js';
import { addMateriaal, deleteMateriaal, updateMateriaal } from '../../use-cases/leerroutes/materialen.js';
import { movePlanning, planItems, unplan } from '../../use-cases/leerroutes/planning.js';
import { getRouteInventory } from '../../use-cases/leerroutes/route-inventory.js';
import { addToets, deleteToets, updateToets } from '../../use-cases/leerroutes/toetsen.js';
import { deleteRoute, updateRouteSettings } from '../../use-cases/leerroutes/update-route.js';

const SamenwerkingParams = z.object({ id: z.uuid('onbekende samenwerking') });

/**
 * A whole route is large (hundreds of doelen with their coverage): it is sent as JSON text, without Fastify's zod
 * response check, which costs more than building it (the integration tests parse every answer with the contract).
 */
const json = (reply: FastifyReply, body: unknown, status = 200) => reply.status(status).type('application/json; charset=utf-8').send(JSON.stringify(body) as never);
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const writeErrors = { ...errors, 409: Problem };

export function leerrouteRoutes(db: Kysely<DB>): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['leerroutes'];
    app.get(
      '/partnerships/:id/leerroutes',
      { schema: { tags, summary: 'De leerroutes van een samenwerking', params: SamenwerkingParams, response: { 200: LeerrouteLijst, ...errors } } },
      (req) => listRoutes({ db, auth: req.auth, partnershipId: req.params.id }),
    );
    app.post(
      '/partnerships/:id/leerroutes',
      { schema: { tags, summary: 'Een leerroute aanmaken (type, vmbo- en mbo-kant, tijdpad)', params: SamenwerkingParams, body: LeerrouteAanmaken, response: { 201: LeerrouteDetail, ...writeErrors } } },
      async (req, reply) => json(reply, await createRoute({ db, auth: req.auth, partnershipId: req.params.id, input: req.body }), 201),
    );
    app.get(
      '/leerroutes/:routeId',
      { schema: { tags, summary: 'De hele leerroute met de dekkingscontrole', params: LeerrouteParams, response: { 200: LeerrouteDetail, ...errors } } },
      async (req, reply) => json(reply, await getRoute({ db, auth: req.auth, routeId: req.params.routeId })),
    );
    app.put(
      '/leerroutes/:routeId',
      { schema: { tags, summary: 'De instellingen wijzigen (met de versie die u zag)', params: LeerrouteParams, body: LeerrouteInstellingen, response: { 200: LeerrouteDetail, ...writeErrors } } },
      async (req, reply) => json(reply, await updateRouteSettings({ db, auth: req.auth, routeId: req.params.routeId, input: req.body })),
    );
    app.delete(
      '/leerroutes/:routeId',
      { schema: { tags, summary: 'De leerroute verwijderen (de historie blijft bewaard)', params: LeerrouteParams, querystring: VerwijderQuery, response: { 204: z.null(), ...writeErrors } } },
      async (req, reply) => {
        await deleteRoute({ db, auth: req.auth, routeId: req.params.routeId, versie: req.query.versie });
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/leerroutes/:routeId/dekking',
      { schema: { tags, summary: 'De dekkingscontrole: gaten en waarschuwingen', params: LeerrouteParams, response: { 200: Dekking, ...errors } } },
      async (req, reply) => json(reply, await getCoverage({ db, auth: req.auth, routeId: req.params.routeId })),
    );
    app.get(
      '/leerroutes/:routeId/inventaris',
      { schema: { tags, summary: 'Stap 1: de overlapinventaris van de selecties van de leerroute, met de beoordelingen van de samenwerking', params: LeerrouteParams, response: { 200: Inventaris, ...errors } } },
      (req) => getRouteInventory({ db, auth: req.auth, routeId: req.params.routeId }),
    );
    app.get(
      '/leerroutes/:routeId/historie',
      { schema: { tags, summary: 'Alle wijzigingen: wie, van welke organisatie, wanneer en wat (nieuwste eerst)', params: LeerrouteParams, querystring: HistorieQuery, response: { 200: Historie, ...errors } } },
      (req) => getHistory({ db, auth: req.auth, routeId: req.params.routeId, limit: req.query.limit }),
    );

    // Step 2: planning
    app.post(
      '/leerroutes/:routeId/planning',
      { schema: { tags, summary: 'Een doel (of een Beiden-koppeling, één keer voor beide kanten) plannen in een leerjaar en periode', params: LeerrouteParams, body: PlanningToevoegen, response: { 201: LeerrouteDetail, ...writeErrors } } },
      async (req, reply) => json(reply, await planItems({ db, auth: req.auth, routeId: req.params.routeId, input: req.body }), 201),
    );
    app.patch(
      '/leerroutes/:routeId/planning/:regelId',
      { schema: { tags, summary: 'Een planningsregel verplaatsen', params: PlanningParams, body: PlanningVerplaatsen, response: { 200: LeerrouteDetail, ...writeErrors } } },
      async (req, reply) => json(reply, await movePlanning({ db, auth: req.auth, routeId: req.params.routeId, regelId: req.params.regelId, input: req.body })),
    );
    app.delete(
      '/leerroutes/:routeId/planning/:regelId',
      { schema: { tags, summary: 'Een planningsregel weghalen', params: PlanningParams, querystring: VerwijderQuery, response: { 200: LeerrouteDetail, ...writeErrors } } },
      async (req, reply) => json(reply, await unplan({ db, auth: req.auth, routeId: req.params.routeId, regelId: req.params.regelId, versie: req.query.versie })),
    );

    // Step 3: toetsen
    app.post(
      '/leerroutes/:routeId/toetsen',
      { schema: { tags, summary: 'Een toets toevoegen', params: LeerrouteParams, body: ToetsToevoegen, response: { 201: LeerrouteDetail, ...writeErrors } } },
      async (req, reply) => json(reply, await addToets({ db, auth: req.auth, routeId: req.params.routeId, input: req.body }), 201),
    );
    app.put(
      '/leerroutes/:routeId/toetsen/:toetsId',
      { schema: { tags, summary: 'Een toets wijzigen', params: ToetsParams, body: ToetsWijzigen, response: { 200: LeerrouteDetail, ...writeErrors } } },
      async (req, reply) => json(reply, await updateToets({ db, auth: req.auth, routeId: req.params.routeId, id: req.params.toetsId, input: req.body })),
    );
    app.delete(
      '/leerroutes/:routeId/toetsen/:toetsId',
      { schema: { tags, summary: 'Een toets verwijderen', params: ToetsParams, querystring: VerwijderQuery, response: { 200: LeerrouteDetail, ...writeErrors } } },
      async (req, reply) => json(reply, await deleteToets({ db, auth: req.auth, routeId: req.params.routeId, id: req.params.toetsId, versie: req.query.versie })),
    );

    // Step 4: activiteiten
    app.post(
      '/leerroutes/:routeId/activiteiten',
      { schema: { tags, summary: 'Een activiteit of les toevoegen', params: LeerrouteParams, body: ActiviteitToevoegen, response: { 201: LeerrouteDetail, ...writeErrors } } },
      async (req, reply) => json(reply, await addActiviteit({ db, auth: req.auth, routeId: req.params.routeId, input: req.body }), 201),
    );
    app.put(
      '/leerroutes/:routeId/activiteiten/:activiteitId',
      { schema: { tags, summary: 'Een activiteit wijzigen', params: ActiviteitParams, body: ActiviteitWijzigen, response: { 200: LeerrouteDetail, ...writeErrors } } },
      async (req, reply) => json(reply, await updateActiviteit({ db, auth: req.auth, routeId: req.params.routeId, id: req.params.activiteitId, input: req.body })),
    );
    app.delete(
      '/leerroutes/:routeId/activiteiten/:activiteitId',
      { schema: { tags, summary: 'Een activiteit verwijderen', params: ActiviteitParams, querystring: VerwijderQuery, response: { 200: LeerrouteDetail, ...writeErrors } } },
      async (req, reply) => json(reply, await deleteActiviteit({ db, auth: req.auth, routeId: req.params.routeId, id: req.params.activiteitId, versie: req.query.versie })),
    );

    // Step 5: materialen
    app.post(
      '/leerroutes/:routeId/materialen',
      { schema: { tags, summary: 'Materiaal toevoegen', params: LeerrouteParams, body: MateriaalToevoegen, response: { 201: LeerrouteDetail, ...writeErrors } } },
      async (req, reply) => json(reply, await addMateriaal({ db, auth: req.auth, routeId: req.params.routeId, input: req.body }), 201),
    );
    app.put(
      '/leerroutes/:routeId/materialen/:materiaalId',
      { schema: { tags, summary: 'Materiaal wijzigen', params: MateriaalParams, body: MateriaalWijzigen, response: { 200: LeerrouteDetail, ...writeErrors } } },
      async (req, reply) => json(reply, await updateMateriaal({ db, auth: req.auth, routeId: req.params.routeId, id: req.params.materiaalId, input: req.body })),
    );
    app.delete(
      '/leerroutes/:routeId/materialen/:materiaalId',
      { schema: { tags, summary: 'Materiaal verwijderen', params: MateriaalParams, querystring: VerwijderQuery, response: { 200: LeerrouteDetail, ...writeErrors } } },
      async (req, reply) => json(reply, await deleteMateriaal({ db, auth: req.auth, routeId: req.params.routeId, id: req.params.materiaalId, versie: req.query.versie })),
    );
  };
}
