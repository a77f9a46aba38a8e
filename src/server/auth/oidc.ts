/**
 * The OpenID Connect relying party (openid-client v6): discovery of a provider, the authorization URL
 * with state, nonce and PKCE (S256), and the code exchange with its checks. Every request to the provider goes
 * through `pinnedFetch`: the URL rule of domain/net, then one DNS look-up at connect time whose every answer must be
 * public, and the connection goes to exactly those checked addresses (no second resolution: no DNS rebinding). Nothing
 * here logs; errors carry no secrets to the caller (the use case turns them into a generic AppError).
 */
import type { LookupAddress } from 'node:dns';
import dns from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
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
  /** DNS look-up of a host name (all addresses); injectable for tests. Called once per connection, at connect time. */
  lookup?: (host: string) => Promise<string[]>;
}

const systemLookup = async (host: string) => (await dns.lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/** Thrown by the guarded fetch for an address the server may not reach (or an answer it will not take); its message is not shown to callers. */
export class OutboundRefused extends Error {
  override name = 'OutboundRefused';
}

/** Whether the server may connect to this IP address: a public one; loopback only in an app for tests. */
export function addressAllowed(address: string, rules: OutboundRules): boolean {
  return isPublicAddress(address) || (rules.allowInsecure && isLoopbackHost(address));
}

/**
 * Resolves a host name and checks every answer (`addressAllowed`): one address that is not allowed refuses the
 * whole name (a public-looking name pointing at 10.0.0.1 as well). Answers the checked addresses with their family.
 */
export async function resolveChecked(host: string, rules: OidcNetworkRules): Promise<Array<{ address: string; family: 4 | 6 }>> {
  const addresses = await (rules.lookup ?? systemLookup)(host);
  if (addresses.length === 0 || addresses.some((a) => !addressAllowed(a, rules))) throw new OutboundRefused('geen-publieke-host');
  return addresses.map((address) => ({ address, family: net.isIP(address) === 6 ? 6 : 4 }));
}

/**
 * Checks a URL before it is saved or fetched: the pure rule (https, public host; http and loopback only for tests),
 * then every address its name resolves to now. Saving an issuer uses it for a clear answer; the fetches themselves
 * are checked again at connect time by `pinnedFetch`.
 */
export async function assertFetchAllowed(target: URL, rules: OidcNetworkRules): Promise<void> {
  const check = checkOutboundUrl(target, rules);
  if (!check.ok) throw new OutboundRefused(check.reason);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (isIpLiteral(host)) return; // the rule above already judged the address itself
  await resolveChecked(host, rules);
}

/** A request to a provider (discovery, JWKS, token, userinfo) may take this long in all, connecting included. */
export const OUTBOUND_TIMEOUT_MS = 10_000;
/** The largest answer taken from a provider; discovery documents, key sets and tokens are a few kB. */
export const OUTBOUND_MAX_BYTES = 1024 * 1024;

export interface PinnedFetchLimits {
  timeoutMs?: number;
  maxBytes?: number;
}

async function bodyBytes(body: client.CustomFetchOptions['body']): Promise<Buffer | undefined> {
  if (body === null || body === undefined) return undefined;
  if (typeof body === 'string' || body instanceof URLSearchParams) return Buffer.from(body.toString(), 'utf8');
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return Buffer.from(await new Response(body).arrayBuffer());
}

/** Statuses a Response may not have a body for. */
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * The fetch openid-client uses for every request to a provider (discovery, JWKS, token, userinfo), on node:http(s)
 * instead of the built-in fetch, so that the address that is checked is the address that is used:
 * - the URL must pass the outbound rule (https and a public host; http and loopback only for tests);
 * - the socket's `lookup` resolves the name once, at connect time, refuses it when any answer is not public
 *   (loopback allowed only for tests), and hands exactly the checked addresses to the connection. Node's fetch would
 *   resolve again at connect time, and a name that changes its answer (DNS rebinding) could reach 10.0.0.1;
 * - an IP literal is never looked up: the rule judged the address itself;
 * - no redirects (a 3xx is answered as it is, and openid-client refuses it), a time limit on the whole request
 *   (besides openid-client's own signal), and at most `maxBytes` of answer.
 */
export function pinnedFetch(rules: OidcNetworkRules, limits: PinnedFetchLimits = {}): client.CustomFetch {
  const timeoutMs = limits.timeoutMs ?? OUTBOUND_TIMEOUT_MS;
  const maxBytes = limits.maxBytes ?? OUTBOUND_MAX_BYTES;
  const lookup: net.LookupFunction = (hostname, options, callback) => {
    resolveChecked(hostname, rules).then(
      (checked) => {
        const wanted = options.family === 4 || options.family === 6 ? checked.filter((a) => a.family === options.family) : checked;
        const first = wanted[0];
        if (!first) return callback(new OutboundRefused('geen-publieke-host') as NodeJS.ErrnoException, '', 0);
        if (options.all) return (callback as unknown as (err: null, addresses: LookupAddress[]) => void)(null, wanted);
        return callback(null, first.address, first.family);
      },
      (err: Error) => callback(err as NodeJS.ErrnoException, '', 0),
    );
  };
  return async (url, options) => {
    const target = new URL(url);
    const check = checkOutboundUrl(target, rules);
    if (!check.ok) throw new OutboundRefused(check.reason);
    const body = await bodyBytes(options.body);
    const headers: Record<string, string> = { ...options.headers, 'accept-encoding': 'identity' };
    const named = new Set(Object.keys(headers).map((h) => h.toLowerCase()));
    if (options.body instanceof URLSearchParams && !named.has('content-type')) headers['content-type'] = 'application/x-www-form-urlencoded;charset=UTF-8';
    if (body) headers['content-length'] = String(body.length);
    return new Promise<Response>((resolve, reject) => {
      let settled = false;
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        outcome();
      };
      const fail = (err: Error) => {
        finish(() => reject(err));
        req.destroy();
      };
      const request = target.protocol === 'https:' ? https.request : http.request;
      const req = request({
        protocol: target.protocol,
        hostname: target.hostname.replace(/^\[|\]$/g, ''),
        port: target.port || undefined,
        path: `${target.pathname}${target.search}`,
        method: options.method,
        headers,
        lookup,
        agent: false, // a new connection per request: never a pooled socket of another look-up
        timeout: timeoutMs,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      const deadline = setTimeout(() => fail(new OutboundRefused('time-out')), timeoutMs);
      req.on('timeout', () => fail(new OutboundRefused('time-out')));
      req.on('error', (err) => fail(err));
      req.on('response', (res) => {
        const status = res.statusCode ?? 0;
        if (status < 200 || status > 599) return fail(new OutboundRefused('ongeldig-antwoord'));
        if (Number(res.headers['content-length'] ?? 0) > maxBytes) return fail(new OutboundRefused('antwoord-te-groot'));
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) return fail(new OutboundRefused('antwoord-te-groot'));
          chunks.push(chunk);
        });
        res.on('error', (err) => fail(err));
        res.on('end', () => {
          const responseHeaders = new Headers();
          for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) responseHeaders.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
          const content = NULL_BODY_STATUSES.has(status) ? null : Buffer.concat(chunks);
          finish(() => resolve(new Response(content, { status, statusText: res.statusMessage ?? '', headers: responseHeaders })));
        });
      });
      req.end(body);
    });
  };
}

/** A successful discovery is reused this long (and dropped when the settings change). */
export const DISCOVERY_TTL_MS = 10 * 60_000;
/** A failed (or refused) discovery is answered from memory this long: at most one attempt per organisation per minute. */
export const DISCOVERY_RETRY_MS = 60_000;

/**
 * Discovered provider metadata per organisation. Only settings a beheerder saved reach this (the SSO start reads
 * them from the database), and every fetch goes through `pinnedFetch`, so a caller cannot make the server probe
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
      [client.customFetch]: pinnedFetch(this.rules),
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
