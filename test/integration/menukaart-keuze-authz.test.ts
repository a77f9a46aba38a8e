/**
 * Authorization matrix of the pupil's programme (issue 15): every route of src/server/http/routes/keuze.ts requested
 * as every actor of the examen world, with the status asserted. The pupil's own routes answer only a leerling (the
 * other pupil's choice is 404); the school's choices only its decaan (other staff of the school 403; the mbo partner,
 * pupils and a third school 404); the school's settings: read by its staff, written by decaan and beheerder; an mbo
 * instelling's admission requirements: read by its staff, written by its beheerder. Anonymous: 401 everywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredRoutes } from '../../src/server/http/app.js';
import type { ModuleDetail } from '../../src/shared/menukaart-api.js';
import { databaseAvailable, TEST_DB } from '../support/db.js';
import { WORLD_ACTORS, type WorldActor } from '../support/examen-world.js';
import { startMenukaartWorld, type MenukaartWorld } from '../support/menukaart-factory.js';

type Expect = Record<WorldActor, number>;
interface Row {
  key: string;
  /** Builds the request for one actor (fresh data where the request changes it). */
  request: (m: MenukaartWorld, actor: WorldActor) => Promise<{ url: string; payload?: unknown }>;
  expect: Expect;
}

const STAFF = ['vmbo-beheerder', 'vmbo-ontwikkelaar', 'vmbo-examinator', 'vmbo-decaan', 'vmbo-examencommissie', 'mbo-beheerder', 'mbo-ontwikkelaar', 'mbo-beoordelaar', 'mbo-examencommissie', 'foreign'] as const;
/** The pupil's own routes: both pupils `ok`, every staff account 404 (not a pupil), anonymous 401. */
const pupil = (ok: number, andere = ok): Expect => ({ ...(Object.fromEntries(STAFF.map((a) => [a, 404])) as Record<(typeof STAFF)[number], number>), leerling: ok, 'andere-leerling': andere, anonymous: 401 });
const MBO_OUT = { 'mbo-beheerder': 404, 'mbo-ontwikkelaar': 404, 'mbo-beoordelaar': 404, 'mbo-examencommissie': 404 } as const;
const VMBO_OUT = { 'vmbo-beheerder': 404, 'vmbo-ontwikkelaar': 404, 'vmbo-examinator': 404, 'vmbo-decaan': 404, 'vmbo-examencommissie': 404 } as const;
const OUT = { leerling: 404, 'andere-leerling': 404, foreign: 404, anonymous: 401 } as const;
const decaan = (ok: number): Expect => ({ 'vmbo-decaan': ok, 'vmbo-beheerder': 403, 'vmbo-ontwikkelaar': 403, 'vmbo-examinator': 403, 'vmbo-examencommissie': 403, ...MBO_OUT, ...OUT });

let n = 0;
/** A fresh published module and a schooljaar of its own, so no limit per period or capacity gets in the way. */
async function verseModule(m: MenukaartWorld): Promise<{ id: string; schooljaar: string }> {
  const d = (await m.call('vmbo-ontwikkelaar', 'POST', `/api/regios/${m.regio}/menukaart/modulen`, m.module({ titel: `Matrixmodule ${++n}`, capaciteit: 100 }), 201)).body as ModuleDetail;
  await m.call('regio-beheerder', 'POST', `/api/menukaart/modulen/${d.id}/besluit`, { actie: 'publiceren', versie: d.versie }, 200);
  return { id: d.id, schooljaar: `${2040 + n}-${2041 + n}` };
}
async function keuzeVanLeerling(m: MenukaartWorld): Promise<string> {
  const mod = await verseModule(m);
  return (await m.call('leerling', 'POST', '/api/keuze/mijn', { moduleId: mod.id, schooljaar: mod.schooljaar }, 201)).body.id as string;
}
const CREBO = '25282';

const ROWS: Row[] = [
  { key: 'GET /api/keuze/mijn', request: async () => ({ url: '/api/keuze/mijn' }), expect: pupil(200) },
  {
    key: 'POST /api/keuze/mijn',
    request: async (m) => {
      const mod = await verseModule(m);
      return { url: '/api/keuze/mijn', payload: { moduleId: mod.id, schooljaar: mod.schooljaar } };
    },
    expect: pupil(201),
  },
  { key: 'POST /api/keuze/mijn/:keuzeId/intrekken', request: async (m) => ({ url: `/api/keuze/mijn/${await keuzeVanLeerling(m)}/intrekken` }), expect: pupil(200, 404) },
  { key: 'GET /api/keuze/organisaties/:organisatieId/keuzes', request: async (m) => ({ url: `/api/keuze/organisaties/${m.w.org.vmbo}/keuzes` }), expect: decaan(200) },
  {
    key: 'POST /api/keuze/organisaties/:organisatieId/keuzes/:keuzeId/besluit',
    request: async (m) => ({ url: `/api/keuze/organisaties/${m.w.org.vmbo}/keuzes/${await keuzeVanLeerling(m)}/besluit`, payload: { besluit: 'goedkeuren', versie: 1 } }),
    expect: decaan(200),
  },
  {
    key: 'GET /api/keuze/organisaties/:organisatieId/instellingen',
    request: async (m) => ({ url: `/api/keuze/organisaties/${m.w.org.vmbo}/instellingen` }),
    expect: { 'vmbo-decaan': 200, 'vmbo-beheerder': 200, 'vmbo-ontwikkelaar': 200, 'vmbo-examinator': 200, 'vmbo-examencommissie': 200, ...MBO_OUT, ...OUT },
  },
  {
    key: 'PUT /api/keuze/organisaties/:organisatieId/instellingen',
    request: async (m) => {
      const versie = (await m.call('vmbo-decaan', 'GET', `/api/keuze/organisaties/${m.w.org.vmbo}/instellingen`, undefined, 200)).body.versie as number;
      return { url: `/api/keuze/organisaties/${m.w.org.vmbo}/instellingen`, payload: { modulesPerPeriode: 4, deadlines: {}, versie } };
    },
    expect: { 'vmbo-decaan': 200, 'vmbo-beheerder': 200, 'vmbo-ontwikkelaar': 403, 'vmbo-examinator': 403, 'vmbo-examencommissie': 403, ...MBO_OUT, ...OUT },
  },
  {
    key: 'GET /api/keuze/organisaties/:organisatieId/toelatingseisen',
    request: async (m) => ({ url: `/api/keuze/organisaties/${m.w.org.mbo}/toelatingseisen` }),
    expect: { 'mbo-beheerder': 200, 'mbo-ontwikkelaar': 200, 'mbo-beoordelaar': 200, 'mbo-examencommissie': 200, ...VMBO_OUT, ...OUT },
  },
  {
    key: 'PUT /api/keuze/organisaties/:organisatieId/toelatingseisen/:crebo',
    request: async (m) => {
      const eisen = (await m.call('mbo-beheerder', 'GET', `/api/keuze/organisaties/${m.w.org.mbo}/toelatingseisen`, undefined, 200)).body.eisen as Array<{ crebo: string; versie: number }>;
      return { url: `/api/keuze/organisaties/${m.w.org.mbo}/toelatingseisen/${CREBO}`, payload: { tekst: 'Een intakegesprek.', versie: eisen.find((e) => e.crebo === CREBO)?.versie ?? 0 } };
    },
    expect: { 'mbo-beheerder': 200, 'mbo-ontwikkelaar': 403, 'mbo-beoordelaar': 403, 'mbo-examencommissie': 403, ...VMBO_OUT, ...OUT },
  },
  {
    key: 'DELETE /api/keuze/organisaties/:organisatieId/toelatingseisen/:crebo',
    request: async (m) => {
      const url = `/api/keuze/organisaties/${m.w.org.mbo}/toelatingseisen/${CREBO}`;
      const eisen = (await m.call('mbo-beheerder', 'GET', `/api/keuze/organisaties/${m.w.org.mbo}/toelatingseisen`, undefined, 200)).body.eisen as Array<{ crebo: string }>;
      if (!eisen.some((e) => e.crebo === CREBO)) await m.call('mbo-beheerder', 'PUT', url, { tekst: 'Een intakegesprek.', versie: 0 }, 200);
      return { url };
    },
    expect: { 'mbo-beheerder': 204, 'mbo-ontwikkelaar': 403, 'mbo-beoordelaar': 403, 'mbo-examencommissie': 403, ...VMBO_OUT, ...OUT },
  },
];

describe.skipIf(!databaseAvailable)(`The pupil's programme: authorization matrix (${TEST_DB})`, () => {
  let m: MenukaartWorld;
  beforeAll(async () => {
    m = await startMenukaartWorld();
  }, 120_000);
  afterAll(async () => m?.close());

  it('has a row for every route of the feature', () => {
    const mine = registeredRoutes(m.w.app)
      .filter((r) => r.method !== 'HEAD' && r.url.startsWith('/api/keuze'))
      .map((r) => `${r.method} ${r.url}`);
    expect(new Set(mine)).toEqual(new Set(ROWS.map((r) => r.key)));
  });

  for (const row of ROWS) {
    it.each(WORLD_ACTORS.map((a) => [a, row.expect[a]] as const))(`${row.key} as %s: %i`, async (actor, status) => {
      const [method, pattern] = row.key.split(' ') as [string, string];
      const r = await row.request(m, actor);
      expect(r.url.startsWith(pattern.split('/:')[0]!)).toBe(true);
      const res = await m.w.app.inject({ method: method as 'GET', url: r.url, headers: m.w.as(actor), ...(r.payload === undefined ? {} : { payload: r.payload as string }) });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
    });
  }
});
