/**
 * Eindterm ↔ werkproces alignment (issue 5). Pure.
 *
 * Every item (an eindterm of the vmbo, a werkproces of the mbo) becomes a vector of analysed terms: Dutch stems of
 * its words plus the stems of compound parts ("booglassen" also gives "lassen" and "boog"), each weighed by its
 * inverse document frequency over a corpus (normally all eindtermen and werkprocessen of the national catalogue).
 * Words that say little about the content ("kandidaat", "kan", "werkzaamheden": generieke-woorden.json) are weighed
 * down further. Words are taken in the form of their word family, so that a werkproces title's "Verzorgt" meets an
 * eindterm's "verzorgen" and "installaties" meets "installatie" (`WordFamilies`), and a word of the domain thesaurus
 * counts at half weight for a related word ("elektrische" for "elektrotechnische"). Two items are compared by the
 * cosine of their vectors, so the score lies in [0, 1].
 *
 * Confidence bands of a link (absolute: an alignment has no query whose best score could serve as reference):
 * - sterk:    score ≥ 0.35 and at least two shared content terms (not generic, not only a compound part of each other);
 * - mogelijk: score ≥ 0.15, or score ≥ 0.08 with at least two shared content terms (chosen on the judged pairs of
 *   test/fixtures/aligner-judged.tsv, npm run bench:aligner: before issue 12 0.20 and 0.12, which proposed one link for
 *   K/PIE/13 × 25737);
 * - zwak:     any other positive score with at least one shared content term.
 * A pair that shares only generic words is no link at all.
 */
import type { Lexicon } from '../text/analyzer.js';
import { TermSpace, isGenericTerm, sharedTerms, type DocumentFrequencies, type TermInfo, type TermVector } from './term-space.js';
import { Thesaurus } from './thesaurus.js';
import GENERIEK from './generieke-woorden.json' with { type: 'json' };

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
  mogelijk: { score: 0.15, scoreWithTwoTerms: 0.08 },
} as const;

export class Aligner {
  readonly space: TermSpace;

  /**
   * @param opts.lexicon the catalogue vocabulary used to split compounds
   * @param opts.corpus texts over which the inverse document frequency is counted (every eindterm and werkproces of
   *   the catalogue); without it, the items of each `align` call are the corpus.
   */
  private readonly families: WordFamilies;
  private readonly thesaurus: Thesaurus;
  /** Document frequencies of the word families over the corpus (empty without a corpus). */
  private readonly familyStats: DocumentFrequencies;
  private readonly vectors = new Map<string, TermVector>();

  constructor(opts: ({ lexicon: Lexicon; corpus?: Iterable<string>; analysisOf?: TermSpace } | { space: TermSpace }) & { thesaurus?: Thesaurus }) {
    const corpus = 'space' in opts || !opts.corpus ? [] : [...opts.corpus];
    this.space = 'space' in opts ? opts.space : new TermSpace({ ...opts, corpus });
    this.families = new WordFamilies(new Set(this.space.stats.df.keys()));
    this.thesaurus = opts.thesaurus ?? Thesaurus.builtIn();
    this.familyStats = this.frequencies(corpus);
  }

  private frequencies(texts: Iterable<string>): DocumentFrequencies {
    const df = new Map<string, number>();
    let n = 0;
    for (const text of texts) {
      n += 1;
      for (const t of new Set(this.families.analyse(this.space, text).map((a) => a.term))) df.set(t, (df.get(t) ?? 0) + 1);
    }
    return { df, n };
  }

  /**
   * The weighted vector of a text as the aligner compares it: the space's terms, each word in the form of its word
   * family (see `WordFamilies`), weighed by (1 + log tf) × idf over the aligner's corpus, generic words weighed down.
   */
  vector(text: string, stats: DocumentFrequencies = this.familyStats): TermVector {
    const cacheable = stats === this.familyStats;
    const known = cacheable ? this.vectors.get(text) : undefined;
    if (known) return known;
    const tf = new Map<string, number>();
    const info = new Map<string, TermInfo>();
    for (const a of this.families.analyse(this.space, text)) {
      tf.set(a.term, (tf.get(a.term) ?? 0) + 1);
      const seen = info.get(a.term);
      if (!seen || (seen.partOf !== null && a.info.partOf === null)) info.set(a.term, a.info);
    }
    const weights = new Map<string, number>();
    let sq = 0;
    for (const [t, f] of tf) {
      const w = (1 + Math.log(f)) * this.space.idf(t, stats) * (isGenericTerm(t) ? GENERIC_WEIGHT : 1);
      if (w <= 0) continue;
      weights.set(t, w);
      sq += w * w;
    }
    const vector = { weights, norm: Math.sqrt(sq), info };
    if (cacheable) {
      if (this.vectors.size > 100_000) this.vectors.clear();
      this.vectors.set(text, vector);
    }
    return vector;
  }

  /**
   * Terms of the thesaurus related to a term of the eindterm that the werkproces has and the eindterm has not
   * ("elektrische installatie" and "elektrotechnisch" name the same field): they count at `THESAURUS_WEIGHT`.
   */
  private related(term: string): ReadonlySet<string> {
    let out = this.relatedCache.get(term);
    if (!out) {
      out = new Set([...this.thesaurus.related(term)].map((t) => this.families.familyOf(t)).filter((t) => t !== term));
      this.relatedCache.set(term, out);
    }
    return out;
  }
  private readonly relatedCache = new Map<string, ReadonlySet<string>>();

  /** Similarity of two vectors: the cosine, with thesaurus-related terms counted at a lower weight; 0..1. */
  similarity(e: TermVector, w: TermVector): number {
    return this.compare(e, w).score;
  }

  /**
   * The similarity of an eindterm and a werkproces vector, and the eindterm's content terms that met a different
   * but thesaurus-related term of the werkproces (each werkproces term once).
   */
  compare(e: TermVector, w: TermVector): { score: number; related: string[] } {
    if (e.norm === 0 || w.norm === 0) return { score: 0, related: [] };
    let dot = 0;
    for (const [t, x] of e.weights) {
      const y = w.weights.get(t);
      if (y !== undefined) dot += x * y;
    }
    const related: string[] = [];
    const used = new Set<string>();
    for (const [t, x] of e.weights) {
      if (w.weights.has(t) || isGenericTerm(t)) continue;
      for (const r of this.related(t)) {
        const y = w.weights.get(r);
        if (y === undefined || e.weights.has(r) || used.has(r) || isGenericTerm(r)) continue;
        dot += THESAURUS_WEIGHT * x * y;
        used.add(r);
        if (!related.includes(t)) related.push(t);
      }
    }
    return { score: Math.min(1, dot / (e.norm * w.norm)), related };
  }

  /**
   * For every eindterm, its best werkprocessen (at most `perEindterm`, default 3), best first, only links of at
   * least confidence `min` (default zwak). Output order: eindtermen in input order, then score.
   */
  align(eindtermen: readonly AlignItem[], werkprocessen: readonly AlignItem[], opts: { perEindterm?: number; min?: Confidence } = {}): AlignmentLink[] {
    const perEindterm = opts.perEindterm ?? 3;
    const min = CONFIDENCE_ORDER[opts.min ?? 'zwak'];
    const stats: DocumentFrequencies = this.familyStats.n > 0 ? this.familyStats : this.frequencies([...eindtermen, ...werkprocessen].map((i) => i.text));
    const wpVectors: TermVector[] = werkprocessen.map((w) => this.vector(w.text, stats));
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
      const ev = this.vector(e.text, stats);
      if (ev.norm === 0) continue;
      const touched: number[] = [];
      for (const [t, w] of ev.weights) {
        for (const term of [t, ...(isGenericTerm(t) ? [] : this.related(t))]) {
          for (const p of postings.get(term) ?? []) {
            if (dot[p.i] === 0) touched.push(p.i);
            dot[p.i] = dot[p.i]! + w * p.w;
          }
        }
      }
      const scored = touched.map((i) => {
        const compared = this.compare(ev, wpVectors[i]!);
        dot[i] = 0;
        return { i, score: round(compared.score), related: compared.related };
      });
      scored.sort((a, b) => b.score - a.score || werkprocessen[a.i]!.id.localeCompare(werkprocessen[b.i]!.id));
      // Shared terms (and so the band) only for the best candidates, until perEindterm links are found.
      let found = 0;
      for (const { i, score, related } of scored) {
        if (found >= perEindterm) break;
        const shared = sharedTerms(ev, wpVectors[i]!);
        // A thesaurus-related word counts as a shared content word ("elektrische" for "elektrotechnische").
        const readable = [...shared.readable, ...related.map((t) => ev.info.get(t)!.surface).filter((r) => !shared.readable.includes(r))];
        const confidence = confidenceOf(score, shared.content + related.length);
        if (!confidence || CONFIDENCE_ORDER[confidence] < min) continue;
        out.push({ eindtermId: e.id, werkprocesId: werkprocessen[i]!.id, score, confidence, sharedTerms: readable });
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

/** Weight of a generic word ("kandidaat", "werkzaamheden"), as in the term space. */
const GENERIC_WEIGHT = (GENERIEK as { factor: number }).factor;
/** Particles of Dutch separable verbs (afronden, voorbereiden, uitvoeren, opstellen, inrichten …). */
const PARTICLES: ReadonlySet<string> = new Set(['aan', 'af', 'bij', 'door', 'in', 'mee', 'na', 'om', 'op', 'over', 'toe', 'uit', 'voor', 'weg', 'terug']);

/** Weight of a thesaurus-related term, relative to the same term shared as such. */
export const THESAURUS_WEIGHT = 0.5;

/**
 * One form per word family, so that the forms in which eindtermen and werkprocessen are written meet. General Dutch
 * morphology, and only towards a form the corpus has (its vocabulary is the check):
 * - a werkproces title begins with its verb in the third person ("Verzorgt het haar", "Stimuleert de ontwikkeling"),
 *   an eindterm with the infinitive ("haar verzorgen"): the first word without its -t (and a doubled vowel made single
 *   again: stimuleert → stimuleer → stimuler, maakt → maak → mak) is the verb's stem;
 * - a plural in -s that the stemmer keeps (installaties) is the singular (installatie);
 * - a stem ending in a doubled consonant (aanleggen → aanlegg) is the stem without it (aanleg);
 * - a noun in -atie is the family of the verb in -eren (installatie ↔ installeren, evaluatie ↔ evalueren).
 */
export class WordFamilies {
  private readonly cache = new Map<string, string>();
  constructor(private readonly vocabulary: ReadonlySet<string>) {}

  familyOf(term: string): string {
    let out = this.cache.get(term);
    if (out === undefined) {
      out = term;
      const undoubled = /([b-df-hj-np-tv-z])\1$/.test(term) ? term.slice(0, -1) : null;
      // A plural in -s that the stemmer keeps (installaties) is the singular (installatie).
      if (term.length >= 5 && term.endsWith('s') && !term.endsWith('ss') && this.vocabulary.has(term.slice(0, -1))) out = term.slice(0, -1);
      if (undoubled && this.vocabulary.has(undoubled)) out = undoubled;
      if (out.endsWith('atie') && this.vocabulary.has(`${out.slice(0, -4)}er`)) out = `${out.slice(0, -4)}er`;
      if (this.cache.size > 200_000) this.cache.clear();
      this.cache.set(term, out);
    }
    return out;
  }

  /** The stem of a verb in the third person singular (the first word of a werkproces title), if the corpus has it. */
  verbStem(term: string): string | null {
    if (!term.endsWith('t') || term.endsWith('tt') || term.length < 5) return null;
    const bare = term.endsWith('dt') ? term.slice(0, -1) : term.slice(0, -1);
    for (const c of [bare, bare.replace(/([aeou])\1([b-df-hj-np-tv-z])$/, '$1$2')]) if (this.vocabulary.has(c)) return this.familyOf(c);
    return null;
  }

  /** The space's analysis of a text with every term in its family's form; the first word (and its parts) as a verb. */
  analyse(space: TermSpace, text: string): Array<{ term: string; info: TermInfo }> {
    const analysed = space.analyse(text);
    const first = analysed[0]?.info.partOf === null ? analysed[0].term : null;
    const out = analysed.map((a) => {
      const isFirst = first !== null && (a.info.partOf === null ? a === analysed[0] : a.info.partOf === first);
      const term = (isFirst ? this.verbStem(a.term) : null) ?? this.familyOf(a.term);
      return term === a.term ? a : { term, info: a.info };
    });
    // A separable verb ends the title with its particle ("Rondt de opdracht af", "Bereidt het werk voor"): the verb
    // as one word (afrond, voorbereid) as well, when the corpus has it.
    const verb = first === null ? null : this.verbStem(first);
    const particle = /(?:^|\s)(\p{L}+)[\s.]*$/u.exec(text)?.[1]?.toLowerCase();
    if (verb && particle && PARTICLES.has(particle) && this.vocabulary.has(particle + verb)) {
      out.push({ term: particle + verb, info: { surface: `${analysed[0]!.info.surface} … ${particle}`, partOf: null } });
    }
    return out;
  }
}
