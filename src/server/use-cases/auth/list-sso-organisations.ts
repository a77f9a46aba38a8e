/**
 * The organisations a visitor can choose from to sign in through their school's identity provider
 * (SURFconext, Entree Federatie). Public, for the sign-in page: only id and name of organisations that
 * switched SSO on; nothing about members or the provider. An organisation whose stored issuer breaks the
 * issuer rule (domain/net: https on a public host; saved under older rules) is left out: its sign-in start
 * could only end in the generic 502, as the server never fetches such an issuer.
 */
import type { Kysely } from 'kysely';
import { checkIssuer, type OutboundRules } from '../../../domain/net/outbound.js';
import type { SsoOrganisatie } from '../../../shared/account-api.js';
import type { DB } from '../../db/schema.js';
import { organisationsWithSso } from '../../repositories/sso-repository.js';

export async function listSsoOrganisations(opts: { db: Kysely<DB>; rules: OutboundRules }): Promise<SsoOrganisatie[]> {
  const rows = await organisationsWithSso(opts.db);
  return rows.filter((r) => checkIssuer(r.issuer, opts.rules).ok).map(({ id, naam }) => ({ id, naam }));
}
