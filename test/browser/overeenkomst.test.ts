/**
 * Issue 13, the samenwerkingsovereenkomst in a real browser on the demo data: two beheerders of partner schools fill
 * in an agreement for their doorlopende leerroute from the platform's proposal, fix the completeness gaps the page
 * names, offer it for signing, each sign for their own school, and download the PDF (opened and read); the route's
 * rule panel (the regelbank's) then no longer reports the missing agreement. Screenshots at
 * 1366 and 390 px (test-results/screenshots, not committed), no sideways scrolling, axe clean.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import type { LeerrouteDetail } from '../../src/shared/leerroute-api.js';
import type { RouteDekking } from '../../src/shared/overeenkomst-api.js';
import { assertBrowserReadyInCi, browserReady, type TestApp } from '../support/app.js';
import { browserSession } from '../support/browser-session.js';
import { readPdf } from '../support/export-files.js';
import { signInAt as signInWithForm, atBothWidths } from '../support/browser-steps.js';

assertBrowserReadyInCi();

describe.skipIf(!browserReady)('samenwerkingsovereenkomst (issue 13)', () => {
  const session = browserSession('demo');
  const { expectAccessible } = session;
  let app: TestApp;
  let page: Page;
  let route: LeerrouteDetail;
  beforeAll(async () => {
    await seedDemoOrganisations(session.app.database.db);
    // The doorlopende leerroute the two schools made before (through the API, as the leerroute tests do in the browser).
    const res = await fetch(`${session.app.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'docent@vmbo.demo', wachtwoord: DEMO_PASSWORD }) });
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
    const db = session.app.database.db;
    const partnership = (await db.selectFrom('partnership').select('id').where('naam', '=', 'Demo doorlopende leerroute techniek').executeTakeFirstOrThrow()).id;
    const made = await fetch(`${session.app.url}/api/partnerships/${partnership}/leerroutes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
      body: JSON.stringify({ naam: 'Koudetechniek doorlopend', type: 'doorlopend', schooljaar: '2026-2027', vmbo: { profiel: 'PIE', leerweg: 'BB', keuzevakken: ['K/PIE/16'] }, mbo: { kwalificatie: '25282' } }),
    });
    expect(made.status).toBe(201);
    route = (await made.json()) as LeerrouteDetail;
  });
  beforeEach(() => {
    ({ app, page } = session);
  });

  const main = () => page.getByRole('main');

  const signInAt = (to: string, email: string) => signInWithForm(page, app.url, to, email);

  const beideBreedtes = (naam: string) => atBothWidths(page, `overeenkomst-${naam}`);

  const REGEL = 'Een doorlopende leerroute heeft een ondertekende samenwerkingsovereenkomst';
  /** The rules panel of the route: whether the agreement rule is among the rules to look at. */
  async function regelOpenOpRoute(): Promise<boolean> {
    await page.goto(`${app.url}/leerroutes/${route.id}`);
    const panel = page.getByRole('complementary', { name: 'Regels' });
    await expect.poll(() => panel.getByText('Regels controleren…').count()).toBe(0);
    await expect.poll(() => panel.getByText(/Geen overtredingen|niet gevolgd/).count()).toBeGreaterThan(0);
    return (await panel.getByRole('list', { name: 'Regels om op te letten' }).getByText(REGEL).count()) > 0;
  }

  const kaart = (titel: string) => main().getByRole('region', { name: titel, exact: true });
  async function schrijf(titel: string, tekst: string) {
    const k = kaart(titel);
    await k.getByRole('textbox', { name: `Tekst van ${titel}` }).fill(tekst);
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/clausules/')), k.getByRole('button', { name: /opslaan$/ }).click()]);
    await expect.poll(() => k.getByText('Ingevuld', { exact: true }).count()).toBeGreaterThan(0);
  }

  it('two beheerders fill in the agreement from the proposal, fix the gaps, sign for their own school and download the PDF', async () => {
    // The route's rule panel reports the missing agreement.
    await signInAt('/samenwerkingen', 'beheerder@vmbo.demo');
    expect(await regelOpenOpRoute()).toBe(true);

    // The vmbo beheerder starts the agreement from the samenwerking's page.
    await page.goto(`${app.url}/samenwerkingen`);
    await main().getByRole('link', { name: 'Demo doorlopende leerroute techniek' }).click();
    const sectie = main().getByRole('region', { name: 'Samenwerkingsovereenkomsten' });
    await expect.poll(() => sectie.getByText('Er is nog geen overeenkomst.').count()).toBe(1);
    await sectie.getByRole('checkbox', { name: 'Koudetechniek doorlopend' }).check();
    await expect.poll(() => sectie.getByRole('combobox', { name: 'Soort overeenkomst' }).inputValue()).toBe('doorlopende-leerroute');
    await beideBreedtes('samenwerking');
    await expectAccessible('the samenwerking page with its agreements');
    await sectie.getByRole('button', { name: 'Overeenkomst aanmaken' }).click();

    // The proposal: parties and clause a filled from the route, d with a place left to fill in; gaps listed.
    await page.waitForURL(/\/overeenkomsten\/[0-9a-f-]{36}$/);
    await expect.poll(() => main().getByRole('heading', { level: 1 }).textContent()).toBe('Doorlopende leerroute vmbo-mbo: Koudetechniek doorlopend');
    const ovkUrl = new URL(page.url()).pathname;
    const volledig = main().getByRole('region', { name: 'Volledigheid' });
    await expect.poll(() => volledig.textContent()).toContain('2 van de 10 verplichte clausules zijn ingevuld');
    expect(await kaart('a. Profiel en verwante kwalificatie of opleidingsdomein').getByRole('textbox').inputValue()).toContain('Monteur koude- en klimaatsystemen (crebo 25282, niveau 2)');
    expect(await kaart('Partijen').getByRole('textbox').inputValue()).toContain('BRIN 99XX');
    expect(await kaart('d. Organisatie en onderwijskundige inrichting').textContent()).toContain('Vul nog in: [namen of rollen, per partner].');
    expect(await main().getByText('Ter ondertekening aanbieden kan zodra alle verplichte clausules zijn ingevuld.').count()).toBe(1);
    await beideBreedtes('voorstel');
    await expectAccessible('the agreement with the proposal');

    // A gap link leads to its clause; too short is named as such.
    await volledig.getByRole('link', { name: 'b. Leiding van de route' }).click();
    await schrijfKort('b. Leiding van de route', 'Teamleiders.');
    expect(await kaart('b. Leiding van de route').textContent()).toContain('Te kort om iets vast te leggen');

    // The vmbo beheerder fills b–d; a comment for the partner.
    await schrijf('b. Leiding van de route', 'De teamleiders techniek van beide scholen leiden de route samen; de besturen benoemen hen en geven hun het beheer van programma en rooster.');
    await schrijf('c. Informatie en verantwoording aan de besturen', 'De leiding brengt elk half jaar schriftelijk verslag uit aan beide besturen over instroom, voortgang en uitval.');
    const d = kaart('d. Organisatie en onderwijskundige inrichting');
    const dTekst = await d.getByRole('textbox').inputValue();
    await schrijf('d. Organisatie en onderwijskundige inrichting', dTekst.replace('[namen of rollen, per partner]', 'twee docenten techniek van het vmbo (tweedegraads) en een docent koudetechniek van het mbo'));
    const e = kaart('e. Overdracht van bekostiging');
    await e.getByText(/^Opmerkingen/).click();
    await e.getByRole('textbox', { name: 'Opmerking bij e. Overdracht van bekostiging' }).fill('Klopt het dat er niets wordt overgedragen?');
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/opmerkingen')), e.getByRole('button', { name: 'Opmerking plaatsen' }).click()]);
    await expect.poll(() => e.textContent()).toContain('Bea Beheerder (Demo Vmbo College)');

    // The mbo beheerder fills the rest and offers it for signing.
    await signInAt(ovkUrl, 'beheerder@roc.demo');
    await expect.poll(() => kaart('e. Overdracht van bekostiging').textContent()).toContain('Klopt het dat er niets wordt overgedragen?');
    await schrijf('e. Overdracht van bekostiging', 'Er wordt geen bekostiging overgedragen tussen de partijen.');
    await schrijf('f. Overstapoptie', 'Een leerling die de route verlaat, gaat verder in het gewone vmbo-programma en doet het gewone examen.');
    await schrijf('g. Betrokkenheid van het bedrijfsleven', 'Twee installatiebedrijven uit de regio bieden stages en denken jaarlijks mee over het programma.');
    await schrijf('h. Geschillen', 'Bij een geschil overleggen eerst de teamleiders; lukt dat niet, dan beslissen de besturen samen na bemiddeling.');
    await schrijf('i. Toetreden, opzeggen, ontbinden en wijzigen', 'Een andere school sluit aan met instemming van beide besturen; opzeggen kan per schooljaar met zes maanden opzegtermijn, zonder dat lopende leerlingen hun route verliezen.');
    await expect.poll(() => main().getByRole('region', { name: 'Volledigheid' }).textContent()).toContain('10 van de 10 verplichte clausules zijn ingevuld');
    await main().getByRole('button', { name: 'Ter ondertekening aanbieden' }).click();
    const tekenen = main().getByRole('region', { name: 'Ondertekening en medezeggenschap' });
    await expect.poll(() => tekenen.getByRole('form', { name: 'Ondertekenen namens Demo ROC' }).count()).toBe(1);
    // Only for the own school: no form for the partner.
    expect(await tekenen.getByRole('form', { name: 'Ondertekenen namens Demo Vmbo College' }).count()).toBe(0);
    const mz = tekenen.getByRole('form', { name: 'Medezeggenschap van Demo ROC vastleggen' });
    await mz.getByRole('combobox', { name: 'Orgaan' }).selectOption('deelnemersraad');
    await mz.getByRole('combobox', { name: 'Instemming of advies' }).selectOption('advies');
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/medezeggenschap')), mz.getByRole('button', { name: 'Medezeggenschap van Demo ROC vastleggen' }).click()]);
    await expect.poll(() => tekenen.textContent()).toContain('Deelnemersraad: advies');
    const rocForm = tekenen.getByRole('form', { name: 'Ondertekenen namens Demo ROC' });
    await rocForm.getByRole('textbox', { name: 'Naam van de ondertekenaar' }).fill('Rik Beheerder');
    await rocForm.getByRole('textbox', { name: 'Functie' }).fill('Voorzitter college van bestuur');
    await beideBreedtes('ter-ondertekening');
    await expectAccessible('the agreement offered for signing');
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/ondertekeningen')), rocForm.getByRole('button', { name: 'Ondertekenen namens Demo ROC' }).click()]);
    await expect.poll(() => tekenen.textContent()).toContain('Ondertekend door Rik Beheerder (Voorzitter college van bestuur)');

    // The vmbo beheerder signs; the version is frozen.
    await signInAt(ovkUrl, 'beheerder@vmbo.demo');
    const vmboForm = main().getByRole('form', { name: 'Ondertekenen namens Demo Vmbo College' });
    await vmboForm.getByRole('textbox', { name: 'Naam van de ondertekenaar' }).fill('Bea Beheerder');
    await vmboForm.getByRole('textbox', { name: 'Functie' }).fill('Directeur-bestuurder');
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/ondertekeningen')), vmboForm.getByRole('button', { name: 'Ondertekenen namens Demo Vmbo College' }).click()]);
    await expect.poll(() => main().getByText('Deze versie is door alle partijen ondertekend en ligt vast.').count()).toBe(1);
    expect(await main().getByRole('textbox', { name: /^Tekst van/ }).count()).toBe(0);
    expect(await main().getByRole('button', { name: 'Nieuwe versie maken' }).count()).toBe(1);
    await beideBreedtes('ondertekend');
    await expectAccessible('the signed agreement');

    // The PDF, downloaded and read.
    const [download] = await Promise.all([page.waitForEvent('download'), main().getByRole('link', { name: 'Overeenkomst als PDF' }).click()]);
    expect(download.suggestedFilename()).toBe('overeenkomst-doorlopende-leerroute-vmbo-mbo-koudetechniek-doorlopend-versie-1.pdf');
    const pdf = await readPdf(fs.readFileSync((await download.path())!));
    expect(pdf.info.Language).toBe('nl-NL');
    expect(pdf.markInfo).toMatchObject({ Marked: true });
    for (const t of ['Samenwerkingsovereenkomst: Doorlopende leerroute vmbo-mbo: Koudetechniek doorlopend', 'Namens Demo ROC', 'Rik Beheerder', 'Namens Demo Vmbo College', 'Directeur-bestuurder', 'teamleiders techniek', 'Bijlage: bronnen van de clausules']) {
      expect(pdf.text).toContain(t);
    }

    // The route is covered by a signed agreement now, and its rule panel no longer reports the missing agreement.
    const dekking = await page.request.get(`${app.url}/api/leerroutes/${route.id}/overeenkomsten`);
    expect(((await dekking.json()) as RouteDekking).gedekt).toBe(true);
    expect(await regelOpenOpRoute()).toBe(false);
    const panel = page.getByRole('complementary', { name: 'Regels' });
    await panel.locator('summary', { hasText: /^Voldaan \(/ }).click();
    expect(await panel.locator('details', { has: page.locator('summary', { hasText: /^Voldaan \(/ }) }).getByText(REGEL).count()).toBe(1);
  }, 240_000);

  async function schrijfKort(titel: string, tekst: string) {
    const k = kaart(titel);
    await k.getByRole('textbox', { name: `Tekst van ${titel}` }).fill(tekst);
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/clausules/')), k.getByRole('button', { name: /opslaan$/ }).click()]);
    await expect.poll(() => k.getByText('Te kort', { exact: true }).count()).toBeGreaterThan(0);
  }
});
