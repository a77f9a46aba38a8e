/**
 * Empty templates for the five mbo tables. A CSV template is the header line only
 * (a commented example row is not valid CSV); the column specs carry the explanation.
 * The files in `templates/mbo/<kind>.csv` are exactly `renderTemplateCsv(kind)`.
 */
import { TABLE_KINDS, TABLE_SPECS, type ColumnSpec, type TableKind, type TableSpec } from './columns.js';
import { formatCsvLine } from './csv.js';

export { TABLE_KINDS, TABLE_SPECS, type ColumnSpec, type TableKind, type TableSpec };

/** Header line of the table, with a trailing LF. */
export function renderTemplateCsv(kind: TableKind): string {
  return `${formatCsvLine(TABLE_SPECS[kind].kolommen.map((c) => c.naam))}\n`;
}

/** File name of the downloadable template. */
export function templateFileName(kind: TableKind): string {
  return `${kind}.csv`;
}

/** All templates, for a download page or a build step. */
export function allTemplates(): { kind: TableKind; fileName: string; csv: string }[] {
  return TABLE_KINDS.map((kind) => ({ kind, fileName: templateFileName(kind), csv: renderTemplateCsv(kind) }));
}
