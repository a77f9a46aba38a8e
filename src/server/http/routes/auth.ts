/** Thin routes of sign-in, sign-out and the current user. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { Problem } from '../../../shared/catalog-api.js';
import { Bericht, LoginRequest, Me, UitnodigingAccepteren, WachtwoordHerstellen, WachtwoordVergeten } from '../../../shared/auth-api.js';
import type { DB } from '../../db/schema.js';
import type { LoginRateLimiter } from '../../auth/rate-limiter.js';
import { login } from '../../use-cases/auth/login.js';
import { getMe } from '../../use-cases/auth/get-me.js';
import { endSession, resolveSession } from '../../use-cases/auth/session.js';
import { requestPasswordReset, resetPassword } from '../../use-cases/auth/password-reset.js';
import { acceptInvitation } from '../../use-cases/organisations/invitations.js';
import type { MailQueue } from '../../mail/mailer.js';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../auth-hooks.js';

export interface AuthRouteOptions {
  db: Kysely<DB>;
  /** Failed sign-ins (also wrong passwords when accepting an invitation for an existing account). */
  limiter: LoginRateLimiter;
  /** Password reset requests, per e-mail + IP. */
  forgotLimiter: LoginRateLimiter;
  mail: MailQueue;
  publicUrl: string;
}

export function authRoutes({ db, limiter, forgotLimiter, mail, publicUrl }: AuthRouteOptions): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['accounts'];
    app.post(
      '/auth/login',
      { schema: { tags, summary: 'Inloggen met e-mailadres en wachtwoord; zet de sessiecookie', body: LoginRequest, response: { 200: Me, 400: Problem, 401: Problem, 429: Problem } } },
      async (req, reply) => {
        const result = await login({ db, limiter, email: req.body.email, password: req.body.wachtwoord, ip: req.ip, previousToken: req.cookies[SESSION_COOKIE] });
        setSessionCookie(req, reply, result.token, result.expiresAt);
        return getMe({ auth: await resolveSession({ db, token: result.token }) });
      },
    );
    app.post(
      '/auth/logout',
      { schema: { tags, summary: 'Uitloggen: de sessie vervalt', response: { 204: z.null(), 403: Problem } } },
      async (req, reply) => {
        await endSession(db, req.cookies[SESSION_COOKIE]);
        clearSessionCookie(req, reply);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/auth/wachtwoord-vergeten',
      {
        schema: {
          tags,
          summary: 'Een link om een nieuw wachtwoord te kiezen per e-mail aanvragen (altijd hetzelfde antwoord)',
          body: WachtwoordVergeten,
          response: { 202: Bericht, 400: Problem, 429: Problem },
        },
      },
      async (req, reply) => reply.status(202).send(await requestPasswordReset({ db, mail, limiter: forgotLimiter, publicUrl, email: req.body.email, ip: req.ip })),
    );
    app.post(
      '/auth/wachtwoord-herstellen',
      {
        schema: {
          tags,
          summary: 'Een nieuw wachtwoord instellen met de link uit de e-mail; beëindigt alle sessies van de gebruiker',
          body: WachtwoordHerstellen,
          response: { 204: z.null(), 400: Problem },
        },
      },
      async (req, reply) => {
        await resetPassword({ db, token: req.body.token, password: req.body.wachtwoord });
        clearSessionCookie(req, reply);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/auth/uitnodiging-accepteren',
      {
        schema: {
          tags,
          summary: 'Een uitnodiging aannemen (nieuw account of bestaand account); zet de sessiecookie',
          body: UitnodigingAccepteren,
          response: { 200: Me, 400: Problem, 401: Problem, 409: Problem, 429: Problem },
        },
      },
      async (req, reply) => {
        const result = await acceptInvitation({ db, limiter, input: req.body, ip: req.ip, previousToken: req.cookies[SESSION_COOKIE] });
        setSessionCookie(req, reply, result.token, result.expiresAt);
        return getMe({ auth: await resolveSession({ db, token: result.token }) });
      },
    );
    app.get('/auth/me', { schema: { tags, summary: 'De ingelogde gebruiker, lidmaatschappen en CSRF-token', response: { 200: Me, 401: Problem } } }, (req) =>
      getMe({ auth: req.auth }),
    );
  };
}
