/**
 * Client calls of the overlap inventory and the crosswalk (issue 5); answers parsed with the shared zod schemas,
 * review actions with the CSRF token.
 */
import { z } from 'zod';
import { BeoordelingsAntwoord, Bevestigingen, Inventaris, OpgeslagenSelectie, OpgeslagenSelecties } from '../../shared/inventory-api.js';
import type { KoppelingBeoordelen, NietKoppelen, SelectieOpslaan, SelectieWijzigen } from '../../shared/inventory-api.js';
import { apiUrl, getJson, sendJson, type Query } from '../api.js';

const seg = encodeURIComponent;

/** The selection as the page keeps it in its query string (same names as the API). */
export interface InventarisSelectie {
  profiel?: string;
  leerweg?: string;
  keuzevakken?: string;
  profielmodulen?: string;
  kwalificatie?: string;
  keuzedelen?: string;
  min?: string;
  /** "nee": the profiel does not bring its profielmodulen by itself (the page asked, issue 12). */
  profielmodulenVanProfiel?: string;
}

const query = (s: InventarisSelectie): Query => ({ ...s });

/** Whose public confirmation counts: the eindtermen of a keuzevak or profielmodule, or the werkprocessen of a kwalificatie. */
export type BevestigingenVan = { keuzevak: string } | { profielmodule: string } | { kwalificatie: string };

export const inventoryUrls = {
  inventaris: (s: InventarisSelectie, partnershipId?: string) => apiUrl(partnershipId ? `/api/partnerships/${seg(partnershipId)}/inventaris` : '/api/inventaris', query(s)),
  export: (s: InventarisSelectie, formaat: 'csv' | 'xlsx', partnershipId?: string) =>
    apiUrl(partnershipId ? `/api/partnerships/${seg(partnershipId)}/inventaris/export` : '/api/inventaris/export', { ...query(s), formaat }),
  caseExport: (s: InventarisSelectie, partnershipId: string) => apiUrl(`/api/partnerships/${seg(partnershipId)}/crosswalk/case`, query(s)),
  koppelingen: (partnershipId: string) => apiUrl(`/api/partnerships/${seg(partnershipId)}/crosswalk/koppelingen`),
  nietGekoppeld: (partnershipId: string) => apiUrl(`/api/partnerships/${seg(partnershipId)}/crosswalk/niet-gekoppeld`),
  bevestigingen: (van: BevestigingenVan) => apiUrl('/api/crosswalk/bevestigingen', { ...van }),
  selecties: (partnershipId: string) => apiUrl(`/api/partnerships/${seg(partnershipId)}/inventaris/selecties`),
  selectie: (partnershipId: string, selectieId: string, q?: Query) => apiUrl(`/api/partnerships/${seg(partnershipId)}/inventaris/selecties/${seg(selectieId)}`, q),
};

export const inventoryApi = {
  inventaris: (s: InventarisSelectie, partnershipId?: string, signal?: AbortSignal) => getJson(inventoryUrls.inventaris(s, partnershipId), Inventaris, signal),
  beoordeel: (partnershipId: string, body: KoppelingBeoordelen, signal?: AbortSignal) => sendJson('PUT', inventoryUrls.koppelingen(partnershipId), body, BeoordelingsAntwoord, signal),
  nietKoppelen: (partnershipId: string, body: NietKoppelen, signal?: AbortSignal) =>
    sendJson('PUT', inventoryUrls.nietGekoppeld(partnershipId), body, z.object({ itemId: z.string(), bewustNietGekoppeld: z.boolean() }), signal),
  bevestigingen: (van: BevestigingenVan, signal?: AbortSignal) => getJson(inventoryUrls.bevestigingen(van), Bevestigingen, signal),
  selecties: (partnershipId: string, signal?: AbortSignal) => getJson(inventoryUrls.selecties(partnershipId), OpgeslagenSelecties, signal),
  selectieOpslaan: (partnershipId: string, body: SelectieOpslaan) => sendJson('POST', inventoryUrls.selecties(partnershipId), body, OpgeslagenSelectie),
  selectieWijzigen: (partnershipId: string, selectieId: string, body: SelectieWijzigen) => sendJson('PUT', inventoryUrls.selectie(partnershipId, selectieId), body, OpgeslagenSelectie),
  selectieVerwijderen: (partnershipId: string, selectieId: string, versie: number) => sendJson('DELETE', inventoryUrls.selectie(partnershipId, selectieId, { versie: String(versie) }), undefined, null),
};
