/**
 * Issue 10, finding 8: the session cookie in production mode (`__Host-` prefix, always Secure, whatever the
 * client claims), https believed only from a trusted proxy, and the Origin / Sec-Fetch-Site check on every
 * state-changing API request (sign-in included: login CSRF).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { CROSS_SITE_MESSAGE } from '../../src/server/http/auth-hooks.js';
import { DEMO_PASSWORD } from '../../src/server/demo/seed-demo-organisations.js';
import { databaseAvailable, SKIP_NO_DB, TEST_DB } from '../support/db.js';
import { asUser, signIn, startAccountsApp, TEST_PUBLIC_URL, type AccountsApp } from '../support/accounts.js';

const SITE = 'https://doorlopend.example.nl';
const ATTACKER = 'https://aanvaller.example';

const setCookieHeaders = (res: LightMyRequestResponse) => [res.headers['set-cookie'] ?? []].flat();

function expectCrossSiteRefusal(res: LightMyRequestResponse) {
  expect(res.statusCode).toBe(403);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(res.json()).toMatchObject({ code: 'forbidden', status: 403, detail: CROSS_SITE_MESSAGE });
  expect(setCookieHeaders(res)).toEqual([]);
}

describe.skipIf(!databaseAvailable)(`session cookie and request origin (${TEST_DB})`, () => {
  /** Production mode, PUBLIC_URL https://doorlopend.example.nl, plain http between proxy and app. */
  let prod: AccountsApp;
  /** Demo mode with PUBLIC_URL http://doorlopend.test. */
  let demo: AccountsApp;
  /** Demo mode behind a trusted proxy (the test's own address). */
  let proxied: AccountsApp;
  /** Demo mode without PUBLIC_URL: the request's host is the site. */
  let hostOnly: AccountsApp;
  beforeAll(async () => {
    prod = await startAccountsApp({ mode: 'production', siteOrigin: SITE });
    const database = prod.database;
    demo = await startAccountsApp({ database, siteOrigin: new URL(TEST_PUBLIC_URL).origin });
    proxied = await startAccountsApp({ database, trustProxy: ['127.0.0.1'] });
    hostOnly = await startAccountsApp({ database });
  });
  afterAll(async () => {
    for (const t of [hostOnly, proxied, demo]) await t?.close();
    await prod?.close();
  });

  const login = (t: AccountsApp, headers: Record<string, string> = {}, email = 'docent@vmbo.demo') =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', headers, payload: { email, wachtwoord: DEMO_PASSWORD } });
  const sessionCount = async () => (await prod.database.db.selectFrom('session').select('id').execute()).length;

  it('sets __Host-doorlopend_sessie in production mode: Secure even over plain http, Path=/, no Domain, HttpOnly, SameSite=Lax', async () => {
    const res = await login(prod, { origin: SITE, 'sec-fetch-site': 'same-origin' });
    expect(res.statusCode).toBe(200);
    expect(res.cookies.map((c) => c.name)).toEqual(['__Host-doorlopend_sessie']);
    const cookie = res.cookies[0]!;
    expect(cookie).toMatchObject({ secure: true, path: '/', httpOnly: true, sameSite: 'Lax' });
    expect(cookie.domain).toBeUndefined();
    // The session is read from that cookie only.
    expect((await prod.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `__Host-doorlopend_sessie=${cookie.value}` } })).statusCode).toBe(200);
    expect((await prod.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `doorlopend_sessie=${cookie.value}` } })).statusCode).toBe(401);
    // Sign-out clears the same cookie (Secure), and the session ends.
    const s = await signIn(prod.app, 'docent@vmbo.demo');
    expect(s.cookie).toMatch(/^__Host-doorlopend_sessie=/);
    const out = await prod.app.inject({ method: 'POST', url: '/api/auth/logout', headers: asUser(s) });
    expect(out.statusCode).toBe(204);
    expect(setCookieHeaders(out)).toEqual([expect.stringMatching(/^__Host-doorlopend_sessie=;.*Path=\/.*Secure/)]);
    expect((await prod.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
  });

  it('keeps the old cookie name over plain http in demo mode, and believes https only from a trusted proxy', async () => {
    const plain = await login(demo, { 'x-forwarded-proto': 'https' });
    expect(plain.cookies.map((c) => [c.name, c.secure ?? false])).toEqual([['doorlopend_sessie', false]]);
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const behindProxy = await login(proxied, { 'x-forwarded-proto': 'https' });
    expect(behindProxy.cookies.map((c) => [c.name, c.secure ?? false])).toEqual([['doorlopend_sessie', true]]);
    expect(behindProxy.headers['strict-transport-security']).toMatch(/max-age=/);
    const proxiedHttp = await login(proxied, { 'x-forwarded-proto': 'http' });
    expect(proxiedHttp.cookies[0]!.secure ?? false).toBe(false);
  });

  it('refuses a sign-in from another site (Origin or Sec-Fetch-Site) with 403 problem+json, and signs no one in', async () => {
    const before = await sessionCount();
    const foreign: Array<Record<string, string>> = [
      { origin: ATTACKER },
      { origin: ATTACKER, 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: new URL(TEST_PUBLIC_URL).origin, 'sec-fetch-site': 'cross-site' },
      { origin: 'null' },
      { origin: 'http://doorlopend.test:8080' },
      { origin: 'https://doorlopend.test' },
    ];
    for (const headers of foreign) expectCrossSiteRefusal(await login(demo, headers));
    expect(await sessionCount()).toBe(before);
    // The site itself, and clients that are not a browser (no such headers), still sign in.
    expect((await login(demo, { origin: new URL(TEST_PUBLIC_URL).origin, 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
    expect((await login(demo, { 'sec-fetch-site': 'none' })).statusCode).toBe(200);
    expect((await login(demo)).statusCode).toBe(200);
    // In production mode the site is PUBLIC_URL's origin: the app's own http address is another origin.
    expectCrossSiteRefusal(await login(prod, { origin: 'http://localhost' }));
  });

  it('refuses state-changing requests of a signed-in user from another site, even with the CSRF token; nothing changes', async () => {
    const s = await signIn(demo.app, 'beheerder@roc.demo');
    const orgId = (await demo.database.db.selectFrom('organisation').select('id').where('naam', '=', 'Demo ROC').executeTakeFirstOrThrow()).id;
    const fromAttacker = { ...asUser(s), origin: ATTACKER };
    expectCrossSiteRefusal(await demo.app.inject({ method: 'POST', url: '/api/auth/logout', headers: fromAttacker }));
    expectCrossSiteRefusal(await demo.app.inject({ method: 'PATCH', url: `/api/organisations/${orgId}`, headers: fromAttacker, payload: { naam: 'Overgenomen' } }));
    expectCrossSiteRefusal(await demo.app.inject({ method: 'DELETE', url: '/api/account', headers: fromAttacker, payload: { wachtwoord: DEMO_PASSWORD } }));
    expectCrossSiteRefusal(await demo.app.inject({ method: 'DELETE', url: '/api/account', headers: { ...asUser(s), 'sec-fetch-site': 'cross-site' }, payload: { wachtwoord: DEMO_PASSWORD } }));
    // Still signed in, the organisation and the account unchanged.
    expect((await demo.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie, origin: ATTACKER } })).statusCode).toBe(200);
    expect((await demo.database.db.selectFrom('organisation').select('naam').where('id', '=', orgId).executeTakeFirstOrThrow()).naam).toBe('Demo ROC');
    expect(await demo.database.db.selectFrom('app_user').select('id').where('email', '=', 'beheerder@roc.demo').execute()).toHaveLength(1);
  });

  it('refuses a password reset request from another site before counting or mailing anything', async () => {
    const res = await demo.app.inject({ method: 'POST', url: '/api/auth/wachtwoord-vergeten', headers: { origin: ATTACKER }, payload: { email: 'docent@roc.demo' } });
    expectCrossSiteRefusal(res);
    expect(await demo.outbox()).toEqual([]);
    expect(await demo.database.db.selectFrom('rate_limit').select('key').where('kind', '=', 'reset-account').execute()).toEqual([]);
  });

  it('without PUBLIC_URL (demo mode) takes the host the request was sent to as the site', async () => {
    const host = 'doorlopend.school.nl';
    expect((await login(hostOnly, { host, origin: `https://${host}` })).statusCode).toBe(200);
    expect((await login(hostOnly, { host: `${host}:8443`, origin: `https://${host}:8443` })).statusCode).toBe(200);
    for (const origin of [`https://${host}.aanvaller.example`, 'http://localhost', `https://${host}:8443`, 'file://', 'null']) {
      expectCrossSiteRefusal(await login(hostOnly, { host, origin }));
    }
  });
});

if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
