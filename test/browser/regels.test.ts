/**
 * The regelbank in a real browser (issue 13), on the demo data: the "Regels" panel next to the coverage panel of a
 * route (the doorlopende-leerroute rule first, with its source and where to fix it); Daan Docent marks it "niet van
 * toepassing" with a reason, which then shows who and why; the public /regels page with its filter; the docentinzet
 * page (a gastdocent over 160 hours breaks the rule) and the kalender download, parsed as iCalendar. Axe on every
 * page; at 1366 and 390 px no horizontal scroll. Screenshots: test-results/screenshots/regels-*.png (not committed).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import { LeerrouteDetail } from '../../src/shared/leerroute-api.js';
import { asUser, signIn } from '../support/accounts.js';
import { assertBrowserReadyInCi, browserReady, type TestApp } from '../support/app.js';
import { browserSession } from '../support/browser-session.js';
import { SCREENSHOTS } from '../support/browser-steps.js';
import { screenshot } from '../support/screenshots.js';

assertBrowserReadyInCi();

const WIDTHS = [
  { width: 1366, height: 900 },
  { width: 390, height: 844 },
] as const;

describe.skipIf(!browserReady)('regelbank in the browser', () => {
  const session = browserSession('demo');
  const { expectAccessible } = session;
  let app: TestApp;
  let page: Page;
  let routeId: string;
  let partnershipId: string;

  beforeAll(async () => {
    await seedDemoOrganisations(session.app.database.db);
    const db = session.app.database.db;
    partnershipId = (await db.selectFrom('partnership').select('id').where('naam', '=', 'Demo doorlopende leerroute techniek').executeTakeFirstOrThrow()).id;
    const daan = await signIn(session.app.app, 'docent@vmbo.demo');
    const res = await session.app.app.inject({
      method: 'POST',
      url: `/api/partnerships/${partnershipId}/leerroutes`,
      headers: asUser(daan),
      payload: { naam: 'Regels in de browser', type: 'doorlopend', schooljaar: '2026-2027', vmbo: { profiel: 'PIE', leerweg: 'BB', keuzevakken: ['K/PIE/16'] }, mbo: { kwalificatie: '25282' } },
    });
    expect(res.statusCode, res.body).toBe(201);
    routeId = LeerrouteDetail.parse(res.json()).id;
  });
  beforeEach(() => {
    ({ app, page } = session);
  });

  const main = () => page.getByRole('main');

  async function signInAt(pathname: string, email: string) {
    await page.context().clearCookies();
    await page.goto(`${app.url}/inloggen?terug=${encodeURIComponent(pathname)}`);
    const form = page.getByRole('form', { name: 'Inloggen' });
    await form.getByRole('textbox', { name: 'E-mailadres' }).fill(email);
    await form.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    const [response] = await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/login'), form.getByRole('button', { name: 'Inloggen' }).click()]);
    expect(response.status()).toBe(200);
  }

  async function atBothWidths(name: string, check?: (width: number) => Promise<void>) {
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      await page.waitForTimeout(50);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      expect(scrollWidth, `${name} at ${size.width} px: no horizontal scroll`).toBeLessThanOrEqual(innerWidth);
      await check?.(size.width);
      await screenshot(page, path.join(SCREENSHOTS, `regels-${name}-${size.width}.png`), { fullPage: true });
    }
    await page.setViewportSize(WIDTHS[0]);
  }

  it('shows the rules next to the coverage panel, violations first with their source; a rule is marked niet van toepassing with a reason', async () => {
    await signInAt(`/leerroutes/${routeId}`, 'docent@vmbo.demo');
    await page.getByRole('heading', { level: 1, name: 'Regels in de browser' }).waitFor();
    const panel = page.getByRole('complementary', { name: 'Regels' });
    await panel.getByRole('list', { name: 'Regels om op te letten' }).waitFor();
    await expect.poll(() => page.getByRole('complementary', { name: 'Dekking' }).isVisible()).toBe(true);
    const first = panel.getByRole('list', { name: 'Regels om op te letten' }).getByRole('listitem').first();
    await expect.poll(() => first.innerText()).toMatch(/doorlopende leerroute heeft een ondertekende samenwerkingsovereenkomst/);
    expect(await first.innerText()).toMatch(/Bron: Wat moet en wat mag/);
    expect(await first.getByRole('link', { name: 'Naar de samenwerking (overeenkomst)' }).getAttribute('href')).toBe(`/samenwerkingen/${partnershipId}`);
    // The LOB rule links to the toetsing step.
    const lob = panel.locator('[data-regel="lob-in-pta"]');
    expect(await lob.getByRole('link', { name: 'Naar de toetsing' }).getAttribute('href')).toBe(`/leerroutes/${routeId}/toetsing`);
    await expectAccessible('the leerroute with the rules panel');
    await atBothWidths('paneel', async (width) => {
      expect(await panel.isVisible()).toBe(true);
      await screenshot(panel, path.join(SCREENSHOTS, `regels-paneel-alleen-${width}.png`));
    });

    // Mark the first rule niet van toepassing with a reason.
    await first.getByText('Niet van toepassing voor deze route?').click();
    await first.getByRole('textbox', { name: 'Reden' }).fill('Het bestuur ondertekent de overeenkomst in januari.');
    await expectAccessible('the mark form');
    const [put] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/regels/ovk-doorlopende-leerroute/markering')),
      first.getByRole('button', { name: 'Markeren als niet van toepassing' }).click(),
    ]);
    expect(put.status()).toBe(200);
    const marked = panel.locator('[data-regel="ovk-doorlopende-leerroute"]');
    await expect.poll(() => marked.innerText()).toMatch(/Gemarkeerd als niet van toepassing door Daan[^]*Reden: Het bestuur ondertekent de overeenkomst in januari\./);
    expect(await panel.innerText()).toMatch(/1 niet van toepassing/);
    await expect.poll(() => page.getByTestId('leerroute-meldingen').innerText()).toMatch(/gemarkeerd als niet van toepassing/);
    await expectAccessible('the rules panel with a mark');
    await atBothWidths('markering', async (width) => {
      await marked.scrollIntoViewIfNeeded();
      await screenshot(marked, path.join(SCREENSHOTS, `regels-markering-regel-${width}.png`));
    });

    // Roos (the mbo partner) sees the mark and removes it.
    await signInAt(`/leerroutes/${routeId}`, 'docent@roc.demo');
    const hers = page.getByRole('complementary', { name: 'Regels' }).locator('[data-regel="ovk-doorlopende-leerroute"]');
    await expect.poll(() => hers.innerText()).toMatch(/Reden: Het bestuur ondertekent/);
    await hers.getByRole('button', { name: 'Markering weghalen' }).click();
    await expect.poll(() => hers.innerText()).not.toMatch(/Gemarkeerd/);
  });

  it('lists every rule with its source on the public /regels page, filtered by what it applies to', async () => {
    await page.goto(`${app.url}/regels`);
    await page.getByRole('heading', { level: 1, name: 'Regels: wat moet en wat mag' }).waitFor();
    const items = main().getByRole('listitem');
    expect(await items.count()).toBeGreaterThanOrEqual(15);
    expect(await main().innerText()).toMatch(/Bron: Wat moet en wat mag[^]*De docenten/);
    await expectAccessible('/regels');
    await main().getByRole('combobox', { name: 'Toon regels voor' }).selectOption('docentinzet');
    await expect.poll(() => main().getByRole('status').innerText()).toMatch(/^3 van \d+ regels$/);
    expect(await main().getByRole('heading', { level: 2, name: /gastdocent geeft hooguit 160 uur/ }).isVisible()).toBe(true);
    await main().getByRole('combobox', { name: 'Toon regels voor' }).selectOption('');
    await atBothWidths('pagina');
  });

  it('keeps docentinzet per schooljaar with its rules, and downloads the kalender as iCalendar', async () => {
    await signInAt(`/samenwerkingen/${partnershipId}`, 'docent@vmbo.demo');
    await main().getByRole('link', { name: /Docentinzet en kalender van/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Docentinzet en kalender' }).waitFor();
    await main().getByRole('combobox', { name: 'Schooljaar' }).selectOption('2026-2027');
    await main().getByRole('heading', { level: 2, name: 'Docentinzet 2026-2027' }).waitFor();
    const form = main().getByRole('form', { name: 'Docent toevoegen' });
    await form.getByRole('textbox', { name: 'Naam of rol' }).fill('Gastdocent lassen');
    await form.getByRole('combobox', { name: 'Van organisatie' }).selectOption({ label: 'Demo ROC' });
    await form.getByRole('combobox', { name: 'Bevoegdheid' }).selectOption('gastdocent');
    await form.getByRole('textbox', { name: 'Uren in schooljaar 2026-2027' }).fill('200');
    await form.getByRole('button', { name: 'Toevoegen' }).click();
    const regels = main().getByRole('list', { name: 'Regels op de docentinzet' });
    await expect.poll(async () => ((await regels.count()) > 0 ? regels.innerText() : '')).toMatch(/gastdocent geeft hooguit 160 uur[^]*Gastdocent lassen: 200 uur in 2026-2027/);
    expect(await main().getByRole('table', { name: 'Docentinzet 2026-2027' }).innerText()).toMatch(/Gastdocent lassen\s+Demo ROC\s+Gastdocent\s+vmbo\s+200/);
    await expectAccessible('the docentinzet page');
    await atBothWidths('docentinzet');

    const [download] = await Promise.all([page.waitForEvent('download'), main().getByRole('link', { name: 'Kalender 2026-2027 downloaden (iCalendar)' }).click()]);
    expect(download.suggestedFilename()).toBe('kalender-2026-2027.ics');
    const file = await download.path();
    const text = fs.readFileSync(file, 'utf8');
    // Parse: unfold, split into events, read their properties.
    const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    const events: Array<Record<string, string>> = [];
    let current: Record<string, string> | null = null;
    for (const line of lines) {
      if (line === 'BEGIN:VEVENT') current = {};
      else if (line === 'END:VEVENT') {
        events.push(current!);
        current = null;
      } else if (current) {
        const i = line.indexOf(':');
        current[line.slice(0, i)] = line.slice(i + 1);
      }
    }
    expect(events.map((e) => [e['DTSTART;VALUE=DATE'], e.SUMMARY])).toEqual([
      ['20261001', 'PTA bekendmaken'],
      ['20270201', 'Uiterste datum: aanvullende eisen en selectie mbo bekend'],
      ['20270401', 'Uiterste aanmelddatum mbo (toelatingsrecht)'],
      ['20270401', 'Evaluatie en verlenging van de samenwerkingsovereenkomst'],
    ]);
    for (const e of events) {
      expect(e.UID).toMatch(/@doorlopend$/);
      expect(e.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
      expect(e.DESCRIPTION).toMatch(/Bron: /);
    }
  });
});
