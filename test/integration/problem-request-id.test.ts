/**
 * Every problem+json answer carries the request's id (`requestId`), the same as its X-Request-Id header and the `reqId`
 * of its log lines, so support staff can find the log lines of an error a user reports (issue 11).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/http/app.js';
import { Problem } from '../../src/shared/catalog-api.js';
import { createTestDatabase, databaseAvailable, TEST_DB, type TestDatabase } from '../support/db.js';

describe.skipIf(!databaseAvailable)(`requestId in problem+json (${TEST_DB})`, () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildApp({ db: database.db });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  const requests = [
    { what: 'unknown address (404)', method: 'GET', url: '/api/bestaat-niet' },
    { what: 'malformed URL encoding (400, refused while routing)', method: 'GET', url: '/api/keuzevakken/%E0%A4%A' },
    { what: 'invalid parameters (400)', method: 'GET', url: '/api/keuzevakken?status=weet-niet' },
    { what: 'not signed in (401)', method: 'GET', url: '/api/auth/me' },
    { what: 'malformed JSON (400)', method: 'POST', url: '/api/auth/login', payload: '{"email":', headers: { 'content-type': 'application/json' } },
  ] as const;

  for (const r of requests) {
    it(`${r.what}: requestId equals the X-Request-Id header and fits the shared Problem schema`, async () => {
      const res = await app.inject({ method: r.method, url: r.url, ...('payload' in r ? { payload: r.payload, headers: r.headers } : {}) });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const body = Problem.parse(res.json());
      expect(body.requestId).toBeTruthy();
      expect(body.requestId).toBe(res.headers['x-request-id']);
    });
  }

  it("keeps the proxy's X-Request-Id in the body as in the header", async () => {
    const res = await app.inject({ method: 'GET', url: '/api/bestaat-niet', headers: { 'x-request-id': 'nginx-0123abcd' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found', requestId: 'nginx-0123abcd' });
    expect(res.headers['x-request-id']).toBe('nginx-0123abcd');
  });
});
