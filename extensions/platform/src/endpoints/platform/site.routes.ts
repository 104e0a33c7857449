import { listDevices } from './handlers/devices.get';
import { listPunches } from './handlers/punches.get';
import type { RouteKit } from './routes';

/** Devices and attendance of the caller's project. */
export function siteRoutes({ router, json }: RouteKit): void {
  router.get('/devices', json(listDevices));
  router.get('/punches', json(listPunches));
}
