/**
 * Issue 14, authorization of the assessment routes: every route requested as every actor of the examen world, with
 * the status asserted (table-driven, like authz-matrix.test.ts). Writes are sent so that an allowed actor gets a 409
 * and nothing changes (a stale side versie, a correction or herkansing of an open form, vaststellen of incomplete
 * forms), while a role without the right gets 403, a pupil (even the assessed pupil) or a third school 404 and
 * anonymous 401. Rules: src/domain/auth/examen-rules.ts; the assessors named in the plan only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredRoutes } from '../../src/server/http/app.js';
import { databaseAvailable, TEST_DB } from '../support/db.js';
import { startExamenWorld, WORLD_ACTORS, type ExamenWorld, type WorldActor } from '../support/examen-world.js';
import { createAssessableExam } from '../support/beoordeling-factory.js';

const NOBODY = '00000000-0000-4000-8000-000000000000';
const STAFF: readonly WorldActor[] = [
  'vmbo-beheerder', 'vmbo-ontwikkelaar', 'vmbo-examinator', 'vmbo-decaan', 'vmbo-examencommissie', 'mbo-beheerder', 'mbo-ontwikkelaar', 'mbo-beoordelaar', 'mbo-examencommissie',
];

function expected(allowed: readonly WorldActor[], ok: number): Record<WorldActor, number> {
  const out = {} as Record<WorldActor, number>;
  for (const a of WORLD_ACTORS) out[a] = allowed.includes(a) ? ok : STAFF.includes(a) ? 403 : a === 'anonymous' ? 401 : 404;
  return out;
}

const READ: readonly WorldActor[] = ['vmbo-examinator', 'vmbo-examencommissie', 'mbo-beoordelaar', 'mbo-examencommissie'];
const EXPORT_VMBO: readonly WorldActor[] = ['vmbo-beheerder', 'vmbo-examinator', 'vmbo-examencommissie'];
const EXPORT_MBO: readonly WorldActor[] = ['mbo-beheerder', 'mbo-beoordelaar', 'mbo-examencommissie'];

interface Ids {
  examen: string;
  form: string;
}
interface Row {
  route: string;
  method: 'GET' | 'POST' | 'PUT';
  url: (i: Ids) => string;
  body?: unknown;
  expect: Record<WorldActor, number>;
}

const MATRIX: Row[] = [
  { route: 'GET /api/examens/:examenId/beoordelingen', method: 'GET', url: (i) => `/api/examens/${i.examen}/beoordelingen`, expect: expected(READ, 200) },
  { route: 'GET /api/beoordelingen/:beoordelingId', method: 'GET', url: (i) => `/api/beoordelingen/${i.form}`, expect: expected(READ, 200) },
  { route: 'PUT /api/beoordelingen/:beoordelingId/kanten/:kant', method: 'PUT', url: (i) => `/api/beoordelingen/${i.form}/kanten/eerste`, body: { versie: 999_999 }, expect: expected(['vmbo-examinator'], 409) },
  { route: 'PUT /api/beoordelingen/:beoordelingId/kanten/:kant', method: 'PUT', url: (i) => `/api/beoordelingen/${i.form}/kanten/tweede`, body: { versie: 999_999 }, expect: expected(['mbo-beoordelaar'], 409) },
  { route: 'POST /api/beoordelingen/:beoordelingId/herkansing', method: 'POST', url: (i) => `/api/beoordelingen/${i.form}/herkansing`, body: {}, expect: expected(['vmbo-examinator', 'mbo-beoordelaar'], 409) },
  { route: 'POST /api/beoordelingen/:beoordelingId/correcties', method: 'POST', url: (i) => `/api/beoordelingen/${i.form}/correcties`, body: { reden: 'Matrix', keuzevakCijfer: 6 }, expect: expected(['mbo-examencommissie'], 409) },
  { route: 'POST /api/examens/:examenId/resultaten/vaststellen', method: 'POST', url: (i) => `/api/examens/${i.examen}/resultaten/vaststellen`, body: {}, expect: expected(['mbo-examencommissie'], 409) },
  { route: 'GET /api/examens/:examenId/resultaten/se-cijfers.csv', method: 'GET', url: (i) => `/api/examens/${i.examen}/resultaten/se-cijfers.csv`, expect: expected(EXPORT_VMBO, 200) },
  { route: 'GET /api/examens/:examenId/resultaten/keuzedeelresultaten.csv', method: 'GET', url: (i) => `/api/examens/${i.examen}/resultaten/keuzedeelresultaten.csv`, expect: expected(EXPORT_MBO, 200) },
  { route: 'GET /api/examens/:examenId/resultaten/keuzedeelresultaten.xlsx', method: 'GET', url: (i) => `/api/examens/${i.examen}/resultaten/keuzedeelresultaten.xlsx`, expect: expected(EXPORT_MBO, 200) },
  { route: 'GET /api/beoordelingen/:beoordelingId/formulier.pdf', method: 'GET', url: (i) => `/api/beoordelingen/${i.form}/formulier.pdf`, expect: expected(READ, 200) },
  { route: 'GET /api/ooapi/v5/associations/:associationId', method: 'GET', url: (i) => `/api/ooapi/v5/associations/${i.form}`, expect: expected(EXPORT_MBO, 200) },
  { route: 'GET /api/ooapi/v5/offerings/:examenId/associations', method: 'GET', url: (i) => `/api/ooapi/v5/offerings/${i.examen}/associations`, expect: expected(EXPORT_MBO, 200) },
];

describe.skipIf(!databaseAvailable)(`beoordeling authorization matrix (${TEST_DB})`, () => {
  let w: ExamenWorld;
  let ids: Ids;

  beforeAll(async () => {
    w = await startExamenWorld();
    // The world's `leerling` is the first pupil of this exam: even the assessed pupil sees no assessment routes (404).
    const ex = await createAssessableExam(w, { pupils: 2 });
    const lijst = (await w.call('mbo-examencommissie', 'GET', `/api/examens/${ex.examenId}/beoordelingen`, undefined, 200)).body;
    ids = { examen: ex.examenId, form: lijst.formulieren[0].id };
  }, 120_000);
  afterAll(async () => w?.close());

  it('has a row for every registered assessment and OOAPI route', () => {
    const mine = /^\/api\/(beoordelingen\/|examens\/:examenId\/(beoordelingen|resultaten\/)|ooapi\/)/;
    const registered = registeredRoutes(w.app)
      .filter((r) => mine.test(r.url) && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url}`);
    expect([...new Set(registered)].sort()).toEqual([...new Set(MATRIX.map((r) => r.route))].sort());
  });

  it.each(MATRIX.map((r) => [`${r.method} ${r.url({ examen: ':examenId', form: ':beoordelingId' })}`, r] as const))('%s as every actor', async (_name, row) => {
    const got: Record<string, number> = {};
    for (const actor of WORLD_ACTORS) got[actor] = (await w.call(actor, row.method, row.url(ids), row.body)).status;
    expect(got).toEqual(row.expect);
  });

  it('the assessors named in the plan only: another examinator of the same school may not assess (403)', async () => {
    const ex = await createAssessableExam(w, { pupils: 1, linkAccounts: false });
    await w.t.database.db
      .updateTable('examenplan')
      .set({ status: 'vervangen' })
      .where('examen_id', '=', ex.examenId)
      .execute();
    const inhoud = { ...ex.inhoud, examinatorId: NOBODY, beoordelaarId: NOBODY };
    await w.t.database.db
      .insertInto('examenplan')
      .values({ examen_id: ex.examenId, versienummer: 2, status: 'vastgesteld', inhoud: JSON.stringify(inhoud), vastgesteld_at: new Date().toISOString(), vastgesteld_naam: 'Matrix' })
      .execute();
    const form = (await w.call('vmbo-examinator', 'GET', `/api/examens/${ex.examenId}/beoordelingen`, undefined, 200)).body.formulieren[0].id;
    expect((await w.call('vmbo-examinator', 'PUT', `/api/beoordelingen/${form}/kanten/eerste`, { versie: 1 })).status).toBe(403);
    expect((await w.call('mbo-beoordelaar', 'PUT', `/api/beoordelingen/${form}/kanten/tweede`, { versie: 1 })).status).toBe(403);
  });

  it('an unknown form or exam is 404 for everyone signed in, like one of others', async () => {
    for (const actor of WORLD_ACTORS) {
      for (const url of [`/api/beoordelingen/${NOBODY}`, `/api/examens/${NOBODY}/beoordelingen`, `/api/ooapi/v5/associations/${NOBODY}`]) {
        const { status } = await w.call(actor, 'GET', url);
        expect(status, `${actor} ${url}`).toBe(actor === 'anonymous' ? 401 : 404);
      }
    }
  });
});
