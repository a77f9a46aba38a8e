/**
 * Issue 15 as its users live it, in one browser journey: two schools of Regio Rivierenland (a vmbo school and an mbo
 * instelling) have proposed ten modules; the region's beheerder signs in and publishes them; anyone sees the ten on
 * the public menukaart; a pupil of the vmbo school chooses two modules, the decaan approves them, the pupil writes two
 * LOB activities with reflections, fills in the oplegger and makes a share link that works through a chosen day; the
 * mbo intake (not signed in, in a browser of its own) opens the link and sees what the pupil shared; the pupil revokes
 * the link and it answers as not found.
 *
 * The setup (the region with its member schools, the accounts, the ten proposals) is made by a factory; everything a
 * user does in the story is done in the browser, finding the way through menus and links as a user would. Axe on every
 * page visited; the pupil's part runs at 390 px wide (screenshots in test-results/screenshots, not committed; no page
 * scrolls sideways).
 */
import { seriousAxeViolations } from '../support/axe.js';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBrowserReadyInCi, browserReady } from '../support/app.js';
import { browserSession } from '../support/browser-session.js';
import { SCREENSHOTS } from '../support/browser-steps.js';
import { maakReisWereld, REIS, REIS_WACHTWOORD, type ReisWereld } from '../support/menukaart-reis-world.js';
import { screenshot } from '../support/screenshots.js';

assertBrowserReadyInCi();

const GSM = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

/** A day (YYYY-MM-DD) `n` days after today, in Dutch time (the day the pupil would type). */
function overDagen(n: number): string {
  const d = new Date(Date.now() + n * 86_400_000);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(d);
}

describe.skipIf(!browserReady)('de menukaart-reis: van publiceren tot een ingetrokken deellink (issue 15)', () => {
  const session = browserSession('demo');
  let wereld: ReisWereld;

  beforeAll(async () => {
    wereld = await maakReisWereld(session.app);
  });

  it('a region publishes ten modules, a pupil chooses two and shares a dossier, the intake reads it until the pupil revokes it', async () => {
    const { app, page, expectAccessible } = session;
    const url = (p: string) => `${app.url}${p}`;
    const main = (p: Page = page) => p.getByRole('main');
    const modulen = wereld.modulen;
    expect(modulen).toHaveLength(10);

    /** Axe on the page, a full-page screenshot, and no sideways scrolling at the page's current width. */
    async function bekijk(naam: string, p: Page = page) {
      await expectAccessibleOn(p, naam);
      const { width } = p.viewportSize()!;
      await screenshot(p, path.join(SCREENSHOTS, `reis-${naam}-${width}.png`), { fullPage: true });
      const { scrollWidth, innerWidth } = await p.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      expect(scrollWidth, `${naam} at ${width} px scrolls sideways`).toBeLessThanOrEqual(innerWidth);
    }
    /** Axe on any page of the journey (the session's helper covers only its own page): nothing serious or critical. */
    async function expectAccessibleOn(p: Page, naam: string) {
      if (p === page) return expectAccessible(naam);
      const serious = await seriousAxeViolations(p);
      expect(serious, `axe on ${naam}`).toEqual([]);
    }

    /** Signs in on the sign-in page as a user does (from the header link), and waits for the page after it. */
    async function inloggen(email: string) {
      await page.context().clearCookies();
      await page.goto(url('/'));
      await page.getByRole('link', { name: 'Inloggen' }).first().click();
      const form = page.getByRole('form', { name: 'Inloggen' });
      await form.getByRole('textbox', { name: 'E-mailadres' }).fill(email);
      await form.getByLabel('Wachtwoord').fill(REIS_WACHTWOORD);
      await Promise.all([page.waitForURL((u) => u.pathname !== '/inloggen'), form.getByRole('button', { name: 'Inloggen' }).click()]);
    }
    async function accountMenu(link: string | RegExp) {
      await page.getByRole('button', { name: /Account/ }).click();
      await page.getByRole('link', { name: link }).click();
    }

    const anderen: BrowserContext[] = [];
    const fouten: string[] = [];
    /** A browser of its own for someone who is not signed in (nothing shared with the pupil's session). */
    async function anoniem(viewport = DESKTOP): Promise<Page> {
      const context = await page.context().browser()!.newContext({ locale: 'nl-NL', viewport });
      anderen.push(context);
      const p = await context.newPage();
      p.on('pageerror', (e) => fouten.push(e.message));
      return p;
    }

    try {
      // 1. The region's beheerder publishes the ten proposals on the region's working menukaart.
      await page.setViewportSize(DESKTOP);
      await inloggen(REIS.mensen.regio.email);
      await accountMenu('Menukaart van de regio');
      await expect.poll(() => main().getByRole('heading', { level: 1 }).textContent()).toBe('Menukaart van de regio');
      await bekijk('regio-menukaarten');
      await main().getByRole('link', { name: REIS.regio, exact: true }).click();
      await expect.poll(() => main().getByRole('heading', { level: 1 }).textContent()).toBe(`Menukaart ${REIS.regio}`);
      await main().getByText('10 modulen wachten op uw besluit.').waitFor();
      await bekijk('regio-beheer');
      for (const m of modulen) {
        await Promise.all([
          page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/menukaart/modulen/${m.id}/besluit`) && r.status() === 200),
          main().getByRole('button', { name: `${m.titel} publiceren` }).click(),
        ]);
        await main().getByRole('status').filter({ hasText: `${m.titel}: gepubliceerd.` }).waitFor();
      }
      await main().getByText('0 modulen wachten op uw besluit.').waitFor();
      await bekijk('regio-gepubliceerd');

      // 2. Anyone, without signing in, sees the ten on the public menukaart.
      const publiek = await anoniem();
      await publiek.goto(url(`/regio/${REIS.regioSlug}/menukaart`));
      await main(publiek).getByRole('status').filter({ hasText: /^10 modulen$/ }).waitFor();
      const lijst = main(publiek).getByRole('list', { name: 'Modulen' });
      expect(await lijst.getByRole('listitem').count()).toBe(10);
      for (const m of modulen) expect(await lijst.getByRole('heading', { name: m.titel, exact: true }).count(), m.titel).toBe(1);
      await bekijk('publiek', publiek);

      // 3. The pupil, on a phone, finds the menukaart from their own page and chooses two modules.
      await page.setViewportSize(GSM);
      await inloggen(REIS.mensen.leerling.email);
      expect(new URL(page.url()).pathname).toBe('/leerling');
      await bekijk('leerling-leeg');
      await main().getByRole('link', { name: 'Kies modules op de menukaart' }).click();
      await main().getByRole('status').filter({ hasText: /^10 modulen$/ }).waitFor();
      await bekijk('leerling-menukaart');
      const gekozen = ['Kennismaken met installatietechniek', 'Koude- en klimaattechniek'];
      for (const titel of gekozen) {
        await main().getByRole('link', { name: titel, exact: true }).click();
        await expect.poll(() => main().getByRole('heading', { level: 1 }).textContent()).toBe(titel);
        const kies = main().getByRole('button', { name: 'Kiezen' });
        // The button waits (disabled) until the pupil's earlier choices are read: focus it once it can be used.
        await expect.poll(() => kies.isEnabled()).toBe(true);
        await kies.focus();
        await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/keuze/mijn') && r.status() === 201), page.keyboard.press('Enter')]);
        await main().getByText(new RegExp(`^Je hebt ${titel} gekozen voor \\d{4}-\\d{4}, periode \\d\\. Je decaan of mentor keurt het goed\\.$`)).waitFor();
        // The button makes way for the choice (choosing again would be refused), and the keyboard stays in the section.
        await main().getByText(/^Je hebt deze module gekozen voor \d{4}-\d{4}, periode \d: wacht op goedkeuring\.$/).waitFor();
        expect(await main().getByRole('button', { name: 'Kiezen' }).count()).toBe(0);
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Kiezen');
        await bekijk(`leerling-gekozen-${gekozen.indexOf(titel) + 1}`);
        await main().getByRole('link', { name: /Terug naar de menukaart/ }).click();
        await main().getByRole('status').filter({ hasText: /^10 modulen$/ }).waitFor();
      }
      await accountMenu('Mijn keuzes');
      await expect.poll(() => main().getByText('Wacht op goedkeuring').count()).toBe(2);
      await main().getByRole('link', { name: `Naar de menukaart van ${REIS.regio}`, exact: true }).waitFor();
      await bekijk('leerling-mijn-keuzes');

      // 4. The decaan approves both choices from the keyboard.
      await page.setViewportSize(DESKTOP);
      await inloggen(REIS.mensen.decaan.email);
      await accountMenu('Keuzes van leerlingen');
      await expect.poll(() => main().getByRole('heading', { name: /Wachten op goedkeuring \(2\)/ }).count()).toBe(1);
      await bekijk('decaan-keuzes');
      for (const titel of gekozen) {
        const form = main().getByRole('form', { name: `Keuze van ${REIS.mensen.leerling.naam} voor ${titel}` });
        if (titel === gekozen[0]) {
          // A slip: Terugsturen without a reason is stopped at the field, which takes the keyboard; nothing is sent.
          await form.getByRole('button', { name: 'Terugsturen' }).click();
          const reden = form.getByRole('textbox', { name: 'Reden om terug te sturen (gespreksnotitie)' });
          await expect.poll(() => reden.getAttribute('aria-invalid')).toBe('true');
          await form.getByText('Schrijf de leerling waarom u de keuze terugstuurt.').waitFor();
          expect(await reden.evaluate((el) => el === document.activeElement)).toBe(true);
          await bekijk('decaan-zonder-reden');
        }
        await form.getByRole('button', { name: 'Goedkeuren' }).focus();
        await Promise.all([page.waitForResponse((r) => r.url().endsWith('/besluit') && r.status() === 200), page.keyboard.press('Enter')]);
        await expect.poll(() => main().getByRole('table', { name: 'Besloten keuzes' }).getByText(titel).count()).toBe(1);
        // The decided choice left the list with its buttons: the page says so, and the keyboard is at the list.
        await main().getByRole('status').filter({ hasText: `${titel} van ${REIS.mensen.leerling.naam} is goedgekeurd.` }).waitFor();
        expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Wachten op goedkeuring \(\d\)$/);
      }
      await expect.poll(() => main().getByRole('heading', { name: /Wachten op goedkeuring \(0\)/ }).count()).toBe(1);
      await bekijk('decaan-goedgekeurd');

      // 5. The pupil sees the programme, writes two LOB activities, fills in the oplegger and makes a share link.
      await page.setViewportSize(GSM);
      await inloggen(REIS.mensen.leerling.email);
      const programma = main().getByRole('table', { name: 'Goedgekeurde modules' });
      for (const titel of gekozen) await expect.poll(() => programma.getByRole('link', { name: titel }).count()).toBe(1);
      await bekijk('leerling-programma');
      await main().getByRole('link', { name: 'naar je loopbaandossier' }).click();
      await expect.poll(() => main().getByRole('heading', { level: 1 }).textContent()).toBe('Mijn loopbaandossier');
      await bekijk('dossier-leeg');

      const activiteiten = [
        { soort: 'Meeloopdag', titel: 'Meeloopdag koudetechniek', datum: '2026-11-12', competentie: 'Werkexploratie', reflectie: 'Een warmtepomp ophangen was lastig, maar ik wilde blijven.', conclusie: 'Ik wil de techniek in.' },
        { soort: 'Open dag', titel: `Open dag ${REIS.mbo}`, datum: '2026-11-28', competentie: 'Motievenreflectie', reflectie: 'Ik wil iets maken waar mensen het warm van krijgen.', conclusie: 'Ik meld me aan.' },
      ];
      for (const a of activiteiten) {
        const form = main().getByRole('form', { name: 'Nieuwe activiteit' });
        await form.getByRole('combobox', { name: 'Wat heb je gedaan?' }).selectOption({ label: a.soort });
        await form.getByRole('textbox', { name: 'Titel' }).fill(a.titel);
        await form.getByRole('textbox', { name: 'Datum' }).fill(a.datum);
        await form.getByRole('textbox', { name: a.competentie }).fill(a.reflectie);
        await form.getByRole('textbox', { name: 'Wat is je conclusie?' }).fill(a.conclusie);
        await Promise.all([
          page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/lob/mijn-dossier/activiteiten') && r.status() === 201),
          form.getByRole('button', { name: 'Activiteit opslaan' }).click(),
        ]);
        await expect.poll(() => main().getByRole('article', { name: a.titel }).count()).toBe(1);
      }

      const opl = main().getByRole('form', { name: 'Oplegger invullen' });
      await opl.getByRole('textbox', { name: 'Welke opleiding kies je?' }).fill('Monteur koude- en klimaatsystemen');
      await opl.getByRole('textbox', { name: 'Crebonummer (mag leeg)' }).fill('25282');
      await opl.getByRole('textbox', { name: 'Op welke mbo-school?' }).fill(REIS.mbo);
      await opl.getByRole('textbox', { name: 'Waarom kies je deze opleiding?' }).fill('Ik wil installaties bouwen die het klimaat sparen.');
      await opl.getByRole('textbox', { name: 'Waar ben je goed in?' }).fill('Nauwkeurig werken met mijn handen.');
      await opl.getByRole('checkbox', { name: /Meeloopdag koudetechniek/ }).check();
      await Promise.all([page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/oplegger') && r.status() === 200), opl.getByRole('button', { name: 'Oplegger opslaan' }).click()]);
      await main().getByText('Je oplegger is opgeslagen.').waitFor();

      const delen = main().getByRole('form', { name: 'Een deellink maken' });
      await delen.getByRole('textbox', { name: 'Voor wie is de link?' }).fill(`Intake ${REIS.mbo}`);
      // A date as people write it is refused in words, at the field, with the form's own label.
      const tot = delen.getByRole('textbox', { name: 'Werkt tot en met' });
      await tot.fill('6 januari');
      await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/lob/mijn-dossier/deellinks') && r.status() === 400), delen.getByRole('button', { name: 'Link maken' }).click()]);
      await expect.poll(() => delen.getByRole('alert').textContent()).toContain('Werkt tot en met: schrijf de datum als 2027-03-15.');
      expect(await delen.getByRole('alert').textContent()).not.toMatch(/body\.|geen bestaande datum/);
      expect(await tot.getAttribute('aria-invalid')).toBe('true');
      await bekijk('dossier-datum-fout');
      await tot.fill(overDagen(30));
      await delen.getByRole('checkbox', { name: 'Meeloopdag koudetechniek' }).check();
      expect(await delen.getByRole('checkbox', { name: 'Mijn oplegger' }).isChecked()).toBe(true);
      await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/lob/mijn-dossier/deellinks') && r.status() === 201), delen.getByRole('button', { name: 'Link maken' }).click()]);
      // The link is shown once: the keyboard is on it. The pupil copies it to send it to the intake.
      await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value ?? '')).toMatch(/\/dossier\/gedeeld#token=/);
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
      await main().getByRole('button', { name: 'Link kopiëren' }).click();
      await main().getByText(`De link is gekopieerd. Plak hem in een bericht aan Intake ${REIS.mbo}.`).waitFor();
      const adres = await page.evaluate(() => navigator.clipboard.readText());
      expect(adres).toMatch(/\/dossier\/gedeeld#token=[A-Za-z0-9_-]{40,}$/);
      expect(await main().getByRole('textbox', { name: `De link voor Intake ${REIS.mbo}` }).inputValue()).toBe(adres);
      const links = main().getByRole('table', { name: 'Je deellinks' });
      await expect.poll(() => links.getByText('Werkt', { exact: true }).count()).toBe(1);
      await bekijk('dossier-gedeeld');

      // 6. The mbo intake opens the link in a browser of its own: the shared activity and the oplegger, nothing else.
      const intake = await anoniem();
      await intake.goto(adres);
      await expect.poll(() => main(intake).getByRole('heading', { level: 1 }).textContent()).toContain(`Loopbaandossier van ${REIS.mensen.leerling.naam}`);
      await expect.poll(() => main(intake).getByRole('article', { name: 'Meeloopdag koudetechniek' }).count()).toBe(1);
      await main(intake).getByText('Een warmtepomp ophangen was lastig, maar ik wilde blijven.').waitFor();
      await main(intake).getByText('Monteur koude- en klimaatsystemen (crebo 25282)').waitFor();
      expect(await main(intake).getByText(`Open dag ${REIS.mbo}`).count()).toBe(0);
      expect(await main(intake).getByText('Ik wil iets maken waar mensen het warm van krijgen.').count()).toBe(0);
      await bekijk('intake-open', intake);
      await intake.setViewportSize(GSM);
      await bekijk('intake-open', intake);
      await intake.setViewportSize(DESKTOP);

      // 7. The pupil revokes the link; the intake's next visit is answered as not found.
      // From the keyboard: the button asks first, and the question's answer takes the focus.
      await links.getByRole('button', { name: `Link voor Intake ${REIS.mbo} intrekken` }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Ja, intrekken');
      await Promise.all([page.waitForResponse((r) => r.url().endsWith('/intrekken') && r.status() === 200), page.keyboard.press('Enter')]);
      await expect.poll(() => links.getByText('Ingetrokken', { exact: true }).count()).toBe(1);
      await main().getByRole('status').filter({ hasText: `De link voor Intake ${REIS.mbo} is ingetrokken.` }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Je links');
      // The address and the 'copy it now' message of the revoked link are gone.
      expect(await main().getByRole('textbox', { name: `De link voor Intake ${REIS.mbo}` }).count()).toBe(0);
      expect(await main().getByText(/Je link is gemaakt/).count()).toBe(0);
      await bekijk('dossier-ingetrokken');
      const [antwoord] = await Promise.all([intake.waitForResponse((r) => r.url().endsWith('/api/lob/gedeeld')), intake.reload()]);
      expect(antwoord.status()).toBe(404);
      await expect.poll(() => main(intake).getByRole('heading', { level: 1 }).textContent()).toBe('Deze link werkt niet (meer)');
      await main(intake).getByText(/vraag de leerling om een nieuwe link/).waitFor();
      expect(await main(intake).getByText('Meeloopdag koudetechniek').count()).toBe(0);
      await bekijk('intake-ingetrokken', intake);
    } finally {
      for (const c of anderen) await c.close();
    }
    expect(fouten, 'JavaScript errors in the other browsers').toEqual([]);
    // One long story of five users (about a minute on an idle machine): the limit only stops a hang.
  }, 300_000);
});
