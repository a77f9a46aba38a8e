/**
 * In-memory inverted index over search documents: weighted fields (A–D),
 * idf, length normalisation, a boost per kind, exact code matches first,
 * whole-term (AND/OR) and word-beginning queries. Pure: no I/O.
 */
import type { SearchDocumentInput } from '../vmbo/search-documents.js';

const FIELD_WEIGHT = { A: 1.0, B: 0.5, C: 0.25, D: 0.1 } as const;
type Field = keyof typeof FIELD_WEIGHT;

interface Posting {
  doc: number;
  weight: number; // Σ field weight × term frequency
}

export interface IndexFilters {
  side?: 'vmbo' | 'mbo';
  kind?: string;
  leerweg?: string;
  profiel?: string;
}

export interface IndexQuery {
  terms: string[];
  mode: 'and' | 'or' | 'prefix';
  codeFolded: string | null;
  filters: IndexFilters;
  limit: number;
  offset: number;
}

export interface IndexHit {
  doc: SearchDocumentInput;
  score: number;
}

export class SearchIndex {
  private readonly postings = new Map<string, Posting[]>();
  private readonly sortedTerms: string[];
  private readonly norms: Float64Array;
  private readonly byCode = new Map<string, number[]>();

  constructor(readonly documents: readonly SearchDocumentInput[]) {
    this.norms = new Float64Array(documents.length);
    documents.forEach((d, i) => {
      const weights = new Map<string, number>();
      let length = 0;
      for (const field of Object.keys(FIELD_WEIGHT) as Field[]) {
        for (const term of d.weighted[field]) {
          weights.set(term, (weights.get(term) ?? 0) + FIELD_WEIGHT[field]);
          length += 1;
        }
      }
      for (const [term, weight] of weights) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push({ doc: i, weight });
      }
      this.norms[i] = 1 + Math.log(1 + length);
      const codes = this.byCode.get(d.codeFolded) ?? [];
      codes.push(i);
      this.byCode.set(d.codeFolded, codes);
    });
    this.sortedTerms = [...this.postings.keys()].sort();
  }

  private idf(df: number): number {
    return Math.log(1 + (this.documents.length - df + 0.5) / (df + 0.5));
  }

  /** Terms of the index that start with `prefix`. */
  private expand(prefix: string): string[] {
    let lo = 0;
    let hi = this.sortedTerms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sortedTerms[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < this.sortedTerms.length && this.sortedTerms[i]!.startsWith(prefix); i += 1) out.push(this.sortedTerms[i]!);
    return out;
  }

  private passes(d: SearchDocumentInput, f: IndexFilters): boolean {
    return (
      (!f.side || d.side === f.side) &&
      (!f.kind || d.kind === f.kind) &&
      (!f.leerweg || (d.leerwegen as string[]).includes(f.leerweg)) &&
      (!f.profiel || d.profielCode === f.profiel)
    );
  }

  search(q: IndexQuery): { total: number; hits: IndexHit[] } {
    // Each query term becomes a group of index terms (one, or all expansions of a prefix).
    const groups = q.terms.map((t) => (q.mode === 'prefix' ? this.expand(t) : this.postings.has(t) ? [t] : []));
    const scores = new Map<number, number>();
    const matchedGroups = new Map<number, number>();
    groups.forEach((group) => {
      const seen = new Set<number>();
      for (const term of group) {
        const list = this.postings.get(term)!;
        const idf = this.idf(list.length);
        for (const p of list) {
          scores.set(p.doc, (scores.get(p.doc) ?? 0) + idf * p.weight);
          if (!seen.has(p.doc)) {
            seen.add(p.doc);
            matchedGroups.set(p.doc, (matchedGroups.get(p.doc) ?? 0) + 1);
          }
        }
      }
    });
    const needed = q.mode === 'or' ? 1 : groups.length;
    const hits: IndexHit[] = [];
    for (const [doc, raw] of scores) {
      if ((matchedGroups.get(doc) ?? 0) < needed) continue;
      const d = this.documents[doc]!;
      if (!this.passes(d, q.filters)) continue;
      hits.push({ doc: d, score: (raw / this.norms[doc]!) * d.boost });
    }
    if (q.codeFolded) {
      for (const doc of this.byCode.get(q.codeFolded) ?? []) {
        const d = this.documents[doc]!;
        if (!this.passes(d, q.filters)) continue;
        const existing = hits.find((h) => h.doc === d);
        if (existing) existing.score += 1000;
        else hits.push({ doc: d, score: 1000 });
      }
    }
    hits.sort((a, b) => b.score - a.score || a.doc.code.localeCompare(b.doc.code));
    return { total: hits.length, hits: hits.slice(q.offset, q.offset + q.limit) };
  }
}
