/**
 * Authorization matrix of LOB and the loopbaandossier (issue 15): every route of src/server/http/routes/lob.ts
 * requested as every actor of the examen world, with the status asserted. The dossier is the pupil's: the pupil's own
 * routes answer only a leerling (both pupils have a dossier of their own; the other pupil's activity or link is 404);
 * the school's routes only its decaan (other staff of the school 403, the mbo partner, pupils and a third school 404);
 * forwarding a dossier is refused for all staff of the school (403) and unknown to everyone else (404); the share
 * link opens for anyone with the token, signed in or not. Anonymous: 401 everywhere but the share link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredRoutes } from '../../src/server/http/app.js';
import { databaseAvailable, TEST_DB } from '../support/db.js';
import { startExamenWorld, WORLD_ACTORS, type ExamenWorld, type WorldActor } from '../support/examen-world.js';
import { activiteit, deellink, maakActiviteit, maakDeellink, maakOnderdeel, onderdeel, oplegger } from '../support/lob-factory.js';

type Expect = Record<WorldActor, number>;
interface Ctx {
  onderdeelId: string;
  token: string;
}
interface Row {
  key: string;
  /** Builds the request for one actor (fresh data where the request changes it). */
  request: (w: ExamenWorld, ctx: Ctx, actor: WorldActor) => Promise<{ url: string; payload?: unknown }>;
  expect: Expect;
}

const STAFF = ['vmbo-beheerder', 'vmbo-ontwikkelaar', 'vmbo-examinator', 'vmbo-decaan', 'vmbo-examencommissie', 'mbo-beheerder', 'mbo-ontwikkelaar', 'mbo-beoordelaar', 'mbo-examencommissie', 'foreign'] as const;
/** The pupil's own routes: both pupils `ok`, every staff account 404 (no dossier of their own), anonymous 401. */
const pupil = (ok: number, andere = ok): Expect => ({ ...(Object.fromEntries(STAFF.map((a) => [a, 404])) as Record<(typeof STAFF)[number], number>), leerling: ok, 'andere-leerling': andere, anonymous: 401 });
const OUTSIDE = { 'mbo-beheerder': 404, 'mbo-ontwikkelaar': 404, 'mbo-beoordelaar': 404, 'mbo-examencommissie': 404, leerling: 404, 'andere-leerling': 404, foreign: 404, anonymous: 401 } as const;
/** The school's routes: only the decaan. */
const decaan = (ok: number): Expect => ({ 'vmbo-decaan': ok, 'vmbo-beheerder': 403, 'vmbo-ontwikkelaar': 403, 'vmbo-examinator': 403, 'vmbo-examencommissie': 403, ...OUTSIDE });
const EVERYONE_200 = Object.fromEntries(WORLD_ACTORS.map((a) => [a, 200])) as Expect;
const isPupil = (a: WorldActor): a is 'leerling' | 'andere-leerling' => a === 'leerling' || a === 'andere-leerling';

const ROWS: Row[] = [
  { key: 'GET /api/lob/mijn-dossier', request: async () => ({ url: '/api/lob/mijn-dossier' }), expect: pupil(200) },
  { key: 'GET /api/lob/mijn-dossier/wie-ziet', request: async () => ({ url: '/api/lob/mijn-dossier/wie-ziet' }), expect: pupil(200) },
  { key: 'POST /api/lob/mijn-dossier/activiteiten', request: async () => ({ url: '/api/lob/mijn-dossier/activiteiten', payload: activiteit() }), expect: pupil(201) },
  {
    key: 'PUT /api/lob/mijn-dossier/activiteiten/:activiteitId',
    request: async (w) => {
      const a = await maakActiviteit(w, 'leerling');
      return { url: `/api/lob/mijn-dossier/activiteiten/${a.id}`, payload: { ...activiteit({ titel: 'Gewijzigd' }), versie: a.versie } };
    },
    expect: pupil(200, 404),
  },
  {
    key: 'DELETE /api/lob/mijn-dossier/activiteiten/:activiteitId',
    request: async (w) => ({ url: `/api/lob/mijn-dossier/activiteiten/${(await maakActiviteit(w, 'leerling')).id}` }),
    expect: pupil(204, 404),
  },
  {
    key: 'PUT /api/lob/mijn-dossier/oplegger',
    request: async (w, _ctx, actor) => {
      const versie = isPupil(actor) ? ((await w.call(actor, 'GET', '/api/lob/mijn-dossier', undefined, 200)).body.oplegger?.versie ?? 0) : 0;
      return { url: '/api/lob/mijn-dossier/oplegger', payload: oplegger([], {}, versie) };
    },
    expect: pupil(200),
  },
  { key: 'POST /api/lob/mijn-dossier/deellinks', request: async () => ({ url: '/api/lob/mijn-dossier/deellinks', payload: deellink() }), expect: pupil(201) },
  {
    key: 'POST /api/lob/mijn-dossier/deellinks/:deellinkId/intrekken',
    request: async (w) => ({ url: `/api/lob/mijn-dossier/deellinks/${(await maakDeellink(w)).deellink.id}/intrekken` }),
    expect: pupil(200, 404),
  },
  { key: 'GET /api/lob/mijn-dossier/loopbaandossier.json', request: async () => ({ url: '/api/lob/mijn-dossier/loopbaandossier.json' }), expect: pupil(200) },
  { key: 'GET /api/lob/mijn-dossier/loopbaandossier.pdf', request: async () => ({ url: '/api/lob/mijn-dossier/loopbaandossier.pdf' }), expect: pupil(200) },
  { key: 'POST /api/lob/gedeeld', request: async (_w, { token }) => ({ url: '/api/lob/gedeeld', payload: { token } }), expect: EVERYONE_200 },
  { key: 'GET /api/lob/organisaties/:organisatieId/programma', request: async (w) => ({ url: `/api/lob/organisaties/${w.org.vmbo}/programma` }), expect: decaan(200) },
  { key: 'POST /api/lob/organisaties/:organisatieId/programma', request: async (w) => ({ url: `/api/lob/organisaties/${w.org.vmbo}/programma`, payload: onderdeel({ titel: 'Matrix' }) }), expect: decaan(201) },
  {
    key: 'PUT /api/lob/organisaties/:organisatieId/programma/:onderdeelId',
    request: async (w) => {
      const o = await maakOnderdeel(w, { titel: 'Matrix vers' });
      return { url: `/api/lob/organisaties/${w.org.vmbo}/programma/${o.id}`, payload: { ...onderdeel({ titel: 'Matrix gewijzigd' }), versie: o.versie } };
    },
    expect: decaan(200),
  },
  { key: 'GET /api/lob/organisaties/:organisatieId/leerlingen', request: async (w) => ({ url: `/api/lob/organisaties/${w.org.vmbo}/leerlingen` }), expect: decaan(200) },
  {
    key: 'GET /api/lob/organisaties/:organisatieId/leerlingen/:gebruikerId',
    request: async (w) => ({ url: `/api/lob/organisaties/${w.org.vmbo}/leerlingen/${w.userId.leerling}` }),
    expect: decaan(200),
  },
  {
    key: 'PUT /api/lob/organisaties/:organisatieId/leerlingen/:gebruikerId/onderdelen/:onderdeelId',
    request: async (w, { onderdeelId }) => ({ url: `/api/lob/organisaties/${w.org.vmbo}/leerlingen/${w.userId.leerling}/onderdelen/${onderdeelId}`, payload: { afgerond: true } }),
    expect: decaan(200),
  },
  {
    key: 'POST /api/lob/organisaties/:organisatieId/leerlingen/:gebruikerId/doorsturen',
    request: async (w) => ({ url: `/api/lob/organisaties/${w.org.vmbo}/leerlingen/${w.userId.leerling}/doorsturen` }),
    expect: { 'vmbo-decaan': 403, 'vmbo-beheerder': 403, 'vmbo-ontwikkelaar': 403, 'vmbo-examinator': 403, 'vmbo-examencommissie': 403, ...OUTSIDE },
  },
];

describe.skipIf(!databaseAvailable)(`LOB and the loopbaandossier: authorization matrix (${TEST_DB})`, () => {
  let w: ExamenWorld;
  let ctx: Ctx;
  beforeAll(async () => {
    w = await startExamenWorld();
    const onderdeelId = (await maakOnderdeel(w)).id;
    const a = await maakActiviteit(w, 'leerling', { titel: 'Geheime snuffelstage' });
    const { token } = await maakDeellink(w, { activiteitIds: [a.id] });
    ctx = { onderdeelId, token };
  }, 120_000);
  afterAll(async () => w?.close());

  it('has a row for every route of the feature', () => {
    const mine = registeredRoutes(w.app)
      .filter((r) => r.method !== 'HEAD' && r.url.startsWith('/api/lob'))
      .map((r) => `${r.method} ${r.url}`);
    expect(new Set(mine)).toEqual(new Set(ROWS.map((r) => r.key)));
  });

  for (const row of ROWS) {
    it.each(WORLD_ACTORS.map((a) => [a, row.expect[a]] as const))(`${row.key} as %s: %i`, async (actor, status) => {
      const [method, pattern] = row.key.split(' ') as [string, string];
      const r = await row.request(w, ctx, actor);
      expect(r.url.startsWith(pattern.split('/:')[0]!)).toBe(true);
      const res = await w.app.inject({ method: method as 'GET', url: r.url, headers: w.as(actor), ...(r.payload === undefined ? {} : { payload: r.payload as string }) });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
      // A refusal never shows anything of the pupil's dossier.
      if (status >= 400) expect(res.body).not.toMatch(/Geheime snuffelstage|werkplaats/);
    });
  }
});
