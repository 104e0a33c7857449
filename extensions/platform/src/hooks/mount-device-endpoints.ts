import type { Express } from 'express';
import { platformConfig } from '../config';
import { setCommitDelay } from '../devices/ingest/punch-writer';
import type { DirectusApi } from '../directus';
import { agentRoutes } from '../endpoints/agent';
import { deviceGateway, type DeviceLogger } from '../endpoints/device-kit';
import { iclockRoutes } from '../endpoints/iclock';
import { isapiRoutes } from '../endpoints/isapi';
import { uniubiRoutes } from '../endpoints/uniubi';

interface InitRegistrar {
  (event: string, handler: (meta: Record<string, unknown>) => unknown): void;
}

/**
 * Serves the attendance devices' own protocols (`/iclock`, `/uniubi`, `/isapi`) and the site agents'
 * (`/agent`) ahead of Directus's per-request middleware; why is in endpoints/device-kit.ts.
 */
export function mountDeviceEndpoints(init: InitRegistrar, context: DirectusApi & { env: Record<string, unknown>; logger: DeviceLogger }): void {
  setCommitDelay(platformConfig(context.env).PLATFORM_INGEST_COMMIT_DELAY_MS);
  init('middlewares.before', (meta) => {
    const app = meta['app'] as Express;
    app.use(deviceGateway(context, [...iclockRoutes, ...uniubiRoutes, ...isapiRoutes, ...agentRoutes]));
  });
}
