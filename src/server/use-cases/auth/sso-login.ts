/**
 * Sign-in with OpenID Connect, configured per organisation (SURFconext, Entree Federatie, any standard
 * provider). Start: a pending sign-in with state, nonce and PKCE (S256), bound to the browser by a
 * cookie, and the provider's authorization URL. Callback: the pending sign-in is taken out of the
 * database (single use), the code is exchanged and checked, and the e-mail claim must belong to an
 * existing member of that organisation; SSO never creates accounts or memberships. Then a new session,
 * exactly as with a password, and the account's password sign-in lock ends (as after a correct password).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError, type ErrorCode } from '../../errors.js';
import type { SsoFout } from '../../../shared/account-api.js';
import { authorizationRequest, exchangeCode, type OidcConfigurations } from '../../auth/oidc.js';
import { forgetAccountFailures } from '../../auth/rate-limiter.js';
import { newToken, sameHash, sha256 } from '../../auth/tokens.js';
import { findUserByEmail } from '../../repositories/account-repository.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import {
  consumeSsoLoginState,
  deleteExpiredSsoLoginStates,
  findSsoConfig,
  insertSsoLoginState,
  isMemberOf,
  organisationName,
  organisationsNotTrustingIssuer,
  type SsoConfigRow,
} from '../../repositories/sso-repository.js';
import { rotateSession } from './session.js';

export const SSO_CALLBACK_PATH = '/api/auth/sso/callback';
/** How long a sign-in at the provider may take. */
export const SSO_STATE_LIFETIME_MS = 10 * 60_000;

const NOT_CONFIGURED = 'Voor deze organisatie is inloggen via single sign-on niet ingesteld.';
const STATE_INVALID = 'Deze inlogpoging is verlopen of al gebruikt. Begin opnieuw met inloggen.';
const PROVIDER_FAILED = 'Inloggen bij de identiteitsprovider is niet gelukt. Probeer het opnieuw.';

/**
 * A failed SSO start or callback, with the reason the sign-in page can show when the browser is sent
 * back there (the API answer stays problem+json with the Dutch message).
 */
export class SsoError extends AppError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly reason: SsoFout,
    readonly organisationId?: string,
    details: AppError['details'] = {},
  ) {
    super(code, message, details);
  }
}

export const callbackUrlOf = (publicUrl: string) => `${publicUrl}${SSO_CALLBACK_PATH}`;

/** Only a path on this site: starts with one slash, no scheme, no host, no backslashes or control characters. */
export function safeReturnTo(value: string | undefined): string {
  if (value === undefined || value === '') return '/';
  // eslint-disable-next-line no-control-regex
  if (value.length > 500 || !value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u001f\u007f\s]/.test(value) || value.startsWith('/api/')) {
    throw new SsoError('validation_failed', 'return_to moet een pad op deze site zijn, zoals /organisaties.', 'ongeldig', undefined, {
      errors: [{ path: 'querystring.return_to', message: 'alleen een pad op deze site' }],
    });
  }
  return value;
}

async function liveConfig(db: Kysely<DB>, organisationId: string): Promise<SsoConfigRow> {
  const config = await findSsoConfig(db, organisationId);
  if (!config || !config.enabled) throw new SsoError('not_found', NOT_CONFIGURED, 'niet-ingesteld');
  return config;
}

async function discover(oidc: OidcConfigurations, config: SsoConfigRow) {
  try {
    return await oidc.get(config.organisationId, config);
  } catch {
    throw new SsoError('source_unavailable', 'De identiteitsprovider van deze organisatie is niet bereikbaar. Probeer het later opnieuw.', 'onbereikbaar', config.organisationId);
  }
}

export interface SsoStart {
  /** The provider's authorization URL (302). */
  redirectUrl: string;
  /** Random value for the short-lived browser cookie; only its hash is stored with the state. */
  browserToken: string;
}

export async function startSsoLogin(opts: {
  db: Kysely<DB>;
  oidc: OidcConfigurations;
  publicUrl: string;
  organisationId: string;
  returnTo?: string;
  now?: Date;
}): Promise<SsoStart> {
  const { db } = opts;
  const now = opts.now ?? new Date();
  const returnTo = safeReturnTo(opts.returnTo);
  const config = await liveConfig(db, opts.organisationId);
  const discovered = await discover(opts.oidc, config);
  const request = await authorizationRequest(discovered, { redirectUri: callbackUrlOf(opts.publicUrl), scope: config.scopes });
  const browserToken = newToken();
  await deleteExpiredSsoLoginStates(db, now);
  await insertSsoLoginState(db, {
    stateHash: sha256(request.state),
    browserHash: sha256(browserToken),
    organisationId: config.organisationId,
    nonce: request.nonce,
    codeVerifier: request.codeVerifier,
    returnTo,
    expiresAt: new Date(now.getTime() + SSO_STATE_LIFETIME_MS),
  });
  return { redirectUrl: request.url.href, browserToken };
}

export interface SsoLoginResult {
  userId: string;
  token: string;
  csrfToken: string;
  expiresAt: Date;
  returnTo: string;
}

export async function finishSsoLogin(opts: {
  db: Kysely<DB>;
  oidc: OidcConfigurations;
  publicUrl: string;
  /** The query string of the callback request, as the provider sent it (without '?'). */
  query: string;
  /** The browser cookie set at the start. */
  browserToken: string | undefined;
  /** The session token the browser had before, if any: ended. */
  previousToken?: string;
  now?: Date;
}): Promise<SsoLoginResult> {
  const { db } = opts;
  const now = opts.now ?? new Date();
  const params = new URLSearchParams(opts.query);
  const state = params.get('state');
  if (!state || state.length > 200) throw new SsoError('validation_failed', STATE_INVALID, 'verlopen');
  // Taken out first: whatever happens next, this state never works again.
  const pending = await consumeSsoLoginState(db, sha256(state), now);
  if (!pending || !opts.browserToken || opts.browserToken.length > 200 || !sameHash(sha256(opts.browserToken), pending.browserHash)) {
    throw new SsoError('validation_failed', STATE_INVALID, 'verlopen');
  }
  if (params.has('error')) throw new SsoError('unauthorized', 'Inloggen bij de identiteitsprovider is afgebroken of geweigerd.', 'afgebroken', pending.organisationId);
  const config = await liveConfig(db, pending.organisationId);
  const discovered = await discover(opts.oidc, config);
  let claims: Record<string, unknown>;
  try {
    const callbackUrl = new URL(callbackUrlOf(opts.publicUrl));
    callbackUrl.search = params.toString();
    claims = await exchangeCode(discovered, callbackUrl, { state, nonce: pending.nonce, codeVerifier: pending.codeVerifier }, config.emailClaim);
  } catch {
    // The reason (a response body, a claim) is not passed on or logged: it may hold tokens.
    throw new SsoError('unauthorized', PROVIDER_FAILED, 'mislukt', config.organisationId);
  }
  const naam = (await organisationName(db, config.organisationId)) ?? 'deze organisatie';
  const rawEmail = claims[config.emailClaim];
  if (typeof rawEmail !== 'string' || !rawEmail.includes('@') || claims.email_verified === false) {
    throw new SsoError('forbidden', `De identiteitsprovider van ${naam} gaf geen (bevestigd) e-mailadres door. Neem contact op met de beheerder van uw organisatie.`, 'geen-email', config.organisationId);
  }
  const email = rawEmail.trim().toLowerCase();
  const user = await findUserByEmail(db, email);
  if (!user || !(await isMemberOf(db, user.id, config.organisationId))) {
    // No account is ever created from SSO: a beheerder invites people first. Same answer with or without an account.
    throw new SsoError(
      'forbidden',
      `U bent wel ingelogd bij uw identiteitsprovider, maar er is bij ${naam} geen account voor ${email}. Vraag de beheerder van ${naam} om u uit te nodigen.`,
      'geen-account',
      config.organisationId,
    );
  }
  // A platform beheerder's right covers the whole platform (the national catalogue, beheerders of every organisation):
  // no school's identity provider vouches for that. They sign in with their password.
  if (user.platformBeheerder) {
    throw new SsoError(
      'forbidden',
      `Uw account is beheerder van het hele platform. Dat recht geeft de identiteitsprovider van ${naam} niet door; log daarom in met uw e-mailadres en wachtwoord.`,
      'wachtwoord-nodig',
      config.organisationId,
    );
  }
  // The provider is the one this organisation's beheerder chose: it vouches for roles here, not for roles at an
  // organisation that does not trust the same issuer (else a beheerder running a provider could sign in as anyone
  // who also has a role with them, with that person's roles elsewhere). Those people sign in with their password.
  const elders = await organisationsNotTrustingIssuer(db, user.id, config.organisationId, config.issuer);
  if (elders.length > 0) {
    throw new SsoError(
      'forbidden',
      `Uw account heeft ook een rol bij ${elders.join(', ')}, en die organisatie vertrouwt de identiteitsprovider van ${naam} niet. Log daarom in met uw e-mailadres en wachtwoord.`,
      'wachtwoord-nodig',
      config.organisationId,
    );
  }
  const session = await rotateSession(db, user.id, opts.previousToken);
  // Signed in at the school's provider: a password lock kept up by someone guessing no longer stops the owner.
  await forgetAccountFailures(db, user.email);
  await appendAudit(db, { actorUserId: user.id, organisationId: config.organisationId, action: 'login.sso', subjectType: 'user', subjectId: user.id });
  return { userId: user.id, ...session, returnTo: pending.returnTo };
}
