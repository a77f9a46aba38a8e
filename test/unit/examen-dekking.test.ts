/** Coverage of an exam plan (issue 14): every eindterm of the keuzevak covered by a criterion, gaps, accepted gaps, crosswalk suggestions. */
import { describe, expect, it } from 'vitest';
import { dekking, gatenGeaccepteerd, suggesties } from '../../src/domain/examen/dekking.js';

const E = [
  { id: 'e1', code: 'K/PIE/16.1.1', titel: 'Een schakeling ontwerpen' },
  { id: 'e2', code: 'K/PIE/16.1.2', titel: 'Een schakeling bouwen' },
  { id: 'e3', code: 'K/PIE/16.2.1', titel: 'Meten' },
];
const crit = (id: string, eindtermen: string[]) => ({ id, omschrijving: `Criterium ${id}`, maxScore: 10, minimumScore: null, eindtermen, werkprocessen: [] });

describe('dekking', () => {
  it('lists per eindterm the criteria that cover it and the gaps in catalogue order', () => {
    const d = dekking(E, [
      { id: 'o1', criteria: [crit('c1', ['e1']), crit('c2', ['e1', 'e1'])] },
      { id: 'o2', criteria: [crit('c3', ['e3'])] },
    ]);
    expect(d.eindtermen[0]!.criteria.map((c) => c.criteriumId)).toEqual(['c1', 'c2']);
    expect(d.gaten.map((g) => g.id)).toEqual(['e2']);
    expect(d.gedekt).toBe(2);
    expect(d.totaal).toBe(3);
    expect(d.onbekend).toEqual([]);
  });

  it('an empty plan has every eindterm as a gap; an eindterm of another keuzevak is named, not counted', () => {
    expect(dekking(E, []).gaten).toHaveLength(3);
    const d = dekking(E, [{ id: 'o1', criteria: [crit('c1', ['e1', 'e2', 'e3', 'x9'])] }]);
    expect(d.gaten).toEqual([]);
    expect(d.onbekend).toEqual(['x9']);
  });

  it('accepted gaps cover today’s gaps only when every open gap was accepted', () => {
    const gaten = [E[1]!, E[2]!];
    expect(gatenGeaccepteerd([], null)).toBe(true);
    expect(gatenGeaccepteerd(gaten, null)).toBe(false);
    expect(gatenGeaccepteerd(gaten, ['e2'])).toBe(false);
    expect(gatenGeaccepteerd(gaten, ['e2', 'e3'])).toBe(true);
    expect(gatenGeaccepteerd([E[1]!], ['e2', 'e3'])).toBe(true);
  });

  it('suggests only confirmed crosswalk links of the keuzevak’s eindtermen', () => {
    const s = suggesties(E, [
      { eindtermId: 'e1', werkprocesId: 'keuzedeel:K0072', status: 'bevestigd' },
      { eindtermId: 'e1', werkprocesId: 'keuzedeel:K0072', status: 'bevestigd' },
      { eindtermId: 'e2', werkprocesId: '25291:B1-K1-W1', status: 'afgewezen' },
      { eindtermId: 'z9', werkprocesId: '25291:B1-K1-W2', status: 'bevestigd' },
    ]);
    expect([...s]).toEqual([['e1', ['keuzedeel:K0072']]]);
  });
});
