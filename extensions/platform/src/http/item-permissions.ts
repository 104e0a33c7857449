/**
 * Whether a caller may update items, asked of Directus's own item-permission check (the one the
 * studio uses). Filter hooks run before Directus checks access, so a hook that reads other rows or
 * answers with a specific error asks this first and otherwise leaves the payload to Directus's 403.
 */
import type { Knex } from 'knex';
import type { DirectusApi } from '../directus';

export interface Accountability {
  user?: string | null;
  admin?: boolean;
}

/** The one method of Directus's PermissionsService used here. */
interface ItemPermissions {
  getItemPermissions: (collection: string, key: string) => Promise<{ update: { access: boolean } }>;
}

type PermissionsConstructor = new (options: { schema: unknown; knex: Knex; accountability: Accountability }) => ItemPermissions;

export async function mayUpdateItems(api: DirectusApi, accountability: Accountability, collection: string, keys: readonly (string | number)[]): Promise<boolean> {
  if (accountability.admin) return true;
  const Permissions = (api.services as Record<string, PermissionsConstructor | undefined>)['PermissionsService'];
  if (!Permissions) return false;
  const permissions = new Permissions({ schema: await api.getSchema(), knex: api.database, accountability });
  for (const key of keys) if (!(await permissions.getItemPermissions(collection, String(key))).update.access) return false;
  return true;
}
