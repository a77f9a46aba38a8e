/**
 * Read model: the public catalogue in memory (moved from repositories/catalog-snapshot.ts, issue 11). It is read-mostly and changes only by an
 * import, so reads (lists, details, search) are served from a snapshot of the
 * tables plus a search index, rebuilt when an import changed the catalogue:
 * at once after an import in this process, and otherwise noticed within
 * REFRESH_MS (an import by another process against PostgreSQL).
 */
import type { Kysely } from 'kysely';
import { Lexicon, vocabulary } from '../../domain/text/analyzer.js';
import { MboCatalog, TABLE_SOURCE } from '../../domain/mbo/read-model.js';
import { buildMboSearchDocuments, mboTexts } from '../../domain/mbo/search-documents.js';
import { SearchIndex } from '../../domain/search/search-index.js';
import { buildVmboSearchDocuments, type CatalogNode } from '../../domain/vmbo/search-documents.js';
import type { VmboKind } from '../../domain/vmbo/slo-dataset.js';
import type { Leerweg } from '../../shared/catalog-api.js';
import type { DB } from '../db/schema.js';
import { catalogueVersion, loadMboTables, loadVmboItemsAndReleases, type ReleaseRow, type VmboItemRow } from '../repositories/catalogue-snapshot-repository.js';

export type { ReleaseRow, VmboItemRow };

export interface CatalogSnapshot {
  version: string;
  items: VmboItemRow[];
  byId: Map<string, VmboItemRow>;
  /** Children of every item in SLO's order, all statuses. */
  children: Map<string, VmboItemRow[]>;
  byKindCode: Map<string, VmboItemRow[]>;
  releases: Map<number, ReleaseRow>;
  /** Latest release per source. */
  latest: Map<string, ReleaseRow>;
  index: SearchIndex;
  lexicon: Lexicon;
  mbo: MboCatalog;
  builtInMs: number;
}

const REFRESH_MS = 1000;

interface Entry {
  snapshot: CatalogSnapshot;
  checkedAt: number;
}
const cache = new WeakMap<Kysely<DB>, Entry>();
const loading = new WeakMap<Kysely<DB>, Promise<CatalogSnapshot>>();
/** The version of the last snapshot built for each database; unlike `cache`, not cleared by an import. */
const loadedVersions = new WeakMap<Kysely<DB>, string>();

/** Shown, active items: not vervallen, and not under the second SLO record of a duplicated code. */
function activeNodes(items: readonly VmboItemRow[], byId: Map<string, VmboItemRow>): CatalogNode[] {
  const hidden = (r: VmboItemRow): boolean => {
    for (let cur: VmboItemRow | undefined = r; cur; cur = cur.parent_id ? byId.get(cur.parent_id) : undefined) {
      if (cur.status !== 'actief' || cur.duplicate_of !== null) return true;
    }
    return false;
  };
  return items
    .filter((r) => !hidden(r))
    .map((r) => ({
      id: r.id,
      kind: r.kind as VmboKind,
      code: r.code,
      title: r.title,
      description: r.description,
      parentId: r.parent_id,
      leerwegen: r.leerwegen as Leerweg[],
      profielCode: r.profiel_code,
    }));
}

async function build(db: Kysely<DB>, version: string): Promise<CatalogSnapshot> {
  const started = performance.now();
  const { items, releases: releaseRows } = await loadVmboItemsAndReleases(db);
  const byId = new Map(items.map((r) => [r.id, r]));
  const children = new Map<string, VmboItemRow[]>();
  const byKindCode = new Map<string, VmboItemRow[]>();
  for (const r of items) {
    if (r.parent_id) {
      const list = children.get(r.parent_id) ?? [];
      list.push(r);
      children.set(r.parent_id, list);
    }
    const key = `${r.kind}|${r.code}`;
    const same = byKindCode.get(key) ?? [];
    same.push(r);
    byKindCode.set(key, same);
  }
  const latest = new Map<string, ReleaseRow>();
  for (const r of releaseRows) latest.set(r.source, r);
  const mbo = new MboCatalog({ ...(await loadMboTables(db)), koppelingenGeladen: latest.has(TABLE_SOURCE.koppelingen) });
  const { documents, lexicon: vmboWords } = buildVmboSearchDocuments(activeNodes(items, byId));
  // One vocabulary for both sides: compound parts found on either side help the other.
  const lexicon = new Lexicon([...vmboWords.keys(), ...vocabulary(mboTexts(mbo)).keys()]);
  documents.push(...buildMboSearchDocuments(mbo, lexicon));
  return {
    version,
    items,
    byId,
    children,
    byKindCode,
    releases: new Map(releaseRows.map((r) => [r.id, r])),
    latest,
    index: new SearchIndex(documents),
    lexicon,
    mbo,
    builtInMs: performance.now() - started,
  };
}

export async function snapshotOf(db: Kysely<DB>): Promise<CatalogSnapshot> {
  const entry = cache.get(db);
  const now = Date.now();
  if (entry && now - entry.checkedAt < REFRESH_MS) return entry.snapshot;
  const pending = loading.get(db);
  if (pending) return pending;
  const promise = (async () => {
    const version = await catalogueVersion(db);
    const snapshot = entry && entry.snapshot.version === version ? entry.snapshot : await build(db, version);
    cache.set(db, { snapshot, checkedAt: Date.now() });
    loadedVersions.set(db, snapshot.version);
    return snapshot;
  })().finally(() => loading.delete(db));
  loading.set(db, promise);
  return promise;
}

/** After an import in this process: the next read rebuilds. */
export function invalidateSnapshot(db: Kysely<DB>): void {
  cache.delete(db);
}

/**
 * The catalogue version this process has in memory for `db` (`<releases>:<last release id>`), or undefined before the
 * first snapshot was built (readiness). Every cache derived from the catalogue (search index, match index and its
 * answers, leerroute doelen) hangs on the snapshot object, so it follows this version.
 */
export function loadedCatalogueVersion(db: Kysely<DB>): string | undefined {
  return loadedVersions.get(db);
}
