/**
 * Security review (attacker helper): a user's mistake is a 4xx problem+json, never a 500, on every route.
 *
 * A walk over the app's own OpenAPI document (so a new route is in it without being listed here), signed in as the
 * vmbo beheerder of the examen world (the widest rights: beheerder of the school and platform beheerder), with real
 * ids where the path has one the world made (so requests get past "not found" into the use case). Per route:
 *  - every path parameter replaced by values that are no id or code (text, negative, huge, a zero UUID, %-encoded);
 *  - every query parameter with bad values, and unknown query parameters;
 *  - bodies that are no JSON object (malformed, an array, null, a string, very deep nesting);
 *  - a plausible body built from the schema, then each of its fields in turn replaced by a wrong type, an
 *    out-of-range number, a fraction, a 100,000-character string, an array or an object.
 * Every answer must be below 500, and every 4xx of /api must be problem+json. The CASE routes (/ims/case) answer a
 * refusal in the format their standard prescribes (imsx_StatusInfo), so only their status is checked.
 *
 * The session must survive the walk (the routes that end it or take away the beheerder's membership are left out,
 * each with its reason), else the walk would test nothing but 401s; the test checks that at the end.
 */
import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredRoutes } from '../../src/server/http/app.js';
import { createAssessableExam } from '../support/beoordeling-factory.js';
import { databaseAvailable, SKIP_NO_DB, TEST_DB } from '../support/db.js';
import { sample, type JsonSchema } from '../support/openapi-sample.js';
import { startExamenWorld, type ExamenWorld } from '../support/examen-world.js';

interface Operation {
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  deprecated?: boolean;
}

/** Routes the walk leaves out: they end the walking session or its membership (their bad input is covered elsewhere). */
const SKIPPED: Record<string, string> = {
  'POST /api/auth/logout': 'ends the session',
  'DELETE /api/account': 'deletes the account (a wrong password is checked in account-data.test.ts)',
  'POST /api/organisaties/{id}/verlaten': 'the beheerder leaves the organisation',
  'POST /api/organisaties/{id}/regio/verlaten': 'the school leaves its region',
  'DELETE /api/organisaties/{id}/leden/{gebruikerId}': 'removes a member',
  'DELETE /api/organisaties/{id}/leden/{gebruikerId}/rollen/{rol}': 'removes a role',
  'DELETE /api/regios/{regioId}/leden/{schoolId}': 'removes a school from its region',
};

/** Plausible values by field name, so that a sampled body passes validation and reaches the use case. */
const BY_NAME: Record<string, unknown> = {
  schooljaar: '2026-2027',
  datum: '2027-03-15',
  verlooptOp: '2027-03-15',
  geboortedatum: '2010-03-15',
  laatsteReview: '2026-09-01',
  email: 'fuzz@vmbo.demo',
  crebo: '25282',
  kwalificatie: '25282',
  brin: '12AB',
  brinVestiging: '12AB00',
  code: 'K/PIE/16',
  keuzevak: 'K/PIE/16',
  keuzedeel: 'K0072',
  item: 'keuzevak:K/PIE/16',
  leerlingnummer: '123456',
  werkprocesId: '25282:B1-K1-W1',
  issuer: 'https://idp.example.org',
  profiel: 'PIE',
  leerweg: 'BB',
};


/** Paths (property names, '0' for an array item) of every node of a JSON schema. */
function fieldPaths(schema: JsonSchema | undefined, prefix: string[] = []): string[][] {
  if (!schema) return [];
  const options = schema.anyOf ?? schema.oneOf ?? [schema];
  const object = options.find((o) => o.type === 'object' && o.properties);
  if (object) return [prefix, ...Object.entries(object.properties!).flatMap(([k, s]) => fieldPaths(s, [...prefix, k]))];
  const array = options.find((o) => o.type === 'array' && o.items);
  if (array) return [prefix, ...fieldPaths(array.items, [...prefix, '0'])];
  return [prefix];
}

function setAt(base: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (head === '0') {
    const arr = Array.isArray(base) ? [...base] : [];
    arr[0] = setAt(arr[0], rest, value);
    return arr;
  }
  const obj: Record<string, unknown> = base && typeof base === 'object' && !Array.isArray(base) ? { ...(base as Record<string, unknown>) } : {};
  obj[head!] = setAt(obj[head!], rest, value);
  return obj;
}

const HUGE = 'x'.repeat(100_000);
const FIELD_VALUES: unknown[] = [null, 1e308, -1, 1.5, 'abc', HUGE, [], {}];
const PARAM_VALUES = ['x', '-1', '99999999999999999999', '00000000-0000-0000-0000-000000000000', "'%20OR%201=1--", '..%2F..%2Fetc', 'a'.repeat(90), '%E2%82%AC'];
const QUERY_VALUES = ['', '-1', '1e308', '99999999999999999999', HUGE.slice(0, 4000), '2026-02-30'];
const RAW_BODIES = ['{', '[]', 'null', '"x"', '12', `{"a":${'['.repeat(2000)}${']'.repeat(2000)}}`];

describe.skipIf(!databaseAvailable)(`bad input on every route: 4xx problem+json, never 5xx (${TEST_DB})`, () => {
  if (!databaseAvailable) console.warn(`[tests] ${SKIP_NO_DB}`);
  let w: ExamenWorld;
  let real: Record<string, string>;

  beforeAll(async () => {
    w = await startExamenWorld();
    const exam = await createAssessableExam(w, { pupils: 2 });
    real = { id: w.partnership, routeId: w.route, organisatieId: w.org.vmbo, examenId: exam.examenId, cohortId: exam.cohortId, leerlingId: exam.leerlingen[0]!.id };
  });
  afterAll(async () => {
    await w?.t.close();
  });

  it('every /api route of the app is in the OpenAPI document the walk uses (the API documentation itself aside)', () => {
    const doc = w.app.swagger() as { paths: Record<string, Record<string, Operation>> };
    const documented = new Set(Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`)));
    const missing = registeredRoutes(w.app)
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD' && r.method !== 'OPTIONS')
      .map((r) => `${r.method} ${r.url}`)
      .filter((k) => !documented.has(k));
    expect(missing).toEqual([]);
  });

  it('answers every bad request below 500, and with problem+json under /api', async () => {
    const doc = w.app.swagger() as { paths: Record<string, Record<string, Operation>> };
    const headers = w.as('vmbo-beheerder');
    const failures = new Set<string>();
    let requests = 0;
    let reachedUseCase = 0;

    async function send(route: string, what: string, opts: { method: string; url: string; payload?: unknown; raw?: string }): Promise<number> {
      requests++;
      const inject: InjectOptions = {
        method: opts.method as InjectOptions['method'],
        url: opts.url,
        headers: opts.raw !== undefined ? { ...headers, 'content-type': 'application/json' } : headers,
        ...(opts.raw !== undefined ? { payload: opts.raw } : opts.payload !== undefined ? { payload: opts.payload as InjectOptions['payload'] } : {}),
      };
      const res = await w.app.inject(inject);
      const type = String(res.headers['content-type'] ?? '');
      if (res.statusCode >= 500) failures.add(`${route} ${what}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      else if (res.statusCode >= 400 && opts.url.startsWith('/api/') && !type.startsWith('application/problem+json')) failures.add(`${route} ${what}: ${res.statusCode} as ${type}`);
      return res.statusCode;
    }

    for (const [pattern, operations] of Object.entries(doc.paths)) {
      for (const [m, op] of Object.entries(operations)) {
        const method = m.toUpperCase();
        const route = `${method} ${pattern}`;
        // Old paths (ADR 11 aliases) run their new route's handler and schema.
        if (op.deprecated || route in SKIPPED) continue;
        const names = [...pattern.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!);
        const url = (over: Record<string, string> = {}) => pattern.replace(/\{(\w+)\}/g, (_x, n: string) => over[n] ?? real[n] ?? randomUUID());
        const hasBody = method !== 'GET' && method !== 'DELETE';
        const bodySchema = op.requestBody?.content?.['application/json']?.schema;

        for (const name of names) for (const v of PARAM_VALUES) await send(route, `path ${name}=${v.slice(0, 24)}`, { method, url: url({ [name]: v }), payload: hasBody ? {} : undefined });
        for (const q of (op.parameters ?? []).filter((p) => p.in === 'query')) {
          for (const v of QUERY_VALUES) await send(route, `query ${q.name}=${v.slice(0, 24)}`, { method, url: `${url()}?${q.name}=${encodeURIComponent(v)}` });
        }
        await send(route, 'unknown query parameters', { method, url: `${url()}?onbekend=1&limit=-5&offset=-1&pagina=0&sort[]=x` });
        if (!hasBody && method !== 'DELETE') continue;
        for (const raw of RAW_BODIES) await send(route, `body ${raw.slice(0, 12)}`, { method, url: url(), raw });
        if (!bodySchema) continue;
        const base = sample(bodySchema, { byName: BY_NAME, filler: 'fuzz' });
        const status = await send(route, 'sampled body', { method, url: url(), payload: base });
        if (status !== 400 && status !== 401) reachedUseCase++;
        for (const path of fieldPaths(bodySchema)) {
          for (const v of FIELD_VALUES) await send(route, `body ${path.join('.') || '(root)'}=${JSON.stringify(v).slice(0, 24)}`, { method, url: url(), payload: setAt(base, path, v) });
        }
      }
    }

    expect([...failures]).toEqual([]);
    expect(requests).toBeGreaterThan(3000);
    // The walk ran signed in, and sampled bodies got past validation into the use cases (not only 400s).
    expect((await w.app.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(200);
    expect(reachedUseCase).toBeGreaterThan(40);
    // A guard against a hang, not a speed check: the walk sends over 3,000 requests one after the other, which took
    // 108 s on PGlite beside the browser tier and 150 s with both integration tiers at once on a 2-core machine.
  }, 400_000);
});
