/**
 * The data migrations, in the order they run (append only: a migration's id and place never change
 * once released). See `run-migrations.ts` for the rules and README.md for how to write one.
 */
import { employmentFacts } from './2026-12-employment-facts';
import type { Migration } from './run-migrations';

export { runMigrations, type Migration } from './run-migrations';

export const MIGRATIONS: readonly Migration[] = [employmentFacts];
