/**
 * Liveness, readiness and the request id (issue 11): /api/health answers while the process runs; /api/ready only when the
 * database answers in time, every migration is applied and the catalogue is loaded; every answer carries X-Request-Id.
 */
import net from 'node:net';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/http/app.js';
import type { DB } from '../../src/server/db/schema.js';
import { listMigrations } from '../../src/server/db/migrate.js';
import { seedDemoCatalogue } from '../../src/server/demo/seed-demo.js';
import { snapshotOf } from '../../src/server/repositories/catalog-snapshot.js';
import { createTestDatabase, databaseAvailable, SKIP_NO_DB, TEST_DB, type TestDatabase } from '../support/db.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe.skipIf(!databaseAvailable)(`liveness, readiness and request ids (${TEST_DB})`, () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoCatalogue(database.db);
    app = await buildApp({ db: database.db });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('GET /api/health answers while the process runs', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', modus: 'demo' });
  });

  it('GET /api/ready is 503 until the catalogue is loaded, then 200 with its version; never stored', async () => {
    // A fresh app whose database no one has read the catalogue of yet.
    const before = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(before.statusCode).toBe(503);
    expect(before.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(before.json()).toMatchObject({ status: 503, code: 'service_unavailable', detail: 'Niet gereed: de catalogus is nog niet geladen.' });
    expect(before.headers['retry-after']).toBe('5');
    const snapshot = await snapshotOf(database.db);
    const ready = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', catalogusversie: snapshot.version });
    expect(ready.headers['cache-control']).toBe('no-store');
  });

  it('GET /api/ready is 503 naming the migrations not yet applied, and 200 again once they are', async () => {
    await snapshotOf(database.db);
    const last = (await listMigrations()).at(-1)!.name;
    const row = await database.db.selectFrom('schema_migration').selectAll().where('name', '=', last).executeTakeFirstOrThrow();
    await database.db.deleteFrom('schema_migration').where('name', '=', last).execute();
    try {
      const res = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json().detail).toBe(`Niet gereed: 1 migratie is nog niet uitgevoerd (${last}); voer "doorlopend migrate" uit.`);
    } finally {
      await database.db.insertInto('schema_migration').values(row).execute();
    }
    expect((await app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
  });

  it('returns a new request id on every answer, also problem answers and refused URLs', async () => {
    const ids = new Set<string>();
    for (const url of ['/api/health', '/api/health', '/api/bestaat-niet', '/api/vmbo/keuzevakken/%E0%A4%A', '/']) {
      const res = await app.inject({ method: 'GET', url });
      const id = String(res.headers['x-request-id']);
      expect(id, url).toMatch(UUID);
      ids.add(id);
    }
    expect(ids.size).toBe(5);
  });

  it('keeps an incoming X-Request-Id that looks like an id (from the reverse proxy), and replaces any other', async () => {
    const keep = ['4f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e', 'req-1.2:abc_DEF', 'a'.repeat(128)];
    for (const given of keep) {
      const res = await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': given } });
      expect(res.headers['x-request-id']).toBe(given);
    }
    const replace = ['', 'a'.repeat(129), 'twee woorden', 'x;y=1', '<script>', 'é-accent', '../../etc'];
    for (const given of replace) {
      const res = await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': given } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-request-id'], JSON.stringify(given)).toMatch(UUID);
    }
  });
});

/** True once a new TCP connection to the port is refused (the listener closes right after the preClose hooks). */
async function newConnectionRefused(port: number): Promise<boolean> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const code = await new Promise<string | undefined>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(undefined);
      });
      s.once('error', (err: NodeJS.ErrnoException) => resolve(err.code));
    });
    if (code === 'ECONNREFUSED') return true;
    await new Promise((r) => setTimeout(r, 10));
  }
  return false;
}

describe.skipIf(!databaseAvailable)(`shutting down (${TEST_DB})`, () => {
  it('lets a request in progress finish, refuses new connections, and answers 503 to readiness on a connection still open', async () => {
    const database = await createTestDatabase();
    try {
      await seedDemoCatalogue(database.db);
      await snapshotOf(database.db);
      const app = await buildApp({ db: database.db });
      // A request that is still running when the shutdown begins: it ends when the test says so.
      let finish!: () => void;
      const finished = new Promise<void>((r) => (finish = r));
      let started!: () => void;
      const inProgress = new Promise<void>((r) => (started = r));
      app.get('/api/vmbo/langzaam', async () => {
        started();
        await finished;
        return { klaar: true };
      });
      // Registered after buildApp's own preClose hook, so it runs once the app knows it is closing.
      let closingSeen!: () => void;
      const closingStarted = new Promise<void>((r) => (closingSeen = r));
      app.addHook('preClose', async () => closingSeen());
      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = new URL(address);
      expect((await fetch(`${address}/api/ready`)).status).toBe(200);

      const socket = net.connect(Number(port), '127.0.0.1');
      let received = '';
      socket.on('data', (chunk) => (received += chunk));
      const socketClosed = new Promise((r) => socket.on('close', r));
      socket.write('GET /api/vmbo/langzaam HTTP/1.1\r\nHost: localhost\r\n\r\n');
      await inProgress;
      const closed = app.close();
      await closingStarted;
      // No new connections; on the connection that is busy, a new request is refused with 503 and the connection closed.
      expect(await newConnectionRefused(Number(port))).toBe(true);
      socket.write('GET /api/ready HTTP/1.1\r\nHost: localhost\r\n\r\n');
      finish();
      await socketClosed;
      await closed;
      const answers = received.split(/(?=HTTP\/1\.1 )/);
      expect(answers).toHaveLength(2);
      expect(answers[0]).toMatch(/^HTTP\/1\.1 200 /);
      expect(answers[0]!.endsWith('{"klaar":true}')).toBe(true);
      expect(answers[1]).toMatch(/^HTTP\/1\.1 503 /);
      expect(answers[1]).toMatch(/\r\nConnection: close\r\n/i);
      expect(answers[1]).toMatch(/\r\ncontent-type: application\/problem\+json/i);
      expect(answers[1]).toContain('"detail":"Deze server wordt afgesloten. Probeer het zo opnieuw."');
    } finally {
      await database.destroy();
    }
  });
});

/** An app on a database that cannot answer: nothing listens on the port, or a server accepts and never says a word. */
describe.skipIf(TEST_DB !== 'pglite')('readiness without a database', () => {
  const withDb = async (port: number, check: (app: FastifyInstance) => Promise<void>, beforeDestroy = () => {}) => {
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: `postgresql://x@127.0.0.1:${port}/x`, max: 2 }) }) });
    const app = await buildApp({ db });
    try {
      await check(app);
    } finally {
      await app.close();
      // The pool waits for its connection attempts; a silent server has to hang up first.
      beforeDestroy();
      await db.destroy().catch(() => {});
    }
  };

  it('is 503 "niet bereikbaar" when the database refuses connections, while /api/health still answers', async () => {
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise((r) => closed.close(r));
    await withDb(port, async (app) => {
      const res = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json().detail).toMatch(/^Niet gereed: de database is niet bereikbaar; de catalogus is nog niet geladen\.$/);
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    });
  });

  it('is 503 within the time limit when the database does not answer', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const hangUp = () => {
      for (const s of sockets) s.destroy();
    };
    try {
      await withDb(
        (silent.address() as net.AddressInfo).port,
        async (app) => {
          const res = await app.inject({ method: 'GET', url: '/api/ready' });
          expect(res.statusCode).toBe(503);
          expect(res.json().detail).toBe('Niet gereed: de database antwoordt niet binnen 2000 ms; de catalogus is nog niet geladen.');
        },
        hangUp,
      );
    } finally {
      hangUp();
      await new Promise((r) => silent.close(r));
    }
  });
});

if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
