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
import fs from 'node:fs';
import { JUDGED_FILE, parseJudged, proposalsFor } from '../../bench/aligner.js';

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

  it('proposes the obvious links of K/PIE/13 Woon- en kantoortechnologie × 25737 Monteur elektrotechnische installaties at the default threshold (issue 12)', async () => {
    const snapshot = await snapshotOf(database.db);
    const { inventory } = computeInventory(snapshot, { keuzevakken: ['K/PIE/13'], kwalificatie: '25737' });
    const code = new Map(inventory.vmbo.map((e) => [e.id, e.code]));
    const proposed = new Set(inventory.links.filter((l) => l.status === 'voorgesteld').map((l) => `${code.get(l.eindtermId)} ${l.werkprocesId}`));
    // Before issue 12 one link was proposed here.
    expect(proposed.size).toBeGreaterThanOrEqual(10);
    for (const pair of [
      'K/PIE/13/01-02 25737:B1-K1-W1', // installatieschema tekenen ↔ voorbereiden van elektrotechnische installaties
      'K/PIE/13/02-01 25737:B1-K1-W1', // installatieschema lezen, plan van aanpak ↔ voorbereiden
      'K/PIE/13/03-02 25737:B1-K1-W4', // leidingsystemen bekabelen ↔ aanleggen van bekabeling
      'K/PIE/13/03-01 25737:B1-K1-W3', // leidingen bewerken ↔ monteren en leidingen
      'K/PIE/13/03-04 25737:B1-K1-W3', // wandcontactdozen monteren ↔ monteren
    ]) {
      expect(proposed, pair).toContain(pair);
    }
  });

  it('balances precision and recall on the judged pairs at the default threshold (npm run bench:aligner)', async () => {
    const snapshot = await snapshotOf(database.db);
    const judged = parseJudged(fs.readFileSync(JUDGED_FILE, 'utf8'));
    const combos = proposalsFor(snapshot, judged);
    let proposed = 0;
    let correct = 0;
    let relevant = 0;
    for (const c of combos) {
      proposed += c.bands.mogelijk.size;
      relevant += c.relevant.size;
      for (const k of c.bands.mogelijk) if (c.relevant.has(k)) correct += 1;
    }
    expect(combos.length).toBeGreaterThanOrEqual(4);
    // Before issue 12: precision 0.33, recall 0.07. Now about 0.44 and 0.36.
    expect(correct / proposed).toBeGreaterThanOrEqual(0.35);
    expect(correct / relevant).toBeGreaterThanOrEqual(0.3);
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
