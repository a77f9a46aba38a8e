/** Issue 17: teachers' evidence as a bounded score adjustment, and the cross-validation folds split by profiel. */
import { describe, expect, it } from 'vitest';
import { applyEvidence, bewijsUitleg, EVIDENCE, evidenceFactor, strength, transferStrengths, type Bewijs } from '../../src/domain/matching/evidence.js';
import { foldsByProfiel, halvesByProfiel, meanAndSpread } from '../../src/domain/matching/metrics.js';

const b = (x: Partial<Bewijs>): Bewijs => ({ bevestigd: 0, afgewezen: 0, voor: 0, tegen: 0, ...x });

describe('evidence → score', () => {
  it('strength grows with confirmations, shrinks with rejections, and stays within (−1, 1)', () => {
    expect(strength(b({}))).toBe(0);
    expect(strength(b({ bevestigd: 1 }))).toBeCloseTo(0.5);
    expect(strength(b({ bevestigd: 3 }))).toBeCloseTo(0.75);
    expect(strength(b({ afgewezen: 1 }))).toBeCloseTo(-0.5);
    expect(strength(b({ voor: 2 }))).toBeCloseTo(strength(b({ bevestigd: 1 })));
    expect(strength(b({ bevestigd: 1, afgewezen: 1 }))).toBe(0);
    expect(strength(b({ bevestigd: 1000 }))).toBeLessThan(1);
    expect(strength(b({ tegen: 1000 }))).toBeGreaterThan(-1);
  });

  it('the factor is bounded, so evidence cannot swamp what the texts say', () => {
    expect(evidenceFactor(0, 0)).toBe(1);
    expect(evidenceFactor(0.999, 0.999)).toBeLessThanOrEqual(EVIDENCE.maxFactor);
    expect(evidenceFactor(-0.999, -0.999)).toBeGreaterThanOrEqual(EVIDENCE.minFactor);
    expect(EVIDENCE.minFactor).toBeGreaterThan(0);
  });

  it('re-ranks: a confirmed result rises, a rejected one falls, a result without text support (score 0) stays at 0', () => {
    const ranked = [
      { key: 'a', score: 1 },
      { key: 'b', score: 0.8 },
      { key: 'c', score: 0 },
    ];
    const own = new Map([
      ['a', b({ tegen: 2 })],
      ['b', b({ bevestigd: 1 })],
      ['c', b({ bevestigd: 50 })],
    ]);
    const out = applyEvidence(ranked, own, undefined);
    expect(out.map((r) => r.key)).toEqual(['b', 'a', 'c']);
    expect(out.find((r) => r.key === 'c')!.score).toBe(0);
    expect(applyEvidence(ranked, undefined, undefined).map((r) => r.score)).toEqual([1, 0.8, 0]);
  });

  it('transfers from similar units only, weighted by similarity and damped', () => {
    const ev = new Map([['d1', b({ bevestigd: 1 })]]);
    expect(transferStrengths([{ similarity: EVIDENCE.minSimilarity / 2, evidence: ev }]).size).toBe(0);
    const near = transferStrengths([{ similarity: 0.9, evidence: ev }]).get('d1')!;
    const far = transferStrengths([{ similarity: 0.2, evidence: ev }]).get('d1')!;
    expect(near).toBeGreaterThan(far);
    expect(near).toBeLessThan(strength(ev.get('d1')!));
    const mixed = transferStrengths([
      { similarity: 0.8, evidence: ev },
      { similarity: 0.8, evidence: new Map([['d1', b({ afgewezen: 1 })]]) },
    ]);
    expect(mixed.get('d1')).toBeCloseTo(0);
  });

  it('says in words what teachers said', () => {
    expect(bewijsUitleg(undefined)).toBeNull();
    expect(bewijsUitleg(b({ bevestigd: 3 }))).toBe('Bevestigd door 3 samenwerkingen; dat telt mee in de rangschikking.');
    expect(bewijsUitleg(b({ afgewezen: 1 }))).toContain('Door docenten afgewezen in 1 samenwerking');
    expect(bewijsUitleg(b({ voor: 1, tegen: 2 }))).toBe('Nuttig gevonden door 1 docent, door 2 docenten afgewezen als niet passend; dat telt mee in de rangschikking.');
  });
});

describe('cross-validation folds', () => {
  const judgments = ['A1', 'A2', 'A3', 'B1', 'B2', 'C1', 'C2', 'D1', 'E1', 'E2', 'F1'].map((k) => ({ keuzevak: k, relevant: ['x'] }));
  const profielOf = (k: string) => k[0]!;

  it('puts every profiel in exactly one fold, every judgment once, the folds balanced', () => {
    const folds = foldsByProfiel(judgments, profielOf, 3);
    expect(folds).toHaveLength(3);
    expect(folds.flat().map((j) => j.keuzevak).sort()).toEqual(judgments.map((j) => j.keuzevak).sort());
    const foldOf = new Map<string, number>();
    folds.forEach((f, i) => f.forEach((j) => {
      const p = profielOf(j.keuzevak);
      expect(foldOf.get(p) ?? i).toBe(i);
      foldOf.set(p, i);
    }));
    const sizes = folds.map((f) => f.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(foldsByProfiel(judgments, profielOf, 3)).toEqual(folds);
  });

  it('never makes more folds than profielen', () => {
    expect(foldsByProfiel(judgments.slice(0, 3), profielOf, 5)).toHaveLength(1);
  });

  it('halves alternate within each profiel', () => {
    const [a, b2] = halvesByProfiel(judgments, profielOf);
    expect(a.map((j) => j.keuzevak)).toEqual(['A1', 'A3', 'B1', 'C1', 'D1', 'E1', 'F1']);
    expect(b2.map((j) => j.keuzevak)).toEqual(['A2', 'B2', 'C2', 'E2']);
  });

  it('mean and spread', () => {
    expect(meanAndSpread([1, 3])).toEqual({ mean: 2, sd: Math.SQRT2 });
    expect(meanAndSpread([])).toEqual({ mean: 0, sd: 0 });
  });
});
