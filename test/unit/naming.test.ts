/**
 * ADR 11 (naming), step 1: domain words are Dutch in every layer. This test reads the routes the app registers and
 * the tables the migrations make, and fails on an English domain word in a path segment, a path parameter or a table
 * name, unless the name is on the allow-list below: today's names, each waiting for its step of ADR 11. A later step
 * removes its entries (an entry that no longer occurs fails too), so the list can only shrink and no new mixed name
 * can land.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp, registeredRoutes } from '../../src/server/http/app.js';
import { ALIASES, aliasOf } from '../../src/server/http/aliases.js';
import type { DB } from '../../src/server/db/schema.js';

/**
 * English words for things of the users' work (ADR 11, decision 1 and the "Now" column of decision 3), in their
 * singular form; plurals are found as well. Technical words (id, auth, sso, audit, status, import, …) are not here.
 */
const ENGLISH_DOMAIN_WORDS = [
  'organisation',
  'organization',
  'org',
  'partnership',
  'member',
  'membership',
  'invitation',
  'directory',
  'catalog',
  'catalogue',
  'search',
  'match',
  'inventory',
  'link',
  'unlinked',
  'review',
  'route',
  'user',
  'role',
];

/**
 * Names that wait for a step of ADR 11 (organisaties: done in step 2, the old paths are aliases). Path segments are named by the path up to and including the segment, path
 * parameters by `:name`, tables by `table name`.
 */
const ALLOW_LIST = [
  '/api/partnerships', // step 2 of ADR 11 (samenwerkingen)
  '/api/partnerships/:id/organisations', // step 2 of ADR 11 (samenwerkingen)
  ':orgId', // step 2 of ADR 11 (samenwerkingen)
  '/api/catalog', // step 2 of ADR 11 (catalogus en zoeken)
  '/api/search', // step 2 of ADR 11 (catalogus en zoeken)
  '/api/match', // step 2 of ADR 11 (zoekmonitor)
  ':organisationId', // step 2 of ADR 11 (path parameters)
  ':routeId', // step 2 of ADR 11 (path parameters)
  'table organisation', // step 4 of ADR 11
  'table organisation_sso', // step 4 of ADR 11
  'table partnership', // step 4 of ADR 11
  'table partnership_member', // step 4 of ADR 11
  'table membership', // step 4 of ADR 11
  'table invitation', // step 4 of ADR 11
  'table crosswalk_link', // step 4 of ADR 11
  'table crosswalk_unlinked', // step 4 of ADR 11
  'table crosswalk_review', // step 4 of ADR 11
];

/** Deliberate and lasting (ADR 11, decision 2): the account as stored is technical, as every library calls it. */
const DELIBERATE = ['table app_user'];

/** The words of a name: split at `-`, `_`, `.` and camelCase humps, in lower case. */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[-_.\s]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** The English domain word in `name` (singular or plural), if any. */
function englishDomainWord(name: string): string | undefined {
  for (const word of wordsOf(name)) {
    const hit = ENGLISH_DOMAIN_WORDS.find((w) => word === w || word === `${w}s` || word === `${w}es` || (w.endsWith('y') && word === `${w.slice(0, -1)}ies`));
    if (hit) return hit;
  }
  return undefined;
}

/** The offending names in a route pattern: the path up to each offending segment, and each offending `:parameter`. */
function offendingInRoute(url: string): string[] {
  const found: string[] = [];
  const segments = url.split('/');
  segments.forEach((segment, i) => {
    if (segment.startsWith(':')) {
      if (englishDomainWord(segment.slice(1))) found.push(segment);
    } else if (englishDomainWord(segment)) {
      found.push(segments.slice(0, i + 1).join('/'));
    }
  });
  return found;
}

const MIGRATIONS = path.resolve('src/server/db/migrations');

/**
 * The tables the migrations leave, in order: created, and renamed (`ALTER TABLE a RENAME TO b`) or dropped. Views
 * (the compatibility views of step 4 keep the old names on purpose, until step 5 drops them) are not tables.
 */
function tablesOfMigrations(sqlFiles: string[]): Set<string> {
  const tables = new Set<string>();
  for (const sql of sqlFiles) {
    const withoutComments = sql.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
    const statement = /\b(create\s+table(?:\s+if\s+not\s+exists)?\s+"?(\w+)"?|alter\s+table(?:\s+if\s+exists)?\s+"?(\w+)"?\s+rename\s+to\s+"?(\w+)"?|drop\s+table(?:\s+if\s+exists)?\s+"?(\w+)"?)/gi;
    for (const m of withoutComments.matchAll(statement)) {
      if (m[2]) tables.add(m[2].toLowerCase());
      else if (m[3] && m[4]) {
        tables.delete(m[3].toLowerCase());
        tables.add(m[4].toLowerCase());
      } else if (m[5]) tables.delete(m[5].toLowerCase());
    }
  }
  return tables;
}

describe('finding English domain words', () => {
  it('flags them in segments, parameters and table names, singular and plural, and leaves Dutch and technical words', () => {
    expect(offendingInRoute('/api/organisations/:id/members/:userId/rollen/:rol')).toEqual(['/api/organisations', '/api/organisations/:id/members', ':userId']);
    expect(offendingInRoute('/api/samenwerkingen/:id/partners/:organisatieId/accepteren')).toEqual([]);
    expect(offendingInRoute('/api/inventories/export')).toEqual(['/api/inventories']);
    expect(offendingInRoute('/api/leerroutes/:leerrouteId/pta.xlsx')).toEqual([]);
    expect(offendingInRoute('/api/zoekmonitor/uitlijning')).toEqual([]);
    expect(englishDomainWord('crosswalk_link')).toBe('link');
    expect(englishDomainWord('organisatie_sso')).toBeUndefined();
    expect(englishDomainWord('audit_log')).toBeUndefined();
  });
  it('follows renamed and dropped tables through the migrations', () => {
    expect([...tablesOfMigrations(['CREATE TABLE organisation (id uuid);', 'ALTER TABLE organisation RENAME TO organisatie; CREATE VIEW organisation AS SELECT * FROM organisatie;', 'drop table if exists oud;'])]).toEqual([
      'organisatie',
    ]);
  });
});

describe('names of routes and tables (ADR 11)', () => {
  let app: FastifyInstance;
  let found: Set<string>;
  beforeAll(async () => {
    // Routes are registered while the app is built; nothing here reaches a database.
    const db = new Kysely<DB>({
      dialect: {
        createAdapter: () => new PostgresAdapter(),
        createDriver: () => new DummyDriver(),
        createIntrospector: (k) => new PostgresIntrospector(k),
        createQueryCompiler: () => new PostgresQueryCompiler(),
      },
    });
    app = await buildApp({ db, mailSending: false });
    found = new Set<string>();
    // Old paths kept as aliases (src/server/http/aliases.ts) are listed there, and go in step 5 of ADR 11.
    const routes = registeredRoutes(app).filter((r) => r.url.startsWith('/api') && !aliasOf(r.url));
    expect(routes.length).toBeGreaterThan(50);
    for (const r of routes) for (const name of offendingInRoute(r.url)) found.add(name);
    const files = fs
      .readdirSync(MIGRATIONS)
      .filter((f) => f.endsWith('.sql'))
      .sort();
    expect(files.length).toBeGreaterThan(10);
    for (const table of tablesOfMigrations(files.map((f) => fs.readFileSync(path.join(MIGRATIONS, f), 'utf8')))) {
      if (englishDomainWord(table)) found.add(`table ${table}`);
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it('has no English domain word in a path segment, path parameter or table name outside the allow-list', () => {
    const allowed = new Set([...ALLOW_LIST, ...DELIBERATE]);
    expect([...found].filter((name) => !allowed.has(name)), 'English domain words: use the Dutch word of ADR 11 (docs/decisions/0011-naming.md)').toEqual([]);
  });

  it('renames to Dutch names: no alias leads to a name with an English domain word', () => {
    expect(ALIASES.flatMap((a) => offendingInRoute(a.to))).toEqual([]);
  });

  it('has no stale entries in the allow-list (a renamed name leaves the list)', () => {
    expect(ALLOW_LIST.filter((name) => !found.has(name)), 'remove these entries from ALLOW_LIST in test/unit/naming.test.ts').toEqual([]);
    expect(DELIBERATE.filter((name) => !found.has(name))).toEqual([]);
    expect(new Set(ALLOW_LIST).size).toBe(ALLOW_LIST.length);
  });
});
