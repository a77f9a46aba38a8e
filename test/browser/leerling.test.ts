/**
 * A pupil signs in (issue 12): Lars Leerling (leerling@vmbo.demo) lands on the pupils' page, which shows in plain words
 * the leerroute of his group per leerjaar and periode (doelen, lessons, the PTA toets; no teachers' names), his exams
 * and results (the demo's worked example: one exam, no result yet), the vrijstelling and his requests
 * (none yet), at 1366 and 390 px wide without sideways scroll, with axe; a pupil whose account is not linked to a
 * pupil record is told so. Staff pages answer him kindly ("niet voor leerlingen", or what he may see), never
 * with "Er ging iets mis". Screenshots: test-results/screenshots/leerling-*.png (not committed).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import { assertBrowserReadyInCi, browserReady, type TestApp } from '../support/app.js';
import { browserSession } from '../support/browser-session.js';
import { SCREENSHOTS } from '../support/browser-steps.js';
import { screenshot } from '../support/screenshots.js';

assertBrowserReadyInCi();

const WIDTHS = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
] as const;

describe.skipIf(!browserReady)('a leerling signs in', () => {
  const session = browserSession('demo');
  let app: TestApp;
  let page: Page;
  let vmbo: string;
  let partnership: string;

  beforeAll(async () => {
    const db = session.app.database.db;
    await seedDemoOrganisations(db);
    vmbo = (await db.selectFrom('organisation').select('id').where('naam', '=', 'Demo Vmbo College').executeTakeFirstOrThrow()).id;
    partnership = (await db.selectFrom('partnership').select('id').executeTakeFirstOrThrow()).id;
    // A second pupil of the school whose account no pupil record has yet.
    await createUser({ db, email: 'leerling2@vmbo.demo', naam: 'Anna Anders', organisatie: 'Demo Vmbo College', rol: 'leerling', password: DEMO_PASSWORD });
  });
  beforeEach(() => {
    ({ app, page } = session);
  });

  async function signInByForm(email = 'leerling@vmbo.demo') {
    await page.goto(`${app.url}/inloggen`);
    await page.getByRole('textbox', { name: /E-mailadres/i }).fill(email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
  }

  async function noSidewaysScroll() {
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(innerWidth);
  }

  it('lands on the pupils’ page that tells what Doorlopend will offer, at 1366 and 390 px', async () => {
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      await signInByForm();
      await page.waitForURL(`${app.url}/leerling`);
      await page.getByRole('heading', { level: 1, name: 'Hoi Lars!' }).waitFor();
      // Issue 14: his exams and results (the demo's exam, ingeschreven, no result yet), the vrijstelling, his requests.
      await page.getByRole('heading', { level: 2, name: 'Jouw examens en resultaten' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Jouw vragen om vrijstelling' }).waitFor();
      // His leerroute: per leerjaar and periode what he learns, the lessons and the toets, without teachers' names.
      const route = page.getByRole('region', { name: 'Ondernemen en ondernemend gedrag' });
      const lessen = route.getByRole('region', { name: 'Leerjaar 4, periode 1 (Demo Vmbo College)' });
      await lessen.getByText('Workshop ondernemend gedrag op het ROC').waitFor();
      await lessen.getByText('De kandidaat kan kosten en opbrengsten berekenen. (vmbo, K/EO/05 Ondernemen)').waitFor();
      await lessen.getByText('Ondernemend gedrag (mbo-keuzedeel)').waitFor();
      await route.getByRole('region', { name: 'Leerjaar 4, periode 2 (Demo Vmbo College)' }).getByText(/praktijkopdracht, telt mee, in je PTA, herkansbaar/).waitFor();
      expect(await route.textContent()).not.toMatch(/Daan|Roos/);
      expect(await route.getByRole('link', { name: 'Ondernemen', exact: true }).getAttribute('href')).toBe('/vmbo/keuzevakken/K-EO-05');
      expect(await route.getByRole('link', { name: 'Ondernemend gedrag', exact: true }).getAttribute('href')).toBe('/mbo/keuzedelen/K0072');
      const text = (await page.getByRole('main').textContent()) ?? '';
      for (const part of ['Keuzedeel Ondernemend gedrag (K0072)', 'Je bent ingeschreven bij de mbo-school', 'Er is nog geen definitieve uitslag', 'Vrijstelling vragen', 'Je hebt nog niet om een vrijstelling gevraagd', 'Demo Vmbo College']) expect(text).toContain(part);
      expect(text).not.toContain('Je account is nog niet gekoppeld');
      expect(text).not.toContain('Er ging iets mis');
      await noSidewaysScroll();
      await screenshot(page, path.join(SCREENSHOTS, `leerling-${size.width}.png`), { fullPage: true });
      await session.expectAccessible(`leerling page at ${size.width}`);
      // Signing out again for the next width.
      await page.context().clearCookies();
    }
  });

  it('tells a pupil whose account is not linked to a pupil record yet, at 1366 and 390 px', async () => {
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      await signInByForm('leerling2@vmbo.demo');
      await page.waitForURL(`${app.url}/leerling`);
      await page.getByRole('heading', { level: 1, name: 'Hoi Anna!' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Jouw examens en resultaten' }).waitFor();
      const text = (await page.getByRole('main').textContent()) ?? '';
      for (const part of ['Je account is nog niet gekoppeld', 'Je hebt nog niet om een vrijstelling gevraagd', 'Demo Vmbo College', 'Je zit nog niet in een groep van een leerroute']) expect(text).toContain(part);
      expect(text).not.toContain('K0072');
      expect(text).not.toContain('Er ging iets mis');
      await noSidewaysScroll();
      await session.expectAccessible(`page of an unlinked leerling at ${size.width}`);
      await page.context().clearCookies();
    }
  });

  it('staff pages answer kindly, never "Er ging iets mis"', async () => {
    await signInByForm();
    await page.waitForURL(`${app.url}/leerling`);
    const titles: string[] = [];
    const visits = ['/organisaties', `/organisaties/${vmbo}`, '/samenwerkingen', `/samenwerkingen/${partnership}`, `/samenwerkingen/${partnership}/leerroutes`, `/samenwerkingen/${partnership}/inventaris`, '/inventaris', '/zoekmonitor', '/beheer/import', '/account'];
    for (const p of visits) {
      await page.goto(`${app.url}${p}`);
      const h1 = page.getByRole('heading', { level: 1 });
      await h1.waitFor();
      await page.waitForLoadState('networkidle');
      const title = (await h1.textContent()) ?? '';
      titles.push(`${p}: ${title}`);
      expect(title, p).not.toMatch(/Er ging iets mis/);
      const main = (await page.getByRole('main').textContent()) ?? '';
      expect(main, p).not.toMatch(/Er ging iets mis|foutmelding \(\d+\)/);
      if (/niet voor leerlingen/i.test(title)) {
        await page.getByRole('link', { name: 'Naar je eigen pagina' }).waitFor();
        await session.expectAccessible(`${p} for a leerling`);
      }
    }
    // The samenwerking's own pages are for staff: they say so, with the way back to the pupil's page.
    for (const p of [`/samenwerkingen/${partnership}`, `/samenwerkingen/${partnership}/leerroutes`]) {
      expect(titles, p).toContain(`${p}: Deze pagina is niet voor leerlingen`);
    }
    // The organisation page, staff-only in parts, says so (its members and audit log are not for pupils).
    await page.goto(`${app.url}/organisaties/${vmbo}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await noSidewaysScroll();
    await screenshot(page, path.join(SCREENSHOTS, 'leerling-organisatie-390.png'), { fullPage: true });
    await session.expectAccessible('organisation page for a leerling');
  });
});
