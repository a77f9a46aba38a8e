/**
 * A real OpenID Connect provider (oidc-provider) on loopback for tests: one static confidential client
 * (client_secret_basic, PKCE required), its own development login and consent pages, and accounts given
 * as account id → e-mail claim. Any password is accepted at its login page.
 */
import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface OidcProviderOptions {
  clientId: string;
  clientSecret: string;
  /** The relying party's callback URL (exactly as it sends it). */
  redirectUri: string;
  /** account id (typed at the provider's login page) → e-mail claim (always email_verified). */
  accounts: Record<string, string>;
}

export interface OidcServer {
  issuer: string;
  close(): Promise<void>;
}

export async function startOidcProvider(opts: OidcProviderOptions): Promise<OidcServer> {
  let handler: http.RequestListener = (_req, res) => res.end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: opts.clientId,
        client_secret: opts.clientSecret,
        redirect_uris: [opts.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' }] as never },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    features: { devInteractions: { enabled: true } },
    findAccount: (_ctx, id) => {
      const email = opts.accounts[id];
      if (!email) return undefined;
      return { accountId: id, claims: () => ({ sub: id, email, email_verified: true }) };
    },
  });
  handler = provider.callback();
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
