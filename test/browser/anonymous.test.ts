/**
 * Anonymous pages are quiet (issue 12): a visitor who is not signed in opens every public page, and the browser reports
 * no console error, no JavaScript error and no failed request, except the one expected answer: GET /api/auth/me says
 * 401 (nobody is signed in), which the app handles without a word. A page that asks for a missing item (404) is
 * visited on purpose and its 404 is expected too. Each page is checked with axe.
 */
import type { ConsoleMessage, Page, Request, Response } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { assertBrowserReadyInCi, browserReady, type TestApp } from '../support/app.js';
import { seriousAxeViolations } from '../support/axe.js';
import { browserSession } from '../support/browser-session.js';

assertBrowserReadyInCi();

interface Visit {
  path: string;
  heading: string | RegExp;
  /** API paths that may answer with an error status on this page (a 404 that the page shows). */
  expectedErrors?: RegExp[];
}

const VISITS: Visit[] = [
  { path: '/', heading: /Doorlopend/ },
  { path: '/vmbo/profielen', heading: /Profielen/ },
  { path: '/vmbo/profielen/PIE', heading: /Produceren, installeren en energie/ },
  { path: '/vmbo/keuzevakken', heading: /Keuzevakken/ },
  { path: '/vmbo/keuzevakken/K-PIE-16', heading: /Koudetechniek/ },
  { path: '/vmbo/profielmodulen', heading: /Profielmodulen/ },
  { path: '/mbo', heading: /mbo/i },
  { path: '/mbo/kwalificaties', heading: /Kwalificaties/ },
  { path: '/mbo/kwalificaties/25282', heading: /./ },
  { path: '/mbo/keuzedelen', heading: /Keuzedelen/ },
  { path: '/mbo/keuzedelen/K0072', heading: /./ },
  { path: '/zoeken?q=lassen', heading: /Zoeken/ },
  { path: '/zoekmonitor', heading: 'Zoekmonitor' },
  { path: '/inloggen', heading: 'Inloggen' },
  { path: '/wachtwoord-vergeten', heading: /wachtwoord/i },
  { path: '/mbo/kwalificaties/99999', heading: /niet gevonden/i, expectedErrors: [/\/api\/mbo\/kwalificaties\/99999$/] },
  { path: '/bestaat-niet', heading: /niet gevonden/i },
];

/** The one expected refusal on every page: "who am I?" while nobody is signed in. */
const ME = /\/api\/auth\/me$/;

describe.skipIf(!browserReady)('anonymous pages without console errors', () => {
  const session = browserSession('demo');
  let app: TestApp;
  let page: Page;
  beforeEach(() => {
    ({ app, page } = session);
  });

  function watch(p: Page, expected: RegExp[]) {
    const problems: string[] = [];
    const allowed = (url: string) => [ME, ...expected].some((re) => re.test(new URL(url).pathname));
    p.on('console', (msg: ConsoleMessage) => {
      if (msg.type() !== 'error' && msg.type() !== 'warning') return;
      // Chromium itself logs "Failed to load resource" for every 4xx answer; only an expected one may pass.
      const url = msg.location().url;
      if (/Failed to load resource/.test(msg.text()) && url && allowed(url)) return;
      if (msg.type() === 'warning') return;
      problems.push(`console ${msg.type()}: ${msg.text()} (${url})`);
    });
    p.on('requestfailed', (req: Request) => problems.push(`request failed: ${req.method()} ${req.url()} ${req.failure()?.errorText ?? ''}`));
    p.on('response', (res: Response) => {
      if (res.status() >= 400 && !allowed(res.url())) problems.push(`${res.status()} for ${res.request().method()} ${res.url()}`);
    });
    return problems;
  }

  it.each(VISITS)('$path: no console error, no failed request, axe', async (visit) => {
    const problems = watch(page, visit.expectedErrors ?? []);
    const meAnswers: number[] = [];
    page.on('response', (res) => {
      if (ME.test(new URL(res.url()).pathname)) meAnswers.push(res.status());
    });
    await page.goto(`${app.url}${visit.path}`);
    await page.getByRole('heading', { level: 1, name: visit.heading }).waitFor();
    // Let the page finish what it loads (lists, counts, the session).
    await page.waitForLoadState('networkidle');
    await expect(page.getByRole('heading', { level: 1, name: 'Er ging iets mis' }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Inloggen' }).count()).resolves.toBeGreaterThan(0);
    expect(meAnswers, 'the session is asked once and answered 401').toEqual([401]);
    expect(problems).toEqual([]);
    await session.expectAccessible(visit.path);
  });

  it('the axe check itself fails on serious problems (it asks axe for violations only, with every rule)', async () => {
    await page.goto(app.url);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Three problems a careless change could bring: an image without text, a button without a name, grey on grey.
    await page.evaluate(() => {
      const main = document.querySelector('main')!;
      main.insertAdjacentHTML(
        'beforeend',
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="20" height="20"><button type="button"></button><p style="color:#999;background:#aaa">Te weinig contrast</p>',
      );
    });
    const found = (await seriousAxeViolations(page)).map((line) => line.split(' ')[1]!.replace(/:$/, ''));
    expect(found).toEqual(expect.arrayContaining(['image-alt', 'button-name', 'color-contrast']));
  });
});
