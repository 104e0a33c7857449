import { runLiveToday, LIVE_TODAY_JOB } from '../attendance/run-live-today';
import { ROLLUP_JOB, runAttendanceRollup } from '../attendance/run-rollup';
import { platformConfig } from '../config';
import { scheduleLeasedJob, type JobActionRegistrar, type SchedulerContext } from '../jobs/schedule-leased-job';

/**
 * Runs the attendance roll-up on PLATFORM_ROLLUP_CRON and the live refresh of today's figures on
 * PLATFORM_LIVE_TODAY_CRON, each once per tick across all replicas (jobs/schedule-leased-job.ts).
 */
export function scheduleAttendanceRollup(action: JobActionRegistrar, context: SchedulerContext): void {
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
  scheduleLeasedJob(action, context.logger, {
    name: LIVE_TODAY_JOB,
    cron: () => config().PLATFORM_LIVE_TODAY_CRON,
    timezone: () => config().PLATFORM_TIMEZONE,
    run: async (tick) => {
      const outcome = await runLiveToday(context.database, config(), new Date(), tick.getTime());
      if (!outcome.ran) return { ran: false, heldBy: outcome.heldBy, ...(outcome.alreadyRan ? { alreadyRan: true } : {}) };
      return { ran: true };
    },
  });
}
