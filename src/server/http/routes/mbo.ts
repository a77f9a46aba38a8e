/** Thin HTTP routes of the public mbo catalogue. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { Problem } from '../../../shared/catalog-api.js';
import {
  DossierDetail, DossierSummary, KeuzedeelDetail, KeuzedeelListQuery, KeuzedeelSummary, KwalificatieDetail, KwalificatieListQuery,
  KwalificatieSummary, OpleidingsdomeinSummary,
} from '../../../shared/mbo-api.js';
import { renderTemplateCsv, TABLE_KINDS, type TableKind } from '../../../domain/mbo/index.js';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import {
  getDossier, getKeuzedeel, getKwalificatie, listDossiers, listKeuzedelen, listKwalificaties, listOpleidingsdomeinen,
} from '../../use-cases/catalog/mbo-catalog.js';
import { PAGED, withTotalCount } from './catalog.js';

const errors = { 400: Problem, 404: Problem };
const Crebo = z.object({ crebo: z.string().regex(/^\d{5}$/, 'een crebo bestaat uit vijf cijfers') });

export function mboRoutes(db: Kysely<DB>): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['mbo'];
    app.get('/mbo/opleidingsdomeinen', { schema: { tags, summary: 'Opleidingsdomeinen met aantallen dossiers en kwalificaties', response: { 200: z.array(OpleidingsdomeinSummary) } } }, () =>
      listOpleidingsdomeinen({ db }),
    );
    app.get(
      '/mbo/dossiers',
      { schema: { tags, summary: 'Kwalificatiedossiers, te filteren op opleidingsdomein', querystring: z.object({ domein: z.string().max(120).optional() }), response: { 200: z.array(DossierSummary), ...errors } } },
      (req) => listDossiers({ db, domein: req.query.domein }),
    );
    app.get('/mbo/dossiers/:crebo', { schema: { tags, summary: 'Een kwalificatiedossier met zijn kwalificaties', params: Crebo, response: { 200: DossierDetail, ...errors } } }, (req) =>
      getDossier({ db, crebo: req.params.crebo }),
    );
    app.get(
      '/mbo/kwalificaties',
      { schema: { tags, summary: `Kwalificaties, te filteren op opleidingsdomein, dossier, niveau en tekst${PAGED}`, querystring: KwalificatieListQuery, response: { 200: z.array(KwalificatieSummary), ...errors } } },
      async (req, reply) => withTotalCount(reply, await listKwalificaties({ db, query: req.query })),
    );
    app.get(
      '/mbo/kwalificaties/:crebo',
      { schema: { tags, summary: 'Een kwalificatie met kerntaken, werkprocessen, versies, keuzedelen en bronnen', params: Crebo, response: { 200: KwalificatieDetail, ...errors } } },
      (req) => getKwalificatie({ db, crebo: req.params.crebo }),
    );
    app.get(
      '/mbo/keuzedelen',
      { schema: { tags, summary: `Keuzedelen, te filteren op SBU, niveau, kwalificatie en tekst${PAGED}`, querystring: KeuzedeelListQuery, response: { 200: z.array(KeuzedeelSummary), ...errors } } },
      async (req, reply) => withTotalCount(reply, await listKeuzedelen({ db, query: req.query })),
    );
    app.get(
      '/mbo/keuzedelen/:code',
      { schema: { tags, summary: 'Een keuzedeel met koppelingen, aanbod en bronnen', params: z.object({ code: z.string().regex(/^[Kk]\d{4}$/, 'een keuzedeelcode is K gevolgd door vier cijfers') }), response: { 200: KeuzedeelDetail, ...errors } } },
      (req) => getKeuzedeel({ db, code: req.params.code }),
    );
    app.get(
      '/mbo/sjablonen/:bestand',
      {
        schema: {
          tags,
          summary: `Leeg sjabloon (CSV) voor een importtabel: ${TABLE_KINDS.map((k) => `${k}.csv`).join(', ')}`,
          params: z.object({ bestand: z.string().max(60) }),
          response: { 200: z.string(), ...errors },
        },
      },
      async (req, reply) => {
        const kind = req.params.bestand.replace(/\.csv$/, '');
        if (!req.params.bestand.endsWith('.csv') || !(TABLE_KINDS as readonly string[]).includes(kind)) {
          throw notFound(`Geen sjabloon ${req.params.bestand}. Beschikbaar: ${TABLE_KINDS.map((k) => `${k}.csv`).join(', ')}.`);
        }
        return reply
          .type('text/csv; charset=utf-8')
          .header('Content-Disposition', `attachment; filename="${kind}.csv"`)
          .send(renderTemplateCsv(kind as TableKind));
      },
    );
  };
}
