/**
 * The matching engine: ranks mbo kwalificatiedossiers for a keuzevak (or any query shaped like one). Pure.
 *
 * Four signals, each in [0, 1] (the text relative to the best dossier for the query, the others absolute), combined
 * in a weighted sum:
 *  - text: BM25 over our Dutch analysis (stems and compound parts) of the dossier's names, kerntaken and
 *    werkprocessen, with field weights on both sides; the query is expanded with related terms from the
 *    thesaurus (data file) at a lower weight;
 *  - name: how much of a dossier's own name or one of its kwalificatie names the query covers (idf-weighted), so
 *    that dossiers of which we hold little more than a name ("Dekvloeren leggen", "Keuken") can still be found;
 *  - domein: the structural prior of the profiel's usual opleidingsdomeinen (data file);
 *  - reverse name coverage: how much of the keuzevak's title (idf- and vmbo-specificity-weighted) the dossier's and
 *    its kwalificaties' names contain, so that "Tuinaanleg" prefers the dossier named for gardens over one that only
 *    mentions a garden in a werkproces (issue 17; cross-validated, `--signals`).
 * Both sides are analysed into derivation families (issue 17, `DerivationFamilies`): the "lasser" of a dossier name
 * is the "lassen" of a keuzevak. Optional, off by default as cross-validation found no gain: associations derived
 * from the catalogue's co-occurrences (associations.ts), pseudo-relevance feedback and score smoothing, and the
 * optional signals of `optionalSignals` other than the reverse name coverage (pairs, title-only name coverage, title in
 * the whole text), and BM25F for the text signal (`textMode`).
 * Why this design: docs/decisions/0009-matching-engine.md.
 */
import { Lexicon, termsWithCompounds } from '../text/analyzer.js';
import type { DossierText, KeuzevakText } from './texts.js';
import { Thesaurus } from './thesaurus.js';
import { Associations, type AssociationOptions } from './associations.js';
import PROFIEL_DOMEINEN from './profiel-opleidingsdomeinen.json' with { type: 'json' };

const profielDomeinen = PROFIEL_DOMEINEN as unknown as Record<string, Record<string, number> | string>;
/** The prior for every profiel ("$elkProfiel"), under the profiel's own: Entree (niveau 1) is no continuation of a
 * beroepsgericht keuzevak (the data file says why, with its source). */
const everyProfiel = (typeof profielDomeinen.$elkProfiel === 'object' ? profielDomeinen.$elkProfiel : {}) as Record<string, number>;

/** Weights of the combined score (see the module comment). */
export interface MatchingWeights {
  text: number;
  /** Name coverage is absolute (0..1): how much of the best-covered dossier or kwalificatie name the keuzevak names. */
  name: number;
  domein: number;
  /** Weight of a thesaurus-related term relative to the term that brought it in. */
  expansion: number;
  /** Weight of a term related through co-occurrence in the catalogue itself (derived, see `Associations`). */
  derived: number;
  /** Pseudo-relevance feedback: weight of the terms of the best dossiers of a first pass added to the query. */
  feedback: number;
  /** Score smoothing: share of the best dossiers' scores passed on to dossiers with a similar text. */
  smooth: number;
  /** Pair signal: how well the keuzevak's eindtermen and deeltaken each meet one unit of the dossier (a werkproces,
   * kerntaak or name), averaged (`pairSignal`). */
  pairs: number;
  /** Name coverage by the keuzevak's title alone. */
  titleName: number;
  /** The reverse direction: how much of the keuzevak's title the dossier's names cover. */
  reverseName: number;
  /** How much of the keuzevak's title the dossier's whole text covers. */
  titleText: number;
}

/**
 * Issue 17: chosen by cross-validation split by profiel (`npm run bench:quality -- --folds 5`): with the word families
 * every fold chose name 1.6, domein 0.8 and thesaurus 0.5; `derived`, `feedback` and `smooth` did not help on the
 * held-out folds (`--variants`, BENCHMARKS.md), so they are off. Of the optional signals (`--signals`) every fold chose
 * the reverse name coverage at 1; the pairs, the title-only name coverage and the title in the whole text did not help
 * beyond it, so they are off.
 */
export const DEFAULT_WEIGHTS: Readonly<MatchingWeights> = {
  text: 1,
  name: 1.6,
  domein: 0.8,
  expansion: 0.5,
  derived: 0,
  feedback: 0,
  smooth: 0,
  pairs: 0,
  titleName: 0,
  reverseName: 1,
  titleText: 0,
};

const DOSSIER_FIELDS = { naam: 3, titel: 3, kerntaak: 1.5, werkproces: 1 } as const;
/**
 * Weights of the further dossier texts (issue 17; texts.ts). 0 = not read. Each was measured on the held-out folds
 * (`npm run bench:quality -- --folds 5`, BENCHMARKS.md "Ablatie"): only what helps there is on.
 */
export interface ExtraFieldWeights {
  werkprocesDetails: number;
  vakkennis: number;
  sector: number;
  keuzedelen: number;
}
export const DEFAULT_EXTRA_FIELDS: Readonly<ExtraFieldWeights> = { werkprocesDetails: 0, vakkennis: 0, sector: 0, keuzedelen: 0 };
/** Query fields; the eindtermen count for the text signal but not for the name signal (a dossier's name should
 * match what the keuzevak is about, not a word that happens to occur in one eindterm). */
export interface QueryFieldWeights {
  title: number;
  description: number;
  deeltaak: number;
  eindterm: number;
}
export const DEFAULT_QUERY_FIELDS: Readonly<QueryFieldWeights> = { title: 3, description: 2, deeltaak: 1.5, eindterm: 1 };
const K1 = 1.2;
/** Words in this many keuzevakken or fewer (at most a tenth of them) count fully; more common words count less. */
const VMBO_COMMON = 10;
const B = 0.75;
/** Pseudo-relevance feedback and smoothing look at this many of the best dossiers, and add this many terms. */
const FEEDBACK_DOCS = 3;
const FEEDBACK_TERMS = 15;

interface Doc {
  crebo: string;
  domein: string | null;
  tf: Map<string, number>;
  length: number;
  /** Term sets of the dossier's own name and of each kwalificatie name. */
  names: Array<Set<string>>;
  /** All name terms together. */
  nameTerms: Set<string>;
  /** Per field (in the order of `fields` in the constructor) its weight, term frequencies and length, for BM25F. */
  fieldTf: Array<{ weight: number; tf: Map<string, number>; length: number }>;
}

/** The optional signals of a dossier for one keuzevak (see `MatchingEngine.optionalSignals`), each in [0, 1]. */
export interface OptionalSignals {
  /** Only when asked for (weight > 0 or `allSignals`): it is the costliest. */
  pairs?: number;
  titleName: number;
  reverseName: number;
  titleText: number;
}

/** One short text of a dossier (werkproces, kerntaak or name) as a unit-length vector, for the pair signal. */
interface UnitPosting {
  doc: number;
  unit: number;
  weight: number;
}

export interface RankedDossier {
  crebo: string;
  score: number;
  /** The parts of the score, each in [0, 1]: text relative to the best dossier for this query; name coverage
   * and the domein prior absolute. */
  signals: { text: number; name: number; domein: number; pairs?: number; titleName?: number; reverseName?: number; titleText?: number };
}

export class MatchingEngine {
  private readonly lexicon: Lexicon;
  /** The thesaurus in use (replaceable: bench:quality chooses its groups by cross-validation). */
  thesaurus: Thesaurus;
  private readonly docs: Doc[];
  private readonly df = new Map<string, number>();
  private readonly nameDf = new Map<string, number>();
  private readonly avgLength: number;
  private readonly vmboDf = new Map<string, number>();
  private readonly vmboN: number;
  /** Word associations derived from the catalogue's own texts (associations.ts); built when first used. */
  private associationsBuilt: Associations | null = null;
  private readonly associationUnits: () => string[][];
  private readonly associationOptions: Partial<AssociationOptions>;
  private similarity: Map<string, Map<string, number>> | null = null;

  readonly weights: MatchingWeights;
  /** Query field weights (replaceable: bench:quality chooses them per fold). */
  queryFields: QueryFieldWeights = { ...DEFAULT_QUERY_FIELDS };
  /** Compute the optional signals (pairs, titleName, reverseName, titleText) even at weight 0, for bench:quality. */
  allSignals = false;
  /** The pair signal's index: term → the dossier units that have it; built when first used. */
  private unitIndex: { postings: Map<string, UnitPosting[]>; units: number } | null = null;
  private readonly unitTexts: string[][];

  constructor(
    dossiers: readonly DossierText[],
    vocabularySource: { lexicon: Lexicon },
    opts: {
      thesaurus?: Thesaurus;
      weights?: Partial<MatchingWeights>;
      keuzevakken?: readonly KeuzevakText[];
      fields?: Partial<ExtraFieldWeights>;
      associations?: Partial<AssociationOptions>;
      /** Derivation families (`DerivationFamilies`): 'all' (default), 'agent' (only person and trade names), 'off'. */
      families?: 'all' | 'agent' | 'off';
    } = {},
  ) {
    const extra = { ...DEFAULT_EXTRA_FIELDS, ...opts.fields };
    this.lexicon = vocabularySource.lexicon;
    const families = opts.families ?? 'all';
    if (families !== 'off') {
      const vocabulary = new Set<string>();
      const kvs0 = opts.keuzevakken ?? [];
      for (const d of dossiers) for (const text of [d.titel, ...d.kwalificaties, ...d.kerntaken, ...d.werkprocessen]) for (const t of this.terms(text)) vocabulary.add(t);
      for (const k of kvs0) for (const text of [k.title, k.description, ...k.deeltaken, ...k.eindtermen]) for (const t of this.terms(text)) vocabulary.add(t);
      this.families = new DerivationFamilies(vocabulary, { agentOnly: families === 'agent' });
    }
    this.thesaurus = opts.thesaurus ?? Thesaurus.builtIn();
    this.weights = { ...DEFAULT_WEIGHTS, ...opts.weights };
    this.docs = dossiers.map((d) => {
      const fields: Array<{ weight: number; terms: string[] }> = [
        { weight: DOSSIER_FIELDS.naam, terms: d.kwalificaties.flatMap((n) => this.terms(n)) },
        { weight: DOSSIER_FIELDS.titel, terms: this.terms(d.titel) },
        { weight: DOSSIER_FIELDS.kerntaak, terms: d.kerntaken.flatMap((n) => this.terms(n)) },
        { weight: DOSSIER_FIELDS.werkproces, terms: d.werkprocessen.flatMap((n) => this.terms(n)) },
      ];
      for (const f of ['werkprocesDetails', 'vakkennis', 'sector', 'keuzedelen'] as const) {
        if (extra[f] > 0) fields.push({ weight: extra[f], terms: (d[f] ?? []).flatMap((n) => this.terms(n)) });
      }
      const tf = new Map<string, number>();
      let length = 0;
      for (const f of fields) {
        for (const t of f.terms) {
          tf.set(t, (tf.get(t) ?? 0) + f.weight);
          length += f.weight;
        }
      }
      for (const t of tf.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
      const fieldTf = fields.map((f) => {
        const m = new Map<string, number>();
        for (const t of f.terms) m.set(t, (m.get(t) ?? 0) + 1);
        return { weight: f.weight, tf: m, length: f.terms.length };
      });
      const names = [d.titel, ...d.kwalificaties].map((n) => new Set(this.terms(n))).filter((s) => s.size > 0);
      const nameTerms = new Set(names.flatMap((s) => [...s]));
      for (const t of nameTerms) this.nameDf.set(t, (this.nameDf.get(t) ?? 0) + 1);
      return { crebo: d.crebo, domein: d.opleidingsdomein, tf, length, names, nameTerms, fieldTf };
    });
    this.unitTexts = dossiers.map((d) => [...new Set([d.titel, ...d.kwalificaties, ...d.kerntaken, ...d.werkprocessen])]);
    this.avgLength = this.docs.reduce((s, d) => s + d.length, 0) / Math.max(1, this.docs.length);
    this.avgFieldLength = this.docs[0]?.fieldTf.map((_, i) => this.docs.reduce((s, d) => s + d.fieldTf[i]!.length, 0) / this.docs.length) ?? [];
    // How common a word is on the vmbo side: words in nearly every keuzevak ("kandidaat", "keuzevak", "verdieping")
    // say nothing about which dossier fits.
    const kvs = opts.keuzevakken ?? [];
    for (const k of kvs) for (const t of new Set([k.title, k.description, ...k.deeltaken, ...k.eindtermen].flatMap((x) => this.terms(x)))) this.vmboDf.set(t, (this.vmboDf.get(t) ?? 0) + 1);
    this.vmboN = kvs.length;
    // Associations from the short texts of both sides (names, kerntaken, werkprocessen; title and description,
    // deeltaken, eindtermen), computed from the catalogue only when the `derived` weight asks for them.
    this.buildCache = null;
    this.associationOptions = opts.associations ?? {};
    this.associationUnits = () => [
      ...dossiers.flatMap((d) => [[d.titel, ...d.kwalificaties].join(' '), ...d.kerntaken, ...d.werkprocessen]),
      ...kvs.flatMap((k) => [`${k.title} ${k.description}`, ...k.deeltaken, ...k.eindtermen]),
    ].map((text) => this.terms(text));
  }

  private families: DerivationFamilies | null = null;

  get associations(): Associations {
    this.associationsBuilt ??= new Associations(this.associationUnits(), this.associationOptions);
    return this.associationsBuilt;
  }

  /** Analyses kept while the index is built (the vocabulary pass and the index pass read the same texts). */
  private buildCache: Map<string, string[]> | null = new Map();

  private terms(text: string): string[] {
    let raw = this.buildCache?.get(text);
    if (!raw) {
      raw = termsWithCompounds(text, this.lexicon, { strictHeads: true });
      this.buildCache?.set(text, raw);
    }
    const f = this.families;
    return f ? raw.map((t) => f.familyOf(t)) : raw;
  }

  /**
   * Query term weights: field-weighted, repetition dampened, expanded with related terms from the thesaurus. A
   * thesaurus group is only used when the keuzevak names its subject in its title, description or deeltaken, or
   * uses two or more of its words: a single word deep in one eindterm (or a part of a compound) is not enough.
   * Note: groups are looked up with the query term after the derivation families, while `Thesaurus` keys its groups
   * by the plain stems of its words, so a word whose family form differs from its stem (installatie, monteur) does
   * not reach its group through that form. Also indexing the family forms was measured and did not help on the
   * held-out folds (0.796 → 0.780 nDCG@10, groups per fold; 2026-12-07), so it is left as it is on purpose.
   * `expand` false: the keuzevak's own terms only (no thesaurus, no derived associations), as the learned transfer
   * compares vmbo units (issue 17, learned-transfer.ts).
   */
  queryWeights(k: KeuzevakText, withEindtermen = true, expand = true): Map<string, number> {
    const fields = this.queryFields;
    const q = new Map<string, number>();
    const head = new Set<string>();
    const add = (texts: readonly string[], weight: number, isHead: boolean) => {
      for (const text of texts) {
        for (const t of this.terms(text)) {
          q.set(t, (q.get(t) ?? 0) + weight);
          if (isHead) head.add(t);
        }
      }
    };
    add([k.title], fields.title, true);
    add([k.description], fields.description, true);
    add(k.deeltaken, fields.deeltaak, true);
    if (withEindtermen && fields.eindterm > 0) add(k.eindtermen, fields.eindterm, false);
    // Dampen repetition: a term repeated in every eindterm should not dominate.
    for (const [t, w] of q) if (w > 0) q.set(t, Math.max(0, 1 + Math.log(w)) * this.vmboSpecificity(t));
    const own = [...q.keys()];
    if (expand && this.weights.expansion > 0) {
      const support = new Map<number, { weight: number; terms: number; head: boolean }>();
      for (const [t, w] of q) {
        for (const g of this.thesaurus.groupsOf(t)) {
          const s = support.get(g) ?? { weight: 0, terms: 0, head: false };
          s.weight = Math.max(s.weight, w);
          s.terms += 1;
          s.head ||= head.has(t);
          support.set(g, s);
        }
      }
      const expanded = new Map<string, number>();
      for (const [g, s] of support) {
        if (!s.head && s.terms < 2) continue;
        for (const raw of this.thesaurus.groups[g]!.terms) {
          const r = this.families ? this.families.familyOf(raw) : raw;
          if (q.has(r)) continue;
          expanded.set(r, Math.max(expanded.get(r) ?? 0, s.weight * this.weights.expansion));
        }
      }
      for (const [t, w] of expanded) q.set(t, w);
    }
    if (expand && this.weights.derived > 0) {
      const derived = new Map<string, number>();
      for (const t of own) {
        const w = q.get(t)!;
        for (const r of this.associations.of(t)) {
          if (q.has(r.term)) continue;
          derived.set(r.term, Math.max(derived.get(r.term) ?? 0, w * r.sim * this.weights.derived));
        }
      }
      for (const [t, w] of derived) q.set(t, w);
    }
    return q;
  }

  /** 1 for a word few keuzevakken use, falling towards 0 for a word (almost) all of them use. */
  private vmboSpecificity(t: string): number {
    if (this.vmboN === 0) return 1;
    const df = this.vmboDf.get(t) ?? 0;
    const common = Math.min(VMBO_COMMON, this.vmboN / 10);
    return Math.max(0, Math.min(1, Math.log((this.vmboN + 1) / (df + 0.5)) / Math.log((this.vmboN + 1) / (common + 0.5))));
  }

  private idf(t: string): number {
    const n = this.docs.length;
    const df = this.df.get(t) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * The text signal's BM25: 'sum' (default) over the field-weighted term frequencies of the whole dossier with one
   * length normalisation; 'bm25f' normalises each field by its own average length before the weighted sum and the
   * saturation (BM25F). Cross-validated (`--variants`, BENCHMARKS.md): BM25F +0.013 ± 0.021 nDCG@10 per held-out fold,
   * within noise, so it is off; a max over the fields instead of the sum lost (0.798 against 0.820).
   */
  textMode: 'sum' | 'bm25f' = 'sum';
  private readonly avgFieldLength: number[];
  private textScore(q: ReadonlyMap<string, number>, d: Doc): number {
    if (this.textMode === 'bm25f') {
      let s = 0;
      for (const [t, qw] of q) {
        let x = 0;
        d.fieldTf.forEach((f, i) => {
          const c = f.tf.get(t);
          if (c) x += (f.weight * c) / (1 - B + (B * f.length) / Math.max(1e-9, this.avgFieldLength[i]!));
        });
        if (x > 0) s += qw * this.idf(t) * ((x * (K1 + 1)) / (x + K1));
      }
      return s;
    }
    let text = 0;
    for (const [t, qw] of q) {
      const f = d.tf.get(t);
      if (!f) continue;
      text += qw * this.idf(t) * ((f * (K1 + 1)) / (f + K1 * (1 - B + (B * d.length) / this.avgLength)));
    }
    return text;
  }

  rankDossiers(k: KeuzevakText): RankedDossier[] {
    const q = this.queryWeights(k);
    const qName = this.queryWeights(k, false);
    const maxQ = Math.max(1e-9, ...qName.values());
    const domeinen = { ...everyProfiel, ...((k.profielCode && typeof profielDomeinen[k.profielCode] === 'object' ? profielDomeinen[k.profielCode] : {}) as Record<string, number>) };
    const w = this.weights;
    const raw = this.docs.map((d) => {
      const text = this.textScore(q, d);
      const name = this.bestNameCoverage(d, (t) => Math.min(1, (qName.get(t) ?? 0) / maxQ));
      const domein = d.domein ? (domeinen[d.domein] ?? 0) : 0;
      return { doc: d, crebo: d.crebo, text, name, domein };
    });
    const optional = this.optionalSignals(k);
    const combine = () => {
      const maxText = Math.max(1e-9, ...raw.map((r) => r.text));
      return raw
        .filter((r) => r.text > 0 || r.name > 0)
        .map((r) => {
          const extra = optional?.get(r.doc);
          const signals = { text: r.text / maxText, name: r.name, domein: r.domein, ...extra };
          let score = w.text * signals.text + w.name * signals.name + w.domein * signals.domein;
          if (extra) score += w.pairs * (extra.pairs ?? 0) + w.titleName * extra.titleName + w.reverseName * extra.reverseName + w.titleText * extra.titleText;
          return { crebo: r.crebo, score, signals };
        })
        .sort((a, b) => b.score - a.score || a.crebo.localeCompare(b.crebo));
    };
    let ranked = combine();
    if (w.feedback > 0 && ranked.length > 0) {
      // Pseudo-relevance feedback: the distinctive terms of the best dossiers of the first pass join the query.
      const byCrebo = new Map(raw.map((r) => [r.crebo, r]));
      const fb = new Map<string, number>();
      for (const top of ranked.slice(0, FEEDBACK_DOCS)) {
        const d = byCrebo.get(top.crebo)!.doc;
        let norm = 0;
        const v = new Map<string, number>();
        for (const [t, f] of d.tf) {
          const x = (1 + Math.log(f)) * this.idf(t);
          v.set(t, x);
          norm += x * x;
        }
        norm = Math.sqrt(norm) || 1;
        for (const [t, x] of v) fb.set(t, (fb.get(t) ?? 0) + (x / norm) * top.score);
      }
      const terms = [...fb.entries()].filter(([t]) => !q.has(t)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, FEEDBACK_TERMS);
      const best = terms[0]?.[1] ?? 0;
      if (best > 0) {
        const q2 = new Map(q);
        for (const [t, x] of terms) q2.set(t, w.feedback * maxQ * (x / best));
        for (const r of raw) r.text = this.textScore(q2, r.doc);
        ranked = combine();
      }
    }
    if (w.smooth > 0 && ranked.length > 0) ranked = this.smoothed(ranked, w.smooth);
    return ranked;
  }

  /**
   * The optional signals (issue 17; off by default, see DEFAULT_WEIGHTS), each absolute in [0, 1]:
   *  - pairs: per eindterm and deeltaak of the keuzevak, the cosine with the dossier unit (werkproces, kerntaak or
   *    name) that reads most like it; averaged;
   *  - titleName: the name coverage with the keuzevak's title alone as the query;
   *  - reverseName / titleText: how much of the keuzevak's title (idf- and vmbo-specificity-weighted) the dossier's
   *    names / whole text contain.
   */
  private optionalSignals(k: KeuzevakText): Map<Doc, OptionalSignals> | null {
    const w = this.weights;
    if (!this.allSignals && w.pairs <= 0 && w.titleName <= 0 && w.reverseName <= 0 && w.titleText <= 0) return null;
    const pairs = this.allSignals || w.pairs > 0 ? this.pairSignal(k) : null;
    const title = new Set(this.terms(k.title));
    const titleWeight = new Map([...title].map((t) => [t, this.idf(t) * this.vmboSpecificity(t)]));
    const titleTotal = [...titleWeight.values()].reduce((s, x) => s + x, 0);
    const out = new Map<Doc, OptionalSignals>();
    this.docs.forEach((d, di) => {
      const titleName = this.bestNameCoverage(d, (t) => (title.has(t) ? 1 : 0));
      let inNames = 0;
      let inText = 0;
      for (const [t, x] of titleWeight) {
        if (d.nameTerms.has(t)) inNames += x;
        if (d.tf.has(t)) inText += x;
      }
      out.set(d, {
        ...(pairs ? { pairs: pairs[di]! } : {}),
        titleName,
        reverseName: titleTotal > 0 ? inNames / titleTotal : 0,
        titleText: titleTotal > 0 ? inText / titleTotal : 0,
      });
    });
    return out;
  }

  /** The best idf-weighted coverage of one of the dossier's names (own or kwalificatie), `share` per term in [0, 1]. */
  private bestNameCoverage(d: Doc, share: (term: string) => number): number {
    let best = 0;
    for (const n of d.names) {
      let covered = 0;
      let total = 0;
      for (const t of n) {
        const iw = this.idf(t);
        total += iw;
        covered += iw * share(t);
      }
      if (total > 0) best = Math.max(best, covered / total);
    }
    return best;
  }

  /** Unit-length vector (log tf · idf · weight) of a short text's terms. */
  private unitVector(terms: readonly string[], weigh: (t: string) => number): Map<string, number> {
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, f] of tf) {
      const x = (1 + Math.log(f)) * weigh(t);
      if (x <= 0) continue;
      v.set(t, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    for (const [t, x] of v) v.set(t, x / norm);
    return v;
  }

  /** The pair signal of every dossier (in `docs` order) for a keuzevak; see `optionalSignals`. */
  pairSignal(k: KeuzevakText): Float64Array {
    if (!this.unitIndex) {
      const postings = new Map<string, UnitPosting[]>();
      let units = 0;
      this.unitTexts.forEach((texts, doc) => {
        for (const text of texts) {
          const v = this.unitVector(this.terms(text), (t) => this.idf(t));
          if (v.size === 0) continue;
          for (const [t, weight] of v) {
            let list = postings.get(t);
            if (!list) postings.set(t, (list = []));
            list.push({ doc, unit: units, weight });
          }
          units += 1;
        }
      });
      this.unitIndex = { postings, units };
    }
    const { postings, units } = this.unitIndex;
    const out = new Float64Array(this.docs.length);
    const dot = new Float64Array(units);
    const unitDoc = new Int32Array(units);
    const best = new Float64Array(this.docs.length);
    let count = 0;
    for (const text of [...k.deeltaken, ...k.eindtermen]) {
      const v = this.unitVector(this.terms(text), (t) => this.idf(t) * this.vmboSpecificity(t));
      if (v.size === 0) continue;
      count += 1;
      const touched: number[] = [];
      for (const [t, x] of v) {
        for (const p of postings.get(t) ?? []) {
          if (dot[p.unit] === 0) touched.push(p.unit);
          dot[p.unit]! += x * p.weight;
          unitDoc[p.unit] = p.doc;
        }
      }
      const docs: number[] = [];
      for (const u of touched) {
        const d = unitDoc[u]!;
        if (best[d] === 0) docs.push(d);
        best[d] = Math.max(best[d]!, dot[u]!);
        dot[u] = 0;
      }
      for (const d of docs) {
        out[d]! += best[d]!;
        best[d] = 0;
      }
    }
    if (count > 0) for (let d = 0; d < out.length; d += 1) out[d]! /= count;
    return out;
  }

  /** Each dossier gains a share of the score of the best dossiers, by how similar its text is to theirs. */
  private smoothed(ranked: RankedDossier[], share: number): RankedDossier[] {
    const sim = this.dossierSimilarity();
    const top = ranked.slice(0, FEEDBACK_DOCS);
    return ranked
      .map((r) => {
        let extra = 0;
        for (const t of top) if (t.crebo !== r.crebo) extra += (sim.get(r.crebo)?.get(t.crebo) ?? 0) * t.score;
        return { ...r, score: r.score + share * extra };
      })
      .sort((a, b) => b.score - a.score || a.crebo.localeCompare(b.crebo));
  }

  /** Cosine similarity of the dossiers' texts (log tf · idf), computed once when first needed. */
  private dossierSimilarity(): Map<string, Map<string, number>> {
    if (this.similarity) return this.similarity;
    const vectors = this.docs.map((d) => {
      const v = new Map<string, number>();
      let norm = 0;
      for (const [t, f] of d.tf) {
        const x = (1 + Math.log(f)) * this.idf(t);
        v.set(t, x);
        norm += x * x;
      }
      norm = Math.sqrt(norm) || 1;
      for (const [t, x] of v) v.set(t, x / norm);
      return v;
    });
    const out = new Map<string, Map<string, number>>();
    for (const d of this.docs) out.set(d.crebo, new Map());
    for (let i = 0; i < vectors.length; i += 1) {
      for (let j = i + 1; j < vectors.length; j += 1) {
        const [a, b] = vectors[i]!.size < vectors[j]!.size ? [vectors[i]!, vectors[j]!] : [vectors[j]!, vectors[i]!];
        let dot = 0;
        for (const [t, x] of a) {
          const y = b.get(t);
          if (y) dot += x * y;
        }
        if (dot > 0) {
          out.get(this.docs[i]!.crebo)!.set(this.docs[j]!.crebo, dot);
          out.get(this.docs[j]!.crebo)!.set(this.docs[i]!.crebo, dot);
        }
      }
    }
    this.similarity = out;
    return out;
  }
}

/**
 * Derivation families (issue 17): a person's or trade's name derived from a verb or noun is taken as that word, so
 * that a keuzevak that "lassen", "dansen" or "monteren" asks for meets the dossier of the "lasser", "danser" or
 * "monteur", and "robotica" meets "robot". General Dutch morphology on analysis terms (stems), and only towards a
 * term the catalogue itself has (`vocabulary`): -er (lasser → lass, schipper → schip), -eur (monteur → monter),
 * -aar (tekenaar → teken), -erij (visserij → visser → viss), -man (timmerman → timmer), -ica (robotica → robot).
 * Never towards a term of three letters: those are mostly compound parts ("med" of "medewerker", in 53 dossier
 * names), so "medisch" → "med" tied every medewerker to medical texts (issue 17).
 */
export class DerivationFamilies {
  private readonly cache = new Map<string, string>();
  constructor(
    private readonly vocabulary: ReadonlySet<string>,
    private readonly opts: { agentOnly?: boolean } = {},
  ) {}

  familyOf(term: string): string {
    let out = this.cache.get(term);
    if (out === undefined) {
      out = term;
      for (let step = 0; step < 3; step += 1) {
        const next = this.base(out);
        if (!next) break;
        out = next;
      }
      this.cache.set(term, out);
    }
    return out;
  }

  private base(t: string): string | null {
    if (t.length < 5) return null;
    const candidates: string[] = [];
    if (!this.opts.agentOnly) this.wordClassCandidates(t, candidates);
    if (t.endsWith('eur')) candidates.push(`${t.slice(0, -3)}er`);
    if (t.endsWith('erij')) candidates.push(t.slice(0, -2));
    if (t.endsWith('ar') && !t.endsWith('aar')) candidates.push(t.slice(0, -2));
    if (t.endsWith('man') && t.length >= 7) candidates.push(t.slice(0, -3));
    if (t.endsWith('ica')) candidates.push(t.slice(0, -3));
    if (t.endsWith('er') && t.length >= 6) {
      const bare = t.slice(0, -2);
      candidates.push(bare);
      if (/([b-df-hj-np-tv-z])\1$/.test(bare)) candidates.push(bare.slice(0, -1));
    }
    for (const c of candidates) if (c.length >= 4 && c !== t && this.vocabulary.has(c)) return c;
    return null;
  }

  /** Plural, adjective and -atie forms (the 'all' families). */
  private wordClassCandidates(t: string, candidates: string[]): void {
    // plural -s the stemmer keeps (installaties → installatie)
    if (t.endsWith('s') && !t.endsWith('ss') && !t.endsWith('isch')) candidates.push(t.slice(0, -1));
    // adjective to noun: technisch → techniek, elektronisch → elektronica, toeristisch → toerist; educatief → educatie
    if (t.endsWith('isch')) candidates.push(`${t.slice(0, -4)}iek`, `${t.slice(0, -4)}ica`, t.slice(0, -4), `${t.slice(0, -4)}ie`);
    if (t.endsWith('ief')) candidates.push(`${t.slice(0, -1)}`, `${t.slice(0, -3)}ie`);
    if (t.endsWith('icus')) candidates.push(`${t.slice(0, -4)}iek`, `${t.slice(0, -4)}ica`);
    // a noun in -atie is the verb in -eren (installatie → installer)
    if (t.endsWith('atie')) candidates.push(`${t.slice(0, -4)}er`);
  }
}
