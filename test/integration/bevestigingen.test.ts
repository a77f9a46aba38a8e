/**
 * Public confirmation counts for whole catalogue pages (issue 5): the werkprocessen of a kwalificatie and the
 * eindtermen of a profielmodule (besides a keuzevak), with the eindterm's code and title, counting samenwerkingen
 * only (never which); rejected links do not count, nor samenwerkingen without an accepted vmbo school and mbo
 * instelling; bad input is 400, an unknown kwalificatie or profielmodule 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCatalogue } from '../../src/server/demo/seed-demo.js';
import { insertPartnership } from '../../src/server/repositories/account-repository.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import { ProfielmoduleDetail } from '../../src/shared/catalog-api.js';
import { Bevestigingen } from '../../src/shared/inventory-api.js';
import { asUser, signIn, startAccountsApp, type AccountsApp, type Session } from '../support/accounts.js';
import { databaseAvailable, SKIP_NO_DB, TEST_DB } from '../support/db.js';

describe.skipIf(!databaseAvailable)(`public confirmation counts per kwalificatie and profielmodule (${TEST_DB})`, () => {
  let t: AccountsApp;
  let partnership: string;
  let otherPartnership: string;
  let daan: Session;
  let anna: Session;

  beforeAll(async () => {
    t = await startAccountsApp();
    await seedDemoCatalogue(t.database.db);
    const db = t.database.db;
    partnership = (await db.selectFrom('partnership').select('id').where('naam', '=', 'Demo doorlopende leerroute techniek').executeTakeFirstOrThrow()).id;
    const ander = await createUser({ db, email: 'docent@ander.demo', naam: 'Anna Ander', organisatie: 'Ander College', soort: 'vmbo-school', rol: 'ontwikkelaar', password: 'demo-wachtwoord' });
    const roc = (await db.selectFrom('organisation').select('id').where('naam', '=', 'Demo ROC').executeTakeFirstOrThrow()).id;
    otherPartnership = await insertPartnership(db, 'Andere samenwerking', [ander.organisationId, roc]);
    daan = await signIn(t.app, 'docent@vmbo.demo');
    anna = await signIn(t.app, 'docent@ander.demo');
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = async (query: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/crosswalk/bevestigingen?${query}` });
    return { status: res.statusCode, body: res.body, links: res.statusCode === 200 ? Bevestigingen.parse(res.json()).links : [] };
  };
  const review = async (session: Session, id: string, payload: object) => {
    const res = await t.app.inject({ method: 'PUT', url: `/api/partnerships/${id}/crosswalk/koppelingen`, headers: asUser(session), payload });
    expect(res.statusCode, res.body).toBe(200);
  };

  it('counts the confirmed links of every werkproces of a kwalificatie and every eindterm of a profielmodule', async () => {
    const pm = ProfielmoduleDetail.parse((await t.app.inject({ method: 'GET', url: '/api/vmbo/profielmodulen/P-PIE-04' })).json());
    const [e1, e2] = pm.deeltaken.flatMap((d) => d.eindtermen);
    expect(e1 && e2, 'two eindtermen in P/PIE/04').toBeTruthy();
    // Two samenwerkingen confirm e1–B1-K1-W1; one confirms e2–B1-K2-W1; a rejected link does not count.
    await review(daan, partnership, { eindtermId: e1!.id, werkprocesId: '25282:B1-K1-W1', actie: 'toevoegen', relatie: 'deels' });
    await review(anna, otherPartnership, { eindtermId: e1!.id, werkprocesId: '25282:B1-K1-W1', actie: 'toevoegen' });
    await review(daan, partnership, { eindtermId: e2!.id, werkprocesId: '25282:B1-K2-W1', actie: 'toevoegen' });
    await review(anna, otherPartnership, { eindtermId: e2!.id, werkprocesId: '25282:B1-K1-W2', actie: 'toevoegen' });
    await review(anna, otherPartnership, { eindtermId: e2!.id, werkprocesId: '25282:B1-K1-W2', actie: 'afwijzen' });

    const perKwalificatie = await get('kwalificatie=25282');
    expect(perKwalificatie.status).toBe(200);
    const sorted = (links: typeof perKwalificatie.links) => [...links].sort((a, b) => a.werkprocesId.localeCompare(b.werkprocesId));
    expect(sorted(perKwalificatie.links)).toEqual([
      { eindtermId: e1!.id, eindtermCode: e1!.code, eindterm: e1!.title, werkprocesId: '25282:B1-K1-W1', werkprocesCode: 'B1-K1-W1', werkproces: expect.any(String), werkprocesContext: expect.stringMatching(/^25282 /), aantalSamenwerkingen: 2 },
      { eindtermId: e2!.id, eindtermCode: e2!.code, eindterm: e2!.title, werkprocesId: '25282:B1-K2-W1', werkprocesCode: 'B1-K2-W1', werkproces: expect.any(String), werkprocesContext: expect.stringMatching(/^25282 /), aantalSamenwerkingen: 1 },
    ]);
    for (const secret of [partnership, otherPartnership, 'Demo doorlopende leerroute', 'Andere samenwerking', 'Daan', 'Anna']) expect(perKwalificatie.body).not.toContain(secret);

    // The same links from the profielmodule's side (slug or code), nothing for another profielmodule or kwalificatie.
    for (const code of ['P-PIE-04', 'p/pie/04']) expect(sorted((await get(`profielmodule=${encodeURIComponent(code)}`)).links)).toEqual(sorted(perKwalificatie.links));
    expect((await get('profielmodule=P-PIE-02')).links).toEqual([]);
    expect((await get('kwalificatie=25281')).links).toEqual([]);
  });

  it('counts only samenwerkingen with an accepted vmbo school and an accepted mbo instelling', async () => {
    const db = t.database.db;
    const pm = ProfielmoduleDetail.parse((await t.app.inject({ method: 'GET', url: '/api/vmbo/profielmodulen/P-PIE-04' })).json());
    const [e1, e2] = pm.deeltaken.flatMap((d) => d.eindtermen);
    const orgId = async (naam: string) => (await db.selectFrom('organisation').select('id').where('naam', '=', naam).executeTakeFirstOrThrow()).id;
    const [vmbo, ander, roc] = await Promise.all([orgId('Demo Vmbo College'), orgId('Ander College'), orgId('Demo ROC')]);
    // A samenwerking of one vmbo school alone, and one whose mbo party was proposed but never accepted.
    const alleenVmbo = await insertPartnership(db, 'Alleen een vmbo-school', [vmbo]);
    const voorstel = await insertPartnership(db, 'Voorstel zonder antwoord', [ander, roc]);
    await db.updateTable('partnership_member').set({ status: 'voorgesteld', voorgesteld_door: ander }).where('partnership_id', '=', voorstel).where('organisation_id', '=', roc).execute();
    const before = await get('kwalificatie=25282');
    for (const [session, id] of [[daan, alleenVmbo], [anna, voorstel]] as const) {
      await review(session, id, { eindtermId: e1!.id, werkprocesId: '25282:B1-K1-W1', actie: 'toevoegen' });
      await review(session, id, { eindtermId: e2!.id, werkprocesId: '25282:B1-K1-W2', actie: 'toevoegen' });
    }
    const after = await get('kwalificatie=25282');
    expect(after.links).toEqual(before.links);
    expect(after.links.find((l) => l.werkprocesId === '25282:B1-K1-W1')?.aantalSamenwerkingen).toBe(2);
    expect(after.links.find((l) => l.werkprocesId === '25282:B1-K1-W2')).toBeUndefined();
    // Once the mbo instelling accepts, that samenwerking counts.
    await db.updateTable('partnership_member').set({ status: 'lid' }).where('partnership_id', '=', voorstel).where('organisation_id', '=', roc).execute();
    const accepted = await get('kwalificatie=25282');
    expect(accepted.links.find((l) => l.werkprocesId === '25282:B1-K1-W1')?.aantalSamenwerkingen).toBe(3);
    expect(accepted.links.find((l) => l.werkprocesId === '25282:B1-K1-W2')?.aantalSamenwerkingen).toBe(1);
  });

  it('answers bad queries with 400 and unknown kwalificaties or profielmodulen with 404, in Dutch', async () => {
    for (const q of ['kwalificatie=abc', 'kwalificatie=123456', 'kwalificatie=25282&profielmodule=P-PIE-04', 'profielmodule=%3Cscript%3E']) {
      const res = await get(q);
      expect(res.status, q).toBe(400);
    }
    const kwalificatie = await t.app.inject({ method: 'GET', url: '/api/crosswalk/bevestigingen?kwalificatie=99999' });
    expect(kwalificatie.statusCode).toBe(404);
    expect(kwalificatie.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(kwalificatie.json()).toMatchObject({ detail: 'Kwalificatie 99999 bestaat niet in de catalogus.' });
    const pm = await t.app.inject({ method: 'GET', url: '/api/crosswalk/bevestigingen?profielmodule=P-XX-01' });
    expect(pm.statusCode).toBe(404);
    expect(pm.json()).toMatchObject({ detail: 'Profielmodule P/XX/01 bestaat niet in de catalogus.' });
  });
});

if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
