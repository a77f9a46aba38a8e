import { describe, expect, it } from 'vitest';
import { Lexicon } from '../../src/domain/text/analyzer.js';
import { Aligner, confidenceOf, isGenericTerm, type AlignItem } from '../../src/domain/matching/alignment.js';

const item = (id: string, text: string, code: string | null = id): AlignItem => ({ id, code, text });

const lexicon = new Lexicon(['lassen', 'booglassen', 'plaatmateriaal', 'constructies', 'metselwerk', 'metselen', 'muren', 'boog', 'verzorgen', 'maaltijden', 'cliënten', 'opvang', 'kinderopvang', 'kinderen']);

const werkprocessen = [
  item('wp-las', 'Last constructies met booglassen'),
  item('wp-plaat', 'Bewerkt plaatmateriaal en zet constructies in elkaar'),
  item('wp-zorg', 'Ondersteunt cliënten bij maaltijden'),
  item('wp-metsel', 'Metselt muren en voert metselwerk uit'),
  item('wp-kind', 'Begeleidt kinderen in de kinderopvang'),
];
const eindtermen = [
  item('et-las', 'De kandidaat kan constructies lassen met booglassen'),
  item('et-zorg', 'De kandidaat kan cliënten helpen bij de maaltijden'),
  item('et-niets', 'De kandidaat kan werkzaamheden uitvoeren volgens opdracht'),
  item('et-opvang', 'De kandidaat kan de opvang van kinderen regelen'),
];
const corpus = [...werkprocessen, ...eindtermen].map((i) => i.text);

describe('Aligner', () => {
  const aligner = new Aligner({ lexicon, corpus });

  it('links an eindterm to the werkprocessen that share its content words, best first', () => {
    const links = aligner.align(eindtermen, werkprocessen).filter((l) => l.eindtermId === 'et-las');
    expect(links.map((l) => l.werkprocesId)[0]).toBe('wp-las');
    expect(links.map((l) => l.werkprocesId)).not.toContain('wp-zorg');
    expect(links[0]!.confidence).toBe('sterk');
    for (let i = 1; i < links.length; i += 1) expect(links[i]!.score).toBeLessThanOrEqual(links[i - 1]!.score);
    expect(links[0]!.score).toBeGreaterThan(0);
    expect(links[0]!.score).toBeLessThanOrEqual(1);
  });

  it('shows shared terms as readable words, not stems, and leaves out generic words', () => {
    const link = aligner.align(eindtermen, werkprocessen).find((l) => l.eindtermId === 'et-las' && l.werkprocesId === 'wp-las')!;
    expect(link.sharedTerms).toContain('booglassen');
    expect(link.sharedTerms).toContain('constructies');
    expect(link.sharedTerms).not.toContain('kandidaat');
    // "lassen" is a part of the shared "booglassen" and the eindterm's own word "lassen": shown once.
    expect(new Set(link.sharedTerms).size).toBe(link.sharedTerms.length);
    expect(link.sharedTerms.every((t) => !t.endsWith('lass'))).toBe(true);
  });

  it('matches compound parts: "kinderopvang" shares "opvang" with an eindterm', () => {
    const links = aligner.align(eindtermen, werkprocessen).filter((l) => l.eindtermId === 'et-opvang');
    expect(links[0]?.werkprocesId).toBe('wp-kind');
    expect(links[0]!.sharedTerms).toEqual(expect.arrayContaining(['kinderen', 'opvang']));
  });

  it('makes no link from generic words alone ("kandidaat", "kan", "werkzaamheden", "uitvoeren")', () => {
    expect(isGenericTerm('kandidat')).toBe(true);
    const links = aligner.align(eindtermen, werkprocessen).filter((l) => l.eindtermId === 'et-niets');
    expect(links).toEqual([]);
  });

  it('honours perEindterm and the minimum confidence', () => {
    const all = aligner.align(eindtermen, werkprocessen, { perEindterm: 10 });
    const one = aligner.align(eindtermen, werkprocessen, { perEindterm: 1 });
    expect(one.filter((l) => l.eindtermId === 'et-las')).toHaveLength(1);
    expect(all.filter((l) => l.eindtermId === 'et-las').length).toBeGreaterThan(1);
    const strong = aligner.align(eindtermen, werkprocessen, { perEindterm: 10, min: 'sterk' });
    expect(strong.length).toBeGreaterThan(0);
    expect(strong.every((l) => l.confidence === 'sterk')).toBe(true);
    expect(strong.length).toBeLessThan(all.length);
  });

  it('works without a corpus (idf over the items themselves)', () => {
    const links = new Aligner({ lexicon }).align(eindtermen, werkprocessen);
    expect(links.find((l) => l.eindtermId === 'et-zorg')?.werkprocesId).toBe('wp-zorg');
  });

  it('bands confidence by score and shared content terms', () => {
    expect(confidenceOf(0.5, 2)).toBe('sterk');
    expect(confidenceOf(0.5, 1)).toBe('mogelijk');
    expect(confidenceOf(0.1, 2)).toBe('mogelijk');
    expect(confidenceOf(0.1, 1)).toBe('zwak');
    expect(confidenceOf(0.15, 1)).toBe('mogelijk');
    expect(confidenceOf(0.9, 0)).toBeNull();
  });

  it('aligns 1000 eindtermen with 60 werkprocessen, at most perEindterm each', () => {
    const words = ['lassen', 'metselen', 'verzorgen', 'plaatmateriaal', 'constructies', 'muren', 'maaltijden', 'kinderen', 'opvang', 'boog', 'hout', 'zagen', 'schilderen', 'koken', 'bakken', 'meten'];
    const pick = (i: number, n: number) => Array.from({ length: n }, (_, j) => words[(i * 7 + j * 3) % words.length]).join(' ');
    const many = Array.from({ length: 1000 }, (_, i) => item(`e${i}`, `De kandidaat kan ${pick(i, 6)} en ${pick(i + 1, 4)}`));
    const wps = Array.from({ length: 60 }, (_, i) => item(`w${i}`, `Voert ${pick(i, 5)} uit`));
    const big = new Aligner({ lexicon, corpus: [...many, ...wps].map((i) => i.text) });
    const links = big.align(many, wps);
    expect(links.length).toBeGreaterThan(1000);
    const perEindterm = new Map<string, number>();
    for (const l of links) perEindterm.set(l.eindtermId, (perEindterm.get(l.eindtermId) ?? 0) + 1);
    expect(Math.max(...perEindterm.values())).toBe(3);
  });
});
