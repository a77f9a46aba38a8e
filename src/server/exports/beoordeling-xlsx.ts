/**
 * The mbo keuzedeel results of one exam as an XLSX workbook (issue 14, exceljs, built in the worker pool): one row
 * per pupil with the columns of the CSV; the grade a real number shown with one decimal, the date a real date, the
 * header row frozen and filterable.
 */
import ExcelJS from 'exceljs';
import { KEUZEDEEL_KOLOMMEN, resultaatTekst, type KeuzedeelRij } from '../../domain/examen/beoordeling-export.js';
import { DATUM_FORMAT } from './pta-xlsx.js';

export async function keuzedeelXlsx(input: { titel: string; stand: string; rijen: KeuzedeelRij[] }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Doorlopend';
  wb.title = input.titel;
  const stand = new Date(input.stand);
  wb.created = Number.isNaN(stand.getTime()) ? new Date(0) : stand;
  wb.modified = wb.created;
  const ws = wb.addWorksheet('Keuzedeelresultaten', { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = ws.addRow([...KEUZEDEEL_KOLOMMEN]);
  header.font = { bold: true };
  for (const r of input.rijen) {
    const [j, m, d] = r.datum.slice(0, 10).split('-').map(Number) as [number, number, number];
    const row = ws.addRow([r.leerlingnummer, r.leerling, r.keuzedeelcode, resultaatTekst(r.resultaat), r.cijfer, new Date(Date.UTC(j, m - 1, d)), r.beoordelaar]);
    row.getCell(5).numFmt = '0.0';
    row.getCell(6).numFmt = DATUM_FORMAT;
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: KEUZEDEEL_KOLOMMEN.length } };
  ws.columns.forEach((c, i) => {
    c.width = [16, 30, 14, 14, 8, 18, 30][i] ?? 14;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
