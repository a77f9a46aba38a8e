/**
 * Authorization matrix of pupils and cohorts (issue 14): every route of src/server/http/routes/leerlingen.ts requested
 * as every actor of the examen world, with the status asserted. Pupil data is the vmbo school's: its beheerder, decaan
 * and examinator manage, its examencommissie reads, its ontwikkelaar 403; the mbo partner's staff 404 on a cohort (403
 * on the route's list: staff of the samenwerking without a role for pupil data); pupils (also the cohort's own) and a
 * third school 404; anonymous 401. Each request that changes something gets its own fresh cohort or pupil.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredRoutes } from '../../src/server/http/app.js';
import type { CohortDetail } from '../../src/shared/leerlingen-api.js';
import { databaseAvailable, TEST_DB } from '../support/db.js';
import { startExamenWorld, WORLD_ACTORS, type ExamenWorld, type WorldActor } from '../support/examen-world.js';
import { addPupils, createCohort, linkPupilAccount } from '../support/leerlingen-factory.js';

type Expect = Record<WorldActor, number>;
interface Row {
  key: string;
  /** Builds the request for one actor (fresh data where the request changes it). */
  request: (w: ExamenWorld, ctx: Ctx) => Promise<{ url: string; payload?: unknown; contentType?: string }>;
  expect: Expect;
}
interface Ctx {
  cohort: CohortDetail;
}

const NONE = { 'mbo-beheerder': 404, 'mbo-ontwikkelaar': 404, 'mbo-beoordelaar': 404, 'mbo-examencommissie': 404, leerling: 404, 'andere-leerling': 404, foreign: 404, anonymous: 401 } as const;
const READ: Expect = { 'vmbo-beheerder': 200, 'vmbo-ontwikkelaar': 403, 'vmbo-examinator': 200, 'vmbo-decaan': 200, 'vmbo-examencommissie': 200, ...NONE };
const manage = (ok: number): Expect => ({ 'vmbo-beheerder': ok, 'vmbo-ontwikkelaar': 403, 'vmbo-examinator': ok, 'vmbo-decaan': ok, 'vmbo-examencommissie': 403, ...NONE });
/** On the route: staff of the samenwerking without a pupil role 403; pupils and outsiders 404. */
const ROUTE_STAFF_403 = { 'mbo-beheerder': 403, 'mbo-ontwikkelaar': 403, 'mbo-beoordelaar': 403, 'mbo-examencommissie': 403 } as const;

const freshPupil = async (w: ExamenWorld) => {
  const c = await createCohort(w);
  const d = await addPupils(w, c.id, 1);
  return { cohort: c.id, leerling: d.leerlingen[0]! };
};

const ROWS: Row[] = [
  { key: 'GET /api/leerroutes/:routeId/cohorten', request: async (w) => ({ url: `/api/leerroutes/${w.route}/cohorten` }), expect: { ...READ, ...ROUTE_STAFF_403 } },
  {
    key: 'POST /api/leerroutes/:routeId/cohorten',
    request: async (w) => ({ url: `/api/leerroutes/${w.route}/cohorten`, payload: { naam: 'Matrix', schooljaar: '2026-2027', leerjaar: 3 } }),
    expect: { ...manage(201), ...ROUTE_STAFF_403 },
  },
  { key: 'GET /api/cohorten/:cohortId', request: async (_w, { cohort }) => ({ url: `/api/cohorten/${cohort.id}` }), expect: READ },
  {
    key: 'PATCH /api/cohorten/:cohortId',
    request: async (w) => {
      const c = await createCohort(w);
      return { url: `/api/cohorten/${c.id}`, payload: { versie: c.versie, leerjaar: 4 } };
    },
    expect: manage(200),
  },
  {
    key: 'POST /api/cohorten/:cohortId/leerlingen',
    request: async (w) => {
      const c = await createCohort(w);
      return { url: `/api/cohorten/${c.id}/leerlingen`, payload: { leerlingnummer: '9001', roepnaam: 'Mats', achternaam: 'Rix' } };
    },
    expect: manage(201),
  },
  {
    key: 'PATCH /api/cohorten/:cohortId/leerlingen/:leerlingId',
    request: async (w) => {
      const p = await freshPupil(w);
      return { url: `/api/cohorten/${p.cohort}/leerlingen/${p.leerling.id}`, payload: { versie: p.leerling.versie, klas: '4A' } };
    },
    expect: manage(200),
  },
  {
    key: 'DELETE /api/cohorten/:cohortId/leerlingen/:leerlingId',
    request: async (w) => {
      const p = await freshPupil(w);
      return { url: `/api/cohorten/${p.cohort}/leerlingen/${p.leerling.id}` };
    },
    expect: manage(200),
  },
  {
    key: 'POST /api/cohorten/:cohortId/leerlingen/import',
    request: async (_w, { cohort }) => ({ url: `/api/cohorten/${cohort.id}/leerlingen/import?bestandsnaam=lijst.csv`, payload: 'Stamnr,Roepnaam,Achternaam\n9100,Sam,Jansen\n', contentType: 'text/csv' }),
    expect: manage(200),
  },
  { key: 'GET /api/cohorten/:cohortId/leerlingen.csv', request: async (_w, { cohort }) => ({ url: `/api/cohorten/${cohort.id}/leerlingen.csv` }), expect: READ },
  {
    key: 'POST /api/cohorten/:cohortId/leerlingen/:leerlingId/uitnodiging',
    request: async (w) => {
      const p = await freshPupil(w);
      return { url: `/api/cohorten/${p.cohort}/leerlingen/${p.leerling.id}/uitnodiging`, payload: { email: 'leerling.matrix@example.nl' } };
    },
    expect: manage(202),
  },
];

describe.skipIf(!databaseAvailable)(`pupils and cohorts: authorization matrix (${TEST_DB})`, () => {
  let w: ExamenWorld;
  let ctx: Ctx;
  beforeAll(async () => {
    w = await startExamenWorld();
    const cohort = await createCohort(w, { naam: 'Matrixgroep' });
    const d = await addPupils(w, cohort.id, 2);
    // The pupil is in this very cohort, and still sees nothing of it.
    await linkPupilAccount(w, d.leerlingen[0]!.id, 'leerling');
    ctx = { cohort };
  }, 120_000);
  afterAll(async () => w?.close());

  it('has a row for every route of the feature', () => {
    const mine = registeredRoutes(w.app)
      .filter((r) => r.method !== 'HEAD' && (r.url.startsWith('/api/cohorten') || r.url === '/api/leerroutes/:routeId/cohorten'))
      .map((r) => `${r.method} ${r.url}`);
    expect(new Set(mine)).toEqual(new Set(ROWS.map((r) => r.key)));
  });

  for (const row of ROWS) {
    it.each(WORLD_ACTORS.map((a) => [a, row.expect[a]] as const))(`${row.key} as %s: %i`, async (actor, status) => {
      const [method, pattern] = row.key.split(' ') as [string, string];
      const r = await row.request(w, ctx);
      expect(r.url.startsWith(pattern.split('/:')[0]!)).toBe(true);
      const res = await w.app.inject({
        method: method as 'GET',
        url: r.url,
        headers: { ...w.as(actor), ...(r.contentType ? { 'content-type': r.contentType } : {}) },
        ...(r.payload === undefined ? {} : { payload: r.payload as string }),
      });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
      if (status >= 400) expect(res.body).not.toMatch(/Leerling\d|Achternaam\d|Jansen/);
    });
  }
});
