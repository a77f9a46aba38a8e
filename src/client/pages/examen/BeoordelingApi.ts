/**
 * Client calls of the assessment of the joint exam (issue 14; contract in src/shared/beoordeling-api.ts). Answers are
 * parsed with the shared schemas; changes send the CSRF token (sendJson).
 */
import { BeoordelingDetail, BeoordelingLijst, VaststellenResultaat, type Correctie, type Kant, type KantOpslaan } from '../../../shared/beoordeling-api.js';
import { apiUrl, getJson, sendJson } from '../../api.js';

const seg = encodeURIComponent;

export const beoordelingUrls = {
  lijst: (examenId: string) => apiUrl(`/api/examens/${seg(examenId)}/beoordelingen`),
  detail: (id: string) => apiUrl(`/api/beoordelingen/${seg(id)}`),
  kant: (id: string, kant: Kant) => apiUrl(`/api/beoordelingen/${seg(id)}/kanten/${kant}`),
  herkansing: (id: string) => apiUrl(`/api/beoordelingen/${seg(id)}/herkansing`),
  correcties: (id: string) => apiUrl(`/api/beoordelingen/${seg(id)}/correcties`),
  vaststellen: (examenId: string) => apiUrl(`/api/examens/${seg(examenId)}/resultaten/vaststellen`),
  seCijfers: (examenId: string) => apiUrl(`/api/examens/${seg(examenId)}/resultaten/se-cijfers.csv`),
  keuzedeel: (examenId: string, formaat: 'csv' | 'xlsx') => apiUrl(`/api/examens/${seg(examenId)}/resultaten/keuzedeelresultaten.${formaat}`),
  pdf: (id: string) => apiUrl(`/api/beoordelingen/${seg(id)}/formulier.pdf`),
};

export const beoordelingApi = {
  lijst: (examenId: string, signal?: AbortSignal) => getJson(beoordelingUrls.lijst(examenId), BeoordelingLijst, signal),
  get: (id: string, signal?: AbortSignal) => getJson(beoordelingUrls.detail(id), BeoordelingDetail, signal),
  opslaan: (id: string, kant: Kant, body: KantOpslaan) => sendJson('PUT', beoordelingUrls.kant(id, kant), body, BeoordelingDetail),
  herkansing: (id: string) => sendJson('POST', beoordelingUrls.herkansing(id), {}, BeoordelingDetail),
  corrigeer: (id: string, body: Correctie) => sendJson('POST', beoordelingUrls.correcties(id), body, BeoordelingDetail),
  vaststellen: (examenId: string) => sendJson('POST', beoordelingUrls.vaststellen(examenId), {}, VaststellenResultaat),
};

export const beoordelenPath = (examenId: string) => `/examens/${seg(examenId)}/beoordelen`;
export const beoordelingPath = (id: string) => `/beoordelingen/${seg(id)}`;

/** "7,5" */
export const nl = (n: number | null | undefined, decimalen?: number) => (n === null || n === undefined ? '—' : (decimalen === undefined ? String(n) : n.toFixed(decimalen)).replace('.', ','));

/** A typed-in number with a decimal comma or point; null for empty, NaN for nonsense. */
export function leesGetal(s: string): number | null {
  const t = s.trim().replace(',', '.');
  if (t === '') return null;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}
