/**
 * The layout of every main page and workspace at 1366 × 768 and 390 × 844 (issue 12, "the teacher's experience"):
 * Bea Beheerder (Demo Vmbo College) signs in; a leerroute with planned doelen, a toets, an activiteit and a materiaal
 * is made through the API first. On every page: no sideways scroll of the page, headings and tables not clipped, axe.
 * At 1366 the main menu is one line, the workspaces use the width of the screen, the planning is a table with the
 * leerjaren as rows and the perioden as columns, and the toetsen table has no hidden sideways scroll. At 390 the header
 * with the menu takes less than a third of the screen and the menu is a disclosure button ("Menu", aria-expanded,
 * aria-controls) that opens and closes by keyboard, on Escape and on navigation.
 * Screenshots of every page at both widths go to test-results/screenshots/<page>-<width>.png (not committed).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LeerrouteDetail } from '../../src/shared/leerroute-api.js';
import { DEMO_PASSWORD, seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import { assertBrowserReadyInCi, browserReady, type TestApp } from '../support/app.js';
import { browserSession } from '../support/browser-session.js';
import { SCREENSHOTS } from '../support/browser-steps.js';
import { screenshot } from '../support/screenshots.js';

assertBrowserReadyInCi();

const WIDE = { width: 1366, height: 768 } as const;
const NARROW = { width: 390, height: 844 } as const;
const SELECTIE = 'keuzevakken=K%2FPIE%2F16&kwalificatie=25282';

interface Visit {
  /** File name of the screenshot, and the name in messages. */
  name: string;
  path: string;
  /** The page is ready when this level-1 heading (or, for a leerroute step, level-2 heading) is shown … */
  heading: { level: 1 | 2; name: string | RegExp };
  /** … and, where the page loads results, this text too. */
  ready?: string | RegExp;
  /** A workspace: at 1366 it uses at least 85 % of the width of the window. */
  workspace?: boolean;
}

describe.skipIf(!browserReady)('layout at 1366 and 390 px wide', () => {
  const session = browserSession('demo');
  const { expectAccessible } = session;
  let app: TestApp;
  let page: Page;
  let routeId: string;
  let partnershipId: string;
  let organisationId: string;

  beforeAll(async () => {
    const db = session.app.database.db;
    await seedDemoOrganisations(db);
    partnershipId = (await db.selectFrom('partnership').select('id').executeTakeFirstOrThrow()).id;
    organisationId = (await db.selectFrom('organisation').select('id').where('naam', '=', 'Demo Vmbo College').executeTakeFirstOrThrow()).id;
    routeId = await maakLeerroute(session.app.url, partnershipId);
  });
  beforeEach(() => {
    ({ app, page } = session);
  });

  async function signIn() {
    await page.goto(`${app.url}/inloggen`);
    const form = page.getByRole('form', { name: 'Inloggen' });
    await form.getByRole('textbox', { name: 'E-mailadres' }).fill('beheerder@vmbo.demo');
    await form.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/login'),
      form.getByRole('button', { name: 'Inloggen' }).click(),
    ]);
    expect(response.status()).toBe(200);
  }

  function visits(): Visit[] {
    const stap = (pad: string, name: string, ready?: string | RegExp): Visit => ({
      name: `leerroute-${pad}`,
      path: `/leerroutes/${routeId}/${pad}`,
      heading: { level: 2, name },
      ready,
      workspace: true,
    });
    return [
      { name: 'home', path: '/', heading: { level: 1, name: /Doorlopend/ } },
      { name: 'profielen', path: '/vmbo/profielen', heading: { level: 1, name: /Profielen/ } },
      { name: 'keuzevakken', path: '/vmbo/keuzevakken', heading: { level: 1, name: /Keuzevakken/ }, ready: /K\/PIE\/16/ },
      { name: 'keuzevak', path: '/vmbo/keuzevakken/K-PIE-16', heading: { level: 1, name: /Koudetechniek/ } },
      { name: 'kwalificaties', path: '/mbo/kwalificaties', heading: { level: 1, name: /Kwalificaties/ }, ready: /25282/ },
      { name: 'keuzedelen', path: '/mbo/keuzedelen', heading: { level: 1, name: /Keuzedelen/ }, ready: /K0072/ },
      { name: 'zoekmonitor', path: '/zoekmonitor?keuzevak=K%2FPIE%2F16', heading: { level: 1, name: 'Zoekmonitor' }, ready: /uggesties voor K\/PIE\/16/, workspace: true },
      {
        name: 'inventaris',
        path: `/samenwerkingen/${partnershipId}/inventaris?${SELECTIE}`,
        heading: { level: 1, name: 'Overlapinventaris' },
        ready: /eindtermen, waarvan \d+ in Beiden/,
        workspace: true,
      },
      { name: 'samenwerkingen', path: '/samenwerkingen', heading: { level: 1, name: 'Samenwerkingen' }, ready: 'Demo doorlopende leerroute techniek' },
      { name: 'samenwerking', path: `/samenwerkingen/${partnershipId}`, heading: { level: 1, name: 'Demo doorlopende leerroute techniek' } },
      { name: 'leerroutes', path: `/samenwerkingen/${partnershipId}/leerroutes`, heading: { level: 1, name: 'Leerroutes' }, ready: 'Koudetechniek doorlopend' },
      { name: 'organisatie', path: `/organisaties/${organisationId}`, heading: { level: 1, name: 'Demo Vmbo College' } },
      { name: 'account', path: '/account', heading: { level: 1, name: /account/i } },
      { name: 'leerroute', path: `/leerroutes/${routeId}`, heading: { level: 1, name: 'Koudetechniek doorlopend' } },
      stap('inventarisatie', 'Stap 1 van 5: Inventarisatie', /voorgesteld/),
      stap('planning', 'Stap 2 van 5: Planning'),
      stap('toetsing', 'Stap 3 van 5: Toetsing', 'PIE-KT-01'),
      stap('activiteiten', 'Stap 4 van 5: Activiteiten en lessen', 'Werkplaatsles koelcircuit'),
      stap('materialen', 'Stap 5 van 5: Materialen', 'Koelwerkplaats van het ROC'),
    ];
  }

  async function open(v: Visit) {
    await page.goto(`${app.url}${v.path}`);
    await page.getByRole('heading', { level: v.heading.level, name: v.heading.name }).first().waitFor();
    if (v.ready) await page.getByRole('main').getByText(v.ready).first().waitFor();
    // The header is complete: the demo banner and the account menu of the signed-in user.
    await page.getByRole('banner').getByText(/^Demoversie:/).waitFor();
    await page.getByRole('banner').getByRole('button', { name: /Bea Beheerder/ }).waitFor();
    // Fonts and late layout settle before measuring.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
  }

  /** The window as the user first sees it, and the whole page. */
  async function screenshots(name: string, width: number) {
    await screenshot(page, path.join(SCREENSHOTS, `${name}-${width}.png`));
    await screenshot(page, path.join(SCREENSHOTS, `${name}-${width}-full.png`), { fullPage: true });
  }

  /** What is wrong with the page in general, at any width: sideways scroll, headings or tables cut off. */
  function problemsOnPage(): Promise<string[]> {
    return page.evaluate(() => {
      const problems: string[] = [];
      const vw = window.innerWidth;
      if (document.documentElement.scrollWidth > vw) problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${vw}`);
      const describe = (el: Element) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 60)}"`;
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.width > 1 && r.height > 1 && getComputedStyle(el).visibility !== 'hidden';
      };
      for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6, caption')) {
        if (!visible(h)) continue;
        const r = h.getBoundingClientRect();
        if (r.right > vw + 0.5 || r.left < -0.5) problems.push(`${describe(h)} reaches outside the window (${Math.round(r.left)}–${Math.round(r.right)})`);
        if (h.scrollWidth > h.clientWidth + 1) problems.push(`${describe(h)} is cut off (${h.scrollWidth} > ${h.clientWidth})`);
      }
      for (const t of document.querySelectorAll('main table')) {
        if (!visible(t)) continue;
        const r = t.getBoundingClientRect();
        if (r.right > vw + 0.5) problems.push(`table ${describe(t.querySelector('caption') ?? t)} reaches outside the window (${Math.round(r.right)} > ${vw})`);
      }
      // Form controls (a select with long option texts) neither overflow their field nor the window.
      for (const c of document.querySelectorAll('main select, main input, main textarea')) {
        if (!visible(c)) continue;
        const r = c.getBoundingClientRect();
        if (r.right > vw + 0.5) problems.push(`${describe(c)}#${c.id} reaches outside the window`);
      }
      return problems;
    });
  }

  /** Elements inside main that scroll sideways: their content is wider than what shows. */
  function hiddenSidewaysScroll(): Promise<string[]> {
    return page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((el) => {
          const s = getComputedStyle(el);
          // (Visually hidden text, one pixel wide, does not count.)
          return (s.overflowX === 'auto' || s.overflowX === 'scroll' || s.overflowX === 'hidden') && el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1;
        })
        .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${el.scrollWidth} > ${el.clientWidth}): ${(el.textContent ?? '').trim().slice(0, 60)}`),
    );
  }

  it('at 1366 × 768: the menu on one line, workspaces as wide as the screen, the planning grid and the toetsen without hidden scroll', async () => {
    await page.setViewportSize(WIDE);
    await signIn();
    const problems: string[] = [];
    for (const v of visits()) {
      await open(v);
      await screenshots(v.name, WIDE.width);
      problems.push(...(await problemsOnPage()).map((p) => `${v.name}: ${p}`));

      // The main menu: every item on the same line, no menu button.
      const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
      const tops = await menu.getByRole('link').evaluateAll((links) => links.map((a) => (a as HTMLElement).getBoundingClientRect().top));
      expect(tops.length, v.name).toBeGreaterThanOrEqual(8);
      expect(new Set(tops.map((t) => Math.round(t))).size, `${v.name}: the menu items are on one line`).toBe(1);
      expect(await page.getByRole('button', { name: 'Menu', exact: true }).isVisible(), `${v.name}: no menu button at 1366`).toBe(false);

      if (v.workspace) {
        const width = await page.getByRole('main').evaluate((m) => m.getBoundingClientRect().width);
        expect(width, `${v.name}: the workspace uses the width of the screen`).toBeGreaterThan(WIDE.width * 0.85);
      }
      if (v.name === 'leerroute-planning') await expectPlanningGrid();
      if (v.name === 'leerroute-toetsing') {
        expect(await hiddenSidewaysScroll(), 'toetsen: no hidden sideways scroll').toEqual([]);
        // Every column and both actions of the toets are in view.
        const table = page.getByRole('main').getByRole('table', { name: 'Toetsen in leerjaar 3, periode 3' });
        const row = table.getByRole('row', { name: /PIE-KT-01/ });
        for (const name of [/wijzigen$/, /verwijderen$/]) {
          const box = (await row.getByRole('button', { name }).boundingBox())!;
          expect(box.x + box.width, `toetsen: ${String(name)} in view`).toBeLessThanOrEqual(WIDE.width);
        }
        expect(await table.getByRole('columnheader').count()).toBe(12);
      }
    }
    expect(problems).toEqual([]);
  }, 240_000);

  it('at 390 × 844: no sideways scroll, a small header with a "Menu" disclosure, tables and headings whole, axe on every page', async () => {
    await page.setViewportSize(NARROW);
    await signIn();
    const problems: string[] = [];
    for (const v of visits()) {
      await open(v);
      await screenshots(v.name, NARROW.width);
      problems.push(...(await problemsOnPage()).map((p) => `${v.name}: ${p}`));
      const header = await page.getByRole('banner').evaluate((h) => h.getBoundingClientRect().height);
      expect(header, `${v.name}: the header takes less than a third of the screen`).toBeLessThan(NARROW.height / 3);
      if (v.name === 'leerroute-toetsing') expect(await hiddenSidewaysScroll(), 'toetsen: no hidden sideways scroll').toEqual([]);
      if (v.name === 'leerroute-planning') await expectPlanningGrid();
      await expectAccessible(`${v.name} at 390`);
    }
    expect(problems).toEqual([]);
  }, 240_000);

  it('at 390 the menu is a disclosure: opened and closed by keyboard, closed on Escape and on navigation', async () => {
    await page.setViewportSize(NARROW);
    await page.goto(app.url);
    const button = page.getByRole('button', { name: 'Menu', exact: true });
    await button.waitFor();
    // Let the page settle first (the session check and lazy chunks), so nothing renders the header anew mid-test.
    await page.waitForLoadState('networkidle');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
    const controls = await button.getAttribute('aria-controls');
    expect(controls).toBeTruthy();
    const panel = page.locator(`[id="${controls}"]`);
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await menu.getByRole('link', { name: 'Zoekmonitor' }).isVisible()).toBe(false);

    // Keyboard: focus the button, Enter opens, the links are there and reachable with Tab.
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
    expect(await panel.isVisible()).toBe(true);
    await menu.getByRole('link', { name: 'Zoekmonitor' }).waitFor();
    await screenshots('menu-open', NARROW.width);
    await expectAccessible('the open menu at 390');
    // Tab goes on into the opened panel: the search, then the links of the menu.
    await page.keyboard.press('Tab');
    expect(await page.evaluate((id) => document.activeElement?.closest(`[id="${id}"]`) !== null, controls)).toBe(true);
    // Escape closes and gives focus back to the button.
    await page.keyboard.press('Escape');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.getByRole('link', { name: 'Zoekmonitor' }).isVisible()).toBe(false);
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
    // Space opens too; Space again closes.
    await page.keyboard.press(' ');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press(' ');
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');

    // Choosing a page closes the menu.
    await button.click();
    await menu.getByRole('link', { name: 'Keuzedelen (mbo)' }).click();
    await page.getByRole('heading', { level: 1, name: /Keuzedelen/ }).waitFor();
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.getByRole('link', { name: 'Zoekmonitor' }).isVisible()).toBe(false);

    // Wider again: the menu is a plain line of links, the button gone.
    await page.setViewportSize(WIDE);
    await expect.poll(() => button.isVisible()).toBe(false);
    await expect.poll(() => menu.getByRole('link', { name: 'Zoekmonitor' }).isVisible()).toBe(true);
  });

  /** The planning is a table: a row per leerjaar (its row header), a column per periode, the regels in the cells. */
  async function expectPlanningGrid() {
    const grid = page.getByRole('main').getByRole('table', { name: 'Planning per leerjaar en periode' });
    await grid.waitFor();
    const rowHeaders = await grid.getByRole('rowheader').allInnerTexts();
    expect(rowHeaders.map((t) => /^Leerjaar \d/.exec(t.trim())?.[0])).toEqual(['Leerjaar 3', 'Leerjaar 4', 'Leerjaar 5']);
    const columnHeaders = await grid.getByRole('columnheader').allInnerTexts();
    expect(columnHeaders.filter((t) => /Periode \d/.test(t)).length).toBe(4);
    // The regel planned in leerjaar 4, periode 2 is in the row of leerjaar 4, under the column of periode 2.
    const cell = grid.getByRole('row', { name: /Leerjaar 4/ }).getByRole('cell').nth(1);
    expect(await cell.getByTestId('periode-4-2').count()).toBe(1);
    expect(await cell.getByRole('listitem').count()).toBeGreaterThan(0);
  }
});

/** Through the API, as Daan Docent: a doorlopende leerroute, five doelen planned, a toets, an activiteit, a materiaal. */
async function maakLeerroute(url: string, partnershipId: string): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'docent@vmbo.demo', wachtwoord: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const send = async (method: string, p: string, body?: unknown) => {
    const res = await fetch(`${url}${p}`, {
      method,
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(res.status, `${method} ${p}`).toBeLessThan(300);
    return res.json() as Promise<unknown>;
  };
  const created = (await send('POST', `/api/partnerships/${partnershipId}/leerroutes`, {
    naam: 'Koudetechniek doorlopend',
    type: 'doorlopend',
    vmbo: { profiel: 'PIE', leerweg: 'BB', keuzevakken: ['K/PIE/16'] },
    mbo: { kwalificatie: '25282' },
  })) as { id: string };
  const route = (await send('GET', `/api/leerroutes/${created.id}`)) as LeerrouteDetail;
  const vmbo = route.doelen.filter((d) => d.side === 'vmbo');
  const mbo = route.doelen.filter((d) => d.side === 'mbo');
  const plek: Array<[string, number, number]> = [
    [vmbo[0]!.id, 3, 1],
    [vmbo[1]!.id, 3, 3],
    [vmbo[2]!.id, 4, 2],
    [mbo[0]!.id, 5, 1],
    [mbo[1]!.id, 5, 4],
  ];
  for (const [item, leerjaar, periode] of plek) await send('POST', `/api/leerroutes/${created.id}/planning`, { items: [item], leerjaar, periode });
  const vmboOrg = route.partners.find((p) => p.naam === 'Demo Vmbo College')!.id;
  const mboOrg = route.partners.find((p) => p.naam === 'Demo ROC')!.id;
  await send('POST', `/api/leerroutes/${created.id}/toetsen`, {
    leerjaar: 3,
    periode: 3,
    toetscode: 'PIE-KT-01',
    naam: 'Koelcircuit opbouwen, vullen met koudemiddel, lektesten en in bedrijf stellen volgens het werkvoorschrift',
    vorm: 'praktijkopdracht',
    soort: 'summatief',
    doelen: [vmbo[1]!.id],
    duurMinuten: 120,
    weging: 2,
    herkansbaar: true,
    onderdeelVan: 'pta',
    seWeging: 10,
  });
  await send('POST', `/api/leerroutes/${created.id}/activiteiten`, {
    leerjaar: 3,
    periode: 3,
    titel: 'Werkplaatsles koelcircuit',
    omschrijving: 'In tweetallen een koelcircuit opbouwen onder begeleiding van een docent van het ROC.',
    doelen: [vmbo[1]!.id],
    organisatieId: vmboOrg,
    uren: 8,
  });
  await send('POST', `/api/leerroutes/${created.id}/materialen`, {
    leerjaar: 5,
    periode: 1,
    titel: 'Koelwerkplaats van het ROC',
    soort: 'locatie',
    url: 'https://www.example.org/een/heel/lange/link/naar/de/koelwerkplaats/van/het/roc/met/alle/informatie',
    organisatieId: mboOrg,
  });
  return created.id;
}
