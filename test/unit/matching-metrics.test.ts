import { describe, expect, it } from 'vitest';
import { evaluate, ndcgAt, parseJudgments, recallAt, reciprocalRank } from '../../src/domain/matching/metrics.js';
import { TfIdfBaseline } from '../../src/domain/matching/tfidf-baseline.js';

describe('ranking metrics', () => {
  it('count each dossier once, at its first position', () => {
    const ranked = ['a', 'a', 'b', 'c'];
    expect(recallAt(ranked, ['b', 'x'], 2)).toBe(0.5);
    expect(reciprocalRank(ranked, ['c'])).toBeCloseTo(1 / 3);
    expect(reciprocalRank(ranked, ['x'])).toBe(0);
  });
  it('nDCG is 1 for an ideal ranking and lower otherwise', () => {
    expect(ndcgAt(['a', 'b', 'c'], ['a', 'b'], 10)).toBe(1);
    expect(ndcgAt(['c', 'a', 'b'], ['a', 'b'], 10)).toBeLessThan(1);
    expect(ndcgAt([], ['a'], 10)).toBe(0);
  });
  it('parse the judgments file and average over keuzevakken', () => {
    const j = parseJudgments('# header\nK/A/01\t1 2\nK/A/02\t3\n');
    expect(j).toEqual([{ keuzevak: 'K/A/01', relevant: ['1', '2'] }, { keuzevak: 'K/A/02', relevant: ['3'] }]);
    const scores = evaluate(j, (k) => (k === 'K/A/01' ? ['1', '2'] : ['9']));
    expect(scores).toMatchObject({ n: 2, mrr: 0.5, recallAt10: 0.5 });
  });
});

describe('TF-IDF baseline', () => {
  it('ranks the document sharing the rarest words first', () => {
    const b = new TfIdfBaseline([
      { id: 'zorg', text: 'verzorgen van cliënten in de zorg' },
      { id: 'metaal', text: 'lassen en snijden van metaal' },
      { id: 'bouw', text: 'metselen en lassen op de bouw' },
    ]);
    expect(b.rank('lassen van metaal')[0]!.id).toBe('metaal');
    expect(b.rank('onbekend woord')).toEqual([]);
  });
});
