/**
 * Configuration, parsed once at start-up from the environment with zod.
 * Every variable is documented in the README's configuration table.
 */
import { z } from 'zod';
import net from 'node:net';
import path from 'node:path';

/** The proxies whose X-Forwarded-* headers are believed: none, a number of hops, or addresses/CIDR ranges. */
export type TrustProxy = false | number | string[];

const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** One TRUST_PROXY entry: an IPv4/IPv6 address, optionally with /prefix, or a named range of proxy-addr. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

const TrustProxySetting = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx): TrustProxy => {
    if (!value || value === '0') return false;
    if (/^\d+$/.test(value)) {
      if (Number(value) > 10) ctx.addIssue({ code: 'custom', message: 'hooguit 10 proxy-hops' });
      return Number(value);
    }
    const entries = value.split(',').map((e) => e.trim()).filter(Boolean);
    const wrong = entries.filter((e) => !isProxyAddress(e));
    if (wrong.length > 0 || entries.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message:
          `moet leeg zijn (geen proxy), een aantal hops (1-10) of een lijst met komma's van IP-adressen en CIDR-reeksen van uw proxy's ` +
          `(bijvoorbeeld 10.0.0.5,10.1.0.0/16 of loopback); niet te lezen: ${wrong.map((e) => JSON.stringify(e.slice(0, 40))).join(', ') || '(leeg)'}`,
      });
      return false;
    }
    return entries;
  });

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL moet beginnen met postgres:// of postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATA_DIR: z.string().min(1).default('.data/pglite'),
  DOORLOPEND_MODE: z.enum(['demo', 'production']).default('demo'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CLIENT_DIR: z.string().min(1).optional(),
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/\s]+(\/[^\s]*)?$/, 'PUBLIC_URL moet een http(s)-adres zijn, zoals https://doorlopend.example.nl')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MAIL_TRANSPORT: z.enum(['outbox', 'smtp']).optional().or(z.literal('').transform(() => undefined)),
  MAIL_OUTBOX_DIR: z.string().min(1).default('.data/outbox'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/\s]+/, 'SMTP_URL moet beginnen met smtp:// of smtps://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().trim().min(3).default('Doorlopend <noreply@doorlopend.localhost>'),
  API_DOCS: z.enum(['on', 'off'], { message: 'API_DOCS moet on of off zijn' }).optional().or(z.literal('').transform(() => undefined)),
  TRUST_PROXY: TrustProxySetting,
  EXPORT_LIMIT_PER_MINUTE: z.coerce.number({ message: 'EXPORT_LIMIT_PER_MINUTE moet een getal zijn' }).int().min(1).max(10_000).default(20),
  EXPORT_CONCURRENCY: z.coerce.number({ message: 'EXPORT_CONCURRENCY moet een getal zijn' }).int().min(1).max(100).default(4),
  WORKER_THREADS: z.coerce.number({ message: 'WORKER_THREADS moet een getal zijn' }).int().min(1).max(32).default(2),
});

export interface MailConfig {
  /** `outbox`: every mail a JSON file in `outboxDir`; `smtp`: sent via `smtpUrl`. */
  transport: 'outbox' | 'smtp';
  outboxDir: string;
  smtpUrl: string | undefined;
  from: string;
}

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL connection string; when absent the embedded PGlite database in `dataDir` is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  mode: 'demo' | 'production';
  logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL'];
  /** Folder with the built front end (index.html and assets). */
  clientDir: string;
  /** Address of the app as users reach it, without trailing slash: the base of links in e-mails. */
  publicUrl: string;
  /**
   * The origin browsers must send (Origin header) on state-changing API requests: that of PUBLIC_URL (required in
   * production mode); in demo mode without PUBLIC_URL undefined (then the request's own host counts).
   */
  siteOrigin: string | undefined;
  /** Proxies whose X-Forwarded-For/-Proto/-Host are believed (TRUST_PROXY); default none. */
  trustProxy: TrustProxy;
  mail: MailConfig;
  /** Exports (inventory, crosswalk, leerroute) per caller per minute and in progress at once, per endpoint group. */
  exportLimits: { perMinute: number; concurrent: number };
  /** Worker threads for parsing uploads and building exports (WORKER_THREADS). */
  workerThreads: number;
  /** Serve the API documentation at /api/docs (API_DOCS); default on in demo mode, off in production. */
  apiDocs: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Why PUBLIC_URL is required in production mode (DOORLOPEND_MODE=production). */
export const PUBLIC_URL_REQUIRED =
  'verplicht bij DOORLOPEND_MODE=production: het adres waarop gebruikers Doorlopend bereiken, zoals https://doorlopend.school.nl. ' +
  'Browsers sturen dat adres mee (Origin) bij elke wijziging, en de links in e-mails beginnen ermee.';

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Ongeldige configuratie:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  // SMTP when an SMTP_URL is given, unless MAIL_TRANSPORT says otherwise; else the outbox folder.
  const transport = e.MAIL_TRANSPORT ?? (e.SMTP_URL ? 'smtp' : 'outbox');
  if (transport === 'smtp' && !e.SMTP_URL) throw new ConfigError('Ongeldige configuratie:\n  SMTP_URL: nodig bij MAIL_TRANSPORT=smtp');
  // Production needs the address users really reach: the Origin check and every link in a mail depend on it, and
  // http://HOST:PORT (the app behind its proxy) is never what a browser sends.
  if (e.DOORLOPEND_MODE === 'production' && !e.PUBLIC_URL) throw new ConfigError(`Ongeldige configuratie:\n  PUBLIC_URL: ${PUBLIC_URL_REQUIRED}`);
  const host = e.HOST === '0.0.0.0' || e.HOST === '::' ? 'localhost' : e.HOST;
  const publicUrl = (e.PUBLIC_URL ?? `http://${host.includes(':') ? `[${host}]` : host}:${e.PORT}`).replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    mode: e.DOORLOPEND_MODE,
    logLevel: e.LOG_LEVEL,
    clientDir: path.resolve(cwd, e.CLIENT_DIR ?? 'dist/client'),
    publicUrl,
    siteOrigin: e.PUBLIC_URL !== undefined ? new URL(publicUrl).origin : undefined,
    trustProxy: e.TRUST_PROXY,
    mail: { transport, outboxDir: path.resolve(cwd, e.MAIL_OUTBOX_DIR), smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    exportLimits: { perMinute: e.EXPORT_LIMIT_PER_MINUTE, concurrent: e.EXPORT_CONCURRENCY },
    workerThreads: e.WORKER_THREADS,
    apiDocs: (e.API_DOCS ?? (e.DOORLOPEND_MODE === 'demo' ? 'on' : 'off')) === 'on',
  };
}
