import { createService, type DirectusApi } from '../directus';

/** What every provisioning step needs: Directus's services and database, and a log line. */
export interface ProvisionContext extends DirectusApi {
  log: (message: string) => void;
}

/** A service with admin rights and a schema read now (after earlier steps changed it). */
export function adminService(ctx: ProvisionContext, name: string) {
  return createService(ctx, name, ctx.database, { bypassCache: true });
}
