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
import { Lexicon, fold, splitCompound, stem, tokenize } from '../text/analyzer.js';
import GENERIEK from './generieke-woorden.json' with { type: 'json' };

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

const GENERIC_FACTOR = (GENERIEK as { factor: number }).factor;
const GENERIC_STEMS: ReadonlySet<string> = new Set((GENERIEK as { woorden: string[] }).woorden.map((w) => stem(fold(w))));

/** A term of one item with the word it came from, for showing it. */
interface TermInfo {
  /** Readable word. */
  surface: string;
  /** For a compound part: the term of the whole word it was split from. */
  partOf: string | null;
}

interface Vector {
  weights: Map<string, number>;
  norm: number;
  info: Map<string, TermInfo>;
}

export function isGenericTerm(term: string): boolean {
  return GENERIC_STEMS.has(term);
}

export class Aligner {
  private readonly lexicon: Lexicon;
  private readonly df = new Map<string, number>();
  private readonly n: number;
  private readonly termCache = new Map<string, Array<{ term: string; info: TermInfo }>>();

  /**
   * @param opts.lexicon the catalogue vocabulary used to split compounds
   * @param opts.corpus texts over which the inverse document frequency is counted (every eindterm and werkproces of
   *   the catalogue); without it, the items of each `align` call are the corpus.
   */
  constructor(opts: { lexicon: Lexicon; corpus?: Iterable<string> }) {
    this.lexicon = opts.lexicon;
    let n = 0;
    for (const text of opts.corpus ?? []) {
      n += 1;
      for (const t of new Set(this.analyse(text).map((a) => a.term))) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    }
    this.n = n;
  }

  /** Terms of a text with compound parts, each with the word it came from. Memoised per text. */
  private analyse(text: string): Array<{ term: string; info: TermInfo }> {
    let out = this.termCache.get(text);
    if (out) return out;
    out = [];
    for (const t of tokenize(text)) {
      if (t.stop || t.folded.length < 2) continue;
      const surface = t.surface === t.surface.toUpperCase() && t.surface.length > 1 ? t.surface : t.surface.toLowerCase();
      out.push({ term: t.term, info: { surface, partOf: null } });
      for (const p of splitCompound(t.folded, this.lexicon)) {
        if (p.length >= 4) out.push({ term: stem(p), info: { surface: p, partOf: t.term } });
      }
    }
    if (this.termCache.size > 50_000) this.termCache.clear();
    this.termCache.set(text, out);
    return out;
  }

  private idf(term: string, localDf: Map<string, number>, localN: number): number {
    if (this.n > 0) {
      const df = this.df.get(term) ?? 0;
      return Math.log(1 + (this.n - df + 0.5) / (df + 0.5));
    }
    const df = localDf.get(term) ?? 0;
    return Math.log(1 + (localN - df + 0.5) / (df + 0.5));
  }

  private vector(text: string, localDf: Map<string, number>, localN: number): Vector {
    const tf = new Map<string, number>();
    const info = new Map<string, TermInfo>();
    for (const a of this.analyse(text)) {
      tf.set(a.term, (tf.get(a.term) ?? 0) + 1);
      // The whole word's form wins over the same term found as a compound part.
      const known = info.get(a.term);
      if (!known || (known.partOf !== null && a.info.partOf === null)) info.set(a.term, a.info);
    }
    const weights = new Map<string, number>();
    let sq = 0;
    for (const [t, f] of tf) {
      const w = (1 + Math.log(f)) * this.idf(t, localDf, localN) * (GENERIC_STEMS.has(t) ? GENERIC_FACTOR : 1);
      if (w <= 0) continue;
      weights.set(t, w);
      sq += w * w;
    }
    return { weights, norm: Math.sqrt(sq), info };
  }

  /**
   * For every eindterm, its best werkprocessen (at most `perEindterm`, default 3), best first, only links of at
   * least confidence `min` (default zwak). Output order: eindtermen in input order, then score.
   */
  align(eindtermen: readonly AlignItem[], werkprocessen: readonly AlignItem[], opts: { perEindterm?: number; min?: Confidence } = {}): AlignmentLink[] {
    const perEindterm = opts.perEindterm ?? 3;
    const min = CONFIDENCE_ORDER[opts.min ?? 'zwak'];
    const localDf = new Map<string, number>();
    if (this.n === 0) {
      for (const item of [...eindtermen, ...werkprocessen]) for (const t of new Set(this.analyse(item.text).map((a) => a.term))) localDf.set(t, (localDf.get(t) ?? 0) + 1);
    }
    const localN = eindtermen.length + werkprocessen.length;
    const wpVectors = werkprocessen.map((w) => this.vector(w.text, localDf, localN));
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
      const ev = this.vector(e.text, localDf, localN);
      if (ev.norm === 0) continue;
      const touched: number[] = [];
      for (const [t, w] of ev.weights) {
        for (const p of postings.get(t) ?? []) {
          if (dot[p.i] === 0) touched.push(p.i);
          dot[p.i] = dot[p.i]! + w * p.w;
        }
      }
      const candidates: AlignmentLink[] = [];
      for (const i of touched) {
        const wv = wpVectors[i]!;
        const score = dot[i]! / (ev.norm * wv.norm);
        dot[i] = 0;
        const shared = sharedTerms(ev, wv);
        const confidence = confidenceOf(score, shared.content);
        if (!confidence || CONFIDENCE_ORDER[confidence] < min) continue;
        candidates.push({ eindtermId: e.id, werkprocesId: werkprocessen[i]!.id, score: round(score), confidence, sharedTerms: shared.readable });
      }
      candidates.sort((a, b) => b.score - a.score || a.werkprocesId.localeCompare(b.werkprocesId));
      out.push(...candidates.slice(0, perEindterm));
    }
    return out;
  }
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/** Shared terms by contribution; `content` counts non-generic terms that are not merely a part of another shared word. */
function sharedTerms(a: Vector, b: Vector): { readable: string[]; content: number } {
  const shared: Array<{ term: string; contribution: number }> = [];
  for (const [t, w] of a.weights) {
    const v = b.weights.get(t);
    if (v !== undefined) shared.push({ term: t, contribution: w * v });
  }
  shared.sort((x, y) => y.contribution - x.contribution || x.term.localeCompare(y.term));
  const sharedSet = new Set(shared.map((s) => s.term));
  const readable: string[] = [];
  let content = 0;
  for (const s of shared) {
    if (GENERIC_STEMS.has(s.term)) continue;
    const info = a.info.get(s.term)!;
    // "lassen" as part of "booglassen" adds nothing when "booglassen" itself is shared.
    if (info.partOf !== null && sharedSet.has(info.partOf)) continue;
    content += 1;
    if (!readable.includes(info.surface)) readable.push(info.surface);
  }
  return { readable, content };
}

export function confidenceOf(score: number, contentTerms: number): Confidence | null {
  if (contentTerms < 1 || score <= 0) return null;
  if (score >= ALIGNMENT_THRESHOLDS.sterk.score && contentTerms >= ALIGNMENT_THRESHOLDS.sterk.sharedTerms) return 'sterk';
  if (score >= ALIGNMENT_THRESHOLDS.mogelijk.score || (score >= ALIGNMENT_THRESHOLDS.mogelijk.scoreWithTwoTerms && contentTerms >= 2)) return 'mogelijk';
  return 'zwak';
}
