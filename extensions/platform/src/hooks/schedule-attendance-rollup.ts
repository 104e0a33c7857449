import type { Knex } from 'knex';
import { ROLLUP_JOB, runAttendanceRollup } from '../attendance/run-rollup';
import { platformConfig } from '../config';
import { scheduleLeasedJob, type JobLogger } from '../jobs/schedule-leased-job';

interface ActionRegistrar {
  (event: string, handler: () => void): void;
}

interface SchedulerContext {
  database: Knex;
  env: Record<string, unknown>;
  logger: JobLogger;
}

/**
 * Runs the attendance roll-up on PLATFORM_ROLLUP_CRON, once per tick across all replicas
 * (jobs/schedule-leased-job.ts).
 */
export function scheduleAttendanceRollup(action: ActionRegistrar, context: SchedulerContext): void {
  const config = () => platformConfig(context.env);
  scheduleLeasedJob(action, context.logger, {
    name: ROLLUP_JOB,
    cron: () => config().PLATFORM_ROLLUP_CRON,
    timezone: () => config().PLATFORM_TIMEZONE,
    run: async (tick) => {
      const report = await runAttendanceRollup(context.database, config(), { now: new Date() }, { waitMs: 0, tick: tick.getTime(), log: (line) => context.logger.info(line) });
      if (!report.ran) return { ran: false, heldBy: report.heldBy ?? null, ...(report.alreadyRan ? { alreadyRan: true } : {}) };
      return { ran: true, summary: `${report.projects} projects, ${report.days} project-days` };
    },
  });
}
