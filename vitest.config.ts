import os from 'node:os';
import { defineConfig } from 'vitest/config';

const timeouts = { testTimeout: 60_000, hookTimeout: 120_000 };
// Integration and browser files reuse their worker's loaded modules (Fastify, the routes, PGlite, playwright-core)
// instead of importing them again per file: on 2 cores the integration-pglite tier took 426 s with isolation and
// 323 s without (import time 199 s → 17 s of worker time). Safe because every file builds its own app, database
// and browser; module-level state in src/ is either a cache keyed by database or immutable.
const shared = { isolate: false, ...timeouts };

export default defineConfig({
  test: {
    // No retries: a flaky test is a bug to fix, not to hide.
    retry: 0,
    // Three test files at a time on a 2-core machine (Vitest's default there is one: cores − 1). Most of an
    // integration file's time is spent waiting for PostgreSQL, a server process or a browser. Fresh-clone rehearsals
    // of `bash .ci/run` on 2 cores (before the templates and isolate false): two at a time 27.3 min, three 25.7 min;
    // CI allows 30. Browser files too: each starts its own app (own database, own port) and its own Chromium, so files
    // never meet.
    maxWorkers: Math.max(3, os.availableParallelism() - 1),
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration-pglite',
          include: ['test/integration/**/*.test.ts'],
          env: { TEST_DB: 'pglite' },
          // Migrated PGlite dumps made once per run (empty, demo catalogue, national data) that test databases start
          // from: skips PGlite's initdb and the repeated seed or import in every file (test/support/pglite-template.ts).
          globalSetup: ['test/support/pglite-template.ts'],
          ...shared,
        },
      },
      {
        test: {
          name: 'integration-postgres',
          include: ['test/integration/**/*.test.ts'],
          env: { TEST_DB: 'postgres' },
          // The same, as template databases on the PostgreSQL server (test/support/postgres-template.ts).
          globalSetup: ['test/support/postgres-template.ts'],
          ...shared,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          env: { TEST_DB: 'pglite' },
          globalSetup: ['test/support/pglite-template.ts'],
          ...shared,
        },
      },
    ],
  },
});
