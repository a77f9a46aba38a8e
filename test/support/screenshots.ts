/**
 * Screenshots for people to look at (test-results/screenshots/, not committed): every page a browser test checks at
 * 1366 and 390 px is saved there, so a developer can see what the tests saw.
 *
 * Written on a developer's machine; left out when CI=true, where nobody looks at them and they were a fifth of the
 * browser tier's Chromium time (full-page captures encoded as PNG; BENCHMARKS.md). SCREENSHOTS=1 writes them in CI too,
 * SCREENSHOTS=0 leaves them out locally. Nothing a test asserts depends on them.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

export const screenshotsWanted = process.env.SCREENSHOTS ? process.env.SCREENSHOTS !== '0' : process.env.CI !== 'true';

/**
 * Saves a screenshot of the page or of one element (its folder made when needed). Without screenshots, an element is still scrolled into view (and
 * waited for), as taking its picture does, so the steps after it see the same page either way.
 */
export async function screenshot(target: Page | Locator, file: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const isPage = 'goto' in target;
  if (screenshotsWanted) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await (isPage ? target.screenshot({ path: file, fullPage: options.fullPage ?? false }) : target.screenshot({ path: file }));
  } else if (!isPage) {
    await target.scrollIntoViewIfNeeded();
  }
}
