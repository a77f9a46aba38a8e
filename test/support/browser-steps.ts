/**
 * Steps that many browser journeys share: signing in through the real form, and checking a page at the two widths
 * the guide asks for (1366 and 390 px) with a screenshot each and no sideways scroll.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/seed-demo-organisations.js';
import { PROJECT_ROOT } from './shared-data.js';
import { screenshot } from './screenshots.js';

export const SCREENSHOTS = path.join(PROJECT_ROOT, 'test-results', 'screenshots');

/** Signs in with the form on /inloggen (cookies cleared first) and lands on `to`; the login answer must be 200. */
export async function signInAt(page: Page, appUrl: string, to: string, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${appUrl}/inloggen?terug=${encodeURIComponent(to)}`);
  const form = page.getByRole('form', { name: 'Inloggen' });
  await form.getByRole('textbox', { name: 'E-mailadres' }).fill(email);
  await form.getByLabel('Wachtwoord').fill(password);
  const [response] = await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/login'), form.getByRole('button', { name: 'Inloggen' }).click()]);
  expect(response.status(), `sign-in of ${email}`).toBe(200);
}

/** At 1366 and 390 px: a screenshot `test-results/screenshots/<name>-<width>.png`, and the page does not scroll sideways. */
export async function atBothWidths(page: Page, name: string): Promise<void> {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
    await page.waitForTimeout(50);
    await screenshot(page, path.join(SCREENSHOTS, `${name}-${width}.png`), { fullPage: true });
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(innerWidth);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}
