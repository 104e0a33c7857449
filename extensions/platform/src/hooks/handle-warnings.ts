import type { Knex } from 'knex';
import type { DirectusApi } from '../directus';
import { handleWarnings, parseHandling } from '../warnings/handle-warning';

interface Accountability {
  user?: string | null;
  admin?: boolean;
}

interface FilterRegistrar {
  (event: string, handler: (payload: unknown, meta: Record<string, unknown>, context: { accountability?: Accountability | null }) => unknown): void;
}

/** The one method of Directus's PermissionsService used here (the studio's own item-permission check). */
interface ItemPermissions {
  getItemPermissions: (collection: string, key: string) => Promise<{ update: { access: boolean } }>;
}

type PermissionsConstructor = new (options: { schema: unknown; knex: Knex; accountability: Accountability }) => ItemPermissions;

/**
 * A person's update of warnings (studio item form, dashboard list, API) is the handling decision
 * (warnings/handle-warning.ts): validated (400 in Chinese), written with the audit row in one
 * transaction, and nothing is left for Directus to write. Directus runs this filter before its own
 * access check, so the caller's update permission is checked first with Directus's item-permission
 * check; without it the payload goes on untouched and Directus refuses it as usual (403).
 * Updates without accountability (our own services) pass through.
 */
export function handleWarningUpdates(filter: FilterRegistrar, api: DirectusApi): void {
  filter('warnings.items.update', async (payload, meta, context) => {
    const accountability = context.accountability;
    if (!accountability) return payload;
    const keys = (Array.isArray(meta['keys']) ? meta['keys'] : []).map(Number).filter(Number.isInteger);
    if (!keys.length || !accountability.user || !(await mayUpdate(api, accountability, keys))) return payload;
    const handling = parseHandling(payload);
    await handleWarnings(api.database, keys, handling, accountability.user);
    return {};
  });
}

async function mayUpdate(api: DirectusApi, accountability: Accountability, keys: readonly number[]): Promise<boolean> {
  if (accountability.admin) return true;
  const Permissions = (api.services as Record<string, PermissionsConstructor | undefined>)['PermissionsService'];
  if (!Permissions) return false;
  const permissions = new Permissions({ schema: await api.getSchema(), knex: api.database, accountability });
  for (const key of keys) if (!(await permissions.getItemPermissions('warnings', String(key))).update.access) return false;
  return true;
}
