/**
 * Issue 17 at pair level: a pair eindterm ↔ werkproces confirmed in the crosswalks of two other samenwerkingen is
 * raised (and labelled "bevestigd door 2 samenwerkingen") in a third samenwerking's inventory; a pair rejected there is
 * lowered ("door docenten afgewezen"). Counted per samenwerking with an accepted vmbo school and mbo instelling, the
 * viewer's own samenwerking left out; the answer (field `elders` of each link) names no samenwerking, organisation or
 * person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCatalogue } from '../../src/server/demo/seed-demo.js';
import { insertPartnership } from '../../src/server/repositories/account-repository.js';
import { upsertLink } from '../../src/server/repositories/crosswalk-repository.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import { resolveSession } from '../../src/server/use-cases/auth/session.js';
import { getInventory } from '../../src/server/use-cases/inventory/get-inventory.js';
import { Inventaris, type Koppeling } from '../../src/shared/inventory-api.js';
import { asUser, signIn, startAccountsApp, type AccountsApp, type Session } from '../support/accounts.js';
import { databaseAvailable, TEST_DB } from '../support/db.js';

const SELECTIE = 'keuzevakken=K/PIE/16&kwalificatie=25282';
const QUERY = { keuzevakken: ['K/PIE/16'], kwalificatie: '25282' };

describe.skipIf(!databaseAvailable)(`inventory: pairs confirmed or rejected in other samenwerkingen (${TEST_DB})`, () => {
  let t: AccountsApp;
  let demo: string;
  let p2: string;
  let p3: string;
  let lone: string;
  const reviewer: Record<string, string> = {};
  let viewer: Session;

  beforeAll(async () => {
    t = await startAccountsApp();
    const db = t.database.db;
    await seedDemoCatalogue(db);
    demo = (await db.selectFrom('partnership').select('id').executeTakeFirstOrThrow()).id;
    const roc = (await db.selectFrom('organisation').select('id').where('naam', '=', 'Demo ROC').executeTakeFirstOrThrow()).id;
    const school = async (n: string) => createUser({ db, email: `docent@${n}.demo`, naam: `Docent ${n}`, organisatie: `College ${n}`, soort: 'vmbo-school', rol: 'ontwikkelaar', password: 'demo-wachtwoord' });
    const [tweede, derde, alleen] = [await school('tweede'), await school('derde'), await school('alleen')];
    p2 = await insertPartnership(db, 'Samenwerking Tweede', [tweede.organisationId, roc]);
    p3 = await insertPartnership(db, 'Samenwerking Derde', [derde.organisationId, roc]);
    // Only a vmbo school: not a real samenwerking, its reviews never count.
    lone = await insertPartnership(db, 'Samenwerking Alleen', [alleen.organisationId]);
    reviewer[p2] = tweede.userId;
    reviewer[p3] = derde.userId;
    reviewer[lone] = alleen.userId;
    viewer = await signIn(t.app, 'docent@vmbo.demo');
  });
  afterAll(async () => {
    await t?.close();
  });

  const review = (partnershipId: string, l: { eindtermId: string; werkprocesId: string }, status: 'bevestigd' | 'afgewezen') =>
    upsertLink(t.database.db, { partnershipId, eindtermId: l.eindtermId, werkprocesId: l.werkprocesId, status, herkomst: 'voorgesteld', relatie: null, toelichting: null, userId: reviewer[partnershipId]! });
  const overHttp = async (query = SELECTIE) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/partnerships/${demo}/inventaris?${query}`, headers: asUser(viewer) });
    expect(res.statusCode).toBe(200);
    return { inv: Inventaris.parse(res.json()), body: res.body };
  };
  /** The use case's answer before serialization: it carries the evidence (`elders`) of every link. */
  const inUseCase = async (partnershipId: string | undefined, min?: 'zwak') => {
    const auth = partnershipId ? await resolveSession({ db: t.database.db, token: viewer.token }) : null;
    return getInventory({ db: t.database.db, auth, ...(partnershipId ? { partnershipId } : {}), query: { ...QUERY, ...(min ? { min } : {}) } });
  };
  const find = (links: readonly Koppeling[], p: { eindtermId: string; werkprocesId: string }) => links.find((l) => l.eindtermId === p.eindtermId && l.werkprocesId === p.werkprocesId);

  it('raises a pair confirmed in two other samenwerkingen, lowers one rejected there, ignores a samenwerking without an mbo partner', async () => {
    const before = (await overHttp(`${SELECTIE}&min=zwak`)).inv;
    const counted = (await overHttp()).inv;
    expect(counted.links.length).toBeGreaterThan(1);
    expect(before.links.every((l) => l.status === 'voorgesteld')).toBe(true);
    // A: a weak suggestion, or a pair the aligner does not suggest at all.
    const zwak = before.links.find((l) => l.confidence === 'zwak');
    const suggested = new Set(before.links.map((l) => `${l.eindtermId}|${l.werkprocesId}`));
    const unsuggested = before.vmbo.flatMap((e) => before.mbo.map((w) => ({ eindtermId: e.id, werkprocesId: w.id }))).find((p) => !suggested.has(`${p.eindtermId}|${p.werkprocesId}`))!;
    const a = zwak ?? unsuggested;
    // B: a counted suggestion (sterk or mogelijk) of another eindterm; C: a pair only the lone samenwerking confirms.
    const b = counted.links.find((l) => l.eindtermId !== a.eindtermId)!;
    const c = before.vmbo.flatMap((e) => before.mbo.map((w) => ({ eindtermId: e.id, werkprocesId: w.id }))).find((p) => !suggested.has(`${p.eindtermId}|${p.werkprocesId}`) && p.eindtermId !== a.eindtermId && p.eindtermId !== b.eindtermId)!;
    expect(find(counted.links, a)).toBeUndefined();

    await review(p2, a, 'bevestigd');
    await review(p3, a, 'bevestigd');
    await review(p2, b, 'afgewezen');
    await review(p3, b, 'afgewezen');
    await review(lone, c, 'bevestigd');

    // Over HTTP, in the demo samenwerking: A is proposed as sterk and counts; B drops out of the counted links.
    const { inv: after, body } = await overHttp();
    expect(find(after.links, a)).toMatchObject({ status: 'voorgesteld', confidence: 'sterk', elders: { bevestigd: 2, afgewezen: 0, label: 'bevestigd door 2 samenwerkingen' } });
    expect(after.vmbo.find((i) => i.id === a.eindtermId)?.classificatie).toBe('beiden');
    expect(find(after.links, b)).toBeUndefined();
    expect(find(after.links, c)).toBeUndefined();
    const zwakAfter = (await overHttp(`${SELECTIE}&min=zwak`)).inv;
    expect(find(zwakAfter.links, b)).toMatchObject({ status: 'voorgesteld', confidence: 'zwak', elders: { bevestigd: 0, afgewezen: 2, label: 'door docenten afgewezen in 2 samenwerkingen' } });
    // Counts only: no samenwerking, organisation or person of the others is in the answer.
    for (const secret of [p2, p3, lone, 'Samenwerking Tweede', 'Samenwerking Derde', 'College tweede', 'Docent tweede', 'Docent derde', ...Object.values(reviewer)]) expect(body).not.toContain(secret);

    // The same in the use case's answer, for every link.
    const own = await inUseCase(demo, 'zwak');
    expect(find(own.links, a)?.elders).toEqual({ bevestigd: 2, afgewezen: 0, label: 'bevestigd door 2 samenwerkingen' });
    expect(find(own.links, b)?.elders).toEqual({ bevestigd: 0, afgewezen: 2, label: 'door docenten afgewezen in 2 samenwerkingen' });
    expect(find(own.links, c)).toBeUndefined();
    expect(own.links.filter((l) => l.elders).length).toBe(2);
    // The public inventory counts every real samenwerking, too.
    const publiek = await inUseCase(undefined);
    expect(find(publiek.links, a)).toMatchObject({ confidence: 'sterk', elders: { bevestigd: 2 } });
  });

  it("leaves the viewer's own samenwerking out of its count (its review is shown as itself), not out of the others'", async () => {
    const a = (await inUseCase(demo)).links.find((l) => l.elders?.bevestigd === 2)!;
    const res = await t.app.inject({ method: 'PUT', url: `/api/partnerships/${demo}/crosswalk/koppelingen`, headers: asUser(viewer), payload: { eindtermId: a.eindtermId, werkprocesId: a.werkprocesId, actie: 'bevestigen' } });
    expect(res.statusCode).toBe(200);
    expect(find((await inUseCase(demo)).links, a)).toMatchObject({ status: 'bevestigd', elders: { bevestigd: 2, afgewezen: 0, label: 'bevestigd door 2 samenwerkingen' } });
    // The demo samenwerking has an accepted vmbo school and mbo instelling: publicly its confirmation is the third.
    expect(find((await inUseCase(undefined)).links, a)?.elders).toEqual({ bevestigd: 3, afgewezen: 0, label: 'bevestigd door 3 samenwerkingen' });
  });
});
