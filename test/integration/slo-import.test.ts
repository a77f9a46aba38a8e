import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { importSlo } from '../../src/server/use-cases/catalog/import-slo.js';
import { AppError } from '../../src/server/errors.js';
import { createTestDatabase, databaseAvailable, SKIP_NO_DB, TEST_DB, type TestDatabase } from '../support/db.js';
import { hasSloData, SKIP_NO_SLO, SLO_DIR } from '../support/shared-data.js';
import { makeSloFixture, type SloFixture } from '../support/slo-fixture.js';

async function snapshot(db: TestDatabase['db']) {
  const items = await sql<{ n: number; h: string }>`SELECT count(*)::int AS n, coalesce(md5(string_agg(id::text || content_hash || status || coalesce(replaced_by::text, ''), ',' ORDER BY id)), '') AS h FROM vmbo_item`.execute(db);
  const releases = await sql<{ n: number }>`SELECT count(*)::int AS n FROM source_release`.execute(db);
  return { items: items.rows[0], releases: releases.rows[0]!.n };
}

describe.skipIf(!databaseAvailable)(`SLO import (${TEST_DB})`, () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    await database.destroy();
  });

  describe.skipIf(!hasSloData)('the national dataset (November 2025)', () => {
    it('imports the exact counts, reports the duplicated codes, and a second run changes nothing', async () => {
      const report = await importSlo({ db: database.db, location: SLO_DIR, release: '2025-11' });
      expect(report.status).toBe('geimporteerd');
      expect(report.added).toMatchObject({ profiel: 10, profielmodule: 40, keuzevak: 158, deeltaak: 677, eindterm: 3473 });
      expect(report.duplicates.map((d) => d.code)).toEqual(['K/EO/09', 'K/EO/10', 'K/EO/11']);
      const counts = await sql<{ kind: string; n: number }>`SELECT kind, count(*)::int AS n FROM vmbo_item GROUP BY kind`.execute(database.db);
      expect(Object.fromEntries(counts.rows.map((r) => [r.kind, r.n]))).toMatchObject({ profiel: 10, profielmodule: 40, keuzevak: 158, deeltaak: 677, eindterm: 3473 });
      // One keuzevak per code is shown; the other record is kept.
      const shown = await sql<{ n: number }>`SELECT count(DISTINCT code)::int AS n FROM vmbo_item WHERE kind = 'keuzevak' AND duplicate_of IS NULL`.execute(database.db);
      expect(shown.rows[0]!.n).toBe(155);

      const before = await snapshot(database.db);
      const again = await importSlo({ db: database.db, location: SLO_DIR, release: '2025-11' });
      expect(again.status).toBe('ongewijzigd');
      expect(again.unchanged).toBe(4398);
      expect(await snapshot(database.db)).toEqual(before);
    });

    it('gives every eindterm the leerwegen SLO states for it', async () => {
      await importSlo({ db: database.db, location: SLO_DIR, release: '2025-11' });
      const rows = await sql<{ lw: string; n: number }>`SELECT unnest(leerwegen) AS lw, count(*)::int AS n FROM vmbo_item WHERE kind = 'eindterm' GROUP BY 1 ORDER BY 1`.execute(database.db);
      expect(Object.fromEntries(rows.rows.map((r) => [r.lw, r.n]))).toEqual({ BB: 2852, GL: 2983, KB: 3275 });
    });
  });

  describe('bad input changes nothing', () => {
    let fx: SloFixture;
    beforeEach(async () => {
      fx = makeSloFixture();
      await importSlo({ db: database.db, location: fx.dir, release: 'r1' });
    });
    afterEach(() => fx.cleanup());

    async function expectRejected(message: RegExp) {
      const before = await snapshot(database.db);
      const error = await importSlo({ db: database.db, location: fx.dir, release: 'r2' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message).toMatch(message);
      expect(await snapshot(database.db)).toEqual(before);
    }

    it('a missing file', async () => {
      fx.remove('deeltaak');
      await expectRejected(/Bestand ontbreekt: .*deeltaak\.json/);
    });
    it('broken JSON, naming the file', async () => {
      fx.writeRaw('keuzevak', '[{"id": ');
      await expectRejected(/keuzevak\.json: geen geldige JSON/);
    });
    it('a dangling reference, naming the file and the item', async () => {
      const keuzevakken = fx.read('keuzevak');
      (keuzevakken[0]!.examenprogramma_bg_deeltaak_id as string[]).push('00000000-0000-4000-8000-000000000000');
      fx.write('keuzevak', keuzevakken);
      await expectRejected(/keuzevak\.json: K\/PIE\/02 .*00000000-0000-4000-8000-000000000000.*deeltaak\.json/);
    });
    it('an unknown niveau, naming the eindterm', async () => {
      const eindtermen = fx.read('globale_eindterm');
      eindtermen[3]!.niveau_id = ['11111111-1111-4111-8111-111111111111'];
      fx.write('globale_eindterm', eindtermen);
      await expectRejected(new RegExp(`globale_eindterm\\.json: ${String(eindtermen[3]!.prefix).replaceAll('/', '\\/')} .*onbekend niveau`));
    });
    it('a niveau that is not a vmbo leerweg', async () => {
      const niveaus = fx.read('niveaus');
      niveaus[0]!.title = 'havo';
      fx.write('niveaus', niveaus);
      await expectRejected(/niveau "havo".*geen vmbo-leerweg/);
    });
    it('an item without a code', async () => {
      const deeltaken = fx.read('deeltaak');
      delete deeltaken[1]!.prefix;
      fx.write('deeltaak', deeltaken);
      await expectRejected(/deeltaak\.json: .*"prefix" \(de SLO-code\) ontbreekt/);
    });
  });

  describe('a new release', () => {
    let fx: SloFixture;
    beforeEach(() => {
      fx = makeSloFixture();
    });
    afterEach(() => fx.cleanup());

    it('marks removed items vervallen with their successor, keeps them, and reports changes', async () => {
      await importSlo({ db: database.db, location: fx.dir, release: 'r1' });
      const keuzevakken = fx.read('keuzevak');
      const profielen = fx.read('profiel');
      const old = keuzevakken.find((k) => k.prefix === 'K/PIE/08')!;
      // K/PIE/08 is replaced by a new record; K/PIE/02 gets a new title.
      const successor = { ...old, id: '0f0f0f0f-0000-4000-8000-000000000001', title: 'Praktisch booglassen (nieuw)', replaces: [old.id] };
      fx.write('keuzevak', keuzevakken.map((k) => (k.id === old.id ? successor : k.prefix === 'K/PIE/02' ? { ...k, title: 'Booglasprocessen en lasveiligheid' } : k)));
      fx.write('profiel', profielen.map((p) => ({ ...p, examenprogramma_bg_keuzevak_id: (p.examenprogramma_bg_keuzevak_id as string[]).map((id) => (id === old.id ? successor.id : id)) })));
      const report = await importSlo({ db: database.db, location: fx.dir, release: 'r2' });
      expect(report.status).toBe('geimporteerd');
      expect(report.added.keuzevak).toBe(1);
      expect(report.changed.keuzevak).toBe(1);
      expect(report.vervallen.keuzevak).toBe(1);
      const row = await database.db.selectFrom('vmbo_item').selectAll().where('id', '=', old.id as string).executeTakeFirstOrThrow();
      expect(row.status).toBe('vervallen');
      expect(row.replaced_by).toBe(successor.id);
      const changed = await database.db.selectFrom('vmbo_item').select(['title', 'first_release_id', 'changed_release_id']).where('code', '=', 'K/PIE/02').executeTakeFirstOrThrow();
      expect(changed.title).toBe('Booglasprocessen en lasveiligheid');
      expect(changed.changed_release_id).toBeGreaterThan(changed.first_release_id);
    });

    it('a dry run reports but writes nothing', async () => {
      const before = await snapshot(database.db);
      const report = await importSlo({ db: database.db, location: fx.dir, dryRun: true });
      expect(report.status).toBe('proefimport');
      expect(report.added.keuzevak).toBeGreaterThan(0);
      expect(await snapshot(database.db)).toEqual(before);
    });

    it('the national data replaces the demo catalogue instead of marking it vervallen', async () => {
      await importSlo({ db: database.db, location: fx.dir, release: 'demo', isDemo: true });
      const other = makeSloFixture();
      try {
        // A "national" dataset with other ids: here the demo data with one profiel removed is enough.
        const profielen = other.read('profiel').slice(0, 1);
        other.write('profiel', profielen);
        const report = await importSlo({ db: database.db, location: other.dir, release: 'echt' });
        expect(report.demoReplaced).toBe(true);
        const vervallen = await sql<{ n: number }>`SELECT count(*)::int AS n FROM vmbo_item WHERE status = 'vervallen'`.execute(database.db);
        expect(vervallen.rows[0]!.n).toBe(0);
        const releases = await database.db.selectFrom('source_release').select(['release', 'is_demo']).execute();
        expect(releases).toEqual([{ release: 'echt', is_demo: false }]);
      } finally {
        other.cleanup();
      }
    });
  });

  describe('from an HTTP(S) base URL', () => {
    let server: http.Server;
    let base: string;
    const fx = makeSloFixture();
    beforeAll(async () => {
      server = http.createServer((req, res) => {
        const file = path.join(fx.dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
        if (!file.startsWith(fx.dir) || !fs.existsSync(file)) {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(fs.readFileSync(file));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    });
    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
      fx.cleanup();
    });

    it('imports the same as from the folder', async () => {
      const report = await importSlo({ db: database.db, location: base, release: 'url' });
      expect(report.status).toBe('geimporteerd');
      expect(report.counts.keuzevak).toBeGreaterThan(5);
      expect(report.location).toBe(base);
    });

    it('names the missing file on a 404 and changes nothing', async () => {
      const error = await importSlo({ db: database.db, location: `${base}nergens/`, release: 'url' }).catch((e: unknown) => e);
      expect((error as AppError).message).toMatch(/nergens\/.*\.json: bestand ontbreekt \(HTTP 404\)/);
      expect((await snapshot(database.db)).releases).toBe(0);
    });
  });
});

if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
if (!hasSloData) describe.skip(SKIP_NO_SLO, () => it('skipped', () => {}));
