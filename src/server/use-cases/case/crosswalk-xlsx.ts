/**
 * The crosswalk as XLSX that travels (issue 18): export every confirmed link of a samenwerking with the stable ids of
 * its items, relation type and toelichting; import such a file (edited in a spreadsheet, or from another
 * samenwerking) with a preview of what changes. New and changed links become proposals to review; rows deleted from
 * a file of this samenwerking's own crosswalk are rejected links. All or nothing: any bad row is a 422 with its row
 * number and nothing is written. Attributed: history rows and one audit entry by the importer.
 */
import ExcelJS from 'exceljs';
import { diffImport } from '../../../domain/crosswalk/case-import.js';
import { crosswalkRows, readCrosswalkTable } from '../../../domain/crosswalk/case-xlsx.js';
import { isEindtermId } from '../../../domain/inventory/ids.js';
import { readXlsxTable } from '../../../domain/mbo/xlsx.js';
import type { ImportVoorbeeld } from '../../../shared/case-api.js';
import type { UseCaseContext } from '../../access/context.js';
import { authorizePartnership } from '../../access/partnership.js';
import { AppError } from '../../errors.js';
import { snapshotOf } from '../../read-models/catalogue-snapshot.js';
import * as crosswalk from '../../repositories/crosswalk-repository.js';
import { eindtermIn, mboItemIn } from '../inventory/review-crosswalk.js';
import { existingPairs, label, labelled, storeProposals } from './import-crosswalk.js';

export async function exportCrosswalkXlsx(opts: UseCaseContext & { partnershipId: string }): Promise<{ fileName: string; body: Buffer }> {
  await authorizePartnership({ db: opts.db, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.read' });
  const [snapshot, links] = await Promise.all([snapshotOf(opts.db), crosswalk.listLinks(opts.db, opts.partnershipId)]);
  const rows = crosswalkRows(
    links.flatMap((l) => {
      const e = eindtermIn(snapshot, l.eindtermId);
      const w = mboItemIn(snapshot, l.werkprocesId);
      if (l.status !== 'bevestigd' || !e || !w) return [];
      return [{ eindtermId: l.eindtermId, eindtermCode: e.code, eindtermTitel: e.titel, werkprocesId: l.werkprocesId, werkprocesCode: w.code, werkprocesTitel: w.titel, relatie: l.relatie, toelichting: l.toelichting }];
    }),
    opts.partnershipId,
  );
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Doorlopend';
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const ws = wb.addWorksheet('Crosswalk');
  for (const r of rows) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  [38, 14, 50, 18, 12, 50, 10, 40, 38].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return { fileName: 'crosswalk.xlsx', body: Buffer.from(await wb.xlsx.writeBuffer()) };
}

export async function importCrosswalkXlsx(opts: UseCaseContext & { partnershipId: string; file: unknown; bestand?: string; dryRun: boolean }): Promise<ImportVoorbeeld> {
  const access = await authorizePartnership({ db: opts.db, auth: opts.auth, partnershipId: opts.partnershipId, action: 'partnership.write' });
  const snapshot = await snapshotOf(opts.db);
  const fileName = opts.bestand ?? 'crosswalk.xlsx';
  if (!Buffer.isBuffer(opts.file)) throw new AppError('import_invalid', 'Stuur het Excel-bestand als body (Content-Type van XLSX).', { file: fileName });
  let table: string[][];
  try {
    table = await readXlsxTable(opts.file, fileName);
  } catch (e) {
    throw new AppError('import_invalid', `${fileName} is geen leesbaar Excel-bestand: ${(e as Error).message}`, { file: fileName });
  }
  const known = (id: string) => (isEindtermId(id) ? (eindtermIn(snapshot, id) ? 'vmbo' : null) : mboItemIn(snapshot, id) ? 'mbo' : null);
  const reading = readCrosswalkTable(table, known);
  if ('fouten' in reading) {
    throw new AppError('import_invalid', `${fileName}: ${reading.fouten.length} ${reading.fouten.length === 1 ? 'rij kan' : 'rijen kunnen'} niet worden gelezen; er is niets opgeslagen. ${reading.fouten.slice(0, 3).map((f) => `${f.path}: ${f.message}`).join(' ')}`, { file: fileName, errors: reading.fouten.slice(0, 200) });
  }
  // Rows deleted count as removed only in a file of this samenwerking's own crosswalk.
  const own = reading.samenwerkingen.size === 1 && reading.samenwerkingen.has(opts.partnershipId.toLowerCase());
  const diff = diffImport(reading.links, await existingPairs(opts.db, opts.partnershipId), { volledig: own });
  const proposals = [...diff.nieuw, ...diff.gewijzigd];
  const apply = !opts.dryRun && (proposals.length > 0 || diff.verwijderd.length > 0);
  if (apply) {
    await storeProposals({ ...opts, access, links: proposals, removals: diff.verwijderd, bron: 'xlsx', bronNaam: fileName, details: {} });
  }
  return {
    toegepast: apply,
    nieuw: diff.nieuw.map((l) => labelled(snapshot, l)),
    gewijzigd: diff.gewijzigd.map((l) => ({ ...labelled(snapshot, l), was: l.was })),
    ongewijzigd: diff.ongewijzigd.length,
    verwijderd: diff.verwijderd.map((p) => ({ eindtermId: p.eindtermId, werkprocesId: p.werkprocesId, eindterm: label(snapshot, p.eindtermId), werkproces: label(snapshot, p.werkprocesId), relatie: p.relatie, toelichting: p.toelichting, bron: 'verwijderd' })),
    onbekend: [],
    structuur: 0,
  };
}
