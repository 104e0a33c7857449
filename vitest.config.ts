import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * `npm test` runs three projects:
 * - unit: pure logic, co-located `*.test.ts`;
 * - integration: `*.int.test.ts` against a real Directus on SQLite (booted once by the global
 *   setup) plus the PostgreSQL suite when TEST_PG_URL is set (CI sets it);
 * - browser: `tests/e2e/*.e2e.test.ts`, the H5 in a real headless Chromium against the same server;
 * - cluster: `tests/cluster/*.cluster.test.ts` against the production topology (`npm run cluster`:
 *   PostgreSQL, Redis, two replicas, nginx) started once by its own global setup; required when
 *   CI=true, skipped with one loud line when the Debian packages are missing.
 */
export default defineConfig({
  test: {
    projects: [
      {
        // The H5's own `@/…` imports, for unit tests of its pages' helpers.
        resolve: { alias: { '@': fileURLToPath(new URL('./web-h5/src', import.meta.url)) } },
        test: {
          name: 'unit',
          include: ['schema/**/*.test.ts', 'seeds/**/*.test.ts', 'scripts/**/*.test.ts', 'extensions/platform/src/**/*.test.ts', 'web-h5/src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/**/*.int.test.ts', 'tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          // One shared server and database: files run one after another.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'cluster',
          include: ['tests/cluster/**/*.cluster.test.ts'],
          globalSetup: ['tests/cluster/global-setup.ts'],
          // One cluster, and faults (a killed replica, a restarted Redis) must not overlap.
          fileParallelism: false,
          // Its own group, after the unit tests and never beside an integration file: two replicas,
          // PostgreSQL and a stream of terminals would compete with them for the two cores.
          sequence: { groupOrder: 1 },
          testTimeout: 240_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
