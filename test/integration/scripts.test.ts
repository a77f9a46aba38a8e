/**
 * Every script in package.json runs once, in a cheap form, so none can rot unnoticed (issue 11). The test fails when a
 * script is added to package.json without a case here (and for a case whose script is gone).
 *
 * `build` is run by `npm test` before the tests: checked by its output. `start` and `dev` start, answer /api/health and
 * stop on SIGTERM; `import` loads the demo data into a temporary DATA_DIR; `doorlopend` shows its help; `typecheck` and
 * `lint:layers` pass; the benches run one tiny iteration (`--smoke`). `test` and `test:*` would run the tests inside
 * the tests: their vitest project names are checked against vitest.config.ts instead.
 *
 * PGlite tier only (it starts processes and builds nothing per database). `start` and `bench` check that dist/ is as
 * new as src/ (scripts/ensure-built.mjs) and build when it is not: run after `npm run build`, as `npm test` does.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import vitestConfig from '../../vitest.config.js';
import { listMigrations } from '../../src/server/db/migrate.js';
import { PROJECT_ROOT } from '../support/shared-data.js';
import { TEST_DB } from '../support/db.js';

const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const temps: string[] = [];
const tempDir = (prefix: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), `doorlopend-scripts-${prefix}-`));
  temps.push(d);
  return d;
};
/** Process groups still running (a case that failed or timed out): ended after the file, never left behind. */
const running = new Set<number>();
afterAll(() => {
  for (const pgid of running) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

/** Two at a time (most scripts are CPU work and the machine has 2 cores); the longest first (see CASES' order). */
let free = 2;
const waiting: Array<() => void> = [];
async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (free === 0) await new Promise<void>((resolve) => waiting.push(resolve));
  else free -= 1;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else free += 1;
  }
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** `npm run <script> -- <args>` in its own process group (so SIGTERM reaches the server behind npm and sh). */
function npmRun(script: string, args: string[] = [], env: Record<string, string> = {}, until?: (output: string) => Promise<boolean> | boolean) {
  const child = spawn('npm', ['run', '--silent', script, ...(args.length > 0 ? ['--', ...args] : [])], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid !== undefined) running.add(child.pid);
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const done = new Promise<Run>((resolve) =>
    child.on('close', (code, signal) => {
      if (child.pid !== undefined) running.delete(child.pid);
      resolve({ code, signal, output });
    }),
  );
  return { child, done, output: () => output, stop: () => child.pid !== undefined && process.kill(-child.pid, 'SIGTERM'), until };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      server.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** Starts a server script, waits for GET /api/health (200, JSON status ok), sends SIGTERM to its process group. */
async function startsAndStops(script: string): Promise<void> {
  const port = await freePort();
  const dir = tempDir(script);
  const run = npmRun(script, [], { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: path.join(dir, 'pglite'), MAIL_OUTBOX_DIR: path.join(dir, 'outbox'), DATABASE_URL: '', DOORLOPEND_MODE: 'demo' });
  let health: { status: number; body: unknown } | undefined;
  let exited = false;
  void run.done.then(() => (exited = true));
  try {
    while (!health && !exited) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        health = { status: res.status, body: await res.json() };
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    expect(health, `${script} antwoordde niet:\n${run.output()}`).toEqual({ status: 200, body: { status: 'ok', modus: 'demo' } });
  } finally {
    if (!exited) run.stop();
  }
  const result = await run.done;
  // The server's own graceful shutdown ran (its Dutch line), and nothing is listening any more.
  expect(result.output, result.output).toMatch(/SIGTERM ontvangen/);
  await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
}

async function succeeds(script: string, args: string[] = [], env: Record<string, string> = {}): Promise<string> {
  const result = await npmRun(script, args, env).done;
  expect(result.code, `npm run ${script} ${args.join(' ')} (exit ${result.code}):\n${result.output.slice(-4000)}`).toBe(0);
  return result.output;
}

/** The `--project` names of a `vitest run` script. */
const projectsOf = (command: string) => [...command.matchAll(/--project[ =](\S+)/g)].map((m) => m[1]!);
const projectNames = ((vitestConfig.test?.projects ?? []) as Array<{ test?: { name?: string } }>).map((p) => p.test?.name);

/** Per case, waiting for a slot included: generous, for a loaded machine (not a timing bound). */
const SLOW = 600_000;

/** One case per script; the slow ones first (they start first). */
const CASES: Record<string, () => Promise<void>> = {
  typecheck: async () => {
    await succeeds('typecheck');
  },
  bench: async () => {
    const out = await succeeds('bench', ['--smoke']);
    expect(out).toMatch(/Start tot eerste antwoord/);
  },
  build: async () => {
    // npm test builds first; here its output: the server, the migrations beside it, the CLI and the front end.
    for (const f of ['dist/server/main.js', 'dist/cli/main.js', 'dist/client/index.html']) {
      expect(fs.existsSync(path.join(PROJECT_ROOT, f)), `${f} ontbreekt: voer eerst npm run build uit`).toBe(true);
    }
    const built = fs.readdirSync(path.join(PROJECT_ROOT, 'dist/server/db/migrations')).sort();
    expect(built).toEqual(expect.arrayContaining((await listMigrations()).map((m) => m.name)));
    expect(pkg.scripts.build).toMatch(/tsc -p tsconfig\.server\.json/);
    expect(pkg.scripts.build).toMatch(/vite build/);
  },
  start: () => startsAndStops('start'),
  dev: () => startsAndStops('dev'),
  import: async () => {
    const dir = tempDir('import');
    const out = await succeeds('import', ['slo', path.join(PROJECT_ROOT, 'demo-data', 'slo'), '--release', 'demo-test'], { DATA_DIR: path.join(dir, 'pglite'), DATABASE_URL: '' });
    expect(out).toMatch(/\S/);
    expect(fs.existsSync(path.join(dir, 'pglite'))).toBe(true);
  },
  doorlopend: async () => {
    const out = await succeeds('doorlopend', ['--help']);
    expect(out).toMatch(/import/);
  },
  'lint:layers': async () => {
    await succeeds('lint:layers');
  },
  'bench:quality': async () => {
    const out = await succeeds('bench:quality', ['--smoke']);
    expect(out).toMatch(/Doorlopend\s*:/);
  },
  'bench:aligner': async () => {
    const out = await succeeds('bench:aligner', ['--smoke']);
    expect(out).toMatch(/per combinatie/);
  },
  test: async () => {
    // Runs every tier itself: only its runner is checked here.
    expect(pkg.scripts.test).toBe('node scripts/test-all.mjs');
    expect(fs.existsSync(path.join(PROJECT_ROOT, 'scripts/test-all.mjs'))).toBe(true);
  },
  'test:unit': async () => {
    expect(projectsOf(pkg.scripts['test:unit']!)).toEqual(['unit']);
  },
  'test:integration': async () => {
    expect(projectsOf(pkg.scripts['test:integration']!)).toEqual(['integration-pglite', 'integration-postgres']);
  },
  'test:browser': async () => {
    expect(projectsOf(pkg.scripts['test:browser']!)).toEqual(['browser']);
  },
};

describe.skipIf(TEST_DB !== 'pglite')('every script in package.json runs', () => {
  it('has a case for every script, and a script for every case', () => {
    expect(Object.keys(pkg.scripts).sort()).toEqual(Object.keys(CASES).sort());
  });

  it('every test:* script names vitest projects that exist', () => {
    for (const [name, command] of Object.entries(pkg.scripts).filter(([n]) => n.startsWith('test:'))) {
      const projects = projectsOf(command);
      expect(projects.length, name).toBeGreaterThan(0);
      for (const p of projects) expect(projectNames, `${name}: --project ${p}`).toContain(p);
    }
  });

  // Concurrently, two at a time (the slot): most of these are CPU work, and more at once would only compete for 2 cores.
  for (const [name, run] of Object.entries(CASES)) {
    it.concurrent(`npm run ${name}`, () => slot(run), SLOW);
  }
});
