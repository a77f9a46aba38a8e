import { LEERWEGEN } from '../../shared/catalog-api.js';
import type { Leerweg, SearchKind } from '../../shared/catalog-api.js';

export const APP_NAME = 'Doorlopend';

/** Element id for a deeltaak, eindterm or kerndeel: its code with "/" replaced by "-" ("." kept). */
export function anchorId(code: string): string {
  return code.replaceAll('/', '-');
}

export const LEERWEG_NAMEN: Record<Leerweg, string> = {
  BB: 'basisberoepsgerichte leerweg',
  KB: 'kaderberoepsgerichte leerweg',
  GL: 'gemengde leerweg',
  TL: 'theoretische leerweg',
};

export function isLeerweg(value: string | null | undefined): value is Leerweg {
  return value != null && (LEERWEGEN as readonly string[]).includes(value);
}

export function parseLeerweg(value: string | null | undefined): Leerweg | null {
  return isLeerweg(value) ? value : null;
}

export const KIND_LABELS: Record<SearchKind, string> = {
  profiel: 'Profiel',
  profielmodule: 'Profielmodule',
  keuzevak: 'Keuzevak',
  deeltaak: 'Deeltaak',
  eindterm: 'Eindterm',
  kerndeel: 'Kerndeel',
};

const dateFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long' });
const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short' });
const numberFormat = new Intl.NumberFormat('nl-NL');

export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** "1 keuzevak", "3 keuzevakken". */
export function count(n: number, singular: string, plural: string): string {
  return `${formatNumber(n)} ${n === 1 ? singular : plural}`;
}
