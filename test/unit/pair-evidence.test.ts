/** Issue 17 at pair level (pure): what other samenwerkingen said about eindterm ↔ werkproces raises or lowers it in the inventory. */
import { describe, expect, it } from 'vitest';
import { inventoryTables, LINK_HEADER } from '../../src/domain/inventory/export-table.js';
import { buildInventory, pairKey, type InventoryItem, type SuggestedLink } from '../../src/domain/inventory/inventory.js';
import { paarFactor, paarLabel, paarOordelen, paarSleutel, stelVoor, verschovenBand, type CrosswalkOordeel } from '../../src/domain/matching/pair-evidence.js';

const eindterm = (n: number): InventoryItem => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  side: 'vmbo',
  soort: 'eindterm',
  code: `K/PIE/16/${n}`,
  titel: `Eindterm ${n}`,
  context: ['K/PIE/16 Koudetechniek', 'K/PIE/16.1 Deeltaak'],
});
const werkproces = (code: string): InventoryItem => ({ id: `25282:${code}`, side: 'mbo', soort: 'werkproces', code, titel: `Werkproces ${code}`, context: ['25282 Monteur', 'B1-K1'] });
const suggest = (e: InventoryItem, w: InventoryItem, score: number, confidence: SuggestedLink['confidence']): SuggestedLink => ({ eindtermId: e.id, werkprocesId: w.id, score, confidence, sharedTerms: ['koelen'] });
const oordeel = (partnershipId: string, e: InventoryItem, w: InventoryItem, status: CrosswalkOordeel['status'] = 'bevestigd'): CrosswalkOordeel => ({ partnershipId, eindtermId: e.id, werkprocesId: w.id, status });

const [e1, e2, e3] = [eindterm(1), eindterm(2), eindterm(3)];
const [w1, w2, w3] = [werkproces('B1-K1-W1'), werkproces('B1-K1-W2'), werkproces('B1-K2-W1')];

describe('paarOordelen', () => {
  it('counts each samenwerking once per pair and status, and leaves out the samenwerking whose inventory is shown', () => {
    const rows = [oordeel('a', e1, w1), oordeel('b', e1, w1), oordeel('b', e1, w1), oordeel('c', e1, w1), oordeel('c', e2, w2, 'afgewezen'), oordeel('d', e2, w2)];
    const all = paarOordelen(rows);
    expect(all.get(paarSleutel(e1.id, w1.id))).toEqual({ bevestigd: 3, afgewezen: 0 });
    expect(all.get(paarSleutel(e2.id, w2.id))).toEqual({ bevestigd: 1, afgewezen: 1 });
    const zonderC = paarOordelen(rows, 'c');
    expect(zonderC.get(paarSleutel(e1.id, w1.id))).toEqual({ bevestigd: 2, afgewezen: 0 });
    expect(zonderC.get(paarSleutel(e2.id, w2.id))).toEqual({ bevestigd: 1, afgewezen: 0 });
    expect(paarOordelen(rows, 'x').size).toBe(2);
    // The key is the inventory's pair key.
    expect(paarSleutel(e1.id, w1.id)).toBe(pairKey(e1.id, w1.id));
  });
});

describe('verschovenBand, paarFactor, paarLabel', () => {
  it('moves the band by the net count, at most two steps, within zwak … sterk', () => {
    expect(verschovenBand('zwak', { bevestigd: 1, afgewezen: 0 })).toBe('mogelijk');
    expect(verschovenBand('zwak', { bevestigd: 2, afgewezen: 0 })).toBe('sterk');
    expect(verschovenBand('mogelijk', { bevestigd: 5, afgewezen: 0 })).toBe('sterk');
    expect(verschovenBand('sterk', { bevestigd: 0, afgewezen: 1 })).toBe('mogelijk');
    expect(verschovenBand('mogelijk', { bevestigd: 0, afgewezen: 1 })).toBe('zwak');
    expect(verschovenBand('sterk', { bevestigd: 0, afgewezen: 9 })).toBe('zwak');
    expect(verschovenBand('mogelijk', { bevestigd: 2, afgewezen: 2 })).toBe('mogelijk');
    expect(verschovenBand(null, { bevestigd: 1, afgewezen: 0 })).toBe('mogelijk');
    expect(verschovenBand('sterk', undefined)).toBe('sterk');
  });

  it('ranks with the bounded factor of the zoekmonitor evidence: up when confirmed, down when rejected', () => {
    expect(paarFactor(undefined)).toBe(1);
    expect(paarFactor({ bevestigd: 1, afgewezen: 0 })).toBeCloseTo(1.4);
    expect(paarFactor({ bevestigd: 3, afgewezen: 0 })).toBeCloseTo(1.6);
    expect(paarFactor({ bevestigd: 0, afgewezen: 1 })).toBeCloseTo(0.6);
    expect(paarFactor({ bevestigd: 0, afgewezen: 50 })).toBeGreaterThanOrEqual(0.4);
    expect(paarFactor({ bevestigd: 50, afgewezen: 0 })).toBeLessThanOrEqual(1.8);
    expect(stelVoor({ bevestigd: 1, afgewezen: 0 })).toBe(true);
    expect(stelVoor({ bevestigd: 1, afgewezen: 1 })).toBe(false);
    expect(stelVoor(undefined)).toBe(false);
  });

  it('says it in words, counts only', () => {
    expect(paarLabel({ bevestigd: 3, afgewezen: 0 })).toBe('bevestigd door 3 samenwerkingen');
    expect(paarLabel({ bevestigd: 1, afgewezen: 0 })).toBe('bevestigd door 1 samenwerking');
    expect(paarLabel({ bevestigd: 0, afgewezen: 2 })).toBe('door docenten afgewezen in 2 samenwerkingen');
    expect(paarLabel({ bevestigd: 2, afgewezen: 1 })).toBe('bevestigd door 2 samenwerkingen; door docenten afgewezen in 1 samenwerking');
    expect(paarLabel({ bevestigd: 0, afgewezen: 0 })).toBeNull();
    expect(paarLabel(undefined)).toBeNull();
  });
});

describe('buildInventory with evidence of other samenwerkingen', () => {
  const elders = paarOordelen([
    oordeel('a', e1, w2),
    oordeel('b', e1, w2),
    oordeel('a', e2, w2, 'afgewezen'),
    oordeel('a', e3, w3), // not suggested by the aligner at all
    oordeel('b', e2, w3, 'afgewezen'), // rejected, never suggested: nothing to lower, not proposed
  ]);
  const suggestions = [suggest(e1, w1, 0.5, 'sterk'), suggest(e1, w2, 0.1, 'zwak'), suggest(e2, w2, 0.3, 'mogelijk')];

  it('raises a pair confirmed elsewhere (band and order), lowers a rejected one, proposes a confirmed pair the aligner missed, with labels', () => {
    const before = buildInventory({ eindtermen: [e1, e2, e3], mboItems: [w1, w2, w3], suggestions });
    expect(before.links.map((l) => [l.eindtermId, l.werkprocesId])).toEqual([
      [e1.id, w1.id],
      [e2.id, w2.id],
    ]);
    expect(before.links.every((l) => l.elders === undefined)).toBe(true);

    const inv = buildInventory({ eindtermen: [e1, e2, e3], mboItems: [w1, w2, w3], suggestions, elders });
    const find = (e: InventoryItem, w: InventoryItem) => inv.links.find((l) => l.eindtermId === e.id && l.werkprocesId === w.id);
    // e1 ↔ w2: zwak, confirmed by two others → sterk, counted, labelled; its aligner score stays.
    expect(find(e1, w2)).toMatchObject({ status: 'voorgesteld', confidence: 'sterk', score: 0.1, elders: { bevestigd: 2, afgewezen: 0, label: 'bevestigd door 2 samenwerkingen' } });
    // e2 ↔ w2: mogelijk, rejected once → zwak: no longer counted by default…
    expect(find(e2, w2)).toBeUndefined();
    // e3 ↔ w3: no suggestion, confirmed once → proposed as mogelijk with score 0.
    expect(find(e3, w3)).toMatchObject({ status: 'voorgesteld', confidence: 'mogelijk', score: 0, sharedTerms: [], elders: { bevestigd: 1, label: 'bevestigd door 1 samenwerking' } });
    expect(inv.vmbo.map((i) => i.classificatie)).toEqual(['beiden', 'alleen-vmbo', 'beiden']);
    // …and shown, lowered and labelled, with the weak suggestions.
    const zwak = buildInventory({ eindtermen: [e1, e2, e3], mboItems: [w1, w2, w3], suggestions, elders, minConfidence: 'zwak' });
    expect(zwak.links.find((l) => l.eindtermId === e2.id && l.werkprocesId === w2.id)).toMatchObject({ confidence: 'zwak', elders: { afgewezen: 1, label: 'door docenten afgewezen in 1 samenwerking' } });
    expect(zwak.links.some((l) => l.eindtermId === e2.id && l.werkprocesId === w3.id)).toBe(false);
    // The export's Koppelingen table carries the label in its last column.
    expect(LINK_HEADER.at(-1)).toBe('Andere samenwerkingen');
    const rows = inventoryTables(zwak).links;
    expect(rows.map((r) => r.at(-1))).toEqual(zwak.links.map((l) => l.elders?.label ?? ''));
    expect(rows.map((r) => r.at(-1))).toContain('bevestigd door 2 samenwerkingen');
  });

  it('orders a confirmed suggestion above a stronger-scored one without evidence', () => {
    const s = [suggest(e1, w1, 0.4, 'mogelijk'), suggest(e1, w2, 0.3, 'mogelijk')];
    const plain = buildInventory({ eindtermen: [e1], mboItems: [w1, w2], suggestions: s });
    expect(plain.vmbo[0]!.gekoppeld).toEqual([w1.id, w2.id]);
    const withEvidence = buildInventory({ eindtermen: [e1], mboItems: [w1, w2], suggestions: s, elders: paarOordelen([oordeel('a', e1, w2)]) });
    expect(withEvidence.vmbo[0]!.gekoppeld).toEqual([w2.id, w1.id]);
    const rejected = buildInventory({ eindtermen: [e1], mboItems: [w1, w2], suggestions: [suggest(e1, w1, 0.5, 'sterk'), suggest(e1, w2, 0.45, 'sterk')], elders: paarOordelen([oordeel('a', e1, w1, 'afgewezen')]) });
    expect(rejected.vmbo[0]!.gekoppeld).toEqual([w2.id, w1.id]);
  });

  it("keeps this samenwerking's own review over the evidence, and labels it too", () => {
    const inv = buildInventory({
      eindtermen: [e1, e2],
      mboItems: [w1, w2],
      suggestions,
      elders,
      reviews: [
        { eindtermId: e1.id, werkprocesId: w2.id, status: 'afgewezen', herkomst: 'voorgesteld', relatie: null, toelichting: null, door: 'Daan', op: '2026-12-01T10:00:00.000Z' },
        { eindtermId: e2.id, werkprocesId: w2.id, status: 'bevestigd', herkomst: 'voorgesteld', relatie: 'gelijk', toelichting: null, door: 'Daan', op: '2026-12-01T10:00:00.000Z' },
      ],
    });
    expect(inv.afgewezen).toEqual([expect.objectContaining({ eindtermId: e1.id, werkprocesId: w2.id, status: 'afgewezen', elders: expect.objectContaining({ bevestigd: 2 }) })]);
    expect(inv.links.find((l) => l.eindtermId === e2.id && l.werkprocesId === w2.id)).toMatchObject({ status: 'bevestigd', confidence: 'mogelijk', elders: { afgewezen: 1 } });
  });

  it('never proposes a pair outside the selection', () => {
    const inv = buildInventory({ eindtermen: [e1], mboItems: [w1], suggestions: [], elders: paarOordelen([oordeel('a', e3, w3), oordeel('a', e1, w3)]) });
    expect(inv.links).toEqual([]);
  });
});
