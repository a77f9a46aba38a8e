/**
 * Eindterm ↔ werkproces alignment (issue 5). Pure.
 *
 * Every item (an eindterm of the vmbo, a werkproces of the mbo) becomes a vector of analysed terms: Dutch stems of
 * its words plus the stems of compound parts ("booglassen" also gives "lassen" and "boog"), each weighed by its
 * inverse document frequency over a corpus (normally all eindtermen and werkprocessen of the national catalogue).
 * Words that say little about the content ("kandidaat", "kan", "werkzaamheden": generieke-woorden.json) are weighed
 * down further. Two items are compared by the cosine of their vectors, so the score lies in [0, 1].
 *
 * Confidence bands of a link (absolute: an alignment has no query whose best score could serve as reference):
 * - sterk:    score ≥ 0.35 and at least two shared content terms (not generic, not only a compound part of each other);
 * - mogelijk: score ≥ 0.20, or score ≥ 0.12 with at least two shared content terms;
 * - zwak:     any other positive score with at least one shared content term.
 * A pair that shares only generic words is no link at all.
 */
import type { Lexicon } from '../text/analyzer.js';
import { TermSpace, isGenericTerm, sharedTerms, type DocumentFrequencies, type TermVector } from './term-space.js';

export { isGenericTerm };

export interface AlignItem {
  id: string;
  code: string | null;
  /** Title, optionally followed by a description. */
  text: string;
}

export type Confidence = 'sterk' | 'mogelijk' | 'zwak';

export interface AlignmentLink {
  eindtermId: string;
  werkprocesId: string;
  /** Cosine similarity of the weighted term vectors, 0..1. */
  score: number;
  confidence: Confidence;
  /** Shared words in readable form (as written in the eindterm), most telling first. */
  sharedTerms: string[];
}

export const CONFIDENCE_ORDER: Record<Confidence, number> = { sterk: 3, mogelijk: 2, zwak: 1 };

export const ALIGNMENT_THRESHOLDS = {
  sterk: { score: 0.35, sharedTerms: 2 },
  mogelijk: { score: 0.2, scoreWithTwoTerms: 0.12 },
} as const;

export class Aligner {
  readonly space: TermSpace;

  /**
   * @param opts.lexicon the catalogue vocabulary used to split compounds
   * @param opts.corpus texts over which the inverse document frequency is counted (every eindterm and werkproces of
   *   the catalogue); without it, the items of each `align` call are the corpus.
   */
  constructor(opts: { lexicon: Lexicon; corpus?: Iterable<string>; analysisOf?: TermSpace } | { space: TermSpace }) {
    this.space = 'space' in opts ? opts.space : new TermSpace(opts);
  }

  /**
   * For every eindterm, its best werkprocessen (at most `perEindterm`, default 3), best first, only links of at
   * least confidence `min` (default zwak). Output order: eindtermen in input order, then score.
   */
  align(eindtermen: readonly AlignItem[], werkprocessen: readonly AlignItem[], opts: { perEindterm?: number; min?: Confidence } = {}): AlignmentLink[] {
    const perEindterm = opts.perEindterm ?? 3;
    const min = CONFIDENCE_ORDER[opts.min ?? 'zwak'];
    const stats: DocumentFrequencies = this.space.stats.n > 0 ? this.space.stats : this.space.frequencies([...eindtermen, ...werkprocessen].map((i) => i.text));
    const wpVectors: TermVector[] = werkprocessen.map((w) => this.space.vector(w.text, stats));
    // Inverted index over the werkprocessen: only pairs that share a term are scored.
    const postings = new Map<string, Array<{ i: number; w: number }>>();
    wpVectors.forEach((v, i) => {
      for (const [t, w] of v.weights) {
        const list = postings.get(t);
        if (list) list.push({ i, w });
        else postings.set(t, [{ i, w }]);
      }
    });
    const out: AlignmentLink[] = [];
    const dot = new Float64Array(werkprocessen.length);
    for (const e of eindtermen) {
      const ev = this.space.vector(e.text, stats);
      if (ev.norm === 0) continue;
      const touched: number[] = [];
      for (const [t, w] of ev.weights) {
        for (const p of postings.get(t) ?? []) {
          if (dot[p.i] === 0) touched.push(p.i);
          dot[p.i] = dot[p.i]! + w * p.w;
        }
      }
      const scored = touched.map((i) => {
        const score = round(dot[i]! / (ev.norm * wpVectors[i]!.norm));
        dot[i] = 0;
        return { i, score };
      });
      scored.sort((a, b) => b.score - a.score || werkprocessen[a.i]!.id.localeCompare(werkprocessen[b.i]!.id));
      // Shared terms (and so the band) only for the best candidates, until perEindterm links are found.
      let found = 0;
      for (const { i, score } of scored) {
        if (found >= perEindterm) break;
        const shared = sharedTerms(ev, wpVectors[i]!);
        const confidence = confidenceOf(score, shared.content);
        if (!confidence || CONFIDENCE_ORDER[confidence] < min) continue;
        out.push({ eindtermId: e.id, werkprocesId: werkprocessen[i]!.id, score, confidence, sharedTerms: shared.readable });
        found += 1;
      }
    }
    return out;
  }
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

export function confidenceOf(score: number, contentTerms: number): Confidence | null {
  if (contentTerms < 1 || score <= 0) return null;
  if (score >= ALIGNMENT_THRESHOLDS.sterk.score && contentTerms >= ALIGNMENT_THRESHOLDS.sterk.sharedTerms) return 'sterk';
  if (score >= ALIGNMENT_THRESHOLDS.mogelijk.score || (score >= ALIGNMENT_THRESHOLDS.mogelijk.scoreWithTwoTerms && contentTerms >= 2)) return 'mogelijk';
  return 'zwak';
}
