/**
 * Value parsers shared by the table and XML importers. They are pure and throw a
 * {@link ValueError} with a Dutch reason; the importers add file and location
 * by wrapping it into an MboImportError.
 */
import { LEERWEGEN, type Leerweg, type Niveau, type SoortOpleiding } from './model.js';

export class ValueError extends Error {
  override readonly name = 'ValueError';
}

const CREBO = /^\d{5}$/;
const KEUZEDEEL_CODE = /^K\d{4}$/;
const KERNTAAK_CODE = /^([BP])([1-9]\d*)-K([1-9]\d*)$/;
const WERKPROCES_CODE = /^([BP])([1-9]\d*)-K([1-9]\d*)-W([1-9]\d*)$/;
const DUTCH_DATE = /^(\d{2})-(\d{2})-(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Trim and collapse runs of white space (titles, names). */
export function normalizeTitle(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim();
}

/** Trim a longer text and normalise line ends; null when empty. */
export function normalizeText(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const text = raw.replace(/\r\n?/g, '\n').trim();
  return text === '' ? null : text;
}

export function quote(raw: string): string {
  return `"${raw.length > 60 ? `${raw.slice(0, 57)}...` : raw}"`;
}

export function parseCrebo(raw: string, label = 'crebo'): string {
  const value = raw.trim();
  if (!CREBO.test(value)) throw new ValueError(`${label} ${quote(raw)} is ongeldig: verwacht 5 cijfers`);
  return value;
}

export function parseKeuzedeelCode(raw: string): string {
  const value = raw.trim();
  if (!KEUZEDEEL_CODE.test(value)) {
    throw new ValueError(`keuzedeelcode ${quote(raw)} is ongeldig: verwacht K gevolgd door 4 cijfers (bijv. K0072)`);
  }
  return value;
}

export function parseNiveau(raw: string): Niveau {
  const value = raw.trim();
  if (value === '1' || value === '2' || value === '3' || value === '4') return Number(value) as Niveau;
  throw new ValueError(`niveau ${quote(raw)} is ongeldig: toegestaan zijn 1, 2, 3 en 4`);
}

const SOORT_WORDS: Readonly<Record<string, SoortOpleiding>> = {
  entreeopleiding: 'entree',
  basisberoepsopleiding: 'basisberoeps',
  vakopleiding: 'vak',
  middenkaderopleiding: 'middenkader',
  specialistenopleiding: 'specialisten',
  entree: 'entree',
  basisberoeps: 'basisberoeps',
  vak: 'vak',
  middenkader: 'middenkader',
  specialisten: 'specialisten',
};

/** Source words ("vakopleiding") and short forms ("vak"), case-insensitive. */
export function parseSoortOpleiding(raw: string): SoortOpleiding {
  const soort = SOORT_WORDS[raw.trim().toLowerCase()];
  if (soort === undefined) {
    throw new ValueError(
      `soort ${quote(raw)} is ongeldig: toegestaan zijn entreeopleiding, basisberoepsopleiding, vakopleiding, middenkaderopleiding en specialistenopleiding`,
    );
  }
  return soort;
}

/** The niveau each soort opleiding has by law (WEB art. 7.2.2). */
export const NIVEAU_VAN_SOORT: Readonly<Record<SoortOpleiding, Niveau>> = {
  entree: 1,
  basisberoeps: 2,
  vak: 3,
  middenkader: 4,
  specialisten: 4,
};

export function checkSoortBijNiveau(soort: SoortOpleiding, niveau: Niveau): void {
  const expected = NIVEAU_VAN_SOORT[soort];
  if (expected !== niveau) {
    throw new ValueError(`soort ${soort}opleiding hoort bij niveau ${expected}, niet bij niveau ${niveau}`);
  }
}

/** "BBL BOL OVO", "BBL,BOL", "BOL/BBL": known leerwegen, case-insensitive; duplicates are dropped. */
export function parseLeerwegen(raw: string): Leerweg[] {
  const tokens = raw.split(/[\s,;/]+/).filter((t) => t !== '');
  if (tokens.length === 0) throw new ValueError('leerwegen is leeg');
  const result: Leerweg[] = [];
  for (const token of tokens) {
    const leerweg = LEERWEGEN.find((l) => l === token.toUpperCase());
    if (leerweg === undefined) {
      throw new ValueError(`leerweg ${quote(token)} is onbekend: toegestaan zijn ${LEERWEGEN.join(', ')}`);
    }
    if (!result.includes(leerweg)) result.push(leerweg);
  }
  return result;
}

export function parsePositiveInteger(raw: string, label: string): number {
  const value = raw.trim();
  if (!/^\d+$/.test(value) || Number(value) <= 0 || !Number.isSafeInteger(Number(value))) {
    throw new ValueError(`${label} ${quote(raw)} is ongeldig: verwacht een positief geheel getal`);
  }
  return Number(value);
}

/** Keuzedeel size: a positive integer that is a multiple of 240 (240, 480 and 720 are the usual sizes). */
export function parseKeuzedeelSbu(raw: string): number {
  const sbu = parsePositiveInteger(raw, 'sbu');
  if (sbu % 240 !== 0) {
    throw new ValueError(`sbu ${quote(raw)} is ongeldig: een keuzedeel is 240, 480 of 720 sbu (een veelvoud van 240)`);
  }
  return sbu;
}

/** "01-08-2015" (SBB) or "2015-08-01" to ISO "2015-08-01". */
export function parseDate(raw: string, label: string): string {
  const value = raw.trim();
  const dutch = DUTCH_DATE.exec(value);
  const iso = ISO_DATE.exec(value);
  const parts = dutch ? [dutch[3], dutch[2], dutch[1]] : iso ? [iso[1], iso[2], iso[3]] : null;
  if (parts === null) throw new ValueError(`${label} ${quote(raw)} is geen datum (verwacht dd-mm-jjjj)`);
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new ValueError(`${label} ${quote(raw)} is geen bestaande datum`);
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Strictly ISO "2015-08-01" (no other notation), and an existing date. */
export function parseIsoDate(raw: string, label: string): string {
  const value = raw.trim();
  if (!ISO_DATE.test(value)) throw new ValueError(`${label} ${quote(raw)} is geen datum (verwacht jjjj-mm-dd)`);
  return parseDate(value, label);
}

/** "1,10" or "1.10" to 1.1. */
export function parseDecimal(raw: string, label: string): number {
  const value = raw.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(value)) throw new ValueError(`${label} ${quote(raw)} is geen getal`);
  return Number(value);
}

export interface KerntaakCode {
  code: string;
  /** "B1" or "P2". */
  deel: string;
  kerntaakNr: number;
}

export interface WerkprocesCode extends KerntaakCode {
  /** The code of the kerntaak it belongs to ("B1-K1"). */
  kerntaakCode: string;
  werkprocesNr: number;
}

export function parseKerntaakCode(raw: string): KerntaakCode {
  const value = raw.trim();
  const m = KERNTAAK_CODE.exec(value);
  if (m === null) throw new ValueError(`kerntaakcode ${quote(raw)} is ongeldig: verwacht bijv. B1-K1 of P2-K1`);
  return { code: value, deel: `${m[1]}${m[2]}`, kerntaakNr: Number(m[3]) };
}

export function parseWerkprocesCode(raw: string): WerkprocesCode {
  const value = raw.trim();
  const m = WERKPROCES_CODE.exec(value);
  if (m === null) throw new ValueError(`werkprocescode ${quote(raw)} is ongeldig: verwacht bijv. B1-K1-W1 of P2-K1-W3`);
  return {
    code: value,
    deel: `${m[1]}${m[2]}`,
    kerntaakNr: Number(m[3]),
    kerntaakCode: `${m[1]}${m[2]}-K${m[3]}`,
    werkprocesNr: Number(m[4]),
  };
}

export function isKerntaakCode(raw: string): boolean {
  return KERNTAAK_CODE.test(raw.trim());
}

export function isWerkprocesCode(raw: string): boolean {
  return WERKPROCES_CODE.test(raw.trim());
}
