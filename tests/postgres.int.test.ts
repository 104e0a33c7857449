/**
 * Provisioning, the demo city, project isolation, key posts and punch ingest again on a real PostgreSQL server.
 * `.ci/run` installs PostgreSQL from Debian packages and sets TEST_PG_URL; CI fails without it,
 * a developer machine without PostgreSQL skips this file.
 */
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bootPlatform, type BootedPlatform } from './support/platform';
import { openDatabase } from './support/db';
import { ingestSuite } from './support/ingest-suite';
import { isolationSuite } from './support/isolation-suite';
import { keyPostSuite } from './support/key-posts-suite';
import { provisioningSuite } from './support/provisioning-suite';

const url = process.env['TEST_PG_URL'];

if (!url) {
  test.runIf(process.env['CI'] === 'true')('CI provides TEST_PG_URL', () => {
    expect(url, 'CI must run the PostgreSQL suite: set TEST_PG_URL (see scripts/ci/setup-postgres.sh)').toBeTruthy();
  });
  test.skipIf(process.env['CI'] === 'true')('PostgreSQL suite skipped: TEST_PG_URL is not set', () => undefined);
} else {
  describe('on PostgreSQL', () => {
    let platform: BootedPlatform;
    let db: Knex;
    beforeAll(async () => {
      const reset = openDatabase({ DB_CLIENT: 'pg', DB_CONNECTION_STRING: url });
      await reset.raw('drop schema public cascade; create schema public;');
      await reset.destroy();
      platform = await bootPlatform({ seed: 'small', db: { DB_CLIENT: 'pg', DB_CONNECTION_STRING: url } });
      db = openDatabase(platform.env);
    });
    afterAll(async () => {
      await db?.destroy();
      await platform?.stop();
    });

    provisioningSuite(() => platform.env, () => db);
    isolationSuite('PostgreSQL', () => platform.baseUrl);
    keyPostSuite('PostgreSQL', () => platform.baseUrl, () => platform.env);
    ingestSuite('PostgreSQL', () => platform.baseUrl, () => db);
  });
}
