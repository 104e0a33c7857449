import type { DeviceRoute } from '../device-kit';
import { uniubiCallback } from './handlers/callback.post';

/**
 * `/uniubi/*`: Uniubi (宇泛) terminals' callbacks. In the terminal's settings set the recognition
 * callback URL (识别回调地址) to `<server>/uniubi/callback` and the heartbeat URL to `<server>/uniubi/heartbeat`.
 */
export const uniubiRoutes: DeviceRoute[] = [
  { method: 'POST', path: '/uniubi/callback', handler: uniubiCallback },
  { method: 'POST', path: '/uniubi/heartbeat', handler: uniubiCallback },
];
