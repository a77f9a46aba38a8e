/**
 * A small document model for the exports of a leerroute (issue 6): headings, paragraphs, key–value blocks, tables,
 * lists and signature blocks. The pure builders (pta.ts, route-document.ts) produce it; the renderers in
 * src/server/exports turn the same model into an accessible PDF (tagged, real headings and tables) and a DOCX, so both
 * files always say the same.
 */

export interface Kolom {
  kop: string;
  /** Relative width of the column. */
  breedte: number;
}

export type Blok =
  | { soort: 'kop'; niveau: 1 | 2 | 3; tekst: string }
  /** `houdBijVolgende`: never left alone at the bottom of a page (an introduction to what follows, like the signatures). */
  | { soort: 'alinea'; tekst: string; houdBijVolgende?: boolean }
  /** Key–value pairs, rendered as a two-column table whose first column holds row headers. */
  | { soort: 'gegevens'; rijen: Array<[string, string]> }
  /** A data table with column headers; cells may hold several lines (separated by "\n"). */
  | { soort: 'tabel'; kolommen: Kolom[]; rijen: string[][] }
  | { soort: 'lijst'; items: string[] }
  /** A signature block for one party: every veld gets an empty space to fill in by hand. */
  | { soort: 'ondertekening'; partij: string; velden: string[] };

export interface ExportDocument {
  /** Document title (metadata and the first heading). */
  titel: string;
  onderwerp: string;
  /** BCP 47 language tag of the document. */
  taal: 'nl-NL';
  orientatie: 'staand' | 'liggend';
  /** ISO 8601; the moment the content reflects (written as creation date, so the same route gives the same file). */
  stand: string;
  blokken: Blok[];
}

/** "23 november 2026" */
export function datumNl(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(d);
}

/** Text cut to at most `max` characters at a word boundary, with an ellipsis. */
export function kort(tekst: string, max: number): string {
  const t = tekst.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** A number for people: 1,5 (Dutch decimal comma), '' for none. */
export function getal(n: number | null | undefined): string {
  if (n == null) return '';
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100).replace('.', ',');
}

/** A percentage for people, from a number of percents: "10%", "12,5%" (Dutch decimal comma); '' for none. */
export function procent(n: number | null | undefined): string {
  if (n == null) return '';
  return new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 2 }).format(n / 100);
}

/** The calendar day of an instant in Europe/Amsterdam, as { jaar, maand (1–12), dag }. */
export function dagInAmsterdam(iso: string): { jaar: number; maand: number; dag: number } | null {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(d);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return { jaar: get('year'), maand: get('month'), dag: get('day') };
}

/** A file name from a route name: letters, digits and dashes only. */
export function bestandsnaam(naam: string): string {
  const s = naam
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 80)
    .replace(/-+$/, '');
  return s || 'leerroute';
}
