/**
 * The PTA of one vak as an XLSX workbook (exceljs): the header data at the top, then one row per toets with the
 * usual columns; numbers (duur, weging) are real numbers, the SE-weging a real percentage (10 is stored as 0.1 and
 * shown as 10% with the user's own decimal sign), the "Stand van" a real date (the day in Europe/Amsterdam, shown as
 * "23 november 2026" in Dutch), the header row is frozen and filterable, and the sheet prints landscape on one page width.
 */
import ExcelJS from 'exceljs';
import { dagInAmsterdam } from '../../domain/exports/document-model.js';
import { PTA_KOLOMMEN, STAND_VAN, inhoudTekst, periodeLabel, ptaKopgegevens, ptaTitel, type Pta } from '../../domain/exports/pta.js';

/** Whole percentages without decimals, others with up to two. */
const percentFormat = (n: number) => (Number.isInteger(n) ? '0%' : '0.##%');
/** A date with Dutch month names whatever the language of the spreadsheet program ([$-413] is nl-NL). */
export const DATUM_FORMAT = '[$-413]d mmmm yyyy';
/** The calendar day in Amsterdam as a spreadsheet date (which has no time zone: midnight UTC of that day). */
function amsterdamDate(iso: string): Date | null {
  const d = dagInAmsterdam(iso);
  return d ? new Date(Date.UTC(d.jaar, d.maand - 1, d.dag)) : null;
}

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
    const datum = label === STAND_VAN ? amsterdamDate(pta.stand) : null;
    const r = ws.addRow([label, datum ?? value]);
    r.getCell(1).font = { bold: true };
    if (datum) {
      r.getCell(2).numFmt = DATUM_FORMAT;
      r.getCell(2).alignment = { horizontal: 'left' };
    }
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
      rij.seWeging == null ? null : rij.seWeging / 100,
    ]);
    r.alignment = { vertical: 'top', wrapText: true };
    if (rij.seWeging != null) r.getCell(8).numFmt = percentFormat(rij.seWeging);
  }
  if (pta.rijen.length === 0) ws.addRow(['Er zijn nog geen toetsen van het PTA bij de eindtermen van dit vak.']);
  else {
    const total = ws.addRow(['Totaal SE-weging', '', '', '', '', '', '', pta.totaalSeWeging == null ? null : pta.totaalSeWeging / 100]);
    total.font = { bold: true };
    if (pta.totaalSeWeging != null) total.getCell(8).numFmt = percentFormat(pta.totaalSeWeging);
    ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + pta.rijen.length, column: PTA_KOLOMMEN.length } };
  }
  if (pta.seWegingWaarschuwing) {
    const w = ws.addRow([pta.seWegingWaarschuwing]);
    w.font = { bold: true, color: { argb: 'FF9C0006' } };
  }
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
  [22, 12, 70, 20, 10, 9, 12, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
