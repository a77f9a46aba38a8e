/**
 * One process per embedded database folder: PGlite has no server to arbitrate
 * between processes, and two writers would corrupt the files.
 */
import fs from 'node:fs';
import path from 'node:path';

export class DatabaseLockedError extends Error {
  override name = 'DatabaseLockedError';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Take the lock for `dataDir`; returns a function that releases it. */
export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'doorlopend.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = fs.openSync(lockFile, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          // Already gone.
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
      if (Number.isFinite(pid) && pid !== process.pid && isAlive(pid)) {
        throw new DatabaseLockedError(
          `De database in ${dataDir} is in gebruik door een ander proces (pid ${pid}). ` +
            'Stop dat proces eerst (bijvoorbeeld de draaiende app), of gebruik PostgreSQL via DATABASE_URL.',
        );
      }
      if (pid === process.pid) {
        throw new DatabaseLockedError(`De database in ${dataDir} is in dit proces al geopend.`);
      }
      // Stale lock of a process that is gone.
      fs.unlinkSync(lockFile);
    }
  }
  throw new DatabaseLockedError(`Kon de database in ${dataDir} niet vergrendelen.`);
}
