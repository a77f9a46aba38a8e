/**
 * Security headers on every kind of answer: the front end (built or not), JSON, problem+json, the API
 * documentation and a redirect. HSTS only behind https: PUBLIC_URL https, or a request that came over https.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
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
    plain = await buildApp({ db: database.db, clientDir: CLIENT_DIR, mailer: new OutboxMailer(outbox), publicUrl: 'http://127.0.0.1:3000' });
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

if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
