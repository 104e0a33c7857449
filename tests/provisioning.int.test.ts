import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openDatabase } from './support/db';
import { provisioningSuite } from './support/provisioning-suite';

describe('provisioning on SQLite', () => {
  let db: Knex;
  beforeAll(() => {
    db = openDatabase(inject('platformEnv'));
  });
  afterAll(() => db.destroy());
  provisioningSuite(() => inject('platformEnv'), () => db);
});
