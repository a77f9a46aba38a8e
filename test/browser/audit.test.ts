/**
 * The audit log on the organisation page reads as Dutch sentences with names (issue 12): Bea Beheerder removes Lars
 * Leerling, Lars deletes his account, and the log says "Bea Beheerder haalde een verwijderd account uit de organisatie"
 * with no ids. At 1366 and 390 px without sideways scroll, with axe. Screenshots: test-results/screenshots/auditlog-*.png.
 * The full demo, with its worked example of the joint exam: the entries of the group, the pupil, the route and the exam
 * read as Dutch too, with no ids and no action codes.
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

describe.skipIf(!browserReady)('audit log as sentences', () => {
  const session = browserSession('demo');
  let app: TestApp;
  let page: Page;
  let vmbo: string;

  beforeAll(async () => {
    const db = session.app.database.db;
    await seedDemoOrganisations(db);
    vmbo = (await db.selectFrom('organisation').select('id').where('naam', '=', 'Demo Vmbo College').executeTakeFirstOrThrow()).id;
    const lars = (await db.selectFrom('app_user').select('id').where('email', '=', 'leerling@vmbo.demo').executeTakeFirstOrThrow()).id;
    const as = async (email: string) => {
      const res = await fetch(`${session.app.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, wachtwoord: DEMO_PASSWORD }) });
      expect(res.status).toBe(200);
      const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
      const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      return { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf };
    };
    const bea = await as('beheerder@vmbo.demo');
    const larsHeaders = await as('leerling@vmbo.demo');
    // Without a body, so without a content type.
    const removed = await fetch(`${session.app.url}/api/organisations/${vmbo}/members/${lars}`, { method: 'DELETE', headers: { cookie: bea.cookie, 'x-csrf-token': bea['x-csrf-token'] } });
    expect(removed.status, await removed.text()).toBeLessThan(300);
    const deleted = await fetch(`${session.app.url}/api/account`, { method: 'DELETE', headers: larsHeaders, body: JSON.stringify({ wachtwoord: DEMO_PASSWORD }) });
    expect(deleted.status, await deleted.text()).toBeLessThan(300);
  });
  beforeEach(() => {
    ({ app, page } = session);
  });

  it.each([
    { width: 1366, height: 768 },
    { width: 390, height: 844 },
  ])('shows who did what in a sentence, a deleted account without its name, at $width px', async (size) => {
    await page.setViewportSize(size);
    const res = await page.request.post(`${app.url}/api/auth/login`, { data: { email: 'beheerder@vmbo.demo', wachtwoord: DEMO_PASSWORD } });
    expect(res.status()).toBe(200);
    await page.goto(`${app.url}/organisaties/${vmbo}`);
    const audit = page.getByRole('main').getByRole('table', { name: 'Auditlog' });
    await audit.getByRole('columnheader', { name: 'Wat er gebeurde' }).waitFor();
    await audit.getByRole('cell', { name: 'Bea Beheerder haalde een verwijderd account uit de organisatie (had de rol leerling).', exact: true }).waitFor();
    const text = (await audit.textContent()) ?? '';
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    // The worked example's entries (the group, the pupil, the route, the exam) in words, not as action codes.
    await audit.getByText('Groep leerlingen aangemaakt').first().waitFor();
    await audit.getByText('Leerling toegevoegd').first().waitFor();
    expect(text).not.toMatch(/\b(leerling|leerlingen|cohort|leerroute|examen|examenplan|crosswalk)\.[a-z_-]+/);
    expect(text).not.toContain('Lars Leerling');
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(innerWidth);
    await audit.scrollIntoViewIfNeeded();
    await screenshot(page, path.join(SCREENSHOTS, `auditlog-${size.width}.png`));
    await session.expectAccessible(`audit log at ${size.width}`);
  });
});
