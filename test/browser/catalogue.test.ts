/**
 * The public vmbo catalogue in a real browser: the built front end served by
 * the real server on a fresh database with the built-in demo data.
 * Role-based locators only where a user would look; no retries, no sleeps.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { KeuzevakDetail, KeuzevakSummary } from '../../src/shared/catalog-api.js';
import { assertBrowserReadyInCi, browserReady, type TestApp } from '../support/app.js';
import { browserSession } from '../support/browser-session.js';
import { hasSloData } from '../support/shared-data.js';

assertBrowserReadyInCi();

describe.skipIf(!browserReady)('vmbo catalogue in the browser (demo data)', () => {
  const session = browserSession('demo');
  const { api, expectAccessible } = session;
  let app: TestApp;
  let page: Page;
  beforeEach(() => {
    ({ app, page } = session);
  });

  const h1 = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });
  const focusedH1 = (name: string | RegExp) => page.locator('h1:focus').filter({ hasText: name });
  const status = (text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

  it('shows the home page with catalogue status and the demo notice', async () => {
    await page.goto(app.url);
    await h1('Doorlopend: samen leerroutes bouwen van vmbo naar mbo').waitFor();
    expect(await page.title()).toBe('Home – Doorlopend');
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');

    // Landmarks and the demo notice (the import command is on the beheer page since issue 12, not here).
    await page.getByRole('banner').waitFor();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
    await page.getByRole('main').waitFor();
    await page.getByRole('contentinfo').getByRole('link', { name: 'API-documentatie' }).waitFor();
    await page.getByRole('heading', { name: 'Alleen voorbeeldgegevens' }).waitFor();
    const catalog = await api<{ importInstructions: string; vmbo: { counts: { keuzevakken: number } } }>('/api/catalog/status');
    expect(await page.getByText(catalog.importInstructions).count()).toBe(0);
    await page.getByRole('definition').filter({ hasText: String(catalog.vmbo.counts.keuzevakken) }).first().waitFor();

    // The skip link is the first tab stop and moves focus to the main content.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Naar de inhoud' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.locator('main:focus').waitFor();

    await expectAccessible('home');
  });

  it('lists and filters keuzevakken, opens one and filters its eindtermen on leerweg', async () => {
    const all = await api<KeuzevakSummary[]>('/api/vmbo/keuzevakken');
    const pie = await api<KeuzevakSummary[]>('/api/vmbo/keuzevakken?profiel=PIE');
    expect(pie.length).toBeGreaterThan(0);
    expect(pie.length).toBeLessThan(all.length);

    await page.goto(app.url);
    await h1(/samen leerroutes bouwen van vmbo naar mbo/).waitFor();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Keuzevakken' }).click();
    await h1('Keuzevakken').waitFor();
    // Focus moves to the new page's h1 and the title follows the page.
    await focusedH1('Keuzevakken').waitFor();
    expect(await page.title()).toBe('Keuzevakken – Doorlopend');
    await status(`${all.length} keuzevakken gevonden`).waitFor();
    await expectAccessible('keuzevakken list');

    // Filter on profiel: the count is announced and the URL can be shared.
    await page.getByRole('combobox', { name: 'Profiel', exact: true }).selectOption('PIE');
    await status(`${pie.length} keuzevakken gevonden`).waitFor();
    expect(new URL(page.url()).searchParams.get('profiel')).toBe('PIE');
    const rows = page.getByRole('table', { name: 'Keuzevakken' }).getByRole('rowheader');
    expect(await rows.count()).toBe(pie.length);

    // Open K/PIE/16.
    await page.getByRole('link', { name: /K\/PIE\/16/ }).click();
    await h1(/K\/PIE\/16/).waitFor();
    await focusedH1(/K\/PIE\/16/).waitFor();
    expect(await page.title()).toMatch(/^K\/PIE\/16 .+ – Doorlopend$/);
    await page.getByText(/^Bron: SLO .+, release .+, geïmporteerd op \d{1,2} [a-z]+ \d{4}\.$/).waitFor();

    // Which eindtermen do not apply to BB, according to the API?
    const full = await api<KeuzevakDetail>('/api/vmbo/keuzevakken/K-PIE-16');
    const bb = await api<KeuzevakDetail>('/api/vmbo/keuzevakken/K-PIE-16?leerweg=BB');
    const codes = (d: KeuzevakDetail) => d.deeltaken.flatMap((t) => t.eindtermen.map((e) => e.code));
    const notForBb = codes(full).filter((c) => !codes(bb).includes(c));
    expect(notForBb.length, 'K/PIE/16 has eindtermen that do not apply to BB').toBeGreaterThan(0);
    const eindterm = (code: string) => page.getByRole('listitem').filter({ hasText: code });

    for (const code of codes(full)) await eindterm(code).waitFor();
    await expectAccessible('keuzevak detail');

    const leerweg = page.getByRole('combobox', { name: 'Leerweg', exact: true });
    await leerweg.focus();
    await leerweg.selectOption('BB');
    for (const code of notForBb) await eindterm(code).waitFor({ state: 'detached' });
    for (const code of codes(bb)) await eindterm(code).waitFor();
    await status(`met ${codes(bb).length} eindterm`).waitFor();
    expect(new URL(page.url()).searchParams.get('leerweg')).toBe('BB');
    // Focus stays on the select while filtering.
    expect(await leerweg.evaluate((el) => el === document.activeElement)).toBe(true);

    // The filtered page can be shared: a fresh load keeps the filter.
    await page.reload();
    await h1(/K\/PIE\/16/).waitFor();
    expect(await leerweg.inputValue()).toBe('BB');
    await eindterm(codes(bb)[0]!).waitFor();
    expect(await eindterm(notForBb[0]!).count()).toBe(0);

    await leerweg.selectOption('');
    for (const code of notForBb) await eindterm(code).waitFor();
    expect(new URL(page.url()).searchParams.has('leerweg')).toBe(false);
  });

  it('searches for "lassen" with highlighted results and follows a result to its eindterm', async () => {
    await page.goto(app.url);
    await h1(/samen leerroutes bouwen van vmbo naar mbo/).waitFor();
    const searchbox = page.getByRole('searchbox', { name: 'Zoeken', exact: true });
    await searchbox.fill('lassen');
    await searchbox.press('Enter');
    await h1('Zoeken').waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('lassen');
    await status(/^\d+ resultaten? voor ‘lassen’/).waitFor();
    expect(await page.title()).toBe('Zoeken naar ‘lassen’ – Doorlopend');

    const results = page.getByRole('list', { name: 'Zoekresultaten' });
    await results.waitFor();
    // Matched words are marked (also inside compounds such as "booglassen").
    const marks = await results.locator('mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => /lassen/i.test(m)), marks.join(', ')).toBe(true);
    await expectAccessible('search results');

    // Follow the first result that points at an element on its page (#fragment).
    const links = results.getByRole('link');
    const hrefs = await links.evaluateAll((els) => els.map((el) => el.getAttribute('href') ?? ''));
    const index = hrefs.findIndex((h) => h.includes('#'));
    expect(index, 'a result that links to a deeltaak or eindterm').toBeGreaterThanOrEqual(0);
    const link = links.nth(index);
    const href = hrefs[index]!;
    const [path, fragment] = href.split('#') as [string, string];
    const code = (await link.locator('code').innerText()).trim();
    await link.click();
    await page.waitForURL((u) => u.pathname === path && u.hash === `#${fragment}`);
    await h1(/.+/).waitFor();
    // The target (e.g. id="K-PIE-02-02-02") is focused and is the eindterm or deeltaak with that code.
    const target = page.locator(`[id="${fragment}"]:focus`);
    await target.waitFor();
    expect(fragment).toBe(code.replaceAll('/', '-'));
    expect(await target.innerText()).toContain(code);

    // At 390 px the search form fills the screen: a search sent from it moves focus to the results heading and
    // scrolls it into view, so the page visibly answers.
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${app.url}/zoeken`);
      await h1('Zoeken').waitFor();
      const zoekterm = page.getByRole('searchbox', { name: 'Zoekterm' });
      await zoekterm.fill('lassen');
      await zoekterm.press('Enter');
      await status(/^\d+ resultaten? voor ‘lassen’/).waitFor();
      const kop = page.getByRole('heading', { level: 2, name: 'Resultaten' });
      await expect.poll(() => kop.evaluate((el) => el === document.activeElement)).toBe(true);
      const box = await kop.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.bottom).toBeLessThanOrEqual(844);
    } finally {
      // Playwright's default, which the other cases of this session are written for.
      await page.setViewportSize({ width: 1280, height: 720 });
    }

    // No results: a clear message.
    await page.goto(`${app.url}/zoeken?q=${encodeURIComponent('xyzzyquux')}`);
    await status('Geen resultaten voor ‘xyzzyquux’').waitFor();
    await page.getByText('Er zijn geen resultaten gevonden').waitFor();
  });

  it('shows "Pagina niet gevonden" for unknown routes and for items the API does not know', async () => {
    await page.goto(`${app.url}/dit/bestaat/niet`);
    await h1('Pagina niet gevonden').waitFor();
    expect(await page.title()).toBe('Pagina niet gevonden – Doorlopend');
    await expectAccessible('404 page');

    await page.goto(`${app.url}/vmbo/keuzevakken/K-XYZ-99`);
    await h1('Pagina niet gevonden').waitFor();
    await page.getByRole('link', { name: 'Alle keuzevakken' }).click();
    await focusedH1('Keuzevakken').waitFor();
  });

  it('shows a profiel with its kern, profielmodulen and keuzevakken', async () => {
    await page.goto(`${app.url}/vmbo/profielen`);
    await h1('Profielen').waitFor();
    await page.getByRole('table', { name: 'Profielen' }).getByRole('link', { name: /Produceren, installeren en energie/ }).click();
    await h1(/Produceren, installeren en energie/).waitFor();
    await page.getByRole('heading', { level: 2, name: /^Kern/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Profielmodulen' }).waitFor();
    await page.getByRole('table', { name: /Keuzevakken van/ }).getByRole('link', { name: /K\/PIE\/16/ }).waitFor();
    await expectAccessible('profiel detail');
  });
});

describe.skipIf(!browserReady || !hasSloData)('vmbo catalogue in the browser (national SLO data)', () => {
  const session = browserSession('slo');
  const { expectAccessible } = session;
  let app: TestApp;
  let page: Page;
  beforeEach(() => {
    ({ app, page } = session);
  });

  it('explains that SLO publishes K/EO/09 twice and links to the other version', async () => {
    const res = await fetch(`${app.url}/api/vmbo/keuzevakken/K-EO-09`);
    const detail = (await res.json()) as KeuzevakDetail;
    const other = detail.versies.find((v) => !v.isGetoond);
    expect(other, 'K/EO/09 has a second version').toBeDefined();

    await page.goto(`${app.url}/vmbo/keuzevakken/K-EO-09`);
    await page.getByRole('heading', { level: 1, name: /K\/EO\/09/ }).waitFor();
    await page.getByRole('heading', { name: 'SLO publiceert twee versies van K/EO/09' }).waitFor();
    await expectAccessible('keuzevak with two versions');

    await page.getByRole('link', { name: /Bekijk de andere versie/ }).click();
    await page.waitForURL((u) => u.searchParams.get('versie') === other!.id);
    await page.getByRole('link', { name: /Bekijk de standaardversie/ }).waitFor();
    for (const code of other!.deeltaakCodes) {
      await page.getByRole('heading', { level: 3, name: new RegExp(`^${code.replaceAll('/', '\\/')} `) }).waitFor();
    }
  });

  it('pages through many search results with Vorige and Volgende', async () => {
    await page.goto(`${app.url}/zoeken?q=kandidaat`);
    const status = page.getByRole('status').filter({ hasText: /resultaten voor ‘kandidaat’/ });
    await status.filter({ hasText: /pagina 1 van \d+$/ }).waitFor();
    await page.getByRole('navigation', { name: 'Paginering' }).getByRole('link', { name: 'Volgende' }).click();
    await status.filter({ hasText: /pagina 2 van \d+$/ }).waitFor();
    expect(new URL(page.url()).searchParams.get('pagina')).toBe('2');
    // Focus moves to the results heading, and numbering continues.
    await page.locator('h2:focus').filter({ hasText: 'Resultaten' }).waitFor();
    expect(await page.getByRole('list', { name: 'Zoekresultaten' }).getAttribute('start')).toBe('21');
    await page.getByRole('link', { name: 'Vorige' }).click();
    await status.filter({ hasText: /pagina 1 van \d+$/ }).waitFor();
    expect(new URL(page.url()).searchParams.has('pagina')).toBe(false);
  });

  it('keeps the full keuzevakken list and a large profiel accessible', async () => {
    await page.goto(`${app.url}/vmbo/keuzevakken`);
    await page.getByRole('status').filter({ hasText: /^155 keuzevakken gevonden$/ }).waitFor();
    await expectAccessible('full keuzevakken list');

    await page.goto(`${app.url}/vmbo/profielen/PIE`);
    await page.getByRole('heading', { level: 2, name: /^Kern/ }).waitFor();
    await expectAccessible('profiel PIE');
  });
});
