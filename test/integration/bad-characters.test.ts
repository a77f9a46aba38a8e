/**
 * Issue 10, finding 6: a NUL or a lone surrogate in a text field gave a 500 (PostgreSQL refuses NUL in text; invalid
 * UTF-16 cannot be encoded). Every string a request carries is now checked at the boundary (src/shared/text.ts):
 * a 400 problem+json that names the field, and nothing changes.
 *
 * Two parts: a table of real requests (otherwise valid) that reached the database before, checked with the database
 * unchanged; and a walk over the app's own OpenAPI document that sends a bad value in every string field of every
 * route, so a new route or field cannot forget the rule.
 */
import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCatalogue } from '../../src/server/demo/seed-demo.js';
import { databaseAvailable, SKIP_NO_DB, TEST_DB } from '../support/db.js';
import { asUser, signIn, startAccountsApp, type AccountsApp, type Session } from '../support/accounts.js';

const BAD = [
  ['NUL', 'Demo\u0000naam'],
  ['a lone surrogate', 'Demo\uD800naam'],
] as const;

/** Tables a refused request must leave as they were (rows as text, hashed). */
const TABLES = [
  'organisation',
  'vestiging',
  'partnership',
  'partnership_member',
  'app_user',
  'membership',
  'invitation',
  'password_reset',
  'organisation_sso',
  'leerroute',
  'leerroute_planning',
  'leerroute_toets',
  'leerroute_activiteit',
  'leerroute_materiaal',
  'leerroute_historie',
  'crosswalk_link',
  'crosswalk_unlinked',
  'crosswalk_review',
  'audit_log',
];

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { path: string; message: string }[];
}

describe.skipIf(!databaseAvailable)(`bad characters in requests (${TEST_DB})`, () => {
  if (!databaseAvailable) console.warn(`[tests] ${SKIP_NO_DB}`);
  let t: AccountsApp;
  let beheerder: Session;
  let ids: { org: string; vestiging: string; partnership: string; route: string; eindterm: string };

  async function fingerprint(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const table of TABLES) {
      const r = await sql<{ h: string }>`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM ${sql.table(table)} t`.execute(t.database.db);
      out[table] = r.rows[0]!.h;
    }
    return out;
  }

  beforeAll(async () => {
    t = await startAccountsApp();
    await seedDemoCatalogue(t.database.db);
    const db = t.database.db;
    const org = (await db.selectFrom('organisation').select('id').where('naam', '=', 'Demo Vmbo College').executeTakeFirstOrThrow()).id;
    const vestiging = (await db.selectFrom('vestiging').select('id').where('organisation_id', '=', org).executeTakeFirstOrThrow()).id;
    const partnership = (await db.selectFrom('partnership').select('id').where('naam', '=', 'Demo doorlopende leerroute techniek').executeTakeFirstOrThrow()).id;
    const eindterm = (await db.selectFrom('vmbo_item').select('id').where('kind', '=', 'eindterm').orderBy('code').executeTakeFirstOrThrow()).id;
    beheerder = await signIn(t.app, 'beheerder@vmbo.demo');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/partnerships/${partnership}/leerroutes`,
      headers: asUser(beheerder),
      payload: { naam: 'Route voor tekentests', type: 'doorlopend', vmbo: { profiel: 'PIE', leerweg: 'BB', keuzevakken: ['K/PIE/16'] }, mbo: { kwalificatie: '25282' } },
    });
    if (res.statusCode !== 201) throw new Error(`setup: ${res.statusCode} ${res.body}`);
    ids = { org, vestiging, partnership, route: (res.json() as { id: string }).id, eindterm };
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Requests that reached the database (or the encoder) with the bad value before the fix. `field` is the path named in the answer. */
  const ENDPOINTS: {
    name: string;
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    url: () => string;
    field: string;
    payload?: (bad: string) => object;
    signedIn?: boolean;
  }[] = [
    { name: 'organisation naam', method: 'PATCH', url: () => `/api/organisations/${ids.org}`, field: 'body.naam', payload: (bad) => ({ naam: bad }) },
    { name: 'new vestiging naam', method: 'POST', url: () => `/api/organisations/${ids.org}/vestigingen`, field: 'body.naam', payload: (bad) => ({ naam: bad }) },
    { name: 'vestiging naam', method: 'PATCH', url: () => `/api/organisations/${ids.org}/vestigingen/${ids.vestiging}`, field: 'body.naam', payload: (bad) => ({ naam: bad }) },
    { name: 'new samenwerking naam', method: 'POST', url: () => '/api/partnerships', field: 'body.naam', payload: (bad) => ({ naam: bad, organisatieId: ids.org }) },
    { name: 'samenwerking naam', method: 'PATCH', url: () => `/api/partnerships/${ids.partnership}`, field: 'body.naam', payload: (bad) => ({ naam: bad }) },
    {
      name: 'new leerroute naam',
      method: 'POST',
      url: () => `/api/partnerships/${ids.partnership}/leerroutes`,
      field: 'body.naam',
      payload: (bad) => ({ naam: bad, type: 'doorlopend', vmbo: { profiel: 'PIE', leerweg: 'BB', keuzevakken: ['K/PIE/16'] }, mbo: { kwalificatie: '25282' } }),
    },
    {
      name: 'toets omschrijving',
      method: 'POST',
      url: () => `/api/leerroutes/${ids.route}/toetsen`,
      field: 'body.omschrijving',
      payload: (bad) => ({ leerjaar: 3, periode: 1, toetscode: 'T1', naam: 'Toets', omschrijving: bad, vorm: 'schriftelijk', soort: 'formatief' }),
    },
    { name: 'activiteit titel', method: 'POST', url: () => `/api/leerroutes/${ids.route}/activiteiten`, field: 'body.titel', payload: (bad) => ({ leerjaar: 3, periode: 1, titel: bad }) },
    { name: 'materiaal omschrijving', method: 'POST', url: () => `/api/leerroutes/${ids.route}/materialen`, field: 'body.omschrijving', payload: (bad) => ({ leerjaar: 3, periode: 1, titel: 'Boek', soort: 'methode', omschrijving: bad }) },
    {
      name: 'toelichting bij niet koppelen',
      method: 'PUT',
      url: () => `/api/partnerships/${ids.partnership}/crosswalk/niet-gekoppeld`,
      field: 'body.toelichting',
      payload: (bad) => ({ itemId: ids.eindterm, bewustNietGekoppeld: true, toelichting: bad }),
    },
    {
      name: 'toelichting bij een koppeling',
      method: 'PUT',
      url: () => `/api/partnerships/${ids.partnership}/crosswalk/koppelingen`,
      field: 'body.toelichting',
      payload: (bad) => ({ eindtermId: ids.eindterm, werkprocesId: '25282:B1-K1-W1', actie: 'toevoegen', relatie: 'gelijk', toelichting: bad }),
    },
    { name: 'SSO client id', method: 'PUT', url: () => `/api/organisations/${ids.org}/sso`, field: 'body.clientId', payload: (bad) => ({ issuer: 'https://login.example.org', clientId: bad, enabled: false }) },
    { name: 'organisation directory search', method: 'GET', url: () => '/api/organisations/directory?q=Demo%00naam', field: 'querystring.q' },
    { name: 'catalogue search', method: 'GET', url: () => '/api/search?q=las%00sen', field: 'querystring.q', signedIn: false },
    { name: 'kwalificaties search', method: 'GET', url: () => '/api/mbo/kwalificaties?q=zorg%00', field: 'querystring.q', signedIn: false },
    { name: 'zoekmonitor free text', method: 'GET', url: () => '/api/match?tekst=lassen%00en%20solderen', field: 'querystring.tekst', signedIn: false },
    { name: 'sign-in e-mail', method: 'POST', url: () => '/api/auth/login', field: 'body.email', payload: (bad) => ({ email: `${bad}@vmbo.demo`, wachtwoord: 'demo-wachtwoord' }), signedIn: false },
    { name: 'sign-in password', method: 'POST', url: () => '/api/auth/login', field: 'body.wachtwoord', payload: (bad) => ({ email: 'beheerder@vmbo.demo', wachtwoord: bad }), signedIn: false },
    { name: 'password reset e-mail', method: 'POST', url: () => '/api/auth/wachtwoord-vergeten', field: 'body.email', payload: (bad) => ({ email: `x${bad}@vmbo.demo` }), signedIn: false },
    { name: 'invitation name', method: 'POST', url: () => '/api/auth/uitnodiging-accepteren', field: 'body.naam', payload: (bad) => ({ token: 'abc', naam: bad, wachtwoord: 'een-lang-wachtwoord' }), signedIn: false },
  ];

  const cases = ENDPOINTS.flatMap((e) => (e.payload ? BAD.map(([label, bad]) => ({ ...e, label, bad })) : [{ ...e, label: 'NUL', bad: '' }]));

  it.each(cases)('$name ($method, $label): 400 problem+json naming $field, nothing changed', async ({ method, url, field, payload, bad, signedIn }) => {
    const before = await fingerprint();
    const res = await t.app.inject({ method, url: url(), headers: signedIn === false ? {} : asUser(beheerder), ...(payload ? { payload: payload(bad) } : {}) });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = res.json() as Problem;
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors).toContainEqual({ path: field, message: expect.stringMatching(/^bevat (een NUL-teken \(U\+0000\)|een ongeldig teken) op positie \d+/) });
    expect(problem.detail).toContain(field);
    expect(await fingerprint()).toEqual(before);
  });

  it('refuses a materiaal link that is not http(s), with a Dutch message', async () => {
    for (const url of ['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd']) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/leerroutes/${ids.route}/materialen`,
        headers: asUser(beheerder),
        payload: { leerjaar: 3, periode: 1, titel: 'Link', soort: 'digitaal', url },
      });
      expect(res.statusCode).toBe(400);
      expect((res.json() as Problem).errors).toContainEqual({ path: 'body.url', message: 'geen geldige link: alleen een volledig adres dat begint met http:// of https://' });
    }
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/leerroutes/${ids.route}/materialen`,
      headers: asUser(beheerder),
      payload: { leerjaar: 3, periode: 1, titel: 'Link', soort: 'digitaal', url: 'https://example.org/les' },
    });
    expect(ok.statusCode).toBe(201);
  });

  it('refuses an SSO issuer that is not http(s)', async () => {
    const res = await t.app.inject({ method: 'PUT', url: `/api/organisations/${ids.org}/sso`, headers: asUser(beheerder), payload: { issuer: 'javascript:alert(1)', clientId: 'x', enabled: false } });
    expect(res.statusCode).toBe(400);
    expect((res.json() as Problem).errors).toContainEqual({ path: 'body.issuer', message: 'geen geldige link: alleen een volledig adres dat begint met http:// of https://' });
  });

  it('the catalogue upload refuses an unknown encoding in its query', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/beheer/import/tabel?bestandsnaam=keuzedelen.csv&encoding=ebcdic',
      headers: { ...asUser(beheerder), 'content-type': 'text/csv' },
      payload: 'code,titel,sbu\nK0008,Basismanagement,240\n',
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as Problem).errors?.[0]?.path).toBe('querystring.encoding');
  });

  describe('every string field of every route (from the OpenAPI document)', () => {
    /**
     * Inline schemas in routes (the SSO callback, /api/mbo/dossiers, the templates, the PTA exports) have no shared
     * schema with tekst(); the text guard of every /api request (http/text-guard.ts) covers them and path parameters.
     */
    const PATH_VALUES: Record<string, string> = { slug: 'K-PIE-16', crebo: '25282', code: 'K0072', bestand: 'kwalificaties.csv', rol: 'ontwikkelaar' };

    interface JsonSchema {
      type?: string;
      properties?: Record<string, JsonSchema>;
      items?: JsonSchema;
      anyOf?: JsonSchema[];
    }
    interface Operation {
      parameters?: { in: string; name: string; schema?: JsonSchema }[];
      requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
    }

    /** Paths (property names, 0 for an array item) of every string in a JSON schema. */
    function stringLeaves(schema: JsonSchema | undefined, prefix: string[] = []): string[][] {
      if (schema === undefined) return [];
      const options = schema.anyOf ?? [schema];
      if (options.some((o) => o.type === 'string')) return [prefix];
      const object = options.find((o) => o.type === 'object' && o.properties);
      if (object) return Object.entries(object.properties!).flatMap(([key, sub]) => stringLeaves(sub, [...prefix, key]));
      const array = options.find((o) => o.type === 'array' && o.items);
      return array ? stringLeaves(array.items, [...prefix, '0']) : [];
    }

    function build(leaf: string[], value: string): unknown {
      if (leaf.length === 0) return value;
      const [head, ...rest] = leaf;
      return head === '0' ? [build(rest, value)] : { [head!]: build(rest, value) };
    }

    interface FieldCase {
      route: string;
      part: 'body' | 'querystring' | 'params';
      field: string;
      label: string;
      inject: { method: string; url: string; payload?: unknown };
    }

    function fieldCases(): FieldCase[] {
      const doc = (t.app as unknown as { swagger(): { paths: Record<string, Record<string, Operation>> } }).swagger();
      const out: FieldCase[] = [];
      for (const [pattern, operations] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(operations)) {
          // Old paths (ADR 11 aliases) run their new route's handler and schema: the new route is walked here, and
          // the authorization matrix checks that every alias answers as its target.
          if ((op as { deprecated?: boolean }).deprecated) continue;
          const route = `${method.toUpperCase()} ${pattern}`;
          const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
          const url = (override: Record<string, string> = {}) =>
            pattern.replace(/\{(\w+)\}/g, (_m, name: string) => override[name] ?? PATH_VALUES[name] ?? randomUUID());
          for (const leaf of stringLeaves(op.requestBody?.content?.['application/json']?.schema)) {
            for (const [label, bad] of BAD) out.push({ route, part: 'body', field: ['body', ...leaf].join('.'), label, inject: { method: method.toUpperCase(), url: url(), payload: build(leaf, bad) } });
          }
          for (const p of (op.parameters ?? []).filter((q) => q.in === 'query' && stringLeaves(q.schema).length > 0)) {
            out.push({ route, part: 'querystring', field: `querystring.${p.name}`, label: 'NUL', inject: { method: method.toUpperCase(), url: `${url()}?${p.name}=a%00b` } });
          }
          for (const name of pathParams) {
            out.push({ route, part: 'params', field: `params.${name}`, label: 'NUL', inject: { method: method.toUpperCase(), url: url({ [name]: 'a%00b' }) } });
          }
        }
      }
      return out;
    }

    it('answers 400 naming the field for a bad value in each of them (no 500 anywhere)', async () => {
      const cases = fieldCases();
      expect(cases.length).toBeGreaterThan(100);
      const failures: string[] = [];
      for (const c of cases) {
        const res = await t.app.inject({ ...c.inject, headers: asUser(beheerder) } as InjectOptions);
        if (res.statusCode >= 500) {
          failures.push(`${c.route} ${c.field} (${c.label}): ${res.statusCode}`);
          continue;
        }
        const problem = res.json() as Problem;
        if (res.statusCode !== 400 || !problem.errors?.some((e) => e.path === c.field)) {
          failures.push(`${c.route} ${c.field} (${c.label}): ${res.statusCode} ${JSON.stringify(problem.errors ?? problem.detail)}`);
        }
      }
      expect(failures).toEqual([]);
    });
  });
});
