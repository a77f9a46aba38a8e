/**
 * axe on a Playwright page, cheaply: the same axe-core (the copy @axe-core/playwright itself loads, so the same
 * version and rules) and the same `axe.run(document)` as `new AxeBuilder({ page }).analyze()`, but the 550 kB axe
 * source is put into the page only when the page does not have it yet (once per page load, not per check).
 *
 * Why: AxeBuilder evaluates that source three times per call (twice in the page, once more in a blank page it opens
 * for `axe.finishRun`, which exists for cross-origin iframes). Measured on 2 busy cores: 2.7–4.1 s per AxeBuilder call
 * against 0.2–0.5 s here on the same page, with the same violations. A page with frames still goes through
 * AxeBuilder, so frames are checked as before.
 */
import { createRequire } from 'node:module';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

const fromPlaywrightAxe = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'));
const AXE_SOURCE = (fromPlaywrightAxe('axe-core') as { source: string }).source;

/** All axe results of the page as it is now (every rule axe runs by default, like AxeBuilder without options). */
export async function axeResults(page: Page): Promise<AxeResults> {
  if (page.frames().length > 1) return new AxeBuilder({ page }).analyze();
  // A navigation gives a fresh window: put axe in again when it is gone.
  const present = await page.evaluate(() => typeof (window as unknown as { axe?: { run?: unknown } }).axe?.run === 'function');
  if (!present) await page.evaluate(AXE_SOURCE);
  return page.evaluate(() =>
    (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, { resultTypes: ['violations'] }),
  );
}

/** The violations with impact serious or critical, one line each (the rule of test/support/browser-session.ts). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await axeResults(page);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} [${v.nodes.map((n) => n.target.join(' ')).join(' | ')}]`);
}
