import { forgetDevices, forgetEmployments } from '../devices/device-cache';

interface ActionRegistrar {
  (event: string, handler: (meta: Record<string, unknown>) => unknown): void;
}

/**
 * A device bound, disabled or moved through Directus (studio or API) takes effect for its next
 * upload at once in this process; other replicas follow within the cache's few seconds.
 */
export function forgetDeviceCaches(action: ActionRegistrar): void {
  for (const event of ['devices.items.create', 'devices.items.update', 'devices.items.delete']) action(event, () => forgetDevices());
  action('employments.items.delete', () => forgetEmployments());
}
