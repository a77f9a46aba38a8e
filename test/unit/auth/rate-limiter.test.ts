import { describe, expect, it } from 'vitest';
import { LoginRateLimiter } from '../../../src/server/auth/rate-limiter.js';

describe('login rate limiter', () => {
  it('blocks a key after 5 failures within 15 minutes, until the oldest failure leaves the window', () => {
    let now = 0;
    const l = new LoginRateLimiter({ now: () => now });
    for (let i = 0; i < 4; i += 1) {
      l.recordFailure('a|ip');
      now += 1000;
    }
    expect(l.retryAfterSeconds('a|ip')).toBe(0);
    l.recordFailure('a|ip');
    expect(l.retryAfterSeconds('a|ip')).toBe(15 * 60 - 4);
    expect(l.retryAfterSeconds('b|ip')).toBe(0);
    now = 15 * 60_000 + 1;
    expect(l.retryAfterSeconds('a|ip')).toBe(0);
  });

  it('forgets the failures of a key after a successful sign-in', () => {
    const l = new LoginRateLimiter({ maxFailures: 2 });
    l.recordFailure('k');
    l.recordFailure('k');
    expect(l.retryAfterSeconds('k')).toBeGreaterThan(0);
    l.reset('k');
    expect(l.retryAfterSeconds('k')).toBe(0);
  });
});
