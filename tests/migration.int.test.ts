/**
 * The v1 → employment-owned-facts migration from the committed v1 demo city (see
 * support/migration-suite.ts): on SQLite always, on PostgreSQL when TEST_PG_URL is set (required in CI).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { openDatabase } from './support/db';
import { migrationSuite } from './support/migration-suite';

const FIXTURE = join(import.meta.dirname, 'fixtures/v1-city');

migrationSuite('SQLite', {
  dir: FIXTURE,
  db: (dataDir) => ({ DB_CLIENT: 'sqlite3', DB_FILENAME: join(dataDir, 'platform.db') }),
  load: async (dataDir) => writeFileSync(join(dataDir, 'platform.db'), gunzipSync(readFileSync(join(FIXTURE, 'platform.db.gz')))),
});

const url = process.env['TEST_PG_URL'];
if (!url) {
  test.runIf(process.env['CI'] === 'true')('CI provides TEST_PG_URL', () => {
    expect(url, 'CI must run the PostgreSQL migration: set TEST_PG_URL (see scripts/ci/setup-postgres.sh)').toBeTruthy();
  });
  test.skipIf(process.env['CI'] === 'true')('PostgreSQL migration skipped: TEST_PG_URL is not set', () => undefined);
} else {
  migrationSuite('PostgreSQL', {
    dir: join(FIXTURE, 'pg'),
    db: () => ({ DB_CLIENT: 'pg', DB_CONNECTION_STRING: url }),
    load: async () => {
      // pg_dump's plain SQL (INSERTs, no COPY) without psql's meta-commands, into an emptied schema.
      const sql = gunzipSync(readFileSync(join(FIXTURE, 'pg/platform.sql.gz')))
        .toString('utf8')
        .split('\n')
        .filter((line) => !line.startsWith('\\'))
        .join('\n');
      const db = openDatabase({ DB_CLIENT: 'pg', DB_CONNECTION_STRING: url });
      // node-postgres itself (not knex.raw, which would read `?` in the data as bindings); the dump creates the schema.
      const connection = await db.client.acquireConnection();
      try {
        await connection.query('drop schema if exists public cascade');
        await connection.query(sql);
      } finally {
        await db.client.releaseConnection(connection);
        await db.destroy();
      }
    },
  });
}
