/**
 * Issue 14, authorization of the exam plan's routes: every route requested as every actor of the examen world, with
 * the status asserted (table-driven, like authz-matrix.test.ts). Writes are sent with a stale versie or an unknown
 * cohort/pupil, so an allowed actor gets 409 or 400 and nothing changes, while a role without the right gets 403, a
 * pupil or a third school 404 and anonymous 401. Rules: src/domain/auth/examen-rules.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredRoutes } from '../../src/server/http/app.js';
import { databaseAvailable, TEST_DB } from '../support/db.js';
import { startExamenWorld, WORLD_ACTORS, type ExamenWorld, type WorldActor } from '../support/examen-world.js';

const NOBODY = '00000000-0000-4000-8000-000000000000';
const STAFF_VMBO = ['vmbo-beheerder', 'vmbo-ontwikkelaar', 'vmbo-examinator', 'vmbo-decaan', 'vmbo-examencommissie'] as const;
const STAFF_MBO = ['mbo-beheerder', 'mbo-ontwikkelaar', 'mbo-beoordelaar', 'mbo-examencommissie'] as const;
const STAFF: readonly WorldActor[] = [...STAFF_VMBO, ...STAFF_MBO];

/** The status per actor: `ok` for the allowed ones, 403 for other staff of the two parties, 404 pupils and outsiders, 401 anonymous. */
function expected(allowed: readonly WorldActor[], ok: number): Record<WorldActor, number> {
  const out = {} as Record<WorldActor, number>;
  for (const a of WORLD_ACTORS) out[a] = allowed.includes(a) ? ok : STAFF.includes(a) ? 403 : a === 'anonymous' ? 401 : 404;
  return out;
}

const READ = STAFF;
const WRITE: readonly WorldActor[] = ['vmbo-beheerder', 'vmbo-ontwikkelaar', 'vmbo-examinator', 'mbo-beheerder', 'mbo-ontwikkelaar', 'mbo-beoordelaar'];
const VASTSTELLEN: readonly WorldActor[] = ['mbo-examencommissie'];
const LEERLINGEN: readonly WorldActor[] = ['vmbo-beheerder', 'vmbo-decaan', 'vmbo-examinator', 'vmbo-examencommissie', 'mbo-beheerder', 'mbo-beoordelaar', 'mbo-examencommissie'];
const AANMELDEN: readonly WorldActor[] = ['vmbo-beheerder', 'vmbo-decaan', 'vmbo-examinator'];
const INSCHRIJVEN: readonly WorldActor[] = ['mbo-beheerder', 'mbo-examencommissie'];

interface Row {
  route: string;
  method: 'GET' | 'POST' | 'PUT';
  url: (ids: { route: string; examen: string }) => string;
  body?: unknown;
  expect: Record<WorldActor, number>;
}

const stale = { versie: 999_999 };
const MATRIX: Row[] = [
  { route: 'GET /api/examens', method: 'GET', url: () => '/api/examens', expect: Object.fromEntries(WORLD_ACTORS.map((a) => [a, a === 'anonymous' ? 401 : 200])) as Record<WorldActor, number> },
  { route: 'GET /api/leerroutes/:routeId/examens', method: 'GET', url: (i) => `/api/leerroutes/${i.route}/examens`, expect: expected(READ, 200) },
  { route: 'POST /api/leerroutes/:routeId/examens', method: 'POST', url: (i) => `/api/leerroutes/${i.route}/examens`, body: { cohortId: NOBODY, grondslag: 'extraneus' }, expect: expected(WRITE, 400) },
  { route: 'GET /api/examens/:examenId', method: 'GET', url: (i) => `/api/examens/${i.examen}`, expect: expected(READ, 200) },
  { route: 'PUT /api/examens/:examenId/plan', method: 'PUT', url: (i) => `/api/examens/${i.examen}/plan`, body: { ...stale, inhoud: {} }, expect: expected(WRITE, 409) },
  { route: 'POST /api/examens/:examenId/plan/indienen', method: 'POST', url: (i) => `/api/examens/${i.examen}/plan/indienen`, body: stale, expect: expected(WRITE, 409) },
  { route: 'POST /api/examens/:examenId/plan/dekking-akkoord', method: 'POST', url: (i) => `/api/examens/${i.examen}/plan/dekking-akkoord`, body: { ...stale, reden: 'Apart getoetst' }, expect: expected(VASTSTELLEN, 409) },
  { route: 'POST /api/examens/:examenId/plan/terugsturen', method: 'POST', url: (i) => `/api/examens/${i.examen}/plan/terugsturen`, body: { ...stale, reden: 'Nog niet af' }, expect: expected(VASTSTELLEN, 409) },
  { route: 'POST /api/examens/:examenId/plan/vaststellen', method: 'POST', url: (i) => `/api/examens/${i.examen}/plan/vaststellen`, body: stale, expect: expected(VASTSTELLEN, 409) },
  { route: 'POST /api/examens/:examenId/plan/nieuwe-versie', method: 'POST', url: (i) => `/api/examens/${i.examen}/plan/nieuwe-versie`, body: stale, expect: expected(WRITE, 409) },
  { route: 'GET /api/examens/:examenId/inschrijvingen', method: 'GET', url: (i) => `/api/examens/${i.examen}/inschrijvingen`, expect: expected(LEERLINGEN, 200) },
  { route: 'POST /api/examens/:examenId/inschrijvingen', method: 'POST', url: (i) => `/api/examens/${i.examen}/inschrijvingen`, body: { leerlingIds: [NOBODY] }, expect: expected(AANMELDEN, 400) },
  { route: 'POST /api/examens/:examenId/inschrijvingen/ingeschreven', method: 'POST', url: (i) => `/api/examens/${i.examen}/inschrijvingen/ingeschreven`, body: { leerlingIds: [] }, expect: expected(INSCHRIJVEN, 200) },
  { route: 'GET /api/examens/:examenId/inschrijvingen.csv', method: 'GET', url: (i) => `/api/examens/${i.examen}/inschrijvingen.csv`, expect: expected(LEERLINGEN, 200) },
  { route: 'GET /api/examens/:examenId/inschrijvingen.xlsx', method: 'GET', url: (i) => `/api/examens/${i.examen}/inschrijvingen.xlsx`, expect: expected(LEERLINGEN, 200) },
];

describe.skipIf(!databaseAvailable)(`examenplan authorization matrix (${TEST_DB})`, () => {
  let w: ExamenWorld;
  let ids: { route: string; examen: string };

  beforeAll(async () => {
    w = await startExamenWorld();
    const cohort = await w.t.database.db
      .insertInto('cohort')
      .values({ organisation_id: w.org.vmbo, leerroute_id: w.route, naam: 'Matrix', schooljaar: '2026-2027', leerjaar: 3, einddatum: '2027-07-31' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const examen = (await w.call('vmbo-ontwikkelaar', 'POST', `/api/leerroutes/${w.route}/examens`, { cohortId: cohort.id, grondslag: 'extraneus' }, 201)).body.id as string;
    ids = { route: w.route, examen };
  }, 120_000);
  afterAll(async () => w?.close());

  it('has a row for every registered route of the exam plan (the exam, its plan, its registration)', () => {
    const mine = /^\/api\/(examens(\/:examenId(\/plan(\/[a-z-]+)?|\/inschrijvingen(\.csv|\.xlsx|\/ingeschreven)?)?)?|leerroutes\/:routeId\/examens)$/;
    const registered = registeredRoutes(w.app)
      .filter((r) => mine.test(r.url) && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url}`);
    expect(registered.length).toBeGreaterThanOrEqual(MATRIX.length);
    expect([...new Set(registered)].sort()).toEqual(MATRIX.map((r) => r.route).sort());
  });

  it.each(MATRIX.map((r) => [r.route, r] as const))('%s as every actor', async (_name, row) => {
    const got: Record<string, number> = {};
    for (const actor of WORLD_ACTORS) got[actor] = (await w.call(actor, row.method, row.url(ids), row.body)).status;
    expect(got).toEqual(row.expect);
  });

  it('an unknown exam is 404 for everyone signed in, like an exam of others', async () => {
    for (const actor of WORLD_ACTORS) {
      const { status } = await w.call(actor, 'GET', `/api/examens/${NOBODY}`);
      expect(status, actor).toBe(actor === 'anonymous' ? 401 : 404);
    }
  });
});
