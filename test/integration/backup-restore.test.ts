/**
 * Backup and restore as docs/deploy.md tells it: `pg_dump -Fc` of a database with a samenwerking, a leerroute and its
 * history, `pg_restore --no-owner` into a new database, the app started on that one answers the same (sessions too),
 * and it finds no migration left to run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/server/db/database.js';
import { migrate } from '../../src/server/db/migrate.js';
import { buildApp } from '../../src/server/http/app.js';
import { OutboxMailer } from '../../src/server/mail/outbox-mailer.js';
import { seedDemoCatalogue } from '../../src/server/demo/seed-demo.js';
import { seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import { asUser, signIn } from '../support/accounts.js';
import { createPostgresDatabase, databaseAvailable, dropPostgresDatabase, TEST_DB } from '../support/db.js';

const TOOLS = ['pg_dump', 'pg_restore'] as const;
const missingTools = TOOLS.filter((t) => spawnSync(t, ['--version']).status !== 0);

const createDatabase = () => createPostgresDatabase('backup');
const dropDatabase = dropPostgresDatabase;

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.status}\n${result.stderr}`);
}

describe.skipIf(TEST_DB !== 'postgres' || !databaseAvailable || missingTools.length > 0)('backup and restore with pg_dump and pg_restore', () => {
  const names: string[] = [];
  const opened: Array<{ app: FastifyInstance; database: Database }> = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-backup-'));

  const startApp = async (url: string) => {
    const database = await openDatabase({ kind: 'postgres', url });
    const app = await buildApp({ db: database.db, mailer: new OutboxMailer(path.join(tmp, `outbox-${opened.length}`)) });
    await app.ready();
    opened.push({ app, database });
    return { app, database };
  };

  afterAll(async () => {
    for (const { app, database } of opened) {
      await app.close();
      await database.close();
    }
    for (const name of names) await dropDatabase(name);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('a restored database answers the same: catalogue, samenwerking, leerroute with history, the same session', async () => {
    const original = await createDatabase();
    names.push(original.name);
    const { app, database } = await startApp(original.url);
    await seedDemoCatalogue(database.db);
    await seedDemoOrganisations(database.db);
    const docent = await signIn(app, 'docent@vmbo.demo');
    const partnership = (await database.db.selectFrom('partnership').select('id').executeTakeFirstOrThrow()).id;
    const made = await app.inject({
      method: 'POST',
      url: `/api/partnerships/${partnership}/leerroutes`,
      headers: asUser(docent),
      payload: { naam: 'Koudetechniek doorlopend', type: 'doorlopend', vmbo: { profiel: 'PIE', leerweg: 'BB', keuzevakken: ['K/PIE/16'] }, mbo: { kwalificatie: '25282' } },
    });
    expect(made.statusCode, made.body).toBe(201);
    const route = made.json() as { id: string; doelen: Array<{ id: string }> };
    const planned = await app.inject({ method: 'POST', url: `/api/leerroutes/${route.id}/planning`, headers: asUser(docent), payload: { items: [route.doelen[0]!.id], leerjaar: 3, periode: 1 } });
    expect(planned.statusCode, planned.body).toBe(201);

    const urls = [
      '/api/catalog/status',
      '/api/vmbo/keuzevakken/K-PIE-16',
      '/api/search?q=koude',
      '/api/match?keuzevak=K%2FPIE%2F16&limit=10',
      '/api/auth/me',
      '/api/organisations',
      '/api/partnerships',
      `/api/partnerships/${partnership}`,
      `/api/leerroutes/${route.id}`,
      `/api/leerroutes/${route.id}/dekking`,
      `/api/leerroutes/${route.id}/historie`,
    ];
    const answers = async (target: FastifyInstance) =>
      Promise.all(urls.map(async (url) => {
        // Only the answer, not the moment it was made (headers such as Date).
        const res = await target.inject({ method: 'GET', url, headers: { cookie: docent.cookie } });
        return { url, status: res.statusCode, body: res.json() as unknown };
      }));
    const before = await answers(app);
    for (const a of before) expect(a.status, a.url).toBe(200);

    const dump = path.join(tmp, 'doorlopend.dump');
    run('pg_dump', ['--format=custom', '--file', dump, original.url]);
    const restored = await createDatabase();
    names.push(restored.name);
    run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--dbname', restored.url, dump]);

    const again = await startApp(restored.url);
    expect(await migrate(again.database.db)).toEqual([]);
    expect(await answers(again.app)).toEqual(before);
    // The restored database is a database of its own: a change there leaves the original as it was.
    const renamed = await again.app.inject({ method: 'PATCH', url: `/api/partnerships/${partnership}`, headers: asUser(docent), payload: { naam: 'Na het terugzetten' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const originalName = await app.inject({ method: 'GET', url: `/api/partnerships/${partnership}`, headers: { cookie: docent.cookie } });
    expect(originalName.json().naam).not.toBe('Na het terugzetten');
  }, 180_000);
});

if (TEST_DB !== 'postgres') {
  describe.skip('overgeslagen: back-up en herstel met pg_dump gaan over PostgreSQL (PGlite: kopieer de map DATA_DIR terwijl de app stilstaat)', () => it('skipped', () => {}));
} else if (!databaseAvailable) {
  describe.skip('overgeslagen: PostgreSQL is niet bereikbaar', () => it('skipped', () => {}));
} else if (missingTools.length > 0) {
  describe.skip(`overgeslagen: ${missingTools.join(' en ')} ontbreekt op deze machine (Debian-pakket postgresql-client)`, () => it('skipped', () => {}));
}
