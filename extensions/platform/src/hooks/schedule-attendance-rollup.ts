import type { Knex } from 'knex';
import cron, { type ScheduledTask } from 'node-cron';
import { runLiveToday } from '../attendance/run-live-today';
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
 * Runs the attendance roll-up on PLATFORM_ROLLUP_CRON and the live refresh of today's figures on
 * PLATFORM_LIVE_TODAY_CRON in every server process (not in CLI runs). Each replica ticks, but only the
 * one that takes the job's database lease works; the others skip that tick (see jobs/lease.ts), so
 * several replicas behave as one scheduler. node-cron's `noOverlap` also keeps a slow run from
 * stacking on itself within one process.
 */
export function scheduleAttendanceRollup(action: ActionRegistrar, context: SchedulerContext): void {
  const tasks: ScheduledTask[] = [];
  action('server.start', () => {
    const config = platformConfig(context.env);
    const schedule = (expression: string, name: string, job: () => Promise<unknown>) => {
      if (expression === 'off') return;
      tasks.push(
        cron.schedule(
          expression,
          async () => {
            try {
              await job();
            } catch (error) {
              context.logger.error(error, `${name} failed`);
            }
          },
          { name, noOverlap: true, timezone: config.PLATFORM_TIMEZONE },
        ),
      );
    };
    schedule(config.PLATFORM_ROLLUP_CRON, 'attendance-rollup', () =>
      runAttendanceRollup(context.database, config, { now: new Date() }, { waitMs: 0, log: (line) => context.logger.info(line) }),
    );
    schedule(config.PLATFORM_LIVE_TODAY_CRON, 'attendance-live-today', () => runLiveToday(context.database, config, new Date()));
  });
  action('server.stop', () => {
    for (const task of tasks) void task.destroy();
  });
}
