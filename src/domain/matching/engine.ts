/**
 * First version of the matching engine (issue 5, in progress): ranks mbo dossiers for a keuzevak with BM25 over
 * our Dutch analysis (stems and compound parts), field weights on both sides, and terms that are common to most
 * eindtermen ("kandidaat", "kan") weighed down by their document frequency. Pure.
 */
import { Lexicon, termsWithCompounds } from '../text/analyzer.js';
import type { DossierText, KeuzevakText } from './texts.js';
import PROFIEL_DOMEINEN from './profiel-opleidingsdomeinen.json' with { type: 'json' };

const profielDomeinen = PROFIEL_DOMEINEN as unknown as Record<string, Record<string, number> | string>;
/** How much a dossier in the profiel's usual opleidingsdomein is preferred (structural prior, from data). */
const DOMEIN_PRIOR = 0.6;

interface Field {
  weight: number;
  terms: string[];
}

const DOSSIER_FIELDS = { naam: 3, titel: 3, kerntaak: 1.5, werkproces: 1 } as const;
const QUERY_FIELDS = { title: 3, description: 2, deeltaak: 1.5, eindterm: 1 } as const;
const K1 = 1.2;
const B = 0.5;

export class MatchingEngine {
  private readonly lexicon: Lexicon;
  private readonly docs: Array<{ crebo: string; domein: string | null; tf: Map<string, number>; length: number }>;
  private readonly df = new Map<string, number>();
  private readonly avgLength: number;

  constructor(dossiers: readonly DossierText[], vocabularySource: { lexicon: Lexicon }) {
    this.lexicon = vocabularySource.lexicon;
    this.docs = dossiers.map((d) => {
      const fields: Field[] = [
        { weight: DOSSIER_FIELDS.naam, terms: d.kwalificaties.flatMap((n) => this.terms(n)) },
        { weight: DOSSIER_FIELDS.titel, terms: this.terms(d.titel) },
        { weight: DOSSIER_FIELDS.kerntaak, terms: d.kerntaken.flatMap((n) => this.terms(n)) },
        { weight: DOSSIER_FIELDS.werkproces, terms: d.werkprocessen.flatMap((n) => this.terms(n)) },
      ];
      const tf = new Map<string, number>();
      let length = 0;
      for (const f of fields) {
        for (const t of f.terms) {
          tf.set(t, (tf.get(t) ?? 0) + f.weight);
          length += f.weight;
        }
      }
      for (const t of tf.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
      return { crebo: d.crebo, domein: d.opleidingsdomein, tf, length };
    });
    this.avgLength = this.docs.reduce((s, d) => s + d.length, 0) / Math.max(1, this.docs.length);
  }

  private terms(text: string): string[] {
    return termsWithCompounds(text, this.lexicon);
  }

  private queryWeights(k: KeuzevakText): Map<string, number> {
    const q = new Map<string, number>();
    const add = (texts: readonly string[], weight: number) => {
      for (const text of texts) for (const t of this.terms(text)) q.set(t, (q.get(t) ?? 0) + weight);
    };
    add([k.title], QUERY_FIELDS.title);
    add([k.description], QUERY_FIELDS.description);
    add(k.deeltaken, QUERY_FIELDS.deeltaak);
    add(k.eindtermen, QUERY_FIELDS.eindterm);
    // Dampen repetition: a term repeated in every eindterm should not dominate.
    for (const [t, w] of q) q.set(t, 1 + Math.log(w));
    return q;
  }

  rankDossiers(k: KeuzevakText): Array<{ crebo: string; score: number }> {
    const q = this.queryWeights(k);
    const n = this.docs.length;
    const domeinen = (k.profielCode && typeof profielDomeinen[k.profielCode] === 'object' ? profielDomeinen[k.profielCode] : {}) as Record<string, number>;
    const scored = this.docs.map((d) => {
      let score = 0;
      for (const [t, qw] of q) {
        const f = d.tf.get(t);
        if (!f) continue;
        const df = this.df.get(t) ?? 0;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        score += qw * idf * ((f * (K1 + 1)) / (f + K1 * (1 - B + (B * d.length) / this.avgLength)));
      }
      const prior = d.domein ? (domeinen[d.domein] ?? 0) : 0;
      return { crebo: d.crebo, score: score * (1 + DOMEIN_PRIOR * prior) };
    });
    return scored.filter((s) => s.score > 0).sort((a, b) => b.score - a.score || a.crebo.localeCompare(b.crebo));
  }
}
