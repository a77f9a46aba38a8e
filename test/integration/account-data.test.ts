/**
 * AVG: a user's export of their own data and the deletion of their own account, through the API on a
 * fresh database with the demo organisations and users (and, for joint work in a samenwerking, the demo catalogue).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/database.js';
import { listMigrations, migrate } from '../../src/server/db/migrate.js';
import { MijnGegevens } from '../../src/shared/account-api.js';
import { Organisatie } from '../../src/shared/auth-api.js';
import { Crosswalk, Inventaris } from '../../src/shared/inventory-api.js';
import { Historie, LeerrouteDetail } from '../../src/shared/leerroute-api.js';
import { seedDemoCatalogue } from '../../src/server/demo/seed-demo.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import { createSession } from '../../src/server/use-cases/auth/session.js';
import { DEMO_PASSWORD } from '../../src/server/demo/seed-demo-organisations.js';
import { databaseAvailable, SKIP_NO_DB, TEST_DB } from '../support/db.js';
import { asUser, sessionCookieOf, signIn, startAccountsApp, type AccountsApp, type Session } from '../support/accounts.js';

describe.skipIf(!databaseAvailable)(`a user's own data: export and deletion (${TEST_DB})`, () => {
  let t: AccountsApp;
  let vmboId: string;
  const userIdOf = async (email: string) => (await t.database.db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirst())?.id;
  const count = async (table: 'session' | 'membership' | 'password_reset' | 'invitation', column: 'user_id' | 'email', value: string) =>
    Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where(column as never, '=', value as never).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await startAccountsApp();
    vmboId = (await t.database.db.selectFrom('organisation').select('id').where('naam', '=', 'Demo Vmbo College').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('exports everything about me as a JSON download, without hashes or tokens', async () => {
    const first = await signIn(t.app, 'docent@vmbo.demo');
    const me = await signIn(t.app, 'docent@vmbo.demo');
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/wachtwoord-vergeten', payload: { email: 'docent@vmbo.demo' } })).statusCode).toBe(202);
    const beheerder = await signIn(t.app, 'beheerder@vmbo.demo');
    const invite = await t.app.inject({ method: 'POST', url: `/api/organisations/${vmboId}/uitnodigingen`, headers: asUser(beheerder), payload: { email: 'docent@vmbo.demo', rol: 'examinator' } });
    expect(invite.statusCode).toBe(202);
    await t.outbox();

    const res = await t.app.inject({ method: 'GET', url: '/api/account/gegevens', headers: { cookie: me.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="doorlopend-mijn-gegevens-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(res.headers['cache-control']).toBe('no-store');
    const data = MijnGegevens.parse(res.json());
    const id = await userIdOf('docent@vmbo.demo');
    expect(data.account).toMatchObject({ id, email: 'docent@vmbo.demo', naam: 'Daan Docent', wachtwoordIngesteld: true, platformBeheerder: false });
    expect(data.lidmaatschappen).toEqual([expect.objectContaining({ organisatieId: vmboId, organisatieNaam: 'Demo Vmbo College', rol: 'ontwikkelaar' })]);
    expect(data.sessies).toHaveLength(2);
    expect(data.sessies.filter((s) => s.dezeSessie)).toHaveLength(1);
    expect(data.auditlog.filter((a) => a.actie === 'auth.login' && a.doorMij)).toHaveLength(2);
    expect(data.auditlog.some((a) => a.actie === 'auth.password_reset_requested' && a.overMij)).toBe(true);
    expect(data.uitnodigingen).toEqual([expect.objectContaining({ organisatieId: vmboId, email: 'docent@vmbo.demo', rol: 'examinator', aanMij: true, doorMij: false, aangenomenOp: null })]);
    expect(data.wachtwoordHerstelAanvragen).toHaveLength(1);
    // No hash or token of any kind.
    for (const secret of [me.token, me.csrfToken, first.token, '$argon2']) expect(res.body).not.toContain(secret);
    const hashes = await t.database.db.selectFrom('session').select(['token_hash', 'csrf_token_hash']).execute();
    for (const h of hashes) {
      expect(res.body).not.toContain(h.token_hash);
      expect(res.body).not.toContain(h.csrf_token_hash);
    }
    for (const r of await t.database.db.selectFrom('password_reset').select('token_hash').execute()) expect(res.body).not.toContain(r.token_hash);
    for (const r of await t.database.db.selectFrom('invitation').select('token_hash').execute()) expect(res.body).not.toContain(r.token_hash);

    // The beheerder's export lists the invitation she sent.
    const hers = MijnGegevens.parse((await t.app.inject({ method: 'GET', url: '/api/account/gegevens', headers: { cookie: beheerder.cookie } })).json());
    expect(hers.uitnodigingen).toEqual([expect.objectContaining({ email: 'docent@vmbo.demo', aanMij: false, doorMij: true })]);
    expect((await t.app.inject({ method: 'GET', url: '/api/account/gegevens' })).statusCode).toBe(401);
  });

  it('writes no e-mail address or name into the audit log', async () => {
    const rows = await t.database.db.selectFrom('audit_log').select(['action', 'details']).execute();
    expect(rows.some((r) => r.action === 'invitation.sent')).toBe(true);
    const text = JSON.stringify(rows.map((r) => r.details));
    expect(text).not.toMatch(/@/);
    for (const naam of ['Daan Docent', 'Bea Beheerder']) expect(text).not.toContain(naam);
  });

  it('deletes my account after the password is confirmed: memberships, sessions, tokens and invitations gone, audit kept without personal data', async () => {
    const me = await signIn(t.app, 'docent@vmbo.demo');
    const other = await signIn(t.app, 'docent@vmbo.demo');
    const id = (await userIdOf('docent@vmbo.demo'))!;

    const noCsrf = await t.app.inject({ method: 'DELETE', url: '/api/account', headers: { cookie: me.cookie }, payload: { wachtwoord: DEMO_PASSWORD } });
    expect(noCsrf.statusCode).toBe(403);
    const noPassword = await t.app.inject({ method: 'DELETE', url: '/api/account', headers: asUser(me), payload: {} });
    expect(noPassword.statusCode).toBe(400);
    const wrong = await t.app.inject({ method: 'DELETE', url: '/api/account', headers: asUser(me), payload: { wachtwoord: 'niet-mijn-wachtwoord' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(wrong.json()).toMatchObject({ detail: 'Het wachtwoord klopt niet. Uw account is niet verwijderd.', errors: [{ path: 'body.wachtwoord' }] });
    expect(await userIdOf('docent@vmbo.demo')).toBe(id);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/account', payload: { wachtwoord: DEMO_PASSWORD } })).statusCode).toBe(401);

    const res = await t.app.inject({ method: 'DELETE', url: '/api/account', headers: asUser(me), payload: { wachtwoord: DEMO_PASSWORD } });
    expect(res.statusCode, res.body).toBe(204);
    expect(sessionCookieOf(res)?.value).toBe('');

    expect(await userIdOf('docent@vmbo.demo')).toBeUndefined();
    expect(await count('membership', 'user_id', id)).toBe(0);
    expect(await count('session', 'user_id', id)).toBe(0);
    expect(await count('password_reset', 'user_id', id)).toBe(0);
    expect(await count('invitation', 'email', 'docent@vmbo.demo')).toBe(0);
    for (const s of [me, other]) expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'docent@vmbo.demo', wachtwoord: DEMO_PASSWORD } });
    expect(login.statusCode).toBe(401);

    // The audit log keeps what happened (ids only); the organisation's log shows the deletion without a name.
    const deleted = await t.database.db.selectFrom('audit_log').select(['organisation_id', 'actor_user_id', 'details']).where('action', '=', 'account.deleted').execute();
    expect(deleted).toEqual(
      expect.arrayContaining([
        { organisation_id: vmboId, actor_user_id: id, details: { rollen: ['ontwikkelaar'] } },
        { organisation_id: null, actor_user_id: id, details: {} },
      ]),
    );
    expect(Number((await t.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('actor_user_id', '=', id).executeTakeFirstOrThrow()).n)).toBeGreaterThan(2);
    const beheerder = await signIn(t.app, 'beheerder@vmbo.demo');
    const audit = await t.app.inject({ method: 'GET', url: `/api/organisations/${vmboId}/audit`, headers: asUser(beheerder) });
    expect(audit.statusCode).toBe(200);
    expect(audit.body).not.toContain('Daan Docent');
    expect(audit.body).not.toContain('docent@vmbo.demo');
    expect(audit.json()).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'account.deleted', actor: { id, naam: '(verwijderd)' } })]));
  });

  it('deletes the last beheerder of an organisation: the longest-standing staff member becomes beheerder (audited), the invitation she sent stays', async () => {
    const bea = await signIn(t.app, 'beheerder@vmbo.demo');
    const beaId = (await userIdOf('beheerder@vmbo.demo'))!;
    // Bea is the only beheerder; the leerling has been a member longer than the decaan, but a leerling never takes over.
    // The demo examinator and ontwikkelaar (staff, members longer than the decaan) leave first, so the decaan is next.
    for (const email of ['examinator@vmbo.demo', 'docent@vmbo.demo']) {
      const id = await userIdOf(email);
      if (id) await t.database.db.deleteFrom('membership').where('user_id', '=', id).where('organisation_id', '=', vmboId).execute();
    }
    const { userId: decaan } = await createUser({ db: t.database.db, email: 'decaan@vmbo.demo', naam: 'Dirk Decaan', organisatie: 'Demo Vmbo College', rol: 'decaan', password: DEMO_PASSWORD });
    const sent = await t.app.inject({ method: 'POST', url: `/api/organisations/${vmboId}/uitnodigingen`, headers: asUser(bea), payload: { email: 'nieuw@vmbo.demo', rol: 'ontwikkelaar' } });
    expect(sent.statusCode).toBe(202);

    const ok = await t.app.inject({ method: 'DELETE', url: '/api/account', headers: asUser(bea), payload: { wachtwoord: DEMO_PASSWORD } });
    expect(ok.statusCode, ok.body).toBe(204);
    expect(await userIdOf('beheerder@vmbo.demo')).toBeUndefined();
    const rollen = await t.database.db.selectFrom('membership').select('rol').where('user_id', '=', decaan).where('organisation_id', '=', vmboId).orderBy('rol').execute();
    expect(rollen.map((r) => r.rol)).toEqual(['beheerder', 'decaan']);
    const succeeded = await t.database.db.selectFrom('audit_log').select(['actor_user_id', 'subject_id', 'details']).where('organisation_id', '=', vmboId).where('action', '=', 'membership.beheerder_succeeded').execute();
    expect(succeeded).toEqual([{ actor_user_id: beaId, subject_id: decaan, details: { rol: 'beheerder', reden: 'account-verwijderd', vorigeBeheerder: beaId } }]);
    const invitation = await t.database.db.selectFrom('invitation').select(['email', 'invited_by']).where('email', '=', 'nieuw@vmbo.demo').executeTakeFirstOrThrow();
    expect(invitation).toEqual({ email: 'nieuw@vmbo.demo', invited_by: null });

    // The new beheerder manages at once; deleting that account too leaves only the leerling: no beheerder, audited and shown.
    const dirk = await signIn(t.app, 'decaan@vmbo.demo');
    expect((await t.app.inject({ method: 'GET', url: `/api/organisations/${vmboId}/members`, headers: { cookie: dirk.cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/account', headers: asUser(dirk), payload: { wachtwoord: DEMO_PASSWORD } })).statusCode).toBe(204);
    const without = await t.database.db.selectFrom('audit_log').select(['actor_user_id', 'details']).where('organisation_id', '=', vmboId).where('action', '=', 'organisation.without_beheerder').execute();
    expect(without).toEqual([{ actor_user_id: decaan, details: { reden: 'account-verwijderd', vorigeBeheerder: decaan } }]);
    const lars = await signIn(t.app, 'leerling@vmbo.demo');
    const org = Organisatie.parse((await t.app.inject({ method: 'GET', url: `/api/organisations/${vmboId}`, headers: { cookie: lars.cookie } })).json());
    expect(org).toMatchObject({ mijnRollen: ['leerling'], heeftBeheerder: false });
    expect((await t.database.db.selectFrom('membership').select('rol').where('organisation_id', '=', vmboId).where('rol', '=', 'beheerder').execute()).length).toBe(0);
  });

  it('deletes an account without a password (SSO only) after the e-mail address is typed out', async () => {
    const { userId } = await createUser({ db: t.database.db, email: 'sso@vmbo.demo', naam: 'Sam Sso', organisatie: 'Demo Vmbo College', rol: 'ontwikkelaar' });
    const created = await createSession(t.database.db, userId);
    const session: Session = { cookie: `doorlopend_sessie=${created.token}`, token: created.token, csrfToken: created.csrfToken };
    const wrong = await t.app.inject({ method: 'DELETE', url: '/api/account', headers: asUser(session), payload: { bevestiging: 'iemand@anders.nl' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ errors: [{ path: 'body.bevestiging' }] });
    const data = MijnGegevens.parse((await t.app.inject({ method: 'GET', url: '/api/account/gegevens', headers: { cookie: session.cookie } })).json());
    expect(data.account.wachtwoordIngesteld).toBe(false);
    const ok = await t.app.inject({ method: 'DELETE', url: '/api/account', headers: asUser(session), payload: { bevestiging: ' SSO@vmbo.demo ' } });
    expect(ok.statusCode, ok.body).toBe(204);
    expect(await userIdOf('sso@vmbo.demo')).toBeUndefined();
  });

  it('does not delete an account that other data still refers to by a foreign key (409), and removes nothing', async () => {
    // Any table that names an account without saying what happens when it goes (no ON DELETE) blocks the deletion.
    await sql`CREATE TABLE test_account_reference (user_id uuid NOT NULL REFERENCES app_user (id))`.execute(t.database.db);
    const { userId } = await createUser({ db: t.database.db, email: 'reviewer@vmbo.demo', naam: 'Rita Reviewer', organisatie: 'Demo Vmbo College', rol: 'ontwikkelaar', password: DEMO_PASSWORD });
    await sql`INSERT INTO test_account_reference (user_id) VALUES (${userId})`.execute(t.database.db);
    const rita = await signIn(t.app, 'reviewer@vmbo.demo');
    const res = await t.app.inject({ method: 'DELETE', url: '/api/account', headers: asUser(rita), payload: { wachtwoord: DEMO_PASSWORD } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'conflict', detail: expect.stringContaining('Er is niets verwijderd') });
    expect(await userIdOf('reviewer@vmbo.demo')).toBe(userId);
    expect(await count('membership', 'user_id', userId)).toBe(1);
    expect(await count('session', 'user_id', userId)).toBe(1);
    const deletedEntries = await t.database.db.selectFrom('audit_log').select('id').where('action', '=', 'account.deleted').where('actor_user_id', '=', userId).execute();
    expect(deletedEntries).toEqual([]);
  });

  it('counts wrong confirmation passwords like failed sign-ins (429 after five)', async () => {
    const roos = await signIn(t.app, 'docent@roc.demo');
    for (let i = 0; i < 5; i++) {
      expect((await t.app.inject({ method: 'DELETE', url: '/api/account', headers: asUser(roos), payload: { wachtwoord: `fout-${i}` } })).statusCode).toBe(400);
    }
    const blocked = await t.app.inject({ method: 'DELETE', url: '/api/account', headers: asUser(roos), payload: { wachtwoord: DEMO_PASSWORD } });
    expect(blocked.statusCode).toBe(429);
    expect(await userIdOf('docent@roc.demo')).toBeDefined();
  });
});

describe.skipIf(!databaseAvailable)(`a user's own data: joint work in a samenwerking (${TEST_DB})`, () => {
  let t: AccountsApp;
  let partnership: string;
  let daan: Session;
  let roos: Session;
  let routeId: string;
  const SELECTIE = 'keuzevakken=K/PIE/16&kwalificatie=25282';

  beforeAll(async () => {
    t = await startAccountsApp();
    await seedDemoCatalogue(t.database.db);
    partnership = (await t.database.db.selectFrom('partnership').select('id').where('naam', '=', 'Demo doorlopende leerroute techniek').executeTakeFirstOrThrow()).id;
    daan = await signIn(t.app, 'docent@vmbo.demo');
    roos = await signIn(t.app, 'docent@roc.demo');
  });
  afterAll(async () => {
    await t?.close();
  });

  const send = async (method: 'POST' | 'PUT', url: string, session: Session, payload: object, status: number) => {
    const res = await t.app.inject({ method, url, headers: asUser(session), payload });
    expect(res.statusCode, res.body).toBe(status);
    return res.json() as Record<string, unknown>;
  };
  const exportOf = async (session: Session) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/account/gegevens', headers: { cookie: session.cookie } });
    expect(res.statusCode).toBe(200);
    return { data: MijnGegevens.parse(res.json()), body: res.body };
  };

  it('exports my crosswalk reviews and my leerroute changes with the names of samenwerking and route, and nothing of my partner', async () => {
    const inv = Inventaris.parse((await t.app.inject({ method: 'GET', url: `/api/partnerships/${partnership}/inventaris?${SELECTIE}`, headers: asUser(daan) })).json());
    const [first, second] = inv.links;
    expect(first && second, 'two suggestions to review').toBeTruthy();
    const koppelingen = `/api/partnerships/${partnership}/crosswalk/koppelingen`;
    await send('PUT', koppelingen, daan, { eindtermId: first!.eindtermId, werkprocesId: first!.werkprocesId, actie: 'bevestigen', relatie: 'gelijk', toelichting: 'Zelfde handeling' }, 200);
    await send('PUT', koppelingen, roos, { eindtermId: second!.eindtermId, werkprocesId: second!.werkprocesId, actie: 'afwijzen', toelichting: 'Oordeel van Roos' }, 200);
    const item = inv.mbo.find((w) => w.id !== first!.werkprocesId && w.id !== second!.werkprocesId)!.id;
    await send('PUT', `/api/partnerships/${partnership}/crosswalk/niet-gekoppeld`, daan, { itemId: item, bewustNietGekoppeld: true, toelichting: 'Komt later' }, 200);

    const route = LeerrouteDetail.parse(
      await send('POST', `/api/partnerships/${partnership}/leerroutes`, daan, { naam: 'Koudetechniek doorlopend', type: 'doorlopend', vmbo: { profiel: 'pie', leerweg: 'BB', keuzevakken: ['K-PIE-16'] }, mbo: { kwalificatie: '25282', keuzedelen: [] } }, 201),
    );
    routeId = route.id;
    const vmbo = route.doelen.find((d) => d.side === 'vmbo')!;
    const mbo = route.doelen.find((d) => d.side === 'mbo' && d.id !== item)!;
    await send('POST', `/api/leerroutes/${routeId}/planning`, daan, { items: [vmbo.id], leerjaar: 3, periode: 1 }, 201);
    await send('POST', `/api/leerroutes/${routeId}/planning`, roos, { items: [mbo.id], leerjaar: 5, periode: 2 }, 201);

    const { data, body } = await exportOf(daan);
    const samenwerking = { samenwerkingId: partnership, samenwerkingNaam: 'Demo doorlopende leerroute techniek' };
    expect(data.koppelingBeoordelingen).toEqual([
      expect.objectContaining({ ...samenwerking, actie: 'bevestigen', eindtermId: first!.eindtermId, werkprocesId: first!.werkprocesId, relatie: 'gelijk', toelichting: 'Zelfde handeling' }),
      expect.objectContaining({ ...samenwerking, actie: 'niet-koppelen', itemId: item, toelichting: 'Komt later' }),
    ]);
    expect(data.koppelingenLaatstDoorMij).toEqual([expect.objectContaining({ ...samenwerking, eindtermId: first!.eindtermId, werkprocesId: first!.werkprocesId, status: 'bevestigd', relatie: 'gelijk' })]);
    expect(data.bewustNietGekoppeldDoorMij).toEqual([expect.objectContaining({ ...samenwerking, itemId: item, toelichting: 'Komt later' })]);
    expect(data.leerrouteHistorie.map((h) => h.actie)).toEqual(['leerroute.aangemaakt', 'planning.toegevoegd']);
    expect(data.leerrouteHistorie[1]).toMatchObject({ ...samenwerking, leerrouteId: routeId, leerrouteNaam: 'Koudetechniek doorlopend', organisatie: { naam: 'Demo Vmbo College' }, details: { items: [vmbo.id] } });
    // Only my own actions: not Roos's review, route change, name or address.
    for (const text of ['Oordeel van Roos', 'Roos Docent', 'docent@roc.demo']) expect(body).not.toContain(text);
    expect(JSON.stringify(data.leerrouteHistorie)).not.toContain(mbo.id);

    // Roos's export has her part, not mine.
    const hers = (await exportOf(roos)).data;
    expect(hers.koppelingBeoordelingen).toEqual([expect.objectContaining({ actie: 'afwijzen', toelichting: 'Oordeel van Roos' })]);
    expect(hers.koppelingenLaatstDoorMij).toEqual([expect.objectContaining({ status: 'afgewezen' })]);
    expect(hers.bewustNietGekoppeldDoorMij).toEqual([]);
    expect(hers.leerrouteHistorie).toEqual([expect.objectContaining({ actie: 'planning.toegevoegd', leerrouteNaam: 'Koudetechniek doorlopend', organisatie: expect.objectContaining({ naam: 'Demo ROC' }) })]);
  });

  it('deletes an account with leerroute history: the route and its history stay for the partner, with an id only', async () => {
    const daanId = (await t.database.db.selectFrom('app_user').select('id').where('email', '=', 'docent@vmbo.demo').executeTakeFirstOrThrow()).id;
    const res = await t.app.inject({ method: 'DELETE', url: '/api/account', headers: asUser(daan), payload: { wachtwoord: DEMO_PASSWORD } });
    expect(res.statusCode, res.body).toBe(204);
    expect(await t.database.db.selectFrom('app_user').select('id').where('id', '=', daanId).executeTakeFirst()).toBeUndefined();

    const history = await t.app.inject({ method: 'GET', url: `/api/leerroutes/${routeId}/historie`, headers: asUser(roos) });
    expect(history.statusCode).toBe(200);
    const regels = Historie.parse(history.json()).regels;
    expect(regels.map((r) => [r.actie, r.gebruiker.naam])).toEqual([
      ['planning.toegevoegd', 'Roos Docent'],
      ['planning.toegevoegd', '(verwijderd account)'],
      ['leerroute.aangemaakt', '(verwijderd account)'],
    ]);
    expect(regels[2]!.gebruiker.id).toBe(daanId);
    expect(history.body).not.toContain('Daan Docent');

    const detail = await t.app.inject({ method: 'GET', url: `/api/leerroutes/${routeId}`, headers: asUser(roos) });
    expect(detail.statusCode).toBe(200);
    const route = LeerrouteDetail.parse(detail.json());
    expect(route.aangemaakt.gebruiker.naam).toBe('(verwijderd account)');
    expect(detail.body).not.toContain('Daan Docent');
    // The crosswalk keeps Daan's confirmation, without his name.
    const crosswalk = Crosswalk.parse((await t.app.inject({ method: 'GET', url: `/api/partnerships/${partnership}/crosswalk`, headers: asUser(roos) })).json());
    expect(crosswalk.links.filter((l) => l.status === 'bevestigd').map((l) => l.door)).toEqual([null]);
    // Roos can still change the route.
    await send('POST', `/api/leerroutes/${routeId}/planning`, roos, { items: [route.doelen.filter((d) => d.side === 'vmbo')[1]!.id], leerjaar: 4, periode: 1 }, 201);
  });
});

describe.skipIf(TEST_DB !== 'pglite')('migration 0009 and the audit log', () => {
  it('removes the e-mail addresses that invitation.sent wrote before, and the log stays append-only', async () => {
    const database = await openDatabase({ kind: 'pglite-memory' }, { migrate: false });
    try {
      const { db } = database;
      await sql`CREATE TABLE schema_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
      for (const m of (await listMigrations()).filter((m) => m.name < '0009')) {
        await sql.raw(m.sql).execute(db);
        await db.insertInto('schema_migration').values({ name: m.name } as never).execute();
      }
      // As the application wrote it before this change.
      await db
        .insertInto('audit_log')
        .values([
          { actor_user_id: null, organisation_id: null, action: 'invitation.sent', subject_type: 'invitation', subject_id: 'x', details: JSON.stringify({ email: 'oud@school.nl', rol: 'ontwikkelaar' }) },
          { actor_user_id: null, organisation_id: null, action: 'membership.added', subject_type: 'user', subject_id: 'y', details: JSON.stringify({ rol: 'leerling' }) },
        ])
        .execute();
      expect(await migrate(db)).toContain('0009_platform_admin.sql');
      const rows = await db.selectFrom('audit_log').select(['action', 'details']).orderBy('id').execute();
      expect(rows).toEqual([
        { action: 'invitation.sent', details: { rol: 'ontwikkelaar' } },
        { action: 'membership.added', details: { rol: 'leerling' } },
      ]);
      // The trigger is on again.
      await expect(sql`UPDATE audit_log SET action = 'x'`.execute(db)).rejects.toThrow(/append-only/);
      await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    } finally {
      await database.close();
    }
  });
});

if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
