/**
 * Client calls for samenwerkingen, the organisation directory and organisation management (issue 4);
 * answers parsed with the shared zod schemas, state-changing calls with the CSRF token.
 */
import { z } from 'zod';
import { Organisatie, Vestiging } from '../../shared/auth-api.js';
import type { OrganisatieWijzigen, Rol, VestigingInvoer, VestigingWijzigen } from '../../shared/auth-api.js';
import { GidsOrganisatie, Partner, SamenwerkingDetail, SamenwerkingInLijst } from '../../shared/partnership-api.js';
import type { SamenwerkingAanmaken } from '../../shared/partnership-api.js';
import { apiUrl, getJson, sendJson } from '../api.js';

const seg = encodeURIComponent;

export const partnershipUrls = {
  partnerships: () => apiUrl('/api/partnerships'),
  partnership: (id: string) => apiUrl(`/api/partnerships/${seg(id)}`),
  partners: (id: string) => apiUrl(`/api/partnerships/${seg(id)}/organisations`),
  partner: (id: string, orgId: string) => apiUrl(`/api/partnerships/${seg(id)}/organisations/${seg(orgId)}`),
  directory: (q?: string) => apiUrl('/api/organisaties/gids', { q }),
  organisation: (id: string) => apiUrl(`/api/organisaties/${seg(id)}`),
  vestigingen: (id: string) => apiUrl(`/api/organisaties/${seg(id)}/vestigingen`),
  vestiging: (id: string, vestigingId: string) => apiUrl(`/api/organisaties/${seg(id)}/vestigingen/${seg(vestigingId)}`),
  member: (id: string, userId: string) => apiUrl(`/api/organisaties/${seg(id)}/leden/${seg(userId)}`),
  memberRole: (id: string, userId: string, rol: string) => apiUrl(`/api/organisaties/${seg(id)}/leden/${seg(userId)}/rollen/${seg(rol)}`),
};

export const partnershipApi = {
  list: (signal?: AbortSignal) => getJson(partnershipUrls.partnerships(), z.array(SamenwerkingInLijst), signal),
  get: (id: string, signal?: AbortSignal) => getJson(partnershipUrls.partnership(id), SamenwerkingDetail, signal),
  create: (body: SamenwerkingAanmaken, signal?: AbortSignal) => sendJson('POST', partnershipUrls.partnerships(), body, SamenwerkingDetail, signal),
  rename: (id: string, naam: string, signal?: AbortSignal) => sendJson('PATCH', partnershipUrls.partnership(id), { naam }, SamenwerkingDetail, signal),
  propose: (id: string, organisatieId: string, signal?: AbortSignal) => sendJson('POST', partnershipUrls.partners(id), { organisatieId }, Partner, signal),
  accept: (id: string, orgId: string, signal?: AbortSignal) => sendJson('POST', `${partnershipUrls.partner(id, orgId)}/accepteren`, undefined, SamenwerkingDetail, signal),
  decline: (id: string, orgId: string, signal?: AbortSignal) => sendJson('POST', `${partnershipUrls.partner(id, orgId)}/afwijzen`, undefined, null, signal),
  leave: (id: string, orgId: string, signal?: AbortSignal) => sendJson('DELETE', partnershipUrls.partner(id, orgId), undefined, null, signal),
  directory: (q: string, signal?: AbortSignal) => getJson(partnershipUrls.directory(q), z.array(GidsOrganisatie), signal),
};

export const organisationApi = {
  update: (id: string, body: OrganisatieWijzigen, signal?: AbortSignal) => sendJson('PATCH', partnershipUrls.organisation(id), body, Organisatie, signal),
  vestigingen: (id: string, signal?: AbortSignal) => getJson(partnershipUrls.vestigingen(id), z.array(Vestiging), signal),
  addVestiging: (id: string, body: VestigingInvoer, signal?: AbortSignal) => sendJson('POST', partnershipUrls.vestigingen(id), body, Vestiging, signal),
  changeVestiging: (id: string, vestigingId: string, body: VestigingWijzigen, signal?: AbortSignal) =>
    sendJson('PATCH', partnershipUrls.vestiging(id, vestigingId), body, Vestiging, signal),
  removeVestiging: (id: string, vestigingId: string, signal?: AbortSignal) => sendJson('DELETE', partnershipUrls.vestiging(id, vestigingId), undefined, null, signal),
  removeRole: (id: string, userId: string, rol: z.infer<typeof Rol>, signal?: AbortSignal) => sendJson('DELETE', partnershipUrls.memberRole(id, userId, rol), undefined, null, signal),
  removeMember: (id: string, userId: string, signal?: AbortSignal) => sendJson('DELETE', partnershipUrls.member(id, userId), undefined, null, signal),
};

export function partnershipPath(id: string): string {
  return `/samenwerkingen/${encodeURIComponent(id)}`;
}
