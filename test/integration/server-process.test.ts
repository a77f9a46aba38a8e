/** The real server process: starts on an empty folder in demo mode, answers, and stops cleanly on SIGTERM and SIGINT. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB } from '../support/db.js';
import { openDatabase } from '../../src/server/db/database.js';
import { PROJECT_ROOT } from '../support/shared-data.js';
import { freePort } from '../support/ports.js';

const MAIN = path.join(PROJECT_ROOT, 'dist', 'server', 'main.js');
const built = fs.existsSync(MAIN);

/** What the process wrote to stdout so far (JSON log lines and start-up messages). */
const outputs = new WeakMap<ChildProcess, { text: string }>();

async function start(dataDir: string, port: number, mode: 'demo' | 'production' = 'demo', logLevel = 'warn'): Promise<ChildProcess> {
  const child = spawn(process.execPath, [MAIN], {
    // Production mode requires PUBLIC_URL (the address users reach; here the app itself).
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '', DOORLOPEND_MODE: mode, LOG_LEVEL: logLevel, PUBLIC_URL: mode === 'production' ? `http://127.0.0.1:${port}` : '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { text: '' };
  outputs.set(child, output);
  child.stdout!.on('data', (chunk) => (output.text += chunk));
  let errors = '';
  child.stderr!.on('data', (chunk) => (errors = (errors + chunk).slice(-2000)));
  for (let i = 0; i < 600; i += 1) {
    if (child.exitCode !== null) throw new Error(`server stopped with ${child.exitCode}:\n${errors}${output.text.slice(-2000)}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('server did not answer');
}

/** True once a new TCP connection to the port is refused. */
async function newConnectionRefused(port: number): Promise<boolean> {
  for (let attempt = 0; attempt < 500; attempt += 1) {
    const code = await new Promise<string | undefined>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(undefined);
      });
      s.once('error', (err: NodeJS.ErrnoException) => resolve(err.code));
    });
    if (code === 'ECONNREFUSED') return true;
    await new Promise((r) => setTimeout(r, 10));
  }
  return false;
}

const exitOf = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

describe.skipIf(TEST_DB !== 'pglite' || !built)('the server process on the embedded database', () => {
  const dirs: string[] = [];
  /**
   * The folder of the tests in demo mode, used in turn: the first test starts on it empty (and loads the demo catalogue
   * into it), each later one starts on the folder the shutdown before it left. So every way of stopping (SIGTERM,
   * SIGINT) is followed by a start on its folder, which is the check that nothing was left half-written, without a
   * second start per test (a cold start on an empty folder costs 8–10 s, a start on a filled one 3–4 s). The log test
   * and the slow-request test share one process: the log test's requests first, then the slow request and SIGTERM.
   */
  let demoDir: string;
  /** The process the log test leaves running for the slow-request test (one start fewer). */
  let running: { child: ChildProcess; port: number } | undefined;
  beforeAll(() => {
    demoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-proc-'));
  });
  afterAll(async () => {
    if (running && running.child.exitCode === null) {
      const exited = exitOf(running.child);
      running.child.kill('SIGKILL');
      await exited;
    }
    for (const d of [demoDir, ...dirs]) if (d) fs.rmSync(d, { recursive: true, force: true });
  });

  /** Signs in with a demo account, checks the folder is locked, stops the process with the signal: exit 0, lock gone. */
  async function signInAndStop(child: ChildProcess, port: number, signal: 'SIGTERM' | 'SIGINT') {
    const status = await (await fetch(`http://127.0.0.1:${port}/api/catalog/status`)).json();
    expect(status.isDemo).toBe(true);
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'beheerder@vmbo.demo', wachtwoord: 'demo-wachtwoord' }),
    });
    expect(login.status).toBe(200);
    expect(fs.existsSync(path.join(demoDir, 'doorlopend.lock'))).toBe(true);
    const exited = exitOf(child);
    child.kill(signal);
    expect(await exited).toBe(0);
    expect(fs.existsSync(path.join(demoDir, 'doorlopend.lock'))).toBe(false);
  }

  it('loads the demo catalogue into an empty folder and closes cleanly on SIGTERM', async () => {
    expect(fs.readdirSync(demoDir)).toEqual([]);
    const port = await freePort();
    await signInAndStop(await start(demoDir, port), port, 'SIGTERM');
  }, 90_000);

  it('opens the folder again after SIGTERM, and closes cleanly on SIGINT', async () => {
    const port = await freePort();
    await signInAndStop(await start(demoDir, port), port, 'SIGINT');
  }, 90_000);

  it('opens the folder again after SIGINT; writes JSON log lines with the request id, which is also the X-Request-Id answer header', async () => {
    const port = await freePort();
    const child = await start(demoDir, port, 'demo', 'debug');
    running = { child, port };
    const given = await fetch(`http://127.0.0.1:${port}/api/bestaat-niet`, { headers: { 'x-request-id': 'nginx-4f1c2d3e4f5a6b7c' } });
    expect(given.status).toBe(404);
    expect(given.headers.get('x-request-id')).toBe('nginx-4f1c2d3e4f5a6b7c');
    const made = await fetch(`http://127.0.0.1:${port}/api/health`, { headers: { 'x-request-id': 'geen goed id' } });
    const madeId = made.headers.get('x-request-id')!;
    expect(madeId).toMatch(/^[0-9a-f-]{36}$/);
    // The complete lines so far: a line is written when its answer is finished and reaches us through the pipe just
    // after, so wait for them (the process goes on to the next test; the wait is bounded by the test's timeout).
    const entries = () => {
      const text = outputs.get(child)!.text;
      const lines = text.slice(0, text.lastIndexOf('\n') + 1).split('\n').filter((l) => l.startsWith('{'));
      return lines.map((l) => JSON.parse(l) as { reqId?: string; msg?: string; req?: { url?: string }; res?: { statusCode?: number } });
    };
    const poll = { timeout: 60_000, interval: 50 };
    await expect.poll(() => entries().filter((e) => e.reqId === 'nginx-4f1c2d3e4f5a6b7c').map((e) => e.msg), poll).toEqual(['incoming request', 'request completed']);
    expect(entries().find((e) => e.reqId === 'nginx-4f1c2d3e4f5a6b7c' && e.res)?.res?.statusCode).toBe(404);
    await expect.poll(() => entries().some((e) => e.reqId === madeId && e.req?.url === '/api/health'), poll).toBe(true);
  }, 90_000);

  it('on SIGTERM finishes a slow request in progress, refuses new connections, answers 503 on the busy connection, and exits 0', async () => {
    // The server the log test left running (its debug logging changes nothing here); a new one when run alone.
    const left = running?.child.exitCode === null ? running : undefined;
    running = undefined;
    const port = left?.port ?? await freePort();
    const child = left?.child ?? (await start(demoDir, port));
    // A slow client: the sign-in's headers now, its body later. "Expect: 100-continue" makes the server say when it has
    // the headers, so the request is in progress (not an idle connection) when SIGTERM comes.
    const body = JSON.stringify({ email: 'beheerder@vmbo.demo', wachtwoord: 'demo-wachtwoord' });
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    let gotContinue!: () => void;
    const continued = new Promise<void>((r) => (gotContinue = r));
    socket.on('data', (chunk) => {
      received += chunk;
      if (received.includes('100 Continue')) gotContinue();
    });
    const socketClosed = new Promise((r) => socket.on('close', r));
    socket.write(
      `POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n${body.slice(0, 10)}`,
    );
    await continued;
    const exited = exitOf(child);
    child.kill('SIGTERM');
    expect(await newConnectionRefused(port)).toBe(true);
    // The rest of the body, and right behind it a readiness request on the same connection.
    socket.write(`${body.slice(10)}GET /api/ready HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    await socketClosed;
    expect(await exited).toBe(0);
    const answers = received.split(/(?=HTTP\/1\.1 )/).filter((a) => !a.startsWith('HTTP/1.1 100'));
    expect(answers).toHaveLength(2);
    expect(answers[0]).toMatch(/^HTTP\/1\.1 200 /);
    expect(answers[0]).toMatch(/\r\nset-cookie: doorlopend_sessie=/i);
    expect(answers[1]).toMatch(/^HTTP\/1\.1 503 /);
    expect(answers[1]).toMatch(/\r\nConnection: close\r\n/i);
    expect(answers[1]).toContain('"detail":"Deze server wordt afgesloten. Probeer het zo opnieuw."');
  }, 90_000);

  it('creates no organisations or users in production mode', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-proc-'));
    dirs.push(dir);
    const port = await freePort();
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
