import type { Kysely } from 'kysely';
import type { KeuzevakSummary, ListQuery, ProfielmoduleSummary } from '../../../shared/catalog-api.js';
import type { DB } from '../../db/schema.js';
import * as repo from '../../repositories/vmbo-catalog-repository.js';
import { snapshotOf } from '../../read-models/catalogue-snapshot.js';
import { matchingItemIds } from './search-catalog.js';
import { summaryOf } from './mappers.js';
import { pageOf, type Page } from './paging.js';

async function list(db: Kysely<DB>, kind: 'keuzevak' | 'profielmodule', query: ListQuery) {
  const ids = query.q ? await matchingItemIds(db, query.q, kind) : undefined;
  const rows = repo.listWithCounts(await snapshotOf(db), {
    kind,
    profiel: query.profiel?.toUpperCase(),
    leerweg: query.leerweg,
    status: query.status,
    ...(ids ? { ids } : {}),
  });
  const page = pageOf(rows, query);
  return { items: page.items.map(summaryOf), totaal: page.totaal };
}

/** The keuzevakken that match the filters; one page of them when `pagina`/`perPagina` ask for it. */
export function listKeuzevakken(opts: { db: Kysely<DB>; query: ListQuery }): Promise<Page<KeuzevakSummary>> {
  return list(opts.db, 'keuzevak', opts.query);
}

/** The profielmodulen that match the filters; one page of them when `pagina`/`perPagina` ask for it. */
export function listProfielmodulen(opts: { db: Kysely<DB>; query: ListQuery }): Promise<Page<ProfielmoduleSummary>> {
  return list(opts.db, 'profielmodule', opts.query);
}
