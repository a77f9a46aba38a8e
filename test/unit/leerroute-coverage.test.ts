/** The coverage check of a leerroute (pure): gaps per doel, Beiden regels, warnings, and speed at 300 regels. */
import { describe, expect, it } from 'vitest';
import { computeCoverage, doelInZin, type CoverageActiviteit, type CoverageDoel, type CoverageInput, type CoverageRegel, type CoverageToets } from '../../src/domain/leerroute/coverage.js';
import type { ShapeYear } from '../../src/domain/leerroute/shape.js';

const eindterm = (n: number): CoverageDoel => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, side: 'vmbo', code: `K/PIE/16/${n}`, titel: `Eindterm ${n}` });
const werkproces = (n: number): CoverageDoel => ({ id: `25282:B1-K1-W${n}`, side: 'mbo', code: `B1-K1-W${n}`, titel: `Werkproces ${n}` });
const tijdpad: ShapeYear[] = [
  { leerjaar: 3, fase: 'vmbo', perioden: 4, organisatieId: null },
  { leerjaar: 4, fase: 'vmbo', perioden: 4, organisatieId: null },
  { leerjaar: 5, fase: 'mbo', perioden: 4, organisatieId: null },
];
let seq = 0;
const regel = (items: CoverageDoel[], leerjaar = 3, periode = 1): CoverageRegel => ({ id: `r${++seq}`, items: items.map((i) => i.id), leerjaar, periode });
const activiteit = (doelen: CoverageDoel[], leerjaar = 3, periode = 1): CoverageActiviteit => ({ id: `a${++seq}`, titel: `Les ${seq}`, leerjaar, periode, doelen: doelen.map((d) => d.id) });
const toets = (doelen: CoverageDoel[], over: Partial<CoverageToets> = {}): CoverageToets => ({
  id: `t${++seq}`,
  toetscode: `T${seq}`,
  leerjaar: 3,
  periode: 2,
  soort: 'summatief',
  doelen: doelen.map((d) => d.id),
  ...over,
});
const input = (over: Partial<CoverageInput>): CoverageInput => ({ type: 'doorlopend', doelen: [], tijdpad, planning: [], toetsen: [], activiteiten: [], ...over });
const codes = (i: CoverageInput) => computeCoverage(i).waarschuwingen.map((w) => w.code);

const [e1, e2] = [eindterm(1), eindterm(2)];
const [w1] = [werkproces(1)];

describe('leerroute coverage', () => {
  it('lists every missing step per doel with where to fix it, and none when complete', () => {
    const doelen = [e1, w1];
    const empty = computeCoverage(input({ doelen }));
    expect(empty.compleet).toBe(false);
    expect(empty.gaten.map((g) => [g.itemId, g.ontbreekt, g.stap])).toEqual([
      [e1.id, 'planning', 'planning'],
      [e1.id, 'activiteit', 'activiteiten'],
      [e1.id, 'summatieve-toets', 'toetsing'],
      [w1.id, 'planning', 'planning'],
      [w1.id, 'activiteit', 'activiteiten'],
      [w1.id, 'summatieve-toets', 'toetsing'],
    ]);
    expect(empty.gaten[0]!.melding).toBe('K/PIE/16/1 Eindterm 1 is nog niet gepland.');

    const planned = computeCoverage(input({ doelen, planning: [regel([e1], 3, 2), regel([w1], 5, 1)] }));
    const gapE1 = planned.gaten.filter((g) => g.itemId === e1.id);
    expect(gapE1.map((g) => [g.ontbreekt, g.leerjaar, g.periode])).toEqual([
      ['activiteit', 3, 2],
      ['summatieve-toets', 3, 2],
    ]);
    expect(planned.totalen).toMatchObject({ doelen: 2, vmbo: 1, mbo: 1, gepland: 2, onderwezen: 0, summatiefGetoetst: 0, volledig: 0 });

    const done = computeCoverage(
      input({
        doelen,
        planning: [regel([e1], 3, 2), regel([w1], 5, 1)],
        activiteiten: [activiteit([e1], 3, 2), activiteit([w1], 5, 1)],
        toetsen: [toets([e1], { leerjaar: 3, periode: 2 }), toets([w1], { leerjaar: 5, periode: 2 })],
      }),
    );
    expect(done.gaten).toEqual([]);
    expect(done.compleet).toBe(true);
    expect(done.waarschuwingen).toEqual([]);
    expect(done.totalen.volledig).toBe(2);
  });

  it('a formatieve toets does not close a doel', () => {
    const c = computeCoverage(input({ doelen: [e1], planning: [regel([e1])], activiteiten: [activiteit([e1])], toetsen: [toets([e1], { soort: 'formatief' })] }));
    expect(c.gaten.map((g) => g.ontbreekt)).toEqual(['summatieve-toets']);
    expect(c.doelen[0]!.formatieveToetsen).toHaveLength(1);
  });

  it('a Beiden regel is planned once and counts for both sides, also for activiteiten and toetsen', () => {
    const c = computeCoverage(input({ doelen: [e1, w1], planning: [regel([e1, w1], 4, 3)], activiteiten: [activiteit([e1], 4, 3)], toetsen: [toets([w1], { leerjaar: 4, periode: 4 })] }));
    expect(c.compleet).toBe(true);
    expect(c.doelen.map((d) => d.gepland)).toEqual([[{ leerjaar: 4, periode: 3 }], [{ leerjaar: 4, periode: 3 }]]);
  });

  it('warns about a summatieve toets without doelen and an activiteit without doelen', () => {
    expect(codes(input({ doelen: [e1], toetsen: [toets([])], activiteiten: [activiteit([])] }))).toEqual(['activiteit-zonder-doelen', 'summatieve-toets-zonder-doelen']);
    expect(codes(input({ doelen: [e1], toetsen: [toets([], { soort: 'formatief' })] }))).toEqual([]);
  });

  it('warns when a doel is assessed summatively twice (also across a Beiden regel)', () => {
    const twice = computeCoverage(input({ doelen: [e1], planning: [regel([e1])], toetsen: [toets([e1]), toets([e1], { periode: 3 })] }));
    expect(twice.waarschuwingen.map((w) => w.code)).toEqual(['dubbel-summatief']);
    expect(twice.waarschuwingen[0]!.melding).toMatch(/wordt 2 keer summatief getoetst/);
    expect(codes(input({ doelen: [e1, w1], planning: [regel([e1, w1])], toetsen: [toets([e1]), toets([w1], { periode: 3 })] }))).toEqual(['dubbel-summatief']);
    // one toets naming both items of a Beiden regel counts once
    expect(codes(input({ doelen: [e1, w1], planning: [regel([e1, w1])], toetsen: [toets([e1, w1])] }))).toEqual([]);
  });

  it('warns when a Beiden item is planned twice or a confirmed link is planned apart', () => {
    expect(codes(input({ doelen: [e1, w1], planning: [regel([e1, w1]), regel([e1], 4, 1)] }))).toEqual(['beiden-dubbel-gepland']);
    expect(codes(input({ doelen: [e1, w1], planning: [regel([e1]), regel([w1], 5, 1)], links: [[e1.id, w1.id]] }))).toEqual(['beiden-dubbel-gepland']);
    expect(codes(input({ doelen: [e1, w1], planning: [regel([e1, w1])], links: [[e1.id, w1.id]] }))).toEqual([]);
    // Any doel is planned once (issue 12: doubles came from stale pages); the database refuses new doubles, and a
    // double made before is warned about, never silent.
    const dubbel = computeCoverage(input({ doelen: [e1], planning: [regel([e1]), regel([e1], 4, 1)] }));
    expect(dubbel.waarschuwingen.map((w) => [w.code, w.melding])).toEqual([['dubbel-gepland', 'K/PIE/16/1 Eindterm 1 is 2 keer gepland; een doel plant u één keer. Haal de dubbele kaart uit de planning.']]);
  });

  it('warns when a vmbo doel is planned only in an mbo year, except in a geïntegreerde route', () => {
    const i = input({ doelen: [e1], planning: [regel([e1], 5, 1)] });
    expect(codes(i)).toEqual(['vmbo-doel-alleen-in-mbo-jaar']);
    expect(codes({ ...i, type: 'geintegreerd' })).toEqual([]);
    expect(codes({ ...i, planning: [regel([e1], 4, 4), regel([e1], 5, 1)] })).toEqual(['dubbel-gepland']);
    expect(codes(input({ doelen: [w1], planning: [regel([w1], 3, 1)] }))).toEqual([]);
  });

  it('warns about work in a period that does not exist; such planning does not count', () => {
    const c = computeCoverage(
      input({
        doelen: [e1],
        planning: [regel([e1], 3, 5)],
        toetsen: [toets([e1], { leerjaar: 6, periode: 1 })],
        activiteiten: [activiteit([e1], 3, 1)],
        materialen: [{ id: 'm1', titel: 'Koelkoffer', leerjaar: 2, periode: 1 }],
      }),
    );
    expect(c.waarschuwingen.map((w) => [w.code, w.entiteit?.soort])).toEqual([
      ['periode-bestaat-niet', 'planning'],
      ['periode-bestaat-niet', 'toets'],
      ['periode-bestaat-niet', 'materiaal'],
    ]);
    expect(c.gaten.map((g) => g.ontbreekt)).toEqual(['planning']);
  });

  it('warns about items that are not (or no longer) doelen of the route, once each', () => {
    const c = computeCoverage(input({ doelen: [e1], planning: [regel([e1, e2])], toetsen: [toets([e2])] }));
    expect(c.waarschuwingen.map((w) => [w.code, w.itemIds])).toEqual([['doel-hoort-niet-bij-route', [e2.id]]]);
  });

  it('names items that are no longer doelen by code and title, never by id, also after an import removed them', () => {
    const andereDoelen = [
      { id: e2.id, code: 'K/PIE/16/01-01', titel: 'Oude eindterm', reden: 'vervallen' as const },
      { id: werkproces(9).id, code: 'B1-K1-W9', titel: 'Werkproces van een andere leerweg', reden: 'niet-in-route' as const },
    ];
    const c = computeCoverage(input({ doelen: [e1], planning: [regel([e1, e2])], toetsen: [toets([werkproces(9)]), toets([{ ...werkproces(8), id: 'keuzedeel:K9999' }])], andereDoelen }));
    expect(c.waarschuwingen.map((w) => [w.code, w.melding])).toEqual([
      ['doel-vervallen', 'K/PIE/16/01-01 Oude eindterm bestaat niet meer in de nieuwe release van de catalogus, maar staat nog in leerjaar 3, periode 1.'],
      ['doel-hoort-niet-bij-route', 'B1-K1-W9 Werkproces van een andere leerweg is geen doel (meer) van deze leerroute, maar staat in leerjaar 3, periode 2.'],
      ['doel-hoort-niet-bij-route', 'keuzedeel K9999 is geen doel (meer) van deze leerroute, maar staat in leerjaar 3, periode 2.'],
    ]);
    for (const w of c.waarschuwingen) expect(w.melding).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    // A title's closing full stop does not end up in the middle of a sentence.
    expect(doelInZin({ code: 'K/PIE/16/01-01', titel: 'De kandidaat kan onderdelen benoemen.' })).toBe('K/PIE/16/01-01 De kandidaat kan onderdelen benoemen');
  });

  it('says each gap once: a doel named twice by the selection is one doel', () => {
    const c = computeCoverage(input({ doelen: [e1, e1, w1] }));
    expect(c.totalen.doelen).toBe(2);
    expect(c.gaten.map((g) => `${g.itemId} ${g.ontbreekt}`)).toEqual([...new Set(c.gaten.map((g) => `${g.itemId} ${g.ontbreekt}`))]);
    expect(c.gaten).toHaveLength(6);
  });

  it('warns when the SE-wegingen of a vak do not add up to 100 %, per vak, through Beiden regels and for the arrangement', () => {
    const vak = (d: CoverageDoel, code: string): CoverageDoel => ({ ...d, bron: { soort: 'keuzevak', code, titel: `Vak ${code}` } });
    const [a1, a2, b1] = [vak(e1, 'K/PIE/16'), vak(e2, 'K/PIE/16'), vak(eindterm(3), 'K/PIE/4')];
    const doelen = [a1, a2, b1, w1];
    const planning = [regel([a1, w1]), regel([a2]), regel([b1])];
    const pta = (d: CoverageDoel[], seWeging: number, onderdeelVan: CoverageToets['onderdeelVan'] = 'pta') => toets(d, { seWeging, onderdeelVan });
    // 40 + 60 through the werkproces of the Beiden regel: 100; K/PIE/4 has 50.
    const c = computeCoverage(input({ doelen, planning, toetsen: [pta([a2], 40), pta([w1], 60, 'beide'), pta([b1], 50), toets([a1], { seWeging: 30, onderdeelVan: 'examenplan', soort: 'formatief' })] }));
    expect(c.waarschuwingen.map((w) => [w.code, w.melding])).toEqual([['se-weging-niet-100', expect.stringContaining('De SE-wegingen van K/PIE/4 Vak K/PIE/4 tellen op tot 50%, niet tot 100%')]]);
    expect(codes(input({ doelen, planning, toetsen: [pta([a2], 33.3), pta([a1], 66.7), pta([b1], 100)] }))).toEqual([]);
    expect(computeCoverage(input({ doelen, planning, toetsen: [pta([a2], 12.5)] })).waarschuwingen[0]!.melding).toContain('12,5%');
    // No SE-weging at all: nothing to add up yet.
    expect(codes(input({ doelen, planning, toetsen: [toets([a2], { onderdeelVan: 'pta' })] }))).toEqual([]);
    // A keuzevak-keuzedeelarrangement: a toets of the keuzedeel counts for the keuzevak.
    const kd: CoverageDoel = { id: 'keuzedeel:K0072', side: 'mbo', code: 'K0072', titel: 'Koeling', bron: { soort: 'keuzedeel', code: 'K0072', titel: 'Koeling' } };
    const arr = input({ type: 'keuzevak-keuzedeel', doelen: [a1, kd], planning: [regel([a1]), regel([kd], 3, 1)], toetsen: [pta([a1], 50), pta([kd], 50, 'beide')] });
    expect(codes(arr)).toEqual([]);
  });

  it('warns about a PTA toets in an mbo year, except in a geïntegreerde route', () => {
    const i = input({ doelen: [w1], planning: [regel([w1], 5, 1)], toetsen: [toets([w1], { leerjaar: 5, periode: 2, onderdeelVan: 'pta' })] });
    expect(codes(i)).toEqual(['pta-toets-in-mbo-jaar']);
    expect(codes({ ...i, toetsen: [toets([w1], { leerjaar: 5, periode: 2, onderdeelVan: 'beide' })] })).toEqual(['pta-toets-in-mbo-jaar']);
    expect(codes({ ...i, toetsen: [toets([w1], { leerjaar: 5, periode: 2, onderdeelVan: 'examenplan' })] })).toEqual([]);
    expect(codes({ ...i, type: 'geintegreerd' })).toEqual([]);
  });

  it('warns when a summatieve toets closes a doel before it is planned', () => {
    expect(codes(input({ doelen: [e1], planning: [regel([e1], 4, 2)], toetsen: [toets([e1], { leerjaar: 3, periode: 4 })] }))).toEqual(['toets-voor-planning']);
    expect(codes(input({ doelen: [e1], planning: [regel([e1], 4, 2)], toetsen: [toets([e1], { leerjaar: 4, periode: 2 })] }))).toEqual([]);
  });

  it('checks a route with 300 planned items (its speed is measured in bench/run.ts)', () => {
    const doelen = Array.from({ length: 300 }, (_, i) => (i % 2 === 0 ? eindterm(i) : werkproces(i)));
    const jaar = (d: CoverageDoel, i: number) => (d.side === 'vmbo' ? 3 + (Math.floor(i / 2) % 2) : 3 + (i % 3));
    const planning = doelen.map((d, i) => regel([d], jaar(d, i), 1 + (i % 4)));
    const activiteiten = doelen.map((d, i) => activiteit([d], jaar(d, i), 1 + (i % 4)));
    const toetsen = doelen.map((d, i) => toets([d], { leerjaar: jaar(d, i), periode: 1 + (i % 4) }));
    const i = input({ doelen, planning, activiteiten, toetsen, links: doelen.slice(0, 100).map((d, k) => [eindterm(k * 2).id, werkproces(k * 2 + 1).id] as const) });
    const c = computeCoverage(i);
    expect(c.totalen.gepland).toBe(300);
    expect(c.gaten).toEqual([]);
    expect(c.waarschuwingen.map((w) => w.code)).toEqual(Array(100).fill('beiden-dubbel-gepland'));
  });
});
