/**
 * Public confirmation counts on the catalogue pages (issue 5): after a docent confirms a link in the demo
 * samenwerking (through the API), the kwalificatie page shows per werkproces, and the profielmodule page per eindterm,
 * how many samenwerkingen confirmed it, never which. Role-based locators, axe on both pages.
 */
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import type { ProfielmoduleDetail } from '../../src/shared/catalog-api.js';
import { assertBrowserReadyInCi, browserReady, type TestApp } from '../support/app.js';
import { browserSession } from '../support/browser-session.js';
import { screenshot } from '../support/screenshots.js';

assertBrowserReadyInCi();

describe.skipIf(!browserReady)('confirmation counts on the public catalogue pages', () => {
  const session = browserSession('demo');
  const { expectAccessible } = session;
  let app: TestApp;
  let page: Page;
  let partnership: string;
  beforeAll(async () => {
    await seedDemoOrganisations(session.app.database.db);
    partnership = (await session.app.database.db.selectFrom('partnership').select('id').where('naam', '=', 'Demo doorlopende leerroute techniek').executeTakeFirstOrThrow()).id;
  });
  beforeEach(() => {
    ({ app, page } = session);
  });
  const main = () => page.getByRole('main');

  async function apiLogin(email: string): Promise<{ cookie: string; csrf: string }> {
    const res = await fetch(`${app.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, wachtwoord: DEMO_PASSWORD }) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { csrfToken: string };
    return { cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: body.csrfToken };
  }

  it('shows "bevestigd door 1 samenwerking" under the werkproces and under the eindterm, without the samenwerking', async () => {
    const eindterm = (await session.api<ProfielmoduleDetail>('/api/vmbo/profielmodulen/P-PIE-04')).deeltaken.flatMap((d) => d.eindtermen)[0]!;
    const daan = await apiLogin('docent@vmbo.demo');
    const res = await fetch(`${app.url}/api/partnerships/${partnership}/crosswalk/koppelingen`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: daan.cookie, 'x-csrf-token': daan.csrf },
      body: JSON.stringify({ eindtermId: eindterm.id, werkprocesId: '25282:B1-K1-W1', actie: 'toevoegen', relatie: 'deels' }),
    });
    expect(res.status).toBe(200);

    // The kwalificatie page (public, not signed in): under werkproces B1-K1-W1 the eindterm, with the count.
    await page.goto(`${app.url}/mbo/kwalificaties/25282`);
    await page.getByRole('heading', { level: 1, name: /Monteur koude- en klimaatsystemen/ }).waitFor();
    const werkprocessen = main().getByRole('list', { name: 'Werkprocessen bij B1-K1' });
    const w1 = werkprocessen.getByRole('listitem').filter({ hasText: 'B1-K1-W1' });
    await w1.getByText(`Gekoppeld aan ${eindterm.code} ${eindterm.title} (bevestigd door 1 samenwerking)`).waitFor();
    // Only that werkproces: the others have no confirmed link.
    expect(await main().getByText(/bevestigd door \d+ samenwerking/).count()).toBe(1);
    expect(await main().getByText('Demo doorlopende leerroute techniek').count()).toBe(0);
    await expectAccessible('kwalificatie page with confirmations');

    // The profielmodule page: under the eindterm the werkproces, with the count.
    await page.goto(`${app.url}/vmbo/profielmodulen/P-PIE-04`);
    await page.getByRole('heading', { level: 1, name: /Installeren en monteren/ }).waitFor();
    const item = main().getByRole('listitem').filter({ hasText: eindterm.title }).first();
    // Issue 12: the werkproces by its code, title and kwalificatie, never by the internal id 25282:B1-K1-W1.
    await item.getByText(/Gekoppeld aan B1-K1-W1 .+ \(25282 .+\) \(bevestigd door 1 samenwerking\)/).waitFor();
    expect(await main().getByText(/\d{5}:[A-Z]\d/).count()).toBe(0);
    // (The page's Herkomst box names the profielmodule's SLO-id on purpose; the eindterm and its links show none.)
    expect(await item.getByText(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/).count()).toBe(0);
    expect(await main().getByText(/bevestigd door \d+ samenwerking/).count()).toBe(1);
    expect(await main().getByText('Demo doorlopende leerroute techniek').count()).toBe(0);
    await expectAccessible('profielmodule page with confirmations');
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await item.scrollIntoViewIfNeeded();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `no horizontal scroll at ${width}px`).toBe(true);
      await screenshot(item, `test-results/screenshots/bevestigingen-profielmodule-${width}.png`);
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  });
});
