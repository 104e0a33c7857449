import type { Knex } from 'knex';
import { dbNow } from '../db/values';
import { TERMINAL_VENDORS } from '../devices/delivery/types';

interface ActionRegistrar {
  (event: string, handler: (meta: Record<string, unknown>) => unknown): void;
}

interface Logger {
  info: (message: string) => void;
  error: (object: unknown, message: string) => void;
}

const SETTINGS = ['api_url', 'api_user', 'api_password', 'agent'];

/**
 * Once bureau staff correct a Hikvision/Uniubi terminal's API settings (a wrong password, a new
 * address, another 现场代理), what failed is delivered again: its 下发失败 and waiting-to-retry
 * commands go back to the queue with a fresh count. A new 现场代理 (or none) also takes over what
 * the previous one was holding. The change is stamped (`settings_changed_at`), so a delivery still
 * running with the old settings when they changed puts its commands back in the queue instead of
 * failing them (commands/record-delivery.ts).
 */
export function retryDeviceDelivery(action: ActionRegistrar, context: { database: Knex; logger: Logger }): void {
  action('devices.items.update', async (meta) => {
    const payload = meta['payload'];
    if (payload === null || typeof payload !== 'object') return;
    const changed = SETTINGS.filter((field) => field in payload);
    if (!changed.length) return;
    const keys = (Array.isArray(meta['keys']) ? meta['keys'] : []).map(Number).filter(Number.isInteger);
    try {
      const terminals = (await context.database('devices').whereIn('id', keys).whereIn('protocol', TERMINAL_VENDORS).pluck('id')).map(Number);
      if (!terminals.length) return;
      // Results of deliveries made with the old settings come back as "queue again", not as 下发失败.
      await context.database('devices').whereIn('id', terminals).update({ settings_changed_at: dbNow(context.database) });
      const statuses = changed.includes('agent') ? ['error', 'failed', 'sent'] : ['error', 'failed'];
      const requeued = await context.database('device_commands')
        .whereIn('device', terminals)
        .whereIn('status', statuses)
        .update({ status: 'pending', attempts: 0, next_attempt_at: null, return_code: null, error_message: null });
      if (requeued) context.logger.info(`device settings changed (${changed.join(', ')}): ${requeued} commands of devices ${keys.join(', ')} queued again`);
    } catch (error) {
      context.logger.error(error, `queueing the commands of devices ${keys.join(', ')} again failed`);
    }
  });
}
