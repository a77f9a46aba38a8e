/** The server's guard on fetches to an SSO provider: DNS answers must be public, and discovery is attempted once per window. */
import { describe, expect, it } from 'vitest';
import { assertFetchAllowed, DISCOVERY_RETRY_MS, guardedFetch, OidcConfigurations, OutboundRefused } from '../../src/server/auth/oidc.js';

const resolvesTo = (...addresses: string[]) => async () => addresses;

describe('assertFetchAllowed', () => {
  it('accepts a public name that resolves to public addresses only', async () => {
    await expect(assertFetchAllowed(new URL('https://connect.surfconext.nl/.well-known/openid-configuration'), { allowInsecure: false, lookup: resolvesTo('145.100.190.243', '2001:610:188:410::243') })).resolves.toBeUndefined();
  });
  it('refuses a public-looking name that resolves (also partly) to a private, loopback or link-local address', async () => {
    for (const answer of [['10.0.0.5'], ['145.100.190.243', '127.0.0.1'], ['169.254.169.254'], ['::1'], ['fd00::5'], []]) {
      await expect(assertFetchAllowed(new URL('https://idp.school.nl'), { allowInsecure: false, lookup: resolvesTo(...answer) }), answer.join(',')).rejects.toBeInstanceOf(OutboundRefused);
    }
  });
  it('in an app for tests accepts loopback names and addresses, still no private network', async () => {
    await expect(assertFetchAllowed(new URL('http://localhost:4000'), { allowInsecure: true, lookup: resolvesTo('10.0.0.5') })).resolves.toBeUndefined();
    await expect(assertFetchAllowed(new URL('https://idp.school.nl'), { allowInsecure: true, lookup: resolvesTo('127.0.0.1') })).resolves.toBeUndefined();
    await expect(assertFetchAllowed(new URL('https://idp.school.nl'), { allowInsecure: true, lookup: resolvesTo('192.168.0.2') })).rejects.toBeInstanceOf(OutboundRefused);
  });
  it('the guarded fetch refuses an endpoint of the discovery document on a private address before any request', async () => {
    const fetchGuarded = guardedFetch({ allowInsecure: false, lookup: resolvesTo('10.1.2.3') });
    await expect(fetchGuarded('https://10.0.0.1/token', { method: 'POST' } as never)).rejects.toBeInstanceOf(OutboundRefused);
    await expect(fetchGuarded('https://intern.school.nl/token', { method: 'POST' } as never)).rejects.toBeInstanceOf(OutboundRefused);
  });
});

describe('OidcConfigurations', () => {
  it('remembers a failed discovery for a minute: one attempt per organisation per window', async () => {
    let now = 0;
    const oidc = new OidcConfigurations({ now: () => now });
    const settings = { issuer: 'https://10.0.0.1', clientId: 'c', clientSecret: 's' };
    const first = oidc.get('org', settings);
    await expect(first).rejects.toBeInstanceOf(OutboundRefused);
    now += DISCOVERY_RETRY_MS - 1;
    expect(oidc.get('org', settings)).toBe(first);
    now += 2;
    const second = oidc.get('org', settings);
    expect(second).not.toBe(first);
    await expect(second).rejects.toBeInstanceOf(OutboundRefused);
  });
});
