/**
 * Client calls of the joint exam and its plan (issue 14; contract in src/shared/examenplan-api.ts). Answers are parsed
 * with the shared schemas; changes send the CSRF token (sendJson).
 */
import type { ExamenplanInhoud } from '../../../shared/examen-api.js';
import { ExamenDetail, ExamenLijst, Inschrijvingen, MijnExamens, type ExamenAanmaken } from '../../../shared/examenplan-api.js';
import { apiUrl, getJson, sendJson } from '../../api.js';
import { formatDatum } from '../../lib/format.js';

const seg = encodeURIComponent;

export const examenUrls = {
  route: (routeId: string) => apiUrl(`/api/leerroutes/${seg(routeId)}/examens`),
  mijn: () => apiUrl('/api/examens'),
  detail: (id: string) => apiUrl(`/api/examens/${seg(id)}`),
  plan: (id: string, actie?: string) => apiUrl(`/api/examens/${seg(id)}/plan${actie ? `/${actie}` : ''}`),
  inschrijvingen: (id: string) => apiUrl(`/api/examens/${seg(id)}/inschrijvingen`),
  export: (id: string, formaat: 'csv' | 'xlsx') => apiUrl(`/api/examens/${seg(id)}/inschrijvingen.${formaat}`),
};

export const examenApi = {
  route: (routeId: string, signal?: AbortSignal) => getJson(examenUrls.route(routeId), ExamenLijst, signal),
  maak: (routeId: string, body: ExamenAanmaken) => sendJson('POST', examenUrls.route(routeId), body, ExamenDetail),
  mijn: (signal?: AbortSignal) => getJson(examenUrls.mijn(), MijnExamens, signal),
  get: (id: string, signal?: AbortSignal) => getJson(examenUrls.detail(id), ExamenDetail, signal),
  opslaan: (id: string, versie: number, inhoud: ExamenplanInhoud) => sendJson('PUT', examenUrls.plan(id), { versie, inhoud }, ExamenDetail),
  actie: (id: string, actie: 'indienen' | 'vaststellen' | 'nieuwe-versie', versie: number) => sendJson('POST', examenUrls.plan(id, actie), { versie }, ExamenDetail),
  metReden: (id: string, actie: 'dekking-akkoord' | 'terugsturen', versie: number, reden: string) => sendJson('POST', examenUrls.plan(id, actie), { versie, reden }, ExamenDetail),
  inschrijvingen: (id: string, signal?: AbortSignal) => getJson(examenUrls.inschrijvingen(id), Inschrijvingen, signal),
  aanmelden: (id: string, leerlingIds?: string[]) => sendJson('POST', examenUrls.inschrijvingen(id), leerlingIds ? { leerlingIds } : {}, Inschrijvingen),
  inschrijven: (id: string, leerlingIds?: string[]) => sendJson('POST', `${examenUrls.inschrijvingen(id)}/ingeschreven`, leerlingIds ? { leerlingIds } : {}, Inschrijvingen),
};

export const examenPath = (id: string) => `/examens/${seg(id)}`;
export const examensVanRoutePath = (routeId: string) => `/leerroutes/${seg(routeId)}/examens`;

export const PLAN_STATUS_TEKST: Record<string, { tekst: string; kleur: 'neutral' | 'safe' | 'warning' | 'danger' }> = {
  concept: { tekst: 'Concept', kleur: 'neutral' },
  ingediend: { tekst: 'Ingediend bij de examencommissie', kleur: 'warning' },
  vastgesteld: { tekst: 'Vastgesteld', kleur: 'safe' },
  vervangen: { tekst: 'Vervangen', kleur: 'neutral' },
};

export const datumTekst = formatDatum;
