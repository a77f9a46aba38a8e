/** Starts the real application on a loopback port with a fresh database; and a headless Chromium for browser tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright-core';
import { buildApp } from '../../src/server/http/app.js';
import { OutboxMailer } from '../../src/server/mail/outbox-mailer.js';
import { importSlo } from '../../src/server/use-cases/catalog/import-slo.js';
import { importMboTabel } from '../../src/server/use-cases/catalog/import-mbo-tabel.js';
import { importSbbXml } from '../../src/server/use-cases/catalog/import-sbb-xml.js';
import { seedDemoCatalogue } from '../../src/server/demo/seed-demo.js';
import { createTestDatabase, type TestDatabase } from './db.js';
import { MBO_DIR, PROJECT_ROOT, SLO_DIR } from './shared-data.js';

export interface TestApp {
  url: string;
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

export const CLIENT_DIR = path.join(PROJECT_ROOT, 'dist', 'client');

/** Imports the national data of both sides from ../shared: SLO, the mbo tables and the SBB XML dossiers. */
export async function importNationalData(db: TestDatabase['db']): Promise<void> {
  await importSlo({ db, location: SLO_DIR, release: '2025-11' });
  for (const f of ['kwalificaties', 'kerntaken-werkprocessen', 'keuzedelen', 'keuzedeel-aanbod']) {
    await importMboTabel({ db, file: path.join(MBO_DIR, `${f}.csv`), release: 'test' });
  }
  await importSbbXml({ db, location: path.join(MBO_DIR, 'sbb-xml'), release: '2016' });
}

/** `data`: which catalogue to load: the national data of both sides from ../shared ('slo'), the built-in demo, or nothing. */
export async function startTestApp(opts: { data?: 'slo' | 'demo' | 'none' } = {}): Promise<TestApp> {
  const data = opts.data ?? 'demo';
  // On PGlite the run's dump already holds the catalogue (test/support/pglite-template.ts); else it is loaded here.
  const database = await createTestDatabase(data === 'none' ? {} : { filled: data });
  if (data === 'slo' && database.filledFrom !== 'slo') await importNationalData(database.db);
  if (data === 'demo' && database.filledFrom !== 'demo') await seedDemoCatalogue(database.db);
  // Mail of this app goes to its own temporary outbox, never into the project's .data folder.
  const outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-outbox-'));
  const app = await buildApp({ db: database.db, clientDir: CLIENT_DIR, mailer: new OutboxMailer(outboxDir) });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    app,
    database,
    close: async () => {
      await app.close();
      await database.destroy();
      fs.rmSync(outboxDir, { recursive: true, force: true });
    },
  };
}

/**
 * Debian's Chromium for the browser tests: the old headless shell (package chromium-headless-shell) when it is there,
 * else the full browser (package chromium) in its headless mode. Both are the same Chromium version from Debian; the
 * shell draws no browser window behind the page and used about a third less CPU over the same browser tests (2 cores:
 * 152 s → 106 s of Chromium CPU, BENCHMARKS.md), which on a busy CI machine is most of a browser test's time.
 */
const CHROMIUM_CANDIDATES = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? CHROMIUM_CANDIDATES.find((p) => fs.existsSync(p)) ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM_PATH);
export const hasBuiltClient = fs.existsSync(path.join(CLIENT_DIR, 'index.html'));
export const SKIP_NO_BROWSER = !hasChromium
  ? `overgeslagen: Chromium ontbreekt (${CHROMIUM_PATH}); installeer het Debian-pakket chromium`
  : `overgeslagen: de front end is niet gebouwd (${CLIENT_DIR}); voer eerst npm run build uit`;
/** Browser tests run when Chromium and the built front end are there; in CI they must be. */
export const browserReady = hasChromium && hasBuiltClient;
export function assertBrowserReadyInCi(): void {
  if (!browserReady && process.env.CI === 'true') throw new Error(SKIP_NO_BROWSER);
  if (!browserReady) console.warn(`[tests] ${SKIP_NO_BROWSER}`);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}
