/**
 * Readiness (issue 11): may this instance get traffic? Only when the database answers within a short time, every
 * migration this code knows is applied, the catalogue snapshot is in memory, and the instance is not shutting down.
 * Liveness (`/api/health`) asks none of this: a process that answers is alive, even while its database is away.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { listMigrations } from '../../db/migrate.js';
import { AppError } from '../../errors.js';
import { appliedMigrationNames } from '../../repositories/health-repository.js';
import { loadedCatalogueVersion } from '../../read-models/catalogue-snapshot.js';

/** How long the database may take to answer before the instance counts as not ready. */
export const READINESS_TIMEOUT_MS = 2000;

export interface ReadinessOptions {
  db: Kysely<DB>;
  /** True from the moment the instance begins to shut down (SIGTERM). */
  closing: boolean;
  timeoutMs?: number;
}

export interface Readiness {
  status: 'ok';
  /** The version of the catalogue this instance answers from (releases in the database when it was loaded). */
  catalogusversie: string;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; timedOut: boolean };

/** The promise's value, or a failure once it rejects or `ms` have passed (the promise itself is left to finish). */
async function within<T>(promise: Promise<T>, ms: number): Promise<Outcome<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Outcome<T>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, timedOut: true }), ms);
  });
  try {
    return await Promise.race([promise.then((value): Outcome<T> => ({ ok: true, value }), (): Outcome<T> => ({ ok: false, timedOut: false })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Ready, or an AppError `service_unavailable` (503) whose Dutch message names every reason. */
export async function checkReadiness(opts: ReadinessOptions): Promise<Readiness> {
  const reasons: string[] = [];
  if (opts.closing) reasons.push('de server wordt afgesloten');
  const timeoutMs = opts.timeoutMs ?? READINESS_TIMEOUT_MS;
  const [known, applied] = await Promise.all([listMigrations(), within(appliedMigrationNames(opts.db), timeoutMs)]);
  if (!applied.ok) {
    reasons.push(applied.timedOut ? `de database antwoordt niet binnen ${timeoutMs} ms` : 'de database is niet bereikbaar');
  } else {
    const done = new Set(applied.value);
    const pending = known.filter((m) => !done.has(m.name)).map((m) => m.name);
    if (pending.length > 0) reasons.push(`${pending.length === 1 ? '1 migratie is' : `${pending.length} migraties zijn`} nog niet uitgevoerd (${pending.join(', ')}); voer "doorlopend migrate" uit`);
  }
  const version = loadedCatalogueVersion(opts.db);
  if (version === undefined) reasons.push('de catalogus is nog niet geladen');
  if (reasons.length > 0 || version === undefined) throw new AppError('service_unavailable', `Niet gereed: ${reasons.join('; ')}.`, { retryAfterSeconds: 5 });
  return { status: 'ok', catalogusversie: version };
}
