/**
 * Issue 15, the pupil's programme in a real browser on the demo data: a pupil chooses two modules of the demo
 * region's menukaart with the "Kiezen" button, the decaan approves both on "Keuzes van leerlingen", and the pupil sees
 * them as their programme on their home page (with the mbo dates); the provider of one of them (Demo ROC) opens its
 * enrolment list from its menukaart view and downloads it as CSV. Screenshots at 1366 and 390 px
 * (test-results/screenshots, not committed), no sideways scrolling, axe clean.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import { assertBrowserReadyInCi, browserReady, type TestApp } from '../support/app.js';
import { browserSession } from '../support/browser-session.js';
import { atBothWidths, signInAt as signInAtForm } from '../support/browser-steps.js';

assertBrowserReadyInCi();

describe.skipIf(!browserReady)('modules kiezen (issue 15)', () => {
  const session = browserSession('demo');
  const { expectAccessible } = session;
  let app: TestApp;
  let page: Page;
  beforeAll(async () => {
    await seedDemoOrganisations(session.app.database.db);
    await createUser({ db: session.app.database.db, email: 'decaan@vmbo.demo', naam: 'Dirk Decaan', organisatie: 'Demo Vmbo College', rol: 'decaan', password: DEMO_PASSWORD });
  });
  beforeEach(() => {
    ({ app, page } = session);
  });

  const main = () => page.getByRole('main');

  async function signInAt(to: string, email: string) {
    await signInAtForm(page, app.url, to, email);
    await page.waitForURL((u) => u.pathname === to.split('#')[0]);
  }

  const beideBreedtes = (naam: string) => atBothWidths(page, `keuze-${naam}`);

  async function kies(slug: string, titel: string) {
    await page.goto(`${app.url}/regio/demo-regio-techniek/menukaart/${slug}`);
    await expect.poll(() => main().getByRole('heading', { level: 1, name: titel }).count()).toBe(1);
    const knop = main().getByRole('button', { name: 'Kiezen' });
    await knop.focus();
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/keuze/mijn') && r.status() === 201), page.keyboard.press('Enter')]);
    await expect.poll(() => main().getByText(new RegExp(`Je hebt ${titel} gekozen`)).count()).toBe(1);
  }

  it('a pupil chooses two modules, the decaan approves them, the pupil sees the programme', async () => {
    await signInAt('/leerling/keuzes', 'leerling@vmbo.demo');
    await expectAccessible('Mijn keuzes, empty');
    await kies('kennismaken-met-installatietechniek', 'Kennismaken met installatietechniek');
    await expectAccessible('the module page with the Kiezen button');
    await beideBreedtes('module');
    await kies('zorg-en-technologie-verkennen', 'Zorg en technologie verkennen');
    await page.goto(`${app.url}/leerling/keuzes`);
    await expect.poll(() => main().getByText('Wacht op goedkeuring').count()).toBe(2);
    await expectAccessible('Mijn keuzes with two choices');
    await beideBreedtes('mijn-keuzes');

    // The decaan approves both, from the keyboard.
    await signInAt('/leerling', 'decaan@vmbo.demo');
    await page.getByRole('button', { name: /Account/ }).click();
    await page.getByRole('link', { name: 'Keuzes van leerlingen' }).click();
    await page.waitForURL(/\/organisaties\/[0-9a-f-]{36}\/keuzes$/);
    await expect.poll(() => main().getByRole('heading', { name: /Wachten op goedkeuring \(2\)/ }).count()).toBe(1);
    await expectAccessible('Keuzes van leerlingen');
    await beideBreedtes('school');
    for (const titel of ['Kennismaken met installatietechniek', 'Zorg en technologie verkennen']) {
      const form = main().getByRole('form', { name: new RegExp(`voor ${titel}`) });
      await form.getByRole('button', { name: 'Goedkeuren' }).focus();
      await Promise.all([page.waitForResponse((r) => r.url().endsWith('/besluit') && r.status() === 200), page.keyboard.press('Enter')]);
      await expect.poll(() => main().getByRole('table', { name: 'Besloten keuzes' }).getByText(titel).count()).toBe(1);
    }
    await expect.poll(() => main().getByRole('heading', { name: /Wachten op goedkeuring \(0\)/ }).count()).toBe(1);

    // The pupil's home page shows the programme and the mbo dates.
    await signInAt('/leerling', 'leerling@vmbo.demo');
    const programma = main().getByRole('table', { name: 'Goedgekeurde modules' });
    await expect.poll(() => programma.getByRole('link', { name: 'Kennismaken met installatietechniek' }).count()).toBe(1);
    await expect.poll(() => programma.getByRole('link', { name: 'Zorg en technologie verkennen' }).count()).toBe(1);
    await expect.poll(() => main().getByText(/Aanmelden bij het mbo vóór 1 april/).count()).toBe(1);
    await expectAccessible('the pupil’s home page with the programme');
    await beideBreedtes('leerling');
  });

  it('the provider opens the enrolment list of its module from its menukaart view and downloads it as CSV', async () => {
    await signInAt('/menukaart', 'beheerder@roc.demo');
    await main().getByRole('link', { name: 'Demo Regio Techniek' }).click();
    await page.getByRole('heading', { level: 1, name: 'Menukaart Demo Regio Techniek' }).waitFor();
    // Only the modules the ROC provides have a list; Demo Vmbo College's do not.
    await expect.poll(() => main().getByRole('link', { name: 'Inschrijvingen van Kennismaken met installatietechniek' }).count()).toBe(0);
    await main().getByRole('link', { name: 'Inschrijvingen van Zorg en technologie verkennen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inschrijvingen: Zorg en technologie verkennen' }).waitFor();
    const leerlingen = main().getByRole('table', { name: /^Leerlingen met een goedgekeurde keuze/ });
    await expect.poll(() => leerlingen.getByRole('row').count()).toBe(2);
    await leerlingen.getByRole('cell', { name: 'Lars Leerling' }).waitFor();
    await leerlingen.getByRole('cell', { name: 'Demo Vmbo College' }).waitFor();
    // The places of the period: 30, one approved, 29 left.
    const plaatsen = main().getByRole('table', { name: /^Plaatsen per periode/ });
    const rij = plaatsen.getByRole('row').filter({ hasText: 'Periode 3' }).first();
    expect(await rij.getByRole('cell').allTextContents()).toEqual([expect.stringMatching(/^\d{4}-\d{4}$/), 'Periode 3', '30', '1', '0', '29']);
    await expectAccessible('the enrolment list of a module');
    await beideBreedtes('inschrijvingen');

    const [download] = await Promise.all([page.waitForEvent('download'), main().getByRole('link', { name: 'Inschrijvingslijst als CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('inschrijvingen-zorg-en-technologie-verkennen.csv');
    const regels = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(regels[0]).toBe('Leerling;School;Leerweg;Leerjaar;Schooljaar;Periode');
    expect(regels).toHaveLength(2);
    expect(regels[1]).toMatch(/^Lars Leerling;Demo Vmbo College;[^;]+;\d;\d{4}-\d{4};Periode 3$/);
  });

  it('an mbo beheerder enters the extra admission requirements of a kwalificatie', async () => {
    await signInAt('/organisaties', 'beheerder@roc.demo');
    await page.getByRole('button', { name: /Account/ }).click();
    await page.getByRole('link', { name: /Aanvullende toelatingseisen/ }).click();
    await page.waitForURL(/\/organisaties\/[0-9a-f-]{36}\/toelatingseisen$/);
    const form = main().getByRole('form', { name: 'Eisen voor een kwalificatie vastleggen' });
    await form.getByRole('textbox', { name: 'Crebonummer van de kwalificatie' }).fill('25282');
    await form.getByRole('textbox', { name: 'Aanvullende eisen' }).fill('Een intakegesprek en een motivatiebrief.');
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'PUT' && r.status() === 200), form.getByRole('button', { name: 'Eisen opslaan' }).click()]);
    await expect.poll(() => main().getByText(/\(25282\): Een intakegesprek en een motivatiebrief\./).count()).toBe(1);
    await expectAccessible('Aanvullende toelatingseisen');
    await beideBreedtes('toelatingseisen');
  });
});
