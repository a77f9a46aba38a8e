/**
 * npm run bench: the figures BENCHMARKS.md records.
 * - full SLO import into PGlite (a data folder) and into PostgreSQL (a fresh database);
 * - time from process start to the first answered request (empty folder with demo seeding, and a folder with the national data);
 * - p50/p95 latency of keuzevak detail and of search at 20 concurrent keep-alive connections on loopback;
 * - the zoekmonitor (issue 5): match index build time, and /api/match at 20 connections, first time (computed) and repeated.
 * - the leerroute-ontwerper (issue 6): a route with 300 planned doelen, planning actions and coverage checks on the server.
 * - the regelbank (issue 13, bench/regels.ts): every rule on that 300-doelen route and its agreement (p95 < 20 ms), and GET …/regels.
 * - many instances (issue 11): catalogue (search, keuzevak detail) and /api/match at 100 connections against one instance
 *   on PostgreSQL, then against two instances on the same database (the load generator alternates between them).
 * - the front end (issue 11, bench/frontend.ts): JS and CSS bytes of the first load of the home page and a leerroute step, time to interactive in Chromium.
 * Needs ../shared (the national data) and a built project (npm run build). PostgreSQL is optional.
 * `--smoke` (BENCH_SMOKE=1): one tiny iteration on the demo data only, for CI (see smoke()).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/server/db/database.js';
import { importSlo } from '../src/server/use-cases/catalog/import-slo.js';
import { importMboTabel } from '../src/server/use-cases/catalog/import-mbo-tabel.js';
import { importSbbXml } from '../src/server/use-cases/catalog/import-sbb-xml.js';
import type { Database } from '../src/server/db/database.js';
import { snapshotOf } from '../src/server/repositories/catalog-snapshot.js';
import { alignerOf } from '../src/server/use-cases/inventory/aligner.js';
import { computeInventory } from '../src/server/use-cases/inventory/get-inventory.js';
import { largestSelection } from '../src/server/use-cases/inventory/largest-selection.js';
import { MatchIndex } from '../src/domain/matching/match.js';
import { benchLeerroute } from './leerroute.js';
import { benchRegels } from './regels.js';
import { benchImpact } from './impact.js';
import { benchBeoordeling } from './beoordeling.js';
import { benchMenukaart } from './menukaart.js';
import { benchFrontend } from './frontend.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const SHARED = path.resolve(process.env.DOORLOPEND_SHARED_DIR ?? path.join(ROOT, '..', 'shared'));
const SLO_DIR = path.join(SHARED, 'data', 'slo');
const MBO_DIR = path.join(SHARED, 'data', 'mbo', 'catalog');
const MBO_TABLES = ['kwalificaties', 'kerntaken-werkprocessen', 'keuzedelen', 'keuzedeel-aanbod'];

interface ImportTimes {
  slo: number;
  mboTabellen: number;
  sbbXml: number;
}

async function importAll(db: Database): Promise<ImportTimes> {
  let t = performance.now();
  await importSlo({ db: db.db, location: SLO_DIR, release: '2025-11' });
  const slo = performance.now() - t;
  t = performance.now();
  for (const f of MBO_TABLES) await importMboTabel({ db: db.db, file: path.join(MBO_DIR, `${f}.csv`), release: 'bench' });
  const mboTabellen = performance.now() - t;
  t = performance.now();
  await importSbbXml({ db: db.db, location: path.join(MBO_DIR, 'sbb-xml'), release: '2016' });
  return { slo, mboTabellen, sbbXml: performance.now() - t };
}
const PG_ADMIN = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const SMOKE = process.argv.includes('--smoke') || process.env.BENCH_SMOKE === '1';
const DURATION_MS = SMOKE ? 1000 : Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const CONNECTIONS = 20;

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-bench-'));

async function timeImportPglite(): Promise<ImportTimes> {
  const dir = tmp();
  const db = await openDatabase({ kind: 'pglite', dataDir: dir });
  const times = await importAll(db);
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return times;
}

async function timeImportPostgres(): Promise<ImportTimes | null> {
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const name = `doorlopend_bench_${process.pid}`;
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG_ADMIN);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', url: url.toString() });
  const times = await importAll(db);
  await db.close();
  // Not WITH (FORCE): that would terminate pool sockets that are still closing, and their FATAL message would crash
  // this process (see test/support/db.ts); wait until they are gone.
  for (let attempt = 0; ; attempt += 1) {
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      break;
    } catch (err) {
      if ((err as { code?: string }).code !== '55006' || attempt >= 50) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await admin.end();
  return times;
}

function get(agent: http.Agent, port: number, urlPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: urlPath, agent }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(res.statusCode) : reject(new Error(`${urlPath}: HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
  });
}

async function startServer(dataDir: string, port: number): Promise<{ child: ChildProcess; msToFirstAnswer: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const agent = new http.Agent({ keepAlive: false });
  for (;;) {
    if (child.exitCode !== null) throw new Error('De server stopte voordat hij antwoordde.');
    try {
      await get(agent, port, '/api/health');
      return { child, msToFirstAnswer: performance.now() - started };
    } catch {
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

async function stop(child: ChildProcess) {
  const done = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await done;
}

/** `port`: one instance, or several taken in turn request by request (a round-robin proxy in the load generator). */
async function load(port: number | number[], paths: string[], connections = CONNECTIONS): Promise<{ requests: number; p50: number; p95: number; p99: number; rps: number }> {
  const ports = [port].flat();
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  const end = performance.now() + DURATION_MS;
  let i = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const n = i++;
        const p = paths[n % paths.length]!;
        const t = performance.now();
        await get(agent, ports[n % ports.length]!, p);
        latencies.push(performance.now() - t);
      }
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), rps: latencies.length / (DURATION_MS / 1000) };
}

/** Every path exactly once, over CONNECTIONS keep-alive connections (for answers the server has not computed before). */
async function loadOnce(port: number, paths: string[]): Promise<{ requests: number; failed: number; answered: string[]; p50: number; p95: number; p99: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  const answered: string[] = [];
  let failed = 0;
  let i = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (i < paths.length) {
        const p = paths[i++]!;
        const t = performance.now();
        // A kwalificatie without a current dossier has no match (404): it still counts as an answer.
        await get(agent, port, p).then(
          () => answered.push(p),
          () => (failed += 1),
        );
        latencies.push(performance.now() - t);
      }
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, failed, answered, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) };
}

/** Zoekmonitor (issue 5): building the match index of the national catalogue, once the catalogue snapshot is there. */
async function benchMatchIndex(db: Database): Promise<void> {
  const snapshot = await snapshotOf(db.db);
  const runs: Array<{ build: number; warm: number }> = [];
  for (let i = 0; i < 3; i++) {
    const index = new MatchIndex({ vmbo: snapshot, mbo: snapshot.mbo, lexicon: snapshot.lexicon });
    runs.push({ build: index.builtInMs, warm: index.warm() });
  }
  const line = runs.map((r) => `${ms(r.build + r.warm)} (index ${ms(r.build)} + rangschikking van alle keuzevakken en profielmodulen ${ms(r.warm)})`).join('; ');
  console.log(`Zoekmonitor-index bouwen (na de catalogus-snapshot van ${ms(snapshot.builtInMs)}), 3 keer: ${line}`);
  // What one answer costs to compute, without any cache, one at a time (30 results, as the page asks).
  const index = new MatchIndex({ vmbo: snapshot, mbo: snapshot.mbo, lexicon: snapshot.lexicon });
  index.warm();
  const times: number[] = [];
  for (const u of index.unitCodes()) {
    const t = performance.now();
    index.matchForward({ units: [index.unit(u.kind, u.code)!] }, { limit: 30 });
    times.push(performance.now() - t);
  }
  const forward = times.length;
  for (const crebo of index.kwalificatieCrebos()) {
    const t = performance.now();
    index.matchReverse({ kwalificatie: crebo }, { limit: 30 });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(
    `Zoekmonitor, één antwoord berekenen zonder cache (${forward} keuzevakken/profielmodulen vooruit, ${times.length - forward} kwalificaties terug): ` +
      `p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, max ${ms(times.at(-1)!)}`,
  );
}

/** Overlap inventory (issue 5): the largest profiel at BB, all its keuzevakken, against the kwalificatie with the most werkprocessen. */
async function benchInventory(db: Database): Promise<void> {
  const snapshot = await snapshotOf(db.db);
  const sel = largestSelection(snapshot, 'BB');
  let t = performance.now();
  alignerOf(snapshot);
  const alignerMs = performance.now() - t;
  const runs: number[] = [];
  let totalen: ReturnType<typeof computeInventory>['inventory']['totalen'] | undefined;
  for (let i = 0; i < 20; i++) {
    t = performance.now();
    totalen = computeInventory(snapshot, sel).inventory.totalen;
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  console.log(
    `Inventaris profiel ${sel.profiel} BB (${sel.aantalKeuzevakken} keuzevakken, ${totalen!.eindtermen} eindtermen) × kwalificatie ${sel.kwalificatie} (${sel.aantalWerkprocessen} werkprocessen): ` +
      `p50 ${ms(percentile(runs, 50))}, max ${ms(runs.at(-1)!)} over ${runs.length} keer; zoekmonitor-index (bij de start gebouwd, hier eerst) ${ms(alignerMs)}`,
  );
}

/**
 * Many instances (issue 11): the national catalogue in a fresh PostgreSQL database; catalogue and match endpoints at 100
 * connections against one instance, then against two instances on that database, in the same run.
 */
const INSTANCE_CONNECTIONS = 100;

async function startPostgresInstance(url: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), LOG_LEVEL: 'warn', DOORLOPEND_MODE: 'production', PUBLIC_URL: `http://127.0.0.1:${port}`, MAIL_OUTBOX_DIR: tmp() },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const agent = new http.Agent({ keepAlive: false });
  for (;;) {
    if (child.exitCode !== null) throw new Error('De server stopte voordat hij gereed was.');
    try {
      await get(agent, port, '/api/ready');
      return child;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

async function getJson(port: number, urlPath: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: urlPath }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve(JSON.parse(body)));
    }).on('error', reject);
  });
}

async function benchInstances(): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  try {
    await admin.connect();
  } catch {
    console.log('Meerdere instanties: overgeslagen (geen PostgreSQL)');
    return;
  }
  const name = `doorlopend_bench_instances_${process.pid}`;
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG_ADMIN);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', url: url.toString() });
  await importAll(db);
  await db.close();
  const first = await startPostgresInstance(url.toString(), 3911);
  const keuzevakken = (await getJson(3911, '/api/vmbo/keuzevakken')) as Array<{ slug: string }>;
  const kwalificaties = (await getJson(3911, '/api/mbo/kwalificaties')) as Array<{ crebo: string }>;
  const searchPaths = ['lassen', 'klantgericht', 'kinderopvang', 'zorg', 'elektrische installatie', 'presenteren', 'hout', 'voeding', 'K-PIE-16', 'veilig werken', 'klant', 'bloemen', 'pedagogisch', '25486', 'keuzedeel ondernemen', 'verzorgende'].map(
    (q) => `/api/search?q=${encodeURIComponent(q)}`,
  );
  const matchAll = [
    ...keuzevakken.map((k) => `/api/match?keuzevak=${encodeURIComponent(k.slug.replaceAll('-', '/'))}&limit=20`),
    ...kwalificaties.map((k) => `/api/match?kwalificatie=${k.crebo}&limit=20`),
  ];
  // Every match question once, so that the repeated figures are those of answers kept per catalogue version.
  const matchPaths = (await loadOnce(3911, matchAll)).answered;
  const sections = [
    ['keuzevak-detail', keuzevakken.map((k) => `/api/vmbo/keuzevakken/${k.slug}`)],
    ['zoeken (beide kanten)', searchPaths],
    ['match, herhaald', matchPaths],
  ] as const;
  const measure = async (label: string, ports: number[]) => {
    for (const [what, list] of sections) {
      await load(ports, list.slice(0, 5), INSTANCE_CONNECTIONS); // warm-up
      const r = await load(ports, [...list], INSTANCE_CONNECTIONS);
      console.log(
        `${label.padEnd(24)} ${what.padEnd(22)} ${INSTANCE_CONNECTIONS} verbindingen, ${DURATION_MS / 1000} s: ${r.requests} verzoeken (${r.rps.toFixed(0)}/s), p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, p99 ${ms(r.p99)}`,
      );
    }
  };
  await measure('1 instantie (PostgreSQL)', [3911]);
  const second = await startPostgresInstance(url.toString(), 3912);
  await loadOnce(3912, matchPaths);
  await measure('2 instanties, 1 database', [3911, 3912]);
  await Promise.all([stop(first), stop(second)]);
  for (let attempt = 0; ; attempt += 1) {
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      break;
    } catch (err) {
      if ((err as { code?: string }).code !== '55006' || attempt >= 50) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await admin.end();
}

/** A port nobody listens on now (the smoke run must not collide with a bench or server already running). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * `--smoke` (or BENCH_SMOKE=1): one tiny iteration of every kind of measurement that needs no national data — a cold
 * start on an empty folder (migrations and demo data), one second of keuzevak detail and search on the demo catalogue,
 * the front end loaded once — on free ports. The figures mean nothing; CI runs it (test/integration/scripts.test.ts) so
 * the script cannot rot unnoticed.
 */
async function smoke() {
  console.log(`Doorlopend benchmark, rookproef (--smoke) — ${os.cpus().length} cores, Node ${process.version}`);
  const dir = tmp();
  const port = await freePort();
  const server = await startServer(dir, port);
  console.log(`Start tot eerste antwoord, lege map (migraties + demodata): ${ms(server.msToFirstAnswer)}`);
  try {
    const keuzevakken = await new Promise<Array<{ slug: string }>>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port, path: '/api/vmbo/keuzevakken' }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve(JSON.parse(body) as Array<{ slug: string }>));
      }).on('error', reject);
    });
    const paths = [...keuzevakken.slice(0, 5).map((k) => `/api/vmbo/keuzevakken/${k.slug}`), '/api/search?q=installatie'];
    const r = await load(port, paths, 2);
    console.log(`keuzevak-detail en zoeken, 2 verbindingen, ${DURATION_MS / 1000} s: ${r.requests} verzoeken, p50 ${ms(r.p50)}, p95 ${ms(r.p95)}`);
  } finally {
    await stop(server.child);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  await benchFrontend({ runs: 1, port: await freePort(), smoke: true });
}

/**
 * The server started on a data folder with the national data: time to first answer, then the catalogue and the
 * zoekmonitor under load (20 connections), first each match question once, then repeated.
 */
async function benchServed(dir: string, port: number) {
  const warm = await startServer(dir, port);
  console.log(`Start tot eerste antwoord, met landelijke gegevens (vmbo + mbo): ${ms(warm.msToFirstAnswer)}`);

  const fetchJson = (urlPath: string) =>
    new Promise<unknown>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port, path: urlPath }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve(JSON.parse(body)));
      }).on('error', reject);
    });
  const keuzevakken = (await fetchJson('/api/vmbo/keuzevakken')) as Array<{ slug: string }>;
  const kwalificaties = (await fetchJson('/api/mbo/kwalificaties')) as Array<{ crebo: string }>;
  const detailPaths = keuzevakken.map((k) => `/api/vmbo/keuzevakken/${k.slug}`);
  const kwalificatiePaths = kwalificaties.map((k) => `/api/mbo/kwalificaties/${k.crebo}`);
  const searchPaths = ['lassen', 'klantgericht', 'kinderopvang', 'zorg', 'elektrische installatie', 'presenteren', 'hout', 'voeding', 'K-PIE-16', 'veilig werken', 'klant', 'bloemen', 'pedagogisch', '25486', 'keuzedeel ondernemen', 'verzorgende'].map(
    (q) => `/api/search?q=${encodeURIComponent(q)}`,
  );
  for (const [label, paths] of [['keuzevak-detail', detailPaths], ['kwalificatie-detail', kwalificatiePaths], ['zoeken (beide kanten)', searchPaths]] as const) {
    await load(port, paths.slice(0, 5)); // warm-up
    const r = await load(port, [...paths]);
    console.log(`${label.padEnd(22)} ${CONNECTIONS} verbindingen, ${DURATION_MS / 1000} s: ${r.requests} verzoeken (${r.rps.toFixed(0)}/s), p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, p99 ${ms(r.p99)}`);
  }
  // Zoekmonitor: every keuzevak and profielmodule forward, and every kwalificatie backward; first the answers the
  // server computes (each path once), then the same paths again (answers kept per catalogue version).
  const profielmodulen = (await fetchJson('/api/vmbo/profielmodulen')) as Array<{ code: string }>;
  const matchPaths = [
    ...keuzevakken.map((k) => `/api/match?keuzevak=${encodeURIComponent(k.slug.replaceAll('-', '/'))}&limit=20`),
    ...profielmodulen.map((m) => `/api/match?profielmodule=${encodeURIComponent(m.code)}&limit=20`),
    ...kwalificaties.map((k) => `/api/match?kwalificatie=${k.crebo}&limit=20`),
  ];
  const once = await loadOnce(port, matchPaths);
  console.log(`${'match, eerste keer'.padEnd(22)} ${CONNECTIONS} verbindingen: ${once.requests} verschillende vragen (${once.failed} keer 404), p50 ${ms(once.p50)}, p95 ${ms(once.p95)}, p99 ${ms(once.p99)}`);
  const again = await load(port, once.answered);
  console.log(`${'match, herhaald'.padEnd(22)} ${CONNECTIONS} verbindingen, ${DURATION_MS / 1000} s: ${again.requests} verzoeken (${again.rps.toFixed(0)}/s), p50 ${ms(again.p50)}, p95 ${ms(again.p95)}, p99 ${ms(again.p99)}`);
  await stop(warm.child);
}

async function main() {
  if (SMOKE) {
    if (!fs.existsSync(path.join(ROOT, 'dist/server/main.js'))) throw new Error('Bouw eerst: npm run build');
    return smoke();
  }
  if (!fs.existsSync(path.join(SLO_DIR, 'examenprogramma-bg'))) throw new Error(`De landelijke SLO-gegevens ontbreken: ${SLO_DIR}`);
  if (!fs.existsSync(path.join(ROOT, 'dist/server/main.js'))) throw new Error('Bouw eerst: npm run build');
  // BENCH_ONLY=instances: only the many-instances section (issue 11).
  if (process.env.BENCH_ONLY === 'instances') {
    console.log(`Doorlopend benchmark, meerdere instanties — ${os.cpus().length} cores, Node ${process.version}`);
    return benchInstances();
  }
  // BENCH_ONLY=menukaart: only the regional menukaart (issue 15), on the national data in a fresh embedded database.
  if (process.env.BENCH_ONLY === 'menukaart') {
    console.log(`Doorlopend benchmark, menukaart — ${os.cpus().length} cores, Node ${process.version}`);
    const db = await openDatabase({ kind: 'pglite', dataDir: tmp() });
    try {
      await importAll(db);
      await benchMenukaart(db);
    } finally {
      await db.close();
    }
    return;
  }
  // BENCH_ONLY=beoordeling: only the assessment of the joint exam (issue 14): 500 pupils × 10 criteria, demo data.
  if (process.env.BENCH_ONLY === 'beoordeling') {
    console.log(`Doorlopend benchmark, beoordeling — ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}`);
    await benchBeoordeling();
    return;
  }
  // BENCH_ONLY=impact: only the impact of an import (issue 16), on the national data in a fresh embedded database.
  if (process.env.BENCH_ONLY === 'impact') {
    console.log(`Doorlopend benchmark, impact van een import — ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}`);
    const db = await openDatabase({ kind: 'pglite', dataDir: tmp() });
    try {
      await importAll(db);
      await benchImpact(db, SLO_DIR);
    } finally {
      await db.close();
    }
    return;
  }
  // BENCH_ONLY=match: only the served catalogue and zoekmonitor (issues 5 and 17), on the national data.
  if (process.env.BENCH_ONLY === 'match') {
    console.log(`Doorlopend benchmark, zoekmonitor — ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}`);
    const dir = tmp();
    const db = await openDatabase({ kind: 'pglite', dataDir: dir });
    await importAll(db);
    await db.close();
    await benchServed(dir, 3903);
    fs.rmSync(dir, { recursive: true, force: true });
    return;
  }
  // BENCH_ONLY=regels: only the regelbank (issue 13), on the national data in a fresh embedded database.
  if (process.env.BENCH_ONLY === 'regels') {
    console.log(`Doorlopend benchmark, regelbank — ${os.cpus().length} cores, Node ${process.version}`);
    const db = await openDatabase({ kind: 'pglite', dataDir: tmp() });
    try {
      await importAll(db);
      await benchRegels(db);
    } finally {
      await db.close();
    }
    return;
  }
  console.log(`Doorlopend benchmark — ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);

  const importPglite = await timeImportPglite();
  const importPg = await timeImportPostgres();
  for (const [label, key] of [['SLO-import (4.398 items)', 'slo'], ['mbo-tabellen (4 bestanden)', 'mboTabellen'], ['SBB-XML (4 dossiers)', 'sbbXml']] as const) {
    console.log(`${label.padEnd(28)} PGlite ${ms(importPglite[key])}, PostgreSQL ${importPg === null ? 'overgeslagen (geen PostgreSQL)' : ms(importPg[key])}`);
  }

  // Cold start: empty data folder, migrations and demo data.
  const coldDir = tmp();
  const cold = await startServer(coldDir, 3901);
  await stop(cold.child);
  console.log(`Start tot eerste antwoord, lege map (migraties + demodata): ${ms(cold.msToFirstAnswer)}`);

  // Warm start with the national data in the folder.
  const dir = tmp();
  const db = await openDatabase({ kind: 'pglite', dataDir: dir });
  await importAll(db);
  await benchInventory(db);
  await benchMatchIndex(db);
  await benchLeerroute(db);
  await benchRegels(db);
  await benchMenukaart(db);
  await db.close();
  // Issue 16 in a database of its own (it imports a second SLO release and plans 3 million items).
  const impactDb = await openDatabase({ kind: 'pglite', dataDir: tmp() });
  try {
    await importAll(impactDb);
    await benchImpact(impactDb, SLO_DIR);
  } finally {
    await impactDb.close();
  }
  await benchBeoordeling();
  await benchServed(dir, 3902);
  for (const d of [coldDir, dir]) fs.rmSync(d, { recursive: true, force: true });
  await benchInstances();
  // The front end's weight and time to interactive in Chromium (issue 11): its own server on the demo data.
  await benchFrontend();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
