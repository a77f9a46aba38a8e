/**
 * Client calls of the leerroute-ontwerper (issue 6; contract in src/shared/leerroute-api.ts). Answers are parsed with
 * the shared zod schemas; every change answers with the whole route (LeerrouteDetail, with fresh dekking) and sends
 * the CSRF token. A stale versie is a 409 (`isConflict`): show the message and load the route again.
 */
import { Inventaris } from '../../shared/inventory-api.js';
import { Dekking, Historie, LeerrouteDetail, LeerrouteLijst } from '../../shared/leerroute-api.js';
import type {
  ActiviteitToevoegen,
  ActiviteitWijzigen,
  LeerrouteAanmaken,
  LeerrouteInstellingen,
  MateriaalToevoegen,
  MateriaalWijzigen,
  PlanningToevoegen,
  PlanningVerplaatsen,
  Stap,
  ToetsToevoegen,
  ToetsWijzigen,
} from '../../shared/leerroute-api.js';
import { ApiError, apiUrl, getJson, sendJson } from '../api.js';

const seg = encodeURIComponent;

export type Entiteit = 'toetsen' | 'activiteiten' | 'materialen';

export const leerrouteUrls = {
  lijst: (partnershipId: string) => apiUrl(`/api/partnerships/${seg(partnershipId)}/leerroutes`),
  route: (routeId: string) => apiUrl(`/api/leerroutes/${seg(routeId)}`),
  dekking: (routeId: string) => apiUrl(`/api/leerroutes/${seg(routeId)}/dekking`),
  inventaris: (routeId: string) => apiUrl(`/api/leerroutes/${seg(routeId)}/inventaris`),
  historie: (routeId: string, limit?: number) => apiUrl(`/api/leerroutes/${seg(routeId)}/historie`, { limit }),
  planning: (routeId: string) => apiUrl(`/api/leerroutes/${seg(routeId)}/planning`),
  regel: (routeId: string, regelId: string, versie?: number) => apiUrl(`/api/leerroutes/${seg(routeId)}/planning/${seg(regelId)}`, { versie }),
  entiteiten: (routeId: string, soort: Entiteit) => apiUrl(`/api/leerroutes/${seg(routeId)}/${soort}`),
  /** Exports (helper F): the PTA of one keuzevak or profielmodule, and the whole route as a document. */
  pta: (routeId: string, vak: string, formaat: 'xlsx' | 'pdf') => apiUrl(`/api/leerroutes/${seg(routeId)}/pta.${formaat}`, { vak }),
  document: (routeId: string, formaat: 'docx' | 'pdf') => apiUrl(`/api/leerroutes/${seg(routeId)}/document.${formaat}`),
  entiteit: (routeId: string, soort: Entiteit, id: string, versie?: number) => apiUrl(`/api/leerroutes/${seg(routeId)}/${soort}/${seg(id)}`, { versie }),
};

export const leerrouteApi = {
  lijst: (partnershipId: string, signal?: AbortSignal) => getJson(leerrouteUrls.lijst(partnershipId), LeerrouteLijst, signal),
  aanmaken: (partnershipId: string, body: LeerrouteAanmaken, signal?: AbortSignal) => sendJson('POST', leerrouteUrls.lijst(partnershipId), body, LeerrouteDetail, signal),
  get: (routeId: string, signal?: AbortSignal) => getJson(leerrouteUrls.route(routeId), LeerrouteDetail, signal),
  instellingen: (routeId: string, body: LeerrouteInstellingen, signal?: AbortSignal) => sendJson('PUT', leerrouteUrls.route(routeId), body, LeerrouteDetail, signal),
  verwijderen: (routeId: string, versie: number, signal?: AbortSignal) => sendJson('DELETE', apiUrl(leerrouteUrls.route(routeId), { versie }), undefined, null, signal),
  dekking: (routeId: string, signal?: AbortSignal) => getJson(leerrouteUrls.dekking(routeId), Dekking, signal),
  inventaris: (routeId: string, signal?: AbortSignal) => getJson(leerrouteUrls.inventaris(routeId), Inventaris, signal),
  historie: (routeId: string, signal?: AbortSignal) => getJson(leerrouteUrls.historie(routeId), Historie, signal),
  plannen: (routeId: string, body: PlanningToevoegen, signal?: AbortSignal) => sendJson('POST', leerrouteUrls.planning(routeId), body, LeerrouteDetail, signal),
  verplaatsen: (routeId: string, regelId: string, body: PlanningVerplaatsen, signal?: AbortSignal) =>
    sendJson('PATCH', leerrouteUrls.regel(routeId, regelId), body, LeerrouteDetail, signal),
  uitPlanning: (routeId: string, regelId: string, versie: number, signal?: AbortSignal) =>
    sendJson('DELETE', leerrouteUrls.regel(routeId, regelId, versie), undefined, LeerrouteDetail, signal),
  toevoegen: (routeId: string, soort: Entiteit, body: ToetsToevoegen | ActiviteitToevoegen | MateriaalToevoegen, signal?: AbortSignal) =>
    sendJson('POST', leerrouteUrls.entiteiten(routeId, soort), body, LeerrouteDetail, signal),
  wijzigen: (routeId: string, soort: Entiteit, id: string, body: ToetsWijzigen | ActiviteitWijzigen | MateriaalWijzigen, signal?: AbortSignal) =>
    sendJson('PUT', leerrouteUrls.entiteit(routeId, soort, id), body, LeerrouteDetail, signal),
  verwijderEntiteit: (routeId: string, soort: Entiteit, id: string, versie: number, signal?: AbortSignal) =>
    sendJson('DELETE', leerrouteUrls.entiteit(routeId, soort, id, versie), undefined, LeerrouteDetail, signal),
};

/** A stale versie: someone else changed it in the meantime. */
export function isConflict(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 409;
}

/** Field errors of a 400 problem, keyed by path without the "body." prefix ("vmbo.leerweg", "tijdpad.0.organisatieId"). */
export function fieldErrors(error: unknown): Array<{ path: string; message: string }> {
  if (!(error instanceof ApiError) || !error.problem?.errors) return [];
  return error.problem.errors.map((e) => ({ path: e.path.replace(/^body\.?/, ''), message: e.message }));
}

export const STAPPEN: ReadonlyArray<{ stap: Exclude<Stap, 'instellingen'>; nummer: number; titel: string; pad: string }> = [
  { stap: 'inventarisatie', nummer: 1, titel: 'Inventarisatie', pad: 'inventarisatie' },
  { stap: 'planning', nummer: 2, titel: 'Planning', pad: 'planning' },
  { stap: 'toetsing', nummer: 3, titel: 'Toetsing', pad: 'toetsing' },
  { stap: 'activiteiten', nummer: 4, titel: 'Activiteiten en lessen', pad: 'activiteiten' },
  { stap: 'materialen', nummer: 5, titel: 'Materialen', pad: 'materialen' },
];

/** In-app path of a route, a step, or the place to fix something (leerjaar and periode in the query). */
export function leerroutePath(routeId: string, stap?: Stap | 'wijzigingen', plek?: { leerjaar: number | null; periode: number | null }, anker?: string): string {
  const base = `/leerroutes/${seg(routeId)}`;
  const path = !stap || stap === 'instellingen' ? base : `${base}/${stap}`;
  const query = plek && plek.leerjaar !== null && plek.periode !== null ? `?leerjaar=${plek.leerjaar}&periode=${plek.periode}` : '';
  return `${path}${query}${anker ? `#${seg(anker)}` : ''}`;
}

export function leerroutesPath(partnershipId: string): string {
  return `/samenwerkingen/${seg(partnershipId)}/leerroutes`;
}
