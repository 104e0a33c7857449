import type { DeviceRoute } from '../device-kit';
import { agentPull } from './handlers/pull.post';
import { agentResults } from './handlers/results.post';

/**
 * `/agent/v1/*`: site agents (the `platform-agent` command on a PC at a site) pull their terminals'
 * commands and report results, authenticated by a 现场代理 credential's token only — never by a
 * Directus login. Mounted with the device endpoints, ahead of Directus's middleware (which would
 * take the Bearer token for one of its own). Wiring only; see devices/delivery/agent-protocol.ts.
 */
export const agentRoutes: DeviceRoute[] = [
  { method: 'POST', path: '/agent/v1/pull', handler: agentPull },
  { method: 'POST', path: '/agent/v1/results', handler: agentResults },
];
