/**
 * Dutch full-text search over the catalogue, ranked, with the matching words
 * highlighted. Whole words first; when they find nothing, the parts of
 * compound words ("kinderopvang" -> "kinder" + "opvang", using the
 * catalogue's own vocabulary); then word beginnings ("kinderop").
 */
import type { Kysely } from 'kysely';
import type { Leerweg, SearchKind, SearchQuery, SearchResult } from '../../../shared/catalog-api.js';
import { fold, highlight, queryTerms, snippet, splitCompound, stem, tokenize } from '../../../domain/text/analyzer.js';
import { foldCode } from '../../../domain/vmbo/search-documents.js';
import type { DB } from '../../db/schema.js';
import type { IndexFilters } from '../../../domain/search/search-index.js';
import { snapshotOf, type CatalogSnapshot } from '../../read-models/catalogue-snapshot.js';

const CODE_LIKE = /^\s*[a-z]{1,3}[\s/-][a-z&]{2,4}([\s/-][0-9a-z.-]+)*\s*$/i;

interface Plan {
  strategy: SearchResult['strategy'];
  /** Terms to highlight. */
  terms: string[];
  prefixes: string[];
  /** Index terms to look up, and how to combine them. */
  lookup: string[];
  mode: 'and' | 'or' | 'prefix';
  note: string | null;
}

const clean = (t: string) => t.replace(/[^\p{L}\p{N}]/gu, '');

function wholeWords(q: string): Plan | null {
  const terms = queryTerms(q).map(clean).filter(Boolean);
  return terms.length === 0 ? null : { strategy: 'woorden', terms, prefixes: [], lookup: terms, mode: 'and', note: null };
}

function compoundParts(snapshot: CatalogSnapshot, q: string, mode: 'and' | 'or'): Plan | null {
  const words = tokenize(q).filter((t) => !t.stop).map((t) => t.folded);
  const lexicon = snapshot.lexicon;
  let split = false;
  const groups = words.map((w) => {
    const parts = splitCompound(w, lexicon);
    if (parts.length === 0) return [clean(stem(w))];
    split = true;
    return parts.map((p) => clean(stem(p)));
  });
  if (!split) return null;
  const terms = [...new Set(groups.flat().filter(Boolean))];
  const partsText = groups.flat().join(mode === 'and' ? ' en ' : ' of ');
  return {
    strategy: 'delen',
    terms,
    prefixes: [],
    lookup: terms,
    mode,
    note: `Geen treffers voor "${q.trim()}" als geheel woord; getoond worden treffers voor de delen ${partsText}.`,
  };
}

function wordBeginnings(q: string): Plan | null {
  const words = [...new Set(fold(q).match(/[\p{L}\p{N}]+/gu) ?? [])].filter((w) => w.length >= 3);
  if (words.length === 0) return null;
  return {
    strategy: 'begin',
    terms: [],
    prefixes: words,
    lookup: words,
    mode: 'prefix',
    note: `Geen treffers voor "${q.trim()}" als geheel woord; getoond worden woorden die zo beginnen.`,
  };
}

export async function searchCatalog(opts: { db: Kysely<DB>; query: SearchQuery }): Promise<SearchResult> {
  const { db, query } = opts;
  const snapshot = await snapshotOf(db);
  const filters: IndexFilters = {
    side: query.side === 'alle' ? undefined : query.side,
    kind: query.kind,
    leerweg: query.leerweg,
    profiel: query.profiel?.toUpperCase(),
  };
  const codeFolded = CODE_LIKE.test(query.q) ? foldCode(query.q) : null;
  const run = (p: Plan) => snapshot.index.search({ terms: p.lookup, mode: p.mode, codeFolded, filters, limit: query.limit, offset: query.offset });

  const attempts: Array<() => Plan | null> = [
    () => wholeWords(query.q),
    () => compoundParts(snapshot, query.q, 'and'),
    () => compoundParts(snapshot, query.q, 'or'),
    () => wordBeginnings(query.q),
  ];
  let plan: Plan | null = null;
  let found: ReturnType<typeof run> = { total: 0, hits: [] };
  for (const attempt of attempts) {
    const candidate = attempt();
    if (!candidate) continue;
    const result = run(candidate);
    plan ??= candidate;
    if (result.total > 0) {
      plan = candidate;
      found = result;
      break;
    }
  }
  if (!plan) return { query: query.q, terms: [], total: 0, hits: [], strategy: 'woorden', note: null };
  const active = plan;
  return {
    query: query.q,
    terms: active.terms,
    total: found.total,
    strategy: active.strategy,
    note: found.total > 0 ? active.note : null,
    hits: found.hits.map(({ doc, score }) => ({
      side: doc.side,
      kind: doc.kind as SearchKind,
      id: doc.itemId,
      code: doc.code,
      title: doc.title,
      titleHighlight: highlight(doc.title, active.terms, active.prefixes),
      snippet: doc.body ? snippet(doc.body, active.terms, active.prefixes) : [],
      context: doc.context,
      url: doc.url,
      leerwegen: doc.leerwegen as Leerweg[],
      score: Math.round(score * 10000) / 10000,
    })),
  };
}

/** Ids of items of one kind whose document matches the text (list filters). */
export async function matchingItemIds(db: Kysely<DB>, q: string, kind: SearchKind, side: 'vmbo' | 'mbo' = 'vmbo'): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; offset < 5000; offset += 100) {
    const result = await searchCatalog({ db, query: { q, side, kind, limit: 100, offset } });
    ids.push(...result.hits.map((h) => h.id));
    if (ids.length >= result.total) break;
  }
  return ids;
}
