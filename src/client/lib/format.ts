import { codeToSlug, LEERWEGEN } from '../../shared/catalog-api.js';
import type { Leerweg, SearchKind } from '../../shared/catalog-api.js';
import type { MboLeerweg, MboSoort, MboStatus } from '../../shared/mbo-api.js';
import type { z } from 'zod';

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
  dossier: 'Kwalificatiedossier',
  kwalificatie: 'Kwalificatie',
  kerntaak: 'Kerntaak',
  werkproces: 'Werkproces',
  keuzedeel: 'Keuzedeel',
};

/** Which side of the catalogue each search kind belongs to. */
export const VMBO_KINDS = ['profiel', 'profielmodule', 'keuzevak', 'deeltaak', 'eindterm', 'kerndeel'] as const satisfies readonly SearchKind[];
export const MBO_KINDS = ['kwalificatie', 'kerntaak', 'werkproces', 'keuzedeel', 'dossier'] as const satisfies readonly SearchKind[];

/** Label of any search kind, vmbo or mbo; an unknown kind is shown as it is. */
export function kindLabel(kind: string): string {
  const labels: Record<string, string> = KIND_LABELS;
  return labels[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1);
}

export const MBO_SOORT_LABELS: Record<z.infer<typeof MboSoort>, string> = {
  entree: 'Entreeopleiding',
  basisberoeps: 'Basisberoepsopleiding',
  vak: 'Vakopleiding',
  middenkader: 'Middenkaderopleiding',
  specialisten: 'Specialistenopleiding',
};

export function soortLabel(soort: z.infer<typeof MboSoort> | null): string | null {
  return soort ? MBO_SOORT_LABELS[soort] : null;
}

/** Full names of the mbo leerwegen, where we know them for certain. */
export const MBO_LEERWEG_NAMEN: Partial<Record<z.infer<typeof MboLeerweg>, string>> = {
  BOL: 'beroepsopleidende leerweg',
  BBL: 'beroepsbegeleidende leerweg',
};

export function statusLabel(status: z.infer<typeof MboStatus>): string {
  return status === 'vervallen' ? 'Vervallen' : 'Actief';
}

/** Element id for a kerntaak or werkproces: its code as is ("B1-K1-W1"). */
export function mboAnchorId(code: string): string {
  return code.trim().replaceAll(/\s+/g, '-');
}

export const NIVEAUS = [1, 2, 3, 4] as const;

/** "2" -> 2; anything else -> null. */
export function parseNiveau(value: string | null | undefined): number | null {
  const n = Number(value);
  return value && Number.isInteger(n) && n >= 1 && n <= 4 ? n : null;
}

/** A crebo is five digits. */
export function isCrebo(value: string | null | undefined): value is string {
  return value != null && /^\d{5}$/.test(value);
}

export function kwalificatiePath(crebo: string, anchor?: string): string {
  return `/mbo/kwalificaties/${encodeURIComponent(crebo)}${anchor ? `#${encodeURIComponent(anchor)}` : ''}`;
}

export function dossierPath(crebo: string): string {
  return `/mbo/dossiers/${encodeURIComponent(crebo)}`;
}

export function keuzevakPath(code: string): string {
  return `/vmbo/keuzevakken/${encodeURIComponent(codeToSlug(code))}`;
}

export function profielmodulePath(code: string): string {
  return `/vmbo/profielmodulen/${encodeURIComponent(codeToSlug(code))}`;
}

export function keuzedeelPath(code: string): string {
  return `/mbo/keuzedelen/${encodeURIComponent(code)}`;
}

export function domeinPath(slug: string): string {
  return `/mbo/opleidingsdomeinen/${encodeURIComponent(slug)}`;
}

const dateFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long' });
const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short' });
const numberFormat = new Intl.NumberFormat('nl-NL');

export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

const dayFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });

/** A date as Dutch readers write it ("7 december 2031"); a calendar date (YYYY-MM-DD) is that day in the Netherlands. */
export function formatDatum(iso: string): string {
  return dayFormat.format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));
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
