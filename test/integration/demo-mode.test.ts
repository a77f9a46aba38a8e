/**
 * Demo mode creates its accounts (with the public demo password, one of them a platform beheerder) only on a database
 * that holds nothing but the demo catalogue; on a database with national data it refuses and creates nothing. The
 * mode is public in /api/health, so the front end can show a demo banner (issue 10, finding 9d).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS_REFUSED, seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import { seedDemoCatalogue } from '../../src/server/demo/seed-demo.js';
import { buildApp } from '../../src/server/http/app.js';
import { importMboTabel } from '../../src/server/use-cases/catalog/import-mbo-tabel.js';
import { OutboxMailer } from '../../src/server/mail/outbox-mailer.js';
import { createTestDatabase, databaseAvailable, SKIP_NO_DB, TEST_DB, type TestDatabase } from '../support/db.js';
import { hasMboData, MBO_DIR, SKIP_NO_SLO } from '../support/shared-data.js';

describe.skipIf(!databaseAvailable)(`demo accounts only on a demo database (${TEST_DB})`, () => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.destroy();
    database = undefined;
  });

  const accounts = async (db: TestDatabase['db']) => ({
    users: (await db.selectFrom('app_user').select('id').execute()).length,
    organisations: (await db.selectFrom('organisation').select('id').execute()).length,
  });

  it('seeds the demo organisations and users on an empty database and on one with only the demo catalogue', async () => {
    database = await createTestDatabase();
    expect(await seedDemoOrganisations(database.db)).toBe(true);
    expect((await accounts(database.db)).users).toBeGreaterThan(0);
    await database.destroy();

    database = await createTestDatabase();
    await seedDemoCatalogue(database.db);
    expect(await seedDemoOrganisations(database.db)).toBe(true);
    const beheerder = await database.db.selectFrom('app_user').select('platform_beheerder').where('email', '=', 'beheerder@vmbo.demo').executeTakeFirstOrThrow();
    expect(beheerder.platform_beheerder).toBe(true);
  });

  it.skipIf(!hasMboData)('refuses on a database with national data: no platform beheerder with the public password, nothing created', async () => {
    database = await createTestDatabase();
    await importMboTabel({ db: database.db, file: path.join(MBO_DIR, 'kwalificaties.csv'), release: 'test' });
    // Demo mode at start: the demo catalogue fills the missing side, then the accounts are refused.
    await seedDemoCatalogue(database.db);
    await expect(seedDemoOrganisations(database.db)).rejects.toThrow(DEMO_ACCOUNTS_REFUSED);
    expect(await accounts(database.db)).toEqual({ users: 0, organisations: 0 });
    const audit = await database.db.selectFrom('audit_log').select('action').where('action', '=', 'demo.seeded').execute();
    expect(audit).toEqual([]);
  });

  it('says which mode it runs in at /api/health (public, for the demo banner)', async () => {
    database = await createTestDatabase();
    const outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-outbox-'));
    for (const mode of ['demo', 'production'] as const) {
      const app = await buildApp({ db: database.db, mailer: new OutboxMailer(outbox), mode });
      try {
        const res = await app.inject({ method: 'GET', url: '/api/health' });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toEqual({ status: 'ok', modus: mode });
      } finally {
        await app.close();
      }
    }
    fs.rmSync(outbox, { recursive: true, force: true });
  });
});

if (!hasMboData) describe.skip(SKIP_NO_SLO, () => it('skipped', () => {}));
if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
