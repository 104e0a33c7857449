import type { Knex } from 'knex';
import cron, { type ScheduledTask } from 'node-cron';
import { runAttendanceRollup } from '../attendance/run-rollup';
import { platformConfig } from '../config';

interface ActionRegistrar {
  (event: string, handler: () => void): void;
}

interface SchedulerContext {
  database: Knex;
  env: Record<string, unknown>;
  logger: { info: (message: string) => void; error: (object: unknown, message?: string) => void };
}

/**
 * Runs the attendance roll-up on PLATFORM_ROLLUP_CRON in every server process (not in CLI runs).
 * Each replica ticks, but only the one that takes the database lease works; the others skip that
 * tick (see jobs/lease.ts), so several replicas behave as one scheduler. node-cron's `noOverlap`
 * also keeps a slow run from stacking on itself within one process.
 */
export function scheduleAttendanceRollup(action: ActionRegistrar, context: SchedulerContext): void {
  let task: ScheduledTask | undefined;
  action('server.start', () => {
    const config = platformConfig(context.env);
    if (config.PLATFORM_ROLLUP_CRON === 'off') return;
    task = cron.schedule(
      config.PLATFORM_ROLLUP_CRON,
      async () => {
        try {
          await runAttendanceRollup(context.database, config, { now: new Date() }, { waitMs: 0, log: (line) => context.logger.info(line) });
        } catch (error) {
          context.logger.error(error, 'attendance roll-up failed');
        }
      },
      { name: 'attendance-rollup', noOverlap: true, timezone: config.PLATFORM_TIMEZONE },
    );
  });
  action('server.stop', () => {
    void task?.destroy();
  });
}
