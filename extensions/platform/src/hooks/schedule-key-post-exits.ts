import type { Knex } from 'knex';
import cron, { type ScheduledTask } from 'node-cron';
import { todayInShanghai } from '../../../../schema/rules/dates';
import { platformConfig } from '../config';
import { applyDueKeyPostExits } from '../key-posts/apply-due-exits';

interface ActionRegistrar {
  (event: string, handler: () => void): void;
}

interface SchedulerContext {
  database: Knex;
  env: Record<string, unknown>;
  logger: { info: (message: string) => void; error: (object: unknown, message?: string) => void };
}

/**
 * Applies key-post exits approved ahead of their date on PLATFORM_KEY_POST_EXIT_CRON (daily just
 * after midnight by default), in every server process; the job lease lets one replica do it.
 */
export function scheduleKeyPostExits(action: ActionRegistrar, context: SchedulerContext): void {
  let task: ScheduledTask | undefined;
  action('server.start', () => {
    const config = platformConfig(context.env);
    if (config.PLATFORM_KEY_POST_EXIT_CRON === 'off') return;
    task = cron.schedule(
      config.PLATFORM_KEY_POST_EXIT_CRON,
      async () => {
        try {
          const report = await applyDueKeyPostExits(context.database, todayInShanghai(new Date()));
          if (report.exited.length) context.logger.info(`[platform] key-post exits taking effect today: ${report.exited.join(', ')}`);
        } catch (error) {
          context.logger.error(error, 'applying due key-post exits failed');
        }
      },
      { name: 'key-post-exits', noOverlap: true, timezone: config.PLATFORM_TIMEZONE },
    );
  });
  action('server.stop', () => {
    void task?.destroy();
  });
}
