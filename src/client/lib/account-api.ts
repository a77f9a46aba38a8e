/**
 * Client calls for single sign-on (sign-in page, beheerder settings), a user's own data (AVG), the own
 * memberships (accepting an invitation while signed in, leaving an organisation) and the catalogue upload; answers parsed with the shared zod schemas, state-changing calls with the CSRF token.
 */
import { z } from 'zod';
import { ImportRapport, MijnGegevens, SsoOrganisatie } from '../../shared/account-api.js';
import type { AccountVerwijderen } from '../../shared/account-api.js';
import { Me, OrganisatieVerlaten, SsoInstelling } from '../../shared/auth-api.js';
import type { SsoInstellen } from '../../shared/auth-api.js';
import { apiUrl, getJson, rememberCsrfToken, sendFile, sendJson } from '../api.js';

const seg = encodeURIComponent;

export const accountUrls = {
  ssoOrganisaties: () => apiUrl('/api/auth/sso/organisaties'),
  ssoStart: (organisationId: string, returnTo?: string) => apiUrl(`/api/auth/sso/${seg(organisationId)}/start`, { return_to: returnTo }),
  ssoConfig: (organisationId: string) => apiUrl(`/api/organisaties/${seg(organisationId)}/sso`),
  mijnGegevens: () => apiUrl('/api/account/gegevens'),
  account: () => apiUrl('/api/account'),
  uitnodigingAannemen: () => apiUrl('/api/account/uitnodiging-aannemen'),
  verlaten: (organisationId: string) => apiUrl(`/api/organisaties/${seg(organisationId)}/verlaten`),
};

export const accountApi = {
  ssoOrganisaties: (signal?: AbortSignal) => getJson(accountUrls.ssoOrganisaties(), z.array(SsoOrganisatie), signal),
  ssoConfig: (organisationId: string, signal?: AbortSignal) => getJson(accountUrls.ssoConfig(organisationId), SsoInstelling, signal),
  saveSsoConfig: (organisationId: string, body: Partial<SsoInstellen> & Pick<SsoInstellen, 'issuer' | 'clientId' | 'enabled'>, signal?: AbortSignal) =>
    sendJson('PUT', accountUrls.ssoConfig(organisationId), body, SsoInstelling, signal),
  mijnGegevens: (signal?: AbortSignal) => getJson(accountUrls.mijnGegevens(), MijnGegevens, signal),
  /** Deletes the signed-in user's account (204); the session ends with it. */
  deleteAccount: async (body: AccountVerwijderen, signal?: AbortSignal): Promise<void> => {
    await sendJson('DELETE', accountUrls.account(), body, null, signal);
    rememberCsrfToken(null);
  },
  /** Accepts an invitation to the signed-in user's own address (no password); answers with the updated memberships. */
  acceptInvitation: (token: string, signal?: AbortSignal) => sendJson('POST', accountUrls.uitnodigingAannemen(), { token }, Me, signal),
  /** Leaves an organisation (all own roles in it); says who became beheerder when the last one left. */
  leaveOrganisation: (organisationId: string, signal?: AbortSignal) => sendJson('POST', accountUrls.verlaten(organisationId), undefined, OrganisatieVerlaten, signal),
};

export interface TabelUpload {
  file: File;
  soort?: string;
  release?: string;
  dryRun: boolean;
}

/** Uploads a table file (CSV or XLSX) for a dry run or the import; a refused file throws an ApiError naming the line. */
export function uploadTabel(upload: TabelUpload, signal?: AbortSignal): Promise<ImportRapport> {
  const url = apiUrl('/api/beheer/import/tabel', {
    bestandsnaam: upload.file.name,
    soort: upload.soort,
    release: upload.release,
    dryRun: String(upload.dryRun),
  });
  return sendFile(url, upload.file, ImportRapport, { signal });
}
