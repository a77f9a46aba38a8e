/** An app with the demo organisations and users (no catalogue), and helpers to sign in through the API. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, mailQueueOf } from '../../src/server/http/app.js';
import { OutboxMailer, readOutbox, type OutboxMail } from '../../src/server/mail/outbox-mailer.js';
import { RateLimiter, type RateLimits } from '../../src/server/auth/rate-limiter.js';
import type { TrustProxy } from '../../src/server/config.js';
import { DEMO_PASSWORD, seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import { createTestDatabase, type TestDatabase } from './db.js';

export interface AccountsApp {
  app: FastifyInstance;
  database: TestDatabase;
  /** The app's limits on password attempts and reset requests (counters in `database`). */
  limiter: RateLimiter;
  /** This app's own outbox folder (a temporary directory). */
  outboxDir: string;
  /** The mails sent so far, oldest first (waits until the ones handed over are written). */
  outbox(): Promise<OutboxMail[]>;
  close(): Promise<void>;
}

export const TEST_PUBLIC_URL = 'http://doorlopend.test';

export interface AccountsAppOptions {
  /** Limits other than the standard ones (e.g. more reset mails per hour for a test that sends many). */
  rateLimits?: Partial<RateLimits>;
  /** The limiter's clock (ms since 1970); default the real one. */
  now?: () => number;
  /** Another app's database: a second instance on the same data (closing this app leaves it open). */
  database?: TestDatabase;
  trustProxy?: TrustProxy;
  mode?: 'demo' | 'production';
  siteOrigin?: string;
}

export async function startAccountsApp(opts: AccountsAppOptions = {}): Promise<AccountsApp> {
  const shared = opts.database !== undefined;
  const database = opts.database ?? (await createTestDatabase());
  if (!shared) await seedDemoOrganisations(database.db);
  const limiter = new RateLimiter(database.db, { limits: opts.rateLimits, now: opts.now });
  const outboxDir = await fs.mkdtemp(path.join(os.tmpdir(), 'doorlopend-outbox-'));
  const app = await buildApp({
    db: database.db,
    rateLimiter: limiter,
    trustProxy: opts.trustProxy,
    mode: opts.mode,
    siteOrigin: opts.siteOrigin,
    mailer: new OutboxMailer(outboxDir),
    publicUrl: TEST_PUBLIC_URL,
    onMailError: (err) => {
      throw err;
    },
  });
  await app.ready();
  return {
    app,
    database,
    limiter,
    outboxDir,
    outbox: async () => {
      await mailQueueOf(app).idle();
      return readOutbox(outboxDir);
    },
    close: async () => {
      await app.close();
      if (!shared) await database.destroy();
      await fs.rm(outboxDir, { recursive: true, force: true });
    },
  };
}

/** The token of the (one) link in a mail, from the link's fragment `#token=…`. */
export function linkTokenOf(mail: OutboxMail, pathname: string): string {
  const links = [...mail.text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
  if (links.length !== 1) throw new Error(`expected one link in the mail, found ${links.length}`);
  const url = new URL(links[0]!);
  if (url.pathname !== pathname) throw new Error(`link to ${url.pathname}, expected ${pathname}`);
  const token = /^#token=([A-Za-z0-9_-]+)$/.exec(url.hash)?.[1];
  if (!token) throw new Error('no token in the link');
  return token;
}

export interface Session {
  cookie: string;
  token: string;
  csrfToken: string;
}

/** The session cookie an answer sets: `doorlopend_sessie` (demo mode) or `__Host-doorlopend_sessie` (production mode). */
export function sessionCookieOf(res: LightMyRequestResponse) {
  return res.cookies.find((c) => c.name === 'doorlopend_sessie' || c.name === '__Host-doorlopend_sessie');
}

export async function signIn(app: FastifyInstance, email: string, password = DEMO_PASSWORD, headers: Record<string, string> = {}): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, wachtwoord: password }, headers });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = sessionCookieOf(res);
  if (!cookie) throw new Error('no session cookie');
  return { cookie: `${cookie.name}=${cookie.value}`, token: cookie.value, csrfToken: (res.json() as { csrfToken: string }).csrfToken };
}

/** Headers of a signed-in request (with the CSRF token). */
export const asUser = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });
