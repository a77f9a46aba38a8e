/**
 * The OpenID Connect relying party (openid-client v6): discovery of a provider, the authorization URL
 * with state, nonce and PKCE (S256), and the code exchange with its checks. Nothing here logs; errors
 * carry no secrets to the caller (the use case turns them into a generic AppError).
 */
import * as client from 'openid-client';

export interface OidcClientSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** http is only accepted for a provider on loopback (development and tests); anything else must be https. */
export function isAllowedIssuer(issuer: string): boolean {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return false;
  }
  if (url.username || url.password || url.search || url.hash) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

const DISCOVERY_TTL_MS = 10 * 60_000;

/** Discovered provider metadata per organisation, reused for ten minutes (and dropped when the settings change). */
export class OidcConfigurations {
  private readonly cache = new Map<string, { key: string; at: number; config: Promise<client.Configuration> }>();

  constructor(private readonly now: () => number = Date.now) {}

  get(organisationId: string, s: OidcClientSettings): Promise<client.Configuration> {
    const key = `${s.issuer}\n${s.clientId}\n${s.clientSecret}`;
    const hit = this.cache.get(organisationId);
    if (hit && hit.key === key && this.now() - hit.at < DISCOVERY_TTL_MS) return hit.config;
    const insecure = new URL(s.issuer).protocol === 'http:';
    const config = client.discovery(new URL(s.issuer), s.clientId, undefined, client.ClientSecretBasic(s.clientSecret), {
      timeout: 10,
      ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
    });
    this.cache.set(organisationId, { key, at: this.now(), config });
    // A failed discovery is not remembered.
    config.catch(() => {
      if (this.cache.get(organisationId)?.config === config) this.cache.delete(organisationId);
    });
    return config;
  }
}

export interface AuthorizationRequest {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export async function authorizationRequest(config: client.Configuration, opts: { redirectUri: string; scope: string }): Promise<AuthorizationRequest> {
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: opts.redirectUri,
    scope: opts.scope,
    response_type: 'code',
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { url, state, nonce, codeVerifier };
}

/**
 * Exchanges the code from `callbackUrl` (the redirect URI with the provider's query) and checks state,
 * nonce, PKCE, issuer and the ID token. Answers the ID token claims; when `wantedClaim` is not among
 * them, merged with the userinfo claims (many providers put e-mail only in userinfo).
 */
export async function exchangeCode(
  config: client.Configuration,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
  wantedClaim: string,
): Promise<Record<string, unknown>> {
  const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    pkceCodeVerifier: checks.codeVerifier,
    idTokenExpected: true,
  });
  const idClaims = tokens.claims();
  if (!idClaims) throw new Error('no ID token');
  if (idClaims[wantedClaim] !== undefined || !tokens.access_token || !config.serverMetadata().userinfo_endpoint) return { ...idClaims };
  // fetchUserInfo checks that the userinfo subject is the ID token's subject.
  const userinfo = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
  return { ...userinfo, ...idClaims };
}
