/**
 * Issue 17: the zoekmonitor learns from teachers. Thumbs on results (staff only, one vote per person per result,
 * changeable and removable) and the crosswalks of samenwerkingen (counted per samenwerking) change the ranking and the
 * uitleg of GET /api/match, which stays public and names no voter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MatchResponse, type MatchResult } from '../../src/shared/match-api.js';
import { snapshotOf } from '../../src/server/read-models/catalogue-snapshot.js';
import { matchIndexOf } from '../../src/server/read-models/match-index.js';
import { insertPartnership } from '../../src/server/repositories/account-repository.js';
import { upsertLink } from '../../src/server/repositories/crosswalk-repository.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import { databaseAvailable, TEST_DB } from '../support/db.js';
import { startExamenWorld, type ExamenWorld } from '../support/examen-world.js';

type Dossier = Extract<MatchResult, { type: 'kwalificatie' }>;
const MATCH = '/api/match?keuzevak=K/PIE/16&soort=kwalificatie&limit=30';

describe.skipIf(!databaseAvailable)(`zoekmonitor: votes and crosswalk evidence (${TEST_DB})`, () => {
  let w: ExamenWorld;
  beforeAll(async () => {
    w = await startExamenWorld();
  });
  afterAll(async () => {
    await w?.close();
  });

  const dossiers = async (): Promise<Dossier[]> => {
    const res = await w.call('anonymous', 'GET', MATCH, undefined, 200);
    return MatchResponse.parse(res.body).results.filter((r): r is Dossier => r.type === 'kwalificatie');
  };
  const stem = (dossier: string, waarde?: 1 | -1) => ({ vraag: { soort: 'keuzevak', code: 'K/PIE/16' }, resultaat: { soort: 'kwalificatie', code: dossier }, ...(waarde ? { waarde } : {}) });
  const rows = (dossier: string) => w.t.database.db.selectFrom('zoekmonitor_stem').selectAll().where('resultaat_code', '=', dossier).execute();

  it('only signed-in staff vote: anonymous 401, a pupil 403, an unknown result 404, a missing value 400', async () => {
    const [first] = await dossiers();
    expect(first).toBeDefined();
    await w.call('anonymous', 'PUT', '/api/match/stemmen', stem(first!.dossierCrebo, 1), 401);
    await w.call('leerling', 'PUT', '/api/match/stemmen', stem(first!.dossierCrebo, 1), 403);
    await w.call('anonymous', 'GET', '/api/match/stemmen?soort=keuzevak&code=K/PIE/16', undefined, 401);
    await w.call('vmbo-ontwikkelaar', 'PUT', '/api/match/stemmen', stem('99999', 1), 404);
    await w.call('vmbo-ontwikkelaar', 'PUT', '/api/match/stemmen', { ...stem(first!.dossierCrebo, 1), vraag: { soort: 'keuzevak', code: 'K/XX/99' } }, 404);
    await w.call('vmbo-ontwikkelaar', 'PUT', '/api/match/stemmen', stem(first!.dossierCrebo), 400);
    expect(await rows(first!.dossierCrebo)).toEqual([]);
  });

  it('stores one vote per person per result (a second vote replaces it), changeable and removable, counted in GET /api/match without names', async () => {
    const before = await dossiers();
    const top = before[0]!;
    await w.call('vmbo-ontwikkelaar', 'PUT', '/api/match/stemmen', stem(top.dossierCrebo, -1), 200);
    const again = await w.call('vmbo-ontwikkelaar', 'PUT', '/api/match/stemmen', stem(top.dossierCrebo, -1), 200);
    expect(again.body.stemmen).toEqual([{ resultaatSoort: 'kwalificatie', resultaatCode: top.dossierCrebo, waarde: -1 }]);
    await w.call('mbo-ontwikkelaar', 'PUT', '/api/match/stemmen', stem(top.dossierCrebo, -1), 200);
    expect(await rows(top.dossierCrebo)).toHaveLength(2);

    const res = await w.call('anonymous', 'GET', MATCH, undefined, 200);
    const body = JSON.stringify(res.body);
    for (const id of Object.values(w.userId)) expect(body).not.toContain(id);
    expect(body).not.toContain('Docent');
    const after = (await dossiers()).find((d) => d.dossierCrebo === top.dossierCrebo)!;
    expect(after.bewijs).toEqual({ bevestigd: 0, afgewezen: 0, voor: 0, tegen: 2 });
    expect(after.uitleg).toContain('Door 2 docenten afgewezen als niet passend');
    // Bounded (score × 0.6 at two rejections): the dossier the texts clearly prefer may stay first, but its lead shrinks.
    const second = before[1]!;
    expect((await dossiers()).find((d) => d.dossierCrebo === second.dossierCrebo)!.score).toBeGreaterThan(second.score);

    // Changed: one up, one down; then both removed: the ranking is the text's again.
    const changed = await w.call('vmbo-ontwikkelaar', 'PUT', '/api/match/stemmen', stem(top.dossierCrebo, 1), 200);
    expect(changed.body.stemmen[0].waarde).toBe(1);
    expect((await dossiers()).find((d) => d.dossierCrebo === top.dossierCrebo)!.bewijs).toEqual({ bevestigd: 0, afgewezen: 0, voor: 1, tegen: 1 });
    expect((await w.call('vmbo-ontwikkelaar', 'GET', '/api/match/stemmen?soort=keuzevak&code=K/PIE/16', undefined, 200)).body.stemmen).toHaveLength(1);
    await w.call('vmbo-ontwikkelaar', 'DELETE', '/api/match/stemmen', stem(top.dossierCrebo), 200);
    await w.call('mbo-ontwikkelaar', 'DELETE', '/api/match/stemmen', stem(top.dossierCrebo), 200);
    expect(await rows(top.dossierCrebo)).toEqual([]);
    const restored = await dossiers();
    expect(restored.map((d) => d.dossierCrebo)).toEqual(before.map((d) => d.dossierCrebo));
    expect(restored.every((d) => d.bewijs === undefined)).toBe(true);
    const audit = await w.t.database.db.selectFrom('audit_log').select('action').where('action', 'like', 'zoekmonitor.%').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['zoekmonitor.stem', 'zoekmonitor.stem.ingetrokken']));
  });

  it('a link confirmed in a samenwerking raises its dossier and says so (counted once per samenwerking); with rejections the ranking changes', async () => {
    const before = await dossiers();
    expect(before.length).toBeGreaterThan(1);
    const [top, second] = [before[0]!, before[1]!];
    const snapshot = await snapshotOf(w.t.database.db);
    const k = snapshot.mbo.kwalificatiesIn(second.dossierCrebo).find((q) => q.status === 'actief')!;
    const werkprocessen = snapshot.mbo.kerntakenOf(k).kerntaken.flatMap((kt) => kt.werkprocessen.map((wp) => `${k.crebo}:${wp.code}`));
    const eindtermen = await w.t.database.db.selectFrom('vmbo_item').select('id').where('kind', '=', 'eindterm').where('code', 'like', 'K/PIE/16%').orderBy('code').limit(2).execute();
    expect(werkprocessen.length).toBeGreaterThan(0);
    expect(eindtermen).toHaveLength(2);
    // Two links of one samenwerking into the same dossier: one samenwerking.
    for (const e of eindtermen) {
      await w.call('vmbo-ontwikkelaar', 'PUT', `/api/partnerships/${w.partnership}/crosswalk/koppelingen`, { eindtermId: e.id, werkprocesId: werkprocessen[0], actie: 'toevoegen', relatie: 'verwant' }, 200);
    }
    const confirmed = await dossiers();
    const raised = confirmed.find((d) => d.dossierCrebo === second.dossierCrebo)!;
    expect(raised.bewijs).toEqual({ bevestigd: 1, afgewezen: 0, voor: 0, tegen: 0 });
    expect(raised.uitleg).toContain('Bevestigd door 1 samenwerking');
    expect(raised.score).toBeGreaterThan(second.score);

    // Two teachers find the text's favourite not fitting: the confirmed dossier comes first.
    await w.call('vmbo-beheerder', 'PUT', '/api/match/stemmen', stem(top.dossierCrebo, -1), 200);
    await w.call('mbo-beheerder', 'PUT', '/api/match/stemmen', stem(top.dossierCrebo, -1), 200);
    const after = await dossiers();
    expect(after[0]!.dossierCrebo).toBe(second.dossierCrebo);
    expect(after.find((d) => d.dossierCrebo === top.dossierCrebo)!.uitleg).toContain('Door 2 docenten afgewezen');
  });

  it('a pair confirmed in two other samenwerkingen says so in the explanation (elders, counts only), at once after each new review', async () => {
    const db = w.t.database.db;
    const index = matchIndexOf(await snapshotOf(db));
    const before = await dossiers();
    // A dossier whose explanation has two pairs without evidence yet (the tests above reviewed other pairs).
    const d = before.find((r) => r.explanation.pairs.length >= 2 && r.explanation.pairs.every((p) => p.elders === undefined))!;
    expect(d).toBeDefined();
    const ids = (i: number) => {
      const p = d.explanation.pairs[i]!;
      return { eindtermId: index.eindtermRef(p.eindterm.code!)!.id, werkprocesId: `${d.crebo}:${p.werkproces.code}` };
    };
    const samenwerking = async (n: string) => {
      const school = await createUser({ db, email: `docent@${n}.test`, naam: `Docent ${n}`, organisatie: `College ${n}`, soort: 'vmbo-school', rol: 'ontwikkelaar', password: 'wachtwoord-van-de-test' });
      return { id: await insertPartnership(db, `Samenwerking ${n}`, [school.organisationId, w.org.mbo]), userId: school.userId };
    };
    const [p2, p3] = [await samenwerking('paar-twee'), await samenwerking('paar-drie')];
    const review = (s: { id: string; userId: string }, pair: { eindtermId: string; werkprocesId: string }, status: 'bevestigd' | 'afgewezen') =>
      upsertLink(db, { partnershipId: s.id, ...pair, status, herkomst: 'voorgesteld', relatie: null, toelichting: null, userId: s.userId });
    const pairsOf = async () => (await dossiers()).find((r) => r.dossierCrebo === d.dossierCrebo)!.explanation.pairs;

    await review(p2, ids(0), 'bevestigd');
    await review(p3, ids(0), 'bevestigd');
    const after = await pairsOf();
    expect(after[0]!.elders).toEqual({ bevestigd: 2, afgewezen: 0, label: 'bevestigd door 2 samenwerkingen' });
    expect(after[1]!.elders).toBeUndefined();
    const body = JSON.stringify((await w.call('anonymous', 'GET', MATCH, undefined, 200)).body);
    expect(body).toContain('bevestigd door 2 samenwerkingen');
    for (const name of ['Samenwerking paar', 'College paar', p2.id, p3.id, p2.userId, p3.userId]) expect(body).not.toContain(name);

    // A further review of a samenwerking already counted for this keuzevak and dossier (the dossier's own evidence
    // stays the same): the pair's label is there at the next question, not an answer kept from before.
    await review(p2, ids(1), 'bevestigd');
    expect((await pairsOf())[1]!.elders).toEqual({ bevestigd: 1, afgewezen: 0, label: 'bevestigd door 1 samenwerking' });
    await review(p3, ids(0), 'afgewezen');
    expect((await pairsOf())[0]!.elders).toEqual({ bevestigd: 1, afgewezen: 1, label: 'bevestigd door 1 samenwerking; door docenten afgewezen in 1 samenwerking' });
  });
  it('a change written outside this process (another instance, a script) is seen by the next question; the evidence version rises once per transaction, not for a read or a rolled-back change', async () => {
    const db = w.t.database.db;
    const versie = async () => Number((await db.selectFrom('zoekmonitor_bewijs_versie').select('versie').executeTakeFirstOrThrow()).versie);
    const before = await dossiers();
    const v0 = await versie();
    await dossiers();
    expect(await versie()).toBe(v0);

    // Two votes in one transaction, straight into the table: one new version, and the next question counts both.
    const target = before[2]!;
    await db.transaction().execute(async (trx) => {
      for (const rol of ['vmbo-examinator', 'mbo-beoordelaar'] as const) {
        await trx.insertInto('zoekmonitor_stem').values({ user_id: w.userId[rol], vraag_soort: 'keuzevak', vraag_code: 'K/PIE/16', resultaat_soort: 'kwalificatie', resultaat_code: target.dossierCrebo, waarde: 1 }).execute();
      }
    });
    expect(await versie()).toBe(v0 + 1);
    expect((await dossiers()).find((d) => d.dossierCrebo === target.dossierCrebo)!.bewijs).toEqual({ bevestigd: 0, afgewezen: 0, voor: 2, tegen: 0 });

    // A change that is rolled back leaves version and answer as they were.
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.deleteFrom('zoekmonitor_stem').where('resultaat_code', '=', target.dossierCrebo).execute();
        throw new Error('teruggedraaid');
      }),
    ).rejects.toThrow('teruggedraaid');
    expect(await versie()).toBe(v0 + 1);
    expect((await dossiers()).find((d) => d.dossierCrebo === target.dossierCrebo)!.bewijs).toEqual({ bevestigd: 0, afgewezen: 0, voor: 2, tegen: 0 });

    // A samenwerking that stops being real (its mbo party leaves) no longer counts: its crosswalk evidence is gone at once.
    const confirmedBefore = (await dossiers()).filter((d) => (d.bewijs?.bevestigd ?? 0) > 0);
    expect(confirmedBefore.length).toBeGreaterThan(0);
    await db.updateTable('partnership_member').set({ status: 'voorgesteld' }).where('partnership_id', '=', w.partnership).where('organisation_id', '=', w.org.mbo).execute();
    expect(await versie()).toBe(v0 + 2);
    const bevestigd = (list: Dossier[]) => new Map(list.map((d) => [d.dossierCrebo, d.bewijs?.bevestigd ?? 0]));
    const [was, now] = [bevestigd(confirmedBefore), bevestigd(await dossiers())];
    // The other samenwerkingen of the test above still count; this one's confirmations are gone.
    expect([...was].every(([crebo, n]) => (now.get(crebo) ?? 0) <= n)).toBe(true);
    expect([...was].some(([crebo, n]) => (now.get(crebo) ?? 0) < n)).toBe(true);
    await db.updateTable('partnership_member').set({ status: 'lid' }).where('partnership_id', '=', w.partnership).where('organisation_id', '=', w.org.mbo).execute();
    await db.deleteFrom('zoekmonitor_stem').where('resultaat_code', '=', target.dossierCrebo).execute();
  });

  it.skipIf(TEST_DB !== 'postgres')('a review still at work does not hold up a vote elsewhere: the version row is taken only at commit', async () => {
    const db = w.t.database.db;
    const [first] = await dossiers();
    const eindterm = await db.selectFrom('vmbo_item').select('id').where('kind', '=', 'eindterm').where('code', 'like', 'K/PIE/16%').orderBy('code', 'desc').executeTakeFirstOrThrow();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let changed!: () => void;
    const inserted = new Promise<void>((resolve) => (changed = resolve));
    const review = db.transaction().execute(async (trx) => {
      await upsertLink(trx, { partnershipId: w.partnership, eindtermId: eindterm.id, werkprocesId: `${first!.crebo}:B1-K1-W1`, status: 'afgewezen', herkomst: 'handmatig', relatie: null, toelichting: null, userId: w.userId['vmbo-ontwikkelaar'] });
      changed();
      await held;
    });
    await inserted;
    // The review's transaction is open; a vote on another connection commits without waiting for it.
    const vote = w.call('mbo-beheerder', 'PUT', '/api/match/stemmen', stem(first!.dossierCrebo, 1), 200);
    const outcome = await Promise.race([vote.then(() => 'gestemd'), new Promise((r) => setTimeout(() => r('wacht'), 5000))]);
    release();
    await review;
    expect(outcome).toBe('gestemd');
    await w.call('mbo-beheerder', 'DELETE', '/api/match/stemmen', stem(first!.dossierCrebo), 200);
    await db.deleteFrom('crosswalk_link').where('eindterm_id', '=', eindterm.id).where('status', '=', 'afgewezen').execute();
  });
  it('what teachers said about an alike unit of the profiel lifts a dossier for a unit nobody judged, and the uitleg says so', async () => {
    // In the demo catalogue the profielmodule P/PIE/04 (Installeren en monteren) reads like K/PIE/16 (Koudetechniek).
    const before = await dossiers();
    const target = before[before.length - 1]!;
    expect(target.score).toBeLessThan(1);
    expect(target.uitleg).not.toContain('Docenten vonden');
    const op = (waarde?: 1) => ({ vraag: { soort: 'profielmodule', code: 'P/PIE/04' }, resultaat: { soort: 'kwalificatie', code: target.dossierCrebo }, ...(waarde ? { waarde } : {}) });
    for (const rol of ['vmbo-examinator', 'mbo-beoordelaar'] as const) await w.call(rol, 'PUT', '/api/match/stemmen', op(1), 200);
    const lifted = (await dossiers()).find((d) => d.dossierCrebo === target.dossierCrebo)!;
    expect(lifted.score).toBeGreaterThan(target.score);
    expect(lifted.uitleg).toContain('Docenten vonden dit dossier passend bij 1 profielmodule van hetzelfde profiel met een vergelijkbare tekst; daardoor staat het hoger.');
    // K/PIE/16 itself has no evidence for it: no counts of its own.
    expect(lifted.bewijs?.voor ?? 0).toBe(target.bewijs?.voor ?? 0);
    for (const rol of ['vmbo-examinator', 'mbo-beoordelaar'] as const) await w.call(rol, 'DELETE', '/api/match/stemmen', op(), 200);
    const back = (await dossiers()).find((d) => d.dossierCrebo === target.dossierCrebo)!;
    expect(back.score).toBe(target.score);
    expect(back.uitleg).not.toContain('Docenten vonden');
  });
});
