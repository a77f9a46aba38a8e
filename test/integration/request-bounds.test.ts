/**
 * Issue 10, finding 5: the work of one request is bounded and heavy work does not stall the server. An oversized
 * inventory selection is a 400 naming the limit; XLSX exports are built in worker threads, so the health check
 * answers while several run; the public export has a per-address limit (429 with Retry-After) and a cap on exports in
 * progress (503 with Retry-After), both Dutch problem+json. On the demo catalogue, on both databases.
 * (The upload bounds — XFD1048576, 120,000 rows, zip bomb, body size — are in catalog-upload.test.ts.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCatalogue } from '../../src/server/demo/seed-demo.js';
import { seedDemoOrganisations } from '../../src/server/demo/seed-demo-organisations.js';
import { LeerrouteDetail } from '../../src/shared/leerroute-api.js';
import { asUser, signIn } from '../support/accounts.js';
import { buildApp } from '../../src/server/http/app.js';
import type { HeavyRequestLimits } from '../../src/server/http/load-shedding.js';
import { OutboxMailer } from '../../src/server/mail/outbox-mailer.js';
import { workerPool } from '../../src/server/workers/pool.js';
import { SELECTION_LIMITS } from '../../src/shared/inventory-api.js';
import { createTestDatabase, databaseAvailable, SKIP_NO_DB, TEST_DB, type TestDatabase } from '../support/db.js';

const EXPORT = '/api/inventaris/export?profiel=PIE&kwalificatie=25282&formaat=xlsx';

describe.skipIf(!databaseAvailable)(`bounded requests and load shedding (${TEST_DB})`, () => {
  let database: TestDatabase;
  const apps: FastifyInstance[] = [];
  const outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'doorlopend-outbox-'));
  const app = async (exportLimits: HeavyRequestLimits) => {
    const a = await buildApp({ db: database.db, exportLimits, mailer: new OutboxMailer(outbox) });
    apps.push(a);
    return a;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoCatalogue(database.db);
    await seedDemoOrganisations(database.db);
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
    await database?.destroy();
    fs.rmSync(outbox, { recursive: true, force: true });
  });

  const expectProblem = (res: LightMyRequestResponse, status: number, detail: RegExp) => {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().detail).toMatch(detail);
  };
  const expectXlsx = async (res: LightMyRequestResponse) => {
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Inventaris', 'Koppelingen', 'Totalen']);
  };

  it('refuses an oversized selection with a 400 naming the limit, on the inventory and its export', async () => {
    const a = await app({ perMinute: 100, concurrent: 10 });
    const codes = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`).join(',');
    const cases = [
      [`keuzevakken=${codes('K/PIE/', SELECTION_LIMITS.keuzevakken + 1)}&kwalificatie=25282`, /hooguit 40 keuzevakcodes/],
      [`profielmodulen=${codes('P/PIE/', SELECTION_LIMITS.profielmodulen + 1)}&kwalificatie=25282`, /hooguit 12 profielmodulecodes/],
      [`keuzevakken=K/PIE/16&keuzedelen=${codes('K00', SELECTION_LIMITS.keuzedelen + 1)}`, /hooguit 30 keuzedeelcodes/],
    ] as const;
    for (const [query, detail] of cases) {
      expectProblem(await a.inject({ method: 'GET', url: `/api/inventaris?${query}` }), 400, detail);
      expectProblem(await a.inject({ method: 'GET', url: `/api/inventaris/export?${query}&formaat=xlsx` }), 400, detail);
    }
    // At the limit the selection is allowed (unknown codes are then the only complaint).
    const atLimit = await a.inject({ method: 'GET', url: `/api/inventaris?keuzevakken=${codes('K/PIE/', SELECTION_LIMITS.keuzevakken)}&kwalificatie=25282` });
    expect(atLimit.statusCode).toBe(400);
    expect(atLimit.json().detail).not.toMatch(/hooguit/);
  });

  it('answers the health check while several XLSX exports are being built', async () => {
    const a = await app({ perMinute: 100, concurrent: 10 });
    // Warm: catalogue snapshot, match index and the worker threads.
    await expectXlsx(await a.inject({ method: 'GET', url: EXPORT }));
    const before = workerPool().stats.completed;
    let finished = 0;
    const exports = Array.from({ length: 6 }, () =>
      a.inject({ method: 'GET', url: EXPORT }).then((res) => {
        finished++;
        return res;
      }),
    );
    const health = await a.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok' });
    // The health check did not wait for the exports: none had finished when it answered.
    expect(finished).toBe(0);
    for (const res of await Promise.all(exports)) await expectXlsx(res);
    // Each file was built in a worker thread, not on the event loop that answers requests.
    expect(workerPool().stats.completed - before).toBe(exports.length);
  });

  it('limits the public export per address: 429 with Retry-After, other addresses still served', async () => {
    const a = await app({ perMinute: 3, concurrent: 10 });
    const from = (remoteAddress: string) => a.inject({ method: 'GET', url: EXPORT, remoteAddress });
    for (let i = 0; i < 3; i++) await expectXlsx(await from('192.0.2.10'));
    const refused = await from('192.0.2.10');
    expectProblem(refused, 429, /^Te veel exports vanaf dit adres: hooguit 3 per minuut\. Probeer het over \d+ seconden opnieuw\.$/);
    expect(refused.json()).toMatchObject({ code: 'too_many_requests', status: 429 });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    await expectXlsx(await from('192.0.2.11'));
    // The other public endpoints are not counted.
    expect((await a.inject({ method: 'GET', url: '/api/health', remoteAddress: '192.0.2.10' })).statusCode).toBe(200);
  });

  it('sheds exports beyond the number in progress: 503 with Retry-After, served again once they are done', async () => {
    const a = await app({ perMinute: 100, concurrent: 1 });
    const [first, second] = await Promise.all([a.inject({ method: 'GET', url: EXPORT }), a.inject({ method: 'GET', url: EXPORT, remoteAddress: '192.0.2.20' })]);
    await expectXlsx(first!);
    expectProblem(second!, 503, /^De server maakt nu al 1 exports tegelijk\. Probeer het over 5 seconden opnieuw\.$/);
    expect(second!.json()).toMatchObject({ code: 'service_unavailable', status: 503 });
    expect(second!.headers['retry-after']).toBe('5');
    // A refused or failed export gives its place back.
    expect((await a.inject({ method: 'GET', url: '/api/inventaris/export?profiel=NOPE&kwalificatie=25282&formaat=xlsx' })).statusCode).toBe(400);
    await expectXlsx(await a.inject({ method: 'GET', url: EXPORT, remoteAddress: '192.0.2.20' }));
  });

  it('limits the leerroute exports per user as well, rendered in the worker pool', async () => {
    const a = await app({ perMinute: 2, concurrent: 10 });
    const docent = await signIn(a, 'docent@vmbo.demo');
    const partnership = (await database.db.selectFrom('partnership').select('id').where('naam', '=', 'Demo doorlopende leerroute techniek').executeTakeFirstOrThrow()).id;
    const created = await a.inject({
      method: 'POST',
      url: `/api/partnerships/${partnership}/leerroutes`,
      headers: asUser(docent),
      payload: { naam: 'Begrensde route', type: 'doorlopend', vmbo: { profiel: 'PIE', leerweg: 'BB', keuzevakken: ['K-PIE-16'] }, mbo: { kwalificatie: '25282' } },
    });
    expect(created.statusCode, created.body).toBeLessThan(300);
    const url = `/api/leerroutes/${LeerrouteDetail.parse(created.json()).id}/document.pdf`;
    const before = workerPool().stats.completed;
    for (let i = 0; i < 2; i++) {
      const res = await a.inject({ method: 'GET', url, headers: asUser(docent) });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect(workerPool().stats.completed - before).toBe(2);
    const refused = await a.inject({ method: 'GET', url, headers: asUser(docent) });
    expectProblem(refused, 429, /^Te veel exports voor uw account: hooguit 2 per minuut/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Another user has their own count.
    const roc = await signIn(a, 'docent@roc.demo');
    expect((await a.inject({ method: 'GET', url, headers: asUser(roc) })).statusCode).toBe(200);
  });
});

if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
