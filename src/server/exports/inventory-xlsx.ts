/**
 * The overlap inventory as XLSX (exceljs): the items, the counted links and the totals, each on its own sheet.
 * CPU work: run through the worker pool (`workers/pool.ts`), not on a request's event loop.
 */
import ExcelJS from 'exceljs';
import { dagInAmsterdam } from '../../domain/exports/document-model.js';
import { ITEM_HEADER, LINK_HEADER, inventoryTables, type Cell } from '../../domain/inventory/export-table.js';
import type { Inventory } from '../../domain/inventory/inventory.js';

/** A moment as the wall-clock time in Amsterdam (a spreadsheet date has no time zone: stored as that time in UTC). */
function amsterdamTijd(iso: string): Date | null {
  const d = new Date(iso);
  const dag = dagInAmsterdam(iso);
  if (!dag) return null;
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(d);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return new Date(Date.UTC(dag.jaar, dag.maand - 1, dag.dag, get('hour'), get('minute'), get('second')));
}

/** Percentages and moments as real numbers and dates with a Dutch-friendly number format; the rest as it is. */
function addRow(ws: ExcelJS.Worksheet, cells: Cell[]): void {
  const row = ws.addRow(cells.map((c) => (typeof c !== 'object' ? c : 'aandeel' in c ? c.aandeel : (amsterdamTijd(c.tijdstip) ?? c.tijdstip))));
  cells.forEach((c, i) => {
    if (typeof c !== 'object') return;
    row.getCell(i + 1).numFmt = 'aandeel' in c ? '0.0%' : 'd-m-yyyy hh:mm';
  });
}

export async function inventoryXlsx(inv: Inventory): Promise<Buffer> {
  const { items, links, totalen } = inventoryTables(inv);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Doorlopend';
  // Fixed dates: the same inventory gives the same file.
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const sheet = (name: string, header: readonly string[] | null, rows: Cell[][], widths: number[]) => {
    const ws = wb.addWorksheet(name);
    if (header) {
      ws.addRow([...header]).font = { bold: true };
      ws.views = [{ state: 'frozen', ySplit: 1 }];
    }
    for (const r of rows) addRow(ws, r);
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  };
  sheet('Inventaris', ITEM_HEADER, items, [12, 6, 11, 18, 60, 50, 60, 10, 30, 38]);
  sheet('Koppelingen', LINK_HEADER, links, [18, 50, 18, 50, 12, 10, 10, 8, 30, 30, 20, 24]);
  sheet('Totalen', null, totalen, [45, 20, 30]);
  const totals = wb.getWorksheet('Totalen')!;
  totals.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
