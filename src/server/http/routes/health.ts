/** Liveness and readiness (issue 11), for a load balancer or an orchestrator; public, no account needed. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { Health, Problem } from '../../../shared/catalog-api.js';
import type { DB } from '../../db/schema.js';
import { checkReadiness } from '../../use-cases/health/readiness.js';

const Ready = z.object({
  status: z.literal('ok'),
  catalogusversie: z.string().describe('De stand van de catalogus waaruit deze instantie antwoordt (aantal releases:laatste release)'),
});

export function healthRoutes(opts: { db: Kysely<DB>; modus: 'demo' | 'production'; closing: () => boolean }): FastifyPluginAsyncZod {
  return async (app) => {
    // The mode is public (the front end shows a banner in demo mode), nothing else about the configuration.
    app.get(
      '/health',
      { schema: { tags: ['catalogus'], summary: 'Draait de server, en in welke modus (demo of productie)', response: { 200: Health } } },
      async () => ({ status: 'ok' as const, modus: opts.modus }),
    );
    app.get(
      '/ready',
      {
        schema: {
          tags: ['catalogus'],
          summary: 'Kan deze instantie verzoeken aannemen: database bereikbaar, migraties uitgevoerd, catalogus geladen, niet aan het afsluiten',
          description: '503 (problem+json) met de reden(en) als de instantie niet gereed is; een load balancer stuurt dan geen verkeer.',
          response: { 200: Ready, 503: Problem },
        },
      },
      () => checkReadiness({ db: opts.db, closing: opts.closing() }),
    );
  };
}
