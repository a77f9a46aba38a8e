import { describe, expect, it } from 'vitest';
import { decide, DEFAULT_RATE_LIMITS, waitText, type LimitPolicy } from '../../../src/server/auth/rate-limiter.js';
import type { RateLimitCounter } from '../../../src/server/repositories/rate-limit-repository.js';

/** A counter as the repository gives it for a key never seen (created empty and already expired). */
const empty = (now: number): RateLimitCounter => ({ count: 0, windowStart: new Date(now), lockedUntil: null, expiresAt: new Date(now) });

/** Runs attempts through the policy as the limiter does: a refused attempt changes nothing. */
function run(policy: LimitPolicy, times: number[]): Array<number | 'ok'> {
  let counter = empty(0);
  return times.map((now) => {
    const d = decide(policy, counter, now);
    if ('waitMs' in d) return d.waitMs;
    counter = d.counter;
    return 'ok';
  });
}

const MINUTE = 60_000;

describe('rate limit policies', () => {
  it('locks an account after 5 attempts, for 1 minute, then 2, 4, … per further failure, up to the cap', () => {
    const policy: LimitPolicy = { max: 5, windowMs: 24 * 60 * MINUTE, lock: { baseMs: MINUTE, capMs: 4 * MINUTE } };
    // Five attempts pass; the fifth sets a lock of one minute, so the sixth (10 s later) waits 50 s.
    expect(run(policy, [0, 1000, 2000, 3000, 4000, 14_000])).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 50_000]);
    // After each lock one more attempt passes and locks twice as long, until the cap.
    const t = [0, 0, 0, 0, 0, MINUTE, MINUTE + 1, 3 * MINUTE, 3 * MINUTE + 1, 7 * MINUTE, 7 * MINUTE + 1, 11 * MINUTE, 11 * MINUTE + 1];
    expect(run(policy, t)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 2 * MINUTE - 1, 'ok', 4 * MINUTE - 1, 'ok', 4 * MINUTE - 1, 'ok', 4 * MINUTE - 1]);
  });

  it('forgets an account counter a window after its last attempt', () => {
    const policy: LimitPolicy = { max: 3, windowMs: 10 * MINUTE, lock: { baseMs: MINUTE, capMs: MINUTE } };
    expect(run(policy, [0, 1, 2, 2 * MINUTE, 12 * MINUTE + 3, 12 * MINUTE + 4, 12 * MINUTE + 5])).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
  });

  it('allows max attempts per fixed window, then refuses until the window ends', () => {
    const policy: LimitPolicy = { max: 3, windowMs: 60 * MINUTE };
    expect(run(policy, [0, 10, 20, 30, 60 * MINUTE - 1, 60 * MINUTE, 60 * MINUTE + 1])).toEqual(['ok', 'ok', 'ok', 60 * MINUTE - 30, 1, 'ok', 'ok']);
  });

  it('has standard limits: 5 sign-in attempts per account, 3 reset mails per address per hour', () => {
    expect(DEFAULT_RATE_LIMITS.loginAccount).toMatchObject({ max: 5, lock: { baseMs: MINUTE, capMs: 60 * MINUTE } });
    expect(DEFAULT_RATE_LIMITS.resetAccount).toEqual({ max: 3, windowMs: 60 * MINUTE });
  });

  it('says the wait in whole minutes, in Dutch', () => {
    expect(waitText(1)).toBe('1 minuut');
    expect(waitText(60)).toBe('1 minuut');
    expect(waitText(61)).toBe('2 minuten');
  });
});
