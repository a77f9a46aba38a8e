/**
 * Issue 10, finding 3: a password reset request for an existing account must not answer measurably
 * slower than one for an unknown address. Measured as the probe did: the median of 100 requests each.
 * Every request asks for another address (known: one of 120 accounts made for the test), so the limits
 * do the same work for both and never refuse. The two kinds are mixed in a random order (so load on the
 * machine hits both alike), and the background mail work of one request is finished before the next
 * starts (only the answer's own time is measured). Before the fix the known address took 2 to 2.5 times
 * as long (3.6 against 1.4 ms on an idle machine, 25 against 13 ms on a loaded one).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailQueueOf } from '../../src/server/http/app.js';
import { insertUser } from '../../src/server/repositories/account-repository.js';
import { databaseAvailable, SKIP_NO_DB, TEST_DB } from '../support/db.js';
import { startAccountsApp, type AccountsApp } from '../support/accounts.js';

const ROUNDS = 100;
const WARM_UP = 20;

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length / 2;
  return sorted.length % 2 === 0 ? (sorted[mid - 1]! + sorted[mid]!) / 2 : sorted[Math.floor(mid)]!;
}

describe.skipIf(!databaseAvailable)(`password reset timing (${TEST_DB})`, () => {
  let t: AccountsApp;
  beforeAll(async () => {
    // All requests come from one client address: its limit out of the way (this test is about time).
    t = await startAccountsApp({ rateLimits: { resetAddress: { max: 1_000_000, windowMs: 60 * 60_000 } } });
    for (let i = 0; i < WARM_UP + ROUNDS; i += 1) {
      await insertUser(t.database.db, { email: `bekend-${i}@school.nl`, naam: `Bekend ${i}`, passwordHash: null });
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers a known and an unknown address in the same time (medians of 100 requests each)', async () => {
    let knownSeq = 0;
    let unknownSeq = 0;
    const request = async (email: string): Promise<number> => {
      await mailQueueOf(t.app).idle();
      await new Promise((r) => setTimeout(r, 5));
      const started = performance.now();
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/wachtwoord-vergeten', payload: { email } });
      const elapsed = performance.now() - started;
      expect(res.statusCode).toBe(202);
      return elapsed;
    };
    const known = () => request(`bekend-${knownSeq++}@school.nl`);
    const unknown = () => request(`onbekend-${unknownSeq++}@school.nl`);
    // Warm-up (compiled paths, database caches), not measured.
    for (let i = 0; i < WARM_UP; i += 1) {
      await known();
      await unknown();
    }
    const knownTimes: number[] = [];
    const unknownTimes: number[] = [];
    // 100 of each in a random order (shuffled): each kind follows either kind equally often. (A request after one
    // with much background work is measurably faster on a loaded machine; strict pairs would favour one kind.)
    const order = [...Array<boolean>(ROUNDS).fill(true), ...Array<boolean>(ROUNDS).fill(false)];
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(Math.random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const isKnown of order) {
      if (isKnown) knownTimes.push(await known());
      else unknownTimes.push(await unknown());
    }
    const k = median(knownTimes);
    const u = median(unknownTimes);
    // The work for a known address (token, audit, mail) is still done: in the background.
    const mails = await t.outbox();

    expect(mails.every((m) => m.to.startsWith('bekend-'))).toBe(true);
    // Same work on the same path: the medians differ by noise only. The bound (1 ms, or a third when the machine
    // is so loaded that everything is slower) stays well below the old difference (+100 % and more).
    const bound = Math.max(1, Math.min(k, u) / 3);
    expect(Math.abs(k - u), `mediaan bekend ${k.toFixed(3)} ms, onbekend ${u.toFixed(3)} ms`).toBeLessThan(bound);
  });
});

if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
