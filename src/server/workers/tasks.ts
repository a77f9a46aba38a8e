/**
 * The work done in worker threads (issue 10: heavy parsing and export building off the event loop): one function per
 * task, each taking and returning only structured-cloneable data. Imported by the worker entry; the main thread
 * imports only the types (through `pool.ts`).
 */
import { recordsFromTable, type TableRecords } from '../../domain/mbo/catalog-records.js';
import type { TableKind } from '../../domain/mbo/columns.js';
import { decodeTableText, parseCsv, type Tekencodering } from '../../domain/mbo/csv.js';
import { parseCsvTable, parseXlsxTable, type ParsedTable } from '../../domain/mbo/tables.js';
import { tooManyRows, TABLE_LIMITS } from '../../domain/mbo/xlsx.js';
import type { ExportDocument } from '../../domain/exports/document-model.js';
import type { Pta } from '../../domain/exports/pta.js';
import type { Inventory } from '../../domain/inventory/inventory.js';
import { renderDocx } from '../exports/docx.js';
import { renderPdf } from '../exports/pdf.js';
import { ptaXlsx } from '../exports/pta-xlsx.js';
import { inventoryXlsx } from '../exports/inventory-xlsx.js';
import { keuzedeelXlsx } from '../exports/beoordeling-xlsx.js';
import { inschrijvingXlsx } from '../exports/inschrijving-xlsx.js';

export interface MboTableTask {
  name: string;
  content: Uint8Array;
  extension: '.csv' | '.xlsx';
  kind?: TableKind;
  /** Of a CSV file (default UTF-8). */
  encoding?: Tekencodering;
}

/** Parses one uploaded mbo table (CSV or XLSX) within the table bounds and turns it into catalogue records. */
async function mboTable(input: MboTableTask): Promise<{ table: Pick<ParsedTable, 'kind' | 'aantalRegels'>; result: TableRecords }> {
  const content = Buffer.from(input.content.buffer, input.content.byteOffset, input.content.byteLength);
  // The shipped catalogue lists werkprocessen whose kerntaak row is missing: the kerntaak is
  // added with its code and titel null (never an invented title); the report counts them.
  const options = { werkprocesZonderKerntaak: 'kerntaak-afleiden' as const, ...(input.kind ? { kind: input.kind } : {}) };
  let table: ParsedTable;
  if (input.extension === '.csv') {
    // The XLSX reader stops at the row limit while reading; a CSV (bounded by the upload size) is split into rows
    // first and counted before any row is validated.
    const text = decodeTableText(content, input.name, input.encoding);
    if (parseCsv(text, input.name).rows.length > TABLE_LIMITS.rows) throw tooManyRows(input.name);
    table = parseCsvTable(text, input.name, options);
  } else table = await parseXlsxTable(content, input.name, options);
  return { table: { kind: table.kind, aantalRegels: table.aantalRegels }, result: recordsFromTable(table) };
}

export const TASKS = {
  mboTable,
  inventoryXlsx: (input: { inventory: Inventory }): Promise<Buffer> => inventoryXlsx(input.inventory),
  pdf: (input: { document: ExportDocument }): Promise<Buffer> => renderPdf(input.document),
  docx: (input: { document: ExportDocument }): Promise<Buffer> => renderDocx(input.document),
  ptaXlsx: (input: { pta: Pta }): Promise<Buffer> => ptaXlsx(input.pta),
  keuzedeelXlsx,
  inschrijvingXlsx,
};

export type Tasks = typeof TASKS;
export type TaskName = keyof Tasks;
export type TaskInput<K extends TaskName> = Parameters<Tasks[K]>[0];
export type TaskOutput<K extends TaskName> = Awaited<ReturnType<Tasks[K]>>;
