import type { DeviceRoute } from '../device-kit';
import { handshake } from './handlers/cdata.get';
import { upload } from './handlers/cdata.post';
import { commandResults } from './handlers/devicecmd.post';
import { pollCommands } from './handlers/getrequest.get';
import { ping } from './handlers/ping.get';

/**
 * `/iclock/*`: the ZKTeco PUSH (iclock/ADMS) protocol at the paths terminals use, so a terminal is
 * pointed at the server root. Wiring only; handlers are in `handlers/`.
 */
export const iclockRoutes: DeviceRoute[] = [
  { method: 'GET', path: '/iclock/cdata', handler: handshake },
  { method: 'POST', path: '/iclock/cdata', handler: upload },
  { method: 'GET', path: '/iclock/getrequest', handler: pollCommands },
  { method: 'POST', path: '/iclock/devicecmd', handler: commandResults },
  { method: 'GET', path: '/iclock/ping', handler: ping },
];
