/**
 * Thin routes of the regional menukaart (issue 15): the working menukaart of a region (staff of the region and its
 * schools), proposing, changing and deciding on modules, their lifecycle and exams, the region's dashboard; and the
 * public menukaart (no sign-in), its modules and its exports. See src/shared/menukaart-api.ts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import type { ExportFile } from '../../use-cases/inventory/export-inventory.js';
import type { Kysely } from 'kysely';
import { Problem } from '../../../shared/catalog-api.js';
import {
  ExamensVastleggen, ExportQuery, InschrijvingenExportQuery, InschrijvingenQuery, LevenscyclusWijzigen, MenukaartBeheer, MenukaartDashboard, MenukaartFilter, MijnMenukaarten, ModuleBesluit,
  ModuleDetail, ModuleInschrijvingen, ModuleInvoer, ModuleParams, ModuleWijzigen, PubliekeMenukaart, PubliekeModuleParams, RegioParams, SlugParams, VoorstelIntrekken,
} from '../../../shared/menukaart-api.js';
import type { DB } from '../../db/schema.js';
import { DEFAULT_HEAVY_REQUEST_LIMITS, HeavyRequestGate, userOrAddress, type HeavyRequestLimits } from '../load-shedding.js';
import {
  besluitModule, getMenukaartBeheer, getModule, legExamensVast, menukaartDashboard, mijnMenukaarten, proposeModule, trekVoorstelIn, wijzigLevenscyclus, wijzigModule,
} from '../../use-cases/menukaart/beheer.js';
import { exportInschrijvingen, getInschrijvingen } from '../../use-cases/menukaart/inschrijvingen.js';
import { exportMenukaart, publiekeMenukaartJson, publiekeModule } from '../../use-cases/menukaart/publiek.js';

function sendFile(reply: FastifyReply, file: ExportFile) {
  return reply.type(file.contentType).header('Content-Disposition', `attachment; filename="${file.fileName}"`).send(file.body);
}

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const writeErrors = { ...errors, 409: Problem };
const publicErrors = { 400: Problem, 404: Problem };

export function menukaartRoutes(db: Kysely<DB>, opts: { publicUrl?: string; exportLimits?: HeavyRequestLimits } = {}): FastifyPluginAsyncZod {
  const basisUrl = (opts.publicUrl ?? 'http://localhost:3000').replace(/\/+$/, '');
  return async (app) => {
    const tags = ['menukaart'];
    app.get(
      '/menukaarten',
      { schema: { tags, summary: 'De regio’s waarvan u de menukaart mee bijhoudt (als regio of als school van de regio)', response: { 200: MijnMenukaarten, 401: Problem } } },
      (req) => mijnMenukaarten({ db, auth: req.auth }),
    );
    app.get(
      '/regios/:regioId/menukaart',
      { schema: { tags, summary: 'De menukaart in bewerking: voorstellen, teruggestuurde en gepubliceerde modulen', params: RegioParams, response: { 200: MenukaartBeheer, ...errors } } },
      (req) => getMenukaartBeheer({ db, auth: req.auth, regioId: req.params.regioId }),
    );
    app.post(
      '/regios/:regioId/menukaart/modulen',
      { schema: { tags, summary: 'Een module voorstellen (beheerder of ontwikkelaar van een school van de regio)', params: RegioParams, body: ModuleInvoer, response: { 201: ModuleDetail, ...writeErrors } } },
      async (req, reply) => reply.status(201).send(await proposeModule({ db, auth: req.auth, regioId: req.params.regioId, input: req.body })),
    );
    app.get(
      '/regios/:regioId/menukaart/dashboard',
      { schema: { tags, summary: 'Het dashboard van de regio: reviews, herzieningen, voorstellen tot verwijderen, deelname', params: RegioParams, response: { 200: MenukaartDashboard, ...errors } } },
      (req) => menukaartDashboard({ db, auth: req.auth, regioId: req.params.regioId }),
    );
    app.get(
      '/menukaart/modulen/:moduleId',
      { schema: { tags, summary: 'Eén module met levenscyclus en waar ze naartoe leidt', params: ModuleParams, response: { 200: ModuleDetail, ...errors } } },
      (req) => getModule({ db, auth: req.auth, moduleId: req.params.moduleId }),
    );
    app.put(
      '/menukaart/modulen/:moduleId',
      { schema: { tags, summary: 'Een module wijzigen, met de versie die u zag (verouderd: 409)', params: ModuleParams, body: ModuleWijzigen, response: { 200: ModuleDetail, ...writeErrors } } },
      (req) => wijzigModule({ db, auth: req.auth, moduleId: req.params.moduleId, input: req.body }),
    );
    app.post(
      '/menukaart/modulen/:moduleId/besluit',
      { schema: { tags, summary: 'Publiceren, terugsturen met een reden of van de menukaart halen (beheerder van de regio)', params: ModuleParams, body: ModuleBesluit, response: { 200: ModuleDetail, ...writeErrors } } },
      (req) => besluitModule({ db, auth: req.auth, moduleId: req.params.moduleId, input: req.body }),
    );
    app.put(
      '/menukaart/modulen/:moduleId/levenscyclus',
      { schema: { tags, summary: 'De laatste review en een herziening met deadline vastleggen (beheerder van de regio)', params: ModuleParams, body: LevenscyclusWijzigen, response: { 200: ModuleDetail, ...writeErrors } } },
      (req) => wijzigLevenscyclus({ db, auth: req.auth, moduleId: req.params.moduleId, input: req.body }),
    );
    app.put(
      '/menukaart/modulen/:moduleId/examens',
      { schema: { tags, summary: 'Het aantal afgenomen examens per schooljaar en school vastleggen (aanbieder of regio)', params: ModuleParams, body: ExamensVastleggen, response: { 200: ModuleDetail, ...writeErrors } } },
      (req) => legExamensVast({ db, auth: req.auth, moduleId: req.params.moduleId, input: req.body }),
    );
    app.post(
      '/menukaart/modulen/:moduleId/intrekken',
      { schema: { tags, summary: 'Het eigen voorstel intrekken zolang het wacht of is teruggestuurd (beheerder of ontwikkelaar van de aanbieder)', params: ModuleParams, body: VoorstelIntrekken, response: { 200: ModuleDetail, ...writeErrors } } },
      (req) => trekVoorstelIn({ db, auth: req.auth, moduleId: req.params.moduleId, input: req.body }),
    );
    app.get(
      '/menukaart/modulen/:moduleId/inschrijvingen',
      { schema: { tags, summary: 'De inschrijvingslijst: leerlingen met een goedgekeurde keuze en de plaatsen per periode (aanbieder, beheerder van de regio; staat in het logboek)', params: ModuleParams, querystring: InschrijvingenQuery, response: { 200: ModuleInschrijvingen, ...errors } } },
      (req) => getInschrijvingen({ db, auth: req.auth, moduleId: req.params.moduleId, ...(req.query.schooljaar ? { schooljaar: req.query.schooljaar } : {}) }),
    );

    // Public: no sign-in needed.
    app.get(
      '/publiek/menukaart/:slug',
      { schema: { tags, summary: 'De openbare menukaart van een regio, te filteren op profiel, leerweg, sector, locatie, soort en periode', params: SlugParams, querystring: MenukaartFilter, response: { 200: PubliekeMenukaart, ...publicErrors } } },
      // Serialised once per state of the menukaart and filter (checked against the contract then); Fastify sends a string
      // with a JSON content type as it is. The cast only tells the type provider so.
      async (req, reply) => reply.type('application/json; charset=utf-8').send((await publiekeMenukaartJson({ db, auth: req.auth, slug: req.params.slug, filter: req.query })) as never),
    );
    app.get(
      '/publiek/menukaart/:slug/modulen/:module',
      { schema: { tags, summary: 'Eén gepubliceerde module (op haar vaste adres of id)', params: PubliekeModuleParams, response: { 200: ModuleDetail, ...publicErrors } } },
      (req) => publiekeModule({ db, auth: req.auth, slug: req.params.slug, module: req.params.module }),
    );
    // Exports go through the export gate: the provider's enrolment list (signed in) and the public menukaart.
    const shed = new HeavyRequestGate(opts.exportLimits ?? DEFAULT_HEAVY_REQUEST_LIMITS, 'exports').hooks(userOrAddress);
    app.get(
      '/menukaart/modulen/:moduleId/inschrijvingen/export',
      { ...shed, schema: { tags, summary: 'De inschrijvingslijst als CSV of XLSX (aanbieder, beheerder van de regio; staat in het logboek)', params: ModuleParams, querystring: InschrijvingenExportQuery, response: { ...errors, 429: Problem, 503: Problem } } },
      async (req, reply) => {
        const { formaat, schooljaar } = req.query;
        return sendFile(reply, await exportInschrijvingen({ db, auth: req.auth, moduleId: req.params.moduleId, formaat, ...(schooljaar ? { schooljaar } : {}) }));
      },
    );
    app.get(
      '/publiek/menukaart/:slug/export',
      { ...shed, schema: { tags, summary: 'De (gefilterde) menukaart als CSV, XLSX of afdrukbare, toegankelijke PDF-brochure', params: SlugParams, querystring: ExportQuery, response: { ...publicErrors, 429: Problem, 503: Problem } } },
      async (req, reply) => {
        const { formaat, ...filter } = req.query;
        const file = await exportMenukaart({ db, auth: req.auth, slug: req.params.slug, filter, formaat, basisUrl });
        return sendFile(reply, file);
      },
    );
  };
}
