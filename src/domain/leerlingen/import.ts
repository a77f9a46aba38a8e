/**
 * Reading a pupil list (the CSV or XLSX a school's administration — Magister, Somtoday — exports) into pupil records:
 * pure, no I/O. The file is read with the project's own readers (src/domain/mbo: the RFC 4180 CSV reader with its
 * encoding rules, and the bounded XLSX reader); this module recognises the columns, applies a column mapping, and
 * validates every row. All or nothing: every error is collected with its line number ("regel 7, leerweg"), and one
 * error means nothing is imported.
 *
 * Data minimisation: a column that looks like a BSN or onderwijsnummer (BSN, burgerservicenummer, sofinummer,
 * onderwijsnummer, OWN, persoonsgebonden nummer) is never read, not even when the mapping names it; the report says so.
 */
import { decodeTableText, parseCsv, type Tekencodering } from '../mbo/csv.js';
import { MboImportError } from '../mbo/errors.js';
import { readXlsxTable } from '../mbo/xlsx.js';
import { LEERWEGEN } from '../../shared/catalog-api.js';
import {
  LEERLING_VELD_NAMEN, LEERLING_VELDEN, LEERLINGNUMMER_MELDING, LEERLINGNUMMER_PATROON, VERPLICHTE_VELDEN, type Kolomtoewijzing, type LeerlingInvoer, type LeerlingVeld,
} from '../../shared/leerlingen-api.js';
import { ongeldigTekenMelding, vindOngeldigTeken } from '../../shared/text.js';

export type Leerweg = (typeof LEERWEGEN)[number];

/** A table as read: rows of cells (row 0 the header) and the 1-based line of each row in the file. */
export interface RuweTabel {
  rows: string[][];
  lineNumbers: number[];
}

export interface ImportFout {
  path: string;
  message: string;
}

/** Reads a CSV or XLSX file (by its name) as rows; an unreadable file is one error for the file as a whole. */
export async function leesLeerlingBestand(content: Buffer, bestandsnaam: string, encoding?: Tekencodering): Promise<RuweTabel> {
  try {
    if (/\.xlsx$/i.test(bestandsnaam)) {
      const rows = await readXlsxTable(content, bestandsnaam);
      return { rows, lineNumbers: rows.map((_, i) => i + 1) };
    }
    const csv = parseCsv(decodeTableText(content, bestandsnaam, encoding), bestandsnaam);
    return { rows: csv.rows, lineNumbers: csv.lineNumbers };
  } catch (e) {
    if (e instanceof MboImportError) throw new LeerlingImportError([{ path: e.location ?? 'bestand', message: e.reason }]);
    throw e;
  }
}

/** The file cannot be imported: the errors, each with its place ("regel 7, leerweg"). */
export class LeerlingImportError extends Error {
  override readonly name = 'LeerlingImportError';
  constructor(readonly fouten: ImportFout[]) {
    super(fouten.map((f) => `${f.path}: ${f.message}`).join('; '));
  }
}

/** A header cell compared without case, spaces, dots, dashes and underscores. */
export const normaliseerKop = (kop: string): string => kop.normalize('NFKC').toLowerCase().replace(/[^a-z0-9]/g, '');

/** The header names of the field in the exports of Magister, Somtoday and others (normalised). */
const KOP_VARIANTEN: Record<LeerlingVeld, readonly string[]> = {
  leerlingnummer: ['leerlingnummer', 'leerlingnr', 'stamnr', 'stamnummer', 'llnr', 'llnnr', 'lnr', 'leerlingid', 'studentnummer', 'nummer'],
  roepnaam: ['roepnaam', 'voornaam', 'roepnaamleerling', 'voornaamleerling', 'voornamen'],
  tussenvoegsel: ['tussenvoegsel', 'tussenvoegsels', 'tussenv', 'voorvoegsel', 'voorvoegsels', 'tv'],
  achternaam: ['achternaam', 'achternaamleerling', 'geslachtsnaam', 'familienaam'],
  klas: ['klas', 'klassen', 'stamgroep', 'stamklas', 'basisgroep', 'groep', 'klasgroep'],
  leerweg: ['leerweg', 'niveau', 'leerwegcode', 'leerwegvmbo', 'opleidingsniveau'],
  geboortedatum: ['geboortedatum', 'gebdatum', 'geboortedag', 'gebdat'],
  eckId: ['eckid', 'eckidentificatie', 'eck'],
};

/** Columns never read: a national identification number of a pupil (normalised headers, exact or as a part). */
const VERBODEN_KOPPEN = ['bsn', 'burgerservicenummer', 'sofinummer', 'sofinr', 'onderwijsnummer', 'own', 'pgn', 'persoonsgebondennummer', 'onderwijsnr'];
export const BSN_REDEN = 'niet gelezen: een BSN of onderwijsnummer slaat Doorlopend nooit op';

export function isVerbodenKop(kop: string): boolean {
  const n = normaliseerKop(kop);
  if (n === '') return false;
  return n.includes('bsn') || VERBODEN_KOPPEN.some((v) => n === v || (v.length > 3 && n.includes(v))) || /^(own|pgn)[0-9]*$/.test(n);
}

export interface Kolommen {
  kopregel: string[];
  /** Field → header as in the file (null: not found). */
  toewijzing: Partial<Record<LeerlingVeld, string>>;
  /** Required fields without a column. */
  ontbrekend: LeerlingVeld[];
  nietGelezen: Array<{ kop: string; reden: string }>;
  /** Errors of the mapping itself (a header that is not in the file, a BSN column). */
  fouten: ImportFout[];
}

/**
 * Which column holds which field: the mapping given (`kolommen`) first, the rest recognised by header. A BSN-like column
 * is never used, whatever the mapping says.
 */
export function bepaalKolommen(kopregel: readonly string[], kolommen: Kolomtoewijzing = {}): Kolommen {
  const koppen = kopregel.map((k) => k.trim());
  const toewijzing: Partial<Record<LeerlingVeld, string>> = {};
  const fouten: ImportFout[] = [];
  const gebruikt = new Set<string>();
  for (const veld of LEERLING_VELDEN) {
    const gevraagd = kolommen[veld]?.trim();
    if (gevraagd === undefined || gevraagd === '') continue;
    const kop = koppen.find((k) => k === gevraagd) ?? koppen.find((k) => normaliseerKop(k) === normaliseerKop(gevraagd));
    if (kop === undefined) fouten.push({ path: `kolommen.${veld}`, message: `de kolom ‘${gevraagd}’ staat niet in de kopregel` });
    else if (isVerbodenKop(kop)) fouten.push({ path: `kolommen.${veld}`, message: `de kolom ‘${kop}’ lijkt een BSN of onderwijsnummer; die wordt nooit gelezen` });
    else {
      toewijzing[veld] = kop;
      gebruikt.add(kop);
    }
  }
  for (const veld of LEERLING_VELDEN) {
    if (toewijzing[veld] !== undefined || kolommen[veld]) continue;
    const kop = koppen.find((k) => !gebruikt.has(k) && !isVerbodenKop(k) && KOP_VARIANTEN[veld].includes(normaliseerKop(k)));
    if (kop !== undefined) {
      toewijzing[veld] = kop;
      gebruikt.add(kop);
    }
  }
  const nietGelezen = koppen
    .filter((k) => k !== '' && !gebruikt.has(k))
    .map((kop) => ({ kop, reden: isVerbodenKop(kop) ? BSN_REDEN : 'niet gebruikt: geen veld van de leerling' }));
  const ontbrekend = VERPLICHTE_VELDEN.filter((v) => toewijzing[v] === undefined);
  return { kopregel: koppen, toewijzing, ontbrekend, nietGelezen, fouten };
}

/** A leerweg as the administrations write it: BB/KB/GL/TL, "basis", "kader", "vmbo-b", "VMBO KB 3", "mavo"… */
export function leesLeerweg(waarde: string): Leerweg | null | undefined {
  const v = waarde.trim().toLowerCase();
  if (v === '') return null;
  const direct = v.toUpperCase();
  if ((LEERWEGEN as readonly string[]).includes(direct)) return direct as Leerweg;
  const zonder = v.replace(/vmbo/g, ' ').replace(/[^a-z]+/g, ' ').trim();
  if (/^(bb|b|bbl|basis|basisberoeps|basisberoepsgericht|basisberoepsgerichte leerweg|basisberoepsgerichte)\b/.test(zonder)) return 'BB';
  if (/^(kb|k|kbl|kader|kaderberoeps|kaderberoepsgericht|kaderberoepsgerichte)\b/.test(zonder)) return 'KB';
  if (/^(gl|g|gemengd|gemengde)\b/.test(zonder)) return 'GL';
  if (/^(tl|t|theoretisch|theoretische|mavo)\b/.test(zonder)) return 'TL';
  return undefined;
}

/** A date as the administrations write it (2011-03-15, 15-03-2011, 15/3/2011, 15.03.2011) as YYYY-MM-DD; undefined: not a date. */
export function leesDatum(waarde: string): string | null | undefined {
  const v = waarde.trim();
  if (v === '') return null;
  let jaar: number, maand: number, dag: number;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(v);
  if (m) [jaar, maand, dag] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v);
    if (!m) return undefined;
    [dag, maand, jaar] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const d = new Date(Date.UTC(jaar, maand - 1, dag));
  if (d.getUTCFullYear() !== jaar || d.getUTCMonth() !== maand - 1 || d.getUTCDate() !== dag) return undefined;
  if (jaar < 1990 || jaar > 2100) return undefined;
  return d.toISOString().slice(0, 10);
}

/** One pupil's fields (already trimmed) checked as a record; errors name the field (path: the field's key). */
export function valideerLeerling(velden: Partial<Record<LeerlingVeld, string>>): { leerling: LeerlingInvoer; fouten: [] } | { leerling: null; fouten: ImportFout[] } {
  const fouten: ImportFout[] = [];
  const get = (v: LeerlingVeld) => (velden[v] ?? '').trim();
  const fout = (veld: LeerlingVeld, message: string) => fouten.push({ path: veld, message });
  for (const veld of LEERLING_VELDEN) {
    const teken = vindOngeldigTeken(get(veld));
    if (teken) fout(veld, ongeldigTekenMelding(teken));
  }
  const leerlingnummer = get('leerlingnummer');
  if (leerlingnummer === '') fout('leerlingnummer', 'het leerlingnummer ontbreekt');
  else if (!LEERLINGNUMMER_PATROON.test(leerlingnummer)) fout('leerlingnummer', `‘${leerlingnummer.slice(0, 40)}’ is geen geldig leerlingnummer: ${LEERLINGNUMMER_MELDING}`);
  const lengte = (veld: LeerlingVeld, min: number, max: number) => {
    const n = get(veld).length;
    if (n < min) fout(veld, `de ${LEERLING_VELD_NAMEN[veld].toLowerCase()} ontbreekt`);
    else if (n > max) fout(veld, `hooguit ${max} tekens`);
  };
  lengte('roepnaam', 1, 100);
  lengte('achternaam', 1, 100);
  lengte('tussenvoegsel', 0, 30);
  lengte('klas', 0, 30);
  const leerweg = leesLeerweg(get('leerweg'));
  if (leerweg === undefined) fout('leerweg', `‘${get('leerweg').slice(0, 40)}’ is geen vmbo-leerweg: gebruik BB, KB, GL of TL`);
  const geboortedatum = leesDatum(get('geboortedatum'));
  if (geboortedatum === undefined) fout('geboortedatum', `‘${get('geboortedatum').slice(0, 40)}’ is geen datum: schrijf 2011-03-15 of 15-03-2011`);
  const eck = get('eckId');
  if (eck !== '' && (eck.length < 10 || eck.length > 300)) fout('eckId', 'een ECK iD heeft 10 tot 300 tekens');
  if (fouten.length > 0) return { leerling: null, fouten };
  return {
    leerling: {
      leerlingnummer,
      roepnaam: get('roepnaam'),
      tussenvoegsel: get('tussenvoegsel'),
      achternaam: get('achternaam'),
      klas: get('klas'),
      leerweg: leerweg ?? null,
      geboortedatum: geboortedatum ?? null,
      eckId: eck === '' ? null : eck,
    },
    fouten: [],
  };
}

export interface GelezenLeerlingen {
  kolommen: Kolommen;
  leerlingen: Array<LeerlingInvoer & { regel: number }>;
  /** Empty: the file can be imported. */
  fouten: ImportFout[];
}

/** At most this many pupils per file (a school's year has a few hundred). */
export const MAX_LEERLINGEN_PER_BESTAND = 5000;
const MAX_FOUTEN = 200;

/**
 * The pupils of a table (header in row 0): the columns determined, every row validated, a leerlingnummer twice is an
 * error on the second line. Empty rows are skipped. When a required column is missing, no rows are read.
 */
export function leesLeerlingen(tabel: RuweTabel, kolommen: Kolomtoewijzing = {}): GelezenLeerlingen {
  const kop = tabel.rows[0];
  if (kop === undefined || kop.every((c) => c.trim() === '')) {
    const leeg = bepaalKolommen([], kolommen);
    return { kolommen: leeg, leerlingen: [], fouten: [{ path: 'regel 1', message: 'het bestand heeft geen kopregel' }] };
  }
  const k = bepaalKolommen(kop, kolommen);
  const fouten: ImportFout[] = [...k.fouten];
  if (k.ontbrekend.length > 0) {
    for (const veld of k.ontbrekend) fouten.push({ path: `kolommen.${veld}`, message: `geen kolom voor ${LEERLING_VELD_NAMEN[veld].toLowerCase()}: kies welke kolom het is` });
    return { kolommen: k, leerlingen: [], fouten };
  }
  if (fouten.length > 0) return { kolommen: k, leerlingen: [], fouten };
  const index = new Map<LeerlingVeld, number>();
  for (const veld of LEERLING_VELDEN) {
    const kopNaam = k.toewijzing[veld];
    if (kopNaam !== undefined) index.set(veld, k.kopregel.indexOf(kopNaam));
  }
  const leerlingen: GelezenLeerlingen['leerlingen'] = [];
  const gezien = new Map<string, number>();
  for (let i = 1; i < tabel.rows.length; i++) {
    const row = tabel.rows[i]!;
    if (row.every((c) => c.trim() === '')) continue;
    const regel = tabel.lineNumbers[i] ?? i + 1;
    if (leerlingen.length >= MAX_LEERLINGEN_PER_BESTAND) {
      fouten.push({ path: `regel ${regel}`, message: `hooguit ${MAX_LEERLINGEN_PER_BESTAND} leerlingen per bestand` });
      break;
    }
    const velden: Partial<Record<LeerlingVeld, string>> = {};
    for (const [veld, col] of index) velden[veld] = row[col] ?? '';
    const r = valideerLeerling(velden);
    if (r.leerling === null) {
      for (const f of r.fouten) fouten.push({ path: `regel ${regel}, ${f.path}`, message: f.message });
    } else {
      const eerder = gezien.get(r.leerling.leerlingnummer.toLowerCase());
      if (eerder !== undefined) fouten.push({ path: `regel ${regel}, leerlingnummer`, message: `leerlingnummer ${r.leerling.leerlingnummer} staat ook op regel ${eerder}` });
      else {
        gezien.set(r.leerling.leerlingnummer.toLowerCase(), regel);
        leerlingen.push({ ...r.leerling, regel });
      }
    }
    if (fouten.length >= MAX_FOUTEN) break;
  }
  if (leerlingen.length === 0 && fouten.length === 0) fouten.push({ path: 'regel 2', message: 'het bestand heeft geen leerlingen onder de kopregel' });
  return { kolommen: k, leerlingen, fouten };
}

/** The fields of a pupil that an import compares and writes. */
export type LeerlingGegevens = Omit<LeerlingInvoer, never>;

export interface Bestaand extends LeerlingGegevens {
  id: string;
}

export interface ImportVerschil {
  toevoegen: LeerlingGegevens[];
  wijzigen: Array<{ id: string; gegevens: LeerlingGegevens }>;
  ongewijzigd: number;
}

const GELIJK_VELDEN: ReadonlyArray<keyof LeerlingGegevens> = ['roepnaam', 'tussenvoegsel', 'achternaam', 'klas', 'leerweg', 'geboortedatum', 'eckId'];

/**
 * What an import does to the pupils already in the cohort, by leerlingnummer (case-insensitive): new ones added,
 * changed ones updated, pupils not in the file left alone (an import never removes, never duplicates). An optional
 * field the file has no column for keeps its stored value.
 */
export function importVerschil(bestaand: readonly Bestaand[], nieuw: readonly LeerlingGegevens[], aanwezigeVelden: ReadonlySet<LeerlingVeld>): ImportVerschil {
  const opNummer = new Map(bestaand.map((b) => [b.leerlingnummer.toLowerCase(), b]));
  const out: ImportVerschil = { toevoegen: [], wijzigen: [], ongewijzigd: 0 };
  for (const n of nieuw) {
    const b = opNummer.get(n.leerlingnummer.toLowerCase());
    if (!b) {
      out.toevoegen.push(n);
      continue;
    }
    const samen: LeerlingGegevens = { ...n, leerlingnummer: b.leerlingnummer };
    for (const veld of GELIJK_VELDEN) if (!aanwezigeVelden.has(veld)) (samen as Record<string, unknown>)[veld] = b[veld];
    if (GELIJK_VELDEN.every((v) => (samen[v] ?? null) === (b[v] ?? null))) out.ongewijzigd++;
    else out.wijzigen.push({ id: b.id, gegevens: samen });
  }
  return out;
}

/** Parse the JSON of the `kolommen` query parameter; errors as import errors. */
export function leesKolomtoewijzing(json: string | undefined): { toewijzing: Kolomtoewijzing; fouten: ImportFout[] } {
  if (json === undefined || json.trim() === '') return { toewijzing: {}, fouten: [] };
  let waarde: unknown;
  try {
    waarde = JSON.parse(json);
  } catch {
    return { toewijzing: {}, fouten: [{ path: 'kolommen', message: 'geen geldige JSON, zoals {"leerlingnummer":"Nr"}' }] };
  }
  if (typeof waarde !== 'object' || waarde === null || Array.isArray(waarde)) return { toewijzing: {}, fouten: [{ path: 'kolommen', message: 'een object van veld naar kop' }] };
  const toewijzing: Kolomtoewijzing = {};
  const fouten: ImportFout[] = [];
  for (const [veld, kop] of Object.entries(waarde)) {
    if (!(LEERLING_VELDEN as readonly string[]).includes(veld)) fouten.push({ path: `kolommen.${veld}`, message: `onbekend veld; kies uit ${LEERLING_VELDEN.join(', ')}` });
    else if (typeof kop !== 'string' || kop.length > 200) fouten.push({ path: `kolommen.${veld}`, message: 'de naam van een kolom uit de kopregel' });
    else if (kop.trim() !== '') toewijzing[veld as LeerlingVeld] = kop;
  }
  return { toewijzing, fouten };
}
