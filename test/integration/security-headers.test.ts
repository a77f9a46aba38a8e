/**
 * Security headers on every kind of answer: the front end (built or not), JSON, problem+json, the API
 * documentation and a redirect. HSTS only behind https: PUBLIC_URL https, or a request that came over https.
 * Also the answers Fastify and Node produce themselves (malformed URL, Content-Type, JSON, body or headers too large):
 * the same headers and our problem+json. Private API answers are not stored (Cache-Control: no-store), and the API
 * documentation can be switched off (issue 10, finding 9).
 */
import fs from 'node:fs';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/http/app.js';
import { OutboxMailer } from '../../src/server/mail/outbox-mailer.js';
import { createTestDatabase, databaseAvailable, SKIP_NO_DB, TEST_DB, type TestDatabase } from '../support/db.js';
import { CLIENT_DIR, hasBuiltClient } from '../support/app.js';

const PATHS = ['/', '/inloggen', '/api/catalog/status', '/api/vmbo/profielen/BESTAAT-NIET', '/api/docs', '/api/docs/json', '/api/auth/me', '/api/auth/sso/organisaties'];

function expectBaseHeaders(res: LightMyRequestResponse, what: string) {
  expect(res.headers['x-content-type-options'], what).toBe('nosniff');
  expect(res.headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
  expect(res.headers['x-frame-options'], what).toBe('DENY');
  const csp = String(res.headers['content-security-policy'] ?? '');
  const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...values]) => [name, values]));
  expect(directives.get('default-src'), what).toEqual(["'self'"]);
  // Scripts only from this site's files: no inline scripts, no eval, no other hosts.
  expect(directives.get('script-src'), what).toEqual(["'self'"]);
  expect(directives.get('object-src'), what).toEqual(["'none'"]);
  expect(directives.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(directives.get('base-uri'), what).toEqual(["'self'"]);
  expect(directives.get('form-action'), what).toEqual(["'self'"]);
}

describe.skipIf(!databaseAvailable)(`security headers (${TEST_DB})`, () => {
  let database: TestDatabase;
  let plain: FastifyInstance;
  let secure: FastifyInstance;
  const outbox = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'doorlopend-outbox-'));

  beforeAll(async () => {
    database = await createTestDatabase();
    // The test's requests come from loopback, here the (trusted) TLS proxy.
    plain = await buildApp({ db: database.db, clientDir: CLIENT_DIR, mailer: new OutboxMailer(outbox), publicUrl: 'http://127.0.0.1:3000', trustProxy: ['127.0.0.1'] });
    secure = await buildApp({ db: database.db, clientDir: CLIENT_DIR, mailer: new OutboxMailer(outbox), publicUrl: 'https://doorlopend.example.nl' });
    await Promise.all([plain.ready(), secure.ready()]);
  });
  afterAll(async () => {
    await plain?.close();
    await secure?.close();
    await database?.destroy();
    fs.rmSync(outbox, { recursive: true, force: true });
  });

  it('sends CSP, nosniff, Referrer-Policy and frame protection on every kind of answer, and no HSTS over plain http', async () => {
    for (const url of PATHS) {
      const res = await plain.inject({ method: 'GET', url });
      expectBaseHeaders(res, url);
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
    // Behind a TLS proxy (X-Forwarded-Proto: https) the answer is over https: HSTS (a browser ignores it over plain http).
    const proxied = await plain.inject({ method: 'GET', url: '/api/catalog/status', headers: { 'x-forwarded-proto': 'https' } });
    expect(proxied.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const redirect = await plain.inject({ method: 'GET', url: '/api/docs/' });
    expectBaseHeaders(redirect, 'a redirect');
  });

  it('sends HSTS when PUBLIC_URL is https', async () => {
    for (const url of PATHS) {
      const res = await secure.inject({ method: 'GET', url });
      expectBaseHeaders(res, url);
      expect(res.headers['strict-transport-security'], url).toBe('max-age=31536000; includeSubDomains');
    }
  });

  it.skipIf(!hasBuiltClient)('serves a front end whose page has no inline script, so it runs under this CSP', async () => {
    const res = await plain.inject({ method: 'GET', url: '/organisaties' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const scripts = [...res.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs = '', body = ''] of scripts) {
      expect(attrs).toMatch(/\bsrc="\/assets\/[^"]+\.js"/);
      expect(body.trim()).toBe('');
    }
    expect(res.body).not.toMatch(/\son[a-z]+=/i); // no inline event handlers either
  });
});

/** A problem+json answer of ours: our type, a title, the code and a Dutch detail (no Fastify English). */
function expectOurProblem(status: number, contentType: string | undefined, body: string, what: string) {
  expect(contentType, what).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(body) as Record<string, unknown>;
  expect(problem, what).toMatchObject({ type: expect.stringMatching(/^urn:doorlopend:problem:/), title: expect.any(String), status, code: expect.any(String), detail: expect.any(String) });
  expect(String(problem.detail), what).not.toMatch(/\b(is not|Body|Request|Unsupported|valid url|Exceeded)\b/);
}

/** Sends raw bytes to a listening server and reads the whole answer (the server closes the connection). */
function rawRequest(port: number, data: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
    socket.end(data);
  });
}

describe.skipIf(!databaseAvailable)(`answers Fastify and Node give themselves, caching and the API documentation (${TEST_DB})`, () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let port: number;
  const outbox = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'doorlopend-outbox-'));

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildApp({ db: database.db, clientDir: CLIENT_DIR, mailer: new OutboxMailer(outbox), publicUrl: 'http://127.0.0.1:3000' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
    fs.rmSync(outbox, { recursive: true, force: true });
  });

  it('answers a malformed URL, Content-Type, JSON body and a too large body with our problem+json and the security headers', async () => {
    const cases: Array<{ what: string; status: number; req: InjectOptions }> = [
      { what: 'malformed percent-encoding', status: 400, req: { method: 'GET', url: '/api/%E0%A4%A' } },
      { what: 'malformed percent-encoding in a route parameter', status: 400, req: { method: 'GET', url: '/api/vmbo/profielen/%E0%A4%A' } },
      { what: 'unknown Content-Type', status: 415, req: { method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/x-onbekend' }, payload: 'email=x' } },
      { what: 'malformed JSON', status: 400, req: { method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email": ' } },
      { what: 'empty JSON body', status: 400, req: { method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '' } },
      {
        what: 'body too large',
        status: 413,
        req: { method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ email: 'x'.repeat(2 * 1024 * 1024) }) },
      },
    ];
    for (const { what, status, req } of cases) {
      const res = await app.inject(req);
      expect(res.statusCode, what).toBe(status);
      expectBaseHeaders(res, what);
      expectOurProblem(status, res.headers['content-type'] as string, res.body, what);
    }
  });

  it('answers headers too large and a request Node cannot parse with our problem+json and the security headers, on the socket', async () => {
    const big = await rawRequest(port, `GET /api/catalog/status HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: a=${'x'.repeat(20_000)}\r\n\r\n`);
    expect(big.status).toBe(431);
    const garbage = await rawRequest(port, 'DIT IS GEEN HTTP\r\n\r\n');
    expect(garbage.status).toBe(400);
    for (const [what, res] of [['headers too large', big], ['not HTTP', garbage]] as const) {
      expect(res.headers['x-content-type-options'], what).toBe('nosniff');
      expect(res.headers['content-security-policy'], what).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['x-frame-options'], what).toBe('DENY');
      expect(res.headers['cache-control'], what).toBe('no-store');
      expectOurProblem(res.status, res.headers['content-type'], res.body, what);
    }
    // The server still answers normally afterwards.
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
  });

  it('marks private API answers no-store (every answer to a request with a session cookie); the public catalogue may be cached', async () => {
    for (const url of ['/api/auth/me', '/api/organisations', '/api/partnerships', '/api/auth/sso/organisaties', '/api/bestaat-niet']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
    const session = { cookie: 'doorlopend_sessie=een-sessie-token' };
    for (const url of ['/api/catalog/status', '/api/vmbo/leerwegen', '/api/search?q=zorg', '/api/auth/me']) {
      const res = await app.inject({ method: 'GET', url, headers: session });
      expect(res.headers['cache-control'], `${url} with a session`).toBe('no-store');
    }
    for (const url of ['/api/catalog/status', '/api/vmbo/leerwegen']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBeUndefined();
    }
  });

  it('answers /api/docs with 404 problem+json when the documentation is switched off (API_DOCS=off)', async () => {
    const off = await buildApp({ db: database.db, mailer: new OutboxMailer(outbox), apiDocs: false, mode: 'production' });
    try {
      for (const url of ['/api/docs', '/api/docs/', '/api/docs/json', '/api/docs/static/index.html']) {
        const res = await off.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(404);
        expect(res.headers['content-type'], url).toMatch(/^application\/problem\+json/);
        expectBaseHeaders(res, url);
      }
      expect((await off.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok', modus: 'production' });
    } finally {
      await off.close();
    }
    expect((await app.inject({ method: 'GET', url: '/api/docs/json' })).statusCode).toBe(200);
  });
});

if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
