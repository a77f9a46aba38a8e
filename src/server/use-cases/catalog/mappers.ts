/** Row -> API shape conversions shared by the catalogue use cases. */
import { codeToSlug, type Eindterm, type ItemStatus, type Leerweg, type Provenance } from '../../../shared/catalog-api.js';
import { profielRef } from '../../../domain/vmbo/profiel-names.js';
import type { ReleaseRow, SummaryRow, VmboItemRow } from '../../repositories/vmbo-catalog-repository.js';

export const SLO_SOURCE_LABEL = 'SLO examenprogramma beroepsgericht';

export function provenanceOf(row: VmboItemRow, releases: Map<number, ReleaseRow>): Provenance {
  const last = releases.get(row.last_release_id);
  const first = releases.get(row.first_release_id);
  return {
    source: last?.is_demo ? `${SLO_SOURCE_LABEL} (demodata van Doorlopend)` : SLO_SOURCE_LABEL,
    release: last?.release ?? 'onbekend',
    importedAt: (last?.imported_at ?? new Date(0)).toISOString(),
    firstRelease: first?.release ?? 'onbekend',
    sloId: row.id,
  };
}

export function eindtermOf(row: VmboItemRow): Eindterm {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    description: row.description,
    leerwegen: row.leerwegen as Leerweg[],
    status: row.status as ItemStatus,
  };
}

export function summaryOf(row: SummaryRow) {
  return {
    id: row.id,
    code: row.code,
    slug: codeToSlug(row.code),
    title: row.title,
    description: row.description,
    profiel: profielRef(row.profiel_code ?? '', row.profiel_title ?? ''),
    leerwegen: row.leerwegen as Leerweg[],
    status: row.status as ItemStatus,
    aantalDeeltaken: row.aantal_deeltaken,
    aantalEindtermen: row.aantal_eindtermen,
  };
}

/** Group children rows by parent id, keeping order. */
export function groupByParent(rows: readonly VmboItemRow[]): Map<string, VmboItemRow[]> {
  const map = new Map<string, VmboItemRow[]>();
  for (const r of rows) {
    if (!r.parent_id) continue;
    const list = map.get(r.parent_id) ?? [];
    list.push(r);
    map.set(r.parent_id, list);
  }
  return map;
}
