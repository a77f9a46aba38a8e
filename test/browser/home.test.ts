/**
 * The home page speaks to teachers (issue 12): what they can do and where to start, at 1366 and 390 px without sideways
 * scroll and with axe; no command lines there (they are on the beheer page, /beheer/import, for a platform beheerder).
 * Screenshots: test-results/screenshots/home-*.png and beheer-opdrachtregel-1366.png (not committed).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import { assertBrowserReadyInCi, browserReady, type TestApp } from '../support/app.js';
import { browserSession } from '../support/browser-session.js';
import { SCREENSHOTS } from '../support/browser-steps.js';
import { screenshot } from '../support/screenshots.js';

assertBrowserReadyInCi();

const WIDTHS = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
] as const;

describe.skipIf(!browserReady)('home page for teachers', () => {
  const session = browserSession('demo');
  let app: TestApp;
  let page: Page;
  beforeAll(async () => {
    await seedDemoOrganisations(session.app.database.db);
  });
  beforeEach(() => {
    ({ app, page } = session);
  });
  const main = () => page.getByRole('main');

  it.each(WIDTHS)('tells a teacher what to do and where to start, without command lines, at $width px', async (size) => {
    await page.setViewportSize(size);
    await page.goto(`${app.url}/`);
    await main().getByRole('heading', { level: 1, name: /Doorlopend/ }).waitFor();
    await main().getByRole('heading', { level: 2, name: 'Wat kunt u hier doen?' }).waitFor();
    const begin = main().getByRole('list', { name: 'Waar begint u?' });
    expect(await begin.getByRole('listitem').count()).toBe(4);
    await main().getByRole('link', { name: 'Log in' }).waitFor();
    await main().getByRole('link', { name: 'zoekmonitor' }).waitFor();
    await main().getByRole('link', { name: 'overlapinventaris' }).waitFor();
    // The demo warning without commands; the beheer page is named.
    const demo = main().getByText('Alleen voorbeeldgegevens');
    await demo.waitFor();
    await main().getByRole('link', { name: 'beheerpagina' }).waitFor();
    const text = (await main().textContent()) ?? '';
    expect(text).not.toMatch(/npm run|import -- slo|--release/);
    expect(await main().locator('pre, code').count()).toBe(0);
    await page.getByRole('heading', { level: 2, name: 'Stand van de catalogus' }).waitFor();
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await screenshot(page, path.join(SCREENSHOTS, `home-${size.width}.png`), { fullPage: true });
    await session.expectAccessible(`home at ${size.width}`);
  });

  it('a signed-in teacher is sent on to the samenwerkingen', async () => {
    const res = await page.request.post(`${app.url}/api/auth/login`, { data: { email: 'docent@vmbo.demo', wachtwoord: DEMO_PASSWORD } });
    expect(res.status()).toBe(200);
    await page.goto(`${app.url}/`);
    await main().getByText('U bent ingelogd als Daan Docent.').waitFor();
    await main().getByRole('link', { name: 'uw samenwerkingen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Samenwerkingen' }).waitFor();
  });

  it('the command lines for the national data are on the beheer page', async () => {
    const res = await page.request.post(`${app.url}/api/auth/login`, { data: { email: 'beheerder@vmbo.demo', wachtwoord: DEMO_PASSWORD } });
    expect(res.status()).toBe(200);
    await page.setViewportSize(WIDTHS[0]);
    await page.goto(`${app.url}/beheer/import`);
    const section = main().getByRole('region', { name: 'Landelijke gegevens laden met de opdrachtregel' });
    await section.waitFor();
    await section.getByText(/npm run import -- slo/).waitFor();
    await screenshot(page, path.join(SCREENSHOTS, 'beheer-opdrachtregel-1366.png'), { fullPage: true });
    await session.expectAccessible('beheer page with command lines');
  });
});
