/**
 * Who is asking, for every /api request: the session from the cookie (or none), and the CSRF check on
 * every state-changing request of a signed-in session (all but sign-in, password reset and accepting an
 * invitation).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { forbidden } from '../errors.js';
import { csrfMatches, resolveSession, type AuthContext } from '../use-cases/auth/session.js';

export const SESSION_COOKIE = 'doorlopend_sessie';
export const CSRF_HEADER = 'x-csrf-token';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * Routes that do not act on the session's authority (they prove themselves with a password or a
 * token from an e-mail), so a browser that still has a session cookie needs no CSRF token for them.
 */
const CSRF_EXEMPT = new Set(['/api/auth/login', '/api/auth/wachtwoord-vergeten', '/api/auth/wachtwoord-herstellen', '/api/auth/uitnodiging-accepteren']);

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

export function registerAuthHooks(api: FastifyInstance, db: Kysely<DB>): void {
  api.decorateRequest('auth', null);
  api.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.auth = token ? await resolveSession({ db, token }) : null;
    if (request.auth && STATE_CHANGING.has(request.method) && !CSRF_EXEMPT.has(request.routeOptions.url ?? '')) {
      const header = request.headers[CSRF_HEADER];
      if (!csrfMatches(request.auth, typeof header === 'string' ? header : undefined)) {
        throw forbidden('Dit verzoek mist een geldig CSRF-token (header x-csrf-token). Laad de pagina opnieuw.');
      }
    }
  });
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expires: Date): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https', path: '/', expires });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https', path: '/' });
}
