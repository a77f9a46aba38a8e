/**
 * The zoekmonitor in a real browser (demo data): pick a keuzevak with the keyboard, see kwalificaties per dossier and
 * keuzedelen as suggestions with betrouwbaarheid and reasons, open the eindterm ↔ werkproces alignment, follow a link,
 * and go the other way from a kwalificatie. Expectations come from the API. Role-based locators; axe on every state.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AlignmentResponse, MatchResponse } from '../../src/shared/match-api.js';
import { assertBrowserReadyInCi, browserReady, type TestApp } from '../support/app.js';
import { browserSession } from '../support/browser-session.js';
import { screenshot } from '../support/screenshots.js';

assertBrowserReadyInCi();

const SHOTS = path.resolve('test-results', 'screenshots');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.skipIf(!browserReady)('zoekmonitor in the browser (demo data)', () => {
  const session = browserSession('demo');
  const { api, expectAccessible } = session;
  let app: TestApp;
  let page: Page;
  beforeEach(() => {
    ({ app, page } = session);
  });
  const status = (text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

  it('finds kwalificaties per dossier and keuzedelen for a keuzevak, explained, and opens the alignment', async () => {
    const expected = await api<MatchResponse>('/api/match?keuzevak=K%2FPIE%2F16&limit=12');
    const first = expected.results[0]!;
    if (first.type !== 'kwalificatie') throw new Error('the demo puts a kwalificatie first for K/PIE/16');

    await page.goto(app.url);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Zoekmonitor' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zoekmonitor' }).waitFor();
    await expect(page.getByText(/Alles wat u hier ziet zijn suggesties/).isVisible()).resolves.toBe(true);
    await expectAccessible('the empty zoekmonitor');

    // Keyboard: choose the keuzevak in the select, then Tab to the button and press Enter.
    const select = page.getByRole('combobox', { name: 'Keuzevak' });
    await expect.poll(() => select.locator('option').count()).toBeGreaterThan(5);
    await select.selectOption('K/PIE/16');
    await select.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Zoek suggesties' }).evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await status(/Suggesties voor K\/PIE\/16 Koudetechniek: \d+ dossiers?/).waitFor();
    expect(new URL(page.url()).searchParams.get('keuzevak')).toBe('K/PIE/16');
    // The focus goes to the results' heading (at 390 px they start below the fold).
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Suggesties' }).evaluate((h) => h === document.activeElement)).toBe(true);

    const dossiers = page.getByRole('list', { name: 'Dossiers, best passend eerst' });
    await expect(dossiers.getByRole('heading', { level: 4 }).first().textContent()).resolves.toContain(first.dossierTitle);
    const item = page.getByRole('heading', { level: 5, name: new RegExp(`${first.crebo} ${escape(first.title)}`) });
    await item.waitFor();
    // Five dossiers first (one result each, the rest behind a button), then the keuzedelen.
    const dossierCount = expected.results.filter((r) => r.type === 'kwalificatie').length;
    const keuzedeelCount = expected.results.length - dossierCount;
    await expect(page.getByText('Suggestie', { exact: true }).count()).resolves.toBe(Math.min(5, dossierCount) + keuzedeelCount);
    await expect(dossiers.locator(':scope > li').count()).resolves.toBe(Math.min(5, dossierCount));
    // The score in words, never a bare number next to a band.
    await expect(page.getByText(first.uitleg).isVisible()).resolves.toBe(true);
    await expect(page.getByText(/^Score \d,\d\d$/).count()).resolves.toBe(0);
    await expect(page.getByText(`Betrouwbaarheid: ${first.confidence}`).first().isVisible()).resolves.toBe(true);
    // Shared words are marked.
    await expect(page.locator('mark', { hasText: first.explanation.sharedTerms[0]! }).first().isVisible()).resolves.toBe(true);
    // The best pairs of the first kwalificatie, with real codes.
    const pairs = page.getByRole('table', { name: `Best passende paren eindterm ↔ werkproces voor ${first.title} (${first.crebo})` });
    const pair = first.explanation.pairs[0]!;
    await expect(pairs.getByRole('cell', { name: new RegExp(escape(pair.werkproces.code)) }).first().isVisible()).resolves.toBe(true);
    // Keuzedelen are listed too.
    const keuzedelen = expected.results.filter((r) => r.type === 'keuzedeel');
    if (keuzedelen.length > 0) {
      await page.getByRole('heading', { level: 3, name: 'Keuzedelen' }).waitFor();
      await expect(page.getByRole('list', { name: 'Keuzedelen, best passend eerst' }).getByRole('listitem').count()).resolves.toBeGreaterThanOrEqual(keuzedelen.length);
    }
    await expectAccessible('zoekmonitor results');

    // Open the full alignment of the first kwalificatie with the keyboard.
    const alignment = await api<AlignmentResponse>(`/api/match/uitlijning?keuzevak=K%2FPIE%2F16&kwalificatie=${first.crebo}`);
    const summary = page.getByText(`Uitlijning eindtermen ↔ werkprocessen van ${first.title}`).first();
    await summary.focus();
    await page.keyboard.press('Enter');
    const table = page.getByRole('table', { name: new RegExp(`Per eindterm van K/PIE/16 de best passende werkprocessen van ${escape(first.title)} \\(${first.crebo}\\)`) });
    await table.waitFor();
    await expect(table.getByRole('row').count()).resolves.toBe(alignment.eindtermen.length + 1);
    await expectAccessible('the opened alignment');

    // The kwalificatie links to its catalogue page.
    await page.getByRole('link', { name: new RegExp(`${first.crebo} ${escape(first.title)}`) }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(escape(first.title)) }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/mbo/kwalificaties/${first.crebo}`);
  });

  it('goes the other way from a kwalificatie, and shows a clear message for an unknown crebo', async () => {
    const expected = await api<MatchResponse>('/api/match?kwalificatie=25486&limit=30');
    const top = expected.results[0]!;
    await page.goto(`${app.url}/zoekmonitor`);
    await page.getByRole('combobox', { name: 'Vraag vanuit' }).selectOption('kwalificatie');
    // Chosen from a list by name, not typed as a crebo.
    await page.getByRole('searchbox', { name: /Kwalificatie zoeken/ }).fill('kinderopvang');
    await page.getByRole('button', { name: 'Zoek kwalificatie' }).click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Kwalificatie', exact: true }).locator('option[value="25486"]').count()).toBe(1);
    await page.getByRole('combobox', { name: 'Kwalificatie', exact: true }).selectOption('25486');
    await page.getByRole('button', { name: 'Zoek suggesties' }).click();
    await status(/Suggesties voor 25486 Pedagogisch medewerker kinderopvang/).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Keuzevakken en profielmodulen' }).waitFor();
    if (top.type === 'kwalificatie') throw new Error('reverse results are vmbo units');
    await expect(page.getByRole('list', { name: 'Keuzevakken en profielmodulen, best passend eerst' }).getByRole('listitem').first().textContent()).resolves.toContain(top.code);
    await expectAccessible('reverse results');

    // A profielmodule works like a keuzevak.
    await page.getByRole('combobox', { name: 'Vraag vanuit' }).selectOption('profielmodule');
    const pm = page.getByRole('combobox', { name: 'Profielmodule' });
    await expect.poll(() => pm.locator('option').count()).toBeGreaterThan(2);
    await pm.selectOption('P/ZW/01');
    await page.getByRole('button', { name: 'Zoek suggesties' }).click();
    await status(/Suggesties voor P\/ZW\/01/).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Best passende dossiers' }).waitFor();

    await page.goto(`${app.url}/zoekmonitor?kwalificatie=99999`);
    await page.getByText(/geen geldige kwalificatie met crebo 99999/).waitFor();
    await expectAccessible('unknown crebo');
  });

  it('leads from a result to the overlap inventory and a leerroute, and from catalogue pages to the zoekmonitor; fits 1366 and 390 px', async () => {
    const expected = await api<MatchResponse>('/api/match?keuzevak=K%2FPIE%2F16&limit=12');
    const first = expected.results[0]!;
    if (first.type !== 'kwalificatie') throw new Error('a dossier first');
    // From the keuzevak's page.
    await page.goto(`${app.url}/vmbo/keuzevakken/K-PIE-16`);
    await page.getByRole('link', { name: 'Zoek wat hierbij past' }).click();
    await status(/Suggesties voor K\/PIE\/16/).waitFor();
    expect(new URL(page.url()).searchParams.get('keuzevak')).toBe('K/PIE/16');

    fs.mkdirSync(SHOTS, { recursive: true });
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.getByRole('heading', { level: 3, name: 'Best passende dossiers' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await screenshot(page, path.join(SHOTS, `zoekmonitor-${width}.png`), { fullPage: true });
    }
    await page.setViewportSize({ width: 1366, height: 900 });

    // Leerroute: a disclosure; without a session it asks to log in.
    await page.getByText(`Start een leerroute met K/PIE/16 en ${first.crebo}`).first().click();
    await page.getByRole('link', { name: 'Log in' }).first().waitFor();
    await expectAccessible('zoekmonitor actions');

    // The inventory opens with this keuzevak and kwalificatie selected.
    await page.getByRole('link', { name: `Maak een overlapinventaris van K/PIE/16 en ${first.crebo}` }).first().click();
    await page.getByRole('heading', { level: 1, name: /Overlapinventaris/ }).waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/inventaris');
    expect(url.searchParams.get('keuzevakken')).toBe('K/PIE/16');
    expect(url.searchParams.get('kwalificatie')).toBe(first.crebo);

    // From a kwalificatie's page, backwards.
    await page.goto(`${app.url}/mbo/kwalificaties/25486`);
    await page.getByRole('link', { name: 'Zoek wat hierbij past' }).click();
    await status(/Suggesties voor 25486/).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Keuzevakken en profielmodulen' }).waitFor();
  });
});
