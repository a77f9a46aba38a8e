/**
 * One process per embedded database folder (issue 10, finding 4). The lock is an exclusive flock on
 * `<folder>/doorlopend.lock`: the kernel decides who holds it and frees it when the holder dies, so nothing here
 * depends on the PID written in that file. Processes are real child processes; "another PID namespace" is simulated
 * by what the lock file claims (always) and, where the machine allows unprivileged namespaces, by real ones (unshare).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DatabaseLockedError, DatabaseLockUnavailableError } from '../../src/server/db/lock.js';
import { openDatabase } from '../../src/server/db/database.js';
import { TEST_DB } from '../support/db.js';
import { PROJECT_ROOT } from '../support/shared-data.js';

const LOCK_MODULE = pathToFileURL(path.join(PROJECT_ROOT, 'src/server/db/lock.ts')).href;
const DATABASE_MODULE = pathToFileURL(path.join(PROJECT_ROOT, 'src/server/db/database.ts')).href;

/**
 * A child process that takes the folder (only the lock, or the whole database) and then waits until killed. Its first
 * line on stdout says whether it got the folder; `hostPid` is its PID as this test sees it (from NSpid, so also
 * inside another PID namespace).
 */
const HOLDER = `
import fs from 'node:fs';
const dir = process.env.LOCK_TEST_DIR;
let hostPid = process.pid;
const nspid = /^NSpid:\\s+(\\d+)/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
if (nspid) hostPid = Number(nspid[1]);
try {
  if (process.env.LOCK_TEST_HOW === 'database') {
    const { openDatabase } = await import(${JSON.stringify(DATABASE_MODULE)});
    await openDatabase({ kind: 'pglite', dataDir: dir }, { migrate: false });
  } else {
    const { acquireDataDirLock } = await import(${JSON.stringify(LOCK_MODULE)});
    acquireDataDirLock(dir);
  }
  console.log(JSON.stringify({ held: true, pid: process.pid, hostPid }));
  setInterval(() => {}, 1 << 30);
} catch (err) {
  console.log(JSON.stringify({ held: false, pid: process.pid, hostPid, name: err.name, message: err.message }));
  process.exit(3);
}
`;

interface HolderReport {
  held: boolean;
  /** PID inside the holder's own PID namespace. */
  pid: number;
  /** PID as seen from this test. */
  hostPid: number;
  name?: string;
  message?: string;
}

const UNSHARE = ['unshare', '--user', '--map-root-user', '--pid', '--fork', '--kill-child'];
/** Inside the new namespace: make the next PID 5000, then run the command (as a child of the shell, PID 1). */
const AS_PID_5000 = ['sh', '-c', 'echo 4999 > /proc/sys/kernel/ns_last_pid && "$@"; exit $?', 'sh'];
/** Can this machine run a process in its own user + PID namespace and choose its PID there (no root needed)? */
const canUnshare =
  process.platform === 'linux' &&
  spawnSync(UNSHARE[0]!, [...UNSHARE.slice(1), ...AS_PID_5000, 'sh', '-c', 'test $$ = 5000'], { stdio: 'ignore' }).status === 0;
if (!canUnshare && TEST_DB === 'pglite') {
  console.warn('[tests] overgeslagen: de slottests in echte PID-namespaces (unshare --user --pid is hier niet toegestaan)');
}

const exitOf = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));

describe.skipIf(TEST_DB !== 'pglite')('one process per embedded database folder', () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  const hostPids: number[] = [];
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-lock-'));
    dirs.push(d);
    return d;
  };
  afterEach(async () => {
    for (const pid of hostPids.splice(0)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    for (const child of children.splice(0)) {
      child.kill('SIGKILL');
      await exitOf(child);
    }
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  /** Starts a holder; `namespace`: in a new PID namespace as PID 1, or as PID 5000 there. */
  function startHolder(
    dir: string,
    options: { how?: 'lock' | 'database'; namespace?: 'pid1' | 'pid5000' } = {},
  ): { child: ChildProcess; report: Promise<HolderReport> } {
    const node = [process.execPath, '--import', 'tsx', '--input-type=module', '-e', HOLDER];
    const argv =
      options.namespace === 'pid1' ? [...UNSHARE, ...node] : options.namespace === 'pid5000' ? [...UNSHARE, ...AS_PID_5000, ...node] : node;
    const child = spawn(argv[0]!, argv.slice(1), {
      cwd: PROJECT_ROOT,
      env: { ...process.env, LOCK_TEST_DIR: dir, LOCK_TEST_HOW: options.how ?? 'lock' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let out = '';
    let err = '';
    child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
    const report = new Promise<HolderReport>((resolve, reject) => {
      child.stdout!.on('data', (b: Buffer) => {
        out += b.toString();
        const nl = out.indexOf('\n');
        if (nl >= 0) {
          const r = JSON.parse(out.slice(0, nl)) as HolderReport;
          if (r.held) hostPids.push(r.hostPid);
          resolve(r);
        }
      });
      child.once('exit', (code, signal) => reject(new Error(`holder stopped (${code ?? signal}) without a report: ${err}`)));
    });
    return { child, report };
  }

  /** SIGKILL a holder (by its PID as this test sees it) and wait until the child we started is gone. */
  async function killHard(holder: { child: ChildProcess }, report: HolderReport) {
    process.kill(report.hostPid, 'SIGKILL');
    await exitOf(holder.child);
  }

  const refusal = (dir: string) =>
    new RegExp(
      `De database in ${path.resolve(dir).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is al in gebruik.*` +
        'Er mag maar één proces tegelijk de ingebouwde database gebruiken.*PostgreSQL.*DATABASE_URL',
      's',
    );

  it('refuses a second opening in the same process and frees the folder on close', async () => {
    const dir = tmp();
    const first = await openDatabase({ kind: 'pglite', dataDir: dir }, { migrate: false });
    await expect(openDatabase({ kind: 'pglite', dataDir: dir })).rejects.toThrow(DatabaseLockedError);
    await first.close();
    expect(fs.existsSync(path.join(dir, 'doorlopend.lock'))).toBe(false);
    const again = await openDatabase({ kind: 'pglite', dataDir: dir }, { migrate: false });
    await again.close();
  });

  it('refuses a second holder in the same process, also through another path to the folder', () => {
    const dir = tmp();
    const alias = path.join(tmp(), 'zelfde-map');
    fs.symlinkSync(dir, alias);
    const release = acquireDataDirLock(dir);
    try {
      expect(() => acquireDataDirLock(dir)).toThrowError(/in dit proces al geopend/);
      expect(() => acquireDataDirLock(alias)).toThrowError(DatabaseLockedError);
    } finally {
      release();
    }
    acquireDataDirLock(alias)();
  });

  it('a second process cannot open the folder while the first runs; kill -9 of the first lets a new one start at once', async () => {
    const dir = tmp();
    const first = startHolder(dir, { how: 'database' });
    const report = await first.report;
    expect(report.held).toBe(true);
    const second = await startHolder(dir, { how: 'database' }).report;
    expect(second).toMatchObject({ held: false, name: 'DatabaseLockedError' });
    expect(second.message).toMatch(refusal(dir));
    // And this process is refused too, before PGlite touches the files.
    await expect(openDatabase({ kind: 'pglite', dataDir: dir })).rejects.toThrowError(refusal(dir));

    await killHard(first, report);
    // The lock file is still there (nobody cleaned up, nobody deletes it by hand); it does not matter.
    expect(fs.existsSync(path.join(dir, 'doorlopend.lock'))).toBe(true);
    const again = await openDatabase({ kind: 'pglite', dataDir: dir }, { migrate: false });
    await again.close();
  });

  it('the command line refuses with the same message and exit code 1 while the app holds the folder', () => {
    const dir = tmp();
    const release = acquireDataDirLock(dir);
    try {
      const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'src/cli/main.ts'), 'migrate'], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' },
        encoding: 'utf8',
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(refusal(dir));
    } finally {
      release();
    }
  });

  it('a lock taken on a file that was deleted meanwhile (a holder releasing just then) is not trusted', async () => {
    const dir = tmp();
    const lockFile = path.join(dir, 'doorlopend.lock');
    // A flock that, the first time, lets the file disappear between our opening it and locking it.
    const racyFlock = path.join(tmp(), 'flock');
    const marker = `${racyFlock}.eerste-keer`;
    fs.writeFileSync(racyFlock, `#!/bin/sh\nif [ ! -e '${marker}' ]; then : > '${marker}'; rm -f '${lockFile}'; fi\nexec flock "$@"\n`, { mode: 0o755 });
    const release = acquireDataDirLock(dir, { flockCommand: racyFlock });
    try {
      expect(fs.existsSync(marker)).toBe(true);
      // What we hold is the file that has the name now: another process is refused.
      expect(await startHolder(dir).report).toMatchObject({ held: false, name: 'DatabaseLockedError' });
    } finally {
      release();
    }
  });

  it('says clearly when the flock program is missing, and takes nothing', () => {
    const dir = tmp();
    expect(() => acquireDataDirLock(dir, { flockCommand: path.join(dir, 'geen-flock') })).toThrowError(DatabaseLockUnavailableError);
    expect(() => acquireDataDirLock(dir, { flockCommand: path.join(dir, 'geen-flock') })).toThrowError(/flock van util-linux.*DATABASE_URL/s);
    acquireDataDirLock(dir)();
  });

  it('refuses a lock file that is a symbolic link (it would lock some other file)', () => {
    const dir = tmp();
    const elsewhere = path.join(tmp(), 'ander-bestand');
    fs.writeFileSync(elsewhere, '');
    fs.symlinkSync(elsewhere, path.join(dir, 'doorlopend.lock'));
    expect(() => acquireDataDirLock(dir)).toThrowError(DatabaseLockUnavailableError);
  });

  it('names the holder from its note in the lock file, only as a hint', async () => {
    const dir = tmp();
    const holder = await startHolder(dir).report;
    expect(() => acquireDataDirLock(dir)).toThrowError(new RegExp(`volgens het slotbestand: pid ${holder.pid} op ${os.hostname()}`));
  });

  describe('the decision does not depend on the PID in the lock file (as from another PID namespace)', () => {
    it('a stale lock file claiming PID 1 does not block a start', () => {
      const dir = tmp();
      fs.writeFileSync(path.join(dir, 'doorlopend.lock'), '1');
      acquireDataDirLock(dir)();
    });

    it('a stale lock file naming a live unrelated process does not block a start', () => {
      const dir = tmp();
      // The parent of this test process is alive and is not a Doorlopend process holding the folder.
      fs.writeFileSync(path.join(dir, 'doorlopend.lock'), String(process.ppid));
      acquireDataDirLock(dir)();
    });

    it('a stale lock file naming this very process does not block a start', () => {
      const dir = tmp();
      // What a restarted container sees when it runs as PID 1 again: the file names "us".
      fs.writeFileSync(path.join(dir, 'doorlopend.lock'), String(process.pid));
      acquireDataDirLock(dir)();
    });

    it('a live holder blocks, whatever PID its lock file names (here one that means nothing in this namespace)', async () => {
      const dir = tmp();
      const holder = startHolder(dir);
      expect((await holder.report).held).toBe(true);
      const gone = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());
      fs.writeFileSync(path.join(dir, 'doorlopend.lock'), String(gone));
      expect(() => acquireDataDirLock(dir)).toThrowError(refusal(dir));
      const other = await startHolder(dir).report;
      expect(other).toMatchObject({ held: false, name: 'DatabaseLockedError' });
    });
  });

  describe.skipIf(!canUnshare)('in real PID namespaces (unshare), as two containers on one volume', () => {
    it('a holder that ran as PID 1 and was killed does not block a restart as PID 1', async () => {
      const dir = tmp();
      const holder = startHolder(dir, { namespace: 'pid1' });
      const report = await holder.report;
      expect(report).toMatchObject({ held: true, pid: 1 });
      await killHard(holder, report);
      const restarted = await startHolder(dir, { namespace: 'pid1' }).report;
      expect(restarted).toMatchObject({ held: true, pid: 1 });
    });

    it('a second server in another namespace cannot take a folder that is in use', async () => {
      const dir = tmp();
      // The holder is PID 5000 in its namespace; in the second one there is no PID 5000.
      const first = await startHolder(dir, { namespace: 'pid5000' }).report;
      expect(first).toMatchObject({ held: true, pid: 5000 });
      const second = await startHolder(dir, { namespace: 'pid1' }).report;
      expect(second).toMatchObject({ held: false, pid: 1, name: 'DatabaseLockedError' });
      expect(second.message).toMatch(refusal(dir));
    });
  });
});
