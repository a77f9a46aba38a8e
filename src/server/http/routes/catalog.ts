/** Thin HTTP routes of the public catalogue: validate, call a use case, answer. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CatalogStatus, DetailQuery, KeuzevakDetail, KeuzevakSummary, LeerwegInfo, ListQuery, Problem, ProfielDetail,
  ProfielmoduleDetail, ProfielmoduleSummary, ProfielSummary, SearchQuery, SearchResult, LeerwegParam, TOTAL_COUNT_HEADER,
} from '../../../shared/catalog-api.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { getCatalogStatus } from '../../use-cases/catalog/get-catalog-status.js';
import { getKeuzevak } from '../../use-cases/catalog/get-keuzevak.js';
import { getProfiel, listProfielen } from '../../use-cases/catalog/get-profiel.js';
import { getProfielmodule } from '../../use-cases/catalog/get-profielmodule.js';
import { listLeerwegen } from '../../use-cases/catalog/list-leerwegen.js';
import { listKeuzevakken, listProfielmodulen } from '../../use-cases/catalog/list-keuzevakken.js';
import { searchCatalog } from '../../use-cases/catalog/search-catalog.js';

const Slug = z.object({ slug: z.string().min(1).max(40).regex(/^[A-Za-z0-9&-]+$/, 'ongeldige code') });
const errors = { 400: Problem, 404: Problem };

/** A paged list: the page as the body, the number of matching items in the header X-Total-Count. */
export function withTotalCount<T>(reply: { header(name: string, value: string): unknown }, page: { items: T[]; totaal: number }): T[] {
  reply.header(TOTAL_COUNT_HEADER, String(page.totaal));
  return page.items;
}
export const PAGED = `; met pagina en perPagina één pagina daarvan. De kop X-Total-Count geeft het totale aantal`;

export function catalogRoutes(db: Kysely<DB>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/catalog/status', { schema: { tags: ['catalogus'], summary: 'Stand van de catalogus: bron, release en aantallen', response: { 200: CatalogStatus } } }, () =>
      getCatalogStatus({ db }),
    );

    app.get('/vmbo/leerwegen', { schema: { tags: ['vmbo'], summary: 'De vmbo-leerwegen', response: { 200: z.array(LeerwegInfo) } } }, () =>
      listLeerwegen({ db }),
    );

    app.get(
      '/vmbo/profielen',
      { schema: { tags: ['vmbo'], summary: 'Beroepsgerichte profielen', querystring: z.object({ leerweg: LeerwegParam.optional() }), response: { 200: z.array(ProfielSummary), ...errors } } },
      (req) => listProfielen({ db, leerweg: req.query.leerweg }),
    );

    app.get(
      '/vmbo/profielen/:slug',
      { schema: { tags: ['vmbo'], summary: 'Een profiel met kern, profielmodulen en keuzevakken', params: Slug, querystring: DetailQuery.pick({ leerweg: true }), response: { 200: ProfielDetail, ...errors } } },
      (req) => getProfiel({ db, slug: req.params.slug, leerweg: req.query.leerweg }),
    );

    app.get(
      '/vmbo/profielmodulen',
      { schema: { tags: ['vmbo'], summary: `Profielmodulen, te filteren op profiel, leerweg en tekst${PAGED}`, querystring: ListQuery, response: { 200: z.array(ProfielmoduleSummary), ...errors } } },
      async (req, reply) => withTotalCount(reply, await listProfielmodulen({ db, query: req.query })),
    );

    app.get(
      '/vmbo/profielmodulen/:slug',
      { schema: { tags: ['vmbo'], summary: 'Een profielmodule met deeltaken en eindtermen', params: Slug, querystring: DetailQuery.pick({ leerweg: true }), response: { 200: ProfielmoduleDetail, ...errors } } },
      (req) => getProfielmodule({ db, slug: req.params.slug, leerweg: req.query.leerweg }),
    );

    app.get(
      '/vmbo/keuzevakken',
      { schema: { tags: ['vmbo'], summary: `Keuzevakken, te filteren op profiel, leerweg en tekst${PAGED}`, querystring: ListQuery, response: { 200: z.array(KeuzevakSummary), ...errors } } },
      async (req, reply) => withTotalCount(reply, await listKeuzevakken({ db, query: req.query })),
    );

    app.get(
      '/vmbo/keuzevakken/:slug',
      { schema: { tags: ['vmbo'], summary: 'Een keuzevak met deeltaken en eindtermen (code in de URL met streepjes: K-PIE-16)', params: Slug, querystring: DetailQuery, response: { 200: KeuzevakDetail, ...errors } } },
      (req) => getKeuzevak({ db, slug: req.params.slug, leerweg: req.query.leerweg, versie: req.query.versie }),
    );

    app.get(
      '/search',
      { schema: { tags: ['zoeken'], summary: 'Zoeken in de catalogus, Nederlandstalig (stemming, hoofdletter- en accentongevoelig)', querystring: SearchQuery, response: { 200: SearchResult, ...errors } } },
      (req) => searchCatalog({ db, query: req.query }),
    );
  };
}
