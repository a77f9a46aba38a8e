/**
 * Weighted term vectors for explaining and aligning texts (issue 5). Pure.
 *
 * A text becomes its analysed terms: Dutch stems of its words plus the stems of compound parts ("booglassen" also
 * gives "lassen" and "boog", split with the catalogue's lexicon), each weighed by (1 + log tf) × idf over a corpus,
 * and words that say little about content (generieke-woorden.json: "kandidaat", "kan", "werkzaamheden") weighed
 * down. Each term keeps the word it came from, so shared terms can be shown as words a teacher reads, not stems.
 */
import { Lexicon, fold, splitCompound, stem, tokenize } from '../text/analyzer.js';
import { DUTCH_STOP_WORDS } from '../text/stopwords-nl.js';
import GENERIEK from './generieke-woorden.json' with { type: 'json' };

const GENERIC_FACTOR = (GENERIEK as { factor: number }).factor;
const GENERIC_STEMS: ReadonlySet<string> = new Set((GENERIEK as { woorden: string[] }).woorden.map((w) => stem(fold(w))));

/** A term that says little about content (its weight is multiplied by the factor in generieke-woorden.json). */
export function isGenericTerm(term: string): boolean {
  return GENERIC_STEMS.has(term);
}

/** The word a term came from, for showing it. */
export interface TermInfo {
  /** The whole word as written, lower case (an abbreviation in capitals stays as written); for a part, its word. */
  surface: string;
  /** For a compound part: the term of the whole word it was split from. */
  partOf: string | null;
}

export interface TermVector {
  weights: Map<string, number>;
  norm: number;
  info: Map<string, TermInfo>;
}

export interface DocumentFrequencies {
  df: Map<string, number>;
  n: number;
}

export class TermSpace {
  readonly lexicon: Lexicon;
  readonly stats: DocumentFrequencies;
  private readonly cache: Map<string, Array<{ term: string; info: TermInfo }>>;
  private readonly partCache: Map<string, Array<{ term: string }>>;
  private readonly vectors = new Map<string, TermVector>();

  /**
   * `corpus`: the texts over which document frequencies are counted (may be empty: then every term has the same idf).
   * `analysisOf`: another space with the same lexicon whose analysed texts and words this one may reuse.
   */
  constructor(opts: { lexicon: Lexicon; corpus?: Iterable<string>; analysisOf?: TermSpace }) {
    this.lexicon = opts.lexicon;
    const shared = opts.analysisOf && opts.analysisOf.lexicon === opts.lexicon ? opts.analysisOf : null;
    this.cache = shared ? shared.cache : new Map();
    this.partCache = shared ? shared.partCache : new Map();
    this.stats = this.frequencies(opts.corpus ?? []);
  }

  /** Document frequencies of a set of texts, analysed as this space does. */
  frequencies(texts: Iterable<string>): DocumentFrequencies {
    const df = new Map<string, number>();
    let n = 0;
    for (const text of texts) {
      n += 1;
      for (const t of new Set(this.analyse(text).map((a) => a.term))) df.set(t, (df.get(t) ?? 0) + 1);
    }
    return { df, n };
  }

  /** Terms of a text with compound parts, each with the word it came from, in text order. Memoised per text. */
  analyse(text: string): Array<{ term: string; info: TermInfo }> {
    let out = this.cache.get(text);
    if (out) return out;
    out = [];
    for (const t of tokenize(text)) {
      if (t.stop || t.folded.length < 3) continue;
      const surface = t.surface.length > 1 && t.surface === t.surface.toUpperCase() && /\p{L}/u.test(t.surface) ? t.surface : t.surface.toLowerCase();
      out.push({ term: t.term, info: { surface, partOf: null } });
      // A part is shown as the whole word it stands in ("booglassen" for "lassen"): words as they appear in the text.
      for (const p of this.parts(t.folded)) out.push({ term: p.term, info: { surface, partOf: t.term } });
    }
    if (this.cache.size > 100_000) this.cache.clear();
    this.cache.set(text, out);
    return out;
  }

  /**
   * Compound parts of a folded word worth a term of their own (four letters or more), memoised per word. The strict
   * split: a wrong part does harm here ("installeren" is no "instal" + "leren").
   */
  private parts(folded: string): Array<{ term: string }> {
    let parts = this.partCache.get(folded);
    if (!parts) {
      parts = splitCompound(folded, this.lexicon, 3, 4, true)
        .filter((p) => p.length >= 4 && !DUTCH_STOP_WORDS.has(p))
        .map((p) => ({ term: stem(p) }));
      if (this.partCache.size > 200_000) this.partCache.clear();
      this.partCache.set(folded, parts);
    }
    return parts;
  }

  idf(term: string, stats: DocumentFrequencies = this.stats): number {
    const df = stats.df.get(term) ?? 0;
    return Math.log(1 + (stats.n - df + 0.5) / (df + 0.5));
  }

  /** The weighted vector of one or more texts (joined as one document). */
  vector(texts: string | readonly string[], stats: DocumentFrequencies = this.stats): TermVector {
    // Vectors of single texts over the space's own corpus are kept (treat them as read-only).
    const cacheable = typeof texts === 'string' && stats === this.stats;
    if (cacheable) {
      const known = this.vectors.get(texts);
      if (known) return known;
    }
    const tf = new Map<string, number>();
    const info = new Map<string, TermInfo>();
    for (const text of typeof texts === 'string' ? [texts] : texts) {
      for (const a of this.analyse(text)) {
        tf.set(a.term, (tf.get(a.term) ?? 0) + 1);
        // The whole word's form wins over the same term found as a compound part.
        const known = info.get(a.term);
        if (!known || (known.partOf !== null && a.info.partOf === null)) info.set(a.term, a.info);
      }
    }
    const weights = new Map<string, number>();
    let sq = 0;
    for (const [t, f] of tf) {
      const w = (1 + Math.log(f)) * this.idf(t, stats) * (GENERIC_STEMS.has(t) ? GENERIC_FACTOR : 1);
      if (w <= 0) continue;
      weights.set(t, w);
      sq += w * w;
    }
    const vector = { weights, norm: Math.sqrt(sq), info };
    if (cacheable) {
      if (this.vectors.size > 100_000) this.vectors.clear();
      this.vectors.set(texts, vector);
    }
    return vector;
  }
}

/** Cosine similarity of two vectors, 0..1. */
export function cosine(a: TermVector, b: TermVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small.weights) {
    const v = large.weights.get(t);
    if (v !== undefined) dot += w * v;
  }
  return dot / (a.norm * b.norm);
}

export interface SharedTerms {
  /** Readable words (as written in `a`), most telling first, without generic words. */
  readable: string[];
  /** The analysed terms behind `readable`, same order (for highlighting). */
  terms: string[];
  /** Number of shared content terms: not generic, and not merely a compound part of another shared word. */
  content: number;
}

/** The terms two vectors share, by their contribution to the similarity. */
export function sharedTerms(a: TermVector, b: TermVector, max = Infinity): SharedTerms {
  const shared: Array<{ term: string; contribution: number }> = [];
  for (const [t, w] of a.weights) {
    const v = b.weights.get(t);
    if (v !== undefined) shared.push({ term: t, contribution: w * v });
  }
  shared.sort((x, y) => y.contribution - x.contribution || x.term.localeCompare(y.term));
  const sharedSet = new Set(shared.map((s) => s.term));
  const readable: string[] = [];
  const terms: string[] = [];
  let content = 0;
  for (const s of shared) {
    if (GENERIC_STEMS.has(s.term)) continue;
    const info = a.info.get(s.term)!;
    // "lassen" as part of "booglassen" adds nothing when "booglassen" itself is shared.
    if (info.partOf !== null && sharedSet.has(info.partOf)) continue;
    content += 1;
    if (readable.length < max && !readable.includes(info.surface)) {
      readable.push(info.surface);
      terms.push(s.term);
    }
  }
  return { readable, terms, content };
}
