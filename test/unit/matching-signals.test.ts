import { describe, expect, it } from 'vitest';
import { Lexicon } from '../../src/domain/text/analyzer.js';
import { DEFAULT_QUERY_FIELDS, DEFAULT_WEIGHTS, MatchingEngine } from '../../src/domain/matching/engine.js';
import { Thesaurus } from '../../src/domain/matching/thesaurus.js';
import type { DossierText, KeuzevakText } from '../../src/domain/matching/texts.js';

// The optional signals of the engine (issue 17): the reverse name coverage (on by default), pairs, the title-only name
// coverage, the title in the whole text, and the query field weights.
const dossier = (crebo: string, titel: string, domein: string, werkprocessen: string[], kwalificaties: string[] = [titel]): DossierText => ({
  crebo, titel, opleidingsdomein: domein, kwalificaties, kerntaken: [], werkprocessen, plain: '',
});
const keuzevak = (title: string, eindtermen: string[], deeltaken: string[] = [], description = ''): KeuzevakText => ({
  code: 'K/X/01', profielCode: 'X', title, description, deeltaken, eindtermen, plain: '',
});
const noThesaurus = new Thesaurus({ groepen: [] });
const off = { reverseName: 0 };

describe('MatchingEngine optional signals', () => {
  // A garden keuzevak: dossier 1 is named for gardens; dossier 2 mentions gardens in its werkprocessen (and more often).
  const dossiers = [
    dossier('1', 'Hovenier tuinaanleg', 'Voedsel, natuur en leefomgeving', ['Onderhoudt groen'], ['Hovenier tuinaanleg']),
    dossier('2', 'Bouwkunde', 'Bouw en infra', ['Legt een tuin aan bij een woning', 'Maakt een tuin en terras', 'Plaatst schuttingen rond de tuin'], ['Medewerker bouwkunde']),
  ];
  const lexicon = new Lexicon(['tuin', 'aanleg', 'tuinaanleg', 'terras', 'woning']);
  const kv = keuzevak('Tuinaanleg', ['De kandidaat kan een tuin aanleggen', 'De kandidaat kan een terras bij een woning maken']);

  it("the reverse name coverage is on by default and says how much of the keuzevak's title a dossier's names hold", () => {
    expect(DEFAULT_WEIGHTS.reverseName).toBeGreaterThan(0);
    const ranked = new MatchingEngine(dossiers, { lexicon }, { thesaurus: noThesaurus }).rankDossiers(kv);
    const byCrebo = new Map(ranked.map((r) => [r.crebo, r]));
    expect(byCrebo.get('1')!.signals.reverseName).toBeCloseTo(1, 5);
    expect(byCrebo.get('2')!.signals.reverseName).toBe(0);
  });

  it('raises the dossier named for the subject of the title above one that only mentions it', () => {
    const withOut = new MatchingEngine(dossiers, { lexicon }, { thesaurus: noThesaurus, weights: off }).rankDossiers(kv);
    const withIt = new MatchingEngine(dossiers, { lexicon }, { thesaurus: noThesaurus }).rankDossiers(kv);
    const gap = (r: typeof withIt) => r.find((x) => x.crebo === '1')!.score - r.find((x) => x.crebo === '2')!.score;
    expect(gap(withIt)).toBeGreaterThan(gap(withOut));
    expect(withIt[0]!.crebo).toBe('1');
  });

  it('computes the other optional signals only when asked, each in [0, 1], and they do not change the ranking at weight 0', () => {
    const e = new MatchingEngine(dossiers, { lexicon }, { thesaurus: noThesaurus });
    const plain = e.rankDossiers(kv);
    expect(plain[0]!.signals.pairs).toBeUndefined();
    e.allSignals = true;
    const all = e.rankDossiers(kv);
    expect(all.map((r) => [r.crebo, r.score])).toEqual(plain.map((r) => [r.crebo, r.score]));
    for (const r of all) {
      for (const key of ['pairs', 'titleName', 'reverseName', 'titleText'] as const) {
        expect(r.signals[key]).toBeGreaterThanOrEqual(0);
        expect(r.signals[key]).toBeLessThanOrEqual(1 + 1e-9);
      }
    }
    const s = new Map(all.map((r) => [r.crebo, r.signals]));
    // The title's word is in dossier 2's text (its werkprocessen), not in its names.
    expect(s.get('2')!.titleText).toBeGreaterThan(0);
    expect(s.get('1')!.titleName).toBeGreaterThan(0);
  });

  it('the pair signal is the mean over eindtermen of the best cosine with one unit of the dossier', () => {
    const e = new MatchingEngine(dossiers, { lexicon }, { thesaurus: noThesaurus });
    const pairs = e.pairSignal(kv);
    // Dossier 2 has a werkproces for each eindterm; dossier 1 meets only the first one, through its name.
    expect(pairs[1]!).toBeGreaterThan(pairs[0]!);
    expect(pairs[1]!).toBeLessThanOrEqual(1 + 1e-9);
    expect(e.pairSignal(keuzevak('Tuinaanleg', []))[0]).toBe(0);
  });

  it('BM25F (off by default) normalises each field by its own length and ranks by the same shared words', () => {
    const e = new MatchingEngine(dossiers, { lexicon }, { thesaurus: noThesaurus, weights: off });
    expect(e.textMode).toBe('sum');
    const sum = e.rankDossiers(kv);
    e.textMode = 'bm25f';
    const f = e.rankDossiers(kv);
    expect(f.map((r) => r.crebo).sort()).toEqual(sum.map((r) => r.crebo).sort());
    expect(f.every((r) => r.signals.text > 0 && r.signals.text <= 1)).toBe(true);
    const ratio = (r: typeof f) => r.find((x) => x.crebo === '2')!.signals.text / r.find((x) => x.crebo === '1')!.signals.text;
    expect(ratio(f)).not.toBeCloseTo(ratio(sum), 5);
  });

  it('query field weights are replaceable; the eindtermen weighted 0 leave only title, description and deeltaken', () => {
    const e = new MatchingEngine(dossiers, { lexicon }, { thesaurus: noThesaurus });
    expect(e.queryFields).toEqual(DEFAULT_QUERY_FIELDS);
    const withEindtermen = e.queryWeights(kv);
    e.queryFields = { ...DEFAULT_QUERY_FIELDS, eindterm: 0 };
    const without = e.queryWeights(kv);
    expect([...withEindtermen.keys()].length).toBeGreaterThan([...without.keys()].length);
    expect(without.has(lexiconTerm(e, 'terras'))).toBe(false);
  });
});

/** The analysed form of a word as the engine's query holds it. */
function lexiconTerm(e: MatchingEngine, word: string): string {
  const q = e.queryWeights(keuzevak(word, []));
  return [...q.keys()][0]!;
}
