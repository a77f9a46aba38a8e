/**
 * Client calls of issue 16, "Wijzigingen in de landelijke data" (contract in src/shared/impact-api.ts).
 */
import { ImpactMail, OpenWijzigingen, VolgStatus, WijzigingActieResultaat, WijzigingenLijst, type WijzigingActie } from '../../../shared/impact-api.js';
import { apiUrl, getJson, sendJson } from '../../api.js';

const seg = encodeURIComponent;

export const impactUrls = {
  lijst: (partnershipId: string) => apiUrl(`/api/partnerships/${seg(partnershipId)}/wijzigingen`),
  acties: (partnershipId: string) => apiUrl(`/api/partnerships/${seg(partnershipId)}/wijzigingen/acties`),
  open: () => apiUrl('/api/mijn/wijzigingen'),
  volgen: (item?: string) => apiUrl('/api/catalogus/volgen', item ? { item } : {}),
  mail: () => apiUrl('/api/account/impact-mail'),
};

export const impactApi = {
  lijst: (partnershipId: string, signal?: AbortSignal) => getJson(impactUrls.lijst(partnershipId), WijzigingenLijst, signal),
  actie: (partnershipId: string, body: WijzigingActie) => sendJson('POST', impactUrls.acties(partnershipId), body, WijzigingActieResultaat),
  open: (signal?: AbortSignal) => getJson(impactUrls.open(), OpenWijzigingen, signal),
  volgStatus: (item: string, signal?: AbortSignal) => getJson(impactUrls.volgen(item), VolgStatus, signal),
  volgen: (item: string, volgen: boolean) => sendJson('PUT', impactUrls.volgen(), { item, volgen }, VolgStatus),
  mail: (signal?: AbortSignal) => getJson(impactUrls.mail(), ImpactMail, signal),
  zetMail: (aan: boolean) => sendJson('PUT', impactUrls.mail(), { aan }, ImpactMail),
};

export const wijzigingenPath = (partnershipId: string) => `/samenwerkingen/${seg(partnershipId)}/wijzigingen`;
