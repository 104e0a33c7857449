import type { DeviceRoute } from '../device-kit';
import { uniubiCallback } from './handlers/callback.post';

/**
 * `/uniubi/*`: Uniubi (宇泛) terminals' and cloud callbacks. In the terminal's settings (or the
 * cloud application's) set the recognition callback URL (识别回调地址) to
 * `<server>/uniubi/callback/<device secret>` and the heartbeat URL to `<server>/uniubi/heartbeat/<device secret>`.
 */
const callback = uniubiCallback({ heartbeat: false });
const heartbeat = uniubiCallback({ heartbeat: true });

export const uniubiRoutes: DeviceRoute[] = [
  { method: 'POST', path: '/uniubi/callback', handler: callback },
  { method: 'POST', path: '/uniubi/callback/:key', handler: callback },
  { method: 'POST', path: '/uniubi/heartbeat', handler: heartbeat },
  { method: 'POST', path: '/uniubi/heartbeat/:key', handler: heartbeat },
];
