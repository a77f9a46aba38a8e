/**
 * Issue 12: saved selections of the overlap inventory within a samenwerking. One school saves a selection under a
 * name, the partner school lists and opens it (no rebuilding), renames it, and deletes it; a stale versie is a 409 that
 * changes nothing; bad input is a Dutch 400 that changes nothing; every change is in the audit log; outsiders see
 * nothing and leerlingen may not read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCatalogue } from '../../src/server/demo/seed-demo.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import { Inventaris, OpgeslagenSelectie, OpgeslagenSelecties } from '../../src/shared/inventory-api.js';
import { asUser, signIn, startAccountsApp, type AccountsApp, type Session } from '../support/accounts.js';
import { databaseAvailable, SKIP_NO_DB, TEST_DB } from '../support/db.js';

describe.skipIf(!databaseAvailable)(`saved inventory selections (${TEST_DB})`, () => {
  let t: AccountsApp;
  let partnership: string;
  let vmboDocent: Session;
  let rocDocent: Session;
  let leerling: Session;
  let outsider: Session;

  beforeAll(async () => {
    t = await startAccountsApp();
    await seedDemoCatalogue(t.database.db);
    partnership = (await t.database.db.selectFrom('partnership').select('id').executeTakeFirstOrThrow()).id;
    await createUser({ db: t.database.db, email: 'beheerder@ander.demo', naam: 'Ander', organisatie: 'Ander College', soort: 'vmbo-school', rol: 'beheerder', password: 'demo-wachtwoord' });
    vmboDocent = await signIn(t.app, 'docent@vmbo.demo');
    rocDocent = await signIn(t.app, 'docent@roc.demo');
    leerling = await signIn(t.app, 'leerling@vmbo.demo');
    outsider = await signIn(t.app, 'beheerder@ander.demo');
  });
  afterAll(async () => {
    await t?.close();
  });

  const url = (id = partnership) => `/api/partnerships/${id}/inventaris/selecties`;
  const send = async (method: 'POST' | 'PUT' | 'DELETE' | 'GET', path: string, session?: Session, payload?: object) => {
    const res = await t.app.inject({ method, url: path, headers: session ? asUser(session) : {}, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: res.body ? (res.json() as Record<string, unknown>) : {}, type: String(res.headers['content-type'] ?? '') };
  };
  const list = async (session: Session) => {
    const res = await send('GET', url(), session);
    expect(res.status).toBe(200);
    return OpgeslagenSelecties.parse(res.body).selecties;
  };
  const rows = async () => t.database.db.selectFrom('inventaris_selectie').selectAll().orderBy('naam').execute();
  const audit = async (action: string) => t.database.db.selectFrom('audit_log').select(['action', 'actor_user_id', 'subject_id']).where('action', '=', action).execute();

  it('saves a selection under a name, which the partner school lists and opens as it was saved', async () => {
    const saved = await send('POST', url(), vmboDocent, { naam: 'Techniek BB 2026', selectie: { keuzevakken: 'K/PIE/16', leerweg: 'bb', kwalificatie: '25282', min: 'zwak' } });
    expect(saved.status).toBe(201);
    const s = OpgeslagenSelectie.parse(saved.body);
    expect(s).toMatchObject({ naam: 'Techniek BB 2026', versie: 1, gemaaktDoor: expect.any(String) });
    expect(s.selectie).toEqual({ profiel: null, leerweg: 'BB', keuzevakken: ['K/PIE/16'], profielmodulen: [], kwalificatie: '25282', keuzedelen: [], min: 'zwak' });

    // The mbo teacher of the partner sees it and opens the same inventory, without rebuilding it.
    const theirs = await list(rocDocent);
    const found = theirs.find((x) => x.id === s.id)!;
    expect(found.selectie).toEqual(s.selectie);
    const q = new URLSearchParams({ keuzevakken: found.selectie.keuzevakken.join(','), leerweg: found.selectie.leerweg!, kwalificatie: found.selectie.kwalificatie! });
    const inv = await send('GET', `/api/partnerships/${partnership}/inventaris?${q}`, rocDocent);
    expect(inv.status).toBe(200);
    expect(Inventaris.parse(inv.body).selectie.vmbo.keuzevakken.map((k) => k.code)).toEqual(['K/PIE/16']);
    expect(await audit('inventaris.selectie.opgeslagen')).toHaveLength(1);
  });

  it('renames with the versie the partner saw; a stale versie is a 409 and changes nothing', async () => {
    const [s] = await list(rocDocent);
    const renamed = await send('PUT', `${url()}/${s!.id}`, rocDocent, { versie: s!.versie, naam: 'Techniek BB (mbo bekeken)' });
    expect(renamed.status).toBe(200);
    expect(OpgeslagenSelectie.parse(renamed.body)).toMatchObject({ naam: 'Techniek BB (mbo bekeken)', versie: 2 });
    const before = await rows();
    // The vmbo teacher still holds versie 1.
    const stale = await send('PUT', `${url()}/${s!.id}`, vmboDocent, { versie: 1, naam: 'Mijn naam' });
    expect(stale.status).toBe(409);
    expect(stale.type).toContain('application/problem+json');
    expect(String(stale.body.detail)).toMatch(/intussen door iemand anders gewijzigd/);
    const deleteStale = await send('DELETE', `${url()}/${s!.id}?versie=1`, vmboDocent);
    expect(deleteStale.status).toBe(409);
    expect(await rows()).toEqual(before);
    expect(await audit('inventaris.selectie.hernoemd')).toHaveLength(1);
  });

  it('refuses a name that the samenwerking already has (regardless of capitals), unknown codes and empty names with a Dutch 4xx; nothing changes', async () => {
    const before = await rows();
    const dup = await send('POST', url(), rocDocent, { naam: 'techniek bb (MBO bekeken)', selectie: { keuzevakken: 'K/PIE/16', kwalificatie: '25282' } });
    expect(dup.status).toBe(409);
    expect(String(dup.body.detail)).toMatch(/Er is al een selectie met de naam/);
    const unknown = await send('POST', url(), rocDocent, { naam: 'Onbekend', selectie: { keuzevakken: 'K/PIE/99', kwalificatie: '25282' } });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toMatch(/K\/PIE\/99 bestaat niet/);
    expect(JSON.stringify(unknown.body)).toContain('selectie.keuzevakken');
    const oneSide = await send('POST', url(), rocDocent, { naam: 'Alleen vmbo', selectie: { keuzevakken: 'K/PIE/16' } });
    expect(oneSide.status).toBe(400);
    for (const payload of [{ naam: '   ', selectie: { keuzevakken: 'K/PIE/16', kwalificatie: '25282' } }, { naam: 'x'.repeat(121), selectie: {} }, { selectie: {} }, { naam: 'Geen selectie' }, { naam: 'Fout', selectie: { keuzevakken: '<script>' } }]) {
      const res = await send('POST', url(), rocDocent, payload);
      expect(res.status, JSON.stringify(payload)).toBe(400);
      expect(res.type).toContain('application/problem+json');
    }
    const [s] = await list(rocDocent);
    for (const payload of [{ naam: 'Zonder versie' }, { versie: s!.versie }, { versie: 'twee', naam: 'x' }]) {
      expect((await send('PUT', `${url()}/${s!.id}`, rocDocent, payload)).status, JSON.stringify(payload)).toBe(400);
    }
    expect((await send('PUT', `${url()}/niet-een-id`, rocDocent, { versie: 1, naam: 'x' })).status).toBe(400);
    expect((await send('DELETE', `${url()}/${s!.id}`, rocDocent)).status).toBe(400);
    expect((await send('PUT', `${url()}/00000000-0000-4000-8000-000000000000`, rocDocent, { versie: 1, naam: 'x' })).status).toBe(404);
    expect(await rows()).toEqual(before);
  });

  it('lets leerlingen not read, outsiders not learn it exists, and anonymous callers sign in first', async () => {
    const before = await rows();
    expect((await send('GET', url(), leerling)).status).toBe(403);
    expect((await send('POST', url(), leerling, { naam: 'Leerling', selectie: { keuzevakken: 'K/PIE/16', kwalificatie: '25282' } })).status).toBe(403);
    expect((await send('GET', url(), outsider)).status).toBe(404);
    const [s] = await list(rocDocent);
    expect((await send('PUT', `${url()}/${s!.id}`, outsider, { versie: s!.versie, naam: 'Overgenomen' })).status).toBe(404);
    expect((await send('DELETE', `${url()}/${s!.id}?versie=${s!.versie}`, outsider)).status).toBe(404);
    expect((await send('GET', url())).status).toBe(401);
    expect(await rows()).toEqual(before);
  });

  it('changes the selection itself and deletes it with the current versie', async () => {
    const [s] = await list(vmboDocent);
    const changed = await send('PUT', `${url()}/${s!.id}`, vmboDocent, { versie: s!.versie, selectie: { profiel: 'PIE', kwalificatie: '25282' } });
    expect(changed.status).toBe(200);
    const c = OpgeslagenSelectie.parse(changed.body);
    expect(c.selectie).toMatchObject({ profiel: 'PIE', keuzevakken: [], kwalificatie: '25282' });
    expect(c.naam).toBe(s!.naam);
    const deleted = await send('DELETE', `${url()}/${s!.id}?versie=${c.versie}`, vmboDocent);
    expect(deleted.status).toBe(204);
    expect(await list(rocDocent)).toEqual([]);
    expect(await audit('inventaris.selectie.verwijderd')).toHaveLength(1);
    expect((await send('DELETE', `${url()}/${s!.id}?versie=${c.versie}`, vmboDocent)).status).toBe(404);
  });
});

if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
