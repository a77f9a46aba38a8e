/** Thin routes of sign-in, sign-out and the current user. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { Problem } from '../../../shared/catalog-api.js';
import { LoginRequest, Me } from '../../../shared/auth-api.js';
import type { DB } from '../../db/schema.js';
import type { LoginRateLimiter } from '../../auth/rate-limiter.js';
import { login } from '../../use-cases/auth/login.js';
import { getMe } from '../../use-cases/auth/get-me.js';
import { endSession, resolveSession } from '../../use-cases/auth/session.js';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../auth-hooks.js';

export function authRoutes(db: Kysely<DB>, limiter: LoginRateLimiter): FastifyPluginAsyncZod {
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
    app.get('/auth/me', { schema: { tags, summary: 'De ingelogde gebruiker, lidmaatschappen en CSRF-token', response: { 200: Me, 401: Problem } } }, (req) =>
      getMe({ auth: req.auth }),
    );
  };
}
