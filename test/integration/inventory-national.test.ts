/**
 * The inventory on the national data of both sides: the largest profiel at BB (all its keuzevakken) against the
 * kwalificatie with the most werkprocessen completes with sane totals, and a review within a samenwerking counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotOf } from '../../src/server/repositories/catalog-snapshot.js';
import { computeInventory } from '../../src/server/use-cases/inventory/get-inventory.js';
import { largestSelection } from '../../src/server/use-cases/inventory/largest-selection.js';
import { Inventaris } from '../../src/shared/inventory-api.js';
import { importNationalData } from '../support/app.js';
import { createTestDatabase, databaseAvailable, SKIP_NO_DB, TEST_DB, type TestDatabase } from '../support/db.js';
import { hasMboData, hasSloData, SKIP_NO_SLO } from '../support/shared-data.js';
import { buildApp } from '../../src/server/http/app.js';

describe.skipIf(!databaseAvailable || !hasSloData || !hasMboData)(`inventory on the national data (${TEST_DB})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await importNationalData(database.db);
  }, 300_000);
  afterAll(async () => {
    await database?.destroy();
  });

  it('inventories the largest profiel at BB against the kwalificatie with the most werkprocessen', async () => {
    const snapshot = await snapshotOf(database.db);
    const sel = largestSelection(snapshot, 'BB');
    expect(sel.aantalKeuzevakken).toBeGreaterThan(10);
    expect(sel.aantalWerkprocessen).toBeGreaterThan(15);
    const { inventory, resolved } = computeInventory(snapshot, sel);
    expect(resolved.selectie.vmbo.keuzevakken.length).toBe(sel.aantalKeuzevakken);
    const t = inventory.totalen;
    expect(t.eindtermen).toBeGreaterThan(100);
    expect(t.mboItems).toBe(sel.aantalWerkprocessen);
    expect(t.beidenVmbo + t.alleenVmbo).toBe(t.eindtermen);
    expect(t.beidenMbo + t.alleenMbo).toBe(t.mboItems);
    expect(t.dekkingVmbo).toBeGreaterThanOrEqual(0);
    expect(t.dekkingVmbo).toBeLessThanOrEqual(1);
    expect(t.dekkingMbo).toBeLessThanOrEqual(1);
    // At most three suggestions per eindterm; every eindterm is BB.
    expect(t.links).toBeLessThanOrEqual(3 * t.eindtermen);
    const bb = new Set(snapshot.items.filter((r) => r.kind === 'eindterm' && r.leerwegen.includes('BB')).map((r) => r.id));
    expect(inventory.vmbo.every((e) => bb.has(e.id))).toBe(true);
    // Ids are stable: werkprocessen as crebo:code.
    expect(inventory.mbo.every((w) => w.id.startsWith(`${sel.kwalificatie}:`))).toBe(true);
  });

  it('answers the same selection over HTTP within the contract', async () => {
    const app = await buildApp({ db: database.db });
    try {
      const snapshot = await snapshotOf(database.db);
      const sel = largestSelection(snapshot, 'BB');
      const res = await app.inject({ method: 'GET', url: `/api/inventaris?profiel=${sel.profiel}&leerweg=BB&kwalificatie=${sel.kwalificatie}` });
      expect(res.statusCode).toBe(200);
      const inv = Inventaris.parse(res.json());
      expect(inv.selectie.vmbo.profiel?.code).toBe(sel.profiel);
      // The profiel also brings its profielmodulen.
      expect(inv.selectie.vmbo.profielmodulen.length).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });
});

if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
if (!hasSloData || !hasMboData) describe.skip(SKIP_NO_SLO, () => it('skipped', () => {}));
