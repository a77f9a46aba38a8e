/**
 * The enrolment list of a menukaart module for its provider (issue 15) as XLSX (exceljs): one sheet, a bold and frozen
 * header row that filters, one row per pupil with the columns of src/domain/menukaart/inschrijving.ts, and a second
 * sheet with the places used and left per period. Fixed dates: the same list gives the same file.
 */
import ExcelJS from 'exceljs';
import { INSCHRIJVING_KOPPEN, inschrijvingWaarden, PERIODE_TEKST, type InschrijvingRij, type PlaatsenPerPeriode } from '../../domain/menukaart/inschrijving.js';

export async function moduleInschrijvingXlsx(v: { titel: string; rijen: readonly InschrijvingRij[]; plaatsen: readonly PlaatsenPerPeriode[] }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Doorlopend';
  wb.title = v.titel;
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const ws = wb.addWorksheet('Inschrijvingen');
  ws.addRow([...INSCHRIJVING_KOPPEN]).font = { bold: true };
  for (const r of v.rijen) ws.addRow(inschrijvingWaarden(r));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: INSCHRIJVING_KOPPEN.length } };
  [32, 28, 10, 9, 12, 16].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const p = wb.addWorksheet('Plaatsen');
  p.addRow(['Schooljaar', 'Periode', 'Plaatsen', 'Goedgekeurd', 'Wacht op goedkeuring', 'Vrij']).font = { bold: true };
  for (const r of v.plaatsen) p.addRow([r.schooljaar, PERIODE_TEKST[r.periode] ?? r.periode, r.capaciteit, r.goedgekeurd, r.aangevraagd, r.vrij]);
  p.views = [{ state: 'frozen', ySplit: 1 }];
  [12, 16, 10, 12, 20, 8].forEach((w, i) => (p.getColumn(i + 1).width = w));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
