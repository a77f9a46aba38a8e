/**
 * The organisation's audit log reads as Dutch sentences with names (issue 12): GET /api/organisations/:id/audit gives
 * `zin` next to the stored fields; the log keeps ids only, so the names are today's names and a deleted account reads
 * as "een verwijderd account" while its entries stay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRegel } from '../../src/shared/auth-api.js';
import type { Historie } from '../../src/shared/leerroute-api.js';
import { seedDemoCatalogue } from '../../src/server/demo/seed-demo.js';
import { databaseAvailable, SKIP_NO_DB, TEST_DB } from '../support/db.js';
import { asUser, signIn, startAccountsApp, type AccountsApp, type Session } from '../support/accounts.js';

const PASSWORD = 'demo-wachtwoord';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/i;

describe.skipIf(!databaseAvailable)(`audit log as sentences (${TEST_DB})`, () => {
  let t: AccountsApp;
  let vmbo: string;
  let roc: string;
  const s: Record<string, Session> = {};
  let routeId: string;

  beforeAll(async () => {
    t = await startAccountsApp();
    await seedDemoCatalogue(t.database.db);
    const orgs = await t.database.db.selectFrom('organisation').select(['id', 'naam']).execute();
    vmbo = orgs.find((o) => o.naam === 'Demo Vmbo College')!.id;
    roc = orgs.find((o) => o.naam === 'Demo ROC')!.id;
    for (const [who, email] of Object.entries({ beheerder: 'beheerder@vmbo.demo', docent: 'docent@vmbo.demo', leerling: 'leerling@vmbo.demo' })) {
      s[who] = await signIn(t.app, email);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const auditOf = async (organisationId: string): Promise<AuditRegel[]> => {
    const res = await t.app.inject({ method: 'GET', url: `/api/organisations/${organisationId}/audit`, headers: asUser(s.beheerder!) });
    expect(res.statusCode).toBe(200);
    return res.json() as AuditRegel[];
  };

  it('tells who did what, with names of people and the samenwerking, in Dutch', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/partnerships', headers: asUser(s.beheerder!), payload: { naam: 'Techniek in de regio', organisatieId: vmbo, partners: [roc] } });
    expect(created.statusCode).toBe(201);
    const renamed = await t.app.inject({ method: 'PATCH', url: `/api/organisations/${vmbo}`, headers: asUser(s.beheerder!), payload: { naam: 'Demo Vmbo College Noord' } });
    expect(renamed.statusCode).toBe(200);

    const log = await auditOf(vmbo);
    const zinnen = log.map((r) => r.zin);
    expect(zinnen).toContain('Bea Beheerder begon samenwerking ‘Techniek in de regio’.');
    expect(zinnen).toContain('Bea Beheerder stelde namens Demo Vmbo College voor dat Demo ROC meedoet in samenwerking ‘Techniek in de regio’.');
    expect(zinnen).toContain('Bea Beheerder wijzigde de naam van Demo Vmbo College naar Demo Vmbo College Noord.');
    for (const r of log) {
      expect(r.zin, r.action).toMatch(/^\S.*\.$/);
      expect(r.zin, r.action).not.toMatch(UUID);
      expect(r.zin, r.action).not.toContain(r.action);
    }
    // The stored fields are still there, next to the sentence.
    expect(log[0]).toEqual(expect.objectContaining({ id: expect.any(Number), action: 'organisation.updated', subjectType: 'organisation', subjectId: vmbo, zin: expect.any(String) }));
  });

  it('shows the log only to the beheerder (403 for a docent, 404 for an outsider)', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/organisations/${vmbo}/audit`, headers: asUser(s.docent!) })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/organisations/${roc}/audit`, headers: asUser(s.beheerder!) })).statusCode).toBe(404);
  });

  it('tells a leerroute\'s history and its audit entry as sentences with names and the school', async () => {
    const partnership = (await t.database.db.selectFrom('partnership').select(['id', 'naam']).executeTakeFirstOrThrow());
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/partnerships/${partnership.id}/leerroutes`,
      headers: asUser(s.docent!),
      payload: { naam: 'Koudetechniek doorlopend', type: 'doorlopend', vmbo: { profiel: 'PIE', leerweg: 'BB', keuzevakken: ['K/PIE/16'] }, mbo: { kwalificatie: '25282' } },
    });
    expect(created.statusCode).toBe(201);
    routeId = (created.json() as { id: string }).id;
    const historie = (await t.app.inject({ method: 'GET', url: `/api/leerroutes/${routeId}/historie`, headers: asUser(s.docent!) })).json() as Historie;
    expect(historie.regels.map((r) => r.zin)).toEqual(['Daan Docent (Demo Vmbo College Noord) maakte de leerroute ‘Koudetechniek doorlopend’ aan (Doorlopende leerroute).']);
    expect((await auditOf(vmbo)).map((r) => r.zin)).toContain(
      `Daan Docent maakte leerroute ‘Koudetechniek doorlopend’ (Doorlopende leerroute) aan in samenwerking ‘${partnership.naam}’.`,
    );
  });

  it('keeps the entries of a deleted account and names it "een verwijderd account"', async () => {
    const lars = (await t.database.db.selectFrom('app_user').select('id').where('email', '=', 'leerling@vmbo.demo').executeTakeFirstOrThrow()).id;
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/organisations/${vmbo}/members/${lars}`, headers: asUser(s.beheerder!) });
    expect(removed.statusCode).toBeLessThan(300);
    expect((await auditOf(vmbo))[0]!.zin).toBe('Bea Beheerder haalde Lars Leerling uit de organisatie (had de rol leerling).');

    const deleted = await t.app.inject({ method: 'DELETE', url: '/api/account', headers: asUser(s.leerling!), payload: { wachtwoord: PASSWORD } });
    expect(deleted.statusCode).toBeLessThan(300);
    const docentWeg = await t.app.inject({ method: 'DELETE', url: '/api/account', headers: asUser(s.docent!), payload: { wachtwoord: PASSWORD } });
    expect(docentWeg.statusCode).toBeLessThan(300);
    const log = await auditOf(vmbo);
    expect(log[0]!.action).toBe('account.deleted');
    expect(log[0]!.zin).toBe('Een lid verwijderde het eigen account (had hier de rol ontwikkelaar).');
    // The entry about Lars stays, and now reads without his name.
    expect(log[1]!.zin).toBe('Bea Beheerder haalde een verwijderd account uit de organisatie (had de rol leerling).');
    const all = log.map((r) => r.zin).join('\n');
    expect(all).not.toContain('Lars Leerling');
    expect(all).not.toContain('Daan Docent');
    // The leerroute's history keeps the line too, by the school, without the name.
    const historie = (await t.app.inject({ method: 'GET', url: `/api/leerroutes/${routeId}/historie`, headers: asUser(s.beheerder!) })).json() as Historie;
    expect(historie.regels.map((r) => r.zin)).toEqual(['Een verwijderd account (Demo Vmbo College Noord) maakte de leerroute ‘Koudetechniek doorlopend’ aan (Doorlopende leerroute).']);
  });
});

if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => undefined);
