/**
 * What the steps toetsen, activiteiten and materialen are made of: per kind of entity its fields (the form) and its
 * columns (the table), and the pure helpers that turn a form into a request body and a server refusal into a label.
 */
import type { ReactNode } from 'react';
import { MATERIAALSOORTEN, TOETSVORM_NAMEN, TOETSVORMEN } from '../../../shared/leerroute-api.js';
import type { Activiteit, LeerrouteDetail, Materiaal, Toets } from '../../../shared/leerroute-api.js';
import { formatNumber } from '../../lib/format.js';
import type { Entiteit } from '../../lib/leerroute-api.js';
import type { FieldProblem } from './ErrorSummary.js';

export type Waarde = string | boolean | string[];
export type Waarden = Record<string, Waarde>;
export type Rij = Toets | Activiteit | Materiaal;

export interface Veld {
  naam: string;
  label: string;
  soort: 'tekst' | 'getal' | 'keuze' | 'vink' | 'doelen' | 'url';
  opties?: (route: LeerrouteDetail) => Array<{ value: string; label: string }>;
  verplicht?: boolean;
  /** An empty choice or number is sent as null. */
  leegIsNull?: boolean;
  geheel?: boolean;
  beschrijving?: string;
  standaard?: Waarde;
}

export interface Config {
  soort: Entiteit;
  enkelvoud: string;
  meervoud: string;
  velden: readonly Veld[];
  rijen: (route: LeerrouteDetail) => Rij[];
  naamVan: (rij: Rij) => string;
  kolommen: ReadonlyArray<{ kop: string; cel: (rij: Rij, ctx: { doelTekst: (ids: readonly string[]) => ReactNode; orgNaam: (id: string | null) => string }) => ReactNode }>;
}

const partnerOpties = (route: LeerrouteDetail) => [{ value: '', label: 'Nog niet gekozen' }, ...route.partners.map((p) => ({ value: p.id, label: p.naam }))];
const ja = (b: boolean) => (b ? 'ja' : 'nee');
const getal = (n: number | null, eenheid = '') => (n === null ? '–' : `${formatNumber(n)}${eenheid}`);
const ONDERDEEL_NAMEN: Record<Toets['onderdeelVan'], string> = { pta: 'PTA (vmbo)', examenplan: 'Examenplan (mbo)', beide: 'PTA en examenplan', geen: 'Geen van beide' };
const MATERIAAL_NAMEN: Record<Materiaal['soort'], string> = { methode: 'Methode', gereedschap: 'Gereedschap', locatie: 'Locatie', digitaal: 'Digitaal', anders: 'Anders' };

export const TOETSEN: Config = {
  soort: 'toetsen',
  enkelvoud: 'toets',
  meervoud: 'toetsen',
  rijen: (r) => r.toetsen,
  naamVan: (r) => `${(r as Toets).toetscode} ${(r as Toets).naam}`,
  velden: [
    { naam: 'toetscode', label: 'Toetscode', soort: 'tekst', verplicht: true },
    { naam: 'naam', label: 'Inhoud', soort: 'tekst', verplicht: true, beschrijving: 'Waar de toets over gaat, zoals in het PTA.' },
    { naam: 'omschrijving', label: 'Toelichting', soort: 'tekst' },
    { naam: 'vorm', label: 'Toetsvorm', soort: 'keuze', opties: () => TOETSVORMEN.map((v) => ({ value: v, label: TOETSVORM_NAMEN[v] })), standaard: 'schriftelijk' },
    {
      naam: 'soort',
      label: 'Formatief of summatief',
      soort: 'keuze',
      opties: () => [
        { value: 'summatief', label: 'Summatief (telt mee)' },
        { value: 'formatief', label: 'Formatief (oefenen, feedback)' },
      ],
      standaard: 'summatief',
    },
    { naam: 'doelen', label: 'Doelen die de toets afsluit', soort: 'doelen' },
    { naam: 'duurMinuten', label: 'Duur in minuten', soort: 'getal', geheel: true, leegIsNull: true },
    { naam: 'weging', label: 'Weging', soort: 'getal', leegIsNull: true },
    { naam: 'herkansbaar', label: 'Herkansbaar', soort: 'vink', standaard: false },
    {
      naam: 'onderdeelVan',
      label: 'Hoort bij',
      soort: 'keuze',
      opties: () => (['pta', 'examenplan', 'beide', 'geen'] as const).map((v) => ({ value: v, label: ONDERDEEL_NAMEN[v] })),
      standaard: 'pta',
    },
    { naam: 'seWeging', label: 'SE-weging', soort: 'getal', leegIsNull: true, beschrijving: 'Weging in het schoolexamen (PTA).' },
  ],
  kolommen: [
    { kop: 'Toetscode', cel: (r) => (r as Toets).toetscode },
    { kop: 'Inhoud', cel: (r) => (r as Toets).naam },
    { kop: 'Vorm', cel: (r) => TOETSVORM_NAMEN[(r as Toets).vorm] },
    { kop: 'Soort', cel: (r) => (r as Toets).soort },
    { kop: 'Doelen', cel: (r, c) => c.doelTekst((r as Toets).doelen) },
    { kop: 'Duur', cel: (r) => getal((r as Toets).duurMinuten, ' min') },
    { kop: 'Weging', cel: (r) => getal((r as Toets).weging) },
    { kop: 'Herkansbaar', cel: (r) => ja((r as Toets).herkansbaar) },
    { kop: 'Hoort bij', cel: (r) => ONDERDEEL_NAMEN[(r as Toets).onderdeelVan] },
    { kop: 'SE-weging', cel: (r) => getal((r as Toets).seWeging) },
  ],
};

export const ACTIVITEITEN: Config = {
  soort: 'activiteiten',
  enkelvoud: 'activiteit',
  meervoud: 'activiteiten',
  rijen: (r) => r.activiteiten,
  naamVan: (r) => (r as Activiteit).titel,
  velden: [
    { naam: 'titel', label: 'Titel', soort: 'tekst', verplicht: true },
    { naam: 'omschrijving', label: 'Omschrijving', soort: 'tekst' },
    { naam: 'doelen', label: 'Doelen die de activiteit onderwijst', soort: 'doelen' },
    { naam: 'organisatieId', label: 'Verzorgd door', soort: 'keuze', opties: partnerOpties, leegIsNull: true, standaard: '' },
    { naam: 'uren', label: 'Uren', soort: 'getal', leegIsNull: true },
  ],
  kolommen: [
    { kop: 'Titel', cel: (r) => (r as Activiteit).titel },
    { kop: 'Omschrijving', cel: (r) => (r as Activiteit).omschrijving || '–' },
    { kop: 'Doelen', cel: (r, c) => c.doelTekst((r as Activiteit).doelen) },
    { kop: 'Verzorgd door', cel: (r, c) => c.orgNaam((r as Activiteit).organisatieId) },
    { kop: 'Uren', cel: (r) => getal((r as Activiteit).uren) },
  ],
};

export const MATERIALEN: Config = {
  soort: 'materialen',
  enkelvoud: 'materiaal',
  meervoud: 'materialen',
  rijen: (r) => r.materialen,
  naamVan: (r) => (r as Materiaal).titel,
  velden: [
    { naam: 'titel', label: 'Titel', soort: 'tekst', verplicht: true },
    { naam: 'soort', label: 'Soort materiaal', soort: 'keuze', opties: () => MATERIAALSOORTEN.map((v) => ({ value: v, label: MATERIAAL_NAMEN[v] })), standaard: 'methode' },
    { naam: 'omschrijving', label: 'Omschrijving', soort: 'tekst' },
    { naam: 'url', label: 'Link (optioneel)', soort: 'url', leegIsNull: true, beschrijving: 'Begint met https://' },
    { naam: 'organisatieId', label: 'Geleverd door', soort: 'keuze', opties: partnerOpties, leegIsNull: true, standaard: '' },
  ],
  kolommen: [
    { kop: 'Titel', cel: (r) => (r as Materiaal).titel },
    { kop: 'Soort', cel: (r) => MATERIAAL_NAMEN[(r as Materiaal).soort] },
    { kop: 'Omschrijving', cel: (r) => (r as Materiaal).omschrijving || '–' },
    {
      kop: 'Link',
      cel: (r) => {
        const url = (r as Materiaal).url;
        return url ? (
          <a className="utrecht-link" href={url} rel="noreferrer noopener">
            {url}
          </a>
        ) : (
          '–'
        );
      },
    },
    { kop: 'Geleverd door', cel: (r, c) => c.orgNaam((r as Materiaal).organisatieId) },
  ],
};

export function leeg(config: Config): Waarden {
  const w: Waarden = {};
  for (const v of config.velden) w[v.naam] = v.standaard ?? (v.soort === 'doelen' ? [] : v.soort === 'vink' ? false : '');
  return w;
}

export function uitRij(config: Config, rij: Rij): Waarden {
  const w: Waarden = {};
  const bron = rij as unknown as Record<string, unknown>;
  for (const v of config.velden) {
    const x = bron[v.naam];
    w[v.naam] = v.soort === 'doelen' ? [...(x as string[])] : v.soort === 'vink' ? Boolean(x) : x === null || x === undefined ? '' : String(x);
  }
  return w;
}

export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function labelVanPad(config: Config, path: string): string {
  const first = path.split('.')[0] ?? '';
  if (first === 'leerjaar') return 'Leerjaar';
  if (first === 'periode') return 'Periode';
  return config.velden.find((v) => v.naam === first)?.label ?? cap(first);
}

/** The form as a request body, with the problems found before sending (a missing text, a number that is none). */
export function formulierBody(config: Config, waarden: Waarden, lj: number | undefined, pe: number | undefined, p: string): { body: Record<string, unknown>; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const body: Record<string, unknown> = { leerjaar: lj, periode: pe };
  for (const v of config.velden) {
    const w = waarden[v.naam];
    if (v.soort === 'getal') {
      const s = String(w ?? '').trim().replace(',', '.');
      if (s === '') body[v.naam] = null;
      else if (!/^\d+(\.\d+)?$/.test(s) || (v.geheel && !/^\d+$/.test(s))) problems.push({ fieldId: `${p}-${v.naam}`, message: `${v.label}: vul een ${v.geheel ? 'geheel ' : ''}getal in.` });
      else body[v.naam] = Number(s);
    } else if (v.soort === 'vink' || v.soort === 'doelen') body[v.naam] = w;
    else {
      const s = String(w ?? '').trim();
      if (v.verplicht && !s) problems.push({ fieldId: `${p}-${v.naam}`, message: `Vul ${v.label.toLowerCase()} in.` });
      body[v.naam] = s === '' && v.leegIsNull ? null : s;
    }
  }
  if (!lj || !pe) problems.push({ fieldId: `${p}-periode`, message: 'Kies een leerjaar en periode.' });
  return { body, problems };
}
