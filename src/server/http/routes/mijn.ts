/**
 * Thin routes of the pupil's own view (issue 14): own results, the result statement, own vrijstelling requests,
 * where a request can go, and the own groups' leerroutes. Only the signed-in account's own pupil records; another pupil's ids are 404.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { ExportFile } from '../../use-cases/inventory/export-inventory.js';
import { Problem } from '../../../shared/catalog-api.js';
import { MboInstellingen, MijnBeoordelingParams, MijnLeerroutes, MijnResultaten, MijnVrijstellingen, VrijstellingAanvragen } from '../../../shared/mijn-api.js';
import { VrijstellingVerzoek } from '../../../shared/vrijstelling-api.js';
import type { DB } from '../../db/schema.js';
import { downloadResultaatverklaring } from '../../use-cases/mijn/resultaatverklaring.js';
import { mijnMboInstellingen, mijnResultaten, mijnVrijstellingen } from '../../use-cases/mijn/resultaten.js';
import { vraagVrijstellingAan } from '../../use-cases/mijn/vrijstelling-aanvragen.js';
import { mijnLeerroutes } from '../../use-cases/mijn/leerroutes.js';

function sendFile(reply: FastifyReply, file: ExportFile) {
  // The pupil's own statement: never kept in a shared cache.
  return reply.type(file.contentType).header('Cache-Control', 'private, no-store').header('Content-Disposition', `attachment; filename="${file.fileName}"`).send(file.body);
}

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

export function mijnRoutes(db: Kysely<DB>, opts: { publicUrl: string }): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['mijn'];
    app.get('/mijn/resultaten', { schema: { tags, summary: 'Mijn leerlinggegevens, examens en vastgestelde resultaten (leerling)', response: { 200: MijnResultaten, ...errors } } }, (req) =>
      mijnResultaten({ db, auth: req.auth }),
    );
    app.get(
      '/mijn/resultaten/:beoordelingId/resultaatverklaring.pdf',
      { schema: { tags, summary: 'De resultaatverklaring van een eigen vastgesteld resultaat, met verificatiecode (toegankelijke PDF)', params: MijnBeoordelingParams, response: errors } },
      async (req, reply) => {
        const file = await downloadResultaatverklaring({ db, auth: req.auth, beoordelingId: req.params.beoordelingId, publicUrl: opts.publicUrl });
        return sendFile(reply, file);
      },
    );
    app.get('/mijn/leerroutes', { schema: { tags, summary: 'De leerroute van elk van mijn groepen: per leerjaar en periode de doelen, lessen en toetsen (leerling)', response: { 200: MijnLeerroutes, ...errors } } }, (req) =>
      mijnLeerroutes({ db, auth: req.auth }),
    );
    app.get('/mijn/vrijstellingen', { schema: { tags, summary: 'Mijn verzoeken om vrijstelling en de besluiten', response: { 200: MijnVrijstellingen, ...errors } } }, (req) =>
      mijnVrijstellingen({ db, auth: req.auth }),
    );
    app.post(
      '/mijn/vrijstellingen',
      {
        schema: {
          tags,
          summary: 'Een vrijstelling vragen bij een mbo-instelling op een eigen behaald, vastgesteld resultaat (al een open verzoek daar: 409)',
          body: VrijstellingAanvragen,
          response: { 201: VrijstellingVerzoek, ...errors, 409: Problem },
        },
      },
      async (req, reply) => reply.status(201).send(await vraagVrijstellingAan({ db, auth: req.auth, input: req.body })),
    );
    app.get('/mijn/mbo-instellingen', { schema: { tags, summary: 'De mbo-instellingen waar een verzoek om vrijstelling heen kan', response: { 200: MboInstellingen, ...errors } } }, (req) =>
      mijnMboInstellingen({ db, auth: req.auth }),
    );
  };
}
