/**
 * Versioned data migrations: the one step of provisioning that changes existing data. The rest of
 * provisioning only adds what is missing; when the model moves data (a column from one collection
 * to another), a migration here carries the existing rows over, once, in order.
 *
 * - Each migration has a stable id (`YYYY-MM-slug`, never renamed) and runs once per database,
 *   recorded in `platform_migrations`, an infrastructure table created like `platform_jobs`
 *   (plain knex, no Directus metadata: it does not count against the Core tier's collections).
 * - Each runs in one transaction together with its record: it is applied entirely or not at all.
 * - Each is idempotent (it checks the state it starts from), so a database already in the new
 *   shape (a fresh one) passes through it unchanged.
 * - One runner at a time across replicas and CLI processes (the `platform_jobs` lease).
 * - Same code on SQLite and PostgreSQL. On SQLite, rebuilding a table to drop a column needs
 *   foreign-key enforcement off (SQLite's documented ALTER TABLE procedure); it is switched off
 *   around the transaction only, and `PRAGMA foreign_key_check` must come back empty before commit.
 */
import type { Knex } from 'knex';
import { isSqlite } from '../../db/values';
import { withJobLease } from '../../jobs/lease';
import type { ProvisionContext } from '../context';

export const MIGRATION_TABLE = 'platform_migrations';

/** What a migration's `up` gets: the provisioning context with `database` being its transaction. */
export type MigrationContext = ProvisionContext;

export interface Migration {
  /** Stable, sortable id (`2026-12-employment-facts`); recorded when applied. */
  id: string;
  /** One line for the log and the record. */
  description: string;
  /** The change, in the transaction `ctx.database`. Must leave an already-migrated database unchanged. */
  up: (ctx: MigrationContext) => Promise<void>;
}

/** Creates the record table when missing; safe when two processes race to do it. */
export async function ensureMigrationTable(knex: Knex): Promise<void> {
  if (await knex.schema.hasTable(MIGRATION_TABLE)) return;
  try {
    await knex.schema.createTable(MIGRATION_TABLE, (table) => {
      table.string('id', 100).primary();
      table.string('description', 255).nullable();
      table.string('applied_at', 32).notNullable();
    });
  } catch (error) {
    if (!(await knex.schema.hasTable(MIGRATION_TABLE))) throw error;
  }
}

/** Ids of the migrations already applied to this database. */
export async function appliedMigrations(knex: Knex): Promise<Set<string>> {
  if (!(await knex.schema.hasTable(MIGRATION_TABLE))) return new Set();
  const rows: { id: string }[] = await knex(MIGRATION_TABLE).select('id');
  return new Set(rows.map((row) => row.id));
}

/**
 * Applies every migration of `migrations` not yet recorded, in order, each in its own transaction.
 * @example await runMigrations(ctx, MIGRATIONS);
 */
export async function runMigrations(ctx: ProvisionContext, migrations: readonly Migration[]): Promise<string[]> {
  const ids = migrations.map((migration) => migration.id);
  if (new Set(ids).size !== ids.length) throw new Error(`Duplicate migration ids: ${ids.join(', ')}`);
  await ensureMigrationTable(ctx.database);
  const outcome = await withJobLease(
    ctx.database,
    'platform-migrations',
    async () => {
      const done = await appliedMigrations(ctx.database);
      const ran: string[] = [];
      for (const migration of migrations) {
        if (done.has(migration.id)) continue;
        await applyOne(ctx, migration);
        ctx.log(`migration ${migration.id} applied: ${migration.description}`);
        ran.push(migration.id);
      }
      return ran;
    },
    // Another process migrating right now: wait for it (migrations of a large city take a while).
    { waitMs: 15 * 60_000, ttlMs: 5 * 60_000 },
  );
  if (!outcome.ran) throw new Error(`Migrations are held by ${outcome.heldBy ?? 'another process'}`);
  return outcome.result;
}

async function applyOne(ctx: ProvisionContext, migration: Migration): Promise<void> {
  const knex = ctx.database;
  const sqlite = isSqlite(knex);
  if (sqlite) await knex.raw('PRAGMA foreign_keys = OFF');
  try {
    await knex.transaction(async (trx) => {
      await migration.up({ ...ctx, database: trx });
      if (sqlite) {
        const dangling: unknown[] = await trx.raw('PRAGMA foreign_key_check');
        if (dangling.length) throw new Error(`Migration ${migration.id} left broken references: ${JSON.stringify(dangling.slice(0, 5))}`);
      }
      await trx(MIGRATION_TABLE).insert({ id: migration.id, description: migration.description.slice(0, 255), applied_at: new Date().toISOString() });
    });
  } finally {
    if (sqlite) await knex.raw('PRAGMA foreign_keys = ON');
  }
}
