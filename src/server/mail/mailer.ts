/**
 * Outgoing e-mail. Two transports: `outbox` (each mail a JSON file in a folder; development and tests) and `smtp`.
 * Use cases hand mails to the app's `MailQueue`, which keeps them in the database (table mail_outbox, migration 0017)
 * until they are sent, so that an answer never waits for (or reveals by its timing) a mail, a crash or restart loses
 * none, and every instance on one PostgreSQL database sends, none a mail twice. Mail content holds tokens: it is never
 * logged, and it is removed from the database as soon as the mail is sent.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import {
  claimDueOutboxRows,
  composeJobBecomesMail,
  deleteFinishedOutboxRows,
  deleteOutboxRow,
  insertComposeJob,
  insertOutboxMail,
  lockClaimedComposeJob,
  markOutboxFailed,
  markOutboxSent,
  outboxBacklog,
  type OutboxRow,
} from '../repositories/mail-outbox-repository.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  readonly kind: 'outbox' | 'smtp';
  send(mail: OutgoingMail): Promise<void>;
}

/**
 * Composes the mail of a compose job (see `MailQueue.enqueueComposed`) inside the transaction that turns the job into
 * that mail: what it stores (a token, an audit entry) and the mail are there together or not at all. Null: no mail.
 */
export type MailComposer = (trx: Transaction<DB>, job: { address: string; requestedAt: Date }) => Promise<OutgoingMail | null>;

/** What a failed attempt was: the error handler gets no mail content (tokens, addresses). */
export interface MailFailure {
  attempt: number;
  maxAttempts: number;
  /** No further attempt: the mail is given up (its content removed). */
  givenUp: boolean;
}

/** Attempts per mail (the first one included) before it is given up. */
export const MAIL_MAX_ATTEMPTS = 6;
/** Wait before attempt n+1 after n failed attempts: 30 s, 2 min, 8 min, 32 min, then 1 hour (about 1 h 45 min in all). */
export function mailRetryDelayMs(failedAttempts: number): number {
  return Math.min(30_000 * 4 ** Math.max(0, failedAttempts - 1), 60 * 60_000);
}
/** A claimed mail belongs to its sender this long (longer than any SMTP exchange): then another instance may take it. */
export const MAIL_CLAIM_LEASE_MS = 15 * 60_000;
/** Another instance's mail is taken over when it has been due this long (its own instance sends it first, at once). */
export const MAIL_TAKEOVER_AFTER_MS = 30_000;
/** Every instance looks for due mails (retries, mails of a stopped instance) this often. */
export const MAIL_SWEEP_INTERVAL_MS = 10_000;
/** At shutdown, how long to wait for this instance's mails to go out (they stay in the database either way). */
export const MAIL_CLOSE_WAIT_MS = 10_000;
/** Sent and given-up rows (already without content) are deleted after this long. */
export const MAIL_RETENTION_MS = 24 * 60 * 60_000;
/**
 * A compose job starts this long after the answer that stored it. The answer is out before the job starts anyway (it
 * starts after the pending callbacks), but in one process with the embedded database the job's work would run before a
 * client on the same busy machine has read the answer, so its duration would still show: whether an account exists.
 */
export const MAIL_COMPOSE_DELAY_MS = 25;

export interface MailQueueOptions {
  db: Kysely<DB>;
  mailer: Mailer;
  /** Called when an attempt to compose or send a mail failed; gets no mail content. */
  onError?: (err: unknown, failure: MailFailure) => void;
  /** The compose jobs this instance can carry out, by name (e.g. `password-reset`). */
  composers?: Record<string, MailComposer>;
  /** False: this instance only stores mails, others send them (tests: an instance that stops before sending). */
  sending?: boolean;
  /** Tests: the clock (retries, take-over). */
  now?: () => Date;
  maxAttempts?: number;
}

const defaultOnError = (err: unknown, f: MailFailure) =>
  console.error(
    f.givenUp
      ? `Een e-mail kon na ${f.attempt} pogingen niet worden verzonden en is opgegeven: ${describeError(err)}`
      : `Een e-mail kon niet worden verzonden (poging ${f.attempt} van ${f.maxAttempts}; later opnieuw): ${describeError(err)}`,
  );

/**
 * The outbox of one instance. Mails are stored first (`enqueue`, or `enqueueIn` inside the caller's transaction), then
 * sent in the background: at once by the instance that stored them, and by a sweep every MAIL_SWEEP_INTERVAL_MS in
 * every instance (retries with backoff; another instance's mails once they have waited MAIL_TAKEOVER_AFTER_MS). A row
 * is claimed (FOR UPDATE SKIP LOCKED and a lease) before it is sent, so two instances never send it both; only a crash
 * between the send and its bookkeeping can send a mail again, after the lease. `idle()` waits until this instance's
 * mails so far are out (tests, shutdown).
 */
export class MailQueue {
  readonly mailer: Mailer;
  /** This instance, in the rows it inserts and claims. */
  readonly instanceId = randomUUID();
  private readonly db: Kysely<DB>;
  private readonly onError: (err: unknown, failure: MailFailure) => void;
  private readonly composers: Record<string, MailComposer>;
  private readonly sending: boolean;
  private readonly now: () => Date;
  private readonly maxAttempts: number;
  private readonly pending = new Set<Promise<void>>();
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private lastCleanup = 0;
  /** Whether this instance has handed over a mail (only then does shutdown wait for the outbox). */
  private handedOver = false;

  constructor(opts: MailQueueOptions) {
    this.db = opts.db;
    this.mailer = opts.mailer;
    this.onError = opts.onError ?? defaultOnError;
    this.composers = opts.composers ?? {};
    this.sending = opts.sending ?? true;
    this.now = opts.now ?? (() => new Date());
    this.maxAttempts = opts.maxAttempts ?? MAIL_MAX_ATTEMPTS;
  }

  /** Stores a finished mail (in the background) and sends it. Where there is a transaction, use `enqueueIn`. */
  enqueue(mail: OutgoingMail): void {
    this.handedOver = true;
    this.track(insertOutboxMail(this.db, { ...mail, origin: this.instanceId, now: this.now() }).then(() => this.kick()));
  }

  /**
   * Stores a mail in the caller's transaction (it exists exactly when the change that causes it does); call `kick()`
   * after the commit to send it at once (else the next sweep sends it).
   */
  async enqueueIn(trx: Kysely<DB> | Transaction<DB>, mail: OutgoingMail): Promise<void> {
    this.handedOver = true;
    await insertOutboxMail(trx, { ...mail, origin: this.instanceId, now: this.now() });
  }

  /**
   * Stores a job that composes its mail later, in the background (the row holds the address and the time only), and
   * starts it after the current answer: work whose duration would reveal something (such as whether an account exists)
   * stays out of the answer. `composer` names one of the composers this queue was given.
   */
  async enqueueComposed(composer: string, address: string): Promise<void> {
    this.handedOver = true;
    await insertComposeJob(this.db, { composer, address, origin: this.instanceId, now: this.now() });
    this.kick(MAIL_COMPOSE_DELAY_MS);
  }

  /** Sends what is due, after the pending callbacks (so after the current answer is on its way), or `afterMs` later. */
  kick(afterMs = 0): void {
    if (!this.sending) return;
    this.track(new Promise<void>((resolve) => (afterMs > 0 ? setTimeout(resolve, afterMs) : setImmediate(resolve))).then(() => this.pass()));
  }

  /** Starts the periodic sweep (retries, take-over of other instances' mails). */
  start(): void {
    if (!this.sending || this.timer) return;
    this.timer = setInterval(() => void this.pass(), MAIL_SWEEP_INTERVAL_MS);
    this.timer.unref();
    // Mails left by an instance that stopped, at once (not waited for by idle() or close(): the database may be slow).
    setImmediate(() => void this.pass());
  }

  /**
   * Stops the sweep and, when this instance handed over mails, waits (at most MAIL_CLOSE_WAIT_MS) until they are out:
   * shutdown, before the database closes. What is not out by then stays in the outbox for the next instance.
   */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (!this.handedOver) return;
    const done = this.idle().then(
      () => true,
      (err: unknown) => {
        console.error(`De e-mailwachtrij kon bij het afsluiten niet worden verwerkt: ${describeError(err)}`);
        return true;
      },
    );
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), MAIL_CLOSE_WAIT_MS);
      timer.unref();
    });
    const finished = await Promise.race([done, waited]);
    clearTimeout(timer);
    if (!finished) console.warn('Bij het afsluiten waren nog niet alle e-mails verzonden; ze blijven in de database en een volgende start verstuurt ze.');
  }

  /**
   * Waits until every mail this instance handed over so far is sent, given up or waiting for a later retry (and no
   * mail of another instance is waiting to be taken over).
   */
  async idle(): Promise<void> {
    for (;;) {
      while (this.pending.size > 0) await Promise.all([...this.pending]);
      if (!this.sending) return;
      await this.pass();
      const now = this.now();
      const backlog = await outboxBacklog(this.db, { origin: this.instanceId, now, othersDueBefore: new Date(now.getTime() - MAIL_TAKEOVER_AFTER_MS) });
      if (backlog.own === 0 && backlog.takeover === 0 && this.pending.size === 0) return;
      // Claimed by another instance at this moment: wait for it to finish.
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private track(p: Promise<void>): void {
    const tracked: Promise<void> = p
      .catch((err: unknown) => console.error(`De e-mailwachtrij kon niet worden bijgewerkt: ${describeError(err)}`))
      .finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  /** One pass at a time per instance: claims and handles due rows until there are none. */
  private pass(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        for (;;) {
          const now = this.now();
          const rows = await claimDueOutboxRows(this.db, {
            claimant: this.instanceId,
            origin: this.instanceId,
            now,
            othersDueBefore: new Date(now.getTime() - MAIL_TAKEOVER_AFTER_MS),
            leaseUntil: new Date(now.getTime() + MAIL_CLAIM_LEASE_MS),
            limit: 10,
          });
          if (rows.length === 0) break;
          for (const row of rows) await this.handle(row);
        }
        const now = this.now().getTime();
        if (now - this.lastCleanup > MAIL_SWEEP_INTERVAL_MS * 6) {
          this.lastCleanup = now;
          await deleteFinishedOutboxRows(this.db, new Date(now - MAIL_RETENTION_MS));
        }
      } while (this.again);
    })()
      .catch((err: unknown) => console.error(`De e-mailwachtrij kon niet worden verwerkt: ${describeError(err)}`))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  /** Composes (a compose job) and sends one claimed row, then marks it sent, or failed for a later attempt. */
  private async handle(row: OutboxRow): Promise<void> {
    let mail: OutgoingMail | undefined;
    try {
      if (row.kind === 'compose') {
        const composer = row.composer ? this.composers[row.composer] : undefined;
        if (!composer) throw Object.assign(new Error('onbekende opdracht'), { name: 'UnknownMailComposer' });
        const composed = await this.db.transaction().execute(async (trx) => {
          if (!(await lockClaimedComposeJob(trx, row.id, this.instanceId))) return undefined;
          const m = await composer(trx, { address: row.recipient, requestedAt: row.createdAt });
          if (m) await composeJobBecomesMail(trx, row.id, m);
          else await deleteOutboxRow(trx, row.id);
          return m;
        });
        if (!composed) return;
        mail = composed;
      } else {
        mail = { to: row.recipient, subject: row.subject ?? '', text: row.body ?? '' };
      }
      await this.mailer.send(mail);
    } catch (err) {
      const givenUp = row.attempts >= this.maxAttempts || (err as Error)?.name === 'UnknownMailComposer';
      const now = this.now();
      await markOutboxFailed(this.db, row.id, this.instanceId, {
        error: describeError(err),
        nextAttemptAt: givenUp ? null : new Date(now.getTime() + mailRetryDelayMs(row.attempts)),
        now,
      });
      this.report(err, { attempt: row.attempts, maxAttempts: this.maxAttempts, givenUp });
      return;
    }
    await markOutboxSent(this.db, row.id, this.instanceId, this.now());
  }

  private report(err: unknown, failure: MailFailure): void {
    try {
      this.onError(err, failure);
    } catch (thrown) {
      // A handler that throws (tests make failures loud this way) fails loudly, outside the queue's own work.
      void Promise.reject(thrown);
    }
  }
}

/** Name and code of an error, not its message (an SMTP answer may quote addresses). */
export function describeError(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return `${err.name}${typeof code === 'string' ? ` (${code})` : ''}`;
  }
  return 'onbekende fout';
}
