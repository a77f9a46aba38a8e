/**
 * The zoekmonitor's public routes (issue 5): suggestions over the public catalogue, no account needed. And (issue 17)
 * the thumbs of staff on its results: not public (signed-in staff only), and nobody reads who voted.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { Problem } from '../../../shared/catalog-api.js';
import { AlignmentQuery, AlignmentResponse, MatchQuery, MatchResponse, MatchStemBody, MijnStemmen, MijnStemmenQuery } from '../../../shared/match-api.js';
import { mijnStemmen, stemIntrekken, stemUitbrengen } from '../../use-cases/matching/stemmen.js';
import type { DB } from '../../db/schema.js';
import { alignCatalog, matchCatalogJson } from '../../use-cases/matching/match.js';

const errors = { 400: Problem, 404: Problem };
const stemErrors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

export function matchRoutes(db: Kysely<DB>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/match',
      {
        schema: {
          tags: ['zoekmonitor'],
          summary: 'Zoekmonitor: passende kwalificaties en keuzedelen bij een keuzevak, profielmodule, keuzevakken of tekst; omgekeerd keuzevakken en profielmodulen bij een kwalificatie of keuzedeel',
          description:
            'Elk resultaat is een suggestie (status "suggestie") met score (0-1, ten opzichte van het beste resultaat van die soort), betrouwbaarheid (sterk, mogelijk, zwak) en uitleg: gedeelde woorden en de best passende paren eindterm ↔ werkproces. Zie README, "Zoekmonitor / matching".',
          querystring: MatchQuery,
          response: { 200: MatchResponse, ...errors },
        },
      },
      // The answer is serialised once per question and catalogue version (checked against MatchResponse then); Fastify
      // sends a string with a JSON content type as it is. The cast only tells the type provider so.
      async (req, reply) => reply.type('application/json; charset=utf-8').send((await matchCatalogJson({ db, query: req.query })) as never),
    );
    app.get(
      '/match/uitlijning',
      {
        schema: {
          tags: ['zoekmonitor'],
          summary: 'Per eindterm de best passende werkprocessen van een kwalificatie (of van de best passende dossiers)',
          querystring: AlignmentQuery,
          response: { 200: AlignmentResponse, ...errors },
        },
      },
      (req) => alignCatalog({ db, query: req.query }),
    );
    app.get(
      '/match/stemmen',
      {
        schema: {
          tags: ['zoekmonitor'],
          summary: 'Mijn duimen bij de resultaten van één keuzevak of profielmodule (alleen medewerkers, alleen de eigen stemmen)',
          querystring: MijnStemmenQuery,
          response: { 200: MijnStemmen, ...stemErrors },
        },
      },
      (req) => mijnStemmen({ db, auth: req.auth, soort: req.query.soort, code: req.query.code }),
    );
    app.put(
      '/match/stemmen',
      {
        schema: {
          tags: ['zoekmonitor'],
          summary: 'Duim omhoog of omlaag bij een resultaat van de zoekmonitor (één stem per persoon per resultaat; opnieuw stemmen vervangt de stem)',
          body: MatchStemBody,
          response: { 200: MijnStemmen, ...stemErrors },
        },
      },
      (req) => stemUitbrengen({ db, auth: req.auth, body: req.body }),
    );
    app.delete(
      '/match/stemmen',
      {
        schema: {
          tags: ['zoekmonitor'],
          summary: 'Trek de eigen duim bij een resultaat van de zoekmonitor in',
          body: MatchStemBody,
          response: { 200: MijnStemmen, ...stemErrors },
        },
      },
      (req) => stemIntrekken({ db, auth: req.auth, body: req.body }),
    );
  };
}
