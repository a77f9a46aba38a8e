/**
 * Client calls of the samenwerkingsovereenkomst (issue 13; contract in src/shared/overeenkomst-api.ts). Answers are
 * parsed with the shared schemas; changes send the CSRF token (sendJson).
 */
import { OvereenkomstDetail, OvereenkomstLijst, RouteDekking, Verschil } from '../../../shared/overeenkomst-api.js';
import type { MedezeggenschapVastleggen, Ondertekenen, OvereenkomstAanmaken, OvereenkomstInstellingen, StatusWijzigen } from '../../../shared/overeenkomst-api.js';
import { apiUrl, getJson, sendJson } from '../../api.js';

const seg = encodeURIComponent;

export const overeenkomstUrls = {
  lijst: (partnershipId: string) => apiUrl(`/api/partnerships/${seg(partnershipId)}/overeenkomsten`),
  detail: (id: string) => apiUrl(`/api/overeenkomsten/${seg(id)}`),
  clausule: (id: string, clausuleId: string) => apiUrl(`/api/overeenkomsten/${seg(id)}/clausules/${seg(clausuleId)}`),
  opmerkingen: (id: string, clausuleId: string) => apiUrl(`/api/overeenkomsten/${seg(id)}/clausules/${seg(clausuleId)}/opmerkingen`),
  status: (id: string) => apiUrl(`/api/overeenkomsten/${seg(id)}/status`),
  ondertekeningen: (id: string) => apiUrl(`/api/overeenkomsten/${seg(id)}/ondertekeningen`),
  medezeggenschap: (id: string) => apiUrl(`/api/overeenkomsten/${seg(id)}/medezeggenschap`),
  nieuweVersie: (id: string) => apiUrl(`/api/overeenkomsten/${seg(id)}/nieuwe-versie`),
  verschil: (id: string, met: string) => apiUrl(`/api/overeenkomsten/${seg(id)}/verschil`, { met }),
  bestand: (id: string, formaat: 'pdf' | 'docx') => apiUrl(`/api/overeenkomsten/${seg(id)}/overeenkomst.${formaat}`),
  route: (routeId: string) => apiUrl(`/api/leerroutes/${seg(routeId)}/overeenkomsten`),
};

export const overeenkomstApi = {
  lijst: (partnershipId: string, signal?: AbortSignal) => getJson(overeenkomstUrls.lijst(partnershipId), OvereenkomstLijst, signal),
  maak: (partnershipId: string, body: OvereenkomstAanmaken) => sendJson('POST', overeenkomstUrls.lijst(partnershipId), body, OvereenkomstDetail),
  get: (id: string, signal?: AbortSignal) => getJson(overeenkomstUrls.detail(id), OvereenkomstDetail, signal),
  instellingen: (id: string, body: OvereenkomstInstellingen) => sendJson('PUT', overeenkomstUrls.detail(id), body, OvereenkomstDetail),
  clausule: (id: string, clausuleId: string, versie: number, tekst: string) => sendJson('PUT', overeenkomstUrls.clausule(id, clausuleId), { versie, tekst }, OvereenkomstDetail),
  opmerking: (id: string, clausuleId: string, tekst: string) => sendJson('POST', overeenkomstUrls.opmerkingen(id, clausuleId), { tekst }, OvereenkomstDetail),
  status: (id: string, body: StatusWijzigen) => sendJson('POST', overeenkomstUrls.status(id), body, OvereenkomstDetail),
  onderteken: (id: string, body: Ondertekenen) => sendJson('POST', overeenkomstUrls.ondertekeningen(id), body, OvereenkomstDetail),
  medezeggenschap: (id: string, body: MedezeggenschapVastleggen) => sendJson('PUT', overeenkomstUrls.medezeggenschap(id), body, OvereenkomstDetail),
  nieuweVersie: (id: string) => sendJson('POST', overeenkomstUrls.nieuweVersie(id), {}, OvereenkomstDetail),
  verschil: (id: string, met: string, signal?: AbortSignal) => getJson(overeenkomstUrls.verschil(id, met), Verschil, signal),
  route: (routeId: string, signal?: AbortSignal) => getJson(overeenkomstUrls.route(routeId), RouteDekking, signal),
};

export const overeenkomstPath = (id: string) => `/overeenkomsten/${seg(id)}`;
