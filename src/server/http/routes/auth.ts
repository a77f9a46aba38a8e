/** Thin routes of sign-in, sign-out and the current user. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { Problem } from '../../../shared/catalog-api.js';
import { Bericht, LoginRequest, Me, SsoStartParams, SsoStartQuery, UitnodigingAccepteren, WachtwoordHerstellen, WachtwoordVergeten } from '../../../shared/auth-api.js';
import type { DB } from '../../db/schema.js';
import type { RateLimiter } from '../../auth/rate-limiter.js';
import { login } from '../../use-cases/auth/login.js';
import { getMe } from '../../use-cases/auth/get-me.js';
import { endSession, resolveSession } from '../../use-cases/auth/session.js';
import { requestPasswordReset, resetPassword } from '../../use-cases/auth/password-reset.js';
import { acceptInvitation } from '../../use-cases/organisations/invitations.js';
import type { MailQueue } from '../../mail/mailer.js';
import type { OidcConfigurations } from '../../auth/oidc.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { finishSsoLogin, SSO_STATE_LIFETIME_MS, SsoError, startSsoLogin } from '../../use-cases/auth/sso-login.js';
import { listSsoOrganisations } from '../../use-cases/auth/list-sso-organisations.js';
import { SsoOrganisatie } from '../../../shared/account-api.js';
import { clearSessionCookie, secureCookies, sessionTokenOf, setSessionCookie } from '../auth-hooks.js';

/** Binds a pending SSO sign-in to the browser that started it (against login CSRF); only sent to the SSO routes. */
export const SSO_BROWSER_COOKIE = 'doorlopend_sso';
const SSO_COOKIE_PATH = '/api/auth/sso';

/**
 * A browser that navigated to the SSO start or came back from the provider gets the sign-in page with
 * the reason (a fixed code; the page has its own Dutch text) instead of a bare problem+json document.
 * API clients (no text/html in Accept) keep the problem+json answer.
 */
async function ssoFailure(req: FastifyRequest, reply: FastifyReply, run: () => Promise<FastifyReply>): Promise<FastifyReply> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof SsoError) || !(req.headers.accept ?? '').includes('text/html')) throw error;
    const query = new URLSearchParams({ 'sso-fout': error.reason });
    if (error.organisationId) query.set('organisatie', error.organisationId);
    return reply.redirect(`/inloggen?${query.toString()}`, 302);
  }
}

export interface AuthRouteOptions {
  db: Kysely<DB>;
  /** Password attempts (sign-in, accepting an invitation with an existing account) and password reset requests. */
  limiter: RateLimiter;
  mail: MailQueue;
  publicUrl: string;
  /** Discovered OIDC providers (per organisation). */
  oidc: OidcConfigurations;
}

export function authRoutes({ db, limiter, mail, publicUrl, oidc }: AuthRouteOptions): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['accounts'];
    app.post(
      '/auth/login',
      { schema: { tags, summary: 'Inloggen met e-mailadres en wachtwoord; zet de sessiecookie', body: LoginRequest, response: { 200: Me, 400: Problem, 401: Problem, 403: Problem, 429: Problem } } },
      async (req, reply) => {
        const result = await login({ db, limiter, email: req.body.email, password: req.body.wachtwoord, ip: req.ip, previousToken: sessionTokenOf(req) });
        setSessionCookie(req, reply, result.token, result.expiresAt);
        return getMe({ auth: await resolveSession({ db, token: result.token }) });
      },
    );
    app.post(
      '/auth/logout',
      { schema: { tags, summary: 'Uitloggen: de sessie vervalt', response: { 204: z.null(), 403: Problem } } },
      async (req, reply) => {
        await endSession(db, sessionTokenOf(req));
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
          response: { 202: Bericht, 400: Problem, 403: Problem, 429: Problem },
        },
      },
      async (req, reply) => reply.status(202).send(await requestPasswordReset({ db, mail, limiter, publicUrl, email: req.body.email, ip: req.ip })),
    );
    app.post(
      '/auth/wachtwoord-herstellen',
      {
        schema: {
          tags,
          summary: 'Een nieuw wachtwoord instellen met de link uit de e-mail; beëindigt alle sessies van de gebruiker',
          body: WachtwoordHerstellen,
          response: { 204: z.null(), 400: Problem, 403: Problem },
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
          response: { 200: Me, 400: Problem, 401: Problem, 403: Problem, 409: Problem, 429: Problem },
        },
      },
      async (req, reply) => {
        const result = await acceptInvitation({ db, limiter, input: req.body, ip: req.ip, previousToken: sessionTokenOf(req) });
        setSessionCookie(req, reply, result.token, result.expiresAt);
        return getMe({ auth: await resolveSession({ db, token: result.token }) });
      },
    );
    app.get(
      '/auth/sso/:organisationId/start',
      {
        schema: {
          tags,
          summary: 'Inloggen via single sign-on (OpenID Connect) van een organisatie: stuurt door (302) naar de identiteitsprovider',
          params: SsoStartParams,
          querystring: SsoStartQuery,
          response: { 302: z.null(), 400: Problem, 404: Problem, 502: Problem },
        },
      },
      async (req, reply) =>
        ssoFailure(req, reply, async () => {
          const start = await startSsoLogin({ db, oidc, publicUrl, organisationId: req.params.organisationId, returnTo: req.query.return_to });
          reply.setCookie(SSO_BROWSER_COOKIE, start.browserToken, {
            httpOnly: true,
            sameSite: 'lax',
            secure: secureCookies(req),
            path: SSO_COOKIE_PATH,
            maxAge: SSO_STATE_LIFETIME_MS / 1000,
          });
          return reply.redirect(start.redirectUrl, 302);
        }),
    );
    app.get(
      '/auth/sso/callback',
      {
        schema: {
          tags,
          summary: 'Terugkeer van de identiteitsprovider: controleert state, nonce en PKCE, zet de sessiecookie en stuurt door (302) naar return_to',
          querystring: z.looseObject({ state: z.string().optional(), code: z.string().optional(), error: z.string().optional() }),
          response: { 302: z.null(), 400: Problem, 401: Problem, 403: Problem, 404: Problem, 502: Problem },
        },
      },
      async (req, reply) => {
        const browserToken = req.cookies[SSO_BROWSER_COOKIE];
        reply.clearCookie(SSO_BROWSER_COOKIE, { httpOnly: true, sameSite: 'lax', secure: secureCookies(req), path: SSO_COOKIE_PATH });
        return ssoFailure(req, reply, async () => {
          const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
          const result = await finishSsoLogin({ db, oidc, publicUrl, query, browserToken, previousToken: sessionTokenOf(req) });
          setSessionCookie(req, reply, result.token, result.expiresAt);
          return reply.redirect(result.returnTo, 302);
        });
      },
    );
    app.get(
      '/auth/sso/organisaties',
      {
        schema: {
          tags,
          summary: 'Organisaties waarvan de leden kunnen inloggen via single sign-on (alleen id en naam), voor de inlogpagina',
          response: { 200: z.array(SsoOrganisatie) },
        },
      },
      async () => listSsoOrganisations({ db, rules: oidc.rules }),
    );
    app.get('/auth/me', { schema: { tags, summary: 'De ingelogde gebruiker, lidmaatschappen en CSRF-token', response: { 200: Me, 401: Problem } } }, (req) =>
      getMe({ auth: req.auth }),
    );
  };
}
