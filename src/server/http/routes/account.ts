/** Thin routes of the signed-in user's own data (AVG): the export and deleting the account. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { Problem } from '../../../shared/catalog-api.js';
import { AccountVerwijderen, MijnGegevens } from '../../../shared/account-api.js';
import type { DB } from '../../db/schema.js';
import type { RateLimiter } from '../../auth/rate-limiter.js';
import type { MailQueue } from '../../mail/mailer.js';
import { exportMyData } from '../../use-cases/account/export-my-data.js';
import { deleteOwnAccount } from '../../use-cases/account/delete-account.js';
import { Me, UitnodigingAannemen } from '../../../shared/auth-api.js';
import { acceptInvitationSignedIn } from '../../use-cases/organisations/invitations.js';
import { getMe } from '../../use-cases/auth/get-me.js';
import { resolveSession } from '../../use-cases/auth/session.js';
import { clearSessionCookie, sessionTokenOf } from '../auth-hooks.js';

/**
 * `limiter`: the password re-confirmation counts like a sign-in attempt (the same database-backed limits). `mail` and
 * `publicUrl`: whoever becomes beheerder when a last beheerder deletes the account gets a mail.
 */
export function accountRoutes(opts: { db: Kysely<DB>; limiter: RateLimiter; mail: MailQueue; publicUrl: string }): FastifyPluginAsyncZod {
  const { db, limiter, mail, publicUrl } = opts;
  return async (app) => {
    const tags = ['accounts'];
    app.get(
      '/account/gegevens',
      {
        schema: {
          tags,
          summary: 'Alle gegevens die Doorlopend over mij bewaart, als JSON-download (AVG): account, lidmaatschappen, sessies, auditregels, uitnodigingen; zonder hashes of tokens',
          response: { 200: MijnGegevens, 401: Problem },
        },
      },
      async (req, reply) => {
        const data = await exportMyData({ db, auth: req.auth });
        reply.header('Cache-Control', 'no-store');
        reply.header('Content-Disposition', `attachment; filename="doorlopend-mijn-gegevens-${data.exportVan.slice(0, 10)}.json"`);
        return data;
      },
    );
    app.post(
      '/account/uitnodiging-aannemen',
      {
        schema: {
          tags,
          summary: 'Een uitnodiging aan het e-mailadres van mijn account aannemen terwijl ik ben ingelogd (zonder wachtwoord; met CSRF-token); antwoordt met mijn nieuwe lidmaatschappen',
          body: UitnodigingAannemen,
          response: { 200: Me, 400: Problem, 401: Problem, 403: Problem },
        },
      },
      async (req) => {
        await acceptInvitationSignedIn({ db, auth: req.auth, input: req.body });
        return getMe({ auth: await resolveSession({ db, token: sessionTokenOf(req) }) });
      },
    );
    app.delete(
      '/account',
      {
        schema: {
          tags,
          summary:
            'Mijn account verwijderen (AVG), bevestigd met het wachtwoord of (account zonder wachtwoord) het eigen e-mailadres; beëindigt alle sessies. Kan ook als laatste beheerder (de medewerker die het langst lid is, wordt dan beheerder)',
          body: AccountVerwijderen,
          response: { 204: z.null(), 400: Problem, 401: Problem, 403: Problem, 409: Problem, 429: Problem },
        },
      },
      async (req, reply) => {
        await deleteOwnAccount({ db, auth: req.auth, limiter, ip: req.ip, input: req.body, mail, publicUrl });
        clearSessionCookie(req, reply);
        return reply.status(204).send(null);
      },
    );
  };
}
