import type { Knex } from 'knex';
import { enrolBoundDevices } from '../devices/enrol-bound-devices';

interface ActionRegistrar {
  (event: string, handler: (meta: Record<string, unknown>) => unknown): void;
}

interface Logger {
  error: (object: unknown, message: string) => void;
}

/**
 * When staff bind a device to a project and activate it (studio or API), queue everyone on site
 * there for it. Runs after Directus commits the device change; the queueing is one transaction.
 */
export function queueDeviceEnrolment(action: ActionRegistrar, context: { database: Knex; logger: Logger }): void {
  const enrol = async (keys: unknown[]) => {
    const ids = keys.map(Number).filter(Number.isInteger);
    try {
      await enrolBoundDevices(context.database, ids);
    } catch (error) {
      context.logger.error(error, `queueing the enrolment of devices ${ids.join(', ')} failed`);
    }
  };
  action('devices.items.create', (meta) => enrol([meta['key']]));
  // Only a change of status or project can bind a device (renaming a demo device queues nothing).
  action('devices.items.update', (meta) => {
    const payload = meta['payload'];
    const binds = payload !== null && typeof payload === 'object' && ('status' in payload || 'project' in payload);
    return binds ? enrol(Array.isArray(meta['keys']) ? meta['keys'] : []) : undefined;
  });
}
