/**
 * The matching engine: ranks mbo kwalificatiedossiers for a keuzevak (or any query shaped like one). Pure.
 *
 * Three signals, each normalised to the best dossier for the query, then combined:
 *  - text: BM25 over our Dutch analysis (stems and compound parts) of the dossier's names, kerntaken and
 *    werkprocessen, with field weights on both sides; the query is expanded with related terms from the
 *    thesaurus (data file) at a lower weight;
 *  - name: how much of a dossier's own name or one of its kwalificatie names the query covers (idf-weighted), so
 *    that dossiers of which we hold little more than a name ("Dekvloeren leggen", "Keuken") can still be found;
 *  - domein: the structural prior of the profiel's usual opleidingsdomeinen (data file).
 * Why this design: docs/decisions/0009-matching-engine.md.
 */
import { Lexicon, termsWithCompounds } from '../text/analyzer.js';
import type { DossierText, KeuzevakText } from './texts.js';
import { Thesaurus } from './thesaurus.js';
import PROFIEL_DOMEINEN from './profiel-opleidingsdomeinen.json' with { type: 'json' };

const profielDomeinen = PROFIEL_DOMEINEN as unknown as Record<string, Record<string, number> | string>;

/**
 * Weights of the combined score (see the module comment). Chosen on the dev set from a grid in which every
 * setting near these gave nDCG@10 between 0.77 and 0.85 (`npm run bench:quality -- --grid` prints it), so the
 * result does not hang on one lucky value.
 */
export interface MatchingWeights {
  text: number;
  /** Name coverage is absolute (0..1): how much of the best-covered dossier or kwalificatie name the keuzevak names. */
  name: number;
  domein: number;
  /** Weight of a thesaurus-related term relative to the term that brought it in. */
  expansion: number;
}

export const DEFAULT_WEIGHTS: Readonly<MatchingWeights> = { text: 1, name: 1.2, domein: 0.8, expansion: 0.5 };

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
const QUERY_FIELDS = { title: 3, description: 2, deeltaak: 1.5, eindterm: 1 } as const;
const K1 = 1.2;
/** Words in this many keuzevakken or fewer (at most a tenth of them) count fully; more common words count less. */
const VMBO_COMMON = 10;
const B = 0.75;

interface Doc {
  crebo: string;
  domein: string | null;
  tf: Map<string, number>;
  length: number;
  /** Term sets of the dossier's own name and of each kwalificatie name. */
  names: Array<Set<string>>;
}

export interface RankedDossier {
  crebo: string;
  score: number;
  /** The parts of the score, each in [0, 1]: text relative to the best dossier for this query; name coverage
   * and the domein prior absolute. */
  signals: { text: number; name: number; domein: number };
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

  readonly weights: MatchingWeights;

  constructor(
    dossiers: readonly DossierText[],
    vocabularySource: { lexicon: Lexicon },
    opts: { thesaurus?: Thesaurus; weights?: Partial<MatchingWeights>; keuzevakken?: readonly KeuzevakText[]; fields?: Partial<ExtraFieldWeights> } = {},
  ) {
    const extra = { ...DEFAULT_EXTRA_FIELDS, ...opts.fields };
    this.lexicon = vocabularySource.lexicon;
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
      const names = [d.titel, ...d.kwalificaties].map((n) => new Set(this.terms(n))).filter((s) => s.size > 0);
      const nameTerms = new Set(names.flatMap((s) => [...s]));
      for (const t of nameTerms) this.nameDf.set(t, (this.nameDf.get(t) ?? 0) + 1);
      return { crebo: d.crebo, domein: d.opleidingsdomein, tf, length, names };
    });
    this.avgLength = this.docs.reduce((s, d) => s + d.length, 0) / Math.max(1, this.docs.length);
    // How common a word is on the vmbo side: words in nearly every keuzevak ("kandidaat", "keuzevak", "verdieping")
    // say nothing about which dossier fits.
    const kvs = opts.keuzevakken ?? [];
    for (const k of kvs) for (const t of new Set(this.terms([k.title, k.description, ...k.deeltaken, ...k.eindtermen].join(' ')))) this.vmboDf.set(t, (this.vmboDf.get(t) ?? 0) + 1);
    this.vmboN = kvs.length;
  }

  private terms(text: string): string[] {
    return termsWithCompounds(text, this.lexicon, { strictHeads: true });
  }

  /**
   * Query term weights: field-weighted, repetition dampened, expanded with related terms from the thesaurus. A
   * thesaurus group is only used when the keuzevak names its subject in its title, description or deeltaken, or
   * uses two or more of its words: a single word deep in one eindterm (or a part of a compound) is not enough.
   */
  queryWeights(k: KeuzevakText, eindtermWeight: number = QUERY_FIELDS.eindterm): Map<string, number> {
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
    add([k.title], QUERY_FIELDS.title, true);
    add([k.description], QUERY_FIELDS.description, true);
    add(k.deeltaken, QUERY_FIELDS.deeltaak, true);
    if (eindtermWeight > 0) add(k.eindtermen, eindtermWeight, false);
    // Dampen repetition: a term repeated in every eindterm should not dominate.
    for (const [t, w] of q) q.set(t, (1 + Math.log(w)) * this.vmboSpecificity(t));
    if (this.weights.expansion > 0) {
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
        for (const r of this.thesaurus.groups[g]!.terms) {
          if (q.has(r)) continue;
          expanded.set(r, Math.max(expanded.get(r) ?? 0, s.weight * this.weights.expansion));
        }
      }
      for (const [t, w] of expanded) q.set(t, w);
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

  rankDossiers(k: KeuzevakText): RankedDossier[] {
    const q = this.queryWeights(k);
    const qName = this.queryWeights(k, 0);
    const maxQ = Math.max(1e-9, ...qName.values());
    const domeinen = (k.profielCode && typeof profielDomeinen[k.profielCode] === 'object' ? profielDomeinen[k.profielCode] : {}) as Record<string, number>;
    const raw = this.docs.map((d) => {
      let text = 0;
      for (const [t, qw] of q) {
        const f = d.tf.get(t);
        if (!f) continue;
        text += qw * this.idf(t) * ((f * (K1 + 1)) / (f + K1 * (1 - B + (B * d.length) / this.avgLength)));
      }
      let name = 0;
      for (const n of d.names) {
        let covered = 0;
        let total = 0;
        for (const t of n) {
          const w = this.idf(t);
          total += w;
          covered += w * Math.min(1, (qName.get(t) ?? 0) / maxQ);
        }
        if (total > 0) name = Math.max(name, covered / total);
      }
      const domein = d.domein ? (domeinen[d.domein] ?? 0) : 0;
      return { crebo: d.crebo, text, name, domein };
    });
    const maxText = Math.max(1e-9, ...raw.map((r) => r.text));
    return raw
      .filter((r) => r.text > 0 || r.name > 0)
      .map((r) => {
        const signals = { text: r.text / maxText, name: r.name, domein: r.domein };
        const w = this.weights;
        const score = w.text * signals.text + w.name * signals.name + w.domein * signals.domein;
        return { crebo: r.crebo, score, signals };
      })
      .sort((a, b) => b.score - a.score || a.crebo.localeCompare(b.crebo));
  }
}
