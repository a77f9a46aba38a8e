/** Search documents: written at import, queried by the search use case. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { SearchDocumentInput, SearchIndexInput } from '../../domain/vmbo/search-documents.js';
import type { DB } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

const CHUNK = 400;

export async function replaceSearchIndex(db: Db, side: 'vmbo' | 'mbo', index: SearchIndexInput): Promise<void> {
  await replaceSearchDocuments(db, side, index.documents);
  await db.deleteFrom('search_lexicon').where('side', '=', side).execute();
  const words = [...index.lexicon];
  for (let i = 0; i < words.length; i += 2000) {
    await db.insertInto('search_lexicon').values(words.slice(i, i + 2000).map(([word, freq]) => ({ side, word, freq }))).execute();
  }
}

/** All words of the catalogue's vocabulary (both sides). */
export async function loadLexiconWords(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('search_lexicon').select('word').distinct().execute();
  return rows.map((r) => r.word);
}

/** Changes whenever an import changes the catalogue; used to refresh cached vocabularies. */
export async function catalogueVersion(db: Db): Promise<string> {
  const row = await db
    .selectFrom('source_release')
    .select([sql<number>`count(*)::int`.as('n'), sql<number>`coalesce(max(id), 0)::int`.as('m')])
    .executeTakeFirstOrThrow();
  return `${row.n}:${row.m}`;
}

async function replaceSearchDocuments(db: Db, side: 'vmbo' | 'mbo', docs: readonly SearchDocumentInput[]): Promise<void> {
  await db.deleteFrom('search_document').where('side', '=', side).execute();
  for (let i = 0; i < docs.length; i += CHUNK) {
    const rows = docs.slice(i, i + CHUNK).map((d) => ({
      id: d.id,
      side: d.side,
      kind: d.kind,
      item_id: d.itemId,
      code: d.code,
      code_folded: d.codeFolded,
      title: d.title,
      body: d.body,
      context: d.context,
      url: d.url,
      leerwegen: d.leerwegen,
      profiel_code: d.profielCode,
      boost: d.boost,
      tsv: sql<string>`setweight(to_tsvector('simple', ${d.weighted.A.join(' ')}), 'A')
        || setweight(to_tsvector('simple', ${d.weighted.B.join(' ')}), 'B')
        || setweight(to_tsvector('simple', ${d.weighted.C.join(' ')}), 'C')
        || setweight(to_tsvector('simple', ${d.weighted.D.join(' ')}), 'D')`,
    }));
    await db.insertInto('search_document').values(rows as never).execute();
  }
}

export interface SearchFilters {
  side?: 'vmbo' | 'mbo';
  kind?: string;
  leerweg?: string;
  profiel?: string;
}

export interface SearchRow {
  side: string;
  kind: string;
  item_id: string;
  code: string;
  title: string;
  body: string;
  context: string;
  url: string;
  leerwegen: string[];
  score: number;
}

/**
 * Ranked search over the documents. `tsquery` is built by the caller from
 * analysed terms only (letters and digits), so it is always valid syntax.
 * An exact code match ranks first.
 */
export async function searchDocuments(
  db: Db,
  opts: { tsquery: string; codeFolded: string | null; filters: SearchFilters; limit: number; offset: number },
): Promise<{ total: number; rows: SearchRow[] }> {
  const { tsquery, codeFolded, filters } = opts;
  let base = db
    .selectFrom('search_document')
    .where((eb) =>
      codeFolded
        ? eb.or([eb(sql`tsv`, '@@', sql`to_tsquery('simple', ${tsquery})`), eb('code_folded', '=', codeFolded)])
        : eb(sql`tsv`, '@@', sql`to_tsquery('simple', ${tsquery})`),
    );
  if (filters.side) base = base.where('side', '=', filters.side);
  if (filters.kind) base = base.where('kind', '=', filters.kind);
  if (filters.leerweg) base = base.where(sql<boolean>`${filters.leerweg} = ANY(leerwegen)`);
  if (filters.profiel) base = base.where('profiel_code', '=', filters.profiel);

  const exact = codeFolded ? sql<number>`CASE WHEN code_folded = ${codeFolded} THEN 1000 ELSE 0 END` : sql<number>`0`;
  const [countRow, rows] = await Promise.all([
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    base
      .select([
        'side', 'kind', 'item_id', 'code', 'title', 'body', 'context', 'url', 'leerwegen',
        sql<number>`(${exact} + ts_rank('{0.1, 0.25, 0.5, 1.0}', tsv, to_tsquery('simple', ${tsquery}), 1) * boost)::float8`.as('score'),
      ])
      .orderBy('score', 'desc')
      .orderBy('code')
      .limit(opts.limit)
      .offset(opts.offset)
      .execute(),
  ]);
  return { total: countRow.n, rows: rows as SearchRow[] };
}
