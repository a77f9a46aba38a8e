/**
 * Issue 18 in a real browser on the demo data: a vmbo docent opens "Koppelingen importeren" from the inventory of the
 * demo samenwerking, chooses a CASE package (two confirmed links of the crosswalk, one retyped by another platform,
 * and an association to an item nobody knows), sees the preview (changed, unchanged, not recognised with the reason),
 * imports it as a proposal, and confirms the proposal from the keyboard. Axe clean; screenshots at 1366 and 390 px
 * (test-results/screenshots, not committed) without sideways scrolling.
 */
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import type { CfPackage } from '../../src/domain/crosswalk/case-package.js';
import { assertBrowserReadyInCi, browserReady, type TestApp } from '../support/app.js';
import { browserSession } from '../support/browser-session.js';
import { atBothWidths } from '../support/browser-steps.js';

assertBrowserReadyInCi();

const SELECTIE = 'keuzevakken=K/PIE/16&kwalificatie=25282';

describe.skipIf(!browserReady)('crosswalk import (issue 18)', () => {
  const session = browserSession('demo');
  const { expectAccessible } = session;
  let app: TestApp;
  let page: Page;
  let partnership: string;
  let pakket: CfPackage;
  beforeAll(async () => {
    await seedDemoOrganisations(session.app.database.db);
    const url = session.app.url;
    const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'docent@roc.demo', wachtwoord: DEMO_PASSWORD }) });
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
    partnership = (await session.app.database.db.selectFrom('partnership').select('id').where('naam', '=', 'Demo doorlopende leerroute techniek').executeTakeFirstOrThrow()).id;
    const inv = (await (await fetch(`${url}/api/partnerships/${partnership}/inventaris?${SELECTIE}`, { headers: { cookie } })).json()) as { links: Array<{ eindtermId: string; werkprocesId: string }> };
    for (const l of inv.links.slice(0, 2)) {
      const r = await fetch(`${url}/api/partnerships/${partnership}/crosswalk/koppelingen`, { method: 'PUT', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf }, body: JSON.stringify({ eindtermId: l.eindtermId, werkprocesId: l.werkprocesId, actie: 'bevestigen', relatie: 'gelijk' }) });
      expect(r.status).toBe(200);
    }
    pakket = (await (await fetch(`${url}/api/partnerships/${partnership}/crosswalk/case?${SELECTIE}`, { headers: { cookie } })).json()) as CfPackage;
    const links = pakket.CFAssociations.filter((a) => a.associationType === 'exactMatchOf');
    expect(links).toHaveLength(2);
    links[0]!.associationType = 'isRelatedTo';
    links[0]!.notes = 'Doorlopend-relatie: breder. Toelichting: ruimer dan het werkproces';
    pakket.CFAssociations.push({ ...links[1]!, identifier: '44444444-4444-4444-8444-444444444444', destinationNodeURI: { title: 'Onbekend', identifier: '55555555-5555-4555-8555-555555555555', uri: 'urn:uuid:55555555-5555-4555-8555-555555555555' } });
  });
  beforeEach(() => {
    ({ app, page } = session);
  });
  const main = () => page.getByRole('main');

  const beideBreedtes = (naam: string) => atBothWidths(page, `case-import-${naam}`);

  it('previews and imports a CASE package as a proposal, and the proposal is confirmed from the keyboard', async () => {
    await page.context().clearCookies();
    const to = `/samenwerkingen/${partnership}/inventaris?${SELECTIE}`;
    await page.goto(`${app.url}/inloggen?terug=${encodeURIComponent(to)}`);
    const form = page.getByRole('form', { name: 'Inloggen' });
    await form.getByRole('textbox', { name: 'E-mailadres' }).fill('docent@vmbo.demo');
    await form.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await form.getByRole('button', { name: 'Inloggen' }).click();
    const link = main().getByRole('link', { name: 'importeren en voorstellen beoordelen' });
    await link.waitFor();
    await link.focus();
    await page.keyboard.press('Enter');
    await main().getByRole('heading', { level: 1, name: 'Koppelingen importeren' }).waitFor();
    await expect.poll(() => main().getByText('Er wachten geen geïmporteerde voorstellen.').count()).toBe(1);
    await expectAccessible('the import page');

    // A file that is no CASE package: the server's refusal, naming what is wrong, and no preview.
    await main().getByLabel('Bestand (.json of .xlsx)').setInputFiles({ name: 'geen-pakket.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ CFAssociations: 'geen lijst' }), 'utf8') });
    await main().getByRole('button', { name: 'Voorbeeld bekijken' }).click();
    const weigering = main().getByRole('alert').filter({ hasText: /CFAssociations/ });
    await weigering.waitFor();
    expect(await main().getByRole('heading', { level: 2, name: 'Voorbeeld' }).count()).toBe(0);

    await main().getByLabel('Bestand (.json of .xlsx)').setInputFiles({ name: 'crosswalk.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pakket), 'utf8') });
    await main().getByRole('button', { name: 'Voorbeeld bekijken' }).focus();
    await page.keyboard.press('Enter');
    await main().getByRole('heading', { level: 2, name: 'Voorbeeld' }).waitFor();
    await expect.poll(() => main().getByText('0 nieuw, 1 gewijzigd, 1 ongewijzigd, 0 verwijderd, 1 niet herkend.').count()).toBe(1);
    await expect.poll(() => main().getByText('gelijk → breder').count()).toBe(1);
    await expect.poll(() => main().getByText(/onbekend in de catalogus/).count()).toBe(1);
    await expectAccessible('the preview');
    await beideBreedtes('voorbeeld');

    await main().getByRole('button', { name: 'Importeren als voorstellen' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => main().getByText(/Geïmporteerd: de koppelingen staan hieronder/).count()).toBe(1);
    const bevestig = main().getByRole('button', { name: /^Bevestigen: / });
    await expect.poll(() => bevestig.count()).toBe(1);
    await expectAccessible('a proposal to review');
    await beideBreedtes('voorstel');
    await bevestig.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => main().getByText('Er wachten geen geïmporteerde voorstellen.').count()).toBe(1);
    const cw = await session.app.database.db.selectFrom('crosswalk_link').select(['relatie', 'toelichting']).where('partnership_id', '=', partnership).where('relatie', '=', 'breder').execute();
    expect(cw).toEqual([{ relatie: 'breder', toelichting: 'ruimer dan het werkproces' }]);
  });
});
