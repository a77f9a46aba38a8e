/** Data access for the vmbo catalogue (vmbo_item, source_release). The catalogue is public: no tenant scope. */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { contentHash, type StoredItemState, type Vervallen } from '../../domain/vmbo/catalog-diff.js';
import type { VmboItem, VmboKind } from '../../domain/vmbo/slo-dataset.js';
import type { CatalogNode } from '../../domain/vmbo/search-documents.js';
import type { Leerweg } from '../../shared/catalog-api.js';
import type { DB, SourceReleaseTable, VmboItemTable } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;
export type VmboItemRow = Selectable<VmboItemTable>;
export type ReleaseRow = Selectable<SourceReleaseTable>;

export const SLO_SOURCE = 'slo-examenprogramma-bg';
const CHUNK = 300;

// ---- write side (import) ----

export async function loadItemStates(db: Db): Promise<StoredItemState[]> {
  const rows = await db.selectFrom('vmbo_item').select(['id', 'kind', 'content_hash', 'status']).execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind as VmboKind, contentHash: r.content_hash, status: r.status as 'actief' | 'vervallen' }));
}

export async function insertRelease(
  db: Db,
  r: { source: string; release: string; location: string; checksum: string; isDemo: boolean; report: unknown },
): Promise<number> {
  const row = await db
    .insertInto('source_release')
    .values({ source: r.source, release: r.release, location: r.location, checksum: r.checksum, is_demo: r.isDemo, report: JSON.stringify(r.report) } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateReleaseReport(db: Db, id: number, report: unknown): Promise<void> {
  await db.updateTable('source_release').set({ report: JSON.stringify(report) }).where('id', '=', id).execute();
}

function toRow(item: VmboItem, releaseId: number) {
  return {
    id: item.id,
    kind: item.kind,
    code: item.code,
    title: item.title,
    description: item.description,
    parent_id: item.parentId,
    position: item.position,
    leerwegen: item.leerwegen,
    profiel_code: item.profielCode,
    replaces: item.replaces,
    replaced_by: null,
    duplicate_of: item.duplicateOf,
    status: 'actief',
    content_hash: contentHash(item),
    first_release_id: releaseId,
    last_release_id: releaseId,
    changed_release_id: releaseId,
  };
}

export async function insertItems(db: Db, items: readonly VmboItem[], releaseId: number): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) {
    await db.insertInto('vmbo_item').values(items.slice(i, i + CHUNK).map((it) => toRow(it, releaseId))).execute();
  }
}

export async function updateChangedItems(db: Db, items: readonly VmboItem[], releaseId: number): Promise<void> {
  for (const item of items) {
    const { id, first_release_id: _first, ...rest } = toRow(item, releaseId);
    await db.updateTable('vmbo_item').set(rest).where('id', '=', id).execute();
  }
}

export async function touchUnchangedItems(db: Db, ids: readonly string[], releaseId: number): Promise<void> {
  for (let i = 0; i < ids.length; i += 2000) {
    await db.updateTable('vmbo_item').set({ last_release_id: releaseId }).where('id', 'in', ids.slice(i, i + 2000)).execute();
  }
}

export async function markVervallen(db: Db, items: readonly Vervallen[], releaseId: number): Promise<void> {
  for (const v of items) {
    await db
      .updateTable('vmbo_item')
      .set({ status: 'vervallen', replaced_by: v.replacedBy, changed_release_id: releaseId })
      .where('id', '=', v.id)
      .execute();
  }
}

/** Removes the built-in demo catalogue (our own ids) before the national data replaces it. */
export async function deleteDemoCatalogue(db: Db): Promise<boolean> {
  const demo = await db.selectFrom('source_release').select('id').where('source', '=', SLO_SOURCE).where('is_demo', '=', true).execute();
  if (demo.length === 0) return false;
  await db.deleteFrom('search_document').where('side', '=', 'vmbo').execute();
  await db.deleteFrom('search_lexicon').where('side', '=', 'vmbo').execute();
  await db.deleteFrom('vmbo_item').execute();
  await db.deleteFrom('source_release').where('id', 'in', demo.map((d) => d.id)).execute();
  return true;
}

/** Active, shown items as nodes for the search index. */
export async function loadActiveNodes(db: Db): Promise<CatalogNode[]> {
  const rows = await db
    .selectFrom('vmbo_item')
    .select(['id', 'kind', 'code', 'title', 'description', 'parent_id', 'leerwegen', 'profiel_code', 'duplicate_of'])
    .where('status', '=', 'actief')
    .orderBy('kind')
    .orderBy('position')
    .execute();
  // Hide the second SLO record of a duplicated code, and everything below it.
  const hidden = new Set(rows.filter((r) => r.duplicate_of !== null).map((r) => r.id));
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of rows) {
      if (!hidden.has(r.id) && r.parent_id !== null && hidden.has(r.parent_id)) {
        hidden.add(r.id);
        grew = true;
      }
    }
  }
  return rows.filter((r) => !hidden.has(r.id)).map((r) => ({
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

// ---- read side ----

export async function latestRelease(db: Db, source = SLO_SOURCE): Promise<ReleaseRow | undefined> {
  return db.selectFrom('source_release').selectAll().where('source', '=', source).orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function releasesById(db: Db, ids: readonly number[]): Promise<Map<number, ReleaseRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('source_release').selectAll().where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function countActive(db: Db): Promise<Record<VmboKind, number>> {
  const rows = await db
    .selectFrom('vmbo_item')
    .select(['kind', sql<number>`count(*)::int`.as('n')])
    .where('status', '=', 'actief')
    .groupBy('kind')
    .execute();
  const counts: Record<VmboKind, number> = { profiel: 0, kern: 0, kerndeel: 0, profielmodule: 0, keuzevak: 0, deeltaak: 0, eindterm: 0 };
  for (const r of rows) counts[r.kind as VmboKind] = r.n;
  return counts;
}

export async function findByKindAndCode(db: Db, kind: VmboKind, code: string): Promise<VmboItemRow[]> {
  return db.selectFrom('vmbo_item').selectAll().where('kind', '=', kind).where('code', '=', code).orderBy('duplicate_of', 'desc').execute();
}

export async function findById(db: Db, id: string): Promise<VmboItemRow | undefined> {
  return db.selectFrom('vmbo_item').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function childrenOf(db: Db, parentIds: readonly string[], opts: { includeVervallen: boolean }): Promise<VmboItemRow[]> {
  if (parentIds.length === 0) return [];
  let q = db.selectFrom('vmbo_item').selectAll().where('parent_id', 'in', [...parentIds]);
  if (!opts.includeVervallen) q = q.where('status', '=', 'actief');
  return q.orderBy('parent_id').orderBy('position').execute();
}

export interface ListFilter {
  kind: 'keuzevak' | 'profielmodule' | 'profiel';
  profiel?: string;
  leerweg?: Leerweg;
  status: 'actief' | 'vervallen' | 'alle';
  ids?: readonly string[];
}

export interface SummaryRow extends VmboItemRow {
  profiel_title: string | null;
  aantal_deeltaken: number;
  aantal_eindtermen: number;
}

/** Keuzevakken or profielmodulen with their profiel and counts (eindtermen counted for the leerweg, when given). */
export async function listWithCounts(db: Db, f: ListFilter): Promise<SummaryRow[]> {
  const lw = f.leerweg ?? null;
  let q = db
    .selectFrom('vmbo_item as k')
    .leftJoin('vmbo_item as p', 'p.id', 'k.parent_id')
    .selectAll('k')
    .select([
      'p.title as profiel_title',
      sql<number>`(SELECT count(*)::int FROM vmbo_item d WHERE d.parent_id = k.id AND d.status = k.status)`.as('aantal_deeltaken'),
      sql<number>`(SELECT count(*)::int FROM vmbo_item e JOIN vmbo_item d ON e.parent_id = d.id
                   WHERE d.parent_id = k.id AND e.status = k.status AND (${lw}::text IS NULL OR ${lw}::text = ANY(e.leerwegen)))`.as('aantal_eindtermen'),
    ])
    .where('k.kind', '=', f.kind);
  // The second SLO record of a duplicated code is only reachable by id.
  if (!f.ids) q = q.where('k.duplicate_of', 'is', null);
  if (f.status !== 'alle') q = q.where('k.status', '=', f.status);
  if (f.profiel) q = q.where('k.profiel_code', '=', f.profiel);
  if (f.leerweg) q = q.where(sql<boolean>`${f.leerweg}::text = ANY(k.leerwegen)`);
  if (f.ids) {
    if (f.ids.length === 0) return [];
    q = q.where('k.id', 'in', [...f.ids]);
  }
  return (await q.orderBy('k.code').execute()) as SummaryRow[];
}

export async function listProfielen(db: Db): Promise<Array<VmboItemRow & { aantal_modules: number; aantal_keuzevakken: number }>> {
  return (await db
    .selectFrom('vmbo_item as p')
    .selectAll('p')
    .select([
      sql<number>`(SELECT count(*)::int FROM vmbo_item c WHERE c.parent_id = p.id AND c.kind = 'profielmodule' AND c.status = 'actief')`.as('aantal_modules'),
      sql<number>`(SELECT count(*)::int FROM vmbo_item c WHERE c.parent_id = p.id AND c.kind = 'keuzevak' AND c.status = 'actief' AND c.duplicate_of IS NULL)`.as('aantal_keuzevakken'),
    ])
    .where('p.kind', '=', 'profiel')
    .where('p.status', '=', 'actief')
    .orderBy('p.code')
    .execute()) as Array<VmboItemRow & { aantal_modules: number; aantal_keuzevakken: number }>;
}
