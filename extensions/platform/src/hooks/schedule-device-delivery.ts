import { platformConfig } from '../config';
import type { DirectusApi } from '../directus';
import { deliverySettingsOf, runDeviceDelivery } from '../devices/run-device-delivery';

interface ActionRegistrar {
  (event: string, handler: () => void): void;
}

interface SchedulerContext extends DirectusApi {
  env: Record<string, unknown>;
  logger: { info: (message: string) => void; error: (object: unknown, message?: string) => void };
}

/**
 * Delivers queued commands to Hikvision/Uniubi terminals every PLATFORM_DEVICE_DELIVERY_INTERVAL_SECONDS
 * in every server process (not in CLI runs), at wall-clock slots so replicas tick together and the
 * job lease lets one of them run each tick (devices/run-device-delivery.ts). A slow run is not
 * overlapped: the next tick is the first slot after it ends.
 */
export function scheduleDeviceDelivery(action: ActionRegistrar, context: SchedulerContext): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  action('server.start', () => {
    const config = platformConfig(context.env);
    const intervalMs = config.PLATFORM_DEVICE_DELIVERY_INTERVAL_SECONDS * 1000;
    if (!intervalMs) return;
    const settings = deliverySettingsOf(config);
    const schedule = () => {
      if (!stopped) timer = setTimeout(tick, intervalMs - (Date.now() % intervalMs));
    };
    const tick = async () => {
      try {
        await runDeviceDelivery(context, settings, Math.round(Date.now() / intervalMs), { log: (line) => context.logger.info(line) });
      } catch (error) {
        context.logger.error(error, 'device delivery failed');
      } finally {
        schedule();
      }
    };
    schedule();
  });
  action('server.stop', () => {
    stopped = true;
    clearTimeout(timer);
  });
}
