/**
 * Word associations derived from the catalogue itself (issue 17): two analysis terms are related when they occur
 * together in the same short texts (a werkproces, a kerntaak, an eindterm, a deeltaak, a name) more often than their
 * frequencies predict. Computed when the match index is built, from every profiel and every opleidingsdomein alike,
 * so it holds no knowledge of particular keuzevakken or dossiers and generalises by construction. Pure.
 *
 * Relatedness is the cosine of the two terms' occurrence vectors over the texts, co / sqrt(df(a) · df(b)), counted
 * only for terms that occur in at least `minDf` texts and together in at least `minCo`; terms in more than `maxShare`
 * of all texts (the catalogue's own stop words: "kandidaat", "werkzaamheden") take no part.
 */

export interface AssociationOptions {
  minDf: number;
  minCo: number;
  maxShare: number;
  /** Related terms kept per term, best first. */
  top: number;
  /** Lowest cosine kept. */
  minSim: number;
}

export const DEFAULT_ASSOCIATION_OPTIONS: Readonly<AssociationOptions> = { minDf: 2, minCo: 2, maxShare: 0.05, top: 6, minSim: 0.3 };

export class Associations {
  private readonly related = new Map<string, Array<{ term: string; sim: number }>>();

  /** `units`: the term lists of the short texts (each counted as a set). */
  constructor(units: Iterable<readonly string[]>, options: Partial<AssociationOptions> = {}) {
    const o = { ...DEFAULT_ASSOCIATION_OPTIONS, ...options };
    const sets: string[][] = [];
    const df = new Map<string, number>();
    for (const u of units) {
      const s = [...new Set(u)];
      if (s.length < 2) continue;
      sets.push(s);
      for (const t of s) df.set(t, (df.get(t) ?? 0) + 1);
    }
    const maxDf = Math.max(o.minDf, Math.floor(sets.length * o.maxShare));
    const ids = new Map<string, number>();
    const names: string[] = [];
    for (const [t, n] of df) {
      if (n < o.minDf || n > maxDf) continue;
      ids.set(t, names.length);
      names.push(t);
    }
    const V = names.length;
    const co = new Map<number, number>();
    for (const s of sets) {
      const inUnit = s.map((t) => ids.get(t)).filter((i): i is number => i !== undefined);
      for (let i = 0; i < inUnit.length; i += 1) {
        for (let j = i + 1; j < inUnit.length; j += 1) {
          const a = Math.min(inUnit[i]!, inUnit[j]!);
          const b = Math.max(inUnit[i]!, inUnit[j]!);
          const key = a * V + b;
          co.set(key, (co.get(key) ?? 0) + 1);
        }
      }
    }
    const lists: Array<Array<{ term: string; sim: number }>> = Array.from({ length: V }, () => []);
    for (const [key, n] of co) {
      if (n < o.minCo) continue;
      const a = Math.floor(key / V);
      const b = key % V;
      const sim = n / Math.sqrt(df.get(names[a]!)! * df.get(names[b]!)!);
      if (sim < o.minSim) continue;
      lists[a]!.push({ term: names[b]!, sim });
      lists[b]!.push({ term: names[a]!, sim });
    }
    lists.forEach((l, i) => {
      if (l.length === 0) return;
      l.sort((x, y) => y.sim - x.sim || x.term.localeCompare(y.term));
      this.related.set(names[i]!, l.slice(0, o.top));
    });
  }

  /** The terms related to `term`, best first, with their relatedness in (0, 1]. */
  of(term: string): ReadonlyArray<{ term: string; sim: number }> {
    return this.related.get(term) ?? NONE;
  }

  get size(): number {
    return this.related.size;
  }
}

const NONE: ReadonlyArray<{ term: string; sim: number }> = [];
