/** An app with the demo organisations and users (no catalogue), and helpers to sign in through the API. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/http/app.js';
import { LoginRateLimiter } from '../../src/server/auth/rate-limiter.js';
import { DEMO_PASSWORD, seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import { createTestDatabase, type TestDatabase } from './db.js';

export interface AccountsApp {
  app: FastifyInstance;
  database: TestDatabase;
  limiter: LoginRateLimiter;
  close(): Promise<void>;
}

export async function startAccountsApp(opts: { limiter?: LoginRateLimiter } = {}): Promise<AccountsApp> {
  const database = await createTestDatabase();
  await seedDemoOrganisations(database.db);
  const limiter = opts.limiter ?? new LoginRateLimiter();
  const app = await buildApp({ db: database.db, loginLimiter: limiter });
  await app.ready();
  return {
    app,
    database,
    limiter,
    close: async () => {
      await app.close();
      await database.destroy();
    },
  };
}

export interface Session {
  cookie: string;
  token: string;
  csrfToken: string;
}

export function sessionCookieOf(res: LightMyRequestResponse) {
  return res.cookies.find((c) => c.name === 'doorlopend_sessie');
}

export async function signIn(app: FastifyInstance, email: string, password = DEMO_PASSWORD, headers: Record<string, string> = {}): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, wachtwoord: password }, headers });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = sessionCookieOf(res);
  if (!cookie) throw new Error('no session cookie');
  return { cookie: `doorlopend_sessie=${cookie.value}`, token: cookie.value, csrfToken: (res.json() as { csrfToken: string }).csrfToken };
}

/** Headers of a signed-in request (with the CSRF token). */
export const asUser = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });
