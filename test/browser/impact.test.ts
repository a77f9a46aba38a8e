/**
 * Issue 16 in a real browser on the demo data: a teacher's route uses keuzevak K/PIE/16 and one of its eindtermen; a
 * new SLO release (built in the test from the demo data) replaces the keuzevak (SLO names the successor) and changes
 * the eindterm's text. From the badge in the account menu to the page "Wijzigingen in de landelijke data": the
 * teacher previews and moves the keuzevak to its successor, keeps the eindterm with a reason, and the route names the
 * successor; the old reference is in the route's history. Then watching a kwalificatie and turning the mails off.
 * Axe clean; 1366 and 390 px without sideways scrolling.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LeerrouteDetail } from '../../src/shared/leerroute-api.js';
import { DEMO_PASSWORD, seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import { importSlo } from '../../src/server/use-cases/catalog/import-slo.js';
import { assertBrowserReadyInCi, browserReady, type TestApp } from '../support/app.js';
import { browserSession } from '../support/browser-session.js';
import { atBothWidths } from '../support/browser-steps.js';
import { buildSecondRelease, type BuiltRelease } from '../support/impact-release.js';
import { DEMO_SLO_DIR } from '../support/shared-data.js';

assertBrowserReadyInCi();

describe.skipIf(!browserReady)('wijzigingen in de landelijke data (issue 16): from the badge to a repaired route', () => {
  const session = browserSession('demo');
  const { expectAccessible } = session;
  let app: TestApp;
  let page: Page;
  let release: BuiltRelease | undefined;
  let routeId = '';
  let partnershipId = '';

  async function apiLogin(email: string): Promise<{ cookie: string; csrf: string }> {
    const res = await fetch(`${session.app.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, wachtwoord: DEMO_PASSWORD }) });
    expect(res.status).toBe(200);
    return { cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  }

  beforeAll(async () => {
    const db = session.app.database.db;
    await seedDemoOrganisations(db);
    partnershipId = (await db.selectFrom('partnership').select('id').where('naam', '=', 'Demo doorlopende leerroute techniek').executeTakeFirstOrThrow()).id;
    const user = await apiLogin('docent@vmbo.demo');
    const send = (method: string, url: string, body: object) =>
      fetch(`${session.app.url}${url}`, { method, headers: { 'content-type': 'application/json', cookie: user.cookie, 'x-csrf-token': user.csrf }, body: JSON.stringify(body) });
    const made = await send('POST', `/api/partnerships/${partnershipId}/leerroutes`, { naam: 'Koudetechniek impact', type: 'doorlopend', vmbo: { profiel: 'PIE', leerweg: 'BB', keuzevakken: ['K/PIE/16'] }, mbo: { kwalificatie: '25282', keuzedelen: [] } });
    expect(made.status).toBe(201);
    const route = (await made.json()) as LeerrouteDetail;
    routeId = route.id;
    const eindterm = route.doelen.find((d) => d.soort === 'eindterm' && d.bron.code === 'K/PIE/16')!;
    const planned = await send('POST', `/api/leerroutes/${routeId}/planning`, { items: [eindterm.id], leerjaar: 3, periode: 1 });
    expect(planned.status).toBeLessThan(300);
    const deeltaakId = (await db.selectFrom('vmbo_item').select('parent_id').where('id', '=', eindterm.id).executeTakeFirstOrThrow()).parent_id!;
    release = buildSecondRelease({ sloBron: DEMO_SLO_DIR, keuzevakCode: 'K/PIE/16', nieuweKeuzevakCode: 'K/PIE/96', eindtermId: eindterm.id, deeltaakId });
    // A demo release (isDemo): the demo accounts keep their public password.
    const report = await importSlo({ db, location: release.sloDir, release: 'demo-2', isDemo: true });
    expect(report.impact?.samenwerkingen).toBe(1);
  }, 120_000);
  afterAll(() => release?.cleanup());
  beforeEach(() => {
    ({ app, page } = session);
  });

  const beideBreedtes = (naam: string) => atBothWidths(page, `impact-${naam}`);

  it('badge → page → preview → move to the successor, keep with a reason → the route names the successor, nothing open', async () => {
    await page.goto(`${app.url}/inloggen?terug=${encodeURIComponent('/samenwerkingen')}`);
    const form = page.getByRole('form', { name: 'Inloggen' });
    await form.getByRole('textbox', { name: 'E-mailadres' }).fill('docent@vmbo.demo');
    await form.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/login'), form.getByRole('button', { name: 'Inloggen' }).click()]);

    // The badge on the account menu says how many places are open; the menu links to the page.
    const menuKnop = page.getByRole('button', { name: /Account:/ });
    await expect.poll(() => menuKnop.textContent()).toMatch(/open wijzigingen in de landelijke data/);
    await menuKnop.click();
    await page.getByRole('link', { name: /Wijzigingen in de landelijke data: Demo doorlopende leerroute techniek/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Wijzigingen in de landelijke data' }).waitFor();
    const main = page.getByRole('main');
    await main.getByRole('heading', { level: 2, name: /Keuzevak K\/PIE\/16/ }).waitFor();
    // The changed eindterm: old and new text side by side, the added words marked.
    await expect.poll(() => main.locator('ins').first().textContent()).toContain('opdrachtgever');
    await expectAccessible('wijzigingen page');
    await beideBreedtes('pagina');

    // Move the keuzevak: the preview says what changes; nothing changes until it is confirmed (keyboard only).
    const keuzevak = main.getByRole('region', { name: /Keuzevak K\/PIE\/16/ });
    await keuzevak.getByRole('button', { name: 'Verplaats naar de opvolger…' }).focus();
    await page.keyboard.press('Enter');
    const voorbeeld = main.getByRole('region', { name: /Voorbeeld: verplaatsen/ });
    await voorbeeld.getByText(/K\/PIE\/96/).first().waitFor();
    await expectAccessible('preview');
    await voorbeeld.getByRole('button', { name: /Bevestigen/ }).click();
    await main.getByText(/afgehandeld: verplaatsen naar de opvolger/).waitFor();

    // Keep the eindterm with its new text: select its places, give a reason, preview, confirm.
    const eindterm = main.getByRole('region', { name: /Eindterm .*tekst gewijzigd/ });
    await eindterm.getByRole('button', { name: 'Alle plekken selecteren' }).click();
    await main.getByRole('textbox', { name: /Reden/ }).fill('De nieuwe tekst past nog bij onze planning.');
    await main.getByRole('button', { name: 'Laten staan (gecontroleerd)…' }).click();
    await main.getByRole('region', { name: /Voorbeeld: laten staan/ }).getByRole('button', { name: /Bevestigen/ }).click();
    await main.getByText('Er is niets meer na te lopen.').waitFor();
    await expectAccessible('all repaired');

    // Done: the route names the successor, the history keeps the old reference, and the badge is gone.
    const route = (await (await page.request.get(`${app.url}/api/leerroutes/${routeId}`)).json()) as LeerrouteDetail;
    expect(route.vmbo.keuzevakken.map((k) => k.code)).toEqual(['K/PIE/96']);
    const historie = await (await page.request.get(`${app.url}/api/leerroutes/${routeId}/historie`)).text();
    expect(historie).toContain('keuzevak K/PIE/16');
    await page.goto(`${app.url}/leerroutes/${routeId}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await expect.poll(() => page.getByRole('button', { name: /Account:/ }).textContent()).not.toMatch(/open wijzigingen/);

    // Watching a kwalificatie, and turning the mails off on Mijn account.
    await page.goto(`${app.url}/mbo/kwalificaties/25282`);
    const volg = page.getByRole('button', { name: 'Volgen: e-mail bij een wijziging' });
    await volg.click();
    await page.getByText('U volgt kwalificatie 25282: u krijgt een e-mail als het verandert.').waitFor();
    expect(await page.getByRole('button', { name: 'Volgen uitzetten' }).getAttribute('aria-pressed')).toBe('true');
    await expectAccessible('kwalificatie page with the watch button');
    await page.goto(`${app.url}/account`);
    const mail = page.getByRole('checkbox', { name: 'Stuur mij deze e-mails' });
    await expect.poll(() => mail.isChecked()).toBe(true);
    await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === '/api/account/impact-mail' && r.request().method() === 'PUT'), mail.uncheck()]);
    const setting = await (await page.request.get(`${app.url}/api/account/impact-mail`)).json();
    expect(setting).toEqual({ aan: false });
    await expectAccessible('account page with the mail setting');
  });
});
