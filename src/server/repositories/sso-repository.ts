/** OIDC configuration per organisation and pending SSO sign-ins (single use, by the sha256 of the state). */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface SsoConfigRow {
  organisationId: string;
  issuer: string;
  clientId: string;
  /** Secret: never returned by the API, never logged. */
  clientSecret: string;
  scopes: string;
  emailClaim: string;
  enabled: boolean;
  updatedAt: Date;
}

export async function findSsoConfig(db: Db, organisationId: string): Promise<SsoConfigRow | undefined> {
  const row = await db.selectFrom('organisation_sso').selectAll().where('organisation_id', '=', organisationId).executeTakeFirst();
  return (
    row && {
      organisationId: row.organisation_id,
      issuer: row.issuer,
      clientId: row.client_id,
      clientSecret: row.client_secret,
      scopes: row.scopes,
      emailClaim: row.email_claim,
      enabled: row.enabled,
      updatedAt: new Date(row.updated_at),
    }
  );
}

export async function upsertSsoConfig(
  db: Db,
  c: { organisationId: string; issuer: string; clientId: string; clientSecret: string; scopes: string; emailClaim: string; enabled: boolean; now: Date },
): Promise<void> {
  const values = { issuer: c.issuer, client_id: c.clientId, client_secret: c.clientSecret, scopes: c.scopes, email_claim: c.emailClaim, enabled: c.enabled, updated_at: c.now };
  await db
    .insertInto('organisation_sso')
    .values({ organisation_id: c.organisationId, ...values })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values))
    .execute();
}

export interface SsoLoginState {
  organisationId: string;
  browserHash: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

export async function insertSsoLoginState(db: Db, s: SsoLoginState & { stateHash: string; expiresAt: Date }): Promise<void> {
  await db
    .insertInto('sso_login_state')
    .values({
      state_hash: s.stateHash,
      browser_hash: s.browserHash,
      organisation_id: s.organisationId,
      nonce: s.nonce,
      code_verifier: s.codeVerifier,
      return_to: s.returnTo,
      expires_at: s.expiresAt,
    })
    .execute();
}

/**
 * Takes a pending sign-in out of the table in one statement, so that a state works once even when two
 * requests race. Returns undefined for an unknown, used or expired state.
 */
export async function consumeSsoLoginState(db: Db, stateHash: string, now: Date): Promise<SsoLoginState | undefined> {
  const row = await db
    .deleteFrom('sso_login_state')
    .where('state_hash', '=', stateHash)
    .returning(['organisation_id', 'browser_hash', 'nonce', 'code_verifier', 'return_to', 'expires_at'])
    .executeTakeFirst();
  if (!row || new Date(row.expires_at).getTime() <= now.getTime()) return undefined;
  return { organisationId: row.organisation_id, browserHash: row.browser_hash, nonce: row.nonce, codeVerifier: row.code_verifier, returnTo: row.return_to };
}

export async function deleteExpiredSsoLoginStates(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('sso_login_state').where('expires_at', '<=', now).execute();
}

/** Whether the user has any role in the organisation. */
export async function isMemberOf(db: Db, userId: string, organisationId: string): Promise<boolean> {
  const row = await db.selectFrom('membership').select('rol').where('user_id', '=', userId).where('organisation_id', '=', organisationId).executeTakeFirst();
  return row !== undefined;
}

/**
 * The other organisations where the user has a role and that do not trust `issuer` (no SSO switched on with that same
 * issuer), by name: an identity provider chosen by one organisation may not vouch for roles elsewhere.
 */
export async function organisationsNotTrustingIssuer(db: Db, userId: string, organisationId: string, issuer: string): Promise<string[]> {
  const rows = await db
    .selectFrom('membership as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .leftJoin('organisation_sso as s', (j) => j.onRef('s.organisation_id', '=', 'm.organisation_id').on('s.enabled', '=', true).on('s.issuer', '=', issuer))
    .select('o.naam')
    .distinct()
    .where('m.user_id', '=', userId)
    .where('m.organisation_id', '<>', organisationId)
    .where('s.organisation_id', 'is', null)
    .orderBy('o.naam')
    .execute();
  return rows.map((r) => r.naam);
}

export async function organisationName(db: Db, organisationId: string): Promise<string | undefined> {
  const row = await db.selectFrom('organisation').select('naam').where('id', '=', organisationId).executeTakeFirst();
  return row?.naam;
}

/** Organisations with SSO switched on, by name: id, name and the stored issuer (for the caller to check, never to show). */
export async function organisationsWithSso(db: Db): Promise<Array<{ id: string; naam: string; issuer: string }>> {
  return db
    .selectFrom('organisation_sso as s')
    .innerJoin('organisation as o', 'o.id', 's.organisation_id')
    .select(['o.id', 'o.naam', 's.issuer'])
    .where('s.enabled', '=', true)
    .orderBy('o.naam')
    .execute();
}
