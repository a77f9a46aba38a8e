/**
 * Issue 14, vrijstelling, in a real browser: Lars Leerling (leerling@vmbo.demo) with a vastgesteld, passed keuzedeel
 * result signs in, sees it on his page with why it counts, downloads the result statement (PDF opened: it carries the
 * code), checks the code on the public page (signed out, typed in small letters with spaces), and asks Demo ROC for a
 * vrijstelling; the examencommissie of Demo ROC finds the request through the account menu, sees the verified result
 * and grants it; Lars sees the decision. Axe on every page, at 1366 and at 390 px without sideways scroll.
 * Screenshots: test-results/screenshots/vrijstelling-*.png (not committed).
 *
 * The result is written directly in the database (test/support/vrijstelling-factory.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import { asUser, signIn } from '../support/accounts.js';
import { assertBrowserReadyInCi, browserReady, type TestApp } from '../support/app.js';
import { browserSession } from '../support/browser-session.js';
import { SCREENSHOTS } from '../support/browser-steps.js';
import { readPdf } from '../support/export-files.js';
import { vastgesteldResultaat, type ResultaatFixture } from '../support/vrijstelling-factory.js';
import { screenshot } from '../support/screenshots.js';

assertBrowserReadyInCi();

describe.skipIf(!browserReady)('vrijstelling: statement, public check, request and decision', () => {
  const session = browserSession('demo');
  let app: TestApp;
  let page: Page;
  let resultaat: ResultaatFixture;

  beforeAll(async () => {
    const { db } = session.app.database;
    await seedDemoOrganisations(db);
    const id = async (table: 'organisation' | 'partnership', naam: string) => (await db.selectFrom(table).select('id').where('naam', '=', naam).executeTakeFirstOrThrow()).id;
    const user = async (email: string) => (await db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
    const partnership = await id('partnership', 'Demo doorlopende leerroute techniek');
    const docent = await signIn(session.app.app, 'docent@vmbo.demo');
    const route = await session.app.app.inject({
      method: 'POST',
      url: `/api/partnerships/${partnership}/leerroutes`,
      headers: asUser(docent),
      payload: { naam: 'Keuzevak en keuzedeel samen', type: 'keuzevak-keuzedeel', schooljaar: '2026-2027', vmbo: { profiel: 'PIE', leerweg: 'BB', keuzevakken: ['K/PIE/16'] }, mbo: { keuzedelen: ['K0072'] } },
    });
    expect(route.statusCode, route.body).toBe(201);
    resultaat = await vastgesteldResultaat(
      {
        db,
        org: { vmbo: await id('organisation', 'Demo Vmbo College'), mbo: await id('organisation', 'Demo ROC') },
        partnership,
        route: route.json().id,
        keuzedeel: 'K0072',
        keuzevak: 'K/PIE/16',
        userId: { leerling: await user('leerling@vmbo.demo'), 'mbo-examencommissie': await user('examencommissie@roc.demo'), 'vmbo-examinator': await user('examinator@vmbo.demo') },
      },
      { pupil: 'leerling', roepnaam: 'Lars', tussenvoegsel: '', achternaam: 'Leerling', grondslag: 'extraneus' },
    );
  });
  beforeEach(() => {
    ({ app, page } = session);
  });

  const main = () => page.getByRole('main');

  async function signInByForm(email: string) {
    await page.goto(`${app.url}/inloggen`);
    await page.getByRole('textbox', { name: /E-mailadres/i }).fill(email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
  }

  async function noSidewaysScroll(what: string) {
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth, `${what} scrolls sideways`).toBeLessThanOrEqual(innerWidth);
  }

  async function atBothWidths(what: string) {
    for (const size of [
      { width: 1366, height: 768 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(size);
      await noSidewaysScroll(`${what} at ${size.width}`);
      await screenshot(page, path.join(SCREENSHOTS, `vrijstelling-${what}-${size.width}.png`), { fullPage: true });
      await session.expectAccessible(`${what} at ${size.width}`);
    }
    await page.setViewportSize({ width: 1366, height: 768 });
  }

  it('the pupil downloads the statement, anyone checks its code, the pupil asks, the examencommissie grants, the pupil sees it', async () => {
    const code = resultaat.verificatiecode!;

    // 1. Lars signs in and sees his result, with why it counts.
    await signInByForm('leerling@vmbo.demo');
    await page.waitForURL(`${app.url}/leerling`);
    await main().getByRole('heading', { level: 2, name: 'Jouw examens en resultaten' }).waitFor();
    // Two exams of K0072 on his page: this one with its result, and the demo's worked example, not assessed yet.
    const kaarten = main().getByRole('region', { name: /^Keuzedeel .*K0072/ });
    await expect.poll(() => kaarten.count()).toBe(2);
    expect(await kaarten.filter({ hasText: 'Er is nog geen definitieve uitslag' }).count()).toBe(1);
    const kaart = kaarten.filter({ hasText: code });
    await kaart.waitFor();
    const tekst = (await kaart.textContent()) ?? '';
    for (const part of ['Behaald', '7,4', 'extraneus', 'Demo ROC', code]) expect(tekst).toContain(part);
    await atBothWidths('leerling');

    // 2. The statement: a PDF that carries the code.
    const [download] = await Promise.all([page.waitForEvent('download'), kaart.getByRole('link', { name: 'Download je resultaatverklaring (PDF)' }).click()]);
    expect(download.suggestedFilename()).toBe('resultaatverklaring-K0072.pdf');
    const pdf = await readPdf(fs.readFileSync((await download.path())!));
    expect(pdf.text).toContain(code);
    expect(pdf.text).toContain('Lars Leerling');

    // 3. Anyone (signed out) checks the code on the public page, typed carelessly.
    await page.context().clearCookies();
    const publiek = page;
    await publiek.goto(`${app.url}/verificatie`);
    await publiek.getByRole('heading', { level: 1, name: 'Resultaatverklaring controleren' }).waitFor();
    await publiek.getByRole('textbox', { name: /Controlecode/ }).fill(` ${code.toLowerCase().replace(/-/g, ' ')} `);
    await publiek.getByRole('button', { name: 'Controleren' }).click();
    const echt = publiek.getByRole('region', { name: 'Deze verklaring is echt' });
    await echt.waitFor();
    const echtTekst = (await echt.textContent()) ?? '';
    for (const part of ['K0072', 'Behaald', 'Demo ROC', 'L. L.', code]) expect(echtTekst).toContain(part);
    expect(echtTekst).not.toContain('Lars');
    expect(echtTekst).not.toContain('7,4');
    // An unknown code says only that.
    await publiek.getByRole('textbox', { name: /Controlecode/ }).fill('AAAA-BBBB-CCCC');
    await publiek.getByRole('button', { name: 'Controleren' }).click();
    await publiek.getByRole('heading', { name: 'Deze code is niet bekend' }).waitFor();
    await page.goto(`${app.url}/verificatie?code=${encodeURIComponent(code)}`);
    await main().getByRole('heading', { name: 'Deze verklaring is echt' }).waitFor();
    await atBothWidths('verificatie');

    // 4. Lars asks Demo ROC for a vrijstelling (with the button on his result, choosing the school and the opleiding).
    await signInByForm('leerling@vmbo.demo');
    await page.waitForURL(`${app.url}/leerling`);
    await main().getByRole('button', { name: 'Vrijstelling vragen voor K0072' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('vz-organisatieId');
    await main().getByRole('combobox', { name: 'Naar welke mbo-school ga je?' }).selectOption({ label: 'Demo ROC' });
    await main().getByRole('textbox', { name: 'Welke opleiding ga je doen?' }).fill('Monteur mechatronica');
    await main().getByRole('textbox', { name: /Crebonummer/ }).fill('25282');
    await main().getByRole('textbox', { name: /iets uitleggen/ }).fill('Ik begin in september.');
    await main().getByRole('button', { name: 'Vraag om vrijstelling versturen' }).click();
    await main().getByText('Je vraag om vrijstelling is verstuurd naar Demo ROC.').waitFor();
    const verzoeken = main().getByRole('list', { name: 'Jouw vragen om vrijstelling' });
    await verzoeken.getByText('Wacht op besluit').waitFor();
    await atBothWidths('aangevraagd');
    await page.context().clearCookies();

    // 5. The examencommissie of Demo ROC finds it in the account menu, sees the verified result, and grants it.
    await signInByForm('examencommissie@roc.demo');
    await page.getByRole('button', { name: /Account:/ }).click();
    await page.getByRole('link', { name: 'Vrijstellingen' }).click();
    await main().getByRole('heading', { level: 1, name: 'Verzoeken om vrijstelling' }).waitFor();
    const verzoek = main().getByRole('region', { name: /Lars Leerling: keuzedeel K0072/ });
    await verzoek.waitFor();
    const verzoekTekst = (await verzoek.textContent()) ?? '';
    for (const part of ['Monteur mechatronica (crebo 25282)', 'Ik begin in september.', 'Behaald', 'Demo Vmbo College', 'extraneus', code]) expect(verzoekTekst).toContain(part);
    await atBothWidths('examencommissie');
    // Afwijzen without a reason is refused in the form.
    await verzoek.getByRole('radio', { name: 'Afwijzen' }).check();
    await verzoek.getByRole('button', { name: 'Besluit opslaan' }).click();
    await verzoek.getByText('Geef een reden als u het verzoek afwijst.').waitFor();
    await verzoek.getByRole('radio', { name: 'Toekennen' }).check();
    await verzoek.getByRole('button', { name: 'Besluit opslaan' }).click();
    await main().getByText('Het verzoek van Lars Leerling is toegekend.').waitFor();
    await main().getByRole('heading', { name: 'Besloten (1)' }).waitFor();
    await session.expectAccessible('examencommissie after the decision');
    await page.context().clearCookies();

    // 6. Lars sees the decision.
    await signInByForm('leerling@vmbo.demo');
    await page.waitForURL(`${app.url}/leerling`);
    const lijst = main().getByRole('list', { name: 'Jouw vragen om vrijstelling' });
    await lijst.getByText('Toegekend').waitFor();
    expect((await lijst.textContent()) ?? '').toContain('Je krijgt de vrijstelling');
    await atBothWidths('toegekend');
  }, 240_000);
});
