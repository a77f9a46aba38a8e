/**
 * Issue 10, finding 1: the limits on password guessing and reset mails hold whatever a client claims in
 * X-Forwarded-For, hold across app instances on one database, and believe forwarded addresses only
 * from the proxies in TRUST_PROXY.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/seed-demo-organisations.js';
import { databaseAvailable, SKIP_NO_DB, TEST_DB } from '../support/db.js';
import { asUser, linkTokenOf, sessionCookieOf, signIn, startAccountsApp, type AccountsApp } from '../support/accounts.js';

const MINUTE = 60_000;

const login = (t: AccountsApp, email: string, wachtwoord: string, opts: { remoteAddress?: string; forwardedFor?: string } = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: opts.remoteAddress ?? '127.0.0.1',
    headers: opts.forwardedFor ? { 'x-forwarded-for': opts.forwardedFor } : {},
    payload: { email, wachtwoord },
  });

const counters = (t: AccountsApp) => t.database.db.selectFrom('rate_limit').select(['kind', 'key', 'count']).orderBy('kind').orderBy('key').execute();

describe.skipIf(!databaseAvailable)(`rate limits in the database (${TEST_DB})`, () => {
  let now = Date.UTC(2027, 0, 11, 9, 0, 0);
  let a: AccountsApp;
  let b: AccountsApp;
  beforeAll(async () => {
    // Two instances of the app on one database, with one (fake) clock.
    a = await startAccountsApp({ now: () => now });
    b = await startAccountsApp({ now: () => now, database: a.database });
  });
  afterEach(async () => {
    now += 24 * 60 * MINUTE; // every test starts with all counters forgotten
    await a.limiter.cleanup();
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('refuses the right password after five failures, however many addresses the client claims in X-Forwarded-For (429, Retry-After)', async () => {
    for (let i = 1; i <= 5; i += 1) {
      expect((await login(a, 'docent@vmbo.demo', `fout-${i}`, { forwardedFor: `203.0.113.${i}` })).statusCode).toBe(401);
    }
    const blocked = await login(a, 'docent@vmbo.demo', DEMO_PASSWORD, { forwardedFor: '198.51.100.77' });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(blocked.json()).toMatchObject({ code: 'too_many_requests', detail: 'Te veel mislukte pogingen. Probeer het over 1 minuut opnieuw.' });
    expect(blocked.headers['retry-after']).toBe('60');
    expect(sessionCookieOf(blocked)).toBeUndefined();
    // The forwarded addresses were not believed: every failure counted for the connection's own address.
    expect(await counters(a)).toEqual([
      { kind: 'login-account', key: 'docent@vmbo.demo', count: 5 },
      { kind: 'login-address', key: '127.0.0.1', count: 5 },
    ]);
  });

  it('doubles the lock with each further failure, up to the cap; the right password after the lock ends the count', async () => {
    for (let i = 1; i <= 5; i += 1) expect((await login(a, 'docent@roc.demo', 'fout')).statusCode).toBe(401);
    expect((await login(a, 'docent@roc.demo', DEMO_PASSWORD)).headers['retry-after']).toBe('60');
    now += MINUTE;
    expect((await login(a, 'docent@roc.demo', 'fout')).statusCode).toBe(401);
    expect((await login(a, 'docent@roc.demo', DEMO_PASSWORD)).headers['retry-after']).toBe('120');
    now += 2 * MINUTE;
    expect((await login(a, 'docent@roc.demo', 'fout')).statusCode).toBe(401);
    const third = await login(a, 'docent@roc.demo', DEMO_PASSWORD);
    expect(third.headers['retry-after']).toBe('240');
    expect(third.json().detail).toBe('Te veel mislukte pogingen. Probeer het over 4 minuten opnieuw.');
    // Ten more failures, each after its lock: the lock stops growing at one hour.
    for (let i = 0; i < 10; i += 1) {
      now += 60 * MINUTE;
      expect((await login(a, 'docent@roc.demo', 'fout')).statusCode).toBe(401);
    }
    expect((await login(a, 'docent@roc.demo', DEMO_PASSWORD)).headers['retry-after']).toBe('3600');
    now += 60 * MINUTE;
    expect((await login(a, 'docent@roc.demo', DEMO_PASSWORD)).statusCode).toBe(200);
    expect((await counters(a)).filter((c) => c.kind === 'login-account')).toEqual([]);
    expect((await login(a, 'docent@roc.demo', 'fout')).statusCode).toBe(401);
  });

  it('adds up the failures of one account over two app instances on one database', async () => {
    for (let i = 0; i < 3; i += 1) expect((await login(a, 'beheerder@roc.demo', 'fout', { remoteAddress: '10.2.0.1' })).statusCode).toBe(401);
    for (let i = 0; i < 2; i += 1) expect((await login(b, 'beheerder@roc.demo', 'fout', { remoteAddress: '10.2.0.2' })).statusCode).toBe(401);
    expect((await login(a, 'beheerder@roc.demo', DEMO_PASSWORD, { remoteAddress: '10.2.0.3' })).statusCode).toBe(429);
    expect((await login(b, 'beheerder@roc.demo', DEMO_PASSWORD, { remoteAddress: '10.2.0.4' })).statusCode).toBe(429);
  });

  it('lets parallel guesses through only up to the limit, also spread over two instances', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 16 }, (_, i) => login(i % 2 === 0 ? a : b, 'leerling@vmbo.demo', `parallel-${i}`, { remoteAddress: `10.3.0.${i}` })),
    );
    const statuses = guesses.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(11);
  });

  it('counts wrong passwords when deleting the account with the same limiter: locked by sign-in failures, the deletion is refused', async () => {
    const session = await signIn(a.app, 'beheerder@vmbo.demo');
    for (let i = 0; i < 5; i += 1) expect((await login(b, 'beheerder@vmbo.demo', 'fout', { remoteAddress: `10.4.0.${i}` })).statusCode).toBe(401);
    const refused = await a.app.inject({ method: 'DELETE', url: '/api/account', headers: asUser(session), payload: { wachtwoord: DEMO_PASSWORD } });
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(await a.database.db.selectFrom('app_user').select('id').where('email', '=', 'beheerder@vmbo.demo').execute()).toHaveLength(1);
  });

  it('a completed password reset ends the lock someone keeps up by guessing; their next guesses lock the account again as before', async () => {
    const email = 'beheerder@roc.demo';
    const attacker = (wachtwoord: string, i: number) => login(a, email, wachtwoord, { remoteAddress: `10.6.0.${i}` });
    for (let i = 1; i <= 5; i += 1) expect((await attacker(`gok-${i}`, i)).statusCode).toBe(401);
    expect((await login(a, email, DEMO_PASSWORD, { remoteAddress: '10.6.1.1' })).statusCode).toBe(429);

    // The owner resets the password through the mailed link (on the other instance: the lock is in the database).
    const forgot = await b.app.inject({ method: 'POST', url: '/api/auth/wachtwoord-vergeten', remoteAddress: '10.6.1.1', payload: { email } });
    expect(forgot.statusCode).toBe(202);
    const mail = (await b.outbox()).filter((m) => m.to === email).at(-1)!;
    const token = linkTokenOf(mail, '/wachtwoord-herstellen');
    const reset = await b.app.inject({ method: 'POST', url: '/api/auth/wachtwoord-herstellen', payload: { token, wachtwoord: 'nieuw-en-lang-wachtwoord' } });
    expect(reset.statusCode, reset.body).toBe(204);
    expect((await counters(a)).filter((c) => c.kind === 'login-account')).toEqual([]);
    // The owner signs in at once (before: 429 for up to an hour, renewed by every guess).
    const owner = await login(a, email, 'nieuw-en-lang-wachtwoord', { remoteAddress: '10.6.1.1' });
    expect(owner.statusCode, owner.body).toBe(200);

    // The guesser is not let off: counted from zero under the same policy, locked again after five failures,
    // and then even the right password waits.
    for (let i = 1; i <= 5; i += 1) expect((await attacker(`nog-een-gok-${i}`, i)).statusCode).toBe(401);
    const locked = await login(a, email, 'nieuw-en-lang-wachtwoord', { remoteAddress: '10.6.1.1' });
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('60');
    // Their addresses' counters were not touched by the reset.
    expect((await counters(a)).filter((c) => c.key.startsWith('10.6.0.'))).toHaveLength(5);
  });

  it('removes forgotten counters', async () => {
    expect((await login(a, 'niemand@vmbo.demo', 'fout', { remoteAddress: '10.5.0.1' })).statusCode).toBe(401);
    expect((await counters(a)).map((c) => c.key)).toContain('niemand@vmbo.demo');
    now += 24 * 60 * MINUTE + 1;
    await a.limiter.cleanup();
    expect(await counters(a)).toEqual([]);
  });
});

describe.skipIf(!databaseAvailable)(`client addresses and TRUST_PROXY (${TEST_DB})`, () => {
  const limits = { loginAddress: { max: 2, windowMs: 15 * MINUTE } };
  let direct: AccountsApp;
  let proxied: AccountsApp;
  beforeAll(async () => {
    // The same small per-address limit; `proxied` trusts the test's own address (127.0.0.1) as its proxy.
    direct = await startAccountsApp({ rateLimits: limits });
    proxied = await startAccountsApp({ rateLimits: limits, trustProxy: ['127.0.0.1'] });
  });
  afterAll(async () => {
    await direct?.close();
    await proxied?.close();
  });

  it('uses the forwarded address when the request comes from a trusted proxy', async () => {
    expect((await login(proxied, 'docent@vmbo.demo', 'fout', { forwardedFor: '198.51.100.7' })).statusCode).toBe(401);
    expect((await login(proxied, 'docent@roc.demo', 'fout', { forwardedFor: '198.51.100.7' })).statusCode).toBe(401);
    // That client's address is at its limit, for any account; another client behind the same proxy is not.
    expect((await login(proxied, 'beheerder@roc.demo', DEMO_PASSWORD, { forwardedFor: '198.51.100.7' })).statusCode).toBe(429);
    expect((await login(proxied, 'beheerder@roc.demo', DEMO_PASSWORD, { forwardedFor: '198.51.100.8' })).statusCode).toBe(200);
    expect((await proxied.database.db.selectFrom('rate_limit').select('key').where('kind', '=', 'login-address').execute()).map((r) => r.key).sort()).toEqual([
      '198.51.100.7',
      '198.51.100.8',
    ]);
  });

  it('ignores X-Forwarded-For from a client that is not a trusted proxy', async () => {
    expect((await login(direct, 'docent@vmbo.demo', 'fout', { forwardedFor: '198.51.100.7' })).statusCode).toBe(401);
    expect((await login(direct, 'docent@roc.demo', 'fout', { forwardedFor: '198.51.100.8' })).statusCode).toBe(401);
    expect((await login(direct, 'beheerder@roc.demo', DEMO_PASSWORD, { forwardedFor: '198.51.100.9' })).statusCode).toBe(429);
    // A correct password does not use up the address's allowance.
    expect((await login(direct, 'beheerder@roc.demo', DEMO_PASSWORD, { remoteAddress: '10.6.0.1' })).statusCode).toBe(200);
    expect((await login(direct, 'beheerder@roc.demo', DEMO_PASSWORD, { remoteAddress: '10.6.0.1' })).statusCode).toBe(200);
    expect((await login(direct, 'beheerder@roc.demo', DEMO_PASSWORD, { remoteAddress: '10.6.0.1' })).statusCode).toBe(200);
  });

  it('limits reset requests per client address too', async () => {
    const t = await startAccountsApp({ rateLimits: { resetAddress: { max: 2, windowMs: 60 * MINUTE } } });
    try {
      const forgot = (email: string, forwardedFor: string) =>
        t.app.inject({ method: 'POST', url: '/api/auth/wachtwoord-vergeten', headers: { 'x-forwarded-for': forwardedFor }, payload: { email } });
      expect((await forgot('a@school.nl', '198.51.100.1')).statusCode).toBe(202);
      expect((await forgot('b@school.nl', '198.51.100.2')).statusCode).toBe(202);
      const blocked = await forgot('docent@vmbo.demo', '198.51.100.3');
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json()).toMatchObject({ code: 'too_many_requests' });
      // A refused request changes nothing: no counter for that address, no mail.
      expect(await t.database.db.selectFrom('rate_limit').select('key').where('key', '=', 'docent@vmbo.demo').execute()).toEqual([]);
      expect(await t.outbox()).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
