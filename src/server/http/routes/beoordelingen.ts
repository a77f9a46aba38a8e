/**
 * Thin routes of the assessment of the joint exam (issue 14): the forms of an exam, one form, one side's save (with
 * that side's versie), a herkansing, a correction after vaststelling, vaststellen of all results, and the exports for
 * both administrations. Access in the use cases (openExamen / openBeoordeling).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { Problem } from '../../../shared/catalog-api.js';
import { BeoordelingDetail, BeoordelingLijst, BeoordelingParams, Correctie, ExamenParams, KantOpslaan, KantParams, VaststellenResultaat } from '../../../shared/beoordeling-api.js';
import type { DB } from '../../db/schema.js';
import { DEFAULT_HEAVY_REQUEST_LIMITS, HeavyRequestGate, userOrAddress, type HeavyRequestLimits } from '../load-shedding.js';
import type { ExportFile } from '../../use-cases/inventory/export-inventory.js';
import { getBeoordeling, listBeoordelingen } from '../../use-cases/beoordelingen/detail.js';
import { exportFormulierPdf, exportKeuzedeelResultaten, exportSeCijfers } from '../../use-cases/beoordelingen/exporteren.js';
import { corrigeer, herkansing, saveKant } from '../../use-cases/beoordelingen/opslaan.js';
import { vaststellen } from '../../use-cases/beoordelingen/vaststellen.js';

function sendFile(reply: FastifyReply, file: ExportFile) {
  // Pupils' results: never kept in a shared cache.
  return reply.type(file.contentType).header('Cache-Control', 'private, no-store').header('Content-Disposition', `attachment; filename="${file.fileName}"`).send(file.body);
}

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const writeErrors = { ...errors, 409: Problem };

export function beoordelingRoutes(db: Kysely<DB>, opts: { exportLimits?: HeavyRequestLimits } = {}): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['beoordelingen'];
    app.get(
      '/examens/:examenId/beoordelingen',
      { schema: { tags, summary: 'De beoordelingsformulieren van een examen (laatste poging per leerling) met voortgang per beoordelaar', params: ExamenParams, response: { 200: BeoordelingLijst, ...errors } } },
      (req) => listBeoordelingen({ db, auth: req.auth, examenId: req.params.examenId }),
    );
    app.get(
      '/beoordelingen/:beoordelingId',
      { schema: { tags, summary: 'Eén beoordelingsformulier: criteria, scores van beide beoordelaars, resultaten en geschiedenis', params: BeoordelingParams, response: { 200: BeoordelingDetail, ...errors } } },
      (req) => getBeoordeling({ db, auth: req.auth, beoordelingId: req.params.beoordelingId }),
    );
    app.put(
      '/beoordelingen/:beoordelingId/kanten/:kant',
      {
        schema: {
          tags,
          summary: 'Het deel van één beoordelaar opslaan (scores, notities, resultaat) met de versie van dat deel; verouderd of vastgesteld: 409',
          params: KantParams,
          body: KantOpslaan,
          response: { 200: BeoordelingDetail, ...writeErrors },
        },
      },
      (req) => saveKant({ db, auth: req.auth, beoordelingId: req.params.beoordelingId, kant: req.params.kant, input: req.body }),
    );
    app.post(
      '/beoordelingen/:beoordelingId/herkansing',
      { schema: { tags, summary: 'Een herkansing (nieuwe poging) klaarzetten, als het PTA dat toestaat en de poging niet behaald is', params: BeoordelingParams, response: { 201: BeoordelingDetail, ...writeErrors } } },
      async (req, reply) => reply.status(201).send(await herkansing({ db, auth: req.auth, beoordelingId: req.params.beoordelingId })),
    );
    app.post(
      '/beoordelingen/:beoordelingId/correcties',
      { schema: { tags, summary: 'Een vastgesteld resultaat corrigeren, met een reden (examencommissie; zonder reden: 409)', params: BeoordelingParams, body: Correctie, response: { 200: BeoordelingDetail, ...writeErrors } } },
      (req) => corrigeer({ db, auth: req.auth, beoordelingId: req.params.beoordelingId, input: req.body }),
    );
    app.post(
      '/examens/:examenId/resultaten/vaststellen',
      { schema: { tags, summary: 'Alle open resultaten van het examen in één keer vaststellen (examencommissie); onvolledig: 409 met wat ontbreekt', params: ExamenParams, response: { 200: VaststellenResultaat, ...writeErrors } } },
      (req) => vaststellen({ db, auth: req.auth, examenId: req.params.examenId }),
    );
    const shed = new HeavyRequestGate(opts.exportLimits ?? DEFAULT_HEAVY_REQUEST_LIMITS, 'exports').hooks(userOrAddress);
    const exportErrors = { ...writeErrors, 429: Problem, 503: Problem };
    app.get(
      '/examens/:examenId/resultaten/se-cijfers.csv',
      { ...shed, schema: { tags, summary: 'De SE-cijfers voor Magister of Somtoday (leerlingnummer;toetscode;cijfer;datum)', params: ExamenParams, response: exportErrors } },
      async (req, reply) => sendFile(reply, await exportSeCijfers({ db, auth: req.auth, examenId: req.params.examenId })),
    );
    for (const formaat of ['csv', 'xlsx'] as const) {
      app.get(
        `/examens/:examenId/resultaten/keuzedeelresultaten.${formaat}`,
        { ...shed, schema: { tags, summary: `De keuzedeelresultaten voor de mbo-studentadministratie als ${formaat.toUpperCase()}`, params: ExamenParams, response: exportErrors } },
        async (req, reply) => sendFile(reply, await exportKeuzedeelResultaten({ db, auth: req.auth, examenId: req.params.examenId, formaat })),
      );
    }
    app.get(
      '/beoordelingen/:beoordelingId/formulier.pdf',
      { ...shed, schema: { tags, summary: 'Het ingevulde beoordelingsformulier als toegankelijke PDF', params: BeoordelingParams, response: exportErrors } },
      async (req, reply) => sendFile(reply, await exportFormulierPdf({ db, auth: req.auth, beoordelingId: req.params.beoordelingId })),
    );
  };
}
