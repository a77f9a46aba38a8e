/**
 * Support of the browser journey of issue 14 (test/browser/examen-keten.test.ts): the real app on a loopback port with
 * a fresh database holding the demo catalogue and the demo accounts, its own outbox (to read the pupil's invitation),
 * and per person a browser context of their own (several people work at the same time). Also: axe with the same rule
 * as test/support/browser-session.ts, screenshots at 1366 and 390 px with a check against sideways scrolling, and a
 * reader for the semicolon CSV files the exports write.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildApp, mailQueueOf } from '../../src/server/http/app.js';
import { OutboxMailer, readOutbox, type OutboxMail } from '../../src/server/mail/outbox-mailer.js';
import { seedDemoCatalogue } from '../../src/server/demo/seed-demo.js';
import { DEMO_PASSWORD, seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import { TEST_PUBLIC_URL } from './accounts.js';
import { seriousAxeViolations } from './axe.js';
import { CLIENT_DIR, launchBrowser } from './app.js';
import { createTestDatabase, type TestDatabase } from './db.js';
import { PROJECT_ROOT } from './shared-data.js';
import { screenshot } from './screenshots.js';

export const KETEN_SCREENSHOTS = path.join(PROJECT_ROOT, 'test-results', 'screenshots');

export interface KetenApp {
  url: string;
  app: FastifyInstance;
  database: TestDatabase;
  browser: Browser;
  /** The mails sent so far, oldest first (waits until the queue has written them). */
  outbox(): Promise<OutboxMail[]>;
  close(): Promise<void>;
}

export async function startKetenApp(): Promise<KetenApp> {
  const database = await createTestDatabase();
  await seedDemoCatalogue(database.db);
  await seedDemoOrganisations(database.db);
  const outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-keten-outbox-'));
  const app = await buildApp({
    db: database.db,
    // KETEN_CLIENT_DIR: a front end built elsewhere (`npx vite build --outDir …`), so that a rebuild of dist/client by
    // someone else during the long journey cannot swap the chunks under it.
    clientDir: process.env.KETEN_CLIENT_DIR ?? CLIENT_DIR,
    mailer: new OutboxMailer(outboxDir),
    publicUrl: TEST_PUBLIC_URL,
    onMailError: (err) => {
      throw err;
    },
  });
  const [url, browser] = await Promise.all([app.listen({ port: 0, host: '127.0.0.1' }), launchBrowser()]);
  fs.mkdirSync(KETEN_SCREENSHOTS, { recursive: true });
  return {
    url,
    app,
    database,
    browser,
    outbox: async () => {
      await mailQueueOf(app).idle();
      return readOutbox(outboxDir);
    },
    close: async () => {
      await browser.close();
      await app.close();
      await database.destroy();
      fs.rmSync(outboxDir, { recursive: true, force: true });
    },
  };
}

/** One person at one browser: their own context (cookies), page, and the JavaScript errors the page threw. */
export interface Persoon {
  naam: string;
  context: BrowserContext;
  page: Page;
  errors: string[];
  main(): ReturnType<Page['getByRole']>;
  close(): Promise<void>;
}

export async function persoon(k: KetenApp, naam: string): Promise<Persoon> {
  const context = await k.browser.newContext({ locale: 'nl-NL', viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`${naam}: ${e.message}`));
  return { naam, context, page, errors, main: () => page.getByRole('main'), close: () => context.close() };
}

let inlogpaginaGecontroleerd = false;

/**
 * Signs in with the sign-in form and waits until the page asked for lands (`to`, default the start page); axe on the
 * sign-in page the first time and on the page landed on.
 */
export async function inloggen(p: Persoon, k: KetenApp, email: string, to?: string, wachtwoord = DEMO_PASSWORD): Promise<void> {
  await p.context.clearCookies();
  await p.page.goto(`${k.url}/inloggen${to ? `?terug=${encodeURIComponent(to)}` : ''}`);
  const form = p.page.getByRole('form', { name: 'Inloggen' });
  if (!inlogpaginaGecontroleerd) {
    await form.waitFor();
    await axeSchoon(p.page, 'de inlogpagina');
    inlogpaginaGecontroleerd = true;
  }
  await form.getByRole('textbox', { name: 'E-mailadres' }).fill(email);
  await form.getByLabel('Wachtwoord', { exact: true }).fill(wachtwoord);
  const [res] = await Promise.all([p.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/login'), form.getByRole('button', { name: 'Inloggen' }).click()]);
  expect(res.status(), `sign-in of ${email}`).toBe(200);
  await p.page.waitForURL((u) => (to ? u.pathname === to.split('?')[0] : u.pathname !== '/inloggen'));
  await p.page.getByRole('heading', { level: 1 }).first().waitFor();
  await axeSchoon(p.page, `${new URL(p.page.url()).pathname} na het inloggen van ${email}`);
}

/**
 * axe on the page as it is: no violations with impact serious or critical (the rule of browser-session.ts), with axe
 * put into the page once per page load (test/support/axe.ts) instead of three times per check.
 */
export async function axeSchoon(page: Page, what: string): Promise<void> {
  expect(await seriousAxeViolations(page), `axe on ${what}`).toEqual([]);
}

/** A full-page screenshot (test-results/screenshots/keten-<naam>-<width>.png, not committed). */
export async function foto(page: Page, naam: string): Promise<void> {
  const width = page.viewportSize()?.width ?? 1366;
  await screenshot(page, path.join(KETEN_SCREENSHOTS, `keten-${naam}-${width}.png`), { fullPage: true });
}

/** The page at 390 px: axe clean, no sideways scrolling, a screenshot; then back to 1366 px. */
export async function smal(page: Page, naam: string): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${naam} at 390 px scrolls sideways`).toBeLessThanOrEqual(innerWidth);
  await axeSchoon(page, `${naam} at 390 px`);
  await foto(page, naam);
  await page.setViewportSize({ width: 1366, height: 900 });
}

