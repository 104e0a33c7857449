import type { DeviceRoute } from '../device-kit';
import { hikvisionEvent } from './handlers/event.post';

/**
 * `/isapi/*`: Hikvision ISAPI event push. In the terminal's HTTP listening settings (HTTP 监听 /
 * 事件上传) set the URL to `<server>/isapi/event/<the terminal's serial number>`.
 */
export const isapiRoutes: DeviceRoute[] = [
  { method: 'POST', path: '/isapi/event', handler: hikvisionEvent },
  { method: 'POST', path: '/isapi/event/:sn', handler: hikvisionEvent },
];
