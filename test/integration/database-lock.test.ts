import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DatabaseLockedError } from '../../src/server/db/lock.js';
import { openDatabase } from '../../src/server/db/database.js';
import { TEST_DB } from '../support/db.js';

// The lock concerns the embedded database only; it runs once, in the PGlite project.
describe.skipIf(TEST_DB !== 'pglite')('one process per embedded database folder', () => {
  const dirs: string[] = [];
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-lock-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('refuses a second opening and frees the folder on close', async () => {
    const dir = tmp();
    const first = await openDatabase({ kind: 'pglite', dataDir: dir });
    await expect(openDatabase({ kind: 'pglite', dataDir: dir })).rejects.toThrow(DatabaseLockedError);
    await first.close();
    const again = await openDatabase({ kind: 'pglite', dataDir: dir });
    await again.close();
  });

  it('names the other process and tells what to do', () => {
    const dir = tmp();
    // A live process that is not us: the parent of this test process.
    fs.writeFileSync(path.join(dir, 'doorlopend.lock'), String(process.ppid));
    expect(() => acquireDataDirLock(dir)).toThrowError(new RegExp(`pid ${process.ppid}.*DATABASE_URL`));
  });

  it('takes over a stale lock of a process that is gone', () => {
    const dir = tmp();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    fs.writeFileSync(path.join(dir, 'doorlopend.lock'), gone);
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, 'doorlopend.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'doorlopend.lock'))).toBe(false);
  });
});
