/**
 * Load shedding for heavy endpoints (issue 10): exports build files of up to megabytes, and the public ones need no
 * account. A `HeavyRequestGate` gives each caller (an IP address, or a user) a number of requests per minute (then
 * 429) and the endpoints together a number of requests in progress (then 503), both with Retry-After and a Dutch
 * problem+json. In memory, per instance: this sheds load on one server; it is not a quota across instances.
 */
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { AppError } from '../errors.js';

export interface HeavyRequestLimits {
  /** Requests per caller (address or user) per minute. */
  perMinute: number;
  /** Requests in progress at once, over every endpoint behind the gate. */
  concurrent: number;
}

export const DEFAULT_HEAVY_REQUEST_LIMITS: HeavyRequestLimits = { perMinute: 20, concurrent: 4 };

const WINDOW_MS = 60_000;
/** Callers remembered at most (older windows are dropped first), so the gate's memory stays bounded. */
const MAX_CALLERS = 10_000;
/** What a 503 asks the caller to wait, in seconds: an export takes about a second. */
const BUSY_RETRY_SECONDS = 5;

export class HeavyRequestGate {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private inFlight = 0;
  private readonly holding = new WeakSet<FastifyRequest>();

  constructor(
    readonly limits: HeavyRequestLimits = DEFAULT_HEAVY_REQUEST_LIMITS,
    private readonly what: string = 'exports',
    private readonly now: () => number = Date.now,
  ) {}

  /** Requests in progress now. */
  get active(): number {
    return this.inFlight;
  }

  /** Admits one request of `caller` or throws a 429 (caller over the limit) or 503 (too many in progress). */
  enter(caller: string): void {
    const now = this.now();
    let window = this.windows.get(caller);
    if (!window || now - window.start >= WINDOW_MS) {
      this.windows.delete(caller);
      window = { start: now, count: 0 };
      this.windows.set(caller, window);
      this.prune();
    }
    if (window.count >= this.limits.perMinute) {
      const retryAfterSeconds = Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
      throw new AppError(
        'too_many_requests',
        `Te veel ${this.what} ${caller.startsWith('user:') ? 'voor uw account' : 'vanaf dit adres'}: hooguit ${this.limits.perMinute} per minuut. Probeer het over ${retryAfterSeconds} seconden opnieuw.`,
        { retryAfterSeconds },
      );
    }
    if (this.inFlight >= this.limits.concurrent) {
      throw new AppError(
        'service_unavailable',
        `De server maakt nu al ${this.limits.concurrent} ${this.what} tegelijk. Probeer het over ${BUSY_RETRY_SECONDS} seconden opnieuw.`,
        { retryAfterSeconds: BUSY_RETRY_SECONDS },
      );
    }
    window.count++;
    this.inFlight++;
  }

  leave(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }

  /**
   * Hooks for a route: `onRequest` admits the request (keyed by `callerOf`), `onResponse` and `onRequestAbort`
   * release its place once, whichever comes first.
   */
  hooks(callerOf: (req: FastifyRequest) => string = (req) => `ip:${req.ip}`): {
    onRequest: onRequestAsyncHookHandler;
    onResponse: (req: FastifyRequest, reply: FastifyReply) => Promise<void>;
    onRequestAbort: (req: FastifyRequest) => Promise<void>;
  } {
    const release = async (req: FastifyRequest) => {
      if (!this.holding.has(req)) return;
      this.holding.delete(req);
      this.leave();
    };
    return {
      onRequest: async (req) => {
        this.enter(callerOf(req));
        this.holding.add(req);
      },
      onResponse: async (req) => release(req),
      onRequestAbort: release,
    };
  }

  /** Forgets the oldest windows (the map keeps insertion order; a new window is inserted at the end). */
  private prune(): void {
    for (const caller of this.windows.keys()) {
      if (this.windows.size <= MAX_CALLERS) break;
      this.windows.delete(caller);
    }
  }
}

/** The caller of a request behind sign-in: the user when signed in, else the address. */
export const userOrAddress = (req: FastifyRequest): string => (req.auth ? `user:${req.auth.user.id}` : `ip:${req.ip}`);
