/**
 * The OpenID Connect relying party (openid-client v6): discovery of a provider, the authorization URL
 * with state, nonce and PKCE (S256), and the code exchange with its checks. Every request to the provider goes
 * through `guardedFetch` (https, public addresses only). Nothing here logs; errors
 * carry no secrets to the caller (the use case turns them into a generic AppError).
 */
import dns from 'node:dns/promises';
import * as client from 'openid-client';
import { isIpLiteral, isLoopbackHost, isPublicAddress } from '../../domain/net/addresses.js';
import { checkIssuer, checkOutboundUrl, type OutboundRules } from '../../domain/net/outbound.js';

export interface OidcClientSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** Where discovery and the later requests to the provider may go (see domain/net/outbound). */
export interface OidcNetworkRules extends OutboundRules {
  /** DNS look-up of a host name (all addresses); injectable for tests. */
  lookup?: (host: string) => Promise<string[]>;
}

const systemLookup = async (host: string) => (await dns.lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/** Thrown by the guarded fetch for an address the server may not reach; its message is not shown to callers. */
export class OutboundRefused extends Error {
  override name = 'OutboundRefused';
}

/**
 * Checks a URL before the server fetches it: the pure rule (https, public host; http and loopback only for tests),
 * then every address its name resolves to must be public (a public-looking name pointing at 10.0.0.1 is refused).
 * Resolving again at connect time cannot be pinned with Node's built-in fetch, so a name that changes its answer
 * within milliseconds (DNS rebinding) is not fully excluded; discovery is rare (one per organisation per window).
 */
export async function assertFetchAllowed(target: URL, rules: OidcNetworkRules): Promise<void> {
  const check = checkOutboundUrl(target, rules);
  if (!check.ok) throw new OutboundRefused(check.reason);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (isIpLiteral(host)) return; // the rule above already judged the address itself
  if (rules.allowInsecure && isLoopbackHost(host)) return;
  const addresses = await (rules.lookup ?? systemLookup)(host);
  const loopbackOk = (a: string) => rules.allowInsecure && isLoopbackHost(a);
  if (addresses.length === 0 || addresses.some((a) => !isPublicAddress(a) && !loopbackOk(a))) throw new OutboundRefused('geen-publieke-host');
}

/** A fetch for openid-client that applies `assertFetchAllowed` to every request and never follows redirects. */
export function guardedFetch(rules: OidcNetworkRules): client.CustomFetch {
  return async (url, options) => {
    await assertFetchAllowed(new URL(url), rules);
    return fetch(url, { ...options, redirect: 'manual' } as RequestInit);
  };
}

/** A successful discovery is reused this long (and dropped when the settings change). */
export const DISCOVERY_TTL_MS = 10 * 60_000;
/** A failed (or refused) discovery is answered from memory this long: at most one attempt per organisation per minute. */
export const DISCOVERY_RETRY_MS = 60_000;

/**
 * Discovered provider metadata per organisation. Only settings a beheerder saved reach this (the SSO start reads
 * them from the database), and every fetch goes through `guardedFetch`, so a caller cannot make the server probe
 * addresses: at most one discovery per organisation per window, whatever the outcome.
 */
export class OidcConfigurations {
  private readonly cache = new Map<string, { key: string; at: number; ttl: number; config: Promise<client.Configuration> }>();
  private readonly now: () => number;
  /** Where this app may fetch (allowInsecure only in an app built for tests); also the issuer rule of the sign-in page's list. */
  readonly rules: OidcNetworkRules;

  constructor(opts: { rules?: Partial<OidcNetworkRules>; now?: () => number } = {}) {
    this.now = opts.now ?? Date.now;
    this.rules = { allowInsecure: opts.rules?.allowInsecure ?? false, ...(opts.rules?.lookup ? { lookup: opts.rules.lookup } : {}) };
  }

  get(organisationId: string, s: OidcClientSettings): Promise<client.Configuration> {
    const key = `${s.issuer}\n${s.clientId}\n${s.clientSecret}`;
    const hit = this.cache.get(organisationId);
    if (hit && hit.key === key && this.now() - hit.at < hit.ttl) return hit.config;
    const entry = { key, at: this.now(), ttl: DISCOVERY_TTL_MS, config: this.discover(s) };
    this.cache.set(organisationId, entry);
    // A failure is remembered for a shorter time, not forgotten at once: no new attempt per request.
    entry.config.catch(() => {
      entry.ttl = DISCOVERY_RETRY_MS;
    });
    return entry.config;
  }

  private async discover(s: OidcClientSettings): Promise<client.Configuration> {
    // The stored issuer is checked again: rows saved under older rules do not bypass the current ones.
    const check = checkIssuer(s.issuer, this.rules);
    if (!check.ok) throw new OutboundRefused(check.reason);
    const insecure = check.url.protocol === 'http:';
    return client.discovery(check.url, s.clientId, undefined, client.ClientSecretBasic(s.clientSecret), {
      timeout: 10,
      [client.customFetch]: guardedFetch(this.rules),
      ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
    });
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
