/**
 * The crosswalk of a samenwerking as a spreadsheet that travels (issue 18): one row per confirmed link with the
 * stable ids of both items (so nothing depends on codes that repeat), the relation type and the toelichting, and the
 * samenwerking it came from. Edit the types and toelichtingen, delete rows to remove links, add rows with known ids;
 * the import reads it back with row numbers for every problem. Pure.
 */
import { RELATIE_TYPES, type RelatieType } from './crosswalk.js';
import type { ImportedLink } from './case-import.js';

export const CROSSWALK_XLSX_HEADER = ['Eindterm-id', 'Eindterm', 'Eindterm titel', 'Werkproces-id', 'Werkproces', 'Werkproces titel', 'Relatie', 'Toelichting', 'Samenwerking-id'] as const;

export interface CrosswalkRowInput {
  eindtermId: string;
  eindtermCode: string;
  eindtermTitel: string;
  werkprocesId: string;
  werkprocesCode: string;
  werkprocesTitel: string;
  relatie: RelatieType | null;
  toelichting: string | null;
}

export function crosswalkRows(links: readonly CrosswalkRowInput[], samenwerkingId: string): string[][] {
  return [
    [...CROSSWALK_XLSX_HEADER],
    ...links.map((l) => [l.eindtermId, l.eindtermCode, l.eindtermTitel, l.werkprocesId, l.werkprocesCode, l.werkprocesTitel, l.relatie ?? '', l.toelichting ?? '', samenwerkingId]),
  ];
}

export interface XlsxReading {
  links: ImportedLink[];
  /** The samenwerking ids the rows name (one: the file is that samenwerking's whole crosswalk). */
  samenwerkingen: Set<string>;
}

/**
 * Reads the table (first row the header, found by name in any order). `known(id)` says which side an id is on, or
 * null when the catalogue does not know it. Every problem names its row (as the spreadsheet numbers it).
 */
export function readCrosswalkTable(rows: readonly string[][], known: (id: string) => 'vmbo' | 'mbo' | null): XlsxReading | { fouten: Array<{ path: string; message: string }> } {
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name.toLowerCase());
  const missing = ['Eindterm-id', 'Werkproces-id', 'Relatie', 'Toelichting'].filter((n) => col(n) < 0);
  if (missing.length > 0) return { fouten: [{ path: 'rij 1', message: `Kolom ontbreekt: ${missing.join(', ')} (exporteer de crosswalk als XLSX en bewerk die).` }] };
  const [e, w, r, t, s] = [col('Eindterm-id'), col('Werkproces-id'), col('Relatie'), col('Toelichting'), col('Samenwerking-id')];
  const fouten: Array<{ path: string; message: string }> = [];
  const links: ImportedLink[] = [];
  const samenwerkingen = new Set<string>();
  const seen = new Map<string, number>();
  rows.slice(1).forEach((row, i) => {
    const rij = `rij ${i + 2}`;
    const cell = (c: number) => (c >= 0 ? (row[c] ?? '').trim() : '');
    if (row.every((x) => x.trim() === '')) return;
    const eindtermId = cell(e).toLowerCase();
    const werkprocesId = cell(w);
    const relatieText = cell(r).toLowerCase();
    const problems: string[] = [];
    if (known(eindtermId) !== 'vmbo') problems.push(eindtermId ? `eindterm ${eindtermId} staat niet in de catalogus` : 'Eindterm-id is leeg');
    if (known(werkprocesId) !== 'mbo') problems.push(werkprocesId ? `werkproces of keuzedeel ${werkprocesId} staat niet in de catalogus` : 'Werkproces-id is leeg');
    if (relatieText && !(RELATIE_TYPES as readonly string[]).includes(relatieText)) problems.push(`relatie ${cell(r)} bestaat niet (kies ${RELATIE_TYPES.join(', ')} of laat leeg)`);
    const key = `${eindtermId}|${werkprocesId}`;
    if (seen.has(key)) problems.push(`dit paar staat ook op rij ${seen.get(key)}`);
    if (problems.length > 0) return void fouten.push({ path: rij, message: problems.join('; ') });
    seen.set(key, i + 2);
    if (cell(s)) samenwerkingen.add(cell(s).toLowerCase());
    links.push({ eindtermId, werkprocesId, relatie: (relatieText || null) as RelatieType | null, toelichting: cell(t) || null, bron: rij });
  });
  if (fouten.length > 0) return { fouten };
  return { links, samenwerkingen };
}
