/** The real server process: starts on an empty folder in demo mode, answers, and stops cleanly on SIGTERM and SIGINT. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_DB } from '../support/db.js';
import { openDatabase } from '../../src/server/db/database.js';
import { PROJECT_ROOT } from '../support/shared-data.js';

const MAIN = path.join(PROJECT_ROOT, 'dist', 'server', 'main.js');
const built = fs.existsSync(MAIN);

async function start(dataDir: string, port: number, mode: 'demo' | 'production' = 'demo'): Promise<ChildProcess> {
  const child = spawn(process.execPath, [MAIN], {
    // Production mode requires PUBLIC_URL (the address users reach; here the app itself).
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '', DOORLOPEND_MODE: mode, LOG_LEVEL: 'warn', PUBLIC_URL: mode === 'production' ? `http://127.0.0.1:${port}` : '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (let i = 0; i < 600; i += 1) {
    if (child.exitCode !== null) throw new Error(`server stopped with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('server did not answer');
}

const exitOf = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

describe.skipIf(TEST_DB !== 'pglite' || !built)('the server process on the embedded database', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`loads the demo catalogue into an empty folder and closes cleanly on ${signal}`, async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-proc-'));
      dirs.push(dir);
      const port = 39000 + Math.floor(Math.random() * 1000);
      const child = await start(dir, port);
      const status = await (await fetch(`http://127.0.0.1:${port}/api/catalog/status`)).json();
      expect(status.isDemo).toBe(true);
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'beheerder@vmbo.demo', wachtwoord: 'demo-wachtwoord' }),
      });
      expect(login.status).toBe(200);
      expect(fs.existsSync(path.join(dir, 'doorlopend.lock'))).toBe(true);
      const exited = exitOf(child);
      child.kill(signal);
      expect(await exited).toBe(0);
      expect(fs.existsSync(path.join(dir, 'doorlopend.lock'))).toBe(false);
      // The folder opens again: nothing was left half-written.
      const again = await start(dir, port + 1);
      const exitedAgain = exitOf(again);
      again.kill('SIGTERM');
      expect(await exitedAgain).toBe(0);
    }, 90_000);
  }

  it('creates no organisations or users in production mode', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-proc-'));
    dirs.push(dir);
    const port = 38000 + Math.floor(Math.random() * 1000);
    const child = await start(dir, port, 'production');
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'beheerder@vmbo.demo', wachtwoord: 'demo-wachtwoord' }),
    });
    expect(login.status).toBe(401);
    const exited = exitOf(child);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const database = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      const n = await database.db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const o = await database.db.selectFrom('organisation').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect([Number(n.n), Number(o.n)]).toEqual([0, 0]);
    } finally {
      await database.close();
    }
  }, 90_000);
});
