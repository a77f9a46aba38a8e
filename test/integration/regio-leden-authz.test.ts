/**
 * Authorization matrix of a region's member schools (issue 15): every route × every actor of the menukaart world
 * (the examen world's staff and pupils of Demo Vmbo College and Demo ROC, the demo region's beheerder and ontwikkelaar,
 * another region and its school, a school in no region). The authorization matrix (authz-matrix.test.ts) counts a
 * route as listed when its key is written here.
 *
 * Rules (src/domain/regio/leden.ts): the region's staff read its member schools, its beheerder searches, adds and
 * removes (other staff of the region 403); everyone else 404, also the member schools' staff. A school's page: every
 * member of the school reads its region, the beheerder takes it out (here 409: Demo Vmbo College still offers
 * published modules; the 200 is in regio-leden.test.ts), other members 403, anyone else 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredRoutes } from '../../src/server/http/app.js';
import { insertOrganisation } from '../../src/server/repositories/account-repository.js';
import { databaseAvailable, SKIP_NO_DB, TEST_DB } from '../support/db.js';
import { MENUKAART_ACTORS, startMenukaartWorld, type MenukaartActor, type MenukaartWorld } from '../support/menukaart-factory.js';

type Statuses = Record<MenukaartActor, number>;

function statuses(rest: number, named: Partial<Statuses>): Statuses {
  return Object.fromEntries(MENUKAART_ACTORS.map((a) => [a, named[a] ?? rest])) as Statuses;
}

const VMBO_MEMBERS = ['vmbo-beheerder', 'vmbo-ontwikkelaar', 'vmbo-examinator', 'vmbo-decaan', 'vmbo-examencommissie', 'leerling', 'andere-leerling'] as const;
const REGION = (beheerder: number, ontwikkelaar: number) => statuses(404, { 'regio-beheerder': beheerder, 'regio-ontwikkelaar': ontwikkelaar, anonymous: 401 });

interface Ids {
  regio: string;
  vmbo: string;
  /** A school made for the row that adds or removes, per actor. */
  school: string;
}

interface Row {
  key: string;
  method: 'GET' | 'POST' | 'DELETE';
  url: (ids: Ids) => string;
  /** Runs before the request: sets up what the row needs and answers the body. */
  prepare?: (actor: MenukaartActor, ids: Ids, m: MenukaartWorld) => Promise<unknown>;
  expected: Statuses;
}

let n = 0;
const freshSchool = async (m: MenukaartWorld, regioId: string | null) =>
  insertOrganisation(m.w.t.database.db, { naam: `Matrixschool ${++n}`, soort: 'vmbo-school', ...(regioId ? { regioId } : {}) });

const ROWS: Row[] = [
  { key: 'GET /api/regios/:regioId/leden', method: 'GET', url: (i) => `/api/regios/${i.regio}/leden`, expected: REGION(200, 200) },
  { key: 'GET /api/regios/:regioId/kandidaten', method: 'GET', url: (i) => `/api/regios/${i.regio}/kandidaten?q=school`, expected: REGION(200, 403) },
  {
    key: 'POST /api/regios/:regioId/leden',
    method: 'POST',
    url: (i) => `/api/regios/${i.regio}/leden`,
    prepare: async (_a, i, m) => ({ organisatieId: await freshSchool(m, null) }),
    expected: REGION(201, 403),
  },
  {
    key: 'DELETE /api/regios/:regioId/leden/:schoolId',
    method: 'DELETE',
    url: (i) => `/api/regios/${i.regio}/leden/${i.school}`,
    prepare: async (_a, i, m) => {
      i.school = await freshSchool(m, i.regio);
      return undefined;
    },
    expected: REGION(200, 403),
  },
  {
    key: 'GET /api/organisaties/:id/regio',
    method: 'GET',
    url: (i) => `/api/organisaties/${i.vmbo}/regio`,
    expected: statuses(404, { ...Object.fromEntries(VMBO_MEMBERS.map((a) => [a, 200])), anonymous: 401 }),
  },
  {
    key: 'POST /api/organisaties/:id/regio/verlaten',
    method: 'POST',
    url: (i) => `/api/organisaties/${i.vmbo}/regio/verlaten`,
    expected: statuses(404, { ...Object.fromEntries(VMBO_MEMBERS.map((a) => [a, 403])), 'vmbo-beheerder': 409, anonymous: 401 }),
  },
];

describe.skipIf(!databaseAvailable)(`regio leden authorization matrix (${TEST_DB})`, () => {
  let m: MenukaartWorld;
  const ids: Ids = { regio: '', vmbo: '', school: '' };

  beforeAll(async () => {
    m = await startMenukaartWorld();
    Object.assign(ids, { regio: m.regio, vmbo: m.w.org.vmbo });
  }, 120_000);
  afterAll(async () => {
    await m?.close();
  });

  it('has one row per route of the region’s member schools the app registers', () => {
    const mine = registeredRoutes(m.w.app)
      .filter((r) => r.method !== 'HEAD' && /^\/api\/(regios\/:regioId\/(leden|kandidaten)|organisaties\/:id\/regio)/.test(r.url))
      .map((r) => `${r.method} ${r.url}`);
    expect(ROWS.map((r) => r.key).sort()).toEqual([...new Set(mine)].sort());
  });

  for (const row of ROWS) {
    it(`${row.key}: every actor gets the status of the rules`, async () => {
      const got: Partial<Statuses> = {};
      for (const actor of MENUKAART_ACTORS) {
        const payload = row.prepare ? await row.prepare(actor, ids, m) : undefined;
        got[actor] = (await m.call(actor, row.method, row.url(ids), payload)).status;
      }
      expect(got).toEqual(row.expected);
    });
  }

  it('answers a region that does not exist, or a school id as a region, as 404', async () => {
    const none = '00000000-0000-4000-8000-000000000000';
    expect((await m.call('regio-beheerder', 'GET', `/api/regios/${none}/leden`)).status).toBe(404);
    expect((await m.call('vmbo-beheerder', 'GET', `/api/regios/${m.w.org.vmbo}/leden`)).status).toBe(404);
    expect((await m.call('andere-regio-beheerder', 'GET', `/api/regios/${m.andereRegio}/leden`)).status).toBe(200);
  });
});


if (!databaseAvailable) describe.skip(SKIP_NO_DB, () => it('skipped', () => {}));
