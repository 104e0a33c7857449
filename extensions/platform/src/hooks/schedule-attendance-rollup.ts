import type { Knex } from 'knex';
import { runAttendanceRollup } from '../attendance/run-rollup';
import { scheduleJob, type SchedulerContext } from '../jobs/schedule';

/**
 * Runs the attendance roll-up on PLATFORM_ROLLUP_CRON in every server process (not in CLI runs).
 * Each replica ticks, but only the one that takes the database lease works; the others skip that
 * tick (see jobs/lease.ts), so several replicas behave as one scheduler.
 */
export function scheduleAttendanceRollup(action: Parameters<typeof scheduleJob>[0], context: SchedulerContext & { database: Knex }): void {
  scheduleJob(action, context, {
    name: 'attendance-rollup',
    cron: (config) => config.PLATFORM_ROLLUP_CRON,
    run: async (config) => {
      await runAttendanceRollup(context.database, config, { now: new Date() }, { waitMs: 0, log: (line) => context.logger.info(line) });
    },
  });
}
