/**
 * A scheduled job in every server process (never in CLI runs): node-cron on a `PLATFORM_*_CRON`
 * setting in PLATFORM_TIMEZONE, `off` disables it. Each replica ticks; the job itself takes the
 * database lease (lease.ts), so several replicas behave as one scheduler. node-cron's `noOverlap`
 * keeps a slow run from stacking on itself within one process.
 */
import cron, { type ScheduledTask } from 'node-cron';
import { platformConfig, type PlatformConfig } from '../config';

interface ActionRegistrar {
  (event: string, handler: () => void): void;
}

export interface SchedulerContext {
  env: Record<string, unknown>;
  logger: { info: (message: string) => void; error: (object: unknown, message?: string) => void };
}

export function scheduleJob(
  action: ActionRegistrar,
  context: SchedulerContext,
  job: { name: string; cron: (config: PlatformConfig) => string; run: (config: PlatformConfig) => Promise<void> },
): void {
  let task: ScheduledTask | undefined;
  action('server.start', () => {
    const config = platformConfig(context.env);
    const expression = job.cron(config);
    if (expression === 'off') return;
    task = cron.schedule(
      expression,
      async () => {
        try {
          await job.run(config);
        } catch (error) {
          context.logger.error(error, `${job.name} failed`);
        }
      },
      { name: job.name, noOverlap: true, timezone: config.PLATFORM_TIMEZONE },
    );
  });
  action('server.stop', () => {
    void task?.destroy();
  });
}
