/**
 * Authorization matrix of the vrijstelling routes (issue 14): every route × every actor of the examen world, with
 * the status each must get. The pupil's own routes (/api/mijn/…) answer every signed-in account with its own data
 * (staff have none) and 404 for another pupil's result; the decision routes belong to the examencommissie of the
 * receiving instelling (others in it 403, everyone else 404: the other school, a third school, pupils); the
 * verification of a code is public. test/integration/authz-matrix.test.ts counts a route as listed when its key is
 * written here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { registeredRoutes } from '../../src/server/http/app.js';
import { databaseAvailable, TEST_DB } from '../support/db.js';
import { startExamenWorld, WORLD_ACTORS, type ExamenWorld, type WorldActor } from '../support/examen-world.js';
import { vastgesteldResultaat, type ResultaatFixture } from '../support/vrijstelling-factory.js';

interface Ids {
  besluit: ResultaatFixture;
  aanvraag: ResultaatFixture;
  ander: ResultaatFixture;
  verzoekId: string;
  mbo: string;
}

interface Row {
  key: string;
  request: (ids: Ids) => { method: InjectOptions['method']; url: string; payload?: unknown };
  expect: Record<WorldActor, number>;
}

/** Every actor gets `status`, except the ones named. */
const all = (status: number, except: Partial<Record<WorldActor, number>> = {}): Record<WorldActor, number> =>
  Object.fromEntries(WORLD_ACTORS.map((a) => [a, except[a] ?? status])) as Record<WorldActor, number>;

const EXAMENCOMMISSIE_ONTVANGER = all(404, { 'mbo-examencommissie': 200, 'mbo-beheerder': 403, 'mbo-ontwikkelaar': 403, 'mbo-beoordelaar': 403, anonymous: 401 });

const ROWS: Row[] = [
  { key: 'GET /api/mijn/resultaten', request: () => ({ method: 'GET', url: '/api/mijn/resultaten' }), expect: all(200, { anonymous: 401 }) },
  {
    key: 'GET /api/mijn/resultaten/:beoordelingId/resultaatverklaring.pdf',
    request: (ids) => ({ method: 'GET', url: `/api/mijn/resultaten/${ids.besluit.beoordelingId}/resultaatverklaring.pdf` }),
    expect: all(404, { leerling: 200, anonymous: 401 }),
  },
  { key: 'GET /api/mijn/vrijstellingen', request: () => ({ method: 'GET', url: '/api/mijn/vrijstellingen' }), expect: all(200, { anonymous: 401 }) },
  {
    key: 'POST /api/mijn/vrijstellingen',
    request: (ids) => ({ method: 'POST', url: '/api/mijn/vrijstellingen', payload: { beoordelingId: ids.aanvraag.beoordelingId, organisatieId: ids.mbo, opleiding: 'Monteur mechatronica' } }),
    expect: all(404, { leerling: 201, anonymous: 401 }),
  },
  { key: 'GET /api/mijn/leerroutes', request: () => ({ method: 'GET', url: '/api/mijn/leerroutes' }), expect: all(200, { anonymous: 401 }) },
  { key: 'GET /api/mijn/mbo-instellingen', request: () => ({ method: 'GET', url: '/api/mijn/mbo-instellingen' }), expect: all(200, { anonymous: 401 }) },
  { key: 'GET /api/organisaties/:id/vrijstellingen', request: (ids) => ({ method: 'GET', url: `/api/organisaties/${ids.mbo}/vrijstellingen` }), expect: EXAMENCOMMISSIE_ONTVANGER },
  { key: 'GET /api/vrijstellingen/:id', request: (ids) => ({ method: 'GET', url: `/api/vrijstellingen/${ids.verzoekId}` }), expect: EXAMENCOMMISSIE_ONTVANGER },
  {
    key: 'POST /api/vrijstellingen/:id/besluit',
    request: (ids) => ({ method: 'POST', url: `/api/vrijstellingen/${ids.verzoekId}/besluit`, payload: { besluit: 'toegekend', versie: 1 } }),
    expect: EXAMENCOMMISSIE_ONTVANGER,
  },
  // Public: anyone, signed in or not, checks a genuine code.
  { key: 'GET /api/verificatie/:code', request: (ids) => ({ method: 'GET', url: `/api/verificatie/${ids.besluit.verificatiecode}` }), expect: all(200) },
];

describe.skipIf(!databaseAvailable)(`vrijstelling authorization matrix (${TEST_DB})`, () => {
  let w: ExamenWorld;
  let ids: Ids;

  beforeAll(async () => {
    w = await startExamenWorld();
    const besluit = await vastgesteldResultaat(w, { pupil: 'leerling' });
    const aanvraag = await vastgesteldResultaat(w, { pupil: 'leerling' });
    const ander = await vastgesteldResultaat(w, { pupil: 'andere-leerling' });
    const verzoekId = (await w.call('leerling', 'POST', '/api/mijn/vrijstellingen', { beoordelingId: besluit.beoordelingId, organisatieId: w.org.mbo, opleiding: 'Technicus' }, 201)).body.id as string;
    ids = { besluit, aanvraag, ander, verzoekId, mbo: w.org.mbo };
  }, 120_000);
  afterAll(async () => {
    await w?.close();
  });

  // (Other features add their own /api/mijn/… routes, with rows in their own matrix files.)
  it('has a row for every route of the pupil view (results, requests, leerroutes), the decision and the verification', () => {
    const mine = registeredRoutes(w.app)
      .filter((r) => r.method !== 'HEAD' && (/^\/api\/(mijn\/(resultaten|vrijstellingen|mbo-instellingen|leerroutes)|vrijstellingen|verificatie)(\/|$)/.test(r.url) || r.url === '/api/organisaties/:id/vrijstellingen'))
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(mine).toEqual(ROWS.map((r) => r.key).sort());
  });

  for (const row of ROWS) {
    it(`${row.key}: every actor gets its status`, async () => {
      const got: Partial<Record<WorldActor, number>> = {};
      for (const actor of WORLD_ACTORS) {
        const { method, url, payload } = row.request(ids);
        got[actor] = (await w.call(actor, method, url, payload)).status;
      }
      expect(got).toEqual(row.expect);
    });
  }

  it('another pupil gets 404 for the pupil result, and sees none of it in their own lists', async () => {
    await w.call('andere-leerling', 'GET', `/api/mijn/resultaten/${ids.besluit.beoordelingId}/resultaatverklaring.pdf`, undefined, 404);
    await w.call('andere-leerling', 'POST', '/api/mijn/vrijstellingen', { beoordelingId: ids.besluit.beoordelingId, organisatieId: ids.mbo, opleiding: 'X' }, 404);
    const mijn = (await w.call('andere-leerling', 'GET', '/api/mijn/resultaten', undefined, 200)).body;
    expect(JSON.stringify(mijn)).not.toContain(ids.besluit.beoordelingId);
    expect(mijn.leerlingen.map((l: { id: string }) => l.id)).toEqual([ids.ander.leerlingId]);
    expect((await w.call('andere-leerling', 'GET', '/api/mijn/vrijstellingen', undefined, 200)).body.verzoeken).toEqual([]);
    // The pupil's own result of the other pupil is theirs alone.
    await w.call('leerling', 'GET', `/api/mijn/resultaten/${ids.ander.beoordelingId}/resultaatverklaring.pdf`, undefined, 404);
  });

  it('a third school sees nothing of the requests (404), and its own examencommissie sees only its own (none)', async () => {
    await w.call('foreign', 'GET', `/api/vrijstellingen/${ids.verzoekId}`, undefined, 404);
    await w.call('foreign', 'GET', `/api/organisaties/${ids.mbo}/vrijstellingen`, undefined, 404);
    const eigen = (await w.call('foreign', 'GET', `/api/organisaties/${w.org.foreign}/vrijstellingen`, undefined, 200)).body;
    expect(eigen.verzoeken).toEqual([]);
  });

  it('an unknown verification code is 404 for everyone, an unknown request id 404 even for the examencommissie', async () => {
    for (const actor of WORLD_ACTORS) expect((await w.call(actor, 'GET', '/api/verificatie/AAAA-AAAA-AAAA')).status).toBe(404);
    await w.call('mbo-examencommissie', 'GET', '/api/vrijstellingen/00000000-0000-4000-8000-000000000000', undefined, 404);
  });
});
