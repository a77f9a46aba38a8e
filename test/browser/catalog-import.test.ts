/**
 * Web upload of an mbo table in a real browser (issue 3/4): a platform beheerder chooses a CSV written by
 * the test, sees the dry-run report, imports, and finds the keuzedeel in the catalogue; a bad row is
 * refused with its line number; someone without the platform right gets an explanation instead of the form.
 * A real (non-demo) upload retires the demo accounts, whose password is public (ca5c55b): the uploads are made by a
 * platform beheerder with a password of its own, and afterwards the demo accounts no longer sign in.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import { assertBrowserReadyInCi, browserReady, type TestApp } from '../support/app.js';
import { browserSession } from '../support/browser-session.js';

assertBrowserReadyInCi();

describe.skipIf(!browserReady)('catalogue upload in the browser', () => {
  const session = browserSession('demo');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-upload-'));
  const goed = path.join(dir, 'testkeuzedelen.csv');
  const fout = path.join(dir, 'foute-keuzedelen.csv');
  const PLATFORM = { email: 'bea@platform.nl', naam: 'Bea Platform', wachtwoord: 'een-eigen-lang-wachtwoord' };
  beforeAll(async () => {
    await seedDemoOrganisations(session.app.database.db);
    await createUser({ db: session.app.database.db, email: PLATFORM.email, naam: PLATFORM.naam, organisatie: 'Platformbeheer', soort: 'regio', rol: 'beheerder', password: PLATFORM.wachtwoord, platformBeheerder: true });
    fs.writeFileSync(goed, 'code,titel,sbu,niveau,omschrijving\nK9911,Testkeuzedeel robotica,240,3,Werken met robots\nK9912,Testkeuzedeel drones,480,,\n');
    fs.writeFileSync(fout, 'code,titel,sbu,niveau,omschrijving\nK9913,Goed keuzedeel,240,2,\nK9914,Fout keuzedeel,100,2,\n');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const { expectAccessible } = session;
  let app: TestApp;
  let page: Page;
  beforeEach(() => {
    ({ app, page } = session);
  });
  const main = () => page.getByRole('main');
  const banner = () => page.getByRole('banner');
  const focusedH1 = (name: string) => page.locator('h1:focus').filter({ hasText: name });
  const status = async (p: string) => (await fetch(`${app.url}${p}`)).status;

  async function fillSignIn(email: string, wachtwoord: string) {
    await page.goto(`${app.url}/inloggen?terug=${encodeURIComponent('/beheer/import')}`);
    const form = main().getByRole('form', { name: 'Inloggen' });
    await form.getByRole('textbox', { name: 'E-mailadres' }).fill(email);
    await form.getByLabel('Wachtwoord').fill(wachtwoord);
    await form.getByRole('button', { name: 'Inloggen' }).click();
    return form;
  }
  async function signIn(email: string, wachtwoord = DEMO_PASSWORD) {
    await fillSignIn(email, wachtwoord);
    await focusedH1('Catalogus: mbo-tabellen laden').waitFor();
  }
  /** The sign-in API's status for a demo account with the public password (the browser's own Origin). */
  const demoSignInStatus = async (email: string) =>
    (
      await fetch(`${app.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: app.url },
        body: JSON.stringify({ email, wachtwoord: DEMO_PASSWORD }),
      })
    ).status;

  // Before any real upload: the demo docent (public password) signs in, and has no platform right.
  it('explains to someone without the platform right that they cannot load tables', async () => {
    await signIn('docent@vmbo.demo');
    await main().getByRole('status').filter({ hasText: 'alleen platformbeheerders kunnen er tabellen in laden' }).waitFor();
    expect(await main().getByRole('form', { name: 'Tabel laden' }).count()).toBe(0);
    await banner().getByRole('button', { name: /Daan Docent/ }).click();
    await banner().getByRole('link', { name: 'Mijn account' }).waitFor();
    expect(await banner().getByRole('link', { name: 'Platformbeheer' }).count()).toBe(0);
  });

  it('refuses a file with a bad row, naming the line, and stores nothing', async () => {
    await signIn(PLATFORM.email, PLATFORM.wachtwoord);
    const form = main().getByRole('form', { name: 'Tabel laden' });
    await form.getByLabel('Bestand (CSV of XLSX)').setInputFiles(fout);
    await form.getByRole('button', { name: 'Proefimport' }).click();
    const alert = form.locator(':focus').getByRole('alert').filter({ hasText: 'Het bestand is niet geladen' });
    await alert.filter({ hasText: /regel 3/ }).waitFor();
    expect(await status('/api/mbo/keuzedelen/K9913')).toBe(404);
    await expectAccessible('upload refused');
    // Nothing stored, so the demo accounts still sign in.
    expect(await demoSignInStatus('beheerder@vmbo.demo')).toBe(200);
  });

  it('a platform beheerder uploads a CSV: dry run report, import, and the catalogue shows it', async () => {
    await signIn(PLATFORM.email, PLATFORM.wachtwoord);
    expect(await page.title()).toBe('Catalogus laden – Doorlopend');
    // Reachable from the account menu too.
    await banner().getByRole('button', { name: /Bea Platform/ }).click();
    await banner().getByRole('link', { name: 'Platformbeheer' }).waitFor();
    await page.keyboard.press('Escape');
    const form = main().getByRole('form', { name: 'Tabel laden' });
    await expectAccessible('catalogue upload page');

    // Nothing chosen: the form says so and focuses the field.
    await form.getByRole('button', { name: 'Proefimport' }).click();
    await form.getByText('Kies een CSV- of XLSX-bestand.').waitFor();

    await form.getByLabel('Bestand (CSV of XLSX)').setInputFiles(goed);
    await form.getByRole('combobox', { name: 'Soort tabel' }).selectOption('keuzedelen');
    await form.getByRole('button', { name: 'Proefimport' }).click();
    await main().getByText('Proefimport: er is nog niets opgeslagen.', { exact: false }).waitFor();
    const rapport = main().getByRole('table', { name: 'Rapport per soort' });
    await rapport.getByRole('row', { name: /Keuzedelen\s+2\s+2\s+0/ }).waitFor();
    expect(await status('/api/mbo/keuzedelen/K9911')).toBe(404);
    await expectAccessible('dry-run report');

    await main().getByRole('button', { name: 'testkeuzedelen.csv importeren' }).click();
    await main().getByText('Geïmporteerd: de catalogus is bijgewerkt.').waitFor();
    expect(await main().getByRole('button', { name: 'testkeuzedelen.csv importeren' }).count()).toBe(0);
    expect(await status('/api/mbo/keuzedelen/K9911')).toBe(200);

    await page.goto(`${app.url}/mbo/keuzedelen/K9911`);
    await page.getByRole('heading', { level: 1, name: /Testkeuzedeel robotica/ }).waitFor();
  });

  it('after that real upload the demo accounts, whose password is public, no longer sign in', async () => {
    for (const u of DEMO_USERS) expect(await demoSignInStatus(u.email), u.email).toBe(401);
    // In the browser too: the form says it did not work, and the page is not reached.
    await fillSignIn('beheerder@vmbo.demo', DEMO_PASSWORD);
    await main().getByRole('alert').filter({ hasText: 'Inloggen is niet gelukt' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/inloggen');
    expect(await focusedH1('Catalogus: mbo-tabellen laden').count()).toBe(0);
    // The platform beheerder with a password of its own still can.
    await signIn(PLATFORM.email, PLATFORM.wachtwoord);
  });
});
