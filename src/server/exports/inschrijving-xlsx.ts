/**
 * The registration list of a joint exam for the mbo student administration (issue 14) as an XLSX workbook (exceljs):
 * one row per pupil with the columns of domain/examen/inschrijving-export.ts, dates as real dates, the header row
 * frozen and filterable; pupils whose needed field is missing on a second sheet "Let op".
 */
import ExcelJS from 'exceljs';
import { INSCHRIJVING_KOLOMMEN, type InschrijvingRij, type InschrijvingWaarschuwing } from '../../domain/examen/inschrijving-export.js';

const DATUM = 'dd-mm-yyyy';
const asDate = (d: string | null): Date | string => (d ? new Date(`${d}T00:00:00Z`) : '');

export async function inschrijvingXlsx(v: { titel: string; rijen: InschrijvingRij[]; waarschuwingen: InschrijvingWaarschuwing[] }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Doorlopend';
  wb.title = v.titel;
  wb.created = new Date(0);
  wb.modified = wb.created;
  const ws = wb.addWorksheet('Inschrijving');
  const header = ws.addRow([...INSCHRIJVING_KOLOMMEN]);
  header.font = { bold: true };
  for (const r of v.rijen) {
    const row = ws.addRow([r.leerlingnummer, r.roepnaam, r.tussenvoegsel, r.achternaam, asDate(r.geboortedatum), r.school, r.keuzedeelCode, r.keuzedeelTitel, asDate(r.examendatum), r.status]);
    row.getCell(5).numFmt = DATUM;
    row.getCell(9).numFmt = DATUM;
    // Leerlingnummer as text: leading zeros stay.
    row.getCell(1).numFmt = '@';
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: INSCHRIJVING_KOLOMMEN.length } };
  ws.columns.forEach((c, i) => (c.width = [14, 14, 12, 18, 14, 24, 13, 36, 13, 12][i] ?? 14));
  if (v.waarschuwingen.length) {
    const let_op = wb.addWorksheet('Let op');
    let_op.addRow(['Bij deze leerlingen ontbreekt een gegeven dat de inschrijving nodig heeft']).font = { bold: true };
    let_op.addRow(['Leerling', 'Ontbreekt']).font = { bold: true };
    for (const w of v.waarschuwingen) let_op.addRow([w.naam, w.ontbreekt.join(', ')]);
    let_op.columns.forEach((c) => (c.width = 36));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
