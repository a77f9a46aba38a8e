/**
 * The server's guard on fetches to an SSO provider: DNS answers must be public, the address that is checked is the
 * address that is connected to (one look-up, at connect time: no DNS rebinding), no redirects, a time limit and a
 * size limit; and discovery is attempted once per window.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertFetchAllowed, DISCOVERY_RETRY_MS, OidcConfigurations, OutboundRefused, pinnedFetch } from '../../src/server/auth/oidc.js';

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
    await expect(assertFetchAllowed(new URL('http://localhost:4000'), { allowInsecure: true, lookup: resolvesTo('127.0.0.1', '::1') })).resolves.toBeUndefined();
    await expect(assertFetchAllowed(new URL('http://localhost:4000'), { allowInsecure: true, lookup: resolvesTo('10.0.0.5') })).rejects.toBeInstanceOf(OutboundRefused);
    await expect(assertFetchAllowed(new URL('https://idp.school.nl'), { allowInsecure: true, lookup: resolvesTo('127.0.0.1') })).resolves.toBeUndefined();
    await expect(assertFetchAllowed(new URL('https://idp.school.nl'), { allowInsecure: true, lookup: resolvesTo('192.168.0.2') })).rejects.toBeInstanceOf(OutboundRefused);
  });
});

describe('pinnedFetch: the checked address is the connected address', () => {
  let server: http.Server;
  let port = 0;
  let requests: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      requests.push(`${req.method} ${req.headers.host} ${req.url}`);
      if (req.url === '/redirect') return void res.writeHead(302, { location: 'http://10.0.0.1/' }).end();
      if (req.url === '/big') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ x: 'a'.repeat(5000) }));
      if (req.url === '/slow') return void setTimeout(() => res.writeHead(200).end('{}'), 2000).unref();
      if (req.url === '/form') {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ body, type: req.headers['content-type'] })));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const reset = () => {
    requests = [];
  };
  /** A resolver that answers `answers[i]` at its i-th call (and the last one after that), counting the calls. */
  const sequence = (...answers: string[][]) => {
    let calls = 0;
    const lookup = async () => answers[Math.min(calls++, answers.length - 1)]!;
    return { lookup, calls: () => calls };
  };
  const get = { method: 'GET', headers: {}, body: undefined, redirect: 'manual' } as const;

  it('refuses a name whose look-up at connect time answers a private address: nothing reaches any server', async () => {
    reset();
    for (const answer of [['10.0.0.5'], ['127.0.0.1'], ['169.254.169.254'], ['145.100.190.243', '192.168.1.1'], []]) {
      const dns = sequence(answer);
      await expect(pinnedFetch({ allowInsecure: false, lookup: dns.lookup })(`http://idp.school.nl:${port}/`, get), answer.join(',')).rejects.toBeInstanceOf(OutboundRefused);
      await expect(pinnedFetch({ allowInsecure: false, lookup: dns.lookup })(`https://idp.school.nl:${port}/`, get), answer.join(',')).rejects.toBeInstanceOf(OutboundRefused);
    }
    // Even in an app for tests (loopback allowed): a private address never, also not behind a loopback name.
    await expect(pinnedFetch({ allowInsecure: true, lookup: sequence(['10.0.0.5']).lookup })(`http://idp.localhost:${port}/`, get)).rejects.toBeInstanceOf(OutboundRefused);
    await expect(pinnedFetch({ allowInsecure: true, lookup: sequence(['10.0.0.5']).lookup })(`https://idp.school.nl:${port}/`, get)).rejects.toBeInstanceOf(OutboundRefused);
    expect(requests).toEqual([]);
  });

  it('resolves once per request, at connect time, and connects to exactly the address it checked (DNS rebinding gets nowhere)', async () => {
    reset();
    // First answer loopback (allowed in an app for tests), every later answer a private address: a rebinding name.
    // Checking with one look-up and connecting after a second one (Node's fetch resolving by itself) would go
    // elsewhere than the address that was checked.
    const dns = sequence(['127.0.0.1'], ['10.0.0.5']);
    const res = await pinnedFetch({ allowInsecure: true, lookup: dns.lookup })(`http://rebind.localhost:${port}/.well-known/openid-configuration`, get);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(dns.calls()).toBe(1);
    expect(requests).toEqual([`GET rebind.localhost:${port} /.well-known/openid-configuration`]);
    // The next request looks up again, gets the private address and is refused before connecting.
    await expect(pinnedFetch({ allowInsecure: true, lookup: dns.lookup })(`http://rebind.localhost:${port}/`, get)).rejects.toBeInstanceOf(OutboundRefused);
    expect(requests).toHaveLength(1);
  });

  it('checks the URL rule before anything: no http and no loopback outside tests, no private IP literals at all', async () => {
    reset();
    const dns = sequence(['145.100.190.243']);
    for (const url of [`http://idp.school.nl:${port}/`, `https://127.0.0.1:${port}/`, 'https://10.0.0.1/token', 'https://intern.school.internal/token', `http://localhost:${port}/`]) {
      await expect(pinnedFetch({ allowInsecure: false, lookup: dns.lookup })(url, get), url).rejects.toBeInstanceOf(OutboundRefused);
    }
    await expect(pinnedFetch({ allowInsecure: true, lookup: dns.lookup })('http://10.0.0.1/token', get)).rejects.toBeInstanceOf(OutboundRefused);
    expect(dns.calls()).toBe(0);
    expect(requests).toEqual([]);
  });

  it('follows no redirect, stops at the size limit and the time limit, and sends a form body', async () => {
    reset();
    const rules = { allowInsecure: true, lookup: sequence(['127.0.0.1']).lookup };
    const redirect = await pinnedFetch(rules)(`http://idp.localhost:${port}/redirect`, get);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('http://10.0.0.1/');
    await expect(pinnedFetch(rules, { maxBytes: 1000 })(`http://idp.localhost:${port}/big`, get)).rejects.toThrow(/antwoord-te-groot/);
    await expect(pinnedFetch(rules, { timeoutMs: 200 })(`http://idp.localhost:${port}/slow`, get)).rejects.toThrow(/time-out/);
    const form = await pinnedFetch(rules)(`http://127.0.0.1:${port}/form`, { method: 'POST', headers: {}, body: new URLSearchParams({ grant_type: 'authorization_code', code: 'x' }), redirect: 'manual' });
    expect(await form.json()).toEqual({ body: 'grant_type=authorization_code&code=x', type: 'application/x-www-form-urlencoded;charset=UTF-8' });
    expect(requests.map((r) => r.split(' ')[2])).toEqual(['/redirect', '/big', '/slow', '/form']);
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

  it('discovers through the pinned fetch: a provider name that resolves to a private address is never contacted', async () => {
    const dns = { calls: 0 };
    const oidc = new OidcConfigurations({
      rules: {
        allowInsecure: false,
        lookup: async () => {
          dns.calls += 1;
          return ['10.0.0.5'];
        },
      },
    });
    await expect(oidc.get('org', { issuer: 'https://idp.school.nl', clientId: 'c', clientSecret: 's' })).rejects.toBeDefined();
    expect(dns.calls).toBe(1);
  });
});
