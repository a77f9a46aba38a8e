/**
 * Who is asking, for every /api request: the session from the cookie (or none), and two checks on every
 * state-changing request (POST, PUT, PATCH, DELETE):
 * - where it comes from: a browser's `Origin` must be the site's own origin and its `Sec-Fetch-Site` must
 *   not be `cross-site`, for every such request, sign-in included (login CSRF); clients that send neither
 *   header (not a browser) pass, as a browser always sends them on these requests;
 * - the CSRF token of a signed-in session (all routes but sign-in, password reset and accepting an
 *   invitation, which prove themselves with a password or a token from an e-mail).
 *
 * The session cookie: in production mode always `Secure`, named `__Host-doorlopend_sessie` (Path=/, no
 * Domain: the browser then refuses it from http and from other hosts); in demo mode `doorlopend_sessie`,
 * Secure when the request came over https (as told by a trusted proxy only, see TRUST_PROXY).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { forbidden } from '../errors.js';
import type { AuthContext } from '../access/context.js';
import { csrfMatches, resolveSession } from '../use-cases/auth/session.js';

/** The session cookie's name in demo mode (plain http stays possible there). */
export const SESSION_COOKIE = 'doorlopend_sessie';
/** The session cookie's name in production mode: the `__Host-` prefix makes browsers insist on Secure, Path=/ and no Domain. */
export const HOST_SESSION_COOKIE = '__Host-doorlopend_sessie';
export const CSRF_HEADER = 'x-csrf-token';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * Routes that do not act on the session's authority (they prove themselves with a password or a
 * token from an e-mail), so a browser that still has a session cookie needs no CSRF token for them.
 */
const CSRF_EXEMPT = new Set(['/api/auth/login', '/api/auth/wachtwoord-vergeten', '/api/auth/wachtwoord-herstellen', '/api/auth/uitnodiging-accepteren']);

export const CROSS_SITE_MESSAGE = 'Dit verzoek komt van een andere website en is geweigerd. Open Doorlopend zelf en probeer het daar opnieuw.';

export interface SessionCookiePolicy {
  /** Production mode: the `__Host-` cookie, always Secure. */
  production: boolean;
}

export interface AuthHookOptions extends SessionCookiePolicy {
  /** The origin browsers must send on state-changing requests; when undefined, the request's own host. */
  siteOrigin: string | undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
    /** How this app names and protects its session cookie (set for every /api request). */
    sessionCookiePolicy: SessionCookiePolicy | null;
  }
}

export function registerAuthHooks(api: FastifyInstance, db: Kysely<DB>, opts: AuthHookOptions): void {
  const policy: SessionCookiePolicy = { production: opts.production };
  api.decorateRequest('auth', null);
  api.decorateRequest('sessionCookiePolicy', null);
  api.addHook('onRequest', async (request) => {
    request.sessionCookiePolicy = policy;
    const stateChanging = STATE_CHANGING.has(request.method);
    if (stateChanging && !fromThisSite(request, opts.siteOrigin)) throw forbidden(CROSS_SITE_MESSAGE);
    const token = sessionTokenOf(request);
    request.auth = token ? await resolveSession({ db, token }) : null;
    if (request.auth && stateChanging && !CSRF_EXEMPT.has(request.routeOptions.url ?? '')) {
      const header = request.headers[CSRF_HEADER];
      if (!csrfMatches(request.auth, typeof header === 'string' ? header : undefined)) {
        throw forbidden('Dit verzoek mist een geldig CSRF-token (header x-csrf-token). Laad de pagina opnieuw.');
      }
    }
  });
}

/**
 * Whether a state-changing request may come from where the browser says it comes from. Absent headers
 * pass (no browser); a present Origin must be the site's own, a present Sec-Fetch-Site must not be
 * cross-site.
 */
function fromThisSite(request: FastifyRequest, siteOrigin: string | undefined): boolean {
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite !== undefined && [fetchSite].flat().some((v) => v.trim().toLowerCase() === 'cross-site')) return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (typeof origin !== 'string') return false;
  if (siteOrigin !== undefined) return origin.toLowerCase() === siteOrigin.toLowerCase();
  // No PUBLIC_URL (demo mode): the page must come from the host this request was sent to.
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === new URL(`http://${request.host}`).host;
  } catch {
    return false; // "null" and other opaque origins
  }
}

function policyOf(request: FastifyRequest): SessionCookiePolicy {
  return request.sessionCookiePolicy ?? { production: false };
}

/** The name of the session cookie of this app. */
export function sessionCookieName(request: FastifyRequest): string {
  return policyOf(request).production ? HOST_SESSION_COOKIE : SESSION_COOKIE;
}

/** The session token the browser sent, if any. */
export function sessionTokenOf(request: FastifyRequest): string | undefined {
  return request.cookies[sessionCookieName(request)];
}

/** Whether cookies of this app get `Secure`: always in production mode, in demo mode when the request came over https. */
export function secureCookies(request: FastifyRequest): boolean {
  return policyOf(request).production || request.protocol === 'https';
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expires: Date): void {
  reply.setCookie(sessionCookieName(request), token, { httpOnly: true, sameSite: 'lax', secure: secureCookies(request), path: '/', expires });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(sessionCookieName(request), { httpOnly: true, sameSite: 'lax', secure: secureCookies(request), path: '/' });
}
