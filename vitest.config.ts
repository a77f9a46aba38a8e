import os from 'node:os';
import { defineConfig } from 'vitest/config';

const timeouts = { testTimeout: 60_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    // No retries: a flaky test is a bug to fix, not to hide.
    retry: 0,
    // Two test files at a time also on a 2-core machine (Vitest's default there is one: cores − 1). Most of an
    // integration file's time is spent waiting for PostgreSQL or for a server process, so two at once keep both cores
    // busy and bring the whole run within CI's 30 minutes. Browser files too: each starts its own app (own database, own
    // port) and its own Chromium, so two at once do not meet.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration-pglite',
          include: ['test/integration/**/*.test.ts'],
          env: { TEST_DB: 'pglite' },
          ...timeouts,
        },
      },
      {
        test: {
          name: 'integration-postgres',
          include: ['test/integration/**/*.test.ts'],
          env: { TEST_DB: 'postgres' },
          ...timeouts,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          env: { TEST_DB: 'pglite' },
          ...timeouts,
        },
      },
    ],
  },
});
