/**
 * Data access for the vmbo catalogue (vmbo_item, vmbo_leerweg), the releases of every catalogue source
 * (source_release) and the catalogue import lock. The catalogue is public: no tenant scope.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { contentHash, type StoredItemState, type Vervallen } from '../../domain/vmbo/catalog-diff.js';
import type { VmboItem, VmboKind } from '../../domain/vmbo/slo-dataset.js';
import type { Leerweg } from '../../shared/catalog-api.js';
import type { DB } from '../db/schema.js';
import { snapshotOf, type CatalogSnapshot, type ReleaseRow, type VmboItemRow } from '../read-models/catalogue-snapshot.js';

export type { CatalogSnapshot, ReleaseRow, VmboItemRow };
type Db = Kysely<DB> | Transaction<DB>;

export const SLO_SOURCE = 'slo-examenprogramma-bg';
const CHUNK = 300;

// ---- write side (import) ----

export async function loadItemStates(db: Db): Promise<StoredItemState[]> {
  const rows = await db.selectFrom('vmbo_item').select(['id', 'kind', 'content_hash', 'status']).execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind as VmboKind, contentHash: r.content_hash, status: r.status as 'actief' | 'vervallen' }));
}

/**
 * The catalogue import lock: one import (SLO or mbo, any source) at a time, held until the transaction ends.
 * A transaction-scoped advisory lock (key 4242002; the migrations use 4242001), on PostgreSQL and PGlite alike.
 */
export async function lockCatalogueImports(trx: Transaction<DB>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(4242002)`.execute(trx);
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
  await db.deleteFrom('vmbo_item').execute();
  await db.deleteFrom('source_release').where('id', 'in', demo.map((d) => d.id)).execute();
  return true;
}

/** The vmbo leerwegen (a fixed list from migration 0001, not in the snapshot), in their usual order. */
export async function listLeerwegen(db: Kysely<DB>): Promise<Array<{ code: Leerweg; naam: string }>> {
  const rows = await db.selectFrom('vmbo_leerweg').select(['code', 'naam']).orderBy('volgorde').execute();
  // The table's CHECK constraint allows exactly the codes of the Leerweg enum (BB, KB, GL, TL).
  return rows.map((r) => ({ code: r.code as Leerweg, naam: r.naam }));
}

// ---- read side: served from the in-memory snapshot of the catalogue ----

export async function latestRelease(db: Kysely<DB>, source = SLO_SOURCE): Promise<ReleaseRow | undefined> {
  return (await snapshotOf(db)).latest.get(source);
}

/** Latest release straight from the database (inside an import transaction). */
export async function latestReleaseInDb(db: Db, source = SLO_SOURCE): Promise<ReleaseRow | undefined> {
  return db.selectFrom('source_release').selectAll().where('source', '=', source).orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export function releasesById(snapshot: CatalogSnapshot, ids: readonly number[]): Map<number, ReleaseRow> {
  return new Map(ids.flatMap((id) => (snapshot.releases.has(id) ? [[id, snapshot.releases.get(id)!] as const] : [])));
}

export function countActive(snapshot: CatalogSnapshot): Record<VmboKind, number> {
  const counts: Record<VmboKind, number> = { profiel: 0, kern: 0, kerndeel: 0, profielmodule: 0, keuzevak: 0, deeltaak: 0, eindterm: 0 };
  for (const r of snapshot.items) if (r.status === 'actief') counts[r.kind as VmboKind] += 1;
  return counts;
}

/** All records with this kind and code; the shown one first, active before vervallen. */
export function findByKindAndCode(snapshot: CatalogSnapshot, kind: VmboKind, code: string): VmboItemRow[] {
  return [...(snapshot.byKindCode.get(`${kind}|${code}`) ?? [])].sort(
    (a, b) => Number(a.duplicate_of !== null) - Number(b.duplicate_of !== null) || Number(a.status !== 'actief') - Number(b.status !== 'actief'),
  );
}

export function childrenOf(snapshot: CatalogSnapshot, parentIds: readonly string[], opts: { includeVervallen: boolean }): VmboItemRow[] {
  return parentIds.flatMap((id) => (snapshot.children.get(id) ?? []).filter((c) => opts.includeVervallen || c.status === 'actief'));
}

export interface ListFilter {
  kind: 'keuzevak' | 'profielmodule';
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
export function listWithCounts(snapshot: CatalogSnapshot, f: ListFilter): SummaryRow[] {
  const ids = f.ids ? new Set(f.ids) : null;
  const rows = snapshot.items.filter(
    (k) =>
      k.kind === f.kind &&
      // The second SLO record of a duplicated code is only reachable by id.
      (ids ? ids.has(k.id) : k.duplicate_of === null) &&
      (f.status === 'alle' || k.status === f.status) &&
      (!f.profiel || k.profiel_code === f.profiel) &&
      (!f.leerweg || k.leerwegen.includes(f.leerweg)),
  );
  return rows
    .map((k) => {
      const deeltaken = (snapshot.children.get(k.id) ?? []).filter((d) => d.status === k.status);
      const eindtermen = deeltaken.flatMap((d) => (snapshot.children.get(d.id) ?? []).filter((e) => e.status === k.status && (!f.leerweg || e.leerwegen.includes(f.leerweg))));
      return {
        ...k,
        profiel_title: k.parent_id ? (snapshot.byId.get(k.parent_id)?.title ?? null) : null,
        aantal_deeltaken: deeltaken.length,
        aantal_eindtermen: eindtermen.length,
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** Profielen with the number of profielmodulen and keuzevakken (for one leerweg, when given). */
export function listProfielen(snapshot: CatalogSnapshot, leerweg?: Leerweg): Array<VmboItemRow & { aantal_modules: number; aantal_keuzevakken: number }> {
  return snapshot.items
    .filter((p) => p.kind === 'profiel' && p.status === 'actief')
    .map((p) => {
      const kids = (snapshot.children.get(p.id) ?? []).filter((c) => c.status === 'actief' && (!leerweg || c.leerwegen.includes(leerweg)));
      return {
        ...p,
        aantal_modules: kids.filter((c) => c.kind === 'profielmodule').length,
        aantal_keuzevakken: kids.filter((c) => c.kind === 'keuzevak' && c.duplicate_of === null).length,
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}
