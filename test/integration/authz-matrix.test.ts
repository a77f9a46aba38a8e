/**
 * The walls, proven: every /api route that is not part of the public catalogue has a row here with the
 * expected status for each kind of user. A route the app registers without a row fails this test, so
 * a new route cannot ship without deciding who may use it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredRoutes } from '../../src/server/http/app.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import { databaseAvailable, SKIP_NO_DB, TEST_DB } from '../support/db.js';
import { asUser, signIn, startAccountsApp, type AccountsApp } from '../support/accounts.js';

/** Public: no organisation data, answered to anyone. */
const PUBLIC_PREFIXES = ['/api/vmbo', '/api/mbo', '/api/search', '/api/catalog', '/api/health', '/api/docs'];
/**
 * Public auth routes: they prove themselves with a password, a token from an e-mail, or (SSO) the
 * identity provider's answer to a single-use state; not with a session.
 */
const PUBLIC_ROUTES = new Set([
  'POST /api/auth/login',
  'POST /api/auth/wachtwoord-vergeten',
  'POST /api/auth/wachtwoord-herstellen',
  'POST /api/auth/uitnodiging-accepteren',
  'GET /api/auth/sso/:organisationId/start',
  'GET /api/auth/sso/callback',
  'GET /api/auth/sso/organisaties', // only id and name of organisations with SSO switched on, for the sign-in page
]);

const ACTORS = ['beheerder', 'ontwikkelaar', 'leerling', 'partner', 'foreign', 'anonymous'] as const;
type ActorKind = (typeof ACTORS)[number];
/** Who is who, all in terms of the organisation under test (Demo Vmbo College). */
const ACTOR_EMAIL: Record<Exclude<ActorKind, 'anonymous'>, string> = {
  beheerder: 'beheerder@vmbo.demo', // beheerder of the organisation
  ontwikkelaar: 'docent@vmbo.demo', // ontwikkelaar of the organisation
  leerling: 'leerling@vmbo.demo', // leerling of the organisation
  partner: 'docent@roc.demo', // ontwikkelaar of the partner instelling (same samenwerking, other organisation)
  foreign: 'beheerder@ander.demo', // beheerder of an unrelated organisation
};

/** An account of the unrelated organisation that the matrix tries to add as a member. */
const CANDIDATE = 'kandidaat@ander.demo';

interface Row {
  method: string;
  url: string;
  /** Builds the request; `org` is the id of the organisation under test. */
  request?: (ctx: { org: string; actor: ActorKind }) => { url?: string; payload?: unknown };
  expect: Record<ActorKind, number>;
}

const MATRIX: Row[] = [
  { method: 'POST', url: '/api/auth/logout', expect: { beheerder: 204, ontwikkelaar: 204, leerling: 204, partner: 204, foreign: 204, anonymous: 204 } },
  { method: 'GET', url: '/api/auth/me', expect: { beheerder: 200, ontwikkelaar: 200, leerling: 200, partner: 200, foreign: 200, anonymous: 401 } },
  { method: 'GET', url: '/api/organisations', expect: { beheerder: 200, ontwikkelaar: 200, leerling: 200, partner: 200, foreign: 200, anonymous: 401 } },
  { method: 'GET', url: '/api/organisations/:id', expect: { beheerder: 200, ontwikkelaar: 200, leerling: 200, partner: 404, foreign: 404, anonymous: 401 } },
  { method: 'GET', url: '/api/organisations/:id/members', expect: { beheerder: 200, ontwikkelaar: 403, leerling: 403, partner: 404, foreign: 404, anonymous: 401 } },
  {
    method: 'POST',
    url: '/api/organisations/:id/members',
    // Everyone tries to add the same outsider (so no actor of the matrix changes); the beheerder with another role than the rest.
    request: ({ actor }) => ({ payload: { email: CANDIDATE, rol: actor === 'beheerder' ? 'examinator' : 'beheerder' } }),
    expect: { beheerder: 201, ontwikkelaar: 403, leerling: 403, partner: 404, foreign: 404, anonymous: 401 },
  },
  {
    method: 'POST',
    url: '/api/organisations/:id/uitnodigingen',
    // An invitation changes no one's rights until it is accepted; every actor invites the same new address.
    request: () => ({ payload: { email: 'uitgenodigd@nieuw.demo', rol: 'ontwikkelaar' } }),
    expect: { beheerder: 201, ontwikkelaar: 403, leerling: 403, partner: 404, foreign: 404, anonymous: 401 },
  },
  { method: 'GET', url: '/api/organisations/:id/sso', expect: { beheerder: 200, ontwikkelaar: 403, leerling: 403, partner: 404, foreign: 404, anonymous: 401 } },
  {
    method: 'PUT',
    url: '/api/organisations/:id/sso',
    // Switched off, so that no one can sign in through it; no provider is contacted when saving.
    request: () => ({ payload: { issuer: 'https://idp.example.org', clientId: 'doorlopend', clientSecret: 'geheim', enabled: false } }),
    expect: { beheerder: 200, ontwikkelaar: 403, leerling: 403, partner: 404, foreign: 404, anonymous: 401 },
  },
  { method: 'GET', url: '/api/organisations/:id/audit', expect: { beheerder: 200, ontwikkelaar: 403, leerling: 403, partner: 404, foreign: 404, anonymous: 401 } },
];

const key = (method: string, url: string) => `${method} ${url.replace(/\/$/, '')}`;
const isPublic = (method: string, url: string) => PUBLIC_ROUTES.has(key(method, url)) || PUBLIC_PREFIXES.some((p) => url === p || url.startsWith(`${p}/`));
const inMatrix = new Set(MATRIX.map((r) => key(r.method, r.url)));
/** The /api routes that are neither public nor in the matrix. */
const unlisted = (routes: Array<{ method: string; url: string }>) =>
  routes
    .filter((r) => r.url.startsWith('/api') && r.method !== 'HEAD' && r.method !== 'OPTIONS')
    .filter((r) => !isPublic(r.method, r.url) && !inMatrix.has(key(r.method, r.url)))
    .map((r) => key(r.method, r.url));

describe('the authorization matrix check', () => {
  it('flags a new organisation route, a new method on a known path, and a look-alike of a public prefix', () => {
    expect(unlisted([{ method: 'GET', url: '/api/partnerships/:id' }, { method: 'DELETE', url: '/api/organisations/:id/members' }, { method: 'GET', url: '/api/mbo-privé' }, { method: 'GET', url: '/api/mbo/dossiers' }])).toEqual([
      'GET /api/partnerships/:id',
      'DELETE /api/organisations/:id/members',
      'GET /api/mbo-privé',
    ]);
  });
});

describe.skipIf(!databaseAvailable)(`authorization matrix (${TEST_DB})`, () => {
  let t: AccountsApp;
  let org: string;
  beforeAll(async () => {
    t = await startAccountsApp();
    org = (await t.database.db.selectFrom('organisation').select('id').where('naam', '=', 'Demo Vmbo College').executeTakeFirstOrThrow()).id;
    await createUser({ db: t.database.db, email: ACTOR_EMAIL.foreign, naam: 'Ander', organisatie: 'Ander College', soort: 'vmbo-school', rol: 'beheerder', password: 'demo-wachtwoord' });
    await createUser({ db: t.database.db, email: CANDIDATE, naam: 'Kandidaat', organisatie: 'Ander College', rol: 'ontwikkelaar' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('has a row for every /api route that is not public', () => {
    const routes = registeredRoutes(t.app).filter((r) => r.url.startsWith('/api') && r.method !== 'HEAD' && r.method !== 'OPTIONS');
    expect(routes.length).toBeGreaterThan(10);
    expect(unlisted(routes), 'routes without a row in the authorization matrix (add them to MATRIX in test/integration/authz-matrix.test.ts)').toEqual([]);
    // And the matrix names no route that does not exist.
    const registered = new Set(routes.map((r) => key(r.method, r.url)));
    expect(MATRIX.map((r) => key(r.method, r.url)).filter((k) => !registered.has(k))).toEqual([]);
    // Organisation routes can never be declared public.
    expect(routes.filter((r) => /^\/api\/(organisations|auth\/me)/.test(r.url) && isPublic(r.method, r.url))).toEqual([]);
  });

  for (const row of MATRIX) {
    it(`${row.method} ${row.url}: ${ACTORS.map((a) => `${a} ${row.expect[a]}`).join(', ')}`, async () => {
      const got: Partial<Record<ActorKind, number>> = {};
      for (const actor of ACTORS) {
        // A fresh session per cell, so that logout in one cell does not affect another.
        const session = actor === 'anonymous' ? undefined : await signIn(t.app, ACTOR_EMAIL[actor]);
        const built = row.request?.({ org, actor }) ?? {};
        const res = await t.app.inject({
          method: row.method as 'GET',
          url: built.url ?? row.url.replace(':id', org),
          headers: session ? asUser(session) : {},
          ...(built.payload !== undefined ? { payload: built.payload as object } : {}),
        });
        got[actor] = res.statusCode;
        if (res.statusCode >= 400) expect(res.headers['content-type'], `${actor}: problem+json`).toMatch(/application\/problem\+json/);
      }
      expect(got).toEqual(row.expect);
    });
  }
});

if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
