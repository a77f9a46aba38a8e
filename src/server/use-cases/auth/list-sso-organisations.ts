/**
 * The organisations a visitor can choose from to sign in through their school's identity provider
 * (SURFconext, Entree Federatie). Public, for the sign-in page: only id and name of organisations that
 * switched SSO on; nothing about members or the provider.
 */
import type { Kysely } from 'kysely';
import type { SsoOrganisatie } from '../../../shared/account-api.js';
import type { DB } from '../../db/schema.js';
import { organisationsWithSso } from '../../repositories/sso-repository.js';

export async function listSsoOrganisations(opts: { db: Kysely<DB> }): Promise<SsoOrganisatie[]> {
  return organisationsWithSso(opts.db);
}
