import { defineConfig } from 'vitest/config';

/**
 * `npm test` runs three projects:
 * - unit: pure logic, co-located `*.test.ts`;
 * - integration: `*.int.test.ts` against a real Directus on SQLite (booted once by the global
 *   setup) plus the PostgreSQL suite when TEST_PG_URL is set (CI sets it);
 * - browser: `tests/e2e/*.e2e.test.ts`, the H5 in a real headless Chromium against the same server.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['schema/**/*.test.ts', 'seeds/**/*.test.ts', 'extensions/platform/src/**/*.test.ts', 'agent/src/**/*.test.ts', 'web-h5/src/**/*.test.ts'],
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
    ],
  },
});
