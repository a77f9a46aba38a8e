/** Dutch full-text search over the catalogue, ranked, with the matching words highlighted. */
import type { Kysely } from 'kysely';
import type { Leerweg, SearchKind, SearchQuery, SearchResult } from '../../../shared/catalog-api.js';
import { fold, highlight, queryTerms, snippet } from '../../../domain/text/analyzer.js';
import { foldCode } from '../../../domain/vmbo/search-documents.js';
import type { DB } from '../../db/schema.js';
import { searchDocuments } from '../../repositories/search-repository.js';

const CODE_LIKE = /^\s*[a-z]{1,3}[\s/-][a-z&]{2,4}([\s/-][0-9a-z.-]+)*\s*$/i;

interface Plan {
  terms: string[];
  prefixes: string[];
  tsquery: string;
  codeFolded: string | null;
}

/** Terms are letters and digits only (analyser output), so the tsquery is always well-formed. */
function plan(q: string, prefix: boolean): Plan | null {
  const terms = queryTerms(q).map((t) => t.replace(/[^\p{L}\p{N}]/gu, '')).filter(Boolean);
  if (terms.length === 0) return null;
  // For prefix matching use the folded words as typed: stems of half words are unreliable.
  const words = [...new Set(fold(q).match(/[\p{L}\p{N}]+/gu) ?? [])];
  const prefixes = prefix ? words.filter((w) => w.length >= 3) : [];
  const tsquery = prefix ? words.map((w) => `${w}:*`).join(' & ') : terms.join(' & ');
  return { terms, prefixes, tsquery, codeFolded: CODE_LIKE.test(q) ? foldCode(q) : null };
}

export async function searchCatalog(opts: { db: Kysely<DB>; query: SearchQuery }): Promise<SearchResult> {
  const { db, query } = opts;
  const filters = {
    side: query.side === 'alle' ? undefined : query.side,
    kind: query.kind,
    leerweg: query.leerweg,
    profiel: query.profiel?.toUpperCase(),
  };
  let p = plan(query.q, false);
  if (!p) return { query: query.q, terms: [], total: 0, hits: [] };
  let found = await searchDocuments(db, { tsquery: p.tsquery, codeFolded: p.codeFolded, filters, limit: query.limit, offset: query.offset });
  if (found.total === 0) {
    // Nothing for the whole words: try them as beginnings of words ("kinderop" finds "kinderopvang").
    const prefixPlan = plan(query.q, true);
    if (prefixPlan && prefixPlan.prefixes.length > 0) {
      const again = await searchDocuments(db, { tsquery: prefixPlan.tsquery, codeFolded: prefixPlan.codeFolded, filters, limit: query.limit, offset: query.offset });
      if (again.total > 0) {
        p = prefixPlan;
        found = again;
      }
    }
  }
  const active = p;
  return {
    query: query.q,
    terms: active.terms,
    total: found.total,
    hits: found.rows.map((r) => ({
      side: r.side as 'vmbo' | 'mbo',
      kind: r.kind as SearchKind,
      id: r.item_id,
      code: r.code,
      title: r.title,
      titleHighlight: highlight(r.title, active.terms, active.prefixes),
      snippet: r.body ? snippet(r.body, active.terms, active.prefixes) : [],
      context: r.context,
      url: r.url,
      leerwegen: r.leerwegen as Leerweg[],
      score: Math.round(r.score * 10000) / 10000,
    })),
  };
}

/** Ids of items of one kind whose document matches the text (list filters). */
export async function matchingItemIds(db: Kysely<DB>, q: string, kind: SearchKind): Promise<string[]> {
  const result = await searchCatalog({ db, query: { q, side: 'vmbo', kind, limit: 100, offset: 0 } });
  let hits = result.hits;
  if (result.total > hits.length) {
    const rest = await searchCatalog({ db, query: { q, side: 'vmbo', kind, limit: 100, offset: 100 } });
    hits = hits.concat(rest.hits);
  }
  return hits.map((h) => h.id);
}
