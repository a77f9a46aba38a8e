/**
 * Every script in package.json runs once, in a cheap form, so none can rot unnoticed (issue 11). The test fails when a
 * script is added to package.json without a case here (and for a case whose script is gone).
 *
 * `build` is run by `npm test` before the tests: checked by its output. `start` starts on an empty DATA_DIR (the
 * README's quick start), `dev` and then `import` (the demo SLO data) on the folder `start` left: a cold start on an
 * empty folder is checked once here (and in test/integration/server-process.test.ts and by `bench --smoke`), not three
 * times. `start` and `dev` answer /api/health and stop on SIGTERM; `doorlopend` shows its help; `typecheck` passes (its
 * first command, `tsc -p tsconfig.server.json --noEmit`, is the build's own first step, so it is skipped when a
 * complete build is newer than the sources: see typecheckCommands); the benches run one tiny iteration (`--smoke`).
 * `test` and `test:*` would run the tests inside the tests: their vitest project names are checked against
 * vitest.config.ts instead; `lint:layers` is the dependency-cruiser run test/unit/architecture.test.ts makes over src/
 * ("src/ breaks none of them"): its command is checked, not run twice.
 *
 * PGlite tier only (it starts processes and builds nothing per database). `start` and `bench` check that dist/ is as
 * new as src/ (scripts/ensure-built.mjs) and build when it is not: run after `npm run build`, as `npm test` does.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import vitestConfig from '../../vitest.config.js';
import { listMigrations } from '../../src/server/db/migrate.js';
import { PROJECT_ROOT } from '../support/shared-data.js';
import { freePort } from '../support/ports.js';
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

/** Two processes at a time (most scripts are CPU work and the machine has 2 cores); first come, first served. */
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
function npmRun(script: string, args: string[] = [], env: Record<string, string> = {}) {
  return runInGroup('npm', ['run', '--silent', script, ...(args.length > 0 ? ['--', ...args] : [])], env);
}

/** One command of a script, as npm runs it: by sh, with node_modules/.bin first on the PATH. */
function shRun(command: string) {
  return runInGroup('sh', ['-c', command], { PATH: `${path.join(PROJECT_ROOT, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}` });
}

function runInGroup(file: string, args: string[], env: Record<string, string>) {
  const child = spawn(file, args, {
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
  return { child, done, output: () => output, stop: () => child.pid !== undefined && process.kill(-child.pid, 'SIGTERM') };
}

/**
 * Starts a server script on the folder (its DATA_DIR is `<dir>/pglite`), waits for GET /api/health (200, JSON status
 * ok), sends SIGTERM to its process group.
 */
async function startsAndStops(script: string, dir: string): Promise<void> {
  const port = await freePort();
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
  const result = await slot(() => npmRun(script, args, env).done);
  expect(result.code, `npm run ${script} ${args.join(' ')} (exit ${result.code}):\n${result.output.slice(-4000)}`).toBe(0);
  return result.output;
}

/** The newest modification time in a folder, its subfolders included. */
function newest(dir: string): number {
  let t = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

/**
 * The commands of `npm run typecheck` to run here. Its first, `tsc -p tsconfig.server.json --noEmit`, is the check
 * `npm run build` starts with (`tsc -p tsconfig.server.json && …`): a type error there fails the build, so its later
 * steps do not run. So when the build's last output (dist/client/index.html, by vite build) is newer than the server
 * build's output and than every source and tsconfig file, the server-side check passed on these very sources and is
 * not run again (in CI: always, as `npm test` builds first). Otherwise (sources changed since) it runs here too.
 */
function typecheckCommands(): string[] {
  const commands = pkg.scripts.typecheck!.split('&&').map((c) => c.trim());
  expect(commands[0]).toBe('tsc -p tsconfig.server.json --noEmit');
  expect(pkg.scripts.build!.split('&&')[0]!.trim()).toBe('tsc -p tsconfig.server.json');
  const stamp = (f: string) => (fs.existsSync(path.join(PROJECT_ROOT, f)) ? fs.statSync(path.join(PROJECT_ROOT, f)).mtimeMs : 0);
  const client = stamp('dist/client/index.html');
  const server = stamp('dist/server/main.js');
  const sources = Math.max(newest(path.join(PROJECT_ROOT, 'src')), stamp('tsconfig.base.json'), stamp('tsconfig.server.json'));
  const builtSince = server > 0 && client >= server && client > sources;
  return builtSince ? commands.slice(1) : commands;
}

/** Runs one command of a script (see shRun) in a slot; expects exit 0. */
async function commandSucceeds(command: string): Promise<void> {
  const result = await slot(() => shRun(command).done);
  expect(result.code, `${command} (exit ${result.code}):\n${result.output.slice(-4000)}`).toBe(0);
}

/** A value set later, awaited meanwhile (the folder `start` leaves for `dev`, and `dev` for `import`). */
function later<T>() {
  let set!: (value: T) => void;
  const value = new Promise<T>((resolve) => (set = resolve));
  return { value, set };
}
const startFolder = later<string>();
const devFolder = later<string>();

/** The `--project` names of a `vitest run` script. */
const projectsOf = (command: string) => [...command.matchAll(/--project[ =](\S+)/g)].map((m) => m[1]!);
const projectNames = ((vitestConfig.test?.projects ?? []) as Array<{ test?: { name?: string } }>).map((p) => p.test?.name);

/** Per case, waiting for a slot included: generous, for a loaded machine (not a timing bound). */
const SLOW = 600_000;

/**
 * One case per script, each asking for a slot for its own processes (two at a time). All cases start at once, so they
 * ask in this order: the slow ones first.
 */
const CASES: Record<string, () => Promise<void>> = {
  typecheck: async () => {
    // Its commands side by side (each a process of its own on one core); see typecheckCommands.
    await Promise.all(typecheckCommands().map(commandSucceeds));
  },
  bench: async () => {
    const out = await succeeds('bench', ['--smoke']);
    expect(out).toMatch(/Start tot eerste antwoord/);
  },
  start: async () => {
    // On an empty folder, as on a fresh clone; `dev` and `import` go on on the folder it leaves, also when it failed.
    const dir = tempDir('start');
    try {
      await slot(() => startsAndStops('start', dir));
    } finally {
      startFolder.set(dir);
    }
  },
  dev: async () => {
    const dir = await startFolder.value;
    try {
      await slot(() => startsAndStops('dev', dir));
    } finally {
      devFolder.set(dir);
    }
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
  'bench:quality': async () => {
    const out = await succeeds('bench:quality', ['--smoke']);
    expect(out).toMatch(/Doorlopend\s*:/);
  },
  'bench:aligner': async () => {
    const out = await succeeds('bench:aligner', ['--smoke']);
    expect(out).toMatch(/per combinatie/);
  },
  'bench:thesaurus-gaps': async () => {
    // It has no --smoke yet: it reads the national data (../shared, not in CI) and the demo data lack the SBB XML it
    // imports. Until it has one (asked in /work/prompts/out/ci-speed-requests.md), only its command and file are checked
    // here; it is type-checked by `typecheck` (tsconfig.json includes bench/).
    expect(pkg.scripts['bench:thesaurus-gaps']).toBe('tsx bench/thesaurus-gaps.ts');
    expect(fs.existsSync(path.join(PROJECT_ROOT, 'bench/thesaurus-gaps.ts'))).toBe(true);
  },
  import: async () => {
    // Into the folder `start` and `dev` used (its database exists: the import's own work, not a first start, is timed).
    const dir = await devFolder.value;
    const out = await succeeds('import', ['slo', path.join(PROJECT_ROOT, 'demo-data', 'slo'), '--release', 'demo-test'], { DATA_DIR: path.join(dir, 'pglite'), DATABASE_URL: '' });
    expect(out).toMatch(/\S/);
    expect(fs.existsSync(path.join(dir, 'pglite'))).toBe(true);
  },
  doorlopend: async () => {
    const out = await succeeds('doorlopend', ['--help']);
    expect(out).toMatch(/import/);
  },
  'lint:layers': async () => {
    // test/unit/architecture.test.ts runs this very command over src/ (with --output-type json) and fails on any
    // violation; here only that the script is still that command, and its program is installed.
    expect(pkg.scripts['lint:layers']).toBe('depcruise src --config .dependency-cruiser.cjs');
    expect(fs.existsSync(path.join(PROJECT_ROOT, 'node_modules', '.bin', 'depcruise'))).toBe(true);
    expect(fs.readFileSync(path.join(PROJECT_ROOT, 'test/unit/architecture.test.ts'), 'utf8')).toMatch(/\[DEPCRUISE, 'src', '--config', CONFIG/);
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
  /**
   * Every case's work, started together before the first case (each asks for slots itself, in CASES' order), so that
   * `dev` waiting for `start` holds no slot, and vitest's limit on concurrent tests does not decide the order.
   */
  const work = new Map<string, Promise<void>>();
  beforeAll(() => {
    for (const [name, run] of Object.entries(CASES)) {
      const p = run();
      p.catch(() => undefined); // reported by its own case below
      work.set(name, p);
    }
  });

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

  for (const name of Object.keys(CASES)) {
    it(`npm run ${name}`, () => work.get(name)!, SLOW);
  }
});
