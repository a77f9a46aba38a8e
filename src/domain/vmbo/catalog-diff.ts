/**
 * What an import changes in the vmbo catalogue: pure comparison of the stored
 * state with an incoming dataset. Items are never deleted: what is gone
 * becomes "vervallen", with the id of its successor where SLO names one.
 */
import { createHash } from 'node:crypto';
import type { VmboItem, VmboKind } from './slo-dataset.js';

export interface StoredItemState {
  id: string;
  kind: VmboKind;
  contentHash: string;
  status: 'actief' | 'vervallen';
}

export interface Vervallen {
  id: string;
  kind: VmboKind;
  replacedBy: string | null;
}

export interface CatalogDiff {
  added: VmboItem[];
  changed: VmboItem[];
  unchanged: VmboItem[];
  vervallen: Vervallen[];
}

/** A stable hash of everything an import sets on an item. */
export function contentHash(item: VmboItem): string {
  const canonical = JSON.stringify([
    item.kind,
    item.code,
    item.title,
    item.description,
    item.parentId,
    item.position,
    item.leerwegen,
    item.profielCode,
    item.replaces,
    item.duplicateOf,
  ]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

export function diffCatalog(stored: readonly StoredItemState[], incoming: readonly VmboItem[]): CatalogDiff {
  const storedById = new Map(stored.map((s) => [s.id, s]));
  const incomingIds = new Set(incoming.map((i) => i.id));
  const successor = new Map<string, string>();
  for (const item of incoming) for (const old of item.replaces) if (!successor.has(old)) successor.set(old, item.id);

  const diff: CatalogDiff = { added: [], changed: [], unchanged: [], vervallen: [] };
  for (const item of incoming) {
    const before = storedById.get(item.id);
    if (!before) diff.added.push(item);
    else if (before.status !== 'actief' || before.contentHash !== contentHash(item)) diff.changed.push(item);
    else diff.unchanged.push(item);
  }
  for (const s of stored) {
    if (s.status === 'actief' && !incomingIds.has(s.id)) {
      diff.vervallen.push({ id: s.id, kind: s.kind, replacedBy: successor.get(s.id) ?? null });
    }
  }
  return diff;
}

export function countByKind(items: ReadonlyArray<{ kind: VmboKind }>): Record<VmboKind, number> {
  const counts: Record<VmboKind, number> = {
    profiel: 0, kern: 0, kerndeel: 0, profielmodule: 0, keuzevak: 0, deeltaak: 0, eindterm: 0,
  };
  for (const i of items) counts[i.kind] += 1;
  return counts;
}
