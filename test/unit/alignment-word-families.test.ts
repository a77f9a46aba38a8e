/**
 * Issue 12: the aligner meets the forms in which eindtermen ("De kandidaat kan … verzorgen") and werkprocessen
 * ("Verzorgt het haar", "Rondt de opdracht af", "Aanleggen van bekabeling voor … installaties") are written, by general
 * Dutch morphology checked against the corpus vocabulary, and counts thesaurus-related words at a lower weight.
 */
import { describe, expect, it } from 'vitest';
import { Lexicon } from '../../src/domain/text/analyzer.js';
import { Aligner, WordFamilies } from '../../src/domain/matching/alignment.js';

describe('WordFamilies', () => {
  const families = new WordFamilies(new Set(['verzorg', 'stimuler', 'mak', 'aanleg', 'installatie', 'installer', 'afrond', 'rond', 'kas']));

  it('takes a third-person verb at the start of a werkproces title as the verb stem, only towards a known form', () => {
    expect(families.verbStem('verzorgt')).toBe('verzorg');
    expect(families.verbStem('stimuleert')).toBe('stimuler');
    expect(families.verbStem('maakt')).toBe('mak');
    expect(families.verbStem('rondt')).toBe('rond');
    expect(families.verbStem('loopt')).toBeNull();
  });

  it('joins a doubled final consonant, a plural in -s and a noun in -atie with their family, only towards a known form', () => {
    expect(families.familyOf('aanlegg')).toBe('aanleg');
    expect(families.familyOf('installaties')).toBe('installer');
    expect(families.familyOf('installatie')).toBe('installer');
    expect(families.familyOf('kast')).toBe('kast');
    expect(families.familyOf('situatie')).toBe('situatie');
  });
});

describe('Aligner with word families and the thesaurus', () => {
  const lexicon = new Lexicon(['elektrotechnische', 'installaties', 'installatie', 'bekabeling', 'haar', 'verzorgen']);
  const eindtermen = [
    { id: 'e1', code: 'E1', text: 'De kandidaat kan een elektrische installatie aanleggen en bekabelen' },
    { id: 'e2', code: 'E2', text: 'De kandidaat kan de hoofdhuid verzorgen' },
  ];
  const werkprocessen = [
    { id: 'w1', code: 'W1', text: 'Aanleggen van bekabeling voor elektrotechnische installaties' },
    { id: 'w2', code: 'W2', text: 'Verzorgt de hoofdhuid' },
  ];
  const corpus = [...eindtermen, ...werkprocessen, { text: 'Bakt brood' }, { text: 'De kandidaat kan brood bakken' }, { text: 'Maakt een planning' }].map((i) => i.text);

  it('links the pairs whose words differ only in form', () => {
    const aligner = new Aligner({ lexicon, corpus });
    const links = aligner.align(eindtermen, werkprocessen, { min: 'mogelijk' });
    expect(links.map((l) => `${l.eindtermId}-${l.werkprocesId}`)).toEqual(['e1-w1', 'e2-w2']);
    expect(links[0]!.sharedTerms).toEqual(expect.arrayContaining(['installatie', 'elektrische']));
    expect(links[1]!.sharedTerms).toContain('verzorgen');
  });

  it('scores in [0, 1]', () => {
    const aligner = new Aligner({ lexicon, corpus });
    for (const e of eindtermen) for (const w of werkprocessen) {
      const s = aligner.similarity(aligner.vector(e.text), aligner.vector(w.text));
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
  });
});
