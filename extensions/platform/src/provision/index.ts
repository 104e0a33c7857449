import { isSqlite } from '../db/values';
import { provisionAccess } from './access';
import { provisionCollections } from './collections';
import type { ProvisionContext } from './context';
import { provisionFlows } from './flows';
import { provisionInsights } from './insights';
import { MIGRATIONS, runMigrations } from './migrations';
import { provisionSettings } from './settings';
import { provisionTranslations } from './translations';

export type { ProvisionContext } from './context';

/**
 * Brings an empty or existing database to the platform's model, in a fixed order:
 * collections → relations → indexes → data migrations → roles/policies/permissions → flows → settings/bookmarks → studio
 * translation strings → Insights dashboard.
 * Every step but the migrations creates what is missing and leaves data alone; the migrations
 * (`migrations/`) move existing data to a new shape, each once per database, so running it twice changes nothing.
 */
export async function provision(ctx: ProvisionContext): Promise<void> {
  if (isSqlite(ctx.database)) {
    // Write-ahead logging: a commit is one sequential WAL append instead of a rollback journal
    // round trip, and readers (the studio, the H5) no longer block device ingest. Persistent in the file.
    await ctx.database.raw('PRAGMA journal_mode=WAL');
  }
  await provisionCollections(ctx);
  await runMigrations(ctx, MIGRATIONS);
  await provisionAccess(ctx);
  await provisionFlows(ctx);
  await provisionSettings(ctx);
  await provisionTranslations(ctx);
  await provisionInsights(ctx);
}
