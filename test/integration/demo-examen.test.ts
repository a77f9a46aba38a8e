/**
 * The worked example of the joint exam in the demo (src/server/demo/demo-examen.ts): a seeded demo database has the
 * keuzevak-keuzedeel leerroute, the group with Lars Leerling (his account linked, only the fields the exam needs, the
 * usual retention), the exam with grondslag extraneus and a vastgesteld plan, and Lars registered; each demo role
 * reads what it should through the API, a stranger nothing. Seeding stays all-or-nothing and happens once.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EXAMEN } from '../../src/server/demo/demo-examen.js';
import type { LeerrouteDetail } from '../../src/shared/leerroute-api.js';
import { seedDemoCatalogue } from '../../src/server/demo/seed-demo.js';
import { DEMO_PASSWORD, seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import { asUser, signIn, startAccountsApp, type AccountsApp } from '../support/accounts.js';
import { createTestDatabase, databaseAvailable, TEST_DB, type TestDatabase } from '../support/db.js';

describe.skipIf(!databaseAvailable)(`the demo's worked example of the joint exam (${TEST_DB})`, () => {
  let database: TestDatabase;
  let t: AccountsApp;
  let examenId: string;
  let routeId: string;
  let partnershipId: string;

  const get = async (email: string, url: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: asUser(await signIn(t.app, email)) });
    return { status: res.statusCode, body: res.statusCode === 200 ? res.json() : res.body };
  };

  beforeAll(async () => {
    const filled = await createTestDatabase({ filled: 'demo' });
    database = filled;
    if (filled.filledFrom !== 'demo') await seedDemoCatalogue(database.db);
    expect(await seedDemoOrganisations(database.db)).toBe(true);
    t = await startAccountsApp({ database });
    const db = database.db;
    const route = await db.selectFrom('leerroute').selectAll().where('naam', '=', DEMO_EXAMEN.route).executeTakeFirstOrThrow();
    routeId = route.id;
    partnershipId = route.partnership_id;
    examenId = (await db.selectFrom('examen').select('id').where('leerroute_id', '=', routeId).executeTakeFirstOrThrow()).id;
    // Someone at a school outside the samenwerking, with every exam role there.
    await createUser({ db, email: 'examinator@ander.demo', naam: 'Ander', organisatie: 'Ander College', soort: 'vmbo-school', rol: 'examinator', password: DEMO_PASSWORD });
  });
  afterAll(async () => {
    await t?.close();
    await database?.destroy();
  });

  it('has the route, the group with Lars, the exam with its vastgesteld plan and the registration, made by the demo users', async () => {
    const db = database.db;
    const cohorten = await db.selectFrom('cohort').innerJoin('organisation as o', 'o.id', 'cohort.organisation_id').select(['cohort.id', 'cohort.naam', 'o.naam as school', 'bewaartermijn_maanden', 'einddatum', 'schooljaar']).execute();
    expect(cohorten).toHaveLength(1);
    expect(cohorten[0]).toMatchObject({ naam: DEMO_EXAMEN.cohort, school: 'Demo Vmbo College', bewaartermijn_maanden: 24 });
    const leerlingen = await db.selectFrom('leerling').innerJoin('app_user as u', 'u.id', 'leerling.account_id').selectAll('leerling').select('u.email').execute();
    expect(leerlingen).toHaveLength(1);
    const lars = leerlingen[0]!;
    expect(lars).toMatchObject({ roepnaam: 'Lars', achternaam: 'Leerling', email: 'leerling@vmbo.demo', cohort_id: cohorten[0]!.id, eck_id: null });
    expect(lars.geboortedatum).not.toBeNull(); // the extraneus registration asks for it
    const examen = await db.selectFrom('examen').selectAll().where('id', '=', examenId).executeTakeFirstOrThrow();
    expect(examen).toMatchObject({ grondslag: 'extraneus', keuzedeel_code: DEMO_EXAMEN.keuzedeel, cohort_id: cohorten[0]!.id });
    const plannen = await db.selectFrom('examenplan').select(['status', 'vastgesteld_naam']).where('examen_id', '=', examenId).execute();
    expect(plannen).toEqual([{ status: 'vastgesteld', vastgesteld_naam: 'Emma Examencommissie' }]);
    const inschrijvingen = await db.selectFrom('examen_inschrijving').select(['leerling_id', 'status']).where('examen_id', '=', examenId).execute();
    expect(inschrijvingen).toEqual([{ leerling_id: lars.id, status: 'ingeschreven' }]);
    // Not assessed yet: no scores at all.
    expect(await db.selectFrom('beoordeling_score').select('beoordeling_id').execute()).toEqual([]);

    // Audit as the use cases write it, each step by the demo user who did it.
    const audit = await db
      .selectFrom('audit_log as a')
      .leftJoin('app_user as u', 'u.id', 'a.actor_user_id')
      .select(['a.action', 'u.email'])
      .where('a.action', 'not like', 'demo.%')
      .orderBy('a.id')
      .execute();
    const stappen = audit.map((a) => `${a.action} ${a.email}`);
    for (const stap of [
      'leerroute.created docent@vmbo.demo',
      'cohort.aangemaakt beheerder@vmbo.demo',
      'leerling.toegevoegd beheerder@vmbo.demo',
      'leerling.uitgenodigd beheerder@vmbo.demo',
      'leerling.account_gekoppeld leerling@vmbo.demo',
      'examen.aangemaakt docent@vmbo.demo',
      'examenplan.opgeslagen docent@vmbo.demo',
      'examenplan.ingediend docent@vmbo.demo',
      'examenplan.vastgesteld examencommissie@roc.demo',
      'examen.leerlingen-aangemeld examinator@vmbo.demo',
      'examen.leerlingen-ingeschreven beheerder@roc.demo',
    ]) {
      expect(stappen).toContain(stap);
    }
    // No pupil names in the audit log.
    const details = JSON.stringify(await db.selectFrom('audit_log').select('details').execute());
    expect(details).not.toContain('Lars');
  });

  it('shows the route to both schools\' docenten', async () => {
    for (const email of ['docent@vmbo.demo', 'docent@roc.demo']) {
      const res = await get(email, `/api/partnerships/${partnershipId}/leerroutes`);
      expect(res.status, email).toBe(200);
      const route = res.body.leerroutes.find((r: { id: string }) => r.id === routeId);
      expect(route, email).toMatchObject({ naam: DEMO_EXAMEN.route, type: 'keuzevak-keuzedeel' });
    }
  });

  it('has a route the two docenten filled in together: every doel planned, taught and summatief getoetst', async () => {
    const res = await get('docent@vmbo.demo', `/api/leerroutes/${routeId}`);
    expect(res.status).toBe(200);
    const route = res.body as LeerrouteDetail;
    expect(route.dekking.totalen).toMatchObject({ doelen: 3, vmbo: 2, mbo: 1, gepland: 3, onderwezen: 3, summatiefGetoetst: 3, volledig: 3 });
    expect(route.dekking.compleet).toBe(true);
    expect(route.dekking.gaten).toEqual([]);
    const door = (regel: { gewijzigd: { gebruiker: { naam: string } } }) => regel.gewijzigd.gebruiker.naam;
    expect(route.planning.map((r) => ({ door: door(r), leerjaar: r.leerjaar, periode: r.periode, items: r.items.length })).sort((a, b) => a.door.localeCompare(b.door))).toEqual([
      { door: 'Daan Docent', leerjaar: 4, periode: 1, items: 2 },
      { door: 'Roos Docent', leerjaar: 4, periode: 1, items: 1 },
    ]);
    expect(route.activiteiten.map((a) => [a.titel, door(a)])).toEqual(expect.arrayContaining([
      ['Lessenserie: een mini-onderneming opzetten', 'Daan Docent'],
      ['Workshop ondernemend gedrag op het ROC', 'Roos Docent'],
    ]));
    const roc = route.partners.find((p) => p.soort === 'mbo-instelling')!;
    expect(route.materialen.map((m) => [m.titel, m.organisatieId, door(m)])).toEqual([['Werkboek ondernemend gedrag (ROC)', roc.id, 'Roos Docent']]);
  });

  it('gives the two assessors an assessment to do, neither side done yet', async () => {
    for (const [email, kant] of [['examinator@vmbo.demo', 'eerste'], ['beoordelaar@roc.demo', 'tweede']] as const) {
      const mijn = await get(email, '/api/examens');
      expect(mijn.status, email).toBe(200);
      expect(mijn.body.teBeoordelen.map((e: { id: string }) => e.id), email).toEqual([examenId]);
      const lijst = await get(email, `/api/examens/${examenId}/beoordelingen`);
      expect(lijst.status, email).toBe(200);
      expect(lijst.body.rechten[kant], email).toBe(true);
      expect(lijst.body.formulieren, email).toHaveLength(1);
      const form = lijst.body.formulieren[0];
      expect(form.leerling.naam).toBe('Lars Leerling');
      expect(form.status).toBe('open');
      expect(form.voortgang.eerste).toEqual({ gescoord: 0, totaal: 5 });
      expect(form.voortgang.tweede).toEqual({ gescoord: 0, totaal: 5 });
      expect(form.onvolledig.length).toBeGreaterThan(0);
    }
  });

  it('shows the examencommissie the vastgesteld plan, with nothing left to vaststellen', async () => {
    const detail = await get('examencommissie@roc.demo', `/api/examens/${examenId}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ grondslag: 'extraneus', keuzedeel: { code: DEMO_EXAMEN.keuzedeel }, keuzevak: { code: DEMO_EXAMEN.keuzevak }, cohort: { naam: DEMO_EXAMEN.cohort } });
    expect(detail.body.versies.map((v: { status: string }) => v.status)).toEqual(['vastgesteld']);
    // The plan names the keuzevak's PTA toets (so the SE grade has its toetscode) and covers every eindterm.
    expect(detail.body.ptaToetsen.map((t: { toetscode: string }) => t.toetscode)).toEqual(['EO-K05-PO']);
    expect(detail.body.versies[0].inhoud.ptaToetsId).toBe(detail.body.ptaToetsen[0].id);
    expect(detail.body.versies[0].dekking.gaten).toEqual([]);
    const mijn = await get('examencommissie@roc.demo', '/api/examens');
    expect(mijn.body.vastTeStellen).toEqual([]);
    // It finds the plan it vaststelde without knowing the route: in force, to follow.
    expect(mijn.body.vastgesteld.map((e: { id: string }) => e.id)).toEqual([examenId]);
    const inschrijvingen = await get('examencommissie@roc.demo', `/api/examens/${examenId}/inschrijvingen`);
    expect(inschrijvingen.body.inschrijvingen.map((i: { naam: string; status: string }) => [i.naam, i.status])).toEqual([['Lars Leerling', 'ingeschreven']]);
    expect(inschrijvingen.body.waarschuwingen).toEqual([]);
  });

  it('lets the schools\' other staff read what their role gives: pupils for the beheerders, the plan without pupils for the docenten', async () => {
    expect((await get('beheerder@vmbo.demo', `/api/examens/${examenId}/inschrijvingen`)).status).toBe(200);
    expect((await get('beheerder@roc.demo', `/api/examens/${examenId}/inschrijvingen`)).status).toBe(200);
    const cohort = (await database.db.selectFrom('examen').select('cohort_id').where('id', '=', examenId).executeTakeFirstOrThrow()).cohort_id;
    const groep = await get('beheerder@vmbo.demo', `/api/cohorten/${cohort}`);
    expect(groep.status).toBe(200);
    expect(groep.body.leerlingen.map((l: { roepnaam: string }) => l.roepnaam)).toEqual(['Lars']);
    for (const email of ['docent@vmbo.demo', 'docent@roc.demo']) {
      const plan = await get(email, `/api/examens/${examenId}`);
      expect(plan.status, email).toBe(200);
      expect(plan.body.versies[0].status, email).toBe('vastgesteld');
      expect((await get(email, `/api/examens/${examenId}/inschrijvingen`)).status, email).toBe(403);
    }
  });

  it('shows Lars his own exam, and nothing of it to a stranger', async () => {
    const mijn = await get('leerling@vmbo.demo', '/api/mijn/resultaten');
    expect(mijn.status).toBe(200);
    expect(mijn.body.examens).toHaveLength(1);
    expect(mijn.body.examens[0]).toMatchObject({ examenId, grondslag: 'extraneus', inschrijving: 'ingeschreven', keuzedeel: { code: DEMO_EXAMEN.keuzedeel }, resultaten: [] });
    // A pupil never reads the exam itself or its forms.
    expect((await get('leerling@vmbo.demo', `/api/examens/${examenId}`)).status).toBe(404);

    const stranger = 'examinator@ander.demo';
    expect((await get(stranger, `/api/examens/${examenId}`)).status).toBe(404);
    expect((await get(stranger, `/api/examens/${examenId}/beoordelingen`)).status).toBe(404);
    expect((await get(stranger, `/api/examens/${examenId}/inschrijvingen`)).status).toBe(404);
    expect((await get(stranger, `/api/leerroutes/${routeId}/examens`)).status).toBe(404);
    const mijn2 = await get(stranger, '/api/examens');
    expect(mijn2.body).toEqual({ vastTeStellen: [], teSchrijven: [], teBeoordelen: [], vastgesteld: [] });
  });

  it('shows Lars the leerroute of his group per leerjaar and periode, without the teachers\' names; staff and strangers have none', async () => {
    const mijn = await get('leerling@vmbo.demo', '/api/mijn/leerroutes');
    expect(mijn.status).toBe(200);
    expect(mijn.body.leerroutes).toHaveLength(1);
    const route = mijn.body.leerroutes[0];
    expect(route).toMatchObject({
      cohort: DEMO_EXAMEN.cohort,
      naam: DEMO_EXAMEN.route,
      type: 'keuzevak-keuzedeel',
      keuzevakken: [expect.objectContaining({ code: DEMO_EXAMEN.keuzevak })],
      keuzedelen: [expect.objectContaining({ code: DEMO_EXAMEN.keuzedeel })],
      kwalificatie: null,
    });
    expect(route.scholen.sort()).toEqual(['Demo ROC', 'Demo Vmbo College']);
    expect(route.perioden.map((p: { leerjaar: number; periode: number }) => `${p.leerjaar}.${p.periode}`)).toEqual(['4.1', '4.2']);
    const [les, toets] = route.perioden;
    expect(les).toMatchObject({ fase: 'vmbo', school: 'Demo Vmbo College', toetsen: [] });
    expect(les.doelen.map((d: { code: string }) => d.code)).toEqual(['K/EO/05/01-01', 'K/EO/05/01-02', DEMO_EXAMEN.keuzedeel]);
    expect(les.activiteiten).toEqual(expect.arrayContaining([expect.objectContaining({ titel: 'Workshop ondernemend gedrag op het ROC', school: 'Demo ROC', uren: 4 })]));
    expect(toets).toMatchObject({ doelen: [], activiteiten: [], toetsen: [{ toetscode: 'EO-K05-PO', vorm: 'praktijkopdracht', soort: 'summatief', onderdeelVan: 'pta', herkansbaar: true, naam: expect.any(String) }] });
    expect(JSON.stringify(mijn.body)).not.toMatch(/Daan|Roos|versie/);
    // The teachers' page of the route stays closed to him.
    expect((await get('leerling@vmbo.demo', `/api/leerroutes/${routeId}`)).status).toBeGreaterThanOrEqual(403);
    for (const email of ['docent@vmbo.demo', 'examinator@ander.demo']) {
      expect((await get(email, '/api/mijn/leerroutes')).body, email).toEqual({ leerroutes: [] });
    }
  });

  it('is made once: a second seed changes nothing', async () => {
    const count = async () => ({
      routes: (await database.db.selectFrom('leerroute').select('id').execute()).length,
      examens: (await database.db.selectFrom('examen').select('id').execute()).length,
      leerlingen: (await database.db.selectFrom('leerling').select('id').execute()).length,
    });
    const before = await count();
    expect(await seedDemoOrganisations(database.db)).toBe(false);
    expect(await count()).toEqual(before);
  });
});

describe.skipIf(!databaseAvailable)(`the demo seed with its example, all or nothing (${TEST_DB})`, () => {
  it('makes no account, organisation or route when a step of the example fails, and all of it once that step works', async () => {
    const database = await createTestDatabase({ filled: 'demo' });
    const db = database.db;
    const count = async () => {
      const n: Record<string, number> = {};
      for (const table of ['app_user', 'organisation', 'partnership', 'menukaart', 'leerroute', 'cohort', 'leerling', 'examen', 'audit_log'] as const) {
        n[table] = (await db.selectFrom(table).select(sql<number>`1`.as('x')).execute()).length;
      }
      return n;
    };
    try {
      if (database.filledFrom !== 'demo') await seedDemoCatalogue(db);
      const before = await count(); // the catalogue's own audit entries
      expect(before).toMatchObject({ app_user: 0, organisation: 0, leerroute: 0, examen: 0 });
      // The last step of the example (the registration) is refused by the database.
      await sql`CREATE FUNCTION demo_test_weiger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'inschrijving geweigerd'; END $$`.execute(db);
      await sql`CREATE TRIGGER demo_test_weiger BEFORE INSERT ON examen_inschrijving FOR EACH ROW EXECUTE FUNCTION demo_test_weiger()`.execute(db);
      await expect(seedDemoOrganisations(db)).rejects.toThrow(/inschrijving geweigerd/);
      expect(await count()).toEqual(before);

      await sql`DROP TRIGGER demo_test_weiger ON examen_inschrijving`.execute(db);
      expect(await seedDemoOrganisations(db)).toBe(true);
      expect(await count()).toMatchObject({ leerroute: 1, cohort: 1, leerling: 1, examen: 1 });
    } finally {
      await database.destroy();
    }
  });
});

describe.skipIf(!databaseAvailable)(`the demo without its catalogue (${TEST_DB})`, () => {
  it('seeds the accounts but no example when the catalogue lacks the keuzevak and keuzedeel', async () => {
    const database = await createTestDatabase();
    try {
      expect(await seedDemoOrganisations(database.db)).toBe(true);
      expect(await database.db.selectFrom('leerroute').select('id').execute()).toEqual([]);
      expect(await database.db.selectFrom('examen').select('id').execute()).toEqual([]);
    } finally {
      await database.destroy();
    }
  });
});
