/**
 * The built front end is sent precompressed (issue 11): the build writes .br and .gz next to each asset
 * (vite.config.ts) and the server picks the one the browser accepts, with the original content type and
 * `Vary: Accept-Encoding` and the usual security headers; without an accepted encoding, the plain file. The
 * single-page fallback too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/http/app.js';
import { OutboxMailer } from '../../src/server/mail/outbox-mailer.js';
import { createTestDatabase, databaseAvailable, SKIP_NO_DB, TEST_DB, type TestDatabase } from '../support/db.js';

const SCRIPT = `export const tekst = ${JSON.stringify('Doorlopend '.repeat(400))};\n`;
const PAGE = `<!doctype html><html lang="nl"><head><title>Doorlopend</title><script type="module" src="/assets/app-abc123.js"></script></head><body>${'<p>inhoud</p>'.repeat(100)}</body></html>`;

/** A client folder as `vite build` leaves it: files with their .br and .gz beside them. */
function writeClientDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-client-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  for (const [file, content] of [
    ['index.html', PAGE],
    ['assets/app-abc123.js', SCRIPT],
  ] as const) {
    fs.writeFileSync(path.join(dir, file), content);
    fs.writeFileSync(path.join(dir, `${file}.gz`), gzipSync(content));
    fs.writeFileSync(path.join(dir, `${file}.br`), brotliCompressSync(content));
  }
  fs.writeFileSync(path.join(dir, 'assets/klein-abc123.css'), 'body{margin:0}');
  return dir;
}

describe.skipIf(!databaseAvailable)(`precompressed front end (${TEST_DB})`, () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const clientDir = writeClientDir();
  const outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-outbox-'));

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await buildApp({ db: database.db, clientDir, mailer: new OutboxMailer(outbox) });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
    fs.rmSync(clientDir, { recursive: true, force: true });
    fs.rmSync(outbox, { recursive: true, force: true });
  });

  it('sends the brotli file to a browser that accepts br, with the script content type', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(SCRIPT);
  });

  it('sends the gzip file to a browser that accepts only gzip', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.rawPayload).toString()).toBe(SCRIPT);
  });

  it('sends the plain file without an accepted encoding, and a file that has no compressed copy as it is', async () => {
    const plain = await app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    const small = await app.inject({ method: 'GET', url: '/assets/klein-abc123.css', headers: { 'accept-encoding': 'gzip, br' } });
    expect(small.statusCode).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers['content-type']).toMatch(/^text\/css/);
    expect(small.body).toBe('body{margin:0}');
  });

  it('sends the page of an app route compressed as HTML', async () => {
    const res = await app.inject({ method: 'GET', url: '/leerroutes/abc/planning', headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(PAGE);
    // The compressed answers carry the same security headers as the plain ones.
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const script = await app.inject({ method: 'GET', url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'br' } });
    expect(script.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers a missing asset with a 404 problem, whatever the encoding', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/bestaat-niet-123.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
