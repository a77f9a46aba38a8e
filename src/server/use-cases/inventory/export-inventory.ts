/**
 * Exports of the inventory (CSV, XLSX) and of the crosswalk within it (1EdTech CASE 1.1 package JSON).
 */
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { buildCasePackage, type CfPackage } from '../../../domain/crosswalk/case-package.js';
import { ITEM_HEADER, LINK_HEADER, inventoryCsv, inventoryTables } from '../../../domain/inventory/export-table.js';
import type { Inventory } from '../../../domain/inventory/inventory.js';
import type { DB } from '../../db/schema.js';
import type { AuthContext } from '../auth/session.js';
import { computeInventoryFor, type InventoryQuery } from './get-inventory.js';

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: string | Buffer;
}

export async function inventoryXlsx(inv: Inventory): Promise<Buffer> {
  const { items, links, totalen } = inventoryTables(inv);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Doorlopend';
  // Fixed dates: the same inventory gives the same file.
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const sheet = (name: string, header: readonly string[] | null, rows: Array<Array<string | number>>, widths: number[]) => {
    const ws = wb.addWorksheet(name);
    if (header) {
      ws.addRow([...header]).font = { bold: true };
      ws.views = [{ state: 'frozen', ySplit: 1 }];
    }
    for (const r of rows) ws.addRow(r);
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  };
  sheet('Inventaris', ITEM_HEADER, items, [12, 6, 11, 18, 60, 50, 60, 10, 30, 38]);
  sheet('Koppelingen', LINK_HEADER, links, [18, 50, 18, 50, 12, 10, 10, 8, 30, 30, 20, 24]);
  sheet('Totalen', null, totalen, [45, 20, 30]);
  const totals = wb.getWorksheet('Totalen')!;
  totals.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
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
  return { fileName: `${stem}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await inventoryXlsx(inventory) };
}

/** The confirmed and hand-added links of the samenwerking within the selection, with both frameworks, as CASE 1.1. */
export async function exportCase(opts: { db: Kysely<DB>; auth: AuthContext | null; partnershipId: string; query: InventoryQuery }): Promise<CfPackage> {
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
