/**
 * Samenwerkingen (partnerships) through the API: the list with open proposals, creating, proposing a
 * partner, accepting and declining, renaming, leaving, the organisation directory, the audit log of each
 * organisation involved, and the walls (a proposed organisation is not a member until it accepts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GidsOrganisatie, Partner, SamenwerkingDetail, SamenwerkingInLijst } from '../../src/shared/partnership-api.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import { resolveSession } from '../../src/server/use-cases/auth/session.js';
import { authorizePartnership } from '../../src/server/use-cases/partnerships/access.js';
import { databaseAvailable, SKIP_NO_DB, TEST_DB } from '../support/db.js';
import { asUser, signIn, startAccountsApp, TEST_PUBLIC_URL, type AccountsApp, type Session } from '../support/accounts.js';

const PASSWORD = 'demo-wachtwoord';

describe.skipIf(!databaseAvailable)(`samenwerkingen (${TEST_DB})`, () => {
  let t: AccountsApp;
  const ids: Record<'vmbo' | 'roc' | 'ander' | 'regio' | 'demo', string> = { vmbo: '', roc: '', ander: '', regio: '', demo: '' };
  const s: Record<string, Session> = {};

  type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
  const call = (who: string | null, method: Method, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: who ? asUser(s[who]!) : {}, ...(payload ? { payload } : {}) });
  const auditOf = async (organisationId: string, action: string) =>
    t.database.db.selectFrom('audit_log').select(['actor_user_id', 'subject_id', 'details']).where('organisation_id', '=', organisationId).where('action', '=', action).execute();
  const countRows = async () => {
    const p = await t.database.db.selectFrom('partnership').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const m = await t.database.db.selectFrom('partnership_member').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const a = await t.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { partnerships: Number(p.n), members: Number(m.n), audit: Number(a.n) };
  };
  const expectProblem = (res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number) => {
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    return res.json() as { detail: string; errors?: Array<{ path: string; message: string }> };
  };

  beforeAll(async () => {
    t = await startAccountsApp();
    const db = t.database.db;
    await createUser({ db, email: 'beheerder@ander.demo', naam: 'Anna Ander', organisatie: 'Ander College', soort: 'vmbo-school', rol: 'beheerder', password: PASSWORD });
    await createUser({ db, email: 'docent@ander.demo', naam: 'Otto Ander', organisatie: 'Ander College', rol: 'ontwikkelaar', password: PASSWORD });
    const orgs = await db.selectFrom('organisation').select(['id', 'naam']).execute();
    const byName = (n: string) => orgs.find((o) => o.naam === n)!.id;
    Object.assign(ids, { vmbo: byName('Demo Vmbo College'), roc: byName('Demo ROC'), ander: byName('Ander College'), regio: byName('Demo Regio Techniek') });
    ids.demo = (await db.selectFrom('partnership').select('id').executeTakeFirstOrThrow()).id;
    const accounts = {
      vmboBeheerder: 'beheerder@vmbo.demo',
      vmboDocent: 'docent@vmbo.demo',
      leerling: 'leerling@vmbo.demo',
      rocDocent: 'docent@roc.demo',
      rocBeheerder: 'beheerder@roc.demo',
      anderBeheerder: 'beheerder@ander.demo',
      anderDocent: 'docent@ander.demo',
    };
    for (const [who, email] of Object.entries(accounts)) s[who] = await signIn(t.app, email);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the samenwerkingen of my organisations: staff of both partners see the demo samenwerking, a leerling and an outsider none', async () => {
    for (const who of ['vmboBeheerder', 'vmboDocent', 'rocDocent']) {
      const res = await call(who, 'GET', '/api/partnerships');
      expect(res.statusCode).toBe(200);
      const list = res.json() as SamenwerkingInLijst[];
      expect(list.map((p) => [p.naam, p.status])).toEqual([['Demo doorlopende leerroute techniek', 'lid']]);
      expect(list[0]!.partners.map((p) => [p.naam, p.status])).toEqual([
        ['Demo ROC', 'lid'],
        ['Demo Vmbo College', 'lid'],
      ]);
    }
    for (const who of ['leerling', 'anderBeheerder']) {
      const res = await call(who, 'GET', '/api/partnerships');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual([]);
    }
    expectProblem(await call(null, 'GET', '/api/partnerships'), 401);
  });

  it('shows a samenwerking to staff of every partner, with the people in it (name, organisation, roles; no e-mail, no leerlingen)', async () => {
    const res = await call('rocDocent', 'GET', `/api/partnerships/${ids.demo}`);
    expect(res.statusCode).toBe(200);
    const detail = SamenwerkingDetail.parse(res.json());
    expect(detail.naam).toBe('Demo doorlopende leerroute techniek');
    expect(detail.partners.map((p) => p.naam)).toEqual(['Demo ROC', 'Demo Vmbo College']);
    const people = detail.mensen.map((m) => `${m.naam} (${m.organisatie.naam}: ${m.rollen.join(', ')})`);
    expect(people).toEqual(
      expect.arrayContaining(['Roos Docent (Demo ROC: ontwikkelaar)', 'Bea Beheerder (Demo Vmbo College: beheerder)', 'Daan Docent (Demo Vmbo College: ontwikkelaar)']),
    );
    expect(people.some((p) => p.startsWith('Lars Leerling'))).toBe(false);
    expect(res.body).not.toContain('@');
    // An ontwikkelaar of a partner may rename, not propose partners or take an organisation out.
    expect(detail.mijnRechten).toEqual({ wijzigen: true, partnersVoorstellen: false, vertrekkenNamens: [] });
    const asBeheerder = SamenwerkingDetail.parse((await call('vmboBeheerder', 'GET', `/api/partnerships/${ids.demo}`)).json());
    expect(asBeheerder.mijnRechten).toEqual({ wijzigen: true, partnersVoorstellen: true, vertrekkenNamens: [ids.vmbo] });
  });

  it('refuses a samenwerking to an outsider (404), a leerling (403) and anonymous (401); a bad id is 400, an unknown one 404', async () => {
    const foreign = expectProblem(await call('anderBeheerder', 'GET', `/api/partnerships/${ids.demo}`), 404);
    expect(foreign.detail).toBe('Deze samenwerking bestaat niet of u hebt er geen toegang toe.');
    expectProblem(await call('leerling', 'GET', `/api/partnerships/${ids.demo}`), 403);
    expectProblem(await call(null, 'GET', `/api/partnerships/${ids.demo}`), 401);
    const bad = expectProblem(await call('vmboBeheerder', 'GET', '/api/partnerships/niet-een-uuid'), 400);
    expect(bad.errors?.[0]?.path).toBe('params.id');
    expectProblem(await call('vmboBeheerder', 'GET', '/api/partnerships/00000000-0000-4000-8000-000000000000'), 404);
  });

  it('creates a samenwerking with a proposed partner that is not a member until its beheerder accepts', async () => {
    const created = await call('vmboBeheerder', 'POST', '/api/partnerships', { naam: '  Route zorg en welzijn ', organisatieId: ids.vmbo, partners: [ids.ander] });
    expect(created.statusCode).toBe(201);
    const detail = SamenwerkingDetail.parse(created.json());
    expect(detail.naam).toBe('Route zorg en welzijn');
    expect(detail.partners.map((p) => [p.naam, p.status, p.voorgesteldDoor])).toEqual([
      ['Ander College', 'voorgesteld', 'Demo Vmbo College'],
      ['Demo Vmbo College', 'lid', null],
    ]);
    // The people are those of members only.
    expect(detail.mensen.every((m) => m.organisatie.id === ids.vmbo)).toBe(true);

    // Its beheerder (only the beheerder) gets a mail with a link to the list of proposals.
    const mails = (await t.outbox()).filter((m) => m.subject === 'Voorstel: Ander College als partner in Route zorg en welzijn');
    expect(mails.map((m) => m.to)).toEqual(['beheerder@ander.demo']);
    expect(mails[0]!.text).toContain('Bea Beheerder van Demo Vmbo College stelt Ander College voor als partner in de samenwerking "Route zorg en welzijn"');
    expect(mails[0]!.text).toContain(`${TEST_PUBLIC_URL}/samenwerkingen\n`);

    // The proposed organisation's beheerder sees the proposal in the list, but not the samenwerking itself.
    const list = (await call('anderBeheerder', 'GET', '/api/partnerships')).json() as SamenwerkingInLijst[];
    expect(list.map((p) => [p.id, p.status, p.mijnOrganisaties.map((o) => o.naam)])).toEqual([[detail.id, 'voorgesteld', ['Ander College']]]);
    expectProblem(await call('anderBeheerder', 'GET', `/api/partnerships/${detail.id}`), 404);
    // Its ontwikkelaar does not see the proposal (only beheerders answer it).
    expect((await call('anderDocent', 'GET', '/api/partnerships')).json()).toEqual([]);
    // The access check that joint work uses agrees: not a member.
    const auth = await resolveSession({ db: t.database.db, token: s.anderBeheerder!.token });
    await expect(authorizePartnership({ db: t.database.db, auth, partnershipId: detail.id, action: 'partnership.read' })).rejects.toMatchObject({ code: 'not_found' });

    // Only a beheerder of the proposed organisation can accept: not the one who proposed, not its ontwikkelaar.
    expectProblem(await call('vmboBeheerder', 'POST', `/api/partnerships/${detail.id}/organisations/${ids.ander}/accepteren`), 404);
    expectProblem(await call('anderDocent', 'POST', `/api/partnerships/${detail.id}/organisations/${ids.ander}/accepteren`), 403);
    const accepted = await call('anderBeheerder', 'POST', `/api/partnerships/${detail.id}/organisations/${ids.ander}/accepteren`);
    expect(accepted.statusCode).toBe(200);
    expect(SamenwerkingDetail.parse(accepted.json()).partners.map((p) => [p.naam, p.status])).toEqual([
      ['Ander College', 'lid'],
      ['Demo Vmbo College', 'lid'],
    ]);
    expect((await call('anderDocent', 'GET', `/api/partnerships/${detail.id}`)).statusCode).toBe(200);
    await expect(authorizePartnership({ db: t.database.db, auth, partnershipId: detail.id, action: 'partnership.read' })).resolves.toMatchObject({
      memberOrganisationIds: expect.arrayContaining([ids.ander, ids.vmbo]),
    });
    // Accepting twice: there is no open proposal any more.
    expectProblem(await call('anderBeheerder', 'POST', `/api/partnerships/${detail.id}/organisations/${ids.ander}/accepteren`), 404);

    // Audited in each organisation's own log.
    expect(await auditOf(ids.vmbo, 'partnership.created')).toEqual([expect.objectContaining({ subject_id: detail.id })]);
    for (const org of [ids.vmbo, ids.ander]) {
      expect((await auditOf(org, 'partnership.partner_proposed')).filter((a) => a.subject_id === detail.id)).toHaveLength(1);
      expect((await auditOf(org, 'partnership.partner_accepted')).filter((a) => a.subject_id === detail.id)).toHaveLength(1);
    }
    expect((await auditOf(ids.roc, 'partnership.partner_proposed')).filter((a) => a.subject_id === detail.id)).toHaveLength(0);
  });

  it('refuses to create a samenwerking for the wrong person or with bad input, and changes nothing', async () => {
    const before = await countRows();
    expectProblem(await call('vmboDocent', 'POST', '/api/partnerships', { naam: 'X', organisatieId: ids.vmbo }), 403);
    expectProblem(await call('leerling', 'POST', '/api/partnerships', { naam: 'X', organisatieId: ids.vmbo }), 403);
    expectProblem(await call('anderBeheerder', 'POST', '/api/partnerships', { naam: 'X', organisatieId: ids.vmbo }), 404);
    expectProblem(await call(null, 'POST', '/api/partnerships', { naam: 'X', organisatieId: ids.vmbo }), 401);
    const empty = expectProblem(await call('vmboBeheerder', 'POST', '/api/partnerships', { naam: '   ', organisatieId: ids.vmbo }), 400);
    expect(empty.errors?.map((e) => e.path)).toEqual(['body.naam']);
    expectProblem(await call('vmboBeheerder', 'POST', '/api/partnerships', { naam: 'X', organisatieId: 'vmbo' }), 400);
    // A regio cannot be a partner; an unknown organisation neither; nor the own organisation twice.
    const regio = expectProblem(await call('vmboBeheerder', 'POST', '/api/partnerships', { naam: 'X', organisatieId: ids.vmbo, partners: [ids.roc, ids.regio] }), 400);
    expect(regio.errors).toEqual([{ path: 'body.partners.1', message: 'onbekende organisatie' }]);
    expectProblem(await call('vmboBeheerder', 'POST', '/api/partnerships', { naam: 'X', organisatieId: ids.vmbo, partners: ['00000000-0000-4000-8000-000000000000'] }), 400);
    expectProblem(await call('vmboBeheerder', 'POST', '/api/partnerships', { naam: 'X', organisatieId: ids.vmbo, partners: [ids.vmbo] }), 400);
    // Without the CSRF token a signed-in request is refused.
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/partnerships', headers: { cookie: s.vmboBeheerder!.cookie }, payload: { naam: 'X', organisatieId: ids.vmbo } });
    expectProblem(noCsrf, 403);
    expect(await countRows()).toEqual(before);
  });

  it('proposes a partner (beheerder of a member only), refuses a second proposal, and lets the proposed beheerder decline', async () => {
    const url = `/api/partnerships/${ids.demo}/organisations`;
    const before = await countRows();
    expectProblem(await call('vmboDocent', 'POST', url, { organisatieId: ids.ander }), 403);
    expectProblem(await call('rocDocent', 'POST', url, { organisatieId: ids.ander }), 403);
    expectProblem(await call('leerling', 'POST', url, { organisatieId: ids.ander }), 403);
    expectProblem(await call('anderBeheerder', 'POST', url, { organisatieId: ids.ander }), 404);
    expect((await call('vmboBeheerder', 'POST', url, { organisatieId: ids.roc })).json()).toMatchObject({ detail: 'Demo ROC is al partner in deze samenwerking.', status: 409 });
    expectProblem(await call('vmboBeheerder', 'POST', url, { organisatieId: ids.regio }), 400);
    expectProblem(await call('vmboBeheerder', 'POST', url, { organisatieId: 'Ander College' }), 400);
    expect(await countRows()).toEqual(before);

    const proposed = await call('rocBeheerder', 'POST', url, { organisatieId: ids.ander });
    expect(proposed.statusCode).toBe(201);
    expect(Partner.parse(proposed.json())).toEqual({ id: ids.ander, naam: 'Ander College', soort: 'vmbo-school', brin: null, status: 'voorgesteld', voorgesteldDoor: 'Demo ROC' });
    expect((await call('vmboBeheerder', 'POST', url, { organisatieId: ids.ander })).json()).toMatchObject({
      status: 409,
      detail: 'Ander College is al voorgesteld en heeft nog niet geantwoord.',
    });
    // Still not a member.
    expectProblem(await call('anderDocent', 'GET', `/api/partnerships/${ids.demo}`), 404);
    // One mail for the one stored proposal; the refused and double proposals sent none.
    const mails = (await t.outbox()).filter((m) => m.subject === 'Voorstel: Ander College als partner in Demo doorlopende leerroute techniek');
    expect(mails.map((m) => [m.to, m.text.split('\n')[2]])).toEqual([
      ['beheerder@ander.demo', 'Rik Beheerder van Demo ROC stelt Ander College voor als partner in de samenwerking "Demo doorlopende leerroute techniek" op Doorlopend.'],
    ]);

    expectProblem(await call('rocBeheerder', 'POST', `${url}/${ids.ander}/afwijzen`), 404);
    const declined = await call('anderBeheerder', 'POST', `${url}/${ids.ander}/afwijzen`);
    expect(declined.statusCode).toBe(204);
    expectProblem(await call('anderBeheerder', 'POST', `${url}/${ids.ander}/afwijzen`), 404);
    expectProblem(await call('anderBeheerder', 'POST', `${url}/${ids.ander}/accepteren`), 404);
    const detail = SamenwerkingDetail.parse((await call('vmboBeheerder', 'GET', `/api/partnerships/${ids.demo}`)).json());
    expect(detail.partners.map((p) => p.naam)).toEqual(['Demo ROC', 'Demo Vmbo College']);
    for (const org of [ids.vmbo, ids.roc, ids.ander]) {
      expect((await auditOf(org, 'partnership.partner_proposed')).filter((a) => a.subject_id === ids.demo)).toHaveLength(1);
      expect((await auditOf(org, 'partnership.partner_declined')).filter((a) => a.subject_id === ids.demo)).toHaveLength(1);
    }
  });

  it('renames a samenwerking (beheerder or ontwikkelaar of a partner), audited in every partner log', async () => {
    const url = `/api/partnerships/${ids.demo}`;
    expectProblem(await call('leerling', 'PATCH', url, { naam: 'Nieuw' }), 403);
    expectProblem(await call('anderBeheerder', 'PATCH', url, { naam: 'Nieuw' }), 404);
    expectProblem(await call('rocDocent', 'PATCH', url, { naam: '' }), 400);
    expectProblem(await call('rocDocent', 'PATCH', url, { naam: 'x'.repeat(201) }), 400);
    const res = await call('rocDocent', 'PATCH', url, { naam: 'Leerroute techniek Demo' });
    expect(res.statusCode).toBe(200);
    expect(SamenwerkingDetail.parse(res.json()).naam).toBe('Leerroute techniek Demo');
    for (const org of [ids.vmbo, ids.roc]) {
      expect((await auditOf(org, 'partnership.renamed')).map((a) => a.details)).toEqual([{ van: 'Demo doorlopende leerroute techniek', naar: 'Leerroute techniek Demo' }]);
    }
    // The same name again changes nothing and writes nothing.
    expect((await call('vmboDocent', 'PATCH', url, { naam: 'Leerroute techniek Demo' })).statusCode).toBe(200);
    expect(await auditOf(ids.vmbo, 'partnership.renamed')).toHaveLength(1);
  });

  it('lets a beheerder take their own organisation out of a samenwerking, nobody else', async () => {
    const created = SamenwerkingDetail.parse((await call('vmboBeheerder', 'POST', '/api/partnerships', { naam: 'Route bouw', organisatieId: ids.vmbo, partners: [ids.roc] })).json());
    expect((await call('rocBeheerder', 'POST', `/api/partnerships/${created.id}/organisations/${ids.roc}/accepteren`)).statusCode).toBe(200);
    const url = `/api/partnerships/${created.id}/organisations/${ids.vmbo}`;
    expectProblem(await call('vmboDocent', 'DELETE', url), 403);
    expectProblem(await call('rocBeheerder', 'DELETE', url), 403);
    expectProblem(await call('leerling', 'DELETE', url), 403);
    expectProblem(await call('anderBeheerder', 'DELETE', url), 404);
    expectProblem(await call('vmboBeheerder', 'DELETE', `/api/partnerships/${created.id}/organisations/${ids.ander}`), 404);
    expect((await call('vmboBeheerder', 'DELETE', url)).statusCode).toBe(204);
    expectProblem(await call('vmboBeheerder', 'GET', `/api/partnerships/${created.id}`), 404);
    expectProblem(await call('vmboBeheerder', 'DELETE', url), 404);
    const rest = SamenwerkingDetail.parse((await call('rocDocent', 'GET', `/api/partnerships/${created.id}`)).json());
    expect(rest.partners.map((p) => p.naam)).toEqual(['Demo ROC']);
    for (const org of [ids.vmbo, ids.roc]) expect((await auditOf(org, 'partnership.partner_left')).filter((a) => a.subject_id === created.id)).toHaveLength(1);
  });

  it('withdraws the open proposals when the last member leaves', async () => {
    const created = SamenwerkingDetail.parse((await call('rocBeheerder', 'POST', '/api/partnerships', { naam: 'Route groen', organisatieId: ids.roc, partners: [ids.ander] })).json());
    expect((await call('rocBeheerder', 'DELETE', `/api/partnerships/${created.id}/organisations/${ids.roc}`)).statusCode).toBe(204);
    const list = (await call('anderBeheerder', 'GET', '/api/partnerships')).json() as SamenwerkingInLijst[];
    expect(list.some((p) => p.id === created.id)).toBe(false);
    expectProblem(await call('anderBeheerder', 'POST', `/api/partnerships/${created.id}/organisations/${ids.ander}/accepteren`), 404);
    expect((await auditOf(ids.ander, 'partnership.partner_left')).filter((a) => a.subject_id === created.id)).toHaveLength(1);
  });

  it('finds schools and instellingen in the directory: public facts only, for staff only', async () => {
    const res = await call('vmboDocent', 'GET', '/api/organisations/directory');
    expect(res.statusCode).toBe(200);
    const all = res.json() as GidsOrganisatie[];
    expect(all.map((o) => o.naam)).toEqual(['Ander College', 'Demo ROC', 'Demo Vmbo College']);
    expect(all.every((o) => Object.keys(o).sort().join() === 'brin,id,naam,soort')).toBe(true);
    expect((await call('rocDocent', 'GET', '/api/organisations/directory?q=roc')).json()).toEqual([{ id: ids.roc, naam: 'Demo ROC', soort: 'mbo-instelling', brin: '99YY' }]);
    expect(((await call('rocDocent', 'GET', '/api/organisations/directory?q=99xx')).json() as GidsOrganisatie[]).map((o) => o.naam)).toEqual(['Demo Vmbo College']);
    // LIKE wildcards are plain characters.
    expect((await call('rocDocent', 'GET', '/api/organisations/directory?q=%25')).json()).toEqual([]);
    expectProblem(await call('leerling', 'GET', '/api/organisations/directory'), 403);
    expectProblem(await call(null, 'GET', '/api/organisations/directory'), 401);
    expectProblem(await call('vmboDocent', 'GET', `/api/organisations/directory?q=${'a'.repeat(101)}`), 400);
  });
});

if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
