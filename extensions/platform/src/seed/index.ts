/**
 * `directus platform seed`: loads the deterministic demo city (seeds/demo-city.ts) into an empty
 * platform, with its demo logins, in one transaction, so a failed load leaves nothing behind.
 */
import { todayInShanghai } from '../../../../schema/rules/dates';
import { DEMO_BUREAU_ACTOR, DEMO_TABLES, generateDemoCity } from '../../../../seeds/demo-city';
import { localDayOf } from '../attendance/local-days';
import { runAttendanceRollup } from '../attendance/run-rollup';
import { platformConfig } from '../config';
import type { ProvisionContext } from '../provision/context';
import { DEMO_APPLICATION_NOS, ensureDemoUsers } from './demo-users';
import { insertCity } from './insert-city';
import { setDemoDeviceSecrets } from './demo-device-secrets';

export interface SeedOptions {
  /** About a hundred people and a week of punches instead of a thousand and five weeks. */
  small: boolean;
}

/** Loads the demo city unless one is already there; then makes sure the demo users exist. */
export async function seedDemoCity(ctx: ProvisionContext, options: SeedOptions): Promise<void> {
  const started = Date.now();
  const api = { services: ctx.services, database: ctx.database, getSchema: ctx.getSchema };
  const loaded = await ctx.database('projects').whereIn('application_no', DEMO_APPLICATION_NOS).first('id');
  if (loaded) {
    ctx.log('demo city already loaded');
    // A load that stopped before its users were made is completed here; existing users are left alone.
    await ctx.database.transaction((trx) => ensureDemoUsers(api, trx));
    return;
  }

  const clock = new Date();
  const city = generateDemoCity({ small: options.small, today: todayInShanghai(clock), now: clock.toISOString() });
  await ctx.database.transaction(async (trx) => {
    const inserted = await insertCity(trx, city);
    const bureauId = await ensureDemoUsers(api, trx);
    // The bureau's past decisions name the bureau user, as live decisions do.
    const projectIds = inserted.projects.map((row) => row['id'] as number);
    await trx('projects').whereIn('id', projectIds).whereNotNull('reviewed_at').update({ reviewed_by: bureauId });
    await trx('audit_log').whereIn('project', projectIds).where({ actor: DEMO_BUREAU_ACTOR }).update({ actor: bureauId });
    await setDemoDeviceSecrets(api, trx, inserted.devices);
  });

  // The city shows attendance at once: its punches are rolled up now (the scheduler keeps it current).
  // The CLI's environment is the process's (npm start, compose env_file), so PLATFORM_* are there.
  const firstPunch = city.punches[0]?.punched_at;
  await runAttendanceRollup(ctx.database, platformConfig(process.env), { now: clock, from: firstPunch ? localDayOf(firstPunch) : todayInShanghai(clock) }, { waitMs: 60_000, log: ctx.log });

  const counts = DEMO_TABLES.map((table) => `${table} ${city[table].length}`).join(', ');
  ctx.log(`demo city (${options.small ? 'small' : 'full'}) loaded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${counts}`);
}
