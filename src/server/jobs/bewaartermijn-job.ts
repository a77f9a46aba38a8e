/**
 * The scheduled job that carries out the retention of pupil data (use-cases/leerlingen/opschonen): once when the
 * server is ready and then every hour, until the app closes. Several instances may run it at once: a cohort is cleaned
 * by one of them (conditional claim), the others find nothing to do. A failure is logged and retried at the next run.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { schoonLeerlingenOp, type OpschoonResultaat } from '../use-cases/leerlingen/opschonen.js';

export const BEWAARTERMIJN_INTERVAL_MS = 60 * 60_000;

export class BewaartermijnJob {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<OpschoonResultaat | null> | null = null;
  private stopped = false;

  constructor(
    private readonly opts: { db: Kysely<DB>; intervalMs?: number; now?: () => Date; onError?: (err: unknown) => void; onRun?: (r: OpschoonResultaat) => void },
  ) {}

  /** Runs once now, then every interval. */
  start(): void {
    if (this.timer || this.stopped) return;
    void this.run();
    this.timer = setInterval(() => void this.run(), this.opts.intervalMs ?? BEWAARTERMIJN_INTERVAL_MS);
    this.timer.unref();
  }

  /** One run (a run still in progress is awaited instead of starting another). */
  run(): Promise<OpschoonResultaat | null> {
    if (this.stopped) return Promise.resolve(null);
    if (this.running) return this.running;
    this.running = schoonLeerlingenOp({ db: this.opts.db, now: this.opts.now?.() ?? new Date(), via: 'taak' })
      .then((r) => {
        this.opts.onRun?.(r);
        return r;
      })
      .catch((err: unknown) => {
        (this.opts.onError ?? ((e) => console.error('Bewaartermijn van leerlinggegevens: opschonen mislukt', e)))(err);
        return null;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /** Stops the interval and waits for a run in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
