/**
 * Two instances started at once in demo mode on one empty database (issue 11): each loads the demo catalogue and seeds
 * the demo organisations and users as src/server/main.ts does, at the same moment. Both starts succeed, and everything
 * exists once (before the seeding lock, one crashed on the unique organisation name). A start that finds the demo
 * catalogue half imported by another completes it, so the worked example is always made.
 */
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_USERS, seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import { DEMO_MBO_FILES, seedDemoCatalogue } from '../../src/server/demo/seed-demo.js';
import { importMboTabel } from '../../src/server/use-cases/catalog/import-mbo-tabel.js';
import { createTestDatabase, databaseAvailable, TEST_DB, type TestDatabase } from '../support/db.js';

describe.skipIf(!databaseAvailable)(`demo mode: starts at the same moment on one empty database (${TEST_DB})`, () => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.destroy();
    database = undefined;
  });

  it('seeds the demo catalogue, organisations and users once, and every start succeeds', async () => {
    database = await createTestDatabase();
    const db = database.db;
    // What main.ts does in demo mode, for three instances at once (each transaction on its own connection on PostgreSQL).
    const start = async () => {
      await seedDemoCatalogue(db);
      return seedDemoOrganisations(db);
    };
    const seeded = await Promise.all([start(), start(), start()]);
    expect(seeded.filter(Boolean)).toHaveLength(1);

    const organisations = await db.selectFrom('organisation').select('naam').execute();
    expect(organisations.map((o) => o.naam).sort()).toEqual(['Demo Regio Techniek', 'Demo ROC', 'Demo Vmbo College'].sort());
    const users = await db.selectFrom('app_user').select('email').execute();
    expect(users.map((u) => u.email).sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());
    const audit = await db.selectFrom('audit_log').select('action').where('action', '=', 'demo.seeded').execute();
    expect(audit).toHaveLength(1);
    // The worked example of the joint exam (demo-examen.ts) once, in the same seed.
    for (const table of ['leerroute', 'cohort', 'leerling', 'examen', 'examen_inschrijving'] as const) {
      expect((await db.selectFrom(table).select(sql<number>`1`.as('x')).execute()).length, table).toBe(1);
    }
    // The demo catalogue is there, as demo data only (a real import would retire the demo accounts).
    const releases = await db.selectFrom('source_release').select(['source', 'is_demo']).execute();
    expect(releases.length).toBeGreaterThan(0);
    expect(releases.every((r) => r.is_demo)).toBe(true);
    expect(new Set(releases.map((r) => r.source)).size).toBe(releases.length);
    // A later start finds it all and changes nothing.
    expect(await start()).toBe(false);
  });

  it('a start that finds only part of the demo catalogue (another instance still importing) completes it before seeding', async () => {
    database = await createTestDatabase();
    const db = database.db;
    // The other instance has committed the first demo table and is on its way to the next ones.
    await importMboTabel({ db, file: DEMO_MBO_FILES[0]!, release: 'demo', isDemo: true });
    expect(await seedDemoCatalogue(db)).toEqual({ vmbo: true, mbo: true });
    const sources = (await db.selectFrom('source_release').select('source').execute()).map((r) => r.source);
    for (const table of ['kwalificaties', 'kerntaken-werkprocessen', 'keuzedelen', 'keuzedeel-aanbod']) expect(sources, table).toContain(`mbo-tabel:${table}`);
    expect(await seedDemoOrganisations(db)).toBe(true);
    expect((await db.selectFrom('leerroute').select('naam').execute()).map((r) => r.naam)).toEqual(['Ondernemen en ondernemend gedrag']);
    // A real mbo table keeps the demo's tables out, as before.
    const other = await createTestDatabase();
    try {
      await importMboTabel({ db: other.db, file: DEMO_MBO_FILES[0]!, release: '2026-1' });
      expect(await seedDemoCatalogue(other.db)).toEqual({ vmbo: true, mbo: false });
    } finally {
      await other.destroy();
    }
  });
});
