/**
 * Client calls of platform beheer of organisations: the organisations without a beheerder and inviting a beheerder
 * into one; answers parsed with the shared zod schemas, the invitation with the CSRF token.
 */
import { z } from 'zod';
import { Uitnodiging } from '../../shared/auth-api.js';
import { OrganisatieZonderBeheerder } from '../../shared/beheer-api.js';
import { apiUrl, getJson, sendJson } from '../api.js';

const seg = encodeURIComponent;

export const beheerUrls = {
  zonderBeheerder: () => apiUrl('/api/beheer/organisaties-zonder-beheerder'),
  beheerderUitnodigen: (organisationId: string) => apiUrl(`/api/beheer/organisaties-zonder-beheerder/${seg(organisationId)}/uitnodigingen`),
};

export const beheerApi = {
  zonderBeheerder: (signal?: AbortSignal) => getJson(beheerUrls.zonderBeheerder(), z.array(OrganisatieZonderBeheerder), signal),
  /** 202 with the same answer as any invitation; 409 when the organisation has a beheerder (meanwhile). */
  beheerderUitnodigen: (organisationId: string, email: string, signal?: AbortSignal) =>
    sendJson('POST', beheerUrls.beheerderUitnodigen(organisationId), { email }, Uitnodiging, signal),
};
