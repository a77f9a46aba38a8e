/** The domain thesaurus is data: these tests keep it well-formed and generic. */
import { describe, expect, it } from 'vitest';
import { terms } from '../../src/domain/text/analyzer.js';
import { Thesaurus, type ThesaurusFile } from '../../src/domain/matching/thesaurus.js';
import FILE from '../../src/domain/matching/thesaurus.json' with { type: 'json' };

const file = FILE as ThesaurusFile;

/** Stems of everyday words in keuzevak and werkproces texts: a thesaurus word with one of these stems would
 * tie half the catalogue together ("make-up" stems like "maken"; "eerste hulp" gives the "eerste" of every "Eerste
 * monteur", "social media" the "sociale" of every welzijn text, "openbaar vervoer" the stem "open"). Also the stem of a
 * word that in Dutch names another field: the English "infrastructure" stems as "infrastructuur" (civil works), so
 * in the ICT group it took roads and pipes to the ICT dossiers. */
const GENERIC_STEMS = ['mak', 'werk', 'kandidat', 'uitvoer', 'gebruik', 'kan', 'volgen', 'voer', 'zorg', 'technisch', 'up', 'med', 'eerst', 'social', 'open', 'infrastructur'];

describe('thesaurus.json', () => {
  it('has groups with a subject and at least two words, each of which analyses to terms', () => {
    expect(file.groepen.length).toBeGreaterThan(50);
    for (const g of file.groepen) {
      expect(g.onderwerp.trim(), JSON.stringify(g)).not.toBe('');
      expect(g.woorden.length, g.onderwerp).toBeGreaterThanOrEqual(2);
      for (const w of g.woorden) expect(terms(w).length, `${g.onderwerp}: ${w}`).toBeGreaterThan(0);
    }
  });

  it('holds words, not codes: no keuzevak codes, crebos or keuzedeel codes', () => {
    for (const g of file.groepen) for (const w of g.woorden) expect(w, g.onderwerp).not.toMatch(/\d{3,}|^K\/|^K\d{4}$/);
  });

  it('has no word whose stem is an everyday word of the catalogue texts', () => {
    const offenders = file.groepen.flatMap((g) => g.woorden.filter((w) => terms(w).some((t) => GENERIC_STEMS.includes(t))).map((w) => `${g.onderwerp}: ${w}`));
    expect(offenders).toEqual([]);
  });

  it('relates the words of a group both ways, and never a word to itself', () => {
    const t = Thesaurus.builtIn();
    const [tuin] = terms('tuin');
    const [hovenier] = terms('hovenier');
    expect(t.related(tuin!)).toContain(hovenier);
    expect(t.related(hovenier!)).toContain(tuin);
    expect(t.related(tuin!)).not.toContain(tuin);
  });
});
