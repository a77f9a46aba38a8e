/**
 * Security review (attacker helper): strangers get nothing, on every route, with real ids.
 *
 * The authorization matrices (authz-matrix and the files it delegates to) decide per route and per actor; this walk is
 * the safety net for the route nobody thought through: it takes every route of the app's OpenAPI document, fills its
 * path with the real ids of one school's world (samenwerking, leerroute, exam, cohort, pupil, assessment form, LOB
 * activity and share link, vrijstelling request, menukaart module) and sends it with a plausible body
 *  - as the beheerder of an unrelated school (who has every role there): no route may answer 2xx or 409 (a 409 tells
 *    that the thing exists); the routes of the public catalogue and the caller's own data are left out;
 *  - as another pupil of the same school: no route with an id of the first pupil's data may answer 2xx or 409.
 * A new route with an id in its path is walked without being listed here.
 */
import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessAll, createAssessableExam, vaststellen } from '../support/beoordeling-factory.js';
import { databaseAvailable, SKIP_NO_DB, TEST_DB } from '../support/db.js';
import { sample, type JsonSchema } from '../support/openapi-sample.js';
import { startExamenWorld, type ExamenWorld, type WorldActor } from '../support/examen-world.js';
import { maakActiviteit, maakDeellink, maakOnderdeel } from '../support/lob-factory.js';

interface Operation {
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  deprecated?: boolean;
}

const BY_NAME: Record<string, unknown> = { schooljaar: '2026-2027', datum: '2027-03-15', email: 'vreemde@ander.demo', crebo: '25282', code: 'K/PIE/16', leerlingnummer: '123456' };


/** Public by design (the catalogue, the public menukaart, the check of a result statement by its code, CASE). */
const PUBLIC = /^\/(api\/(vmbo|mbo|search|match(?!\/stemmen)|catalog|health|ready|publiek|verificatie|regels$)|ims\/)/;
/** The routes that end the walking session (they are about the caller only). */
const SELF_ENDING = new Set(['POST /api/auth/logout', 'DELETE /api/account']);

describe.skipIf(!databaseAvailable)(`strangers get nothing, on every route, with real ids (${TEST_DB})`, () => {
  if (!databaseAvailable) console.warn(`[tests] ${SKIP_NO_DB}`);
  let w: ExamenWorld;
  /** Real ids of the world by path parameter name. */
  let real: Record<string, string>;
  /** Path parameters whose real id is the first pupil's own data (for the walk as the other pupil). */
  const PUPIL_PARAMS = new Set(['beoordelingId', 'associationId', 'activiteitId', 'deellinkId', 'leerlingId', 'gebruikerId', 'cohortId', 'examenId']);

  beforeAll(async () => {
    w = await startExamenWorld();
    const exam = await createAssessableExam(w, { pupils: 2 });
    const forms = await assessAll(w, exam.examenId);
    await vaststellen(w, exam.examenId);
    const verzoek = (await w.call('leerling', 'POST', '/api/mijn/vrijstellingen', { beoordelingId: forms[0], organisatieId: w.org.mbo, opleiding: 'Technicus' }, 201)).body.id as string;
    const onderdeel = await maakOnderdeel(w);
    const activiteit = await maakActiviteit(w);
    const deellink = await maakDeellink(w);
    const regio = (await w.t.database.db.selectFrom('organisation').select('regio_id').where('id', '=', w.org.vmbo).executeTakeFirstOrThrow()).regio_id;
    const module = await w.t.database.db.selectFrom('menukaart_module').select('id').executeTakeFirst();
    real = {
      id: w.partnership,
      routeId: w.route,
      organisatieId: w.org.vmbo,
      examenId: exam.examenId,
      cohortId: exam.cohortId,
      leerlingId: exam.leerlingen[0]!.id,
      beoordelingId: forms[0]!,
      associationId: forms[0]!,
      gebruikerId: w.userId.leerling,
      onderdeelId: onderdeel.id,
      activiteitId: activiteit.id,
      deellinkId: deellink.deellink.id,
      ...(regio ? { regioId: regio } : {}),
      ...(module ? { moduleId: module.id } : {}),
    };
  });
  afterAll(async () => {
    await w?.t.close();
  });

  /** Every documented route with at least one path id of the world, as method, pattern, URL and body. */
  function requests(onlyParams?: Set<string>) {
    const doc = w.app.swagger() as { paths: Record<string, Record<string, Operation>> };
    const out: Array<{ route: string; inject: InjectOptions }> = [];
    for (const [pattern, operations] of Object.entries(doc.paths)) {
      if (PUBLIC.test(pattern)) continue;
      for (const [m, op] of Object.entries(operations)) {
        const method = m.toUpperCase();
        const route = `${method} ${pattern}`;
        if (op.deprecated || SELF_ENDING.has(route)) continue;
        const names = [...pattern.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!);
        if (!names.some((n) => n in real && (!onlyParams || onlyParams.has(n)))) continue;
        const url = pattern.replace(/\{(\w+)\}/g, (_x, n: string) => real[n] ?? randomUUID());
        const body = op.requestBody?.content?.['application/json']?.schema;
        out.push({ route, inject: { method: method as InjectOptions['method'], url, ...(body ? { payload: sample(body, { byName: BY_NAME, filler: 'vreemd' }) as InjectOptions['payload'] } : {}) } });
      }
    }
    return out;
  }

  async function leaks(actor: WorldActor, onlyParams?: Set<string>): Promise<{ walked: number; leaks: string[] }> {
    const list = requests(onlyParams);
    const found: string[] = [];
    for (const r of list) {
      const res = await w.app.inject({ ...r.inject, headers: w.as(actor) });
      if (res.statusCode < 300 || res.statusCode === 409) found.push(`${r.route}: ${res.statusCode} ${res.body.slice(0, 160)}`);
    }
    return { walked: list.length, leaks: found };
  }

  it('the world has the ids the walk needs', () => {
    expect(Object.keys(real)).toEqual(expect.arrayContaining(['regioId', 'moduleId']));
  });

  it("the beheerder of an unrelated school (every role there) gets no 2xx and no 409 on any route with the world's ids", async () => {
    const { walked, leaks: found } = await leaks('foreign');
    expect(walked).toBeGreaterThan(100);
    expect(found).toEqual([]);
  }, 60_000);

  it("another pupil of the same school gets no 2xx and no 409 on any route with an id of the first pupil's data", async () => {
    const { walked, leaks: found } = await leaks('andere-leerling', PUPIL_PARAMS);
    expect(walked).toBeGreaterThan(30);
    expect(found).toEqual([]);
  }, 60_000);
});
