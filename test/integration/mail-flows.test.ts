/** Password reset and invitations through the API, with the mails read from the app's outbox folder. */
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Me } from '../../src/shared/auth-api.js';
import { sha256 } from '../../src/server/auth/tokens.js';
import { FORGOT_PASSWORD_ANSWER, RESET_INVALID_MESSAGE } from '../../src/server/use-cases/auth/password-reset.js';
import { INVITATION_INVALID_MESSAGE } from '../../src/server/use-cases/organisations/invitations.js';
import { databaseAvailable, SKIP_NO_DB, TEST_DB } from '../support/db.js';
import { asUser, linkTokenOf, sessionCookieOf, signIn, startAccountsApp, TEST_PUBLIC_URL, type AccountsApp } from '../support/accounts.js';

describe.skipIf(!databaseAvailable)(`password reset and invitations (${TEST_DB})`, () => {
  let t: AccountsApp;
  let vmboId: string;
  /** Mails of earlier tests are skipped: each test looks at what it sent. */
  let seen = 0;
  const newMails = async () => (await t.outbox()).slice(seen);
  beforeAll(async () => {
    t = await startAccountsApp();
    vmboId = (await t.database.db.selectFrom('organisation').select('id').where('naam', '=', 'Demo Vmbo College').executeTakeFirstOrThrow()).id;
  });
  beforeEach(async () => {
    seen = (await t.outbox()).length;
  });
  afterAll(async () => {
    await t?.close();
  });

  const forgot = (email: string, ip = '10.1.0.1') => t.app.inject({ method: 'POST', url: '/api/auth/wachtwoord-vergeten', remoteAddress: ip, payload: { email } });
  const reset = (token: string, wachtwoord: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/auth/wachtwoord-herstellen', payload: { token, wachtwoord }, headers });
  const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });

  it('mails exactly one single-use link for a known address; only the hash of its token is stored', async () => {
    const res = await forgot('Docent@ROC.demo');
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ bericht: FORGOT_PASSWORD_ANSWER });
    const mails = await newMails();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: 'docent@roc.demo', subject: expect.stringMatching(/wachtwoord/i) });
    const token = linkTokenOf(mails[0]!, '/wachtwoord-herstellen');
    expect(mails[0]!.text).toContain(`${TEST_PUBLIC_URL}/wachtwoord-herstellen#token=${token}`);
    expect(token.length).toBeGreaterThanOrEqual(43);
    const rows = await t.database.db.selectFrom('password_reset').select(['token_hash', 'expires_at', 'used_at']).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(sha256(token));
    expect(rows[0]!.used_at).toBeNull();
    // Valid for one hour.
    const minutes = (new Date(rows[0]!.expires_at).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(58);
    expect(minutes).toBeLessThanOrEqual(60);
  });

  it('answers an unknown address exactly the same, and sends no mail', async () => {
    const known = await forgot('docent@vmbo.demo', '10.1.0.2');
    const unknown = await forgot('niemand@vmbo.demo', '10.1.0.2');
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    expect(unknown.headers['content-type']).toBe(known.headers['content-type']);
    const mails = await newMails();
    expect(mails.map((m) => m.to)).toEqual(['docent@vmbo.demo']);
  });

  it('resets the password once: the new one works, the old one not, every session is ended; a second use is 400', async () => {
    const before1 = await signIn(t.app, 'leerling@vmbo.demo');
    const before2 = await signIn(t.app, 'leerling@vmbo.demo');
    expect((await forgot('leerling@vmbo.demo')).statusCode).toBe(202);
    const token = linkTokenOf((await newMails())[0]!, '/wachtwoord-herstellen');

    const tooShort = await reset(token, 'kort');
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json()).toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ path: 'body.wachtwoord' })] });

    // With an old session cookie in the browser, and no CSRF token: the link is what counts.
    const ok = await reset(token, 'een-nieuw-lang-wachtwoord', { cookie: before1.cookie });
    expect(ok.statusCode).toBe(204);
    for (const s of [before1, before2]) expect((await me(s.cookie)).statusCode).toBe(401);
    expect(await t.database.db.selectFrom('session').innerJoin('app_user', 'app_user.id', 'session.user_id').where('app_user.email', '=', 'leerling@vmbo.demo').select('session.id').execute()).toEqual([]);
    await expect(signIn(t.app, 'leerling@vmbo.demo')).rejects.toThrow(/401/);
    const after = await signIn(t.app, 'leerling@vmbo.demo', 'een-nieuw-lang-wachtwoord');
    expect((await me(after.cookie)).statusCode).toBe(200);

    const again = await reset(token, 'nog-een-ander-wachtwoord');
    expect(again.statusCode).toBe(400);
    expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(again.json()).toMatchObject({ code: 'validation_failed', detail: RESET_INVALID_MESSAGE });
    expect((await me(after.cookie)).statusCode).toBe(200);

    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'auth.password_reset').execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses an expired or unknown token with the same 400 problem', async () => {
    expect((await forgot('docent@roc.demo', '10.1.0.3')).statusCode).toBe(202);
    const token = linkTokenOf((await newMails())[0]!, '/wachtwoord-herstellen');
    await sql`UPDATE password_reset SET expires_at = now() - interval '1 second' WHERE token_hash = ${sha256(token)}`.execute(t.database.db);
    const expired = await reset(token, 'een-nieuw-lang-wachtwoord');
    const unknown = await reset('verzonnen-token', 'een-nieuw-lang-wachtwoord');
    for (const res of [expired, unknown]) {
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json()).toMatchObject({ code: 'validation_failed', detail: RESET_INVALID_MESSAGE });
    }
    // The same document but for the request's own address and id.
    const same = (body: string) => body.replace(/"instance":"[^"]*"/, '').replace(/"requestId":"[^"]*"/, '');
    expect(same(expired.body)).toBe(same(unknown.body));
    // The old password still works.
    await signIn(t.app, 'docent@roc.demo');
  });

  it('sends at most 3 reset mails per address per hour, from whatever client address (429), for known and unknown addresses alike', async () => {
    const fromEverywhere = (email: string, i: number) =>
      t.app.inject({ method: 'POST', url: '/api/auth/wachtwoord-vergeten', remoteAddress: `10.9.${i}.9`, headers: { 'x-forwarded-for': `198.51.100.${i}` }, payload: { email } });
    for (const email of ['beheerder@roc.demo', 'onbekend@roc.demo']) {
      for (let i = 0; i < 3; i += 1) expect((await fromEverywhere(email, i)).statusCode).toBe(202);
      const blocked = await fromEverywhere(email.toUpperCase(), 3);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(blocked.json()).toMatchObject({ code: 'too_many_requests', detail: 'Te veel aanvragen. Probeer het over 60 minuten opnieuw.' });
      const retryAfter = Number(blocked.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(59 * 60);
      expect(retryAfter).toBeLessThanOrEqual(60 * 60);
    }
    expect((await newMails()).map((m) => m.to)).toEqual(['beheerder@roc.demo', 'beheerder@roc.demo', 'beheerder@roc.demo']);
    const links = await t.database.db.selectFrom('password_reset').innerJoin('app_user', 'app_user.id', 'password_reset.user_id').where('app_user.email', '=', 'beheerder@roc.demo').select('password_reset.id').execute();
    expect(links).toHaveLength(3);
  });

  it('invites by e-mail (beheerder); accepting creates the account, signs in, and gives the role', async () => {
    const b = await signIn(t.app, 'beheerder@vmbo.demo');
    const res = await t.app.inject({ method: 'POST', url: `/api/organisations/${vmboId}/uitnodigingen`, headers: asUser(b), payload: { email: 'Nieuwe.Docent@School.nl', rol: 'examinator' } });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ email: 'nieuwe.docent@school.nl', rol: 'examinator' });
    const mails = await newMails();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: 'nieuwe.docent@school.nl', subject: expect.stringContaining('Demo Vmbo College') });
    expect(mails[0]!.text).toContain('Bea Beheerder');
    const token = linkTokenOf(mails[0]!, '/uitnodiging-accepteren');
    expect((await t.database.db.selectFrom('invitation').select('token_hash').executeTakeFirstOrThrow()).token_hash).toBe(sha256(token));

    const accept = (payload: object) => t.app.inject({ method: 'POST', url: '/api/auth/uitnodiging-accepteren', payload: { token, ...payload } });
    const short = await accept({ naam: 'Nina Nieuw', wachtwoord: 'kort' });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ errors: [expect.objectContaining({ path: 'body.wachtwoord' })] });

    const ok = await accept({ naam: 'Nina Nieuw', wachtwoord: 'mijn-eigen-wachtwoord' });
    expect(ok.statusCode).toBe(200);
    const body = Me.parse(ok.json());
    expect(body.gebruiker).toMatchObject({ email: 'nieuwe.docent@school.nl', naam: 'Nina Nieuw' });
    expect(body.lidmaatschappen).toEqual([expect.objectContaining({ organisatieId: vmboId, rol: 'examinator' })]);
    const cookie = sessionCookieOf(ok)!;
    expect(cookie.httpOnly).toBe(true);
    expect((await me(`doorlopend_sessie=${cookie.value}`)).statusCode).toBe(200);

    // Signs in with the chosen password, and the beheerder sees the member and the audit entries.
    await signIn(t.app, 'nieuwe.docent@school.nl', 'mijn-eigen-wachtwoord');
    const members = (await t.app.inject({ method: 'GET', url: `/api/organisations/${vmboId}/members`, headers: { cookie: b.cookie } })).json() as Array<{ email: string; rollen: string[] }>;
    expect(members.find((m) => m.email === 'nieuwe.docent@school.nl')?.rollen).toEqual(['examinator']);
    const audit = (await t.app.inject({ method: 'GET', url: `/api/organisations/${vmboId}/audit`, headers: { cookie: b.cookie } })).json() as Array<{ action: string }>;
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['invitation.sent', 'invitation.accepted', 'user.created', 'membership.added']));

    // Used: a second acceptance is refused.
    const again = await accept({ naam: 'Nog Eens', wachtwoord: 'nog-een-wachtwoord' });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ code: 'validation_failed', detail: INVITATION_INVALID_MESSAGE });
  });

  it('adds the role to an existing account after its password is given, and refuses an expired invitation', async () => {
    const b = await signIn(t.app, 'beheerder@vmbo.demo');
    const invite = (email: string, rol: string) =>
      t.app.inject({ method: 'POST', url: `/api/organisations/${vmboId}/uitnodigingen`, headers: asUser(b), payload: { email, rol } });
    expect((await invite('docent@roc.demo', 'decaan')).statusCode).toBe(202);
    expect((await invite('verlopen@school.nl', 'leerling')).statusCode).toBe(202);
    const [existingMail, expiredMail] = await newMails();
    const existingToken = linkTokenOf(existingMail!, '/uitnodiging-accepteren');
    const accept = (token: string, wachtwoord: string, naam?: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/uitnodiging-accepteren', payload: { token, wachtwoord, ...(naam ? { naam } : {}) } });

    const wrong = await accept(existingToken, 'niet-het-wachtwoord');
    expect(wrong.statusCode).toBe(401);
    const ok = await accept(existingToken, 'demo-wachtwoord');
    expect(ok.statusCode).toBe(200);
    expect(Me.parse(ok.json()).lidmaatschappen.map((l) => `${l.organisatieNaam}:${l.rol}`).sort()).toEqual(['Demo ROC:ontwikkelaar', 'Demo Vmbo College:decaan']);

    const expiredToken = linkTokenOf(expiredMail!, '/uitnodiging-accepteren');
    await sql`UPDATE invitation SET expires_at = now() - interval '1 second' WHERE token_hash = ${sha256(expiredToken)}`.execute(t.database.db);
    const expired = await accept(expiredToken, 'een-lang-wachtwoord', 'Te Laat');
    expect(expired.statusCode).toBe(400);
    expect(expired.json()).toMatchObject({ detail: INVITATION_INVALID_MESSAGE });
    expect(await t.database.db.selectFrom('app_user').select('id').where('email', '=', 'verlopen@school.nl').execute()).toEqual([]);
  });

  it('refuses invitations by a non-beheerder (403), without CSRF token (403), and of an existing role (409); no mail', async () => {
    const docent = await signIn(t.app, 'docent@vmbo.demo');
    const payload = { email: 'iemand@school.nl', rol: 'beheerder' };
    const url = `/api/organisations/${vmboId}/uitnodigingen`;
    const byDocent = await t.app.inject({ method: 'POST', url, headers: asUser(docent), payload });
    expect(byDocent.statusCode).toBe(403);
    expect(byDocent.json()).toMatchObject({ code: 'forbidden' });
    const b = await signIn(t.app, 'beheerder@vmbo.demo');
    const noCsrf = await t.app.inject({ method: 'POST', url, headers: { cookie: b.cookie }, payload });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.headers['content-type']).toMatch(/application\/problem\+json/);
    const existingRole = await t.app.inject({ method: 'POST', url, headers: asUser(b), payload: { email: 'docent@vmbo.demo', rol: 'ontwikkelaar' } });
    expect(existingRole.statusCode).toBe(409);
    const anonymous = await t.app.inject({ method: 'POST', url, payload });
    expect(anonymous.statusCode).toBe(401);
    expect(await newMails()).toEqual([]);
  });
});

if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
