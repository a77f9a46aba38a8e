/**
 * The public menukaart as XLSX (exceljs): one sheet, a header row (bold, frozen) and one row per module, the same
 * columns as the CSV (src/domain/menukaart/export.ts). Fixed dates: the same menukaart gives the same file.
 */
import ExcelJS from 'exceljs';
import { MENUKAART_KOPPEN } from '../../domain/menukaart/export.js';

export async function menukaartXlsx(rijen: ReadonlyArray<ReadonlyArray<string | number>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Doorlopend';
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const ws = wb.addWorksheet('Menukaart');
  ws.addRow([...MENUKAART_KOPPEN]).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rijen) ws.addRow([...r]);
  [40, 26, 10, 28, 22, 8, 16, 14, 30, 20, 10, 30, 20, 20, 16, 40, 40, 50].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
