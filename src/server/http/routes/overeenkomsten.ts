/**
 * Thin routes of the samenwerkingsovereenkomst (issue 13): list and create per samenwerking, read, settings, clauses
 * (with their versie), comments, status, signatures, medezeggenschap, a new version, the difference between versions,
 * the exports, and the agreements covering a leerroute. Read for staff of a partner, write for beheerder/ontwikkelaar,
 * signing for a beheerder of that party; outsiders 404.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { ExportFile } from '../../use-cases/inventory/export-inventory.js';
import { Problem } from '../../../shared/catalog-api.js';
import { LeerrouteParams } from '../../../shared/leerroute-api.js';
import {
  ClausuleParams, ClausuleWijzigen, MedezeggenschapVastleggen, Ondertekenen, OpmerkingPlaatsen, OvereenkomstAanmaken, OvereenkomstDetail, OvereenkomstInstellingen, OvereenkomstLijst,
  OvereenkomstParams, RouteDekking, SamenwerkingParams, StatusWijzigen, Verschil, VerschilQuery,
} from '../../../shared/overeenkomst-api.js';
import type { DB } from '../../db/schema.js';
import { DEFAULT_HEAVY_REQUEST_LIMITS, HeavyRequestGate, userOrAddress, type HeavyRequestLimits } from '../load-shedding.js';
import { getOvereenkomst, listOvereenkomsten, routeDekking } from '../../use-cases/overeenkomsten/detail.js';
import { exportOvereenkomst } from '../../use-cases/overeenkomsten/export-overeenkomst.js';
import { verschilTussenVersies } from '../../use-cases/overeenkomsten/verschil.js';
import {
  addOpmerking, changeClausule, changeInstellingen, changeStatus, createOvereenkomst, legMedezeggenschapVast, nieuweVersie, onderteken,
} from '../../use-cases/overeenkomsten/wijzigen.js';

function sendFile(reply: FastifyReply, file: ExportFile) {
  // The agreement is private to the samenwerking: never kept in a shared cache.
  return reply.type(file.contentType).header('Cache-Control', 'private, no-store').header('Content-Disposition', `attachment; filename="${file.fileName}"`).send(file.body);
}

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const writeErrors = { ...errors, 409: Problem };

export function overeenkomstRoutes(db: Kysely<DB>, opts: { exportLimits?: HeavyRequestLimits } = {}): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['overeenkomsten'];
    app.get(
      '/partnerships/:id/overeenkomsten',
      { schema: { tags, summary: 'De samenwerkingsovereenkomsten van een samenwerking (alle versies)', params: SamenwerkingParams, response: { 200: OvereenkomstLijst, ...errors } } },
      (req) => listOvereenkomsten({ db, auth: req.auth, partnershipId: req.params.id }),
    );
    app.post(
      '/partnerships/:id/overeenkomsten',
      { schema: { tags, summary: 'Een overeenkomst aanmaken, met een voorstel voor de clausules uit wat het platform weet', params: SamenwerkingParams, body: OvereenkomstAanmaken, response: { 201: OvereenkomstDetail, ...writeErrors } } },
      async (req, reply) => reply.status(201).send(await createOvereenkomst({ db, auth: req.auth, partnershipId: req.params.id, input: req.body })),
    );
    app.get(
      '/overeenkomsten/:id',
      { schema: { tags, summary: 'Eén overeenkomst: clausules met volledigheid en opmerkingen, partijen, ondertekening, versies', params: OvereenkomstParams, response: { 200: OvereenkomstDetail, ...errors } } },
      (req) => getOvereenkomst({ db, auth: req.auth, id: req.params.id }),
    );
    app.put(
      '/overeenkomsten/:id',
      { schema: { tags, summary: 'Titel, gedekte leerroutes en onderwerpen wijzigen (alleen een concept; verouderde versie: 409)', params: OvereenkomstParams, body: OvereenkomstInstellingen, response: { 200: OvereenkomstDetail, ...writeErrors } } },
      (req) => changeInstellingen({ db, auth: req.auth, id: req.params.id, input: req.body }),
    );
    app.put(
      '/overeenkomsten/:id/clausules/:clausuleId',
      { schema: { tags, summary: 'De tekst van een clausule wijzigen, met de versie die u zag (verouderd of ondertekend: 409)', params: ClausuleParams, body: ClausuleWijzigen, response: { 200: OvereenkomstDetail, ...writeErrors } } },
      (req) => changeClausule({ db, auth: req.auth, id: req.params.id, clausuleId: req.params.clausuleId, versie: req.body.versie, tekst: req.body.tekst }),
    );
    app.post(
      '/overeenkomsten/:id/clausules/:clausuleId/opmerkingen',
      { schema: { tags, summary: 'Een opmerking bij een clausule plaatsen', params: ClausuleParams, body: OpmerkingPlaatsen, response: { 201: OvereenkomstDetail, ...writeErrors } } },
      async (req, reply) => reply.status(201).send(await addOpmerking({ db, auth: req.auth, id: req.params.id, clausuleId: req.params.clausuleId, tekst: req.body.tekst })),
    );
    app.post(
      '/overeenkomsten/:id/status',
      { schema: { tags, summary: 'Ter ondertekening aanbieden (alleen compleet), terug naar concept, of beëindigen (beheerder)', params: OvereenkomstParams, body: StatusWijzigen, response: { 200: OvereenkomstDetail, ...writeErrors } } },
      (req) => changeStatus({ db, auth: req.auth, id: req.params.id, input: req.body }),
    );
    app.post(
      '/overeenkomsten/:id/ondertekeningen',
      { schema: { tags, summary: 'Ondertekenen namens een partij (beheerder van die partij): naam, functie en datum', params: OvereenkomstParams, body: Ondertekenen, response: { 200: OvereenkomstDetail, ...writeErrors } } },
      (req) => onderteken({ db, auth: req.auth, id: req.params.id, input: req.body }),
    );
    app.put(
      '/overeenkomsten/:id/medezeggenschap',
      { schema: { tags, summary: 'De instemming of het advies van de medezeggenschap van een partij vastleggen (beheerder van die partij)', params: OvereenkomstParams, body: MedezeggenschapVastleggen, response: { 200: OvereenkomstDetail, ...writeErrors } } },
      (req) => legMedezeggenschapVast({ db, auth: req.auth, id: req.params.id, input: req.body }),
    );
    app.post(
      '/overeenkomsten/:id/nieuwe-versie',
      { schema: { tags, summary: 'Een nieuwe versie maken van een ondertekende overeenkomst (om haar te wijzigen)', params: OvereenkomstParams, response: { 201: OvereenkomstDetail, ...writeErrors } } },
      async (req, reply) => reply.status(201).send(await nieuweVersie({ db, auth: req.auth, id: req.params.id })),
    );
    app.get(
      '/overeenkomsten/:id/verschil',
      { schema: { tags, summary: 'Het verschil per clausule tussen twee versies van dezelfde overeenkomst', params: OvereenkomstParams, querystring: VerschilQuery, response: { 200: Verschil, ...errors } } },
      (req) => verschilTussenVersies({ db, auth: req.auth, id: req.params.id, met: req.query.met }),
    );
    app.get(
      '/leerroutes/:routeId/overeenkomsten',
      { schema: { tags, summary: 'De overeenkomsten die een leerroute dekken, en of een ondertekende dat doet', params: LeerrouteParams, response: { 200: RouteDekking, ...errors } } },
      (req) => routeDekking({ db, auth: req.auth, routeId: req.params.routeId }),
    );
    const shed = new HeavyRequestGate(opts.exportLimits ?? DEFAULT_HEAVY_REQUEST_LIMITS, 'exports').hooks(userOrAddress);
    for (const formaat of ['docx', 'pdf'] as const) {
      app.get(
        `/overeenkomsten/:id/overeenkomst.${formaat}`,
        {
          ...shed,
          schema: { tags, summary: `De overeenkomst als ${formaat === 'docx' ? 'DOCX' : 'toegankelijke PDF'}, met de bronnen in een bijlage en een ondertekeningsblok per partij`, params: OvereenkomstParams, response: { ...errors, 429: Problem, 503: Problem } },
        },
        async (req, reply) => {
          const file = await exportOvereenkomst({ db, auth: req.auth, id: req.params.id, formaat });
          return sendFile(reply, file);
        },
      );
    }
  };
}
