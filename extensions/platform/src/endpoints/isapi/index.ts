import type { DeviceRoute } from '../device-kit';
import { hikvisionEvent } from './handlers/event.post';

/**
 * `/isapi/*`: Hikvision ISAPI event push. In the terminal's HTTP listening settings (HTTP 监听 /
 * 事件上传, `httpHosts`) set the URL to `<server>/isapi/event/<serial number>/<device secret>`, or to
 * `<server>/isapi/event/<serial number>` with MD5digest authentication and the device secret as password.
 */
export const isapiRoutes: DeviceRoute[] = [
  { method: 'POST', path: '/isapi/event', handler: hikvisionEvent },
  { method: 'POST', path: '/isapi/event/:sn', handler: hikvisionEvent },
  { method: 'POST', path: '/isapi/event/:sn/:key', handler: hikvisionEvent },
];
