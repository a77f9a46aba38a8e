import { describe, expect, it } from 'vitest';
import * as analyzer from '../../src/domain/text/analyzer.js';
import { fold, highlight, queryTerms, snippet, stem, terms, tokenize } from '../../src/domain/text/analyzer.js';

describe('fold', () => {
  it('lowercases and removes diacritics', () => {
    expect(fold('Coördinatie')).toBe('coordinatie');
    expect(fold('ÉÉN café')).toBe('een cafe');
    expect(fold('Ĳssel')).toBe('ijssel');
  });
});

describe('tokenize', () => {
  it('keeps offsets into the original text', () => {
    const text = 'De kandidaat kan lassen (MIG/MAG).';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.surface);
    expect(tokenize(text).map((t) => t.folded)).toEqual(['de', 'kandidaat', 'kan', 'lassen', 'mig', 'mag']);
  });
  it('splits on hyphens and slashes and keeps apostrophe words together', () => {
    expect(tokenize("uit- en verkoop, auto's K/PIE/16").map((t) => t.folded)).toEqual([
      'uit', 'en', 'verkoop', 'autos', 'k', 'pie', '16',
    ]);
  });
  it('marks Dutch stop words', () => {
    expect(tokenize('de en het lassen').filter((t) => t.stop).map((t) => t.folded)).toEqual(['de', 'en', 'het']);
  });
});

describe('stem', () => {
  it('brings Dutch inflections together', () => {
    expect(stem('lassen')).toBe(stem('lassen'));
    expect(stem(fold('klantgerichte'))).toBe(stem('klantgericht'));
    expect(stem('onderhouden')).toBe(stem('onderhoud'));
    expect(stem('bakken')).toBe(stem('bak'));
  });
  it('leaves numbers and very short words alone', () => {
    expect(stem('16')).toBe('16');
    expect(stem('ab')).toBe('ab');
  });
});

describe('terms and queryTerms', () => {
  it('drops stop words and stems', () => {
    expect(terms('De kandidaat kan klantgericht werken')).toEqual([stem('kandidaat'), stem('klantgericht'), stem('werken')]);
  });
  it('is insensitive to case and accents', () => {
    expect(queryTerms('KINDEROPVANG')).toEqual(queryTerms('kinderopvang'));
    expect(queryTerms('Coördineren')).toEqual(queryTerms('coordineren'));
  });
  it('deduplicates and keeps stop words only when nothing else is left', () => {
    expect(queryTerms('lassen en lassen')).toEqual([stem('lassen')]);
    expect(queryTerms('de')).toEqual(['de']);
  });
});

describe('highlight', () => {
  it('marks every inflected form of the query words and preserves the text', () => {
    const text = 'Klantgerichte houding: de kandidaat werkt klantgericht.';
    const parts = highlight(text, queryTerms('klantgericht'));
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['Klantgerichte', 'klantgericht']);
  });
  it('supports prefixes for incomplete words', () => {
    const parts = highlight('Werken in de kinderopvang', [], ['kinderop']);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['kinderopvang']);
  });
  it('does not mark stop words unless asked for', () => {
    expect(highlight('de las', queryTerms('las')).filter((p) => p.mark).map((p) => p.text)).toEqual(['las']);
  });
});

describe('snippet', () => {
  it('cuts long text around the first match with ellipses', () => {
    const long = `${'Inleidende woorden zonder betekenis. '.repeat(10)}Hier gaat het om lassen van staal. ${'Nog meer tekst. '.repeat(10)}`;
    const parts = snippet(long, queryTerms('lassen'), [], 80);
    const text = parts.map((p) => p.text).join('');
    expect(text.startsWith('… ')).toBe(true);
    expect(text.endsWith(' …')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(90);
    expect(parts.some((p) => p.mark && p.text === 'lassen')).toBe(true);
  });
  it('returns short text whole', () => {
    expect(snippet('Booglassen', queryTerms('booglassen')).map((p) => p.text).join('')).toBe('Booglassen');
  });
});

describe('splitCompound', () => {
  const lexicon = new analyzer.Lexicon([
    'lassen', 'opvangen', 'regels', 'veiligheid', 'techniek', 'processen', 'kinderen', 'installaties',
    'booglassen', 'booglasprocessen', 'gevarenklassen', 'hechten',
  ]);
  const { splitCompound } = analyzer;
  it('splits head-final compounds on a known tail', () => {
    expect(splitCompound('booglassen', lexicon)).toEqual(['boog', 'lassen']);
    expect(splitCompound('installatietechniek', lexicon)).toEqual(['installatie', 'techniek']);
    expect(splitCompound('hechtlassen', lexicon)).toEqual(['hecht', 'lassen']);
  });
  it('accepts a tail that shares the stem of a known word', () => {
    expect(splitCompound('kinderopvang', lexicon)).toEqual(['kinder', 'opvang']);
  });
  it('takes the longest known tail and removes a linking s', () => {
    expect(splitCompound('booglasprocessen', lexicon)).toEqual(['booglas', 'processen']);
    expect(splitCompound('veiligheidsregels', lexicon)).toEqual(['veiligheid', 'regels']);
  });
  it('needs a head that begins another known word', () => {
    expect(splitCompound('gevarenklassen', lexicon)).toEqual([]);
  });
  it('leaves words without a known tail alone', () => {
    expect(splitCompound('lassen', lexicon)).toEqual([]);
    expect(splitCompound('kapper', lexicon)).toEqual([]);
  });
  it('adds the parts to the index terms', () => {
    expect(analyzer.termsWithCompounds('Praktisch booglassen', lexicon)).toEqual([stem('praktisch'), stem('booglassen'), stem('boog'), stem('lassen')]);
  });
});

describe('splitCompound, strict heads (matching)', () => {
  const lexicon = new analyzer.Lexicon([
    'lassen', 'leren', 'controle', 'controleren', 'luchten', 'ontluchten', 'vangen', 'vervangen', 'werkzaam', 'heden',
    'werkzaamheden', 'tuinen', 'ontwerp', 'kinderen', 'opvangen', 'daken', 'goten', 'booglassen', 'booglasprocessen', 'processen',
  ]);
  const strict = (w: string) => analyzer.splitCompound(w, lexicon, 3, 4, true);
  it('splits on a head that is a word, also with a linking -en- or a doubled consonant', () => {
    expect(strict('tuinontwerp')).toEqual(['tuin', 'ontwerp']);
    expect(strict('kinderopvang')).toEqual(['kinder', 'opvang']);
    expect(strict('dakgoten')).toEqual(['dak', 'goten']);
    expect(strict('lasprocessen')).toEqual(['las', 'processen']);
  });
  it('keeps a longer head that begins other words when no longer word is a prefix of the compound', () => {
    expect(strict('booglassen')).toEqual(['boog', 'lassen']);
  });
  it('with a head that is no word, wants a tail the lexicon has as a word, not only its stem', () => {
    const words = new analyzer.Lexicon(['stem', 'systeem', 'remsystemen', 'leveren', 'aanleggen', 'veren', 'lassen', 'boogschieten']);
    // "steem" has the stem of "stem" (the stemmer undoubles the vowel), but is no word: no "remsy" + "steem".
    expect(analyzer.splitCompound('remsysteem', words, 3, 4, true)).toEqual([]);
    // A tail that is a word still splits off an unknown head ("boog" begins "boogschieten").
    expect(analyzer.splitCompound('booglassen', words, 3, 4, true)).toEqual(['boog', 'lassen']);
  });
  it('does not cut inside a known word, after a verb prefix, or before a suffix', () => {
    expect(strict('controleren')).toEqual([]);
    expect(strict('ontluchten')).toEqual([]);
    expect(strict('vervangen')).toEqual([]);
    expect(strict('werkzaamheden')).toEqual([]);
  });
  it('is only used when asked: search keeps the lenient rule', () => {
    expect(analyzer.splitCompound('controleren', lexicon)).toEqual(['contro', 'leren']);
    expect(analyzer.termsWithCompounds('controleren', lexicon, { strictHeads: true })).toEqual([stem('controleren')]);
  });
});
