/**
 * The front end's weight (issue 11): the JavaScript and CSS of the first load of the home page and of a leerroute
 * step, and the time until they are interactive, in headless Chromium.
 *
 * Starts the built app (dist/server/main.js) in demo mode on an embedded database in a temporary folder, serving the
 * front end of CLIENT_DIR (default dist/client). Daan Docent (demo) signs in and creates a doorlopende leerroute
 * through the API; the bench then loads `/` and `/leerroutes/<id>/planning` BENCH_FRONTEND_RUNS times (default 7),
 * each time with an empty browser cache: on loopback as it is, and throttled by Chromium to a slow mobile connection
 * (150 ms round trip, 1.6 Mbit/s down), where the bytes count.
 *
 * Bytes: every script and stylesheet the page fetched until the network was idle, counted three ways: as the server
 * sent them (the body on the wire, in the encoding Chromium asked for), gzipped (gzip level 9 of the file, what a
 * gzip-only browser gets) and uncompressed. kB = 1000 bytes.
 *
 * Interactive: milliseconds from navigation start until the page's h1 is visible, no loading message
 * (`.doorlopend-loading`) is left in main, the page's own content is there (for the step: its h2), and a task queued at
 * that moment has run, so the main thread is free to handle input. After the last run a Tab press must reach the skip
 * link (the page really responds to the keyboard). Also reported: first contentful paint.
 *
 * `npx tsx bench/frontend.ts` on its own, or as part of `npm run bench`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type CDPSession, type Page } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '..');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DEMO_USER = 'docent@vmbo.demo';
const DEMO_PASSWORD = 'demo-wachtwoord';

/** Loopback as it is, and a slow mobile connection as Lighthouse simulates one ("slow 4G": 150 ms, 1.6 Mbit/s). */
const NETWORKS = [
  { name: 'loopback', latency: 0, downloadThroughput: -1, uploadThroughput: -1 },
  { name: 'mobiel (150 ms, 1,6 Mbit/s)', latency: 150, downloadThroughput: (1.6 * 1e6) / 8, uploadThroughput: (0.75 * 1e6) / 8 },
] as const;
type Network = (typeof NETWORKS)[number];

/** Per path (a regular expression on the pathname): the element that shows the page's own content is there. */
const READY_CONTENT: ReadonlyArray<readonly [string, string]> = [['^/leerroutes/[^/]+/[a-z]+$', '#stap-kop']];

export interface ResourceBytes {
  files: number;
  /** Body bytes on the wire, as served. */
  served: number;
  /** gzip level 9 of each file. */
  gzip: number;
  /** Uncompressed. */
  raw: number;
  /** The content encodings the server answered with (e.g. "br"). */
  encodings: string[];
}

export interface PageLoad {
  js: ResourceBytes;
  css: ResourceBytes;
  firstContentfulPaintMs: number;
  interactiveMs: number;
}

export interface FrontendResult {
  clientDir: string;
  /** Per network (see NETWORKS): the loads of the home page and of the leerroute step. */
  networks: Array<{ network: string; home: PageLoad[]; step: PageLoad[] }>;
}

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
};

function waitForHealth(port: number, child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error('De server stopte voordat hij antwoordde.'));
      http
        .get({ host: '127.0.0.1', port, path: '/api/health' }, (res) => {
          res.resume();
          if (res.statusCode === 200) resolve();
          else setTimeout(attempt, 50);
        })
        .on('error', () => setTimeout(attempt, 50));
    };
    attempt();
  });
}

async function startServer(clientDir: string, dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DOORLOPEND_MODE: 'demo',
      DATABASE_URL: '',
      DATA_DIR: path.join(dataDir, 'pglite'),
      MAIL_OUTBOX_DIR: path.join(dataDir, 'outbox'),
      CLIENT_DIR: clientDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForHealth(port, child);
  return child;
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** Signs in as the demo docent (the session cookie stays in the browser) and creates a leerroute; returns its id. */
async function createDemoRoute(page: Page, baseUrl: string): Promise<string> {
  await page.goto(`${baseUrl}/inloggen`);
  return page.evaluate(
    async ({ email, wachtwoord }) => {
      const post = async (url: string, body: unknown, csrf?: string) => {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
          body: JSON.stringify(body),
        });
        if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`);
        return res.json() as Promise<Record<string, unknown>>;
      };
      const me = await post('/api/auth/login', { email, wachtwoord });
      const csrf = String(me.csrfToken);
      const samenwerkingen = (await (await fetch('/api/partnerships')).json()) as Array<{ id: string }>;
      const samenwerking = samenwerkingen[0];
      if (!samenwerking) throw new Error('De demodocent heeft geen samenwerking.');
      const route = await post(
        `/api/partnerships/${samenwerking.id}/leerroutes`,
        {
          naam: 'Koudetechniek doorlopend (benchmark)',
          type: 'doorlopend',
          vmbo: { profiel: 'PIE', leerweg: 'BB', profielmodulen: [], keuzevakken: ['K/PIE/16'] },
          mbo: { kwalificatie: '25282', keuzedelen: [] },
        },
        csrf,
      );
      return String(route.id);
    },
    { email: DEMO_USER, wachtwoord: DEMO_PASSWORD },
  );
}

/** The page's window with the probe's promise (set by `installReadyProbe`). */
type ProbedWindow = Window & { __doorlopendInteractive?: Promise<number> };

/**
 * Runs in every document before its scripts: resolves `window.__doorlopendInteractive` with the time (ms since
 * navigation start) at which the page is ready (see the file's comment), checked on every DOM change.
 */
function installReadyProbe(readyContent: ReadonlyArray<readonly [string, string]>): void {
  (window as ProbedWindow).__doorlopendInteractive = new Promise<number>((resolve) => {
    const extra = readyContent.find(([pattern]) => new RegExp(pattern).test(location.pathname))?.[1];
    const visible = (el: Element | null) => el !== null && (el as HTMLElement).checkVisibility();
    let observer: MutationObserver | undefined;
    const check = () => {
      const main = document.querySelector('main');
      if (!main || !visible(main.querySelector('h1')) || main.querySelector('.doorlopend-loading')) return;
      if (extra && !visible(document.querySelector(extra))) return;
      observer?.disconnect();
      setTimeout(() => resolve(performance.now()), 0);
    };
    observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  });
}

function fileOf(clientDir: string, url: string): string {
  return path.join(clientDir, decodeURIComponent(new URL(url).pathname));
}

async function loadOnce(page: Page, cdp: CDPSession, clientDir: string, url: string, network: Network): Promise<PageLoad> {
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: network.latency,
    downloadThroughput: network.downloadThroughput,
    uploadThroughput: network.uploadThroughput,
  });
  const encodings = new Map<string, string>();
  const onResponse = (response: { url(): string; headers(): Record<string, string> }) =>
    encodings.set(response.url(), response.headers()['content-encoding'] ?? 'geen');
  page.on('response', onResponse);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const interactiveMs = await page.evaluate(() => (window as ProbedWindow).__doorlopendInteractive ?? Promise.reject(new Error('probe ontbreekt')));
    await page.waitForLoadState('networkidle');
    const { resources, fcp } = await page.evaluate(() => ({
      resources: performance
        .getEntriesByType('resource')
        .map((e) => e as PerformanceResourceTiming)
        .map((e) => ({ name: e.name, encoded: e.encodedBodySize, decoded: e.decodedBodySize })),
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    }));
    const count = (ext: string): ResourceBytes => {
      const mine = resources.filter((r) => new URL(r.name).pathname.endsWith(ext));
      let gzip = 0;
      let raw = 0;
      for (const r of mine) {
        const content = fs.readFileSync(fileOf(clientDir, r.name));
        raw += content.length;
        gzip += gzipSync(content, { level: 9 }).length;
      }
      return {
        files: mine.length,
        served: mine.reduce((sum, r) => sum + r.encoded, 0),
        gzip,
        raw,
        encodings: [...new Set(mine.map((r) => encodings.get(r.name) ?? '?'))],
      };
    };
    return { js: count('.js'), css: count('.css'), firstContentfulPaintMs: fcp, interactiveMs };
  } finally {
    page.off('response', onResponse);
  }
}

function describeLoads(label: string, loads: PageLoad[]): string {
  const last = loads.at(-1)!;
  const bytes = (name: string, b: ResourceBytes) =>
    `${name} ${b.files} bestanden: ${kB(b.gzip)} gzip, ${kB(b.served)} zoals verstuurd (${b.encodings.join(', ')}), ${kB(b.raw)} onverpakt`;
  const tti = loads.map((l) => l.interactiveMs);
  const fcp = loads.map((l) => l.firstContentfulPaintMs);
  return (
    `${label}: ${bytes('JS', last.js)}; ${bytes('CSS', last.css)}; ` +
    `interactief mediaan ${median(tti).toFixed(0)} ms (${Math.min(...tti).toFixed(0)}–${Math.max(...tti).toFixed(0)}), ` +
    `first contentful paint mediaan ${median(fcp).toFixed(0)} ms (${loads.length} keer)`
  );
}

/** `--smoke` (or BENCH_SMOKE=1): each page loaded once, on the first network only (CI: the script cannot rot). */
const SMOKE = process.argv.includes('--smoke') || process.env.BENCH_SMOKE === '1';

export async function benchFrontend(opts: { port?: number; runs?: number; smoke?: boolean } = {}): Promise<FrontendResult | null> {
  const smoke = opts.smoke ?? SMOKE;
  const clientDir = path.resolve(ROOT, process.env.CLIENT_DIR ?? 'dist/client');
  const runs = opts.runs ?? (smoke ? 1 : Number(process.env.BENCH_FRONTEND_RUNS ?? 7));
  const port = opts.port ?? Number(process.env.BENCH_FRONTEND_PORT ?? 3903);
  if (!fs.existsSync(CHROMIUM_PATH)) {
    console.log(`Front end: overgeslagen, Chromium ontbreekt (${CHROMIUM_PATH})`);
    return null;
  }
  if (!fs.existsSync(path.join(clientDir, 'index.html'))) throw new Error(`De front end is niet gebouwd: ${clientDir}`);
  if (!fs.existsSync(path.join(ROOT, 'dist/server/main.js'))) throw new Error('Bouw eerst: npm run build');

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-bench-frontend-'));
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-bench-chromium-'));
  const server = await startServer(clientDir, dataDir, port);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1366, height: 768 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const baseUrl = `http://127.0.0.1:${port}`;
    const page = context.pages()[0] ?? (await context.newPage());
    // tsx compiles this file with esbuild's keepNames: functions sent to the page call its `__name` helper.
    await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    await page.addInitScript(installReadyProbe, READY_CONTENT);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const routeId = await createDemoRoute(page, baseUrl);

    const shownDir = clientDir.startsWith(ROOT + path.sep) ? path.relative(ROOT, clientDir) : clientDir;
    console.log(`Front end (${shownDir}), Chromium headless 1366×768, elke keer met lege cache:`);
    const result: FrontendResult = { clientDir, networks: [] };
    for (const network of smoke ? NETWORKS.slice(0, 1) : NETWORKS) {
      const home: PageLoad[] = [];
      const step: PageLoad[] = [];
      // Alternating, so a slower moment of the machine does not land on one page only.
      for (let i = 0; i < runs; i++) {
        home.push(await loadOnce(page, cdp, clientDir, `${baseUrl}/`, network));
        step.push(await loadOnce(page, cdp, clientDir, `${baseUrl}/leerroutes/${routeId}/planning`, network));
      }
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
      if (focused !== 'Naar de inhoud') throw new Error(`Tab bereikte de skiplink niet (focus op "${focused}")`);
      console.log(`  ${network.name}:`);
      console.log(`    ${describeLoads('Home', home)}`);
      console.log(`    ${describeLoads('Leerroute, stap Planning', step)}`);
      result.networks.push({ network: network.name, home, step });
    }
    return result;
  } finally {
    await context.close();
    await stopServer(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  console.log(`Doorlopend front-end benchmark — ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  benchFrontend().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
