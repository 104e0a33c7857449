import { intervalCron, platformConfig } from '../config';
import type { DirectusApi } from '../directus';
import { DELIVERY_JOB, deliverySettingsOf, runDeviceDelivery } from '../devices/run-device-delivery';
import { scheduleLeasedJob, type JobActionRegistrar, type SchedulerContext } from '../jobs/schedule-leased-job';

type DeliveryContext = SchedulerContext & DirectusApi;

/**
 * Delivers queued commands to Hikvision/Uniubi terminals every PLATFORM_DEVICE_DELIVERY_INTERVAL_SECONDS,
 * on the clock's grid, once per tick across all replicas (jobs/schedule-leased-job.ts; the job and
 * its lease are `device-delivery`, devices/run-device-delivery.ts).
 */
export function scheduleDeviceDelivery(action: JobActionRegistrar, context: DeliveryContext): void {
  const config = () => platformConfig(context.env);
  scheduleLeasedJob(action, context.logger, {
    name: DELIVERY_JOB,
    cron: () => intervalCron(config().PLATFORM_DEVICE_DELIVERY_INTERVAL_SECONDS) ?? 'off',
    timezone: () => config().PLATFORM_TIMEZONE,
    run: async (tick) => {
      const report = await runDeviceDelivery(context, deliverySettingsOf(config()), tick.getTime(), { log: (line) => context.logger.info(line) });
      if (!report.ran) return { ran: false, heldBy: report.heldBy ?? null, ...(report.alreadyRan ? { alreadyRan: true } : {}) };
      return { ran: true, summary: `${report.terminals} terminals, ${report.done} done, ${report.retry} to retry, ${report.failed} failed` };
    },
  });
}
