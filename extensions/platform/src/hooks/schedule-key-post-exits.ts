import { todayInShanghai } from '../../../../schema/rules/dates';
import { platformConfig } from '../config';
import { scheduleLeasedJob, type JobActionRegistrar, type SchedulerContext } from '../jobs/schedule-leased-job';
import { applyDueKeyPostExits, KEY_POST_EXIT_JOB } from '../key-posts/apply-due-exits';

/**
 * Applies key-post exits approved ahead of their date on PLATFORM_KEY_POST_EXIT_CRON (daily just
 * after midnight by default), once per tick across all replicas (jobs/schedule-leased-job.ts).
 */
export function scheduleKeyPostExits(action: JobActionRegistrar, context: SchedulerContext): void {
  const config = () => platformConfig(context.env);
  scheduleLeasedJob(action, context.logger, {
    name: KEY_POST_EXIT_JOB,
    cron: () => config().PLATFORM_KEY_POST_EXIT_CRON,
    timezone: () => config().PLATFORM_TIMEZONE,
    run: async (tick) => {
      const report = await applyDueKeyPostExits(context.database, todayInShanghai(tick), { tick: tick.getTime() });
      if (!report.ran) return { ran: false, heldBy: report.heldBy ?? null, ...(report.alreadyRan ? { alreadyRan: true } : {}) };
      return { ran: true, summary: report.exited.length ? `posts exited: ${report.exited.join(', ')}` : 'no exits due' };
    },
  });
}
