/**
 * The overlap inventory as XLSX (exceljs): the items, the counted links and the totals, each on its own sheet.
 * CPU work: run through the worker pool (`workers/pool.ts`), not on a request's event loop.
 */
import ExcelJS from 'exceljs';
import { ITEM_HEADER, LINK_HEADER, inventoryTables } from '../../domain/inventory/export-table.js';
import type { Inventory } from '../../domain/inventory/inventory.js';

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
