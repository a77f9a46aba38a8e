/**
 * Demo mode creates its accounts (with the public demo password, one of them a platform beheerder) only on a database
 * that holds nothing but the demo catalogue; on a database with national data it refuses and creates nothing. The
 * mode is public in /api/health, so the front end can show a demo banner (issue 10, finding 9d). Demo accounts that
 * exist already lose their public password and platform right as soon as real data is imported, and at every start on
 * such a database or in production mode.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { demoAccountsRetiredWarning } from '../../src/server/demo/demo-accounts.js';
import { DEMO_ACCOUNTS_REFUSED, DEMO_PASSWORD, DEMO_USERS, retireDemoAccountsAtStart, seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import { grantPlatformBeheerder, setPasswordHash } from '../../src/server/repositories/account-repository.js';
import { importSlo } from '../../src/server/use-cases/catalog/import-slo.js';
import { makeSloFixture } from '../support/slo-fixture.js';
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

  describe('demo accounts retired once real data arrives (their password is public)', () => {
    let outbox: string;
    let app: FastifyInstance | undefined;
    afterEach(async () => {
      await app?.close();
      app = undefined;
      fs.rmSync(outbox, { recursive: true, force: true });
    });
    const startApp = async (db: TestDatabase['db']) => {
      outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-outbox-'));
      app = await buildApp({ db, mailer: new OutboxMailer(outbox) });
      return app;
    };
    const login = (a: FastifyInstance, email: string, wachtwoord = DEMO_PASSWORD) =>
      a.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.8.0.1', payload: { email, wachtwoord } });
    const platformBeheerders = async (db: TestDatabase['db']) =>
      (await db.selectFrom('app_user').select('email').where('platform_beheerder', '=', true).orderBy('email').execute()).map((r) => r.email);
    const retiredAudit = async (db: TestDatabase['db']) =>
      (await db.selectFrom('audit_log').select('subject_id').where('action', '=', 'demo.account_retired').execute()).length;

    it('an SLO import of non-demo data takes the public password and the platform right away, ends their sessions, and audits it', async () => {
      database = await createTestDatabase();
      await seedDemoCatalogue(database.db);
      expect(await seedDemoOrganisations(database.db)).toBe(true);
      const a = await startApp(database.db);
      const before = await login(a, 'beheerder@vmbo.demo');
      expect(before.statusCode).toBe(200);
      const cookie = `doorlopend_sessie=${before.cookies.find((c) => c.name === 'doorlopend_sessie')!.value}`;
      expect(await platformBeheerders(database.db)).toEqual(['beheerder@vmbo.demo']);

      // A small generated SLO release that is not the demo's (a copy of the demo files, imported as real data).
      const fixture = makeSloFixture();
      try {
        const report = await importSlo({ db: database.db, location: fixture.dir, release: '2027-01' });
        expect(report.status).toBe('geimporteerd');
        expect(report.warnings.join('\n')).toMatch(/Demo-accounts met het openbare wachtwoord uitgeschakeld .*beheerder@vmbo\.demo/);
      } finally {
        fixture.cleanup();
      }
      expect(await platformBeheerders(database.db)).toEqual([]);
      for (const u of DEMO_USERS) {
        const res = await login(a, u.email);
        expect(res.statusCode, u.email).toBe(401);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      }
      expect((await a.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
      expect(await retiredAudit(database.db)).toBe(DEMO_USERS.length);
      // Memberships and organisations stay; nothing else changed.
      expect(await accounts(database.db)).toMatchObject({ users: DEMO_USERS.length });
    });

    it('an mbo table import does the same; a demo account whose password was changed keeps it', async () => {
      database = await createTestDatabase();
      expect(await seedDemoOrganisations(database.db)).toBe(true);
      const own = await database.db.selectFrom('app_user').select('id').where('email', '=', 'docent@roc.demo').executeTakeFirstOrThrow();
      await setPasswordHash(database.db, own.id, await hashPassword('een-eigen-lang-wachtwoord'));
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-mbo-'));
      try {
        const file = path.join(dir, 'kwalificaties.csv');
        fs.writeFileSync(file, [
          'crebo,naam,niveau,soort,leerwegen,opleidingsdomein,dossier_crebo,dossier_naam,sectorkamer',
          '91001,Testmedewerker techniek,2,basisberoepsopleiding,BOL BBL,Techniek en procesindustrie,91000,Testdossier techniek,Techniek en gebouwde omgeving',
        ].join('\n'));
        const report = await importMboTabel({ db: database.db, file, release: '2027-01' });
        expect(report.status).toBe('geimporteerd');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      const a = await startApp(database.db);
      expect((await login(a, 'beheerder@vmbo.demo')).statusCode).toBe(401);
      expect(await platformBeheerders(database.db)).toEqual([]);
      expect((await login(a, 'docent@roc.demo', 'een-eigen-lang-wachtwoord')).statusCode).toBe(200);
      expect(await retiredAudit(database.db)).toBe(DEMO_USERS.length - 1);
      // A dry run or a second demo import writes no release: nothing more happens.
    });

    it('at every start: in production mode, or on a database with real data; never in demo mode on the demo catalogue alone', async () => {
      database = await createTestDatabase();
      await seedDemoCatalogue(database.db);
      await seedDemoOrganisations(database.db);
      expect(await retireDemoAccountsAtStart(database.db, 'demo')).toEqual([]);
      expect(await platformBeheerders(database.db)).toEqual(['beheerder@vmbo.demo']);
      expect(await retireDemoAccountsAtStart(database.db, 'production')).toEqual(DEMO_USERS.map((u) => u.email).sort());
      expect(await platformBeheerders(database.db)).toEqual([]);
      expect(demoAccountsRetiredWarning(['beheerder@vmbo.demo'])).toMatch(/LET OP: DEMO-ACCOUNTS MET HET OPENBARE WACHTWOORD UITGESCHAKELD[\s\S]*beheerder@vmbo\.demo/);
      // Run again: nothing left to retire.
      expect(await retireDemoAccountsAtStart(database.db, 'production')).toEqual([]);

      // A database where the demo accounts got real data before this rule existed: demo mode retires them at start too.
      const bea = await database.db.selectFrom('app_user').select('id').where('email', '=', 'beheerder@vmbo.demo').executeTakeFirstOrThrow();
      await setPasswordHash(database.db, bea.id, await hashPassword(DEMO_PASSWORD));
      await grantPlatformBeheerder(database.db, bea.id);
      expect(await retireDemoAccountsAtStart(database.db, 'demo')).toEqual([]); // still only the demo catalogue
      const fixture = makeSloFixture();
      try {
        await importSlo({ db: database.db, location: fixture.dir, release: '2027-01' });
      } finally {
        fixture.cleanup();
      }
      await setPasswordHash(database.db, bea.id, await hashPassword(DEMO_PASSWORD));
      await grantPlatformBeheerder(database.db, bea.id);
      expect(await retireDemoAccountsAtStart(database.db, 'demo')).toEqual(['beheerder@vmbo.demo']);
      expect(await platformBeheerders(database.db)).toEqual([]);
    });
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
