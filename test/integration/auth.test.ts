/** Sign-in, sessions, CSRF, rate limiting and the walls between organisations, through the API. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Me, Organisatie } from '../../src/shared/auth-api.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import { seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import { databaseAvailable, SKIP_NO_DB, TEST_DB } from '../support/db.js';
import { asUser, sessionCookieOf, signIn, startAccountsApp, type AccountsApp } from '../support/accounts.js';

describe.skipIf(!databaseAvailable)(`accounts and sessions (${TEST_DB})`, () => {
  let t: AccountsApp;
  let vmboId: string;
  let rocId: string;
  beforeAll(async () => {
    t = await startAccountsApp();
    const orgs = await t.database.db.selectFrom('organisation').select(['id', 'naam']).execute();
    vmboId = orgs.find((o) => o.naam === 'Demo Vmbo College')!.id;
    rocId = orgs.find((o) => o.naam === 'Demo ROC')!.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('signs in with the demo password and sets a HttpOnly, SameSite=Lax session cookie on path /', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: ' Docent@VMBO.demo ', wachtwoord: 'demo-wachtwoord' } });
    expect(res.statusCode).toBe(200);
    const me = Me.parse(res.json());
    expect(me.gebruiker.email).toBe('docent@vmbo.demo');
    expect(me.lidmaatschappen).toEqual([expect.objectContaining({ organisatieNaam: 'Demo Vmbo College', rol: 'ontwikkelaar' })]);
    const cookie = sessionCookieOf(res)!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
    expect(cookie.secure).toBeFalsy();
    expect(cookie.value.length).toBeGreaterThanOrEqual(43);
    // Only hashes are stored: the token itself is nowhere in the database.
    const rows = await t.database.db.selectFrom('session').select(['token_hash', 'csrf_token_hash']).execute();
    expect(rows.some((r) => r.token_hash === cookie.value || r.csrf_token_hash === me.csrfToken)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'subject_id']).where('action', '=', 'auth.login').execute();
    expect(audit.some((a) => a.subject_id === me.gebruiker.id)).toBe(true);
  });

  it('does not believe a client that claims https itself (X-Forwarded-Proto without a trusted proxy)', async () => {
    // Behind a trusted proxy the cookie is Secure (session-cookie.test.ts); here no proxy is configured.
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { email: 'docent@vmbo.demo', wachtwoord: 'demo-wachtwoord' },
    });
    expect(res.statusCode).toBe(200);
    expect(sessionCookieOf(res)!.secure).toBeFalsy();
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('answers a wrong password and an unknown e-mail alike, with a generic problem', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'docent@roc.demo', wachtwoord: 'fout-wachtwoord' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'niemand@roc.demo', wachtwoord: 'fout-wachtwoord' } });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json()).toMatchObject({ code: 'unauthorized', detail: 'Het e-mailadres of het wachtwoord klopt niet.' });
      expect(sessionCookieOf(res)).toBeUndefined();
    }
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'geen-adres', wachtwoord: 'x' } });
    expect(bad.statusCode).toBe(400);
  });

  it('limits failed sign-ins per account from every address: after five, even the right password gets 429 (issue 10, finding 1)', async () => {
    // Each attempt from another address, and each claiming yet another one in X-Forwarded-For (the probe's trick).
    const attempt = (password: string, i: number) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: `10.0.0.${i}`,
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
        payload: { email: 'leerling@vmbo.demo', wachtwoord: password },
      });
    for (let i = 1; i <= 5; i += 1) expect((await attempt('fout', i)).statusCode).toBe(401);
    const blocked = await attempt('demo-wachtwoord', 6);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(blocked.json()).toMatchObject({ code: 'too_many_requests', status: 429, detail: 'Te veel mislukte pogingen. Probeer het over 1 minuut opnieuw.' });
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(sessionCookieOf(blocked)).toBeUndefined();
    // Upper and lower case are one account.
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.0.0.7', payload: { email: 'LEERLING@vmbo.demo', wachtwoord: 'demo-wachtwoord' } })).statusCode).toBe(429);
    // Other accounts from the same addresses are not affected.
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.0.0.1', payload: { email: 'docent@roc.demo', wachtwoord: 'demo-wachtwoord' } })).statusCode).toBe(200);
  });

  it('returns the user, memberships and CSRF token at /api/auth/me, and 401 without a session', async () => {
    const s = await signIn(t.app, 'beheerder@vmbo.demo');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect(me.statusCode).toBe(200);
    const body = Me.parse(me.json());
    expect(body.csrfToken).toBe(s.csrfToken);
    expect(body.lidmaatschappen.map((l) => l.rol)).toEqual(['beheerder']);
    const anon = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anon.statusCode).toBe(401);
    expect(anon.json()).toMatchObject({ code: 'unauthorized' });
    const bogus = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: 'doorlopend_sessie=verzonnen' } });
    expect(bogus.statusCode).toBe(401);
  });

  it('ends the session at logout: the old cookie no longer works', async () => {
    const s = await signIn(t.app, 'docent@roc.demo');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: asUser(s) });
    expect(out.statusCode).toBe(204);
    expect(sessionCookieOf(out)?.value).toBe('');
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
  });

  it('requires the CSRF token on state-changing requests of a session (403 problem+json)', async () => {
    const s = await signIn(t.app, 'beheerder@vmbo.demo');
    const payload = { email: 'nieuwe.examinator@vmbo.demo', rol: 'examinator' };
    const url = `/api/organisations/${vmboId}/uitnodigingen`;
    const none = await t.app.inject({ method: 'POST', url, headers: { cookie: s.cookie }, payload });
    expect(none.statusCode).toBe(403);
    expect(none.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(none.json()).toMatchObject({ code: 'forbidden' });
    const other = await signIn(t.app, 'docent@vmbo.demo');
    const wrong = await t.app.inject({ method: 'POST', url, headers: { cookie: s.cookie, 'x-csrf-token': other.csrfToken }, payload });
    expect(wrong.statusCode).toBe(403);
    const logout = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(logout.statusCode).toBe(403);
    // Nothing was sent; with the token it works.
    expect(await t.database.db.selectFrom('invitation').select('id').execute()).toEqual([]);
    const ok = await t.app.inject({ method: 'POST', url, headers: asUser(s), payload });
    expect(ok.statusCode).toBeLessThan(300);
    expect(ok.json()).toMatchObject({ email: 'nieuwe.examinator@vmbo.demo', rol: 'examinator' });
  });

  it('rotates the session at sign-in (session fixation): a new cookie, and the planted one is ended', async () => {
    const first = await signIn(t.app, 'docent@vmbo.demo');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { cookie: first.cookie }, payload: { email: 'docent@vmbo.demo', wachtwoord: 'demo-wachtwoord' } });
    expect(res.statusCode).toBe(200);
    const second = sessionCookieOf(res)!;
    expect(second.value).not.toBe(first.token);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: first.cookie } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `doorlopend_sessie=${second.value}` } })).statusCode).toBe(200);
    // A made-up cookie value never becomes a session.
    const planted = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { cookie: 'doorlopend_sessie=aanvaller' }, payload: { email: 'docent@vmbo.demo', wachtwoord: 'demo-wachtwoord' } });
    expect(sessionCookieOf(planted)!.value).not.toBe('aanvaller');
  });

  it('lists only the organisations of the user, and hides a foreign one (404) and its members', async () => {
    const roc = await signIn(t.app, 'docent@roc.demo');
    const list = Organisatie.array().parse((await t.app.inject({ method: 'GET', url: '/api/organisations', headers: { cookie: roc.cookie } })).json());
    expect(list.map((o) => o.naam)).toEqual(['Demo ROC']);
    expect((await t.app.inject({ method: 'GET', url: `/api/organisations/${rocId}`, headers: { cookie: roc.cookie } })).statusCode).toBe(200);
    // A beheerder of an unrelated organisation: its rights stop at its own walls.
    await createUser({ db: t.database.db, email: 'beheerder@ander.demo', naam: 'Ander', organisatie: 'Ander College', soort: 'vmbo-school', rol: 'beheerder', password: 'een-lang-wachtwoord' });
    const foreign = await signIn(t.app, 'beheerder@ander.demo', 'een-lang-wachtwoord');
    for (const url of [`/api/organisations/${vmboId}`, `/api/organisations/${vmboId}/members`, `/api/organisations/${vmboId}/audit`]) {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: foreign.cookie } });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().detail).toBe('Deze organisatie bestaat niet of u hebt er geen toegang toe.');
    }
    // A made-up organisation id answers exactly the same.
    const madeUp = await t.app.inject({ method: 'GET', url: '/api/organisations/00000000-0000-4000-8000-000000000000', headers: { cookie: foreign.cookie } });
    expect(madeUp.statusCode).toBe(404);
    const add = await t.app.inject({ method: 'POST', url: `/api/organisations/${vmboId}/uitnodigingen`, headers: asUser(foreign), payload: { email: 'beheerder@ander.demo', rol: 'beheerder' } });
    expect(add.statusCode).toBe(404);
  });

  it('refuses inviting to members who are not beheerder (403)', async () => {
    const docent = await signIn(t.app, 'docent@vmbo.demo');
    expect((await t.app.inject({ method: 'GET', url: `/api/organisations/${vmboId}/members`, headers: { cookie: docent.cookie } })).statusCode).toBe(403);
    const add = await t.app.inject({ method: 'POST', url: `/api/organisations/${vmboId}/uitnodigingen`, headers: asUser(docent), payload: { email: 'docent@vmbo.demo', rol: 'beheerder' } });
    expect(add.statusCode).toBe(403);
    expect(add.json()).toMatchObject({ code: 'forbidden' });
  });

  it('shows the beheerder the members and an audit log of invitations', async () => {
    const b = await signIn(t.app, 'beheerder@vmbo.demo');
    const members = (await t.app.inject({ method: 'GET', url: `/api/organisations/${vmboId}/members`, headers: { cookie: b.cookie } })).json() as Array<{ email: string }>;
    expect(members.map((m) => m.email).sort()).toEqual(['beheerder@vmbo.demo', 'docent@vmbo.demo', 'examinator@vmbo.demo', 'leerling@vmbo.demo']);
    const audit = (await t.app.inject({ method: 'GET', url: `/api/organisations/${vmboId}/audit`, headers: { cookie: b.cookie } })).json() as Array<{ action: string; actor: { naam: string }; details: { rol: string } }>;
    expect(audit[0]).toMatchObject({ action: 'invitation.sent', actor: { naam: 'Bea Beheerder' }, details: { rol: 'examinator' } });
  });

  it('keeps the audit log append-only in the database', async () => {
    await expect(sql`UPDATE audit_log SET action = 'x'`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(t.database.db)).rejects.toThrow(/append-only/);
  });

  it('seeds the demo organisations only once', async () => {
    expect(await seedDemoOrganisations(t.database.db)).toBe(false);
  });
});

if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
