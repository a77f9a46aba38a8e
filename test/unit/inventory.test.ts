/** The overlap inventory (pure): classification, reviews over suggestions, bewust niet gekoppeld, totals; the export table and CSV. */
import { describe, expect, it } from 'vitest';
import { buildInventory, type InventoryItem, type ReviewedLink, type SuggestedLink } from '../../src/domain/inventory/inventory.js';
import { inventoryCsv, inventoryTables } from '../../src/domain/inventory/export-table.js';
import { isEindtermId, parseMboItemId } from '../../src/domain/inventory/ids.js';
import { parseCsv } from '../../src/domain/mbo/csv.js';

const eindterm = (n: number, titel = `Eindterm ${n}`): InventoryItem => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  side: 'vmbo',
  soort: 'eindterm',
  code: `K/PIE/16/${n}`,
  titel,
  context: ['K/PIE/16 Koudetechniek', 'K/PIE/16.1 Deeltaak'],
});
const werkproces = (code: string, titel = `Werkproces ${code}`): InventoryItem => ({ id: `25282:${code}`, side: 'mbo', soort: 'werkproces', code, titel, context: ['25282 Monteur', 'B1-K1'] });
const suggest = (e: InventoryItem, w: InventoryItem, score: number, confidence: SuggestedLink['confidence'] = 'sterk'): SuggestedLink => ({ eindtermId: e.id, werkprocesId: w.id, score, confidence, sharedTerms: ['koelen'] });
const reviewed = (e: InventoryItem, w: InventoryItem, over: Partial<ReviewedLink> = {}): ReviewedLink => ({
  eindtermId: e.id,
  werkprocesId: w.id,
  status: 'bevestigd',
  herkomst: 'voorgesteld',
  relatie: 'gelijk',
  toelichting: null,
  door: 'Daan Docent',
  op: '2026-11-23T10:00:00.000Z',
  ...over,
});

const [e1, e2, e3] = [eindterm(1), eindterm(2), eindterm(3)];
const [w1, w2, w3] = [werkproces('B1-K1-W1'), werkproces('B1-K1-W2'), werkproces('B1-K2-W1')];

describe('buildInventory', () => {
  it('classifies items by the suggested links of at least "mogelijk", with totals and coverage', () => {
    const inv = buildInventory({ eindtermen: [e1, e2, e3], mboItems: [w1, w2, w3], suggestions: [suggest(e1, w1, 0.5), suggest(e2, w2, 0.1, 'zwak')] });
    expect(inv.vmbo.map((i) => i.classificatie)).toEqual(['beiden', 'alleen-vmbo', 'alleen-vmbo']);
    expect(inv.mbo.map((i) => i.classificatie)).toEqual(['beiden', 'alleen-mbo', 'alleen-mbo']);
    expect(inv.vmbo[0]!.gekoppeld).toEqual([w1.id]);
    expect(inv.totalen).toMatchObject({ eindtermen: 3, mboItems: 3, beidenVmbo: 1, beidenMbo: 1, alleenVmbo: 2, alleenMbo: 2, dekkingVmbo: 0.3333, dekkingMbo: 0.3333, links: 1, voorgesteld: 1, bevestigd: 0 });
    // Asking for weak suggestions too counts the second link.
    expect(buildInventory({ eindtermen: [e1, e2, e3], mboItems: [w1, w2, w3], suggestions: [suggest(e1, w1, 0.5), suggest(e2, w2, 0.1, 'zwak')], minConfidence: 'zwak' }).totalen.beidenVmbo).toBe(2);
  });

  it('lets reviews win: rejected links never count, confirmed and manual links do, with their type', () => {
    const inv = buildInventory({
      eindtermen: [e1, e2, e3],
      mboItems: [w1, w2, w3],
      suggestions: [suggest(e1, w1, 0.5), suggest(e2, w2, 0.4), suggest(e3, w3, 0.05, 'zwak')],
      reviews: [reviewed(e2, w2, { status: 'afgewezen', relatie: null, toelichting: 'alleen hetzelfde woord' }), reviewed(e3, w3, { relatie: 'deels' }), reviewed(e3, w1, { herkomst: 'handmatig', relatie: 'verwant' })],
      minConfidence: 'zwak',
    });
    expect(inv.links.map((l) => [l.eindtermId, l.werkprocesId, l.status, l.relatie])).toEqual([
      [e1.id, w1.id, 'voorgesteld', null],
      [e3.id, w3.id, 'bevestigd', 'deels'],
      [e3.id, w1.id, 'handmatig', 'verwant'],
    ]);
    // The confirmed weak suggestion keeps its score; a rejected one is listed apart and never counted.
    expect(inv.links[1]).toMatchObject({ score: 0.05, confidence: 'zwak', door: 'Daan Docent' });
    expect(inv.afgewezen).toEqual([expect.objectContaining({ eindtermId: e2.id, werkprocesId: w2.id, status: 'afgewezen', toelichting: 'alleen hetzelfde woord' })]);
    expect(inv.vmbo.find((i) => i.id === e2.id)!.classificatie).toBe('alleen-vmbo');
    expect(inv.mbo.find((i) => i.id === w2.id)!.classificatie).toBe('alleen-mbo');
    // A reviewed link ranks above a suggestion for the same item: w1 lists its manual link (e3) before the suggestion (e1).
    expect(inv.mbo.find((i) => i.id === w1.id)!.gekoppeld).toEqual([e3.id, e1.id]);
    expect(inv.totalen).toMatchObject({ bevestigd: 2, voorgesteld: 1, afgewezen: 1, beidenVmbo: 2, beidenMbo: 2 });
  });

  it('keeps an item marked "bewust niet gekoppeld" Alleen …, setting its links aside', () => {
    const inv = buildInventory({
      eindtermen: [e1, e2],
      mboItems: [w1, w2],
      suggestions: [suggest(e1, w1, 0.5), suggest(e2, w1, 0.45)],
      reviews: [reviewed(e2, w2, { herkomst: 'handmatig' })],
      unlinked: [{ itemId: e1.id, toelichting: 'hoort bij de kern' }],
    });
    expect(inv.vmbo[0]).toMatchObject({ classificatie: 'alleen-vmbo', bewustNietGekoppeld: true, toelichtingNietGekoppeld: 'hoort bij de kern', gekoppeld: [] });
    expect(inv.genegeerd.map((l) => l.eindtermId)).toEqual([e1.id]);
    // w1 is still covered through e2.
    expect(inv.mbo[0]).toMatchObject({ classificatie: 'beiden', gekoppeld: [e2.id] });
    expect(inv.totalen).toMatchObject({ beidenVmbo: 1, alleenVmbo: 1, beidenMbo: 2 });
  });

  it('ignores links and reviews of items outside the selection, and gives 0 coverage for an empty side', () => {
    const outside = werkproces('B9-K9-W9');
    const inv = buildInventory({ eindtermen: [e1], mboItems: [], suggestions: [suggest(e1, outside, 0.9)], reviews: [reviewed(e1, outside)] });
    expect(inv.links).toEqual([]);
    expect(inv.totalen).toMatchObject({ mboItems: 0, dekkingMbo: 0, dekkingVmbo: 0, alleenVmbo: 1 });
  });
});

describe('inventory export table and CSV', () => {
  it('writes one row per item with its column, then the totals; guards against formulas', () => {
    const formula = eindterm(4, '=HYPERLINK("x")');
    const inv = buildInventory({ eindtermen: [e1, formula], mboItems: [w1, w2], suggestions: [suggest(e1, w1, 0.5)] });
    const tables = inventoryTables(inv);
    expect(tables.items.map((r) => r[0])).toEqual(['Beiden', 'Alleen vmbo', 'Beiden', 'Alleen mbo']);
    expect(tables.items[0]![6]).toBe(`B1-K1-W1 ${w1.titel}`);
    expect(tables.links).toHaveLength(1);
    const rows = parseCsv(inventoryCsv(inv), 'x.csv', { delimiter: ';' }).rows;
    expect(rows[0]![0]).toBe('Kolom');
    expect(rows[2]![4]).toBe(`'=HYPERLINK("x")`);
    expect(rows.find((r) => r[0] === 'Gedekt')).toEqual(['Gedekt', '50%', '50%']);
  });
});

describe('item ids', () => {
  it('parses werkproces and keuzedeel ids and recognises eindterm ids', () => {
    expect(parseMboItemId('25282:B1-K1-W1')).toEqual({ soort: 'werkproces', crebo: '25282', code: 'B1-K1-W1' });
    expect(parseMboItemId('keuzedeel:K0072')).toEqual({ soort: 'keuzedeel', code: 'K0072' });
    expect(parseMboItemId('2528:B1')).toBeNull();
    expect(parseMboItemId('keuzedeel:')).toBeNull();
    expect(isEindtermId(e1.id)).toBe(true);
    expect(isEindtermId('K/PIE/16/1')).toBe(false);
  });
});
