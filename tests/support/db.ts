import knex, { type Knex } from 'knex';
import type { Env } from '../../scripts/lib/directus.ts';

/**
 * A knex connection to the platform's database, for assertions on what was stored.
 * @example const db = openDatabase(env); await db('punches').count();
 */
export function openDatabase(env: Env): Knex {
  if (env['DB_CLIENT'] === 'pg') return knex({ client: 'pg', connection: env['DB_CONNECTION_STRING'] ?? '', pool: { min: 0, max: 2 } });
  return knex({ client: 'sqlite3', connection: { filename: env['DB_FILENAME']! }, useNullAsDefault: true, pool: { min: 0, max: 1 } });
}

/** Number of rows in `table`. */
export async function countRows(db: Knex, table: string): Promise<number> {
  const [row] = await db(table).count({ n: '*' });
  return Number(row?.['n'] ?? 0);
}
