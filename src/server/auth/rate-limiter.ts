/**
 * Limits on password attempts and password reset requests, kept in the database (`rate_limit`), so they
 * hold for every app instance on it and survive a restart. No request header decides a key: accounts are
 * keyed by their normalised e-mail address (also when no account has that address, so the limits say
 * nothing about existence) and addresses by the client address Fastify derives from the connection and
 * the configured trusted proxies (TRUST_PROXY) only.
 *
 * - `login-account`: password attempts on one account from all addresses (sign-in, accepting an invitation
 *   with an existing account, re-confirming before deleting the account). From the `max`-th attempt on
 *   the account is locked for `baseMs`, doubling with each further failure, at most `capMs`; a correct
 *   password, a completed password reset or an SSO sign-in ends the count. Even the correct password is
 *   refused while locked.
 * - `login-address`: failed password attempts from one address on any account (password spraying).
 * - `reset-account` / `reset-address`: password reset requests per e-mail address and per client address
 *   in a fixed window; every request counts.
 *
 * An attempt is counted when it starts, under a row lock, and a refused attempt changes nothing: many
 * parallel guesses cannot all pass the check before the first failure is written.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors.js';
import { deleteCounter, deleteExpiredCounters, lockCounter, saveCounter, type RateLimitCounter } from '../repositories/rate-limit-repository.js';

export type RateLimitKind = 'login-account' | 'login-address' | 'reset-account' | 'reset-address';

export interface LimitPolicy {
  /** Attempts allowed before the limit applies. */
  max: number;
  /** How long a counter lasts: a fixed window from its first attempt, or (with `lock`) since the last attempt. */
  windowMs: number;
  /** Growing lock: the `max`-th and every further counted attempt locks for baseMs × 2^(count − max), at most capMs. */
  lock?: { baseMs: number; capMs: number };
}

export interface RateLimits {
  loginAccount: LimitPolicy;
  loginAddress: LimitPolicy;
  resetAccount: LimitPolicy;
  resetAddress: LimitPolicy;
}

const MINUTE = 60_000;

export const DEFAULT_RATE_LIMITS: RateLimits = {
  // After 5 failures: 1 minute, then 2, 4, … up to an hour per further failure; forgotten after a day without one.
  loginAccount: { max: 5, windowMs: 24 * 60 * MINUTE, lock: { baseMs: MINUTE, capMs: 60 * MINUTE } },
  // A school's pupils may share one address: generous, but it stops spraying many accounts from one machine.
  loginAddress: { max: 100, windowMs: 15 * MINUTE },
  // At most 3 reset mails per address per hour, whoever asks.
  resetAccount: { max: 3, windowMs: 60 * MINUTE },
  resetAddress: { max: 20, windowMs: 60 * MINUTE },
};

const KIND_POLICY: Record<RateLimitKind, keyof RateLimits> = {
  'login-account': 'loginAccount',
  'login-address': 'loginAddress',
  'reset-account': 'resetAccount',
  'reset-address': 'resetAddress',
};

interface LimitKey {
  kind: RateLimitKind;
  key: string;
}

/** A counted password attempt; hand it back with `passwordAccepted` when the password was right. */
export interface PasswordAttempt {
  email: string;
  ip: string;
  /** The window of the address counter this attempt was counted in (a refund only applies to that window). */
  addressWindowStart: number;
}

const CLEANUP_EVERY_MS = MINUTE;
const MAX_KEY_LENGTH = 320;

/** "1 minuut", "5 minuten": the wait in whole minutes, rounded up. */
export function waitText(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? '1 minuut' : `${minutes} minuten`;
}

export class RateLimiter {
  readonly limits: RateLimits;
  private readonly now: () => number;
  private lastCleanup = 0;

  constructor(
    private readonly db: Kysely<DB>,
    opts: { limits?: Partial<RateLimits>; now?: () => number } = {},
  ) {
    this.limits = { ...DEFAULT_RATE_LIMITS, ...opts.limits };
    this.now = opts.now ?? Date.now;
  }

  /**
   * Counts one password attempt on the account (e-mail) from the address. Throws 429 (with
   * retryAfterSeconds) while the account or the address is locked; then nothing is counted.
   */
  async beginPasswordAttempt(email: string, ip: string): Promise<PasswordAttempt> {
    const account = normaliseEmail(email);
    const counted = await this.take(
      [
        { kind: 'login-account', key: account },
        { kind: 'login-address', key: ip },
      ],
      (wait) => `Te veel mislukte pogingen. Probeer het over ${waitText(wait)} opnieuw.`,
    );
    return { email: account, ip, addressWindowStart: counted.get('login-address')!.windowStart.getTime() };
  }

  /** The password was right: the account's failures are forgotten, and the attempt no longer counts for the address. */
  async passwordAccepted(attempt: PasswordAttempt): Promise<void> {
    await forgetAccountFailures(this.db, attempt.email);
    await this.db.transaction().execute(async (trx) => {
      const counter = await lockCounter(trx, 'login-address', limitKey(attempt.ip), new Date(this.now()));
      if (counter.windowStart.getTime() !== attempt.addressWindowStart || counter.count === 0) return;
      await saveCounter(trx, 'login-address', limitKey(attempt.ip), { ...counter, count: counter.count - 1 });
    });
  }

  /** Counts one password reset request for the e-mail address from the client address; 429 over the limit. */
  async countResetRequest(email: string, ip: string): Promise<void> {
    await this.take(
      [
        { kind: 'reset-account', key: normaliseEmail(email) },
        { kind: 'reset-address', key: ip },
      ],
      (wait) => `Te veel aanvragen. Probeer het over ${waitText(wait)} opnieuw.`,
    );
  }

  /** Removes forgotten counters (also done by the limiter itself, at most once a minute). */
  async cleanup(): Promise<number> {
    this.lastCleanup = this.now();
    return deleteExpiredCounters(this.db, new Date(this.lastCleanup));
  }

  /** Counts an attempt against every key, or against none when one of them is at its limit (429). */
  private async take(keys: LimitKey[], message: (waitSeconds: number) => string): Promise<Map<RateLimitKind, RateLimitCounter>> {
    const now = this.now();
    if (now - this.lastCleanup >= CLEANUP_EVERY_MS) await this.cleanup();
    // Always locked in the same order, so two instances never wait for each other's second row.
    const ordered = keys.map((k) => ({ kind: k.kind, key: limitKey(k.key) })).sort((a, b) => (a.kind + '\0' + a.key < b.kind + '\0' + b.key ? -1 : 1));
    return this.db.transaction().execute(async (trx) => {
      const updates: Array<{ key: LimitKey; counter: RateLimitCounter }> = [];
      let waitMs = 0;
      for (const key of ordered) {
        const decision = decide(this.limits[KIND_POLICY[key.kind]], await lockCounter(trx, key.kind, key.key, new Date(now)), now);
        if ('waitMs' in decision) waitMs = Math.max(waitMs, decision.waitMs);
        else updates.push({ key, counter: decision.counter });
      }
      if (waitMs > 0) {
        // Thrown inside the transaction: it is rolled back, so a refused attempt leaves no trace.
        const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
        throw new AppError('too_many_requests', message(retryAfterSeconds), { retryAfterSeconds });
      }
      for (const u of updates) await saveCounter(trx, u.key.kind, u.key.key, u.counter);
      return new Map(updates.map((u) => [u.key.kind, u.counter]));
    });
  }
}

/**
 * Ends the password failures and the lock of one account (`login-account`), as a correct password does. Also called
 * when the owner proved themselves otherwise: a completed password reset (mailed token) or an SSO sign-in. Whoever
 * kept the account locked by guessing then starts again from zero under the same policy (locked again after `max`
 * failures); the counter of their address is not touched. Takes a transaction, so a reset can do it in its own.
 */
export async function forgetAccountFailures(db: Kysely<DB> | Transaction<DB>, email: string): Promise<void> {
  await deleteCounter(db, 'login-account', limitKey(normaliseEmail(email)));
}

/**
 * One attempt against a counter: refused with the time to wait, or the counter after counting it.
 * Exported for the unit tests of the policy.
 */
export function decide(policy: LimitPolicy, stored: RateLimitCounter, now: number): { waitMs: number } | { counter: RateLimitCounter } {
  const fresh = stored.expiresAt.getTime() <= now && (stored.lockedUntil === null || stored.lockedUntil.getTime() <= now);
  const current: RateLimitCounter = fresh ? { count: 0, windowStart: new Date(now), lockedUntil: null, expiresAt: new Date(now + policy.windowMs) } : stored;
  if (policy.lock) {
    if (current.lockedUntil && current.lockedUntil.getTime() > now) return { waitMs: current.lockedUntil.getTime() - now };
    const count = current.count + 1;
    const lockMs = count >= policy.max ? Math.min(policy.lock.baseMs * 2 ** (count - policy.max), policy.lock.capMs) : 0;
    const lockedUntil = lockMs > 0 ? new Date(now + lockMs) : null;
    return { counter: { count, windowStart: current.windowStart, lockedUntil, expiresAt: new Date(Math.max(now + policy.windowMs, lockedUntil?.getTime() ?? 0)) } };
  }
  if (current.count >= policy.max) return { waitMs: Math.max(1, current.expiresAt.getTime() - now) };
  return { counter: { ...current, count: current.count + 1 } };
}

const normaliseEmail = (email: string) => email.trim().toLowerCase();
const limitKey = (key: string) => key.slice(0, MAX_KEY_LENGTH);
