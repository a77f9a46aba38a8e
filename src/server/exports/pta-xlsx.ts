/**
 * The PTA of one vak as an XLSX workbook (exceljs): the header data at the top, then one row per toets with the
 * usual columns; numbers (duur, weging, SE-weging) are real numbers, the header row is frozen and filterable, and the
 * sheet prints landscape on one page width.
 */
import ExcelJS from 'exceljs';
import { PTA_KOLOMMEN, inhoudTekst, periodeLabel, ptaKopgegevens, ptaTitel, type Pta } from '../../domain/exports/pta.js';

export async function ptaXlsx(pta: Pta): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Doorlopend';
  wb.title = ptaTitel(pta);
  wb.subject = pta.route.naam;
  // The route's last change: the same route gives the same file.
  const stand = new Date(pta.stand);
  wb.created = Number.isNaN(stand.getTime()) ? new Date(0) : stand;
  wb.modified = wb.created;
  const ws = wb.addWorksheet(`PTA ${pta.vak.code}`.replace(/[\\/?*[\]:]/g, '-').slice(0, 31), {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const title = ws.addRow([`Programma van toetsing en afsluiting: ${pta.vak.code} ${pta.vak.titel}`]);
  title.font = { bold: true, size: 14 };
  for (const [label, value] of ptaKopgegevens(pta)) {
    const r = ws.addRow([label, value]);
    r.getCell(1).font = { bold: true };
  }
  ws.addRow([]);
  const header = ws.addRow([...PTA_KOLOMMEN]);
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
    c.border = { bottom: { style: 'thin' } };
    c.alignment = { vertical: 'top', wrapText: true };
  });
  const headerRow = header.number;
  for (const rij of pta.rijen) {
    const r = ws.addRow([
      periodeLabel(rij.leerjaar, rij.periode),
      rij.toetscode,
      inhoudTekst(rij),
      rij.soort === 'formatief' ? `${rij.toetsvorm} (formatief)` : rij.toetsvorm,
      rij.duurMinuten,
      rij.weging,
      rij.herkansbaar ? 'ja' : 'nee',
      rij.seWeging,
    ]);
    r.alignment = { vertical: 'top', wrapText: true };
  }
  if (pta.rijen.length === 0) ws.addRow(['Er zijn nog geen toetsen van het PTA bij de eindtermen van dit vak.']);
  else {
    const total = ws.addRow(['Totaal SE-weging', '', '', '', '', '', '', pta.totaalSeWeging]);
    total.font = { bold: true };
    ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + pta.rijen.length, column: PTA_KOLOMMEN.length } };
  }
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
  [22, 12, 70, 20, 10, 9, 12, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
