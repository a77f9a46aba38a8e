/**
 * The long lists page (issue 12): the 1,037 kwalificaties of the national data show 50 at a time, with the total, the
 * page number in the URL and an accessible pager (a navigation landmark, the current page with aria-current, Vorige and
 * Volgende); going to another page moves focus to the line that says where you are; a new filter starts at page 1.
 * At 1366 and 390 px without sideways scroll, with axe. Screenshots: test-results/screenshots/kwalificaties-pagina-*.png.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertBrowserReadyInCi, browserReady, type TestApp } from '../support/app.js';
import { browserSession } from '../support/browser-session.js';
import { SCREENSHOTS } from '../support/browser-steps.js';
import { hasMboData, hasSloData } from '../support/shared-data.js';
import { screenshot } from '../support/screenshots.js';

assertBrowserReadyInCi();

const WIDTHS = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
] as const;

describe.skipIf(!browserReady || !hasSloData || !hasMboData)('long catalogue lists page on the server', () => {
  const session = browserSession('slo');
  let app: TestApp;
  let page: Page;
  beforeAll(() => {
  });
  beforeEach(() => {
    ({ app, page } = session);
  });
  const main = () => page.getByRole('main');
  const rows = () => main().getByRole('table').getByRole('row');
  const pager = () => main().getByRole('navigation', { name: "Pagina's met kwalificaties" });

  it.each(WIDTHS)('shows 50 of the 1,037 kwalificaties with a pager at $width px', async (size) => {
    await page.setViewportSize(size);
    await page.goto(`${app.url}/mbo/kwalificaties`);
    await main().getByText('1.037 kwalificaties gevonden').waitFor();
    await main().getByText('Pagina 1 van 21: kwalificatie 1 tot en met 50.').waitFor();
    expect(await rows().count()).toBe(51);
    await expect(pager().locator('[aria-current="page"]').textContent()).resolves.toBe('Pagina 1');
    expect(await pager().getByRole('link', { name: 'Vorige pagina' }).count()).toBe(0);
    await pager().getByRole('link', { name: 'Pagina 21' }).waitFor();
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(innerWidth);
    await pager().scrollIntoViewIfNeeded();
    await screenshot(page, path.join(SCREENSHOTS, `kwalificaties-pagina-${size.width}.png`), { fullPage: size.width > 400 });
    await session.expectAccessible(`kwalificaties page 1 at ${size.width}`);
  });

  it('goes to the next and the last page by the pager: page in the URL, focus on where you are; a filter starts at 1', async () => {
    await page.goto(`${app.url}/mbo/kwalificaties`);
    const firstRow = await rows().nth(1).textContent();
    await pager().getByRole('link', { name: 'Volgende pagina' }).click();
    await page.waitForURL(/\/mbo\/kwalificaties\?pagina=2$/);
    const position = main().getByText('Pagina 2 van 21: kwalificatie 51 tot en met 100.');
    await position.waitFor();
    await expect.poll(() => position.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await rows().nth(1).textContent()).not.toBe(firstRow);
    await expect(pager().locator('[aria-current="page"]').textContent()).resolves.toBe('Pagina 2');

    await pager().getByRole('link', { name: 'Pagina 21' }).click();
    await main().getByText('Pagina 21 van 21: kwalificatie 1.001 tot en met 1.037.').waitFor();
    expect(await rows().count()).toBe(38);
    expect(await pager().getByRole('link', { name: 'Volgende pagina' }).count()).toBe(0);

    // The browser's back button goes to the page before.
    await page.goBack();
    await main().getByText('Pagina 2 van 21: kwalificatie 51 tot en met 100.').waitFor();

    // A filter starts at the first page again.
    await main().getByRole('combobox', { name: 'Niveau' }).selectOption('4');
    await page.waitForURL((url) => url.searchParams.get('niveau') === '4' && !url.searchParams.has('pagina'));
    await main().getByText(/^Pagina 1 van \d+: kwalificatie 1 tot en met 50\.$/).waitFor();
  });

  it('an old link past the last page says so and leads to the first page', async () => {
    await page.goto(`${app.url}/mbo/kwalificaties?pagina=99`);
    await main().getByText('Deze pagina bestaat niet: er zijn 1.037 kwalificaties.').waitFor();
    await main().getByRole('link', { name: 'Naar de eerste pagina' }).click();
    await main().getByText('Pagina 1 van 21: kwalificatie 1 tot en met 50.').waitFor();
  });
});
