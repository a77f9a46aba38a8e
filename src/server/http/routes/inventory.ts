/**
 * Thin routes of the overlap inventory and the crosswalk (issue 5). Public: the inventory without reviews, its
 * export, and the counts of confirmations (never which samenwerking). Within a samenwerking: the inventory with its
 * reviews (partnership.read), the crosswalk and its CASE export, and the review actions (partnership.write).
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { Problem } from '../../../shared/catalog-api.js';
import {
  BeoordelingsAntwoord, Bevestigingen, BevestigingenQuery, Crosswalk, ExportQuery, Inventaris, InventarisQuery, KoppelingBeoordelen, NietKoppelen,
  OpgeslagenSelectie, OpgeslagenSelecties, SelectieOpslaan, SelectieVerwijderen, SelectieWijzigen,
} from '../../../shared/inventory-api.js';
import type { DB } from '../../db/schema.js';
import { DEFAULT_HEAVY_REQUEST_LIMITS, HeavyRequestGate, userOrAddress, type HeavyRequestLimits } from '../load-shedding.js';
import { getConfirmations } from '../../use-cases/inventory/confirmations.js';
import { exportCase, exportInventory, type ExportFile } from '../../use-cases/inventory/export-inventory.js';
import { getInventory } from '../../use-cases/inventory/get-inventory.js';
import { getCrosswalk, markUnlinked, reviewLink } from '../../use-cases/inventory/review-crosswalk.js';
import { changeSelection, deleteSelection, listSelections, saveSelection } from '../../use-cases/inventory/saved-selections.js';

const Params = z.object({ id: z.uuid('onbekende samenwerking') });
const SelectieParams = Params.extend({ selectieId: z.uuid('onbekende selectie') });
/** A change of joint work can also be stale (409). */
const changeErrors = { ...{ 400: Problem, 401: Problem, 403: Problem, 404: Problem }, 409: Problem };
const publicErrors = { 400: Problem, 404: Problem };
const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
/** Exports are shed under load: 429 past the caller's limit, 503 when too many are in progress. */
const exportErrors = { 429: Problem, 503: Problem };

function sendFile(reply: FastifyReply, file: ExportFile) {
  return reply.type(file.contentType).header('Content-Disposition', `attachment; filename="${file.fileName}"`).send(file.body);
}

/**
 * `exportLimits`: per caller per minute and in progress at once, for the public export (per address) and for the
 * exports within a samenwerking (per user), each with its own count, so anonymous load never blocks partners' exports.
 */
export function inventoryRoutes(db: Kysely<DB>, opts: { exportLimits?: HeavyRequestLimits } = {}): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['inventaris'];
    const limits = opts.exportLimits ?? DEFAULT_HEAVY_REQUEST_LIMITS;
    const publicExports = new HeavyRequestGate(limits, 'exports').hooks();
    const memberExports = new HeavyRequestGate(limits, 'exports').hooks(userOrAddress);
    app.get(
      '/inventaris',
      { schema: { tags, summary: 'Overlapinventaris (Alleen vmbo / Beiden / Alleen mbo) met voorstellen van de zoekmonitor, zonder beoordelingen', querystring: InventarisQuery, response: { 200: Inventaris, ...publicErrors } } },
      (req) => getInventory({ db, query: req.query }),
    );
    app.get(
      '/inventaris/export',
      { ...publicExports, schema: { tags, summary: 'De overlapinventaris als CSV of XLSX', querystring: ExportQuery, response: { ...publicErrors, ...exportErrors } } },
      async (req, reply) => sendFile(reply, await exportInventory({ db, query: req.query, formaat: req.query.formaat })),
    );
    app.get(
      '/crosswalk/bevestigingen',
      { schema: { tags, summary: 'Hoeveel samenwerkingen een koppeling bevestigden (alleen aantallen, nooit welke)', querystring: BevestigingenQuery, response: { 200: Bevestigingen, ...publicErrors } } },
      (req) => getConfirmations({ db, query: req.query }),
    );

    app.get(
      '/partnerships/:id/inventaris',
      { schema: { tags, summary: 'Overlapinventaris binnen een samenwerking, met haar beoordelingen', params: Params, querystring: InventarisQuery, response: { 200: Inventaris, ...errors } } },
      (req) => getInventory({ db, auth: req.auth, partnershipId: req.params.id, query: req.query }),
    );
    app.get(
      '/partnerships/:id/inventaris/export',
      { ...memberExports, schema: { tags, summary: 'De overlapinventaris van de samenwerking als CSV of XLSX', params: Params, querystring: ExportQuery, response: { ...errors, ...exportErrors } } },
      async (req, reply) => sendFile(reply, await exportInventory({ db, auth: req.auth, partnershipId: req.params.id, query: req.query, formaat: req.query.formaat })),
    );
    app.get(
      '/partnerships/:id/crosswalk',
      { schema: { tags, summary: 'De crosswalk van de samenwerking: beoordeelde koppelingen, bewust niet gekoppelde items en de geschiedenis', params: Params, response: { 200: Crosswalk, ...errors } } },
      (req) => getCrosswalk({ db, auth: req.auth, partnershipId: req.params.id }),
    );
    app.get(
      '/partnerships/:id/crosswalk/case',
      {
        ...memberExports,
        schema: {
          tags,
          summary: 'De bevestigde koppelingen als 1EdTech CASE 1.1-pakket (CFPackage, JSON): binnen de selectie, of zonder selectie de hele crosswalk',
          params: Params,
          querystring: InventarisQuery,
          response: { ...errors, ...exportErrors },
        },
      },
      async (req, reply) => {
        const pkg = await exportCase({ db, auth: req.auth, partnershipId: req.params.id, query: req.query });
        return reply.type('application/json; charset=utf-8').header('Content-Disposition', 'attachment; filename="crosswalk-case.json"').send(JSON.stringify(pkg, null, 2) as never);
      },
    );
    app.put(
      '/partnerships/:id/crosswalk/koppelingen',
      { schema: { tags, summary: 'Een koppeling bevestigen (met type), afwijzen, toevoegen of een afwijzing herstellen, met toelichting', params: Params, body: KoppelingBeoordelen, response: { 200: BeoordelingsAntwoord, ...errors } } },
      (req) => reviewLink({ db, auth: req.auth, partnershipId: req.params.id, input: req.body }),
    );
    app.put(
      '/partnerships/:id/crosswalk/niet-gekoppeld',
      {
        schema: {
          tags,
          summary: 'Een eindterm, werkproces of keuzedeel markeren als bewust niet gekoppeld (of de markering weghalen)',
          params: Params,
          body: NietKoppelen,
          response: { 200: z.object({ itemId: z.string(), bewustNietGekoppeld: z.boolean() }), ...errors },
        },
      },
      (req) => markUnlinked({ db, auth: req.auth, partnershipId: req.params.id, input: req.body }),
    );

    // Saved selections of the samenwerking (issue 12): both schools open what the partner saved.
    app.get(
      '/partnerships/:id/inventaris/selecties',
      { schema: { tags, summary: 'De opgeslagen selecties van de samenwerking, op naam', params: Params, response: { 200: OpgeslagenSelecties, ...errors } } },
      (req) => listSelections({ db, auth: req.auth, partnershipId: req.params.id }),
    );
    app.post(
      '/partnerships/:id/inventaris/selecties',
      { schema: { tags, summary: 'De selectie onder een naam opslaan (de naam komt één keer voor in de samenwerking)', params: Params, body: SelectieOpslaan, response: { 201: OpgeslagenSelectie, ...changeErrors } } },
      async (req, reply) => reply.code(201).send(await saveSelection({ db, auth: req.auth, partnershipId: req.params.id, input: req.body })),
    );
    app.put(
      '/partnerships/:id/inventaris/selecties/:selectieId',
      { schema: { tags, summary: 'Een opgeslagen selectie hernoemen of wijzigen, met de versie die u zag (verouderd: 409)', params: SelectieParams, body: SelectieWijzigen, response: { 200: OpgeslagenSelectie, ...changeErrors } } },
      (req) => changeSelection({ db, auth: req.auth, partnershipId: req.params.id, selectieId: req.params.selectieId, input: req.body }),
    );
    app.delete(
      '/partnerships/:id/inventaris/selecties/:selectieId',
      { schema: { tags, summary: 'Een opgeslagen selectie verwijderen, met de versie die u zag (verouderd: 409)', params: SelectieParams, querystring: SelectieVerwijderen, response: { 204: z.null(), ...changeErrors } } },
      async (req, reply) => {
        await deleteSelection({ db, auth: req.auth, partnershipId: req.params.id, selectieId: req.params.selectieId, versie: req.query.versie });
        return reply.code(204).send(null);
      },
    );
  };
}
