/**
 * The layer rules (issue 11, ADR 0012), inside `npm test` and so in CI:
 *  1. dependency-cruiser with .dependency-cruiser.cjs over src/ finds no violation (the same run as `npm run lint:layers`);
 *  2. each rule bites: a small set of example files breaks every rule once, and exactly those breaks are reported;
 *  3. query building (kysely's sql tag, .selectFrom( .insertInto( .updateTable( .deleteFrom( …), which
 *     dependency-cruiser cannot see because these are method calls, appears only in src/server/repositories and
 *     src/server/db. A failure names file:line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CONFIG = join(root, '.dependency-cruiser.cjs');
const DEPCRUISE = join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

interface Violation {
  from: string;
  to: string;
  rule: { name: string; severity: string };
}

/** Runs the dependency-cruiser command line (as `npm run lint:layers` does) in `cwd` over its src/ and returns the violations. */
function cruise(cwd: string): Violation[] {
  const run = spawnSync(process.execPath, [DEPCRUISE, 'src', '--config', CONFIG, '--output-type', 'json'], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw run.error;
  let result: { summary: { violations: Violation[] } };
  try {
    result = JSON.parse(run.stdout) as typeof result;
  } catch {
    throw new Error(`dependency-cruiser gave no report (exit ${run.status}):\n${run.stderr}`);
  }
  return result.summary.violations;
}

const describeViolation = (v: Violation) => `${v.rule.name}: ${v.from} → ${v.to}`;

/** A cruise parses every source file with the TypeScript compiler: seconds, more on a busy machine. Not a timing bound. */
const CRUISE_TIMEOUT = 180_000;

describe('layer rules (dependency-cruiser, .dependency-cruiser.cjs)', () => {
  it('src/ breaks none of them', () => {
    const violations = cruise(root).map(describeViolation);
    expect(violations, `Layer rules broken (see docs/decisions/0012-layer-rules.md):\n${violations.join('\n')}`).toEqual([]);
  }, CRUISE_TIMEOUT);

  describe('every rule bites (example files in a temporary folder)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'doorlopend-layers-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    /** Minimal sources: each line comment says which rule the import breaks; imports without one are allowed. */
    const files: Record<string, string> = {
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true }, include: ['src'] }),
      'src/shared/roles.ts': `import { z } from 'zod';\nexport const Rol = z.enum(['beheerder']);\n`,
      'src/shared/contract.ts': [
        `import { Rol } from './roles.js';`,
        `import { pure } from '../domain/pure.js'; // shared-only-zod-and-shared`,
        `export const c = [Rol, pure];`,
      ].join('\n'),
      'src/domain/pure.ts': `import { createHash } from 'node:crypto';\nimport { Rol } from '../shared/roles.js';\nexport const pure = [createHash, Rol];\n`,
      'src/domain/io.ts': `import { readFileSync } from 'node:fs'; // domain-no-node-io\nexport const io = readFileSync;\n`,
      'src/domain/db.ts': `import { Kysely } from 'kysely'; // domain-no-server-packages, sql-only-in-repositories-and-db\nexport const db = Kysely;\n`,
      'src/domain/up.ts': `import { uc } from '../server/use-cases/uc.js'; // domain-not-to-outer-layers\nexport const up = uc;\n`,
      'src/client/page.ts': [
        `import { Rol } from '../shared/roles.js';`,
        `import { z } from 'zod';`,
        `import { uc } from '../server/use-cases/uc.js'; // client-only-client-shared-and-packages`,
        `import { pure } from '../domain/pure.js'; // client-only-client-shared-and-packages`,
        `import { join } from 'node:path'; // client-no-node-builtins`,
        `import type { Kysely } from 'kysely'; // client-no-server-packages`,
        `export type K = Kysely<object>;`,
        `export const page = [Rol, z, uc, pure, join];`,
      ].join('\n'),
      'src/server/db/schema.ts': `export interface DB { t: { id: string } }\n`,
      'src/server/db/database.ts': `import { Kysely, sql } from 'kysely';\nexport const open = [Kysely, sql];\n`,
      'src/server/repositories/repo.ts': [
        `import { sql, type Kysely } from 'kysely';`,
        `import type { DB } from '../db/schema.js';`,
        `import { uc } from '../use-cases/uc.js'; // repositories-not-up`,
        `export const find = (db: Kysely<DB>) => [db, sql, uc];`,
      ].join('\n'),
      'src/server/use-cases/uc.ts': [
        `import type { Kysely } from 'kysely';`,
        `import type { DB } from '../db/schema.js';`,
        `import type { FastifyInstance } from 'fastify'; // use-cases-not-to-http`,
        `import { open } from '../db/database.js'; // use-cases-do-not-open-database`,
        `import { pure } from '../../domain/pure.js';`,
        `export type F = FastifyInstance;`,
        `export const uc = (db: Kysely<DB>) => [db, open, pure];`,
      ].join('\n'),
      'src/server/use-cases/a.ts': `import { b } from './b.js'; // no-circular\nexport const a = () => b;\n`,
      // A cycle is reported once, at the module where the cruise meets it first.
      'src/server/use-cases/b.ts': `import { a } from './a.js';\nexport const b = () => a;\n`,
      'src/server/http/routes/route.ts': [
        `import type { Kysely } from 'kysely';`,
        `import type { DB } from '../../db/schema.js';`,
        `import { uc } from '../../use-cases/uc.js';`,
        `import { find } from '../../repositories/repo.js'; // routes-not-to-repositories`,
        `import { open } from '../../db/database.js'; // routes-not-to-database`,
        `import { sql } from 'kysely'; // routes-db-types-only, sql-only-in-repositories-and-db`,
        `import { ui } from '../../../client/ui.js'; // server-not-to-client-or-cli`,
        `import { gone } from '../../use-cases/does-not-exist.js'; // not-to-unresolvable`,
        `import { snap } from '../../read-models/snap.js'; // routes-not-to-read-models`,
        `import { allowed } from '../../access/ctx.js';`,
        `export const route = (db: Kysely<DB>) => [uc(db), find, open, sql, ui, gone, snap, allowed];`,
      ].join('\n'),
      // Read models read through repositories; access decides with the pure rules. Neither points up.
      'src/server/read-models/snap.ts': [
        `import { find } from '../repositories/repo.js';`,
        `import { uc } from '../use-cases/uc.js'; // read-models-not-up`,
        `export const snap = [find, uc];`,
      ].join('\n'),
      'src/server/access/ctx.ts': [
        `import { pure } from '../../domain/pure.js';`,
        `import { find } from '../repositories/repo.js';`,
        `import { uc } from '../use-cases/uc.js'; // access-not-up`,
        `export type AuthContext = { id: string };`,
        `export const allowed = [pure, find, uc];`,
      ].join('\n'),
      // Access from src/server/access; an old path (a deprecated re-export) only within its own feature.
      'src/server/use-cases/partnerships/access.ts': `export { allowed as authorizePartnership } from '../../access/ctx.js';\n`,
      'src/server/use-cases/partnerships/own.ts': `import { authorizePartnership } from './access.js';\nexport const own = authorizePartnership;\n`,
      'src/server/use-cases/auth/session.ts': `export type { AuthContext } from '../../access/ctx.js';\nexport const createSession = () => 'session';\n`,
      'src/server/use-cases/feature/x.ts': [
        `import type { AuthContext } from '../../access/ctx.js';`,
        `import { allowed } from '../../access/ctx.js';`,
        `import { snap } from '../../read-models/snap.js';`,
        `import { authorizePartnership } from '../partnerships/access.js'; // use-cases-access-from-server-access`,
        `import type { AuthContext as Old } from '../auth/session.js'; // use-cases-auth-context-from-server-access`,
        `export type A = AuthContext | Old;`,
        `export const x = [allowed, snap, authorizePartnership];`,
      ].join('\n'),
      'src/server/use-cases/feature/signs-in.ts': `import { createSession } from '../auth/session.js';\nexport const signsIn = createSession;\n`,
      'src/client/ui.ts': `export const ui = 'ui';\n`,
    };
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');

    const expected = Object.entries(files)
      .filter(([name]) => name.endsWith('.ts'))
      .flatMap(([name, content]) =>
        content.split('\n').flatMap((line) => {
          const rules = /\/\/ ([a-z-]+(?:, [a-z-]+)*)$/.exec(line)?.[1]?.split(', ') ?? [];
          return rules.map((rule) => `${rule}: ${name}`);
        }),
      )
      .sort();

    it('reports exactly the broken ones, and every rule of the configuration is among them', () => {
      const violations = cruise(dir);
      const found = violations.map((v) => `${v.rule.name}: ${v.from}`).sort();
      expect(found).toEqual(expected);
      const configured = (spawnSync(process.execPath, ['-e', `console.log(JSON.stringify(require(${JSON.stringify(CONFIG)}).forbidden.map((r) => r.name)))`], { encoding: 'utf8' }).stdout);
      const ruleNames = JSON.parse(configured) as string[];
      expect(new Set(violations.map((v) => v.rule.name))).toEqual(new Set(ruleNames));
    }, CRUISE_TIMEOUT);
  });
});

// ---- access from src/server/access: the allow-list only shrinks ----

describe('use cases that still import access from an old path (ACCESS_NOT_YET_MOVED in .dependency-cruiser.cjs)', () => {
  it('every file on the list still imports an old path (else remove it from the list)', () => {
    const configured = spawnSync(process.execPath, ['-e', `console.log(JSON.stringify(require(${JSON.stringify(CONFIG)}).forbidden.find((r) => r.name === 'use-cases-access-from-server-access')))`], { encoding: 'utf8' }).stdout;
    const rule = JSON.parse(configured) as { from: { pathNot?: string[] } };
    const oldImport = /from '\.\.\/(auth\/(get-me|session)|[^/']+\/access|leerroutes\/context|organisations\/(organisations|without-beheerder)|catalog\/upload-mbo-tabel)\.js'/;
    const clean = (rule.from.pathNot ?? [])
      .map((pattern) => pattern.replace(/^\^/, '').replace(/\$$/, '').replace(/\\\./g, '.'))
      .filter((name) => !oldImport.test(readFileSync(join(root, name), 'utf8')));
    expect(clean, 'No old access import left in these files: remove them from ACCESS_NOT_YET_MOVED in .dependency-cruiser.cjs').toEqual([]);
  });
});

// ---- SQL only in repositories and db ----

/** Where query building is allowed: the repositories (including the in-memory read model of the catalogue) and db. */
const SQL_ALLOWED = ['src/server/repositories/', 'src/server/db/'];

/**
 * Files that still hold queries, to be moved into repositories (issue 11). This list only shrinks: the test fails
 * for a file listed here that no longer has a query, so an entry is removed as soon as its file is clean.
 */
const SQL_NOT_YET_MOVED: Record<string, string> = {
  // (none: every query of src/server is in a repository, src/server/db or a read model's repository)
};

/** Query building with kysely: the sql tag and its helpers, and the query-starting methods of a db handle. */
const SQL_PATTERNS: ReadonlyArray<[string, RegExp]> = [
  ['sql tag', /\bsql\s*(<[^>]*>)?\s*`/],
  ['sql helper', /\bsql\.(raw|ref|table|id|lit|val|join|literal)\s*\(/],
  ['import of sql', /import\s*\{[^}]*\bsql\b[^}]*\}\s*from\s*['"]kysely['"]/],
  ['query', /\.(selectFrom|selectNoFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto|executeQuery)\s*\(/],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|cts|js|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Lines with query building, as "file:line (what): code"; comment lines are skipped. */
function sqlOutsideRepositories(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of sourceFiles(join(root, 'src'))) {
    const name = relative(root, file).split(sep).join('/');
    if (SQL_ALLOWED.some((prefix) => name.startsWith(prefix))) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const code = line.trim();
        if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return;
        for (const [what, pattern] of SQL_PATTERNS) {
          if (!pattern.test(line)) continue;
          found.set(name, [...(found.get(name) ?? []), `${name}:${i + 1} (${what}): ${code.slice(0, 140)}`]);
          break;
        }
      });
  }
  return found;
}

describe('SQL only in src/server/repositories and src/server/db', () => {
  const found = sqlOutsideRepositories();

  it('no query building anywhere else (file:line)', () => {
    const offending = [...found.entries()].filter(([name]) => !(name in SQL_NOT_YET_MOVED)).flatMap(([, lines]) => lines);
    expect(offending, `Move these queries into a repository (docs/decisions/0012-layer-rules.md):\n${offending.join('\n')}`).toEqual([]);
  });

  it('the list of files not yet moved only shrinks: every file on it still has a query', () => {
    const clean = Object.keys(SQL_NOT_YET_MOVED).filter((name) => !found.has(name));
    expect(clean, `No query left in these files: remove them from SQL_NOT_YET_MOVED in test/unit/architecture.test.ts`).toEqual([]);
  });

  it('the scan sees what it looks for', () => {
    const sample = [
      "const r = await db.selectFrom('partnership').select('naam').execute();",
      '  .insertInto(\'audit_log\')',
      "await trx.updateTable('app_user').set({ x: 1 }).execute();",
      "await db.deleteFrom('session').execute();",
      'await sql`SELECT pg_advisory_xact_lock(1)`.execute(trx);',
      "const t = sql<Date>`now()`;",
      "import { sql, type Kysely } from 'kysely';",
    ];
    for (const line of sample) expect(SQL_PATTERNS.some(([, p]) => p.test(line)), line).toBe(true);
    for (const line of ["import type { Kysely } from 'kysely';", 'const deleteFromList = (x: string[]) => x;', "const selectFrom = 'x';"]) {
      expect(SQL_PATTERNS.some(([, p]) => p.test(line)), line).toBe(false);
    }
  });
});
