/**
 * Organisation management through the API: organisation data (naam, BRIN), vestigingen, removing a role
 * or a member (never the last beheerder), all audited; and the walls (403 for a role without the right,
 * 404 for an outsider, 400 problem+json for bad input, nothing changed on error). Membership of someone
 * else only by an invitation the person accepts (issue 10, finding 2), and leaving an organisation, also as
 * the last beheerder (the longest-standing staff member takes over).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Me, Organisatie, OrganisatieVerlaten, Uitnodiging, Vestiging } from '../../src/shared/auth-api.js';
import { INVITATION_INVALID_MESSAGE, INVITATION_OTHER_ADDRESS_MESSAGE } from '../../src/server/use-cases/organisations/invitations.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import { insertMembership } from '../../src/server/repositories/account-repository.js';
import { databaseAvailable, SKIP_NO_DB, TEST_DB } from '../support/db.js';
import { asUser, linkTokenOf, signIn, startAccountsApp, type AccountsApp, type Session } from '../support/accounts.js';

const PASSWORD = 'demo-wachtwoord';

describe.skipIf(!databaseAvailable)(`organisation management (${TEST_DB})`, () => {
  let t: AccountsApp;
  let vmbo: string;
  let roc: string;
  const users: Record<string, string> = {};
  const s: Record<string, Session> = {};

  type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
  const call = (who: string | null, method: Method, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: who ? asUser(s[who]!) : {}, ...(payload ? { payload } : {}) });
  const expectProblem = (res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number) => {
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    return res.json() as { detail: string; errors?: Array<{ path: string; message: string }> };
  };
  const auditOf = async (organisationId: string, action: string) =>
    t.database.db.selectFrom('audit_log').select(['actor_user_id', 'subject_id', 'details']).where('organisation_id', '=', organisationId).where('action', '=', action).orderBy('id').execute();
  const snapshot = async () => ({
    organisations: await t.database.db.selectFrom('organisation').select(['id', 'naam', 'brin']).orderBy('id').execute(),
    vestigingen: await t.database.db.selectFrom('vestiging').select(['id', 'naam', 'brin_vestiging']).orderBy('id').execute(),
    memberships: await t.database.db.selectFrom('membership').select(['user_id', 'organisation_id', 'rol']).orderBy('user_id').orderBy('organisation_id').orderBy('rol').execute(),
    audit: Number((await t.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
  });
  const rolesOf = async (userId: string, organisationId: string) =>
    (await t.database.db.selectFrom('membership').select('rol').where('user_id', '=', userId).where('organisation_id', '=', organisationId).orderBy('rol').execute()).map((r) => r.rol);

  beforeAll(async () => {
    t = await startAccountsApp();
    const db = t.database.db;
    const orgs = await db.selectFrom('organisation').select(['id', 'naam']).execute();
    vmbo = orgs.find((o) => o.naam === 'Demo Vmbo College')!.id;
    roc = orgs.find((o) => o.naam === 'Demo ROC')!.id;
    for (const u of await db.selectFrom('app_user').select(['id', 'email']).execute()) users[u.email] = u.id;
    const accounts = { beheerder: 'beheerder@vmbo.demo', docent: 'docent@vmbo.demo', leerling: 'leerling@vmbo.demo', rocDocent: 'docent@roc.demo', rocBeheerder: 'beheerder@roc.demo' };
    for (const [who, email] of Object.entries(accounts)) s[who] = await signIn(t.app, email);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lets the beheerder change naam and BRIN (upper-cased), audited with old and new values', async () => {
    const res = await call('beheerder', 'PATCH', `/api/organisations/${vmbo}`, { naam: ' Demo Vmbo College Noord ', brin: '12ab' });
    expect(res.statusCode).toBe(200);
    const org = Organisatie.parse(res.json());
    expect([org.naam, org.brin]).toEqual(['Demo Vmbo College Noord', '12AB']);
    expect((await auditOf(vmbo, 'organisation.updated')).map((a) => a.details)).toEqual([
      { naam: { van: 'Demo Vmbo College', naar: 'Demo Vmbo College Noord' }, brin: { van: '99XX', naar: '12AB' } },
    ]);
    // Back, and a BRIN can be cleared with null.
    expect((await call('beheerder', 'PATCH', `/api/organisations/${vmbo}`, { naam: 'Demo Vmbo College', brin: null })).json()).toMatchObject({ brin: null });
    expect((await call('beheerder', 'PATCH', `/api/organisations/${vmbo}`, { brin: '99XX' })).json()).toMatchObject({ naam: 'Demo Vmbo College', brin: '99XX' });
    // Unchanged data writes nothing.
    const before = await snapshot();
    expect((await call('beheerder', 'PATCH', `/api/organisations/${vmbo}`, { naam: 'Demo Vmbo College' })).statusCode).toBe(200);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses bad organisation data and the wrong people, and changes nothing', async () => {
    const before = await snapshot();
    const url = `/api/organisations/${vmbo}`;
    for (const brin of ['1234', '12ABC', 'AB12', '12 AB']) {
      const problem = expectProblem(await call('beheerder', 'PATCH', url, { brin }), 400);
      expect(problem.errors).toEqual([{ path: 'body.brin', message: 'een BRIN-nummer is twee cijfers en twee letters, zoals 12AB' }]);
    }
    expectProblem(await call('beheerder', 'PATCH', url, {}), 400);
    expectProblem(await call('beheerder', 'PATCH', url, { naam: '' }), 400);
    expect(expectProblem(await call('beheerder', 'PATCH', url, { naam: 'demo roc' }), 409).detail).toBe('Er is al een organisatie met de naam demo roc.');
    expectProblem(await call('docent', 'PATCH', url, { naam: 'Gekaapt' }), 403);
    expectProblem(await call('leerling', 'PATCH', url, { naam: 'Gekaapt' }), 403);
    expectProblem(await call('rocBeheerder', 'PATCH', url, { naam: 'Gekaapt' }), 404);
    expectProblem(await call(null, 'PATCH', url, { naam: 'Gekaapt' }), 401);
    expectProblem(await call('beheerder', 'PATCH', '/api/organisations/geen-uuid', { naam: 'X' }), 400);
    const noCsrf = await t.app.inject({ method: 'PATCH', url, headers: { cookie: s.beheerder!.cookie }, payload: { naam: 'Gekaapt' } });
    expectProblem(noCsrf, 403);
    expect(await snapshot()).toEqual(before);
  });

  it('manages vestigingen: members read, the beheerder adds, changes and removes, with checks on name and vestigingsnummer', async () => {
    const url = `/api/organisations/${vmbo}/vestigingen`;
    const initial = (await call('leerling', 'GET', url)).json() as Vestiging[];
    expect(initial.map((v) => [v.naam, v.brinVestiging])).toEqual([['Demo Vmbo College, locatie Centrum', '99XX00']]);
    expectProblem(await call('rocDocent', 'GET', url), 404);

    const added = await call('beheerder', 'POST', url, { naam: 'Locatie Noord', brinVestiging: '99xx01' });
    expect(added.statusCode).toBe(201);
    const noord = Vestiging.parse(added.json());
    expect(noord).toMatchObject({ naam: 'Locatie Noord', brinVestiging: '99XX01' });
    expect((await call('docent', 'GET', `/api/organisations/${vmbo}`)).json()).toMatchObject({
      vestigingen: [{ naam: 'Demo Vmbo College, locatie Centrum' }, { naam: 'Locatie Noord', brinVestiging: '99XX01' }],
    });

    const before = await snapshot();
    expect(expectProblem(await call('beheerder', 'POST', url, { naam: 'Locatie Noord' }), 409).detail).toBe('Er is al een vestiging met de naam Locatie Noord.');
    expect(expectProblem(await call('beheerder', 'POST', url, { naam: 'Locatie Zuid', brinVestiging: '12AB01' }), 400).errors).toEqual([
      { path: 'body.brinVestiging', message: 'begint niet met 99XX' },
    ]);
    expectProblem(await call('beheerder', 'POST', url, { naam: 'Locatie Zuid', brinVestiging: '99XX1' }), 400);
    expectProblem(await call('beheerder', 'POST', url, { naam: ' ' }), 400);
    expectProblem(await call('docent', 'POST', url, { naam: 'Locatie Zuid' }), 403);
    expectProblem(await call('rocBeheerder', 'POST', url, { naam: 'Locatie Zuid' }), 404);
    expectProblem(await call('docent', 'PATCH', `${url}/${noord.id}`, { naam: 'Noord' }), 403);
    expectProblem(await call('docent', 'DELETE', `${url}/${noord.id}`), 403);
    expectProblem(await call('beheerder', 'PATCH', `${url}/${noord.id}`, { naam: 'Demo Vmbo College, locatie Centrum' }), 409);
    expectProblem(await call('beheerder', 'PATCH', `${url}/geen-uuid`, { naam: 'Noord' }), 400);
    // A vestiging of another organisation cannot be reached through this one.
    const rocVestiging = Vestiging.parse((await call('rocBeheerder', 'POST', `/api/organisations/${roc}/vestigingen`, { naam: 'ROC Techniekcampus' })).json());
    const afterRoc = await snapshot();
    expectProblem(await call('beheerder', 'PATCH', `${url}/${rocVestiging.id}`, { naam: 'Overgenomen' }), 404);
    expectProblem(await call('beheerder', 'DELETE', `${url}/${rocVestiging.id}`), 404);
    expect(afterRoc.vestigingen.length).toBe(before.vestigingen.length + 1);
    expect(await snapshot()).toEqual(afterRoc);

    const changed = await call('beheerder', 'PATCH', `${url}/${noord.id}`, { naam: 'Locatie Noord-Oost', brinVestiging: null });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ id: noord.id, naam: 'Locatie Noord-Oost', brinVestiging: null });
    expect((await call('beheerder', 'DELETE', `${url}/${noord.id}`)).statusCode).toBe(204);
    expectProblem(await call('beheerder', 'DELETE', `${url}/${noord.id}`), 404);
    expect(((await call('beheerder', 'GET', url)).json() as Vestiging[]).map((v) => v.naam)).toEqual(['Demo Vmbo College, locatie Centrum']);
    expect(await auditOf(vmbo, 'vestiging.added')).toEqual([expect.objectContaining({ subject_id: noord.id, details: { naam: 'Locatie Noord', brinVestiging: '99XX01' } })]);
    expect((await auditOf(vmbo, 'vestiging.updated')).map((a) => a.details)).toEqual([
      { van: { naam: 'Locatie Noord', brinVestiging: '99XX01' }, naar: { naam: 'Locatie Noord-Oost', brinVestiging: null } },
    ]);
    expect(await auditOf(vmbo, 'vestiging.removed')).toHaveLength(1);
    expect(await auditOf(roc, 'vestiging.added')).toHaveLength(1);
  });

  it('removes a role and a member; never the last beheerder (409, nothing changed)', async () => {
    const docent = users['docent@vmbo.demo']!;
    const beheerder = users['beheerder@vmbo.demo']!;
    const leerling = users['leerling@vmbo.demo']!;
    await insertMembership(t.database.db, { userId: docent, organisationId: vmbo, rol: 'examinator' });
    const members = `/api/organisations/${vmbo}/members`;

    // The last beheerder: neither the role nor the member can go.
    const before = await snapshot();
    const last = expectProblem(await call('beheerder', 'DELETE', `${members}/${beheerder}/rollen/beheerder`), 409);
    // Someone else becomes beheerder only by accepting an invitation; leaving is always possible: the message says both.
    expect(last.detail).toBe(
      'U bent de laatste beheerder van Demo Vmbo College. Nodig eerst iemand uit met de rol beheerder; zodra die de uitnodiging heeft aangenomen, kunt u uw rol intrekken. Wilt u zelf weg, kies dan "Organisatie verlaten": dan wordt de medewerker die het langst lid is beheerder.',
    );
    expect(last.detail).not.toMatch(/Geef eerst iemand anders de rol/);
    expect(expectProblem(await call('beheerder', 'DELETE', `${members}/${beheerder}`), 409).detail).toBe(last.detail);
    // Wrong people, bad input, unknown member or role.
    expectProblem(await call('docent', 'DELETE', `${members}/${leerling}`), 403);
    expectProblem(await call('leerling', 'DELETE', `${members}/${leerling}`), 403);
    expectProblem(await call('rocBeheerder', 'DELETE', `${members}/${leerling}`), 404);
    expectProblem(await call(null, 'DELETE', `${members}/${leerling}`), 401);
    expectProblem(await call('beheerder', 'DELETE', `${members}/${docent}/rollen/koning`), 400);
    expectProblem(await call('beheerder', 'DELETE', `${members}/niet-een-uuid`), 400);
    expectProblem(await call('beheerder', 'DELETE', `${members}/${docent}/rollen/decaan`), 404);
    expectProblem(await call('beheerder', 'DELETE', `${members}/${users['docent@roc.demo']}`), 404);
    expect(await snapshot()).toEqual(before);

    // One role of the docent goes, the other stays.
    expect((await call('beheerder', 'DELETE', `${members}/${docent}/rollen/examinator`)).statusCode).toBe(204);
    expect(await rolesOf(docent, vmbo)).toEqual(['ontwikkelaar']);
    // The leerling goes altogether, and at once loses access.
    expect((await call('beheerder', 'DELETE', `${members}/${leerling}`)).statusCode).toBe(204);
    expect(await rolesOf(leerling, vmbo)).toEqual([]);
    expectProblem(await call('leerling', 'GET', `/api/organisations/${vmbo}`), 404);
    expect(await auditOf(vmbo, 'membership.role_removed')).toEqual([expect.objectContaining({ actor_user_id: beheerder, subject_id: docent, details: { rol: 'examinator' } })]);
    expect(await auditOf(vmbo, 'membership.removed')).toEqual([expect.objectContaining({ actor_user_id: beheerder, subject_id: leerling, details: { rollen: ['leerling'] } })]);

    // With a second beheerder, the first may step down.
    await insertMembership(t.database.db, { userId: docent, organisationId: vmbo, rol: 'beheerder' });
    expect((await call('beheerder', 'DELETE', `${members}/${beheerder}/rollen/beheerder`)).statusCode).toBe(204);
    expect(await rolesOf(beheerder, vmbo)).toEqual([]);
    // …and now the docent is the last one.
    expectProblem(await call('docent', 'DELETE', `${members}/${docent}/rollen/beheerder`), 409);
  });

  it('never leaves an organisation without beheerder when two beheerders remove each other at the same time', async () => {
    const a = users['beheerder@roc.demo']!;
    const b = users['docent@roc.demo']!;
    await insertMembership(t.database.db, { userId: b, organisationId: roc, rol: 'beheerder' });
    const results = await Promise.all([
      call('rocBeheerder', 'DELETE', `/api/organisations/${roc}/members/${b}/rollen/beheerder`),
      call('rocDocent', 'DELETE', `/api/organisations/${roc}/members/${a}/rollen/beheerder`),
    ]);
    // Whoever comes second has just lost the beheerder role: 403 (checked again under the lock, never a stale 204).
    expect(results.map((r) => r.statusCode).sort()).toEqual([204, 403]);
    const beheerders = await t.database.db.selectFrom('membership').select('user_id').where('organisation_id', '=', roc).where('rol', '=', 'beheerder').execute();
    expect(beheerders).toHaveLength(1);
  });

  /** A new organisation of its own for a test: a beheerder and members with the given roles, oldest first. */
  async function organisationWith(naam: string, members: Array<{ email: string; rol: 'beheerder' | 'ontwikkelaar' | 'examinator' | 'decaan' | 'leerling'; sinds: string }>) {
    const db = t.database.db;
    let organisationId = '';
    const ids: Record<string, string> = {};
    for (const m of members) {
      const created = await createUser({ db, email: m.email, naam: m.email.split('@')[0]!, organisatie: naam, soort: 'vmbo-school', rol: m.rol, password: PASSWORD });
      organisationId = created.organisationId;
      ids[m.email] = created.userId;
      // How long someone has been a member decides who takes over as beheerder (created_at is not writable through the schema type).
      await sql`UPDATE membership SET created_at = ${new Date(m.sinds)} WHERE user_id = ${created.userId}`.execute(db);
    }
    return { organisationId, ids };
  }

  it('never makes someone a member directly: the old POST …/members is gone, and an invitation answers the same for a known and an unknown address', async () => {
    // A beheerder of a strange organisation tries to make an existing account (Roos) its beheerder.
    const { organisationId: strange } = await organisationWith('Vreemde School', [{ email: 'baas@vreemd.demo', rol: 'beheerder', sinds: '2024-01-01' }]);
    s.vreemd = await signIn(t.app, 'baas@vreemd.demo', PASSWORD);
    const roos = users['docent@roc.demo']!;
    const before = await snapshot();
    const direct = await call('vreemd', 'POST', `/api/organisations/${strange}/members`, { email: 'docent@roc.demo', rol: 'beheerder' });
    expectProblem(direct, 404);
    expect(await snapshot()).toEqual(before);

    const known = await call('vreemd', 'POST', `/api/organisations/${strange}/uitnodigingen`, { email: 'docent@roc.demo', rol: 'beheerder' });
    const unknown = await call('vreemd', 'POST', `/api/organisations/${strange}/uitnodigingen`, { email: 'niemand@nergens.demo', rol: 'beheerder' });
    // Same status, same headers, same body apart from the address itself: nothing says whether an account exists.
    const shape = (res: typeof known) => {
      const { email, verlooptOp, ...rest } = Uitnodiging.parse(res.json());
      const days = Math.round((Date.parse(verlooptOp) - Date.now()) / 86_400_000);
      return { status: res.statusCode, type: res.headers['content-type'], keys: Object.keys(res.json() as object).sort(), email: email.replace(/^[^@]+@[^@]+$/, 'adres'), days, rest };
    };
    expect(shape(known)).toEqual(shape(unknown));
    expect(known.statusCode).toBe(202);
    expect(Uitnodiging.parse(known.json()).bericht).toBe('Uitnodiging verstuurd. Wie de uitnodiging aanneemt, krijgt de rol; tot dan verandert er niets.');
    // No one became a member; only the two invitations are written (and audited without the address).
    expect(await rolesOf(roos, strange)).toEqual([]);
    const after = await snapshot();
    expect(after.memberships).toEqual(before.memberships);
    expect(after.audit).toBe(before.audit + 2);
    // The two mails are alike too (the invitee reads them, not the beheerder): no account is named in either.
    const mails = (await t.outbox()).filter((m) => m.to === 'docent@roc.demo' || m.to === 'niemand@nergens.demo');
    expect(mails.map((m) => m.text.replace(/#token=\S+/, ''))).toEqual([mails[1]!.text.replace(/#token=\S+/, ''), mails[1]!.text.replace(/#token=\S+/, '')]);
  });

  it('gives the role when the invitee accepts: a signed-in account for its own address without a password; another address is refused', async () => {
    const strange = (await t.database.db.selectFrom('organisation').select('id').where('naam', '=', 'Vreemde School').executeTakeFirstOrThrow()).id;
    const roos = users['docent@roc.demo']!;
    const invited = await call('vreemd', 'POST', `/api/organisations/${strange}/uitnodigingen`, { email: 'docent@roc.demo', rol: 'ontwikkelaar' });
    expect(invited.statusCode).toBe(202);
    const mail = (await t.outbox()).filter((m) => m.to === 'docent@roc.demo').at(-1)!;
    const token = linkTokenOf(mail, '/uitnodiging-accepteren');
    const url = '/api/account/uitnodiging-aannemen';

    const before = await snapshot();
    // Someone else's session: refused, the invitation stays usable. Without CSRF token or session: refused.
    expect(expectProblem(await call('rocBeheerder', 'POST', url, { token }), 400).detail).toBe(INVITATION_OTHER_ADDRESS_MESSAGE);
    expectProblem(await t.app.inject({ method: 'POST', url, headers: { cookie: s.rocDocent!.cookie }, payload: { token } }), 403);
    expectProblem(await call(null, 'POST', url, { token }), 401);
    expectProblem(await call('rocDocent', 'POST', url, { token: 'geen-echte-token' }), 400);
    expectProblem(await call('rocDocent', 'POST', url, {}), 400);
    expect(await snapshot()).toEqual(before);

    const ok = await call('rocDocent', 'POST', url, { token });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(Me.parse(ok.json()).lidmaatschappen.filter((l) => l.organisatieId === strange).map((l) => l.rol)).toEqual(['ontwikkelaar']);
    expect(await rolesOf(roos, strange)).toEqual(['ontwikkelaar']);
    expect((await auditOf(strange, 'membership.added')).filter((a) => a.subject_id === roos)).toEqual([
      expect.objectContaining({ actor_user_id: roos, details: { rol: 'ontwikkelaar', via: 'uitnodiging' } }),
    ]);
    // Once only.
    expect(expectProblem(await call('rocDocent', 'POST', url, { token }), 400).detail).toBe(INVITATION_INVALID_MESSAGE);
  });

  it('lets every member leave, also the last beheerder: the longest-standing staff member (never a leerling) becomes beheerder, audited', async () => {
    const { organisationId: org, ids } = await organisationWith('Vertrek College', [
      { email: 'beheerder@vertrek.demo', rol: 'beheerder', sinds: '2023-01-01' },
      { email: 'leerling@vertrek.demo', rol: 'leerling', sinds: '2019-01-01' },
      { email: 'examinator@vertrek.demo', rol: 'examinator', sinds: '2020-01-01' },
      { email: 'docent@vertrek.demo', rol: 'ontwikkelaar', sinds: '2021-01-01' },
    ]);
    for (const who of ['beheerder', 'leerling', 'examinator', 'docent']) s[`vertrek-${who}`] = await signIn(t.app, `${who}@vertrek.demo`, PASSWORD);
    const url = `/api/organisations/${org}/verlaten`;
    const leave = async (who: string) => {
      const res = await call(`vertrek-${who}`, 'POST', url);
      expect(res.statusCode, res.body).toBe(200);
      return OrganisatieVerlaten.parse(res.json());
    };

    // Outsiders, no session, no CSRF token, bad id: refused, nothing changed.
    const before = await snapshot();
    expectProblem(await call('rocBeheerder', 'POST', url), 404);
    expectProblem(await call(null, 'POST', url), 401);
    expectProblem(await t.app.inject({ method: 'POST', url, headers: { cookie: s['vertrek-docent']!.cookie } }), 403);
    expectProblem(await call('vertrek-docent', 'POST', '/api/organisations/geen-uuid/verlaten'), 400);
    expect(await snapshot()).toEqual(before);

    // A member without the beheerder role just goes.
    expect(await leave('docent')).toEqual({ bericht: 'U bent geen lid meer van Vertrek College.', nieuweBeheerder: null, zonderBeheerder: false });
    expect(await rolesOf(ids['docent@vertrek.demo']!, org)).toEqual([]);
    expectProblem(await call('vertrek-docent', 'GET', `/api/organisations/${org}`), 404);
    expectProblem(await call('vertrek-docent', 'POST', url), 404);

    // The last beheerder goes: the examinator (longest-standing staff) takes over, not the leerling who is there longer.
    const examinator = ids['examinator@vertrek.demo']!;
    const left = await leave('beheerder');
    expect(left).toEqual({
      bericht: 'U bent geen lid meer van Vertrek College. examinator is nu beheerder van Vertrek College, omdat u de laatste beheerder was.',
      nieuweBeheerder: { gebruikerId: examinator, naam: 'examinator' },
      zonderBeheerder: false,
    });
    expect(await rolesOf(examinator, org)).toEqual(['beheerder', 'examinator']);
    expect(await rolesOf(ids['leerling@vertrek.demo']!, org)).toEqual(['leerling']);
    expect(await auditOf(org, 'membership.left')).toEqual([
      expect.objectContaining({ actor_user_id: ids['docent@vertrek.demo'], subject_id: ids['docent@vertrek.demo'], details: { rollen: ['ontwikkelaar'] } }),
      expect.objectContaining({ actor_user_id: ids['beheerder@vertrek.demo'], subject_id: ids['beheerder@vertrek.demo'], details: { rollen: ['beheerder'] } }),
    ]);
    expect(await auditOf(org, 'membership.beheerder_succeeded')).toEqual([
      { actor_user_id: ids['beheerder@vertrek.demo'], subject_id: examinator, details: { rol: 'beheerder', reden: 'lid-vertrokken', vorigeBeheerder: ids['beheerder@vertrek.demo'] } },
    ]);
    // The new beheerder is told by mail (once the departure is committed), with the way to the organisation; nobody else is named.
    const told = (await t.outbox()).filter((m) => m.to === 'examinator@vertrek.demo');
    expect(told).toEqual([
      expect.objectContaining({
        to: 'examinator@vertrek.demo',
        subject: 'U bent nu beheerder van Vertrek College op Doorlopend',
        text: expect.stringContaining('omdat de laatste beheerder de organisatie heeft verlaten'),
      }),
    ]);
    expect(told[0]!.text).toContain(`http://doorlopend.test/organisaties/${org}`);
    expect(told[0]!.text).not.toMatch(/beheerder@vertrek\.demo|leerling/);
    // The new beheerder manages at once (a fresh look at the session), and sees who left in the audit log.
    expect(Organisatie.parse((await call('vertrek-examinator', 'GET', `/api/organisations/${org}`)).json())).toMatchObject({ mijnRollen: ['beheerder', 'examinator'], heeftBeheerder: true });
    expect((await call('vertrek-examinator', 'GET', `/api/organisations/${org}/audit`)).statusCode).toBe(200);

    // The last staff member goes too: only a leerling is left, so the organisation has no beheerder (audited, shown).
    expect(await leave('examinator')).toEqual({
      bericht: 'U bent geen lid meer van Vertrek College. Vertrek College heeft nu geen beheerder: er was geen medewerker om het over te nemen.',
      nieuweBeheerder: null,
      zonderBeheerder: true,
    });
    // No one became beheerder: no mail (the only one is still the examinator's).
    expect((await t.outbox()).filter((m) => m.subject.startsWith('U bent nu beheerder van Vertrek College'))).toHaveLength(1);
    expect(await auditOf(org, 'organisation.without_beheerder')).toEqual([
      { actor_user_id: examinator, subject_id: org, details: { reden: 'lid-vertrokken', vorigeBeheerder: examinator } },
    ]);
    expect(Organisatie.parse((await call('vertrek-leerling', 'GET', `/api/organisations/${org}`)).json())).toMatchObject({ mijnRollen: ['leerling'], heeftBeheerder: false });
    expect(await leave('leerling')).toMatchObject({ nieuweBeheerder: null, zonderBeheerder: false });
    expect(await t.database.db.selectFrom('membership').select('user_id').where('organisation_id', '=', org).execute()).toEqual([]);
  });

  it('keeps one beheerder when the two beheerders leave at the same time', async () => {
    const { organisationId: org, ids } = await organisationWith('Samen Weg College', [
      { email: 'een@samenweg.demo', rol: 'beheerder', sinds: '2020-01-01' },
      { email: 'twee@samenweg.demo', rol: 'beheerder', sinds: '2020-02-01' },
      { email: 'drie@samenweg.demo', rol: 'decaan', sinds: '2021-01-01' },
    ]);
    s.een = await signIn(t.app, 'een@samenweg.demo', PASSWORD);
    s.twee = await signIn(t.app, 'twee@samenweg.demo', PASSWORD);
    const results = await Promise.all([call('een', 'POST', `/api/organisations/${org}/verlaten`), call('twee', 'POST', `/api/organisations/${org}/verlaten`)]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    // Whoever went second was the last beheerder at that moment: the decaan took over, exactly once.
    expect(results.map((r) => OrganisatieVerlaten.parse(r.json()).nieuweBeheerder?.gebruikerId ?? null).filter(Boolean)).toEqual([ids['drie@samenweg.demo']]);
    const beheerders = await t.database.db.selectFrom('membership').select('user_id').where('organisation_id', '=', org).where('rol', '=', 'beheerder').execute();
    expect(beheerders).toEqual([{ user_id: ids['drie@samenweg.demo'] }]);
    // …and was told once.
    expect((await t.outbox()).filter((m) => m.to === 'drie@samenweg.demo').map((m) => m.subject)).toEqual(['U bent nu beheerder van Samen Weg College op Doorlopend']);
  });

  it('mails whoever becomes beheerder when the last beheerder deletes the account; nothing is mailed when the deletion is refused', async () => {
    const { organisationId: org, ids } = await organisationWith('Opvolg College', [
      { email: 'baas@opvolg.demo', rol: 'beheerder', sinds: '2020-01-01' },
      { email: 'decaan@opvolg.demo', rol: 'decaan', sinds: '2021-01-01' },
    ]);
    s.opvolgBaas = await signIn(t.app, 'baas@opvolg.demo', PASSWORD);
    const mailsTo = async (to: string) => (await t.outbox()).filter((m) => m.to === to);

    // A wrong password: nothing deleted, nobody made beheerder, no mail.
    expectProblem(await t.app.inject({ method: 'DELETE', url: '/api/account', headers: asUser(s.opvolgBaas), payload: { wachtwoord: 'niet-het-wachtwoord' } }), 400);
    expect(await rolesOf(ids['decaan@opvolg.demo']!, org)).toEqual(['decaan']);
    expect(await mailsTo('decaan@opvolg.demo')).toEqual([]);

    const res = await t.app.inject({ method: 'DELETE', url: '/api/account', headers: asUser(s.opvolgBaas), payload: { wachtwoord: PASSWORD } });
    expect(res.statusCode, res.body).toBe(204);
    expect(await rolesOf(ids['decaan@opvolg.demo']!, org)).toEqual(['beheerder', 'decaan']);
    const [mail, ...more] = await mailsTo('decaan@opvolg.demo');
    expect(more).toEqual([]);
    expect(mail?.subject).toBe('U bent nu beheerder van Opvolg College op Doorlopend');
    expect(mail?.text).toContain('omdat de laatste beheerder zijn of haar account heeft verwijderd');
    expect(mail?.text).toContain(`http://doorlopend.test/organisaties/${org}`);
    expect(mail?.text).not.toContain('baas@opvolg.demo');
  });
});

if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
