/**
 * One name per profiel everywhere (issue 12): SLO's titles differ in capitals ("Zorg en Welzijn", "Economie en
 * Ondernemen", "Mobiliteit en Transport"), the catalogue shows the names of src/domain/vmbo/profielen.json; the overlap
 * inventory (and so the zoekmonitor's selection, the CASE export and the leerroute, which use the same function
 * profielNaam) shows the same name as the catalogue, for every profiel of the national data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfielSummary } from '../../src/shared/catalog-api.js';
import type { Inventaris } from '../../src/shared/inventory-api.js';
import { profielNaam, profielRef, shortProfielName } from '../../src/domain/vmbo/profiel-names.js';
import { databaseAvailable, SKIP_NO_DB, TEST_DB } from '../support/db.js';
import { hasMboData, hasSloData } from '../support/shared-data.js';
import { startTestApp, type TestApp } from '../support/app.js';

describe.skipIf(!databaseAvailable || !hasSloData || !hasMboData)(`one name per profiel on the national data (${TEST_DB})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ data: 'slo' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the inventory names each profiel as the catalogue does, also where SLO\'s title differs', async () => {
    const profielen = (await t.app.inject({ method: 'GET', url: '/api/vmbo/profielen' })).json() as Array<ProfielSummary & { title: string }>;
    expect(profielen.length).toBe(10);
    // Where the old way (the SLO title, shortened) gave another name: the reason for this test.
    const differing = profielen.filter((p) => shortProfielName(p.title) !== p.naam).map((p) => p.code);
    expect(differing.sort()).toEqual(['EO', 'MET', 'ZW']);
    for (const p of profielen) {
      expect(profielNaam(p.code, p.title)).toBe(p.naam);
      expect(profielRef(p.code, p.title).naam).toBe(p.naam);
      const res = await t.app.inject({ method: 'GET', url: `/api/inventaris?profiel=${encodeURIComponent(p.code)}&kwalificatie=25282` });
      expect(res.statusCode, p.code).toBe(200);
      expect((res.json() as Inventaris).selectie.vmbo.profiel, p.code).toEqual({ code: p.code, titel: p.naam });
    }
  });
});

if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
