/**
 * Dutch full-text search over the catalogue, ranked, with the matching words
 * highlighted. Whole words first; when they find nothing, the parts of
 * compound words ("kinderopvang" -> "kinder" + "opvang", using the
 * catalogue's own vocabulary); then word beginnings ("kinderop").
 */
import type { Kysely } from 'kysely';
import type { Leerweg, SearchKind, SearchQuery, SearchResult } from '../../../shared/catalog-api.js';
import { fold, highlight, Lexicon, queryTerms, snippet, splitCompound, stem, tokenize } from '../../../domain/text/analyzer.js';
import { foldCode } from '../../../domain/vmbo/search-documents.js';
import type { DB } from '../../db/schema.js';
import { catalogueVersion, loadLexiconWords, searchDocuments, type SearchFilters } from '../../repositories/search-repository.js';

const CODE_LIKE = /^\s*[a-z]{1,3}[\s/-][a-z&]{2,4}([\s/-][0-9a-z.-]+)*\s*$/i;

interface Plan {
  strategy: SearchResult['strategy'];
  /** Terms to highlight. */
  terms: string[];
  prefixes: string[];
  /** Built from analyser output only (letters and digits), so always valid tsquery syntax. */
  tsquery: string;
  note: string | null;
}

const clean = (t: string) => t.replace(/[^\p{L}\p{N}]/gu, '');

function wholeWords(q: string): Plan | null {
  const terms = queryTerms(q).map(clean).filter(Boolean);
  return terms.length === 0 ? null : { strategy: 'woorden', terms, prefixes: [], tsquery: terms.join(' & '), note: null };
}

// The catalogue's vocabulary per database, refreshed when an import changed the catalogue.
const lexicons = new WeakMap<object, { version: string; lexicon: Lexicon }>();
async function lexiconOf(db: Kysely<DB>): Promise<Lexicon> {
  const version = await catalogueVersion(db);
  const cached = lexicons.get(db);
  if (cached?.version === version) return cached.lexicon;
  const lexicon = new Lexicon(await loadLexiconWords(db));
  lexicons.set(db, { version, lexicon });
  return lexicon;
}

async function compoundParts(db: Kysely<DB>, q: string, mode: 'and' | 'or'): Promise<Plan | null> {
  const words = tokenize(q).filter((t) => !t.stop).map((t) => t.folded);
  const lexicon = await lexiconOf(db);
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
    tsquery: terms.join(mode === 'and' ? ' & ' : ' | '),
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
    tsquery: words.map((w) => `${w}:*`).join(' & '),
    note: `Geen treffers voor "${q.trim()}" als geheel woord; getoond worden woorden die zo beginnen.`,
  };
}

export async function searchCatalog(opts: { db: Kysely<DB>; query: SearchQuery }): Promise<SearchResult> {
  const { db, query } = opts;
  const filters: SearchFilters = {
    side: query.side === 'alle' ? undefined : query.side,
    kind: query.kind,
    leerweg: query.leerweg,
    profiel: query.profiel?.toUpperCase(),
  };
  const codeFolded = CODE_LIKE.test(query.q) ? foldCode(query.q) : null;
  const run = (p: Plan) => searchDocuments(db, { tsquery: p.tsquery, codeFolded, filters, limit: query.limit, offset: query.offset });

  const attempts: Array<() => Promise<Plan | null> | Plan | null> = [
    () => wholeWords(query.q),
    () => compoundParts(db, query.q, 'and'),
    () => compoundParts(db, query.q, 'or'),
    () => wordBeginnings(query.q),
  ];
  let plan: Plan | null = null;
  let found: Awaited<ReturnType<typeof run>> = { total: 0, rows: [] };
  for (const attempt of attempts) {
    const candidate = await attempt();
    if (!candidate) continue;
    const result = await run(candidate);
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
  const ids: string[] = [];
  for (let offset = 0; offset < 1000; offset += 100) {
    const result = await searchCatalog({ db, query: { q, side: 'vmbo', kind, limit: 100, offset } });
    ids.push(...result.hits.map((h) => h.id));
    if (ids.length >= result.total) break;
  }
  return ids;
}
