/**
 * Authorization matrix of the regional menukaart (issue 15): every route × every actor of the examen world plus the
 * demo region's beheerder and ontwikkelaar and the staff of another region, with the status each must get. The
 * authorization matrix (authz-matrix.test.ts) counts a route as listed when its key is written here.
 *
 * Rules (src/domain/menukaart/rules.ts): outsiders (a school in no region, another region and its school) 404;
 * pupils of a school of the region 403; staff of the region and its schools read; beheerder/ontwikkelaar of a
 * school propose and change their own modules; the region's beheerder decides, keeps the lifecycle and the dashboard;
 * the provider (beheerder, ontwikkelaar, examencommissie) records exams; the providing school withdraws its own
 * proposal (beheerder, ontwikkelaar; the region decides with 'intrekken' instead). The enrolment list of a module and its export
 * (src/domain/menukaart/inschrijving.ts): the region's beheerder and the provider's beheerder, decaan, examinator and
 * beoordelaar; other staff and pupils of the region 403. The public routes answer everyone 200.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredRoutes } from '../../src/server/http/app.js';
import { databaseAvailable, TEST_DB } from '../support/db.js';
import { MENUKAART_ACTORS, startMenukaartWorld, type MenukaartActor, type MenukaartWorld } from '../support/menukaart-factory.js';

type Statuses = Record<MenukaartActor, number>;

/** Everyone gets `rest`, except the actors named. */
function statuses(rest: number, named: Partial<Statuses>): Statuses {
  return Object.fromEntries(MENUKAART_ACTORS.map((a) => [a, named[a] ?? rest])) as Statuses;
}

const OUTSIDERS = { foreign: 404, 'andere-regio-beheerder': 404, 'andere-regio-school': 404, anonymous: 401 } as const;
const PUPILS = { leerling: 403, 'andere-leerling': 403 } as const;
const STAFF_READ = statuses(200, { ...PUPILS, ...OUTSIDERS });
const REGION_ONLY = statuses(403, { 'regio-beheerder': 200, ...OUTSIDERS });

/** The enrolment list of a module of Demo Vmbo College. */
const INSCHRIJVINGEN = statuses(403, { 'regio-beheerder': 200, 'vmbo-beheerder': 200, 'vmbo-decaan': 200, 'vmbo-examinator': 200, ...OUTSIDERS });

const SCHOOL_OF: Partial<Record<MenukaartActor, 'vmbo' | 'mbo'>> = { 'vmbo-beheerder': 'vmbo', 'vmbo-ontwikkelaar': 'vmbo', 'mbo-beheerder': 'mbo', 'mbo-ontwikkelaar': 'mbo' };

interface Ids {
  regio: string;
  /** One published module of Demo Vmbo College per row that writes, so rows do not disturb each other. */
  module: Record<string, string>;
}

interface Row {
  key: string;
  method: 'GET' | 'POST' | 'PUT';
  url: (ids: Ids) => string;
  payload?: (actor: MenukaartActor, ids: Ids, m: MenukaartWorld) => Promise<unknown> | unknown;
  expected: Statuses;
}

const versie = async (m: MenukaartWorld, id: string) =>
  (await m.w.t.database.db.selectFrom('menukaart_module').select(['versie', 'status']).where('id', '=', id).executeTakeFirstOrThrow());

const ROWS: Row[] = [
  { key: 'GET /api/menukaarten', method: 'GET', url: () => '/api/menukaarten', expected: statuses(200, { anonymous: 401 }) },
  { key: 'GET /api/regios/:regioId/menukaart', method: 'GET', url: (i) => `/api/regios/${i.regio}/menukaart`, expected: STAFF_READ },
  {
    key: 'POST /api/regios/:regioId/menukaart/modulen',
    method: 'POST',
    url: (i) => `/api/regios/${i.regio}/menukaart/modulen`,
    // Each proposes for their own school (the region's own staff and others: for the vmbo school).
    payload: (actor, _i, m) => m.module({ aanbiederId: SCHOOL_OF[actor] === 'mbo' ? m.w.org.mbo : m.w.org.vmbo }),
    expected: statuses(403, { 'vmbo-beheerder': 201, 'vmbo-ontwikkelaar': 201, 'mbo-beheerder': 201, 'mbo-ontwikkelaar': 201, ...OUTSIDERS }),
  },
  { key: 'GET /api/regios/:regioId/menukaart/dashboard', method: 'GET', url: (i) => `/api/regios/${i.regio}/menukaart/dashboard`, expected: REGION_ONLY },
  { key: 'GET /api/menukaart/modulen/:moduleId', method: 'GET', url: (i) => `/api/menukaart/modulen/${i.module.lezen}`, expected: STAFF_READ },
  {
    key: 'PUT /api/menukaart/modulen/:moduleId',
    method: 'PUT',
    url: (i) => `/api/menukaart/modulen/${i.module.wijzigen}`,
    payload: async (_a, i, m) => ({ ...m.module({ titel: 'Matrix wijzigen' }), versie: (await versie(m, i.module.wijzigen!)).versie }),
    expected: statuses(403, { 'regio-beheerder': 200, 'vmbo-beheerder': 200, 'vmbo-ontwikkelaar': 200, ...PUPILS, ...OUTSIDERS }),
  },
  {
    key: 'POST /api/menukaart/modulen/:moduleId/besluit',
    method: 'POST',
    url: (i) => `/api/menukaart/modulen/${i.module.besluit}/besluit`,
    payload: async (_a, i, m) => {
      const v = await versie(m, i.module.besluit!);
      return { actie: v.status === 'gepubliceerd' ? 'intrekken' : 'publiceren', versie: v.versie };
    },
    expected: REGION_ONLY,
  },
  {
    key: 'PUT /api/menukaart/modulen/:moduleId/levenscyclus',
    method: 'PUT',
    url: (i) => `/api/menukaart/modulen/${i.module.levenscyclus}/levenscyclus`,
    payload: async (_a, i, m) => ({ versie: (await versie(m, i.module.levenscyclus!)).versie, laatsteReview: '2025-06-01' }),
    expected: REGION_ONLY,
  },
  {
    key: 'PUT /api/menukaart/modulen/:moduleId/examens',
    method: 'PUT',
    url: (i) => `/api/menukaart/modulen/${i.module.examens}/examens`,
    payload: (_a, _i, m) => ({ schooljaar: '2025-2026', schoolId: m.w.org.vmbo, aantal: 3 }),
    expected: statuses(403, { 'regio-beheerder': 200, 'vmbo-beheerder': 200, 'vmbo-ontwikkelaar': 200, 'vmbo-examencommissie': 200, ...OUTSIDERS }),
  },
  {
    key: 'POST /api/menukaart/modulen/:moduleId/intrekken',
    method: 'POST',
    url: (i) => `/api/menukaart/modulen/${i.module.intrekken}/intrekken`,
    // A fresh proposal per actor: a withdrawn one cannot be withdrawn again.
    payload: async (_a, i, m) => {
      const d = (await m.call('vmbo-ontwikkelaar', 'POST', `/api/regios/${i.regio}/menukaart/modulen`, m.module({ titel: 'Matrix intrekken' }), 201)).body;
      i.module.intrekken = d.id;
      return { versie: d.versie };
    },
    expected: statuses(403, { 'vmbo-beheerder': 200, 'vmbo-ontwikkelaar': 200, ...OUTSIDERS }),
  },
  { key: 'GET /api/menukaart/modulen/:moduleId/inschrijvingen', method: 'GET', url: (i) => `/api/menukaart/modulen/${i.module.lezen}/inschrijvingen`, expected: INSCHRIJVINGEN },
  {
    key: 'GET /api/menukaart/modulen/:moduleId/inschrijvingen/export',
    method: 'GET',
    url: (i) => `/api/menukaart/modulen/${i.module.lezen}/inschrijvingen/export?formaat=csv`,
    expected: INSCHRIJVINGEN,
  },
  { key: 'GET /api/publiek/menukaart/:slug', method: 'GET', url: () => '/api/publiek/menukaart/demo-regio-techniek?leerweg=BB', expected: statuses(200, {}) },
  { key: 'GET /api/publiek/menukaart/:slug/modulen/:module', method: 'GET', url: () => '/api/publiek/menukaart/demo-regio-techniek/modulen/kennismaken-met-installatietechniek', expected: statuses(200, {}) },
  { key: 'GET /api/publiek/menukaart/:slug/export', method: 'GET', url: () => '/api/publiek/menukaart/demo-regio-techniek/export?formaat=csv', expected: statuses(200, {}) },
];

describe.skipIf(!databaseAvailable)(`menukaart authorization matrix (${TEST_DB})`, () => {
  let m: MenukaartWorld;
  const ids: Ids = { regio: '', module: {} };

  beforeAll(async () => {
    m = await startMenukaartWorld();
    ids.regio = m.regio;
    for (const naam of ['lezen', 'wijzigen', 'besluit', 'levenscyclus', 'examens', 'concept']) {
      const d = (await m.call('vmbo-ontwikkelaar', 'POST', `/api/regios/${m.regio}/menukaart/modulen`, m.module({ titel: `Matrix ${naam}` }), 201)).body;
      if (naam !== 'concept') await m.call('regio-beheerder', 'POST', `/api/menukaart/modulen/${d.id}/besluit`, { actie: 'publiceren', versie: d.versie }, 200);
      ids.module[naam] = d.id;
    }
  }, 120_000);
  afterAll(async () => {
    await m?.close();
  });

  it('has one row per menukaart route the app registers', () => {
    const mine = registeredRoutes(m.w.app)
      .filter((r) => r.method !== 'HEAD' && /^\/api\/(menukaarten|regios\/:regioId\/menukaart|menukaart\/|publiek\/menukaart)/.test(r.url))
      .map((r) => `${r.method} ${r.url}`);
    expect(ROWS.map((r) => r.key).sort()).toEqual([...new Set(mine)].sort());
  });

  for (const row of ROWS) {
    it(`${row.key}: every actor gets the status of the rules`, async () => {
      const got: Partial<Statuses> = {};
      for (const actor of MENUKAART_ACTORS) {
        const payload = row.payload ? await row.payload(actor, ids, m) : undefined;
        got[actor] = (await m.call(actor, row.method, row.url(ids), payload)).status;
      }
      expect(got).toEqual(row.expected);
    });
  }

  it('keeps a proposal from other schools until it is published (404), while the region and the proposing school see it', async () => {
    const url = `/api/menukaart/modulen/${ids.module.concept}`;
    const got = Object.fromEntries(
      await Promise.all((['regio-beheerder', 'vmbo-ontwikkelaar', 'vmbo-decaan', 'mbo-beheerder', 'mbo-ontwikkelaar', 'regio-ontwikkelaar', 'foreign', 'anonymous'] as const).map(async (a) => [a, (await m.call(a, 'GET', url)).status])),
    );
    expect(got).toEqual({ 'regio-beheerder': 200, 'vmbo-ontwikkelaar': 200, 'vmbo-decaan': 200, 'mbo-beheerder': 404, 'mbo-ontwikkelaar': 404, 'regio-ontwikkelaar': 200, foreign: 404, anonymous: 401 });
    // Nor its enrolment list: the other schools learn nothing of it; the provider and the region see it.
    const lijst = Object.fromEntries(
      await Promise.all((['regio-beheerder', 'vmbo-decaan', 'vmbo-ontwikkelaar', 'mbo-beheerder', 'mbo-beoordelaar', 'foreign'] as const).map(async (a) => [a, (await m.call(a, 'GET', `${url}/inschrijvingen`)).status])),
    );
    expect(lijst).toEqual({ 'regio-beheerder': 200, 'vmbo-decaan': 200, 'vmbo-ontwikkelaar': 403, 'mbo-beheerder': 404, 'mbo-beoordelaar': 404, foreign: 404 });
    // Not on the public menukaart either.
    expect((await m.call('anonymous', 'GET', `/api/publiek/menukaart/demo-regio-techniek/modulen/${ids.module.concept}`)).status).toBe(404);
  });

  it('answers a module or region that does not exist as 404, like one of another region', async () => {
    const none = '00000000-0000-4000-8000-000000000000';
    expect((await m.call('regio-beheerder', 'GET', `/api/menukaart/modulen/${none}`)).status).toBe(404);
    expect((await m.call('regio-beheerder', 'GET', `/api/regios/${none}/menukaart`)).status).toBe(404);
    expect((await m.call('andere-regio-beheerder', 'GET', `/api/regios/${m.andereRegio}/menukaart`)).status).toBe(200);
    // A school is not a region.
    expect((await m.call('vmbo-beheerder', 'GET', `/api/regios/${m.w.org.vmbo}/menukaart`)).status).toBe(404);
  });
});
