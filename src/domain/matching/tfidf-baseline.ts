/**
 * The reference baseline of ../shared/eval/README.md: plain TF-IDF cosine between a keuzevak text and dossier
 * texts; lowercase word tokens, a short Dutch stop list, log tf, smoothed idf. Deliberately naive: it is what our
 * engine is measured against, so it does not use our analyser.
 */

const STOP = new Set('de het een en van in op te voor met aan is die dat of als bij om door naar tot uit over zijn wordt worden kan er ook niet deze dit zo'.split(' '));

export function baselineTokens(text: string): string[] {
  return (text.toLowerCase().match(/[a-zà-ÿ0-9]+/g) ?? []).filter((t) => t.length > 1 && !STOP.has(t));
}

export interface BaselineDoc {
  id: string;
  text: string;
}

export class TfIdfBaseline {
  private readonly idf = new Map<string, number>();
  private readonly vectors: Array<{ id: string; vec: Map<string, number>; norm: number }>;

  constructor(docs: readonly BaselineDoc[]) {
    const tokenized = docs.map((d) => ({ id: d.id, tokens: baselineTokens(d.text) }));
    const df = new Map<string, number>();
    for (const d of tokenized) for (const t of new Set(d.tokens)) df.set(t, (df.get(t) ?? 0) + 1);
    const n = docs.length;
    for (const [t, f] of df) this.idf.set(t, Math.log((1 + n) / (1 + f)) + 1);
    this.vectors = tokenized.map((d) => {
      const vec = this.weigh(d.tokens);
      return { id: d.id, vec, norm: Math.hypot(...vec.values()) || 1 };
    });
  }

  private weigh(tokens: readonly string[]): Map<string, number> {
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    const vec = new Map<string, number>();
    for (const [t, f] of tf) {
      const idf = this.idf.get(t);
      if (idf !== undefined) vec.set(t, (1 + Math.log(f)) * idf);
    }
    return vec;
  }

  /** Document ids by cosine similarity to the text, best first. */
  rank(text: string): Array<{ id: string; score: number }> {
    const q = this.weigh(baselineTokens(text));
    const qn = Math.hypot(...q.values()) || 1;
    return this.vectors
      .map((d) => {
        let dot = 0;
        for (const [t, w] of q) dot += w * (d.vec.get(t) ?? 0);
        return { id: d.id, score: dot / (qn * d.norm) };
      })
      .filter((r) => r.score > 0)
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  }
}
