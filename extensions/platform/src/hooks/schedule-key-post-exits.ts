import type { Knex } from 'knex';
import { todayInShanghai } from '../../../../schema/rules/dates';
import { scheduleJob, type SchedulerContext } from '../jobs/schedule';
import { applyDueKeyPostExits } from '../key-posts/apply-due-exits';

/**
 * Applies key-post exits approved ahead of their date on PLATFORM_KEY_POST_EXIT_CRON (daily just
 * after midnight by default), in every server process; the job lease lets one replica do it.
 */
export function scheduleKeyPostExits(action: Parameters<typeof scheduleJob>[0], context: SchedulerContext & { database: Knex }): void {
  scheduleJob(action, context, {
    name: 'key-post-exits',
    cron: (config) => config.PLATFORM_KEY_POST_EXIT_CRON,
    run: async () => {
      const report = await applyDueKeyPostExits(context.database, todayInShanghai(new Date()));
      if (report.exited.length) context.logger.info(`[platform] key-post exits taking effect today: ${report.exited.join(', ')}`);
    },
  });
}
