/**
 * Issue 16: where the source names no successor of a vervallen item, the zoekmonitor's best match in the new release
 * is offered as a suggestion (never applied without a person choosing it). The match is the zoekmonitor's own
 * eindterm ↔ werkproces aligner (`Aligner` in src/domain/matching/alignment.ts): Dutch stems with compound parts, word
 * families, the domain thesaurus at half weight, generic words weighed down, cosine of idf-weighted vectors, and its
 * confidence bands. A suggestion needs at least the band `mogelijk`; below that there is none.
 *
 * One aligner per import for all questions together (its vocabulary and idf over the old texts and the candidates),
 * so the cost is one pass over those texts plus one comparison per candidate. Pure.
 */
import { Aligner, CONFIDENCE_ORDER, type Confidence } from '../matching/alignment.js';
import { Lexicon, vocabulary } from '../text/analyzer.js';

export interface SuggestieVraag {
  /** The vervallen item. */
  id: string;
  /** Its last text. */
  tekst: string;
  /** Items of the new release it may have become (e.g. the eindtermen of the same deeltaak). */
  kandidaten: ReadonlyArray<{ id: string; tekst: string }>;
}

export interface Suggestie {
  id: string;
  score: number;
  confidence: Confidence;
}

/** The best candidate per question (by the aligner's score), at least `min` (default mogelijk); ids without one are left out. */
export function zoekmonitorSuggesties(vragen: readonly SuggestieVraag[], opts: { min?: Confidence } = {}): Map<string, Suggestie> {
  const out = new Map<string, Suggestie>();
  const open = vragen.filter((v) => v.tekst.trim() !== '' && v.kandidaten.length > 0);
  if (open.length === 0) return out;
  const texts = new Set<string>();
  for (const v of open) {
    texts.add(v.tekst);
    for (const k of v.kandidaten) texts.add(k.tekst);
  }
  const lexicon = new Lexicon(vocabulary(texts).keys());
  const aligner = new Aligner({ lexicon, corpus: texts });
  const min = opts.min ?? 'mogelijk';
  for (const v of open) {
    const [best] = aligner.align(
      [{ id: v.id, code: null, text: v.tekst }],
      v.kandidaten.map((k) => ({ id: k.id, code: null, text: k.tekst })),
      { perEindterm: 1, min },
    );
    if (best && CONFIDENCE_ORDER[best.confidence] >= CONFIDENCE_ORDER[min]) out.set(v.id, { id: best.werkprocesId, score: best.score, confidence: best.confidence });
  }
  return out;
}
