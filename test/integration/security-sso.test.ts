/**
 * Security review (attacker helper): an organisation's identity provider vouches for that organisation only.
 *
 * A beheerder chooses the identity provider (issuer) of their own organisation, and SSO signs in the existing account
 * with the e-mail address that provider names, if that account is a member there. Accounts are often members of
 * several organisations (a ROC teacher who also helps a vmbo school). Before, the session made that way carried all of
 * the account's roles: the beheerder of school A could run a provider of their own, invite a ROC teacher or
 * assessor to A, and then sign in as that person, with their roles at the ROC (and its pupils' exam forms).
 *
 * Now an SSO sign-in through organisation A's provider is refused (403, no session) when the account also holds a role
 * at an organisation that does not trust that same issuer (SSO switched on with the same issuer, as schools in one
 * federation such as SURFconext do); the person signs in with their password. An account with roles at A only, or
 * only at organisations that trust the same issuer, signs in as before.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/http/app.js';
import { OutboxMailer } from '../../src/server/mail/outbox-mailer.js';
import { seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import { insertMembership } from '../../src/server/repositories/account-repository.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import { createTestDatabase, databaseAvailable, SKIP_NO_DB, TEST_DB, type TestDatabase } from '../support/db.js';
import { signInAtProvider, startOidcProvider, type OidcServer } from '../support/oidc-provider.js';
import { asUser, sessionCookieOf, signIn, TEST_PUBLIC_URL } from '../support/accounts.js';

const CLIENT_ID = 'doorlopend-test';
const CLIENT_SECRET = 'heel-geheim-client-secret-0123456789';
const CALLBACK = `${TEST_PUBLIC_URL}/api/auth/sso/callback`;

/** The provider that the beheerder of Ander College runs: it names whoever its owner likes. */
const PROVIDER_ACCOUNTS: Record<string, string> = {
  slachtoffer: 'beoordelaar@roc.demo', // assessor at Demo ROC, also invited to Ander College
  eigen: 'docent@ander.demo', // a teacher of Ander College only
};


describe.skipIf(!databaseAvailable)(`an organisation's identity provider vouches for that organisation only (${TEST_DB})`, () => {
  if (!databaseAvailable) console.warn(`[tests] ${SKIP_NO_DB}`);
  let database: TestDatabase;
  let app: FastifyInstance;
  let outboxDir: string;
  let op: OidcServer;
  let ander: string;
  let roc: string;
  let slachtoffer: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoOrganisations(database.db);
    outboxDir = await fs.mkdtemp(path.join(os.tmpdir(), 'doorlopend-outbox-'));
    app = await buildApp({ db: database.db, mailer: new OutboxMailer(outboxDir), publicUrl: TEST_PUBLIC_URL, allowInsecureSso: true });
    await app.ready();
    op = await startOidcProvider({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: CALLBACK, accounts: PROVIDER_ACCOUNTS });
    const db = database.db;
    const anderBeheerder = await createUser({ db, email: 'beheerder@ander.demo', naam: 'Ander Beheerder', organisatie: 'Ander College', soort: 'vmbo-school', rol: 'beheerder', password: 'een-lang-wachtwoord-2026' });
    ander = anderBeheerder.organisationId;
    await createUser({ db, email: 'docent@ander.demo', naam: 'Ander Docent', organisatie: 'Ander College', rol: 'ontwikkelaar', password: 'een-lang-wachtwoord-2026' });
    roc = (await db.selectFrom('organisation').select('id').where('naam', '=', 'Demo ROC').executeTakeFirstOrThrow()).id;
    slachtoffer = (await db.selectFrom('app_user').select('id').where('email', '=', 'beoordelaar@roc.demo').executeTakeFirstOrThrow()).id;
    // The ROC's assessor accepted an invitation to Ander College (a role there, as people in several schools have).
    await insertMembership(db, { userId: slachtoffer, organisationId: ander, rol: 'ontwikkelaar' });
    // Ander College's beheerder switches SSO on with the provider they run.
    const beheerder = await signIn(app, 'beheerder@ander.demo', 'een-lang-wachtwoord-2026');
    const put = await app.inject({ method: 'PUT', url: `/api/organisaties/${ander}/sso`, headers: asUser(beheerder), payload: { issuer: op.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, enabled: true } });
    expect(put.statusCode, put.body).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
    await op?.close();
    await database?.destroy();
    if (outboxDir) await fs.rm(outboxDir, { recursive: true, force: true });
  });

  async function ssoAs(account: string) {
    const start = await app.inject({ method: 'GET', url: `/api/auth/sso/${ander}/start` });
    expect(start.statusCode, start.body).toBe(302);
    const browser = start.cookies.find((c) => c.name === 'doorlopend_sso')!;
    const callback = await signInAtProvider(start.headers.location as string, account, CALLBACK);
    return app.inject({ method: 'GET', url: `${callback.pathname}${callback.search}`, headers: { cookie: `doorlopend_sso=${browser.value}` } });
  }

  const loginsOf = async (userId: string) => (await database.db.selectFrom('audit_log').select('id').where('action', '=', 'login.sso').where('actor_user_id', '=', userId).execute()).length;

  it('refuses to sign in, through Ander College’s provider, an account that also has roles at Demo ROC (which does not trust it)', async () => {
    const res = await ssoAs('slachtoffer');
    expect(res.statusCode, res.body).toBe(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().detail).toContain('Demo ROC');
    expect(sessionCookieOf(res)?.value ?? '').toBe('');
    expect(await loginsOf(slachtoffer)).toBe(0);
  });

  it('signs in an account with roles at Ander College only', async () => {
    const res = await ssoAs('eigen');
    expect(res.statusCode, res.body).toBe(302);
    const cookie = sessionCookieOf(res)!;
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `${cookie.name}=${cookie.value}` } });
    expect(me.json().gebruiker.email).toBe('docent@ander.demo');
  });

  it('signs in the account with roles elsewhere once those organisations trust the same issuer (one federation)', async () => {
    const rocBeheerder = await signIn(app, 'beheerder@roc.demo');
    const put = await app.inject({ method: 'PUT', url: `/api/organisaties/${roc}/sso`, headers: asUser(rocBeheerder), payload: { issuer: op.issuer, clientId: 'roc-client', clientSecret: 'roc-geheim', enabled: true } });
    expect(put.statusCode, put.body).toBe(200);
    const res = await ssoAs('slachtoffer');
    expect(res.statusCode, res.body).toBe(302);
    expect(await loginsOf(slachtoffer)).toBe(1);
  });
});
