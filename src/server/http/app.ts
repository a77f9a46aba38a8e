/** Builds the Fastify application: API under /api (with OpenAPI at /api/docs) and the front end. */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { clientErrorHandler, frameworkErrorHandler, registerErrorHandling, sendProblem } from './problem.js';
import { mustNotStore, securityHeaders } from './security-headers.js';
import { RateLimiter } from '../auth/rate-limiter.js';
import type { TrustProxy } from '../config.js';
import { OidcConfigurations } from '../auth/oidc.js';
import { registerAuthHooks } from './auth-hooks.js';
import { registerTextGuard } from './text-guard.js';
import { authRoutes } from './routes/auth.js';
import { accountRoutes } from './routes/account.js';
import { beheerRoutes } from './routes/beheer.js';
import { catalogRoutes } from './routes/catalog.js';
import { organisationRoutes } from './routes/organisations.js';
import { inventoryRoutes } from './routes/inventory.js';
import { leerrouteRoutes } from './routes/leerroutes.js';
import { leerrouteExportRoutes } from './routes/leerroute-export.js';
import type { HeavyRequestLimits } from './load-shedding.js';
import { partnershipRoutes } from './routes/partnerships.js';
import { regelsRoutes } from './routes/regels.js';
import { overeenkomstRoutes } from './routes/overeenkomsten.js';
import { impactRoutes } from './routes/impact.js';
import { beoordelingRoutes } from './routes/beoordelingen.js';
import { ooapiRoutes } from './routes/ooapi.js';
import { caseImportRoutes, caseRoutes } from './routes/case.js';
import { menukaartRoutes } from './routes/menukaart.js';
import { lobRoutes } from './routes/lob.js';
import { keuzeRoutes } from './routes/keuze.js';
import { examenRoutes } from './routes/examens.js';
import { leerlingenRoutes } from './routes/leerlingen.js';
import { BewaartermijnJob } from '../jobs/bewaartermijn-job.js';
import { mijnRoutes } from './routes/mijn.js';
import { vrijstellingRoutes } from './routes/vrijstellingen.js';
import { mboRoutes } from './routes/mbo.js';
import { matchRoutes } from './routes/match.js';
import { healthRoutes } from './routes/health.js';
import { aliasRoutes } from './aliases.js';
import { MailQueue, type MailFailure, type Mailer } from '../mail/mailer.js';
import { PASSWORD_RESET_COMPOSER, passwordResetComposer } from '../use-cases/auth/password-reset.js';
import { OutboxMailer } from '../mail/outbox-mailer.js';

export interface AppOptions {
  /** Exports per caller per minute and in progress at once (config EXPORT_LIMIT_PER_MINUTE, EXPORT_CONCURRENCY). */
  exportLimits?: HeavyRequestLimits;
  db: Kysely<DB>;
  /** Built front end; served when the folder exists. */
  clientDir?: string;
  logLevel?: string;
  version?: string;
  /**
   * Limits on password attempts and reset requests, kept in the database (so shared by every instance on it);
   * default: the standard limits on `db`. Tests give their own limits or clock.
   */
  rateLimiter?: RateLimiter;
  /** Proxies whose X-Forwarded-* headers are believed (config TRUST_PROXY); default none: the client address is the connection's. */
  trustProxy?: TrustProxy;
  /**
   * The origin a browser's state-changing API requests must come from (config: PUBLIC_URL's origin); when absent,
   * the host the request was sent to.
   */
  siteOrigin?: string;
  /** Outgoing mail (sent in the background); default: the outbox folder `.data/outbox`. */
  mailer?: Mailer;
  /** Run the retention job of pupil data (issue 14) at start and every hour (the server: true; tests run it themselves). */
  bewaartermijnJob?: boolean;
  /** Called when a mail could not be sent (gets no mail content). */
  onMailError?: (err: unknown, failure: MailFailure) => void;
  /** Default true. False: this instance stores mails in the outbox but never sends (tests: a stop before sending). */
  mailSending?: boolean;
  /** Tests only: the mail queue's clock (retries, take-over). */
  mailClock?: () => Date;
  /** Base of the links in e-mails, without trailing slash (config PUBLIC_URL). */
  publicUrl?: string;
  /**
   * DOORLOPEND_MODE; default demo. Shown in /api/health (`modus`) so the front end can show a demo banner; in production
   * the session cookie is `__Host-doorlopend_sessie` and always Secure.
   */
  mode?: 'demo' | 'production';
  /** Serve the API documentation at /api/docs (config API_DOCS); default on. Off: /api/docs answers 404. */
  apiDocs?: boolean;
  /** Tests only: SSO issuers on plain http and loopback (a provider on this machine). Never from configuration. */
  allowInsecureSso?: boolean;
}

const MAIL_QUEUES = new WeakMap<FastifyInstance, MailQueue>();
/** The app's outgoing mail queue: `await mailQueueOf(app).idle()` waits until this app's mails so far are out. */
export function mailQueueOf(app: FastifyInstance): MailQueue {
  const queue = MAIL_QUEUES.get(app);
  if (!queue) throw new Error('not an app of buildApp');
  return queue;
}

export interface RegisteredRoute {
  method: string;
  url: string;
}
const ROUTES = new WeakMap<FastifyInstance, RegisteredRoute[]>();
/** Every route the app registered (method and URL pattern), for the authorization matrix test. */
export function registeredRoutes(app: FastifyInstance): RegisteredRoute[] {
  return ROUTES.get(app) ?? [];
}

/** An incoming X-Request-Id (from the reverse proxy) is kept only when it looks like an id: else one is made. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
function requestId(req: { headers: Record<string, string | string[] | undefined> }): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** Fastify's own refusals (a bad URL…) skip the onSend hooks: they get the request id header here. */
function withRequestId<R extends { header(name: string, value: string): unknown }>(
  handler: (error: FastifyError, request: FastifyRequest, reply: R) => void,
): (error: FastifyError, request: FastifyRequest, reply: R) => void {
  return (error, request, reply) => {
    reply.header('X-Request-Id', request.id);
    return handler(error, request, reply);
  };
}

/** TRUST_PROXY for Fastify: a number of hops as a function (trust the first n hops before the server), else as given. */
function fastifyTrustProxy(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const publicUrl = (opts.publicUrl ?? 'http://localhost:3000').replace(/\/+$/, '');
  // HSTS only behind https: the site's address (PUBLIC_URL) is https, or this request came over https (directly or,
  // per X-Forwarded-Proto, through the proxy). Browsers ignore HSTS on a plain-http answer.
  const httpsSite = publicUrl.startsWith('https://');
  const app = Fastify({
    // Requests refused before a route runs get the same problem+json and headers as every other answer.
    frameworkErrors: withRequestId(frameworkErrorHandler({ httpsSite })),
    clientErrorHandler: clientErrorHandler({ httpsSite }),
    logger:
      opts.logLevel && opts.logLevel !== 'silent'
        ? {
            level: opts.logLevel,
            redact: ['req.headers.cookie', 'req.headers.authorization'],
            // The SSO callback's query holds the authorization code and state: never logged.
            serializers: {
              req: (req: { method: string; url: string; host?: string; ip?: string }) => ({
                method: req.method,
                url: req.url.startsWith('/api/auth/sso/callback') ? req.url.split('?')[0] : req.url,
                host: req.host,
                remoteAddress: req.ip,
              }),
            },
          }
        : false,
    // Only the configured proxies may say who the client is (X-Forwarded-For) or that it used https.
    trustProxy: fastifyTrustProxy(opts.trustProxy ?? false),
    // One id per request, in every log line of it (reqId) and in the X-Request-Id answer header (onSend below).
    genReqId: requestId,
    requestIdHeader: false,
    // Shutting down (SIGTERM): requests on connections still open get our Dutch 503 (onRequest below), not Fastify's.
    return503OnClosing: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  const routes: RegisteredRoute[] = [];
  ROUTES.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  await app.register(fastifyCookie);
  // Mails wait in the database (mail_outbox) until sent, by this instance or another on the same database.
  const mail = new MailQueue({
    db: opts.db,
    mailer: opts.mailer ?? new OutboxMailer(path.resolve('.data/outbox')),
    onError: opts.onMailError,
    composers: { [PASSWORD_RESET_COMPOSER]: passwordResetComposer(publicUrl) },
    sending: opts.mailSending,
    now: opts.mailClock,
  });
  MAIL_QUEUES.set(app, mail);
  app.addHook('onReady', async () => mail.start());
  // This instance's mails handed over before shutdown still go out (others are sent by the next instance to start).
  app.addHook('onClose', async () => mail.close());
  // Pupil data past its retention period is removed by a scheduled job (once at start, then hourly), like the outbox.
  if (opts.bewaartermijnJob) {
    const bewaartermijn = new BewaartermijnJob({ db: opts.db });
    app.addHook('onReady', async () => bewaartermijn.start());
    app.addHook('onClose', async () => bewaartermijn.stop());
  }
  // From the start of close() (SIGTERM) on: no new listening, idle keep-alive connections closed (Fastify's default
  // forceCloseConnections 'idle'), requests in progress finish; a new request on a connection still open is refused
  // with 503 and Connection: close, and /api/ready says 503 as well.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (request, reply) => {
    if (closing) return sendProblem(reply, request, 'service_unavailable', 'Deze server wordt afgesloten. Probeer het zo opnieuw.');
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
    reply.headers(securityHeaders(httpsSite || request.protocol === 'https'));
    // Private answers (anything with a session, everything outside the public catalogue) are never stored.
    if (mustNotStore(request.url, request.headers.cookie) && !/\bno-store\b/.test(String(reply.getHeader('cache-control') ?? ''))) {
      reply.header('Cache-Control', 'no-store');
    }
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Doorlopend API',
        version: opts.version ?? '0.1.0',
        description: 'De landelijke catalogus van vmbo en mbo, voor doorlopende leerroutes. Fouten volgen RFC 9457 (application/problem+json).',
      },
      tags: [
        { name: 'catalogus', description: 'Stand en herkomst van de catalogus' },
        { name: 'vmbo', description: 'Beroepsgerichte profielen, profielmodulen, keuzevakken, deeltaken en eindtermen (SLO)' },
        { name: 'mbo', description: 'Opleidingsdomeinen, kwalificatiedossiers, kwalificaties, kerntaken, werkprocessen en keuzedelen (SBB)' },
        { name: 'zoeken', description: 'Zoeken in de catalogus, vmbo en mbo' },
        { name: 'accounts', description: 'Inloggen, uitloggen, wachtwoord herstellen, uitnodigingen aannemen en de ingelogde gebruiker (sessiecookie; CSRF-token in de header x-csrf-token)' },
        { name: 'organisaties', description: 'Organisaties, leden, uitnodigingen en auditlog; alleen voor leden' },
        { name: 'beheer', description: 'Platformbeheer: tabellen in de landelijke catalogus laden (alleen platformbeheerders)' },
        { name: 'inventaris', description: 'Overlapinventaris (Alleen vmbo / Beiden / Alleen mbo), de crosswalk van een samenwerking en exports (CSV, XLSX, CASE 1.1)' },
        { name: 'samenwerkingen', description: 'Samenwerkingen tussen vmbo-scholen en mbo-instellingen: partners voorstellen, aannemen, vertrekken; alleen voor partners' },
        { name: 'leerroutes', description: 'Leerroute-ontwerper: een gezamenlijke leerroute van een samenwerking in vijf stappen, met dekkingscontrole en historie; alleen voor partners' },
        { name: 'examens', description: 'Het gezamenlijke examen van keuzedeel en keuzevak: grondslag (extraneus of gezamenlijk PTA/OER), examenplan met versies, dekking van de eindtermen, vaststelling door de mbo-examencommissie en inschrijving van leerlingen als extraneus' },
        { name: 'leerlingen', description: 'Groepen leerlingen (cohorten) van een leerroute: met de hand of uit Magister/Somtoday importeren, exporteren, uitnodigen; alleen voor de vmbo-school, elk inzien in het auditlog' },
        { name: 'mijn', description: 'De eigen gegevens van een leerling: examens en vastgestelde resultaten, de resultaatverklaring (PDF) en eigen verzoeken om vrijstelling; alleen de eigen gegevens' },
        { name: 'vrijstellingen', description: 'Verzoeken om vrijstelling en het besluit van de examencommissie van de ontvangende mbo-instelling, en de openbare controle van een verificatiecode' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  // Off (API_DOCS=off): /api/docs is an unknown address, answered 404 by the not-found handler.
  if (opts.apiDocs ?? true) await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  await app.register(
    async (api) => {
      registerAuthHooks(api, opts.db, { production: opts.mode === 'production', siteOrigin: opts.siteOrigin });
      registerTextGuard(api);
      // Old paths (ADR 11) answer as their new routes: collected from here on, registered after the last route.
      const registerAliases = aliasRoutes(api, '/api');
      // One set of limits for sign-ins, password re-confirmations (deleting the account) and reset requests.
      const rateLimiter = opts.rateLimiter ?? new RateLimiter(opts.db);
      await api.register(healthRoutes({ db: opts.db, modus: opts.mode ?? 'demo', closing: () => closing }));
      await api.register(catalogRoutes(opts.db));
      await api.register(mboRoutes(opts.db));
      await api.register(matchRoutes(opts.db));
      await api.register(
        authRoutes({ db: opts.db, limiter: rateLimiter, mail, publicUrl, oidc: new OidcConfigurations({ rules: { allowInsecure: opts.allowInsecureSso ?? false } }) }),
      );
      await api.register(accountRoutes({ db: opts.db, limiter: rateLimiter, mail, publicUrl }));
      await api.register(beheerRoutes(opts.db, { mail, publicUrl }));
      await api.register(organisationRoutes(opts.db, mail, publicUrl, { allowInsecure: opts.allowInsecureSso ?? false }));
      await api.register(inventoryRoutes(opts.db, { exportLimits: opts.exportLimits }));
      await api.register(leerrouteRoutes(opts.db));
      await api.register(leerrouteExportRoutes(opts.db, { exportLimits: opts.exportLimits }));
      await api.register(partnershipRoutes(opts.db, { mail, publicUrl }));
      await api.register(regelsRoutes(opts.db));
      await api.register(overeenkomstRoutes(opts.db, { exportLimits: opts.exportLimits }));
      await api.register(menukaartRoutes(opts.db, { publicUrl, exportLimits: opts.exportLimits }));
      await api.register((await import('./routes/regio.js')).regioRoutes(opts.db));
      await api.register(lobRoutes(opts.db, { exportLimits: opts.exportLimits }));
      await api.register(keuzeRoutes(opts.db));
      await api.register(examenRoutes(opts.db));
      await api.register(leerlingenRoutes(opts.db, { mail, publicUrl }));
      await api.register(mijnRoutes(opts.db, { publicUrl }));
      await api.register(vrijstellingRoutes(opts.db, { mail, publicUrl }));
      await api.register(beoordelingRoutes(opts.db, { exportLimits: opts.exportLimits }));
      await api.register(ooapiRoutes(opts.db));
      await api.register(caseImportRoutes(opts.db));
      await api.register(impactRoutes(opts.db));
      registerAliases();
    },
    { prefix: '/api' },
  );
  // CASE 1.1 (issue 18): where CASE tools look, outside /api; public, no session read.
  await app.register(caseRoutes(opts.db, { publicUrl, exportLimits: opts.exportLimits }));

  const clientDir = opts.clientDir;
  const hasClient = clientDir !== undefined && fs.existsSync(path.join(clientDir, 'index.html'));
  if (hasClient) {
    // The build writes .br and .gz next to each asset (vite.config.ts); they go to browsers that accept them.
    await app.register(fastifyStatic, {
      root: clientDir,
      prefix: '/',
      wildcard: false,
      index: false,
      preCompressed: true,
      setHeaders: (res) => res.setHeader('vary', 'accept-encoding'),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '';
    // API paths, other methods, and missing files (e.g. assets of an older build) are real 404s, not app routes.
    if (pathname.startsWith('/api') || request.method !== 'GET' || pathname.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(pathname)) {
      return sendProblem(reply, request, 'not_found', `Onbekend adres: ${request.method} ${request.url.split('?')[0]}`);
    }
    if (!hasClient) {
      return reply.type('text/plain; charset=utf-8').send('De front end is niet gebouwd. Voer eerst "npm run build" uit.');
    }
    // Single-page app: every other path is a client-side route.
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
  return app;
}
