/**
 * One browser journey setup for all browser tests: the real app on a fresh database, headless Chromium,
 * a fresh context per test, no JavaScript errors allowed, and helpers for the API and axe.
 * Call inside a describe; read `page` and `app` in tests (they change per test and per file).
 */
import { seriousAxeViolations } from './axe.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { launchBrowser, startTestApp, type TestApp } from './app.js';

export interface BrowserSession {
  readonly app: TestApp;
  readonly page: Page;
  /** GET an API path of the app; expects 200. */
  api<T>(path: string): Promise<T>;
  /** axe on the current page: no violations with impact serious or critical. */
  expectAccessible(what: string): Promise<void>;
}

export function browserSession(data: 'demo' | 'slo' | 'none' = 'demo'): BrowserSession {
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp({ data }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ locale: 'nl-NL' });
    page = await context.newPage();
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterEach(async () => {
    await context?.close();
    expect(pageErrors, 'JavaScript errors in the page').toEqual([]);
  });

  return {
    get app() {
      return app;
    },
    get page() {
      return page;
    },
    async api<T>(path: string): Promise<T> {
      const res = await fetch(`${app.url}${path}`);
      expect(res.status, path).toBe(200);
      return (await res.json()) as T;
    },
    async expectAccessible(what: string) {
      const serious = await seriousAxeViolations(page);
      expect(serious, `axe on ${what}`).toEqual([]);
    },
  };
}
