/** The real server process: starts on an empty folder in demo mode, answers, and stops cleanly on SIGTERM and SIGINT. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_DB } from '../support/db.js';
import { PROJECT_ROOT } from '../support/shared-data.js';

const MAIN = path.join(PROJECT_ROOT, 'dist', 'server', 'main.js');
const built = fs.existsSync(MAIN);

async function start(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '', DOORLOPEND_MODE: 'demo', LOG_LEVEL: 'warn' },
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
});
