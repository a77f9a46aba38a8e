/**
 * One process per embedded database folder: PGlite has no server to arbitrate between processes, and two writers
 * would corrupt the files or silently lose one side's writes.
 *
 * The lock is an exclusive flock(2) on `<folder>/doorlopend.lock`, held through a file descriptor of this process.
 * The kernel decides: a second holder (another process, a process in another PID namespace on the same machine, or
 * a second opening in this same process) is refused, and the lock is gone the moment the holder dies, however it
 * dies. Nothing depends on PIDs; the PID and host written into the file are a hint for the person reading the
 * refusal, never part of the decision. Node has no flock in its standard library, so the util-linux `flock` program
 * takes the lock on our descriptor (passed as its fd 3) and exits; the lock stays with the open file description,
 * which only this process holds (ADR 10).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LOCK_FILE_NAME = 'doorlopend.lock';

/** The folder is in use by another holder. */
export class DatabaseLockedError extends Error {
  override name = 'DatabaseLockedError';
}

/** The lock cannot be taken at all (no `flock` program, a lock file that is not a plain file, …). */
export class DatabaseLockUnavailableError extends Error {
  override name = 'DatabaseLockUnavailableError';
}

export interface DataDirLockOptions {
  /** The util-linux `flock` program (looked up on PATH by default). */
  flockCommand?: string;
}

/** Exit status we ask `flock` to use when someone else holds the lock (sysexits EX_TEMPFAIL). */
const CONFLICT = 75;
/** Lock files this process holds, by device and inode: only to word the refusal, never to decide. */
const heldHere = new Set<string>();
const identity = (stat: fs.Stats) => `${stat.dev}:${stat.ino}`;

function tryFlock(fd: number, flockCommand: string, lockFile: string): boolean {
  const r = spawnSync(flockCommand, ['--exclusive', '--nonblock', '--conflict-exit-code', String(CONFLICT), '3'], {
    stdio: ['ignore', 'ignore', 'pipe', fd],
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (r.status === 0) return true;
  if (r.status === CONFLICT) return false;
  const reason =
    (r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT'
      ? `het programma "${flockCommand}" is niet gevonden`
      : r.error
        ? r.error.message
        : `"${flockCommand}" stopte met ${r.status ?? r.signal}${r.stderr?.trim() ? `: ${r.stderr.trim().slice(0, 200)}` : ''}`;
  throw new DatabaseLockUnavailableError(
    `Kan ${lockFile} niet vergrendelen (${reason}). De ingebouwde database heeft het programma flock van util-linux ` +
      'nodig (Debian/Ubuntu: pakket util-linux; Alpine: apk add util-linux), of gebruik PostgreSQL via DATABASE_URL.',
  );
}

/** What the holder wrote into the lock file, if it reads as our own note; a hint only. */
function holderHint(fd: number): string {
  try {
    const buf = Buffer.alloc(512);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    const note = JSON.parse(buf.subarray(0, n).toString('utf8')) as { pid?: unknown; host?: unknown; since?: unknown };
    if (!Number.isSafeInteger(note.pid) || typeof note.host !== 'string' || !/^[\w.-]{1,64}$/.test(note.host)) return '';
    const since = typeof note.since === 'string' && /^[\d:.TZ-]{10,30}$/.test(note.since) ? `, sinds ${note.since}` : '';
    return ` (volgens het slotbestand: pid ${String(note.pid)} op ${note.host}${since})`;
  } catch {
    return '';
  }
}

/**
 * Take the lock for `dataDir`; returns a function that releases it. Throws `DatabaseLockedError` when another
 * holder has it, `DatabaseLockUnavailableError` when no lock can be taken.
 */
export function acquireDataDirLock(dataDir: string, options: DataDirLockOptions = {}): () => void {
  const folder = path.resolve(dataDir);
  const flockCommand = options.flockCommand ?? 'flock';
  fs.mkdirSync(folder, { recursive: true });
  const lockFile = path.join(folder, LOCK_FILE_NAME);
  // A clean release deletes the file while still holding the lock. Whoever opened the old file just before then gets
  // the lock on a file that no longer has this name; that is noticed below and the opening is retried.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    let fd: number;
    try {
      fd = fs.openSync(lockFile, fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_NOFOLLOW, 0o600);
    } catch (err) {
      throw new DatabaseLockUnavailableError(`Kan het slotbestand ${lockFile} niet openen: ${(err as Error).message}`);
    }
    let keep = false;
    try {
      const opened = fs.fstatSync(fd);
      if (!opened.isFile()) throw new DatabaseLockUnavailableError(`${lockFile} is geen gewoon bestand.`);
      if (!tryFlock(fd, flockCommand, lockFile)) {
        if (heldHere.has(identity(opened))) {
          throw new DatabaseLockedError(
            `De database in ${folder} is in dit proces al geopend. Er mag maar één proces tegelijk de ingebouwde ` +
              'database gebruiken, en dat proces opent haar één keer.',
          );
        }
        throw new DatabaseLockedError(
          `De database in ${folder} is al in gebruik door een ander proces${holderHint(fd)}. Er mag maar één proces ` +
            'tegelijk de ingebouwde database gebruiken, op één machine: stop eerst dat andere proces (bijvoorbeeld de ' +
            'draaiende app of een import). Voor meer dan één instantie (meerdere containers of servers): gebruik ' +
            'PostgreSQL via DATABASE_URL.',
        );
      }
      let current: fs.Stats | undefined;
      try {
        current = fs.lstatSync(lockFile);
      } catch {
        // Deleted by the holder that just released it: try again with a fresh file.
      }
      if (!current || identity(current) !== identity(opened)) continue;
      const id = identity(opened);
      fs.ftruncateSync(fd, 0);
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() }), 0);
      heldHere.add(id);
      keep = true;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        heldHere.delete(id);
        try {
          // Delete the file while still holding the lock (see above), but only our own file.
          const now = fs.lstatSync(lockFile);
          if (identity(now) === id) fs.unlinkSync(lockFile);
        } catch {
          // Already gone.
        }
        fs.closeSync(fd);
      };
    } finally {
      if (!keep) fs.closeSync(fd);
    }
  }
  throw new DatabaseLockedError(`Kon de database in ${folder} niet vergrendelen: het slotbestand verandert steeds.`);
}
