/**
 * The layer rules of Doorlopend (issue 11, ADR 0012: docs/decisions/0012-layer-rules.md), checked by
 * dependency-cruiser on every import under src/. Run: `npm run lint:layers`; test/unit/architecture.test.ts runs the
 * same rules inside `npm test`, together with a scan for SQL that dependency-cruiser cannot see (method calls).
 *
 * An exception is a `pathNot` on the one file, with a comment saying why and until when (REPOSITORIES_READING_READ_MODELS,
 * ACCESS_NOT_YET_MOVED below).
 */

/** Node modules that do I/O (files, network, processes, threads): never in src/domain. node:crypto and node:zlib are pure computation. */
const NODE_IO_MODULES = [
  'fs', 'fs/promises', 'net', 'http', 'https', 'http2', 'dgram', 'dns', 'dns/promises', 'tls', 'child_process', 'cluster',
  'worker_threads', 'readline', 'repl', 'inspector', 'v8', 'vm', 'os', 'process', 'module', 'perf_hooks',
];
const nodeIo = `^(node:)?(${NODE_IO_MODULES.map((m) => m.replace('/', '\\/')).join('|')})$`;

// node_modules is matched as `(^|/)node_modules/` (not `^node_modules/`) so the rules also hold when the sources are
// cruised from another folder with the packages further up, as the rule examples in test/unit/architecture.test.ts are.

/** npm packages that open databases, serve HTTP, send mail or talk to identity providers. */
const SERVER_PACKAGES = '(^|/)node_modules/(kysely|pg|pg-[a-z-]+|@electric-sql/pglite|fastify|@fastify/[^/]+|fastify-[a-z-]+|nodemailer|openid-client|@node-rs/argon2)/';

/**
 * The modules whose access functions moved to src/server/access (issue 11). Their old paths keep a deprecated
 * re-export for work in progress; a use case of another feature imports them from src/server/access instead.
 */
const OLD_ACCESS_MODULES =
  '^src/server/use-cases/(auth/get-me|[^/]+/access|leerroutes/context|organisations/(organisations|without-beheerder)|catalog/upload-mbo-tabel)\\.ts$';

/**
 * Use cases that still import access from an old path because their owners are mid-work (issue 11). This list only
 * shrinks: an entry goes as soon as its file imports from src/server/access; nothing new is added. Each entry has a
 * comment saying whose work it waits for. test/unit/architecture.test.ts fails for an entry whose file no longer
 * imports an old path.
 */
const ACCESS_NOT_YET_MOVED = [
  // (none at the moment: every use case in the tree imports access from src/server/access)
];
/** An empty `pathNot` would match every path, so it is left out when the list is empty. */
const notYetMoved = (paths) => (paths.length > 0 ? { pathNot: paths } : {});

/**
 * Repositories that still read the catalogue read model: the read side of vmbo-catalog-repository (lists and look-ups
 * over the snapshot) moves to src/server/read-models once the catalogue paging work on list-keuzevakken and
 * selection (issue 12) is in; catalog-snapshot.ts is the deprecated re-export of read-models/catalogue-snapshot for work
 * in progress (issue 11). Until then these two may import src/server/read-models.
 */
const REPOSITORIES_READING_READ_MODELS = ['^src/server/repositories/vmbo-catalog-repository\\.ts$', '^src/server/repositories/catalog-snapshot\\.ts$'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles: a cycle means two modules are one unit, or a layer points back up.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'Every import resolves (a typo or a missing package is caught here and not at run time).',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },

    // ---- domain: pure ----
    {
      name: 'domain-not-to-outer-layers',
      severity: 'error',
      comment: 'src/domain is pure logic: it imports nothing of server, client or cli (it may use src/shared).',
      from: { path: '^src/domain/' },
      to: { path: '^src/(server|client|cli)/' },
    },
    {
      name: 'domain-no-node-io',
      severity: 'error',
      comment: 'src/domain does no I/O: no file system, network, processes or threads.',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['core'], path: nodeIo },
    },
    {
      name: 'domain-no-server-packages',
      severity: 'error',
      comment: 'src/domain knows no database (kysely, pg, PGlite), HTTP server (fastify), mail or identity provider.',
      from: { path: '^src/domain/' },
      to: { path: SERVER_PACKAGES },
    },

    // ---- shared: the API contract ----
    {
      name: 'shared-only-zod-and-shared',
      severity: 'error',
      comment: 'src/shared is the contract between client and server: it imports only zod and itself (not domain, not node).',
      from: { path: '^src/shared/' },
      to: { pathNot: ['^src/shared/', '(^|/)node_modules/zod/'] },
    },

    // ---- client: only through HTTP ----
    {
      name: 'client-only-client-shared-and-packages',
      severity: 'error',
      comment: 'src/client reaches the server only through HTTP: it imports src/client, src/shared and npm packages.',
      from: { path: '^src/client/' },
      to: { dependencyTypesNot: ['core'], pathNot: ['^src/client/', '^src/shared/', '(^|/)node_modules/'] },
    },
    {
      name: 'client-no-node-builtins',
      severity: 'error',
      comment: 'src/client runs in the browser: no node: modules.',
      from: { path: '^src/client/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'client-no-server-packages',
      severity: 'error',
      comment: 'src/client runs in the browser: no database, HTTP-server or mail packages.',
      from: { path: '^src/client/' },
      to: { path: SERVER_PACKAGES },
    },

    // ---- server: routes → use cases → repositories → database ----
    {
      name: 'routes-not-to-repositories',
      severity: 'error',
      comment: 'HTTP routes validate, call one use case and answer: they never use a repository.',
      from: { path: '^src/server/http/routes/' },
      to: { path: '^src/server/repositories/' },
    },
    {
      name: 'routes-not-to-read-models',
      severity: 'error',
      comment: 'HTTP routes never read a read model (catalogue snapshot, match index, leerroute doelen) themselves: the use case does.',
      from: { path: '^src/server/http/routes/' },
      to: { path: '^src/server/read-models/' },
    },
    {
      name: 'routes-not-to-database',
      severity: 'error',
      comment: 'HTTP routes never open or migrate the database (only the type of the db handle is allowed, see the next rule).',
      from: { path: '^src/server/http/routes/' },
      to: { path: '^src/server/db/', pathNot: '^src/server/db/schema\\.ts$' },
    },
    {
      name: 'routes-db-types-only',
      severity: 'error',
      comment:
        'HTTP routes pass the db handle on to use cases: `import type` of Kysely and of DB (db/schema.ts) only, ' +
        'erased at compile time. A value import (kysely\'s sql, a table) would be a query in a route.',
      from: { path: '^src/server/http/routes/' },
      to: { path: ['^src/server/db/schema\\.ts$', '(^|/)node_modules/kysely/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'sql-only-in-repositories-and-db',
      severity: 'error',
      comment:
        'Query building (kysely values: sql, expression builders) only in src/server/repositories and src/server/db. ' +
        'Elsewhere kysely is imported with `import type` (the db handle). Method calls (.selectFrom …) are checked by test/unit/architecture.test.ts.',
      from: { path: '^src/', pathNot: '^src/server/(repositories|db)/' },
      to: { path: '(^|/)node_modules/kysely/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'use-cases-not-to-http',
      severity: 'error',
      comment: 'Use cases do not know HTTP: no src/server/http, no fastify.',
      from: { path: '^src/server/use-cases/' },
      to: { path: ['^src/server/http/', '(^|/)node_modules/(fastify|@fastify/[^/]+|fastify-[a-z-]+)/'] },
    },
    {
      name: 'use-cases-do-not-open-database',
      severity: 'error',
      comment:
        'Use cases get the db handle passed in; they do not open a database, its dialect or its folder lock. ' +
        '(db/schema.ts gives the types; db/migrate.ts the list of known migrations, which readiness compares.)',
      from: { path: '^src/server/use-cases/' },
      to: { path: '^src/server/db/(database|pglite-dialect|lock)\\.ts$' },
    },
    {
      name: 'use-cases-access-from-server-access',
      severity: 'error',
      comment:
        'Use cases take access (AuthContext, requireAuth, authorizePartnership, authorizeOrganisation, openRoute, the ' +
        'platform rights) from src/server/access, never from another feature\'s use-case folder (the old paths are ' +
        'deprecated re-exports).',
      from: { path: '^src/server/use-cases/([^/]+)/', ...notYetMoved(ACCESS_NOT_YET_MOVED) },
      to: { path: OLD_ACCESS_MODULES, pathNot: '^src/server/use-cases/$1/' },
    },
    {
      name: 'use-cases-auth-context-from-server-access',
      severity: 'error',
      comment:
        'The AuthContext type comes from src/server/access/context.ts. use-cases/auth/session.ts only re-exports it ' +
        '(deprecated); other features import session functions from it (signing in), never the type.',
      from: { path: '^src/server/use-cases/', pathNot: ['^src/server/use-cases/auth/', ...ACCESS_NOT_YET_MOVED] },
      to: { path: '^src/server/use-cases/auth/session\\.ts$', dependencyTypes: ['type-only'] },
    },
    {
      name: 'access-not-up',
      severity: 'error',
      comment: 'src/server/access decides who may do what for every use case: it imports no use case, read model, route or HTTP module.',
      from: { path: '^src/server/access/' },
      to: { path: '^src/(server/(use-cases|http|read-models)|cli|client)/' },
    },
    {
      name: 'read-models-not-up',
      severity: 'error',
      comment: 'Read models (src/server/read-models) read through repositories; they import no use case, access module, route or HTTP module.',
      from: { path: '^src/server/read-models/' },
      to: { path: '^src/(server/(use-cases|http|access)|cli|client)/' },
    },
    {
      name: 'repositories-not-up',
      severity: 'error',
      comment: 'Nothing points back up: repositories import no use case, access module, read model, route or HTTP module.',
      from: { path: '^src/server/repositories/', pathNot: REPOSITORIES_READING_READ_MODELS },
      to: { path: '^src/(server/(use-cases|http|access|read-models)|cli|client)/' },
    },
    {
      name: 'server-not-to-client-or-cli',
      severity: 'error',
      comment: 'The server does not import the front end or the command line.',
      from: { path: '^src/server/' },
      to: { path: '^src/(client|cli)/' },
    },
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: { path: '\\.d\\.ts$' },
    tsConfig: { fileName: 'tsconfig.json' },
    // `import type` is seen (as dependency type 'type-only'), so the rules above can allow it where it is harmless.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
