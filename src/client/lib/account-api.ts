/**
 * Client calls for single sign-on (sign-in page, beheerder settings), a user's own data (AVG) and the
 * catalogue upload; answers parsed with the shared zod schemas, state-changing calls with the CSRF token.
 */
import { z } from 'zod';
import { MijnGegevens, SsoOrganisatie } from '../../shared/account-api.js';
import type { AccountVerwijderen } from '../../shared/account-api.js';
import { SsoInstelling } from '../../shared/auth-api.js';
import type { SsoInstellen } from '../../shared/auth-api.js';
import { apiUrl, getJson, rememberCsrfToken, sendJson } from '../api.js';

const seg = encodeURIComponent;

export const accountUrls = {
  ssoOrganisaties: () => apiUrl('/api/auth/sso/organisaties'),
  ssoStart: (organisationId: string, returnTo?: string) => apiUrl(`/api/auth/sso/${seg(organisationId)}/start`, { return_to: returnTo }),
  ssoConfig: (organisationId: string) => apiUrl(`/api/organisations/${seg(organisationId)}/sso`),
  mijnGegevens: () => apiUrl('/api/account/gegevens'),
  account: () => apiUrl('/api/account'),
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
};
