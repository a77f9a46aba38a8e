/**
 * Single sign-on with OpenID Connect, the real flow: a real OIDC provider (oidc-provider) on loopback
 * with a static client, its own login and consent pages driven by HTTP, the code exchange by
 * openid-client against it, and the session that results. A provider on loopback over plain http is only
 * allowed in an app built for tests (`allowInsecureSso`); the app as it runs refuses such issuers, and an
 * anonymous sign-in start never makes the server fetch an address it may not reach (issue 10, finding 9c).
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Me, SsoInstelling } from '../../src/shared/auth-api.js';
import { buildApp } from '../../src/server/http/app.js';
import { OutboxMailer } from '../../src/server/mail/outbox-mailer.js';
import { DEMO_PASSWORD, seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import { upsertSsoConfig } from '../../src/server/repositories/sso-repository.js';
import { createTestDatabase, databaseAvailable, SKIP_NO_DB, TEST_DB, type TestDatabase } from '../support/db.js';
import { signInAtProvider, startOidcProvider, type OidcServer } from '../support/oidc-provider.js';
import { asUser, sessionCookieOf, signIn, TEST_PUBLIC_URL, type Session } from '../support/accounts.js';

const CLIENT_ID = 'doorlopend-test';
const CLIENT_SECRET = 'heel-geheim-client-secret-0123456789';
const CALLBACK = `${TEST_PUBLIC_URL}/api/auth/sso/callback`;

/** The provider's accounts: account id → e-mail claim. */
const PROVIDER_ACCOUNTS: Record<string, string> = {
  docent: 'Docent@VMBO.demo', // member of Demo Vmbo College (case differs on purpose)
  rocdocent: 'docent@roc.demo', // has an account, but in another organisation
  onbekend: 'onbekend@elders.nl', // no account at all
  platform: 'beheerder@vmbo.demo', // member, and platform beheerder
};

interface SsoApp {
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

/** An app with the demo organisations and users; `allowInsecureSso` as a test asks (never set by configuration). */
async function startSsoApp(opts: { allowInsecureSso: boolean; database?: TestDatabase }): Promise<SsoApp> {
  const database = opts.database ?? (await createTestDatabase());
  if (!opts.database) await seedDemoOrganisations(database.db);
  const outboxDir = await fs.mkdtemp(path.join(os.tmpdir(), 'doorlopend-outbox-'));
  const app = await buildApp({ db: database.db, mailer: new OutboxMailer(outboxDir), publicUrl: TEST_PUBLIC_URL, allowInsecureSso: opts.allowInsecureSso });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      if (!opts.database) await database.destroy();
      await fs.rm(outboxDir, { recursive: true, force: true });
    },
  };
}

/** An HTTP server on loopback that counts the requests it gets and answers each with `status`. */
async function countingServer(status = 500): Promise<{ url: string; requests: () => number; close(): Promise<void> }> {
  let count = 0;
  const server = http.createServer((_req, res) => {
    count += 1;
    res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const startProvider = () => startOidcProvider({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: CALLBACK, accounts: PROVIDER_ACCOUNTS });


describe.skipIf(!databaseAvailable)(`single sign-on with OpenID Connect (${TEST_DB})`, () => {
  let t: SsoApp;
  let op: OidcServer;
  let vmboId: string;
  let beheerder: Session;

  beforeAll(async () => {
    [t, op] = await Promise.all([startSsoApp({ allowInsecureSso: true }), startProvider()]);
    vmboId = (await t.database.db.selectFrom('organisation').select('id').where('naam', '=', 'Demo Vmbo College').executeTakeFirstOrThrow()).id;
    beheerder = await signIn(t.app, 'beheerder@vmbo.demo');
  });
  afterAll(async () => {
    await t?.close();
    await op?.close();
  });

  /** Starts SSO in our app and signs in at the provider; the callback URL (path + query) and our browser cookie. */
  async function flow(account: string, opts: { returnTo?: string; cookie?: string } = {}) {
    const query = opts.returnTo ? `?return_to=${encodeURIComponent(opts.returnTo)}` : '';
    const start = await t.app.inject({ method: 'GET', url: `/api/auth/sso/${vmboId}/start${query}`, headers: opts.cookie ? { cookie: opts.cookie } : {} });
    expect(start.statusCode, start.body).toBe(302);
    const location = new URL(start.headers.location as string);
    expect(location.origin).toBe(op.issuer);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('state')).toBeTruthy();
    expect(location.searchParams.get('nonce')).toBeTruthy();
    expect(location.searchParams.get('redirect_uri')).toBe(CALLBACK);
    const ssoCookie = start.cookies.find((c) => c.name === 'doorlopend_sso')!;
    expect(ssoCookie.httpOnly).toBe(true);
    const callback = await signInAtProvider(location.href, account, CALLBACK);
    return { path: `${callback.pathname}${callback.search}`, browser: `doorlopend_sso=${ssoCookie.value}` };
  }

  it('lets a beheerder configure SSO, and never returns the client secret', async () => {
    const before = await t.app.inject({ method: 'GET', url: `/api/organisations/${vmboId}/sso`, headers: asUser(beheerder) });
    expect(before.statusCode).toBe(200);
    expect(SsoInstelling.parse(before.json())).toMatchObject({ ingesteld: false, enabled: false });
    // SSO that is not configured cannot be started.
    const notYet = await t.app.inject({ method: 'GET', url: `/api/auth/sso/${vmboId}/start` });
    expect(notYet.statusCode).toBe(404);
    expect(notYet.headers['content-type']).toMatch(/application\/problem\+json/);

    const bad = await t.app.inject({
      method: 'PUT',
      url: `/api/organisations/${vmboId}/sso`,
      headers: asUser(beheerder),
      payload: { issuer: 'http://idp.example.org', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, enabled: true },
    });
    expect(bad.statusCode).toBe(400); // http only on loopback

    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/organisations/${vmboId}/sso`,
      headers: asUser(beheerder),
      payload: { issuer: op.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, enabled: true },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual({ ingesteld: true, issuer: op.issuer, clientId: CLIENT_ID, scopes: 'openid email', emailClaim: 'email', enabled: true, clientSecretIngesteld: true });
    const get = await t.app.inject({ method: 'GET', url: `/api/organisations/${vmboId}/sso`, headers: asUser(beheerder) });
    expect(get.json()).toEqual(put.json());
    for (const res of [put, get]) expect(res.body).not.toContain(CLIENT_SECRET);
    const audit = await t.app.inject({ method: 'GET', url: `/api/organisations/${vmboId}/audit`, headers: asUser(beheerder) });
    expect(audit.body).toContain('sso.configured');
    expect(audit.body).not.toContain(CLIENT_SECRET);
  });

  it('lists the organisations with SSO switched on for the sign-in page: public, only id and name', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/sso/organisaties' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([{ id: vmboId, naam: 'Demo Vmbo College' }]);
    expect(res.body).not.toContain(op.issuer);
    expect(res.body).not.toContain(CLIENT_ID);
  });

  it('signs a member in through the provider: session rotated, cookie works, CSRF token works, audited, back to return_to', async () => {
    // The browser already has a (leerling) session: it must end, not be reused.
    const earlier = await signIn(t.app, 'leerling@vmbo.demo');
    const { path, browser } = await flow('docent', { returnTo: '/organisaties?tab=leden' });
    const callback = await t.app.inject({ method: 'GET', url: path, headers: { cookie: `${browser}; ${earlier.cookie}` } });
    expect(callback.statusCode, callback.body).toBe(302);
    expect(callback.headers.location).toBe('/organisaties?tab=leden');
    const cookie = sessionCookieOf(callback)!;
    expect(cookie).toBeDefined();
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.value).not.toBe(earlier.token);
    expect(callback.cookies.find((c) => c.name === 'doorlopend_sso')?.value).toBe(''); // cleared

    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `doorlopend_sessie=${cookie.value}` } });
    expect(me.statusCode).toBe(200);
    const body = Me.parse(me.json());
    expect(body.gebruiker.email).toBe('docent@vmbo.demo');
    expect(body.lidmaatschappen).toEqual([expect.objectContaining({ organisatieId: vmboId, rol: 'ontwikkelaar' })]);
    // The old session is gone.
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: earlier.cookie } })).statusCode).toBe(401);
    // Audit entry in the organisation's log.
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'subject_id', 'organisation_id']).where('action', '=', 'login.sso').execute();
    expect(audit).toEqual([{ action: 'login.sso', subject_id: body.gebruiker.id, organisation_id: vmboId }]);
    // The session's CSRF token works like after a password sign-in.
    const session = { cookie: `doorlopend_sessie=${cookie.value}`, token: cookie.value, csrfToken: body.csrfToken };
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: asUser(session) })).statusCode).toBe(204);
  });

  it('ends the password lock someone keeps up by guessing when the owner signs in through SSO; further guesses lock it again', async () => {
    const password = (wachtwoord: string, remoteAddress: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { email: 'docent@vmbo.demo', wachtwoord } });
    for (let i = 1; i <= 5; i += 1) expect((await password(`gok-${i}`, `10.7.0.${i}`)).statusCode).toBe(401);
    expect((await password(DEMO_PASSWORD, '10.7.1.1')).statusCode).toBe(429);

    const { path, browser } = await flow('docent');
    const callback = await t.app.inject({ method: 'GET', url: path, headers: { cookie: browser } });
    expect(callback.statusCode, callback.body).toBe(302);
    expect(sessionCookieOf(callback)?.value).toBeTruthy();
    const counter = () => t.database.db.selectFrom('rate_limit').select('count').where('kind', '=', 'login-account').where('key', '=', 'docent@vmbo.demo').execute();
    expect(await counter()).toEqual([]);
    // The owner's password works again at once (before: 429, renewed by every guess) ...
    expect((await password(DEMO_PASSWORD, '10.7.1.1')).statusCode).toBe(200);
    // ... and the guesser starts from zero under the same policy: locked after five more failures.
    for (let i = 1; i <= 5; i += 1) expect((await password(`nog-een-gok-${i}`, `10.7.0.${i}`)).statusCode).toBe(401);
    expect((await password(DEMO_PASSWORD, '10.7.1.1')).statusCode).toBe(429);
  });

  it('refuses a replayed state: the second use of the same callback gets no session', async () => {
    const { path, browser } = await flow('docent');
    const first = await t.app.inject({ method: 'GET', url: path, headers: { cookie: browser } });
    expect(first.statusCode).toBe(302);
    expect(first.headers.location).toBe('/');
    const replay = await t.app.inject({ method: 'GET', url: path, headers: { cookie: browser } });
    expect(replay.statusCode).toBe(400);
    expect(replay.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(replay.json()).toMatchObject({ code: 'validation_failed', detail: expect.stringContaining('verlopen of al gebruikt') });
    expect(sessionCookieOf(replay)?.value ?? '').toBe('');
  });

  it('refuses a callback in another browser (no binding cookie), and the state is used up by that attempt', async () => {
    const { path, browser } = await flow('docent');
    const elsewhere = await t.app.inject({ method: 'GET', url: path });
    expect(elsewhere.statusCode).toBe(400);
    expect(sessionCookieOf(elsewhere)?.value ?? '').toBe('');
    const after = await t.app.inject({ method: 'GET', url: path, headers: { cookie: browser } });
    expect(after.statusCode).toBe(400);
  });

  it('answers 403 with a Dutch message to someone without membership, and creates no account', async () => {
    const users = async () => (await t.database.db.selectFrom('app_user').select('id').execute()).length;
    const members = async () => (await t.database.db.selectFrom('membership').select('user_id').where('organisation_id', '=', vmboId).execute()).length;
    const before = await users();
    const membersBefore = await members();
    for (const account of ['rocdocent', 'onbekend']) {
      const { path, browser } = await flow(account);
      const res = await t.app.inject({ method: 'GET', url: path, headers: { cookie: browser } });
      expect(res.statusCode, account).toBe(403);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json()).toMatchObject({ code: 'forbidden', detail: expect.stringMatching(/geen account.*Demo Vmbo College.*uit te nodigen/) });
      expect(sessionCookieOf(res)?.value ?? '').toBe('');
    }
    expect(await users()).toBe(before);
    expect(await members()).toBe(membersBefore);
  });

  it('never signs in a platform beheerder through a school\'s provider (a right for the whole platform): 403, no session, the password still works', async () => {
    const ssoLogins = async () => (await t.database.db.selectFrom('audit_log').select('id').where('action', '=', 'login.sso').execute()).length;
    const before = await ssoLogins();
    const { path, browser } = await flow('platform');
    const res = await t.app.inject({ method: 'GET', url: path, headers: { cookie: browser } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'forbidden', detail: expect.stringContaining('beheerder van het hele platform') });
    expect(sessionCookieOf(res)?.value ?? '').toBe('');
    expect(await ssoLogins()).toBe(before);
    // A browser is sent back to the sign-in page with the reason that says to use the password.
    const again = await flow('platform');
    const html = await t.app.inject({ method: 'GET', url: again.path, headers: { accept: 'text/html', cookie: again.browser } });
    expect(html.statusCode).toBe(302);
    expect(html.headers.location).toBe(`/inloggen?sso-fout=wachtwoord-nodig&organisatie=${vmboId}`);
    expect((await signIn(t.app, 'beheerder@vmbo.demo')).token).toBeTruthy();
  });

  it('sends a browser (Accept: text/html) back to the sign-in page with a fixed reason instead of a problem document', async () => {
    const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
    const { path, browser } = await flow('onbekend');
    const refused = await t.app.inject({ method: 'GET', url: path, headers: { ...html, cookie: browser } });
    expect(refused.statusCode).toBe(302);
    expect(refused.headers.location).toBe(`/inloggen?sso-fout=geen-account&organisatie=${vmboId}`);
    expect(sessionCookieOf(refused)?.value ?? '').toBe('');
    // The e-mail address from the provider never ends up in the URL.
    expect(refused.headers.location).not.toContain('elders');
    const replay = await t.app.inject({ method: 'GET', url: path, headers: { ...html, cookie: browser } });
    expect(replay.headers.location).toBe('/inloggen?sso-fout=verlopen');
    const badReturn = await t.app.inject({ method: 'GET', url: `/api/auth/sso/${vmboId}/start?return_to=${encodeURIComponent('//evil.example')}`, headers: html });
    expect(badReturn.headers.location).toBe('/inloggen?sso-fout=ongeldig');
    const unknownOrg = await t.app.inject({ method: 'GET', url: '/api/auth/sso/00000000-0000-4000-8000-000000000000/start', headers: html });
    expect(unknownOrg.headers.location).toBe('/inloggen?sso-fout=niet-ingesteld');
  });

  it('only returns to paths on this site, and not when SSO is switched off', async () => {
    for (const returnTo of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/auth/sso/${vmboId}/start?return_to=${encodeURIComponent(returnTo)}` });
      expect(res.statusCode, returnTo).toBe(400);
    }
    const off = await t.app.inject({ method: 'PUT', url: `/api/organisations/${vmboId}/sso`, headers: asUser(beheerder), payload: { issuer: op.issuer, clientId: CLIENT_ID, enabled: false } });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ enabled: false, clientSecretIngesteld: true }); // the secret was kept
    expect((await t.app.inject({ method: 'GET', url: `/api/auth/sso/${vmboId}/start` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/sso/organisaties' })).json()).toEqual([]);
  });
});

describe.skipIf(!databaseAvailable)(`SSO issuers and discovery cannot be used to probe addresses (${TEST_DB})`, () => {
  let secure: SsoApp;
  let forTests: SsoApp;
  let vmboId: string;
  let rocId: string;
  let beheerder: Session;

  beforeAll(async () => {
    secure = await startSsoApp({ allowInsecureSso: false });
    // A second app on the same data, as built for tests (loopback and http allowed).
    forTests = await startSsoApp({ allowInsecureSso: true, database: secure.database });
    const orgId = async (naam: string) => (await secure.database.db.selectFrom('organisation').select('id').where('naam', '=', naam).executeTakeFirstOrThrow()).id;
    [vmboId, rocId] = await Promise.all([orgId('Demo Vmbo College'), orgId('Demo ROC')]);
    beheerder = await signIn(secure.app, 'beheerder@vmbo.demo');
  });
  afterAll(async () => {
    await forTests?.close();
    await secure?.close();
  });

  it('refuses to save an issuer on loopback, plain http, a private or link-local address, in Dutch, and changes nothing', async () => {
    const audit = async () => (await secure.database.db.selectFrom('audit_log').select('id').where('action', '=', 'sso.configured').execute()).length;
    const before = await audit();
    for (const issuer of ['http://127.0.0.1:4000', 'https://127.0.0.1', 'https://localhost', 'https://10.0.0.1', 'https://192.168.1.10', 'https://169.254.169.254', 'https://[::1]', 'https://[fd00::1]', 'https://0x7f.1', 'https://idp.internal']) {
      const res = await secure.app.inject({
        method: 'PUT',
        url: `/api/organisations/${vmboId}/sso`,
        headers: asUser(beheerder),
        payload: { issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, enabled: true },
      });
      expect(res.statusCode, issuer).toBe(400);
      expect(res.headers['content-type'], issuer).toMatch(/application\/problem\+json/);
      expect(res.json(), issuer).toMatchObject({ code: 'validation_failed', detail: expect.stringMatching(/^De issuer is niet toegestaan\./), errors: [{ path: 'body.issuer' }] });
    }
    const get = await secure.app.inject({ method: 'GET', url: `/api/organisations/${vmboId}/sso`, headers: asUser(beheerder) });
    expect(get.json()).toMatchObject({ ingesteld: false });
    expect(await audit()).toBe(before);
  });

  it('never fetches a stored issuer that breaks the rule (saved under older rules) when someone anonymous starts a sign-in', async () => {
    const target = await countingServer(200);
    try {
      // As if saved before the rule existed: straight into the table.
      await upsertSsoConfig(secure.database.db, { organisationId: rocId, issuer: target.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, scopes: 'openid email', emailClaim: 'email', enabled: true, now: new Date() });
      const answers = [];
      for (let i = 0; i < 3; i += 1) answers.push(await secure.app.inject({ method: 'GET', url: `/api/auth/sso/${rocId}/start` }));
      for (const res of answers) {
        expect(res.statusCode).toBe(502);
        expect(res.json()).toMatchObject({ code: 'source_unavailable', detail: 'De identiteitsprovider van deze organisatie is niet bereikbaar. Probeer het later opnieuw.' });
        expect(res.body).not.toContain('127.0.0.1');
      }
      expect(target.requests()).toBe(0);
    } finally {
      await secure.database.db.deleteFrom('organisation_sso').where('organisation_id', '=', rocId).execute();
      await target.close();
    }
  });

  it('leaves organisations whose stored issuer breaks the rule out of the sign-in page list (their start only gives the generic 502)', async () => {
    const list = async (app: SsoApp) => (await app.app.inject({ method: 'GET', url: '/api/auth/sso/organisaties' })).json() as Array<{ id: string; naam: string }>;
    const save = (organisationId: string, issuer: string) =>
      upsertSsoConfig(secure.database.db, { organisationId, issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, scopes: 'openid email', emailClaim: 'email', enabled: true, now: new Date() });
    try {
      // As if saved under older rules: straight into the table. Loopback over http (only an app for tests may use
      // it), and a private address (no app may).
      await save(rocId, 'http://127.0.0.1:4000');
      await save(vmboId, 'https://10.0.0.1');
      expect(await list(secure)).toEqual([]);
      expect(await list(forTests)).toEqual([{ id: rocId, naam: 'Demo ROC' }]);
      const start = await secure.app.inject({ method: 'GET', url: `/api/auth/sso/${rocId}/start` });
      expect(start.statusCode).toBe(502);
      // A valid issuer is listed.
      await save(vmboId, 'https://connect.surfconext.nl');
      expect(await list(secure)).toEqual([{ id: vmboId, naam: 'Demo Vmbo College' }]);
    } finally {
      await secure.database.db.deleteFrom('organisation_sso').execute();
    }
  });

  it('fetches discovery at most once per organisation per time window, also when it fails, with the same generic answer', async () => {
    const failing = await countingServer(500);
    try {
      await upsertSsoConfig(forTests.database.db, { organisationId: rocId, issuer: failing.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, scopes: 'openid email', emailClaim: 'email', enabled: true, now: new Date() });
      const answers = await Promise.all(Array.from({ length: 5 }, () => forTests.app.inject({ method: 'GET', url: `/api/auth/sso/${rocId}/start` })));
      answers.push(await forTests.app.inject({ method: 'GET', url: `/api/auth/sso/${rocId}/start` }));
      for (const res of answers) {
        expect(res.statusCode).toBe(502);
        expect(res.json()).toMatchObject({ code: 'source_unavailable', detail: 'De identiteitsprovider van deze organisatie is niet bereikbaar. Probeer het later opnieuw.' });
      }
      expect(failing.requests()).toBe(1);
    } finally {
      await forTests.database.db.deleteFrom('organisation_sso').where('organisation_id', '=', rocId).execute();
      await failing.close();
    }
  });
});

if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
