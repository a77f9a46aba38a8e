/**
 * A leerroute on the national data (skips without ../shared): the largest profiel at BB with all its keuzevakken and
 * the kwalificatie with the most werkprocessen, 300 planned doelen by two users of the partner schools, then a toets
 * and an activiteit per year; the coverage check stays consistent (its speed is measured by npm run bench).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCoverage } from '../../src/server/use-cases/leerroutes/get-route.js';
import { addActiviteit } from '../../src/server/use-cases/leerroutes/activiteiten.js';
import { addToets } from '../../src/server/use-cases/leerroutes/toetsen.js';
import { getHistory } from '../../src/server/use-cases/leerroutes/history.js';
import { movePlanning } from '../../src/server/use-cases/leerroutes/planning.js';
import { importNationalData } from '../support/app.js';
import { createTestDatabase, databaseAvailable, SKIP_NO_DB, TEST_DB, type TestDatabase } from '../support/db.js';
import { createNationalRoute, planMany, type NationalRoute } from '../support/leerroute-national.js';
import { hasMboData, hasSloData, SKIP_NO_SLO } from '../support/shared-data.js';

describe.skipIf(!databaseAvailable || !hasSloData || !hasMboData)(`leerroute with 300 planned doelen on the national data (${TEST_DB})`, () => {
  let database: TestDatabase;
  let nr: NationalRoute;
  beforeAll(async () => {
    database = await createTestDatabase();
    await importNationalData(database.db);
    nr = await createNationalRoute(database.db);
  }, 300_000);
  afterAll(async () => {
    await database?.destroy();
  });

  it('builds a route with 300 planned doelen, closes the gaps per year, and the check agrees', async () => {
    const db = database.db;
    expect(nr.route.doelen.length).toBeGreaterThanOrEqual(300);
    expect(nr.route.doelen.some((d) => d.side === 'mbo')).toBe(true);
    const { route } = await planMany(db, nr, 300);
    expect(route.planning).toHaveLength(300);
    expect(route.dekking.totalen.gepland).toBe(300);
    expect(route.dekking.gaten.filter((g) => g.ontbreekt === 'planning')).toHaveLength(route.doelen.length - 300);
    expect(route.dekking.waarschuwingen).toEqual([]);

    // Per year: one activiteit and one summatieve toets for everything planned there.
    let latest = route;
    for (const jaar of route.tijdpad) {
      const doelen = route.planning.filter((p) => p.leerjaar === jaar.leerjaar).flatMap((p) => p.items);
      expect(doelen.length).toBeGreaterThan(0);
      latest = await addActiviteit({ db, auth: nr.vmboAuth, routeId: route.id, input: { leerjaar: jaar.leerjaar, periode: 1, titel: `Project jaar ${jaar.leerjaar}`, omschrijving: '', doelen, organisatieId: null, uren: null } });
      latest = await addToets({
        db,
        auth: nr.mboAuth,
        routeId: route.id,
        input: {
          leerjaar: jaar.leerjaar, periode: jaar.perioden, toetscode: `SE-${jaar.leerjaar}`, naam: `Eindopdracht jaar ${jaar.leerjaar}`, omschrijving: '', vorm: 'praktijkopdracht', soort: 'summatief',
          doelen, duurMinuten: 240, weging: 1, herkansbaar: true, onderdeelVan: jaar.fase === 'vmbo' ? 'pta' : 'examenplan', seWeging: jaar.fase === 'vmbo' ? 10 : null,
        },
      });
    }
    const volledig = latest.dekking.doelen.filter((d) => d.ontbreekt.length === 0).map((d) => d.id);
    expect(new Set(volledig)).toEqual(new Set(route.planning.flatMap((p) => p.items)));
    expect(latest.dekking.totalen.volledig).toBe(300);
    // One toets of 10 % per vmbo year does not make a vak's SE-wegingen add up to 100 %: that is the only warning.
    expect(latest.dekking.waarschuwingen.filter((w) => w.code !== 'se-weging-niet-100')).toEqual([]);
    expect(latest.dekking.waarschuwingen.length).toBeGreaterThan(0);
    for (const w of latest.dekking.waarschuwingen) expect(w.melding).toMatch(/^De SE-wegingen van \S+ .+ tellen op tot \d+%, niet tot 100% \(/);

    // A move keeps the check consistent with a fresh read.
    const regel = latest.planning[0]!;
    const moved = await movePlanning({ db, auth: nr.mboAuth, routeId: route.id, regelId: regel.id, input: { versie: regel.versie, leerjaar: regel.leerjaar, periode: regel.periode === 1 ? 2 : 1 } });
    expect(await getCoverage({ db, auth: nr.vmboAuth, routeId: route.id })).toEqual(moved.dekking);

    const history = await getHistory({ db, auth: nr.vmboAuth, routeId: route.id, limit: 1000 });
    expect(history.regels.filter((r) => r.actie === 'planning.toegevoegd')).toHaveLength(300);
    expect(new Set(history.regels.map((r) => r.gebruiker.naam))).toEqual(new Set(['Vera Vmbo', 'Mo Mbo']));
  }, 300_000);
});

if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
else if (!hasSloData || !hasMboData) describe.skip(SKIP_NO_SLO, () => it('skipped', () => {}));
