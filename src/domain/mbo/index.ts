/** Public surface of the pure mbo import layer (no database, no HTTP, no file system). */
export * from './model.js';
export { MboImportError } from './errors.js';
export { parseCsv, detectDelimiter, formatCsvLine, type CsvTable, type CsvOptions, type CsvDelimiter } from './csv.js';
export {
  parseTable,
  parseCsvTable,
  parseXlsxTable,
  detectTableKind,
  readXlsxTable,
  type ParsedTable,
  type ParsedTableOf,
  type ParseTableOptions,
  type ParseFileOptions,
  type KwalificatieKerntaken,
} from './tables.js';
export { TABLE_KINDS, TABLE_SPECS, type TableKind, type TableSpec, type ColumnSpec } from './columns.js';
export { renderTemplateCsv, templateFileName, allTemplates } from './templates.js';
export { parseSbbDossierXml, parseSbbXml, kerntakenVoorCrebo } from './sbb-xml.js';
export { NIVEAU_VAN_SOORT } from './values.js';
export {
  MBO_RECORD_KINDS,
  SBB_XML_SOURCE,
  tableSource,
  dossierScope,
  mboContentHash,
  diffMboRecords,
  emptyMboCounts,
  countMboByKind,
  recordsFromTable,
  recordsFromDossiers,
  type MboRecordKind,
  type MboRecord,
  type StoredMboState,
  type MboDiff,
  type TableRecords,
} from './catalog-records.js';
