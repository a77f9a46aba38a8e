/**
 * Exports of the inventory (CSV, XLSX) and of the crosswalk within it (1EdTech CASE 1.1 package JSON). The selection is
 * bounded by its schema (SELECTION_LIMITS); the XLSX is built in a worker thread (exceljs is CPU work of up to a second).
 */
import type { Kysely } from 'kysely';
import { buildCasePackage, type CfPackage } from '../../../domain/crosswalk/case-package.js';
import { inventoryCsv } from '../../../domain/inventory/export-table.js';
import type { CaseNode } from '../../../domain/crosswalk/case-package.js';
import { parseMboItemId } from '../../../domain/inventory/ids.js';
import type { DB } from '../../db/schema.js';
import { snapshotOf, type CatalogSnapshot } from '../../read-models/catalogue-snapshot.js';
import * as crosswalk from '../../repositories/crosswalk-repository.js';
import type { StoredLink } from '../../repositories/crosswalk-repository.js';
import type { AuthContext, UseCaseContext } from '../../access/context.js';
import { runInWorker } from '../../workers/pool.js';
import { authorizePartnership, PARTNERSHIP_NOT_FOUND } from '../../access/partnership.js';
import { notFound } from '../../errors.js';
import { findPartnership } from '../../repositories/partnership-repository.js';
import { computeInventoryFor, type InventoryQuery } from './get-inventory.js';

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: string | Buffer;
}

function fileStem(q: InventoryQuery): string {
  const vmbo = q.profiel ?? q.keuzevakken?.[0] ?? q.profielmodulen?.[0] ?? 'vmbo';
  const mbo = q.kwalificatie ?? q.keuzedelen?.[0] ?? 'mbo';
  return `inventaris-${vmbo}-${mbo}${q.leerweg ? `-${q.leerweg}` : ''}`.replace(/[^A-Za-z0-9-]+/g, '-');
}

export async function exportInventory(opts: { db: Kysely<DB>; auth?: AuthContext | null; partnershipId?: string; query: InventoryQuery; formaat: 'csv' | 'xlsx' }): Promise<ExportFile> {
  const { inventory } = await computeInventoryFor(opts);
  const stem = fileStem(opts.query);
  if (opts.formaat === 'csv') return { fileName: `${stem}.csv`, contentType: 'text/csv; charset=utf-8', body: inventoryCsv(inventory) };
  return { fileName: `${stem}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await runInWorker('inventoryXlsx', { inventory }) };
}

const hasSelection = (q: InventoryQuery) =>
  Boolean((q.profiel || q.keuzevakken?.length || q.profielmodulen?.length) && (q.kwalificatie || q.keuzedelen?.length));

/**
 * The whole crosswalk of a samenwerking (no selection): the items of its confirmed links that are still in the
 * catalogue, with what they belong to (keuzevak or profielmodule › deeltaak; kwalificatie › kerntaak), as CASE nodes.
 */
function crosswalkNodes(snapshot: CatalogSnapshot, links: readonly StoredLink[]): { nodes: CaseNode[]; links: StoredLink[] } {
  const nodes = new Map<string, CaseNode>();
  const add = (n: CaseNode) => void (nodes.has(n.key) ? undefined : nodes.set(n.key, n));
  add({ key: 'vmbo', code: null, statement: 'vmbo: eindtermen in de crosswalk', type: 'Examenprogramma', parentKey: null });
  add({ key: 'mbo', code: null, statement: 'mbo: werkprocessen en keuzedelen in de crosswalk', type: 'Kwalificatiedossier', parentKey: null });
  const vmboOk = (id: string): boolean => {
    const e = snapshot.byId.get(id);
    const d = e?.parent_id ? snapshot.byId.get(e.parent_id) : undefined;
    const p = d?.parent_id ? snapshot.byId.get(d.parent_id) : undefined;
    if (!e || e.kind !== 'eindterm' || !d || !p || (p.kind !== 'keuzevak' && p.kind !== 'profielmodule')) return false;
    const parentKey = `${p.kind}:${p.code}`;
    add({ key: parentKey, code: p.code, statement: p.title, type: p.kind === 'keuzevak' ? 'Keuzevak' : 'Profielmodule', parentKey: 'vmbo' });
    add({ key: `deeltaak:${d.id}`, code: d.code, statement: d.title, type: 'Deeltaak', parentKey });
    add({ key: e.id, code: e.code, statement: e.title, type: 'Eindterm', parentKey: `deeltaak:${d.id}` });
    return true;
  };
  const mboOk = (id: string): boolean => {
    const ref = parseMboItemId(id);
    if (!ref) return false;
    if (ref.soort === 'keuzedeel') {
      const kd = snapshot.mbo.keuzedelen.get(ref.code);
      if (kd) add({ key: id, code: kd.code, statement: kd.titel, type: 'Keuzedeel', parentKey: 'mbo' });
      return kd !== undefined;
    }
    const k = snapshot.mbo.kwalificaties.get(ref.crebo);
    if (!k) return false;
    for (const kt of snapshot.mbo.kerntakenOf(k).kerntaken) {
      const w = kt.werkprocessen.find((x) => x.code === ref.code);
      if (!w) continue;
      add({ key: `kwalificatie:${k.crebo}`, code: k.crebo, statement: `${k.naam} (niveau ${k.niveau})`, type: 'Kwalificatie', parentKey: 'mbo' });
      add({ key: `kerntaak:${k.crebo}:${kt.code}`, code: kt.code, statement: kt.titel ?? kt.code, type: 'Kerntaak', parentKey: `kwalificatie:${k.crebo}` });
      add({ key: id, code: w.code, statement: w.titel, type: 'Werkproces', parentKey: `kerntaak:${k.crebo}:${kt.code}` });
      return true;
    }
    return false;
  };
  const kept = links.filter((l) => l.status === 'bevestigd' && vmboOk(l.eindtermId) && mboOk(l.werkprocesId));
  return { nodes: [...nodes.values()], links: kept };
}

/**
 * The confirmed and hand-added links of the samenwerking as CASE 1.1: within the selection (both frameworks as
 * selected), or without a selection the whole crosswalk (only the items its links touch).
 */
export async function exportCase(opts: UseCaseContext & { partnershipId: string; query: InventoryQuery }): Promise<CfPackage> {
  if (!hasSelection(opts.query)) {
    await authorizePartnership({ db: opts.db, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.read' });
    const [row, stored, unlinked, snapshot] = await Promise.all([
      findPartnership(opts.db, opts.partnershipId),
      crosswalk.listLinks(opts.db, opts.partnershipId),
      crosswalk.listUnlinked(opts.db, opts.partnershipId),
      snapshotOf(opts.db),
    ]);
    // A samenwerking removed between the access check and this read is a 404, not a 500.
    if (!row) throw notFound(PARTNERSHIP_NOT_FOUND);
    const marked = new Set(unlinked.map((u) => u.itemId));
    const { nodes, links } = crosswalkNodes(snapshot, stored.filter((l) => !marked.has(l.eindtermId) && !marked.has(l.werkprocesId)));
    const dates = [...snapshot.latest.values()].map((r) => r.imported_at.toISOString()).sort();
    return buildCasePackage({
      key: `samenwerking:${opts.partnershipId}|alles`,
      title: `Crosswalk ${row.naam}: vmbo ↔ mbo`,
      creator: 'Doorlopend',
      description: `Alle bevestigde koppelingen tussen eindtermen (vmbo) en werkprocessen of keuzedelen (mbo) van de samenwerking ${row.naam}.`,
      catalogusDatum: dates.at(-1) ?? new Date(0).toISOString(),
      nodes,
      links: links.map((l) => ({ eindtermKey: l.eindtermId, werkprocesKey: l.werkprocesId, relatie: l.relatie, toelichting: l.toelichting, herkomst: l.herkomst, op: l.op })),
    });
  }
  const { inventory, resolved, snapshot, inventaris } = await computeInventoryFor(opts);
  const dates = [...snapshot.latest.values()].map((r) => r.imported_at.toISOString()).sort();
  const s = resolved.selectie;
  const vmbo = [s.vmbo.profiel ? `profiel ${s.vmbo.profiel.code}` : null, ...s.vmbo.keuzevakken.map((k) => k.code), ...s.vmbo.profielmodulen.map((p) => p.code)].filter(Boolean);
  const mbo = [s.mbo.kwalificatie ? `${s.mbo.kwalificatie.naam} (${s.mbo.kwalificatie.crebo})` : null, ...s.mbo.keuzedelen.map((k) => k.code)].filter(Boolean);
  const key = `samenwerking:${opts.partnershipId}|vmbo:${s.vmbo.profiel?.code ?? ''}:${s.vmbo.leerweg ?? ''}:${[...s.vmbo.keuzevakken, ...s.vmbo.profielmodulen].map((k) => k.code).sort().join(',')}|mbo:${s.mbo.kwalificatie?.crebo ?? ''}:${s.mbo.keuzedelen.map((k) => k.code).sort().join(',')}`;
  return buildCasePackage({
    key,
    title: `Crosswalk ${inventaris.samenwerking!.naam}: vmbo ${s.vmbo.leerweg ?? ''} ↔ mbo`.replace(/\s+/g, ' '),
    creator: 'Doorlopend',
    description: `Bevestigde koppelingen tussen eindtermen (vmbo: ${vmbo.join(', ')}${s.vmbo.leerweg ? `, leerweg ${s.vmbo.leerweg}` : ''}) en werkprocessen of keuzedelen (mbo: ${mbo.join(', ')}) van de samenwerking ${inventaris.samenwerking!.naam}.`,
    catalogusDatum: dates.at(-1) ?? new Date(0).toISOString(),
    nodes: resolved.caseNodes,
    links: inventory.links
      .filter((l) => l.status === 'bevestigd' || l.status === 'handmatig')
      .map((l) => ({ eindtermKey: l.eindtermId, werkprocesKey: l.werkprocesId, relatie: l.relatie, toelichting: l.toelichting, herkomst: l.status === 'handmatig' ? 'handmatig' : 'voorgesteld', op: l.op! })),
  });
}
