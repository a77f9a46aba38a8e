/**
 * The mbo side of the catalogue in a real browser: the built front end served by
 * the real server on a fresh database with the built-in demo data (vmbo and mbo).
 * Expectations come from the API, not from hard-coded texts. Role-based locators; no retries, no sleeps.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CatalogStatus, SearchResult } from '../../src/shared/catalog-api.js';
import type {
  DossierDetail,
  DossierSummary,
  KeuzedeelDetail,
  KeuzedeelSummary,
  KwalificatieDetail,
  KwalificatieSummary,
  OpleidingsdomeinSummary,
} from '../../src/shared/mbo-api.js';
import { assertBrowserReadyInCi, browserReady, type TestApp } from '../support/app.js';
import { browserSession } from '../support/browser-session.js';

assertBrowserReadyInCi();

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.skipIf(!browserReady)('mbo catalogue in the browser (demo data)', () => {
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
  const nav = () => page.getByRole('navigation', { name: 'Hoofdmenu' });

  /** A kwalificatie in the demo with kerntaken and werkprocessen, found through domein → dossier → kwalificatie. */
  async function findJourney() {
    const domeinen = await api<OpleidingsdomeinSummary[]>('/api/mbo/opleidingsdomeinen');
    expect(domeinen.length, 'the demo has opleidingsdomeinen').toBeGreaterThan(0);
    for (const domein of domeinen) {
      const dossiers = await api<DossierSummary[]>(`/api/mbo/dossiers?domein=${encodeURIComponent(domein.slug)}`);
      for (const summary of dossiers) {
        const dossier = await api<DossierDetail>(`/api/mbo/dossiers/${summary.crebo}`);
        for (const k of dossier.kwalificaties) {
          const kwalificatie = await api<KwalificatieDetail>(`/api/mbo/kwalificaties/${k.crebo}`);
          const kerntaak = kwalificatie.kerntaken.find((t) => t.titel && t.werkprocessen.length > 0);
          if (kerntaak) return { domein, dossiers, dossier, kwalificatie, kerntaak, werkproces: kerntaak.werkprocessen[0]! };
        }
      }
    }
    throw new Error('no demo kwalificatie with kerntaken and werkprocessen');
  }

  it('shows both sides on the home page and in the navigation', async () => {
    const catalog = await api<CatalogStatus>('/api/catalog/status');
    await page.goto(app.url);
    await h1(/Doorlopend/).waitFor();
    for (const name of ['Profielen (vmbo)', 'Keuzevakken (vmbo)', 'Kwalificaties (mbo)', 'Keuzedelen (mbo)']) {
      await nav().getByRole('link', { name, exact: true }).waitFor();
    }
    const stand = page.getByRole('region', { name: 'Stand van de catalogus' });
    await stand.getByRole('heading', { level: 3, name: 'vmbo', exact: true }).waitFor();
    await stand.getByRole('heading', { level: 3, name: 'mbo', exact: true }).waitFor();
    expect(catalog.mbo, 'the status has an mbo block').toBeDefined();
    await stand
      .getByRole('term')
      .filter({ hasText: /^Kwalificaties$/ })
      .waitFor();
    await stand.getByRole('definition').filter({ hasText: new RegExp(`^${catalog.mbo.counts.kwalificaties}$`) }).first().waitFor();
    await expectAccessible('home with both sides');
  });

  it('goes from opleidingsdomein to dossier to kwalificatie to a werkproces', async () => {
    const { domein, dossiers, dossier, kwalificatie, kerntaak, werkproces } = await findJourney();

    await page.goto(app.url);
    await page.getByRole('link', { name: 'Kwalificaties per opleidingsdomein' }).click();
    await focusedH1('Opleidingsdomeinen (mbo)').waitFor();
    expect(new URL(page.url()).pathname).toBe('/mbo');
    await expectAccessible('opleidingsdomeinen');

    // Opleidingsdomein: its kwalificatiedossiers.
    await page.getByRole('table', { name: 'Opleidingsdomeinen' }).getByRole('link', { name: domein.naam, exact: true }).click();
    await focusedH1(domein.naam).waitFor();
    expect(await page.title()).toBe(`Opleidingsdomein ${domein.naam} – Doorlopend`);
    const dossierTable = page.getByRole('table', { name: `Kwalificatiedossiers in ${domein.naam}` });
    await status(`${dossiers.length} kwalificatiedossier`).waitFor();
    expect(await dossierTable.getByRole('rowheader').count()).toBe(dossiers.length);
    await expectAccessible('opleidingsdomein');

    // Dossier: its kwalificaties.
    await dossierTable.getByRole('link', { name: new RegExp(`^${dossier.crebo} `) }).click();
    await focusedH1(`${dossier.crebo} ${dossier.titel}`).waitFor();
    const kwalificaties = page.getByRole('table', { name: `Kwalificaties in dossier ${dossier.crebo}` });
    expect(await kwalificaties.getByRole('rowheader').count()).toBe(dossier.kwalificaties.length);
    await page.getByRole('region', { name: 'Bronnen', exact: true }).waitFor();
    await expectAccessible('dossier');

    // Kwalificatie: kerntaken as sections with their werkprocessen.
    await kwalificaties.getByRole('link', { name: new RegExp(`^${kwalificatie.crebo} `) }).click();
    await focusedH1(`${kwalificatie.crebo} ${kwalificatie.naam}`).waitFor();
    expect(await page.title()).toBe(`${kwalificatie.crebo} ${kwalificatie.naam} – Doorlopend`);
    await page.getByRole('link', { name: new RegExp(`^${dossier.crebo} `) }).waitFor();
    for (const t of kwalificatie.kerntaken) {
      await page.getByRole('heading', { level: 3, name: new RegExp(`^${escape(t.code)} `) }).waitFor();
    }
    const section = page.getByRole('region', { name: new RegExp(`^${escape(kerntaak.code)} `) });
    const werkprocessen = section.getByRole('list', { name: `Werkprocessen bij ${kerntaak.code}` }).getByRole('listitem');
    expect(await werkprocessen.count()).toBe(kerntaak.werkprocessen.length);
    await werkprocessen.filter({ hasText: werkproces.titel }).waitFor();

    // What the sources do not give is said, not invented.
    if (kwalificatie.ontbreekt.length > 0) {
      const notice = page.getByRole('heading', { name: 'Wat ontbreekt' });
      await notice.waitFor();
      for (const text of kwalificatie.ontbreekt) await page.getByText(text, { exact: true }).waitFor();
    }
    const keuzedelen = page.getByRole('region', { name: 'Keuzedelen', exact: true });
    await keuzedelen.getByRole('heading', { level: 3, name: 'Gekoppeld (SBB)' }).waitFor();
    if (kwalificatie.keuzedelen.gekoppeld === null) await keuzedelen.getByText(/koppeling .* is niet geladen/).waitFor();
    for (const k of kwalificatie.keuzedelen.aangeboden) {
      await keuzedelen.getByRole('link', { name: new RegExp(`^${k.code}`) }).waitFor();
    }
    await page.getByRole('region', { name: 'Bronnen', exact: true }).waitFor();
    await expectAccessible('kwalificatie');

    // A werkproces has its code as id: a shared link with #code focuses it.
    await page.goto(`${app.url}/mbo/kwalificaties/${kwalificatie.crebo}#${werkproces.code}`);
    const target = page.locator(`[id="${werkproces.code}"]:focus`);
    await target.waitFor();
    expect(await target.innerText()).toContain(werkproces.titel);
  });

  it('filters kwalificaties on opleidingsdomein and niveau', async () => {
    const { domein } = await findJourney();
    const all = await api<KwalificatieSummary[]>('/api/mbo/kwalificaties');
    const inDomein = await api<KwalificatieSummary[]>(`/api/mbo/kwalificaties?domein=${domein.slug}`);
    const niveau = inDomein[0]!.niveau;
    const filtered = await api<KwalificatieSummary[]>(`/api/mbo/kwalificaties?domein=${domein.slug}&niveau=${niveau}`);

    await page.goto(app.url);
    await nav().getByRole('link', { name: 'Kwalificaties (mbo)' }).click();
    await focusedH1('Kwalificaties (mbo)').waitFor();
    await status(`${all.length} kwalificaties gevonden`).waitFor();
    await expectAccessible('kwalificaties list');

    await page.getByRole('combobox', { name: 'Opleidingsdomein' }).selectOption(domein.slug);
    await status(new RegExp(`^${inDomein.length} kwalificaties? gevonden$`)).waitFor();
    await page.getByRole('combobox', { name: 'Niveau' }).selectOption(String(niveau));
    await status(new RegExp(`^${filtered.length} kwalificaties? gevonden$`)).waitFor();
    const url = new URL(page.url());
    expect(url.searchParams.get('domein')).toBe(domein.slug);
    expect(url.searchParams.get('niveau')).toBe(String(niveau));
    const rows = page.getByRole('table', { name: `Kwalificaties in ${domein.naam}` }).getByRole('rowheader');
    expect(await rows.count()).toBe(filtered.length);
  });

  it('lists keuzedelen, filters on 480 SBU and opens one', async () => {
    const all = await api<KeuzedeelSummary[]>('/api/mbo/keuzedelen');
    const sbu480 = await api<KeuzedeelSummary[]>('/api/mbo/keuzedelen?sbu=480');
    expect(sbu480.length, 'the demo has a keuzedeel of 480 SBU').toBeGreaterThan(0);
    expect(sbu480.length).toBeLessThan(all.length);

    await page.goto(app.url);
    await nav().getByRole('link', { name: 'Keuzedelen (mbo)' }).click();
    await focusedH1('Keuzedelen (mbo)').waitFor();
    expect(await page.title()).toBe('Keuzedelen (mbo) – Doorlopend');
    await status(`${all.length} keuzedelen gevonden`).waitFor();
    await expectAccessible('keuzedelen list');

    await page.getByRole('combobox', { name: 'Omvang (SBU)' }).selectOption('480');
    await status(new RegExp(`^${sbu480.length} keuzede(el|len) gevonden$`)).waitFor();
    expect(new URL(page.url()).searchParams.get('sbu')).toBe('480');
    const table = page.getByRole('table', { name: 'Keuzedelen' });
    expect(await table.getByRole('rowheader').count()).toBe(sbu480.length);

    const first = sbu480[0]!;
    const detail = await api<KeuzedeelDetail>(`/api/mbo/keuzedelen/${first.code}`);
    await table.getByRole('link', { name: new RegExp(`^${first.code} `) }).click();
    await focusedH1(`${first.code} ${first.titel}`).waitFor();
    await page.getByRole('definition').filter({ hasText: '480 SBU' }).waitFor();
    const aangeboden = page.getByRole('region', { name: 'Aangeboden door instellingen' });
    for (const k of detail.aangebodenBij) await aangeboden.getByRole('link', { name: new RegExp(`^${k.crebo} `) }).waitFor();
    if (detail.gekoppeldAan === null) {
      await page.getByRole('region', { name: 'Gekoppeld aan kwalificaties (SBB)' }).getByText(/is niet geladen/).waitFor();
    }
    await page.getByRole('region', { name: 'Bronnen', exact: true }).waitFor();
    await expectAccessible('keuzedeel detail');
  });

  it('searches both sides with a side badge per hit and narrows to mbo', async () => {
    const both = await api<SearchResult>('/api/search?q=kinderopvang&side=alle');
    const sides = new Set(both.hits.map((h) => h.side));
    expect([...sides].sort(), 'hits on both sides for "kinderopvang"').toEqual(['mbo', 'vmbo']);
    const mbo = await api<SearchResult>('/api/search?q=kinderopvang&side=mbo');

    await page.goto(app.url);
    const searchbox = page.getByRole('searchbox', { name: 'Zoeken', exact: true });
    await searchbox.fill('kinderopvang');
    await searchbox.press('Enter');
    await focusedH1('Zoeken').waitFor();
    await status(new RegExp(`^${both.total} resultaten? voor ‘kinderopvang’`)).waitFor();
    expect(await page.getByRole('combobox', { name: 'Kant' }).inputValue()).toBe('alle');

    const hits = page.getByRole('list', { name: 'Zoekresultaten' }).getByRole('listitem');
    expect(await hits.count()).toBe(Math.min(both.total, 20));
    const badge = (side: 'vmbo' | 'mbo') => hits.filter({ has: page.getByText(side, { exact: true }) });
    expect(await badge('mbo').count()).toBe(both.hits.filter((h) => h.side === 'mbo').length);
    expect(await badge('vmbo').count()).toBe(both.hits.filter((h) => h.side === 'vmbo').length);
    await expectAccessible('search on both sides');

    await page.getByRole('combobox', { name: 'Kant' }).selectOption('mbo');
    await status(new RegExp(`^${mbo.total} resultaten? voor ‘kinderopvang’`)).waitFor();
    expect(new URL(page.url()).searchParams.get('side')).toBe('mbo');
    expect(await hits.count()).toBe(Math.min(mbo.total, 20));
    expect(await badge('vmbo').count()).toBe(0);

    // A werkproces or kerntaak hit leads to its element on the kwalificatie page.
    const index = mbo.hits.findIndex((h) => h.url.includes('#'));
    expect(index, 'an mbo hit that points at a kerntaak or werkproces').toBeGreaterThanOrEqual(0);
    const hit = mbo.hits[index]!;
    await hits.nth(index).getByRole('link').click();
    const [path, fragment] = hit.url.split('#') as [string, string];
    await page.waitForURL((u) => u.pathname === path && u.hash === `#${fragment}`);
    const target = page.locator(`[id="${decodeURIComponent(fragment)}"]:focus`);
    await target.waitFor();
    expect(await target.innerText()).toContain(hit.code);
  });

  it('shows "Pagina niet gevonden" for unknown crebo, keuzedeel and opleidingsdomein', async () => {
    for (const path of ['/mbo/kwalificaties/99999', '/mbo/dossiers/99999', '/mbo/keuzedelen/K9999', '/mbo/opleidingsdomeinen/bestaat-niet']) {
      await page.goto(`${app.url}${path}`);
      await h1('Pagina niet gevonden').waitFor();
    }
    await expectAccessible('mbo 404');
    await page.getByRole('link', { name: 'Alle kwalificaties (mbo)' }).click();
    await focusedH1('Kwalificaties (mbo)').waitFor();
  });
});
