import type { Knex } from 'knex';
import type { DirectusApi } from '../directus';

export interface Accountability {
  user?: string | null;
  admin?: boolean;
}

/** The one method of Directus's PermissionsService used here (the studio's own item-permission check). */
interface ItemPermissions {
  getItemPermissions: (collection: string, key: string) => Promise<{ update: { access: boolean } }>;
}

type PermissionsConstructor = new (options: { schema: unknown; knex: Knex; accountability: Accountability }) => ItemPermissions;

/**
 * Whether `accountability` may update every item of `keys` in `collection`, by Directus's own check.
 * Hooks that carry out a studio edit themselves (a filter that writes and answers `{}`) run before
 * Directus's access check, so they ask first; without the right the payload goes on untouched and
 * Directus refuses it as usual (403).
 */
export async function mayUpdateItems(api: DirectusApi, accountability: Accountability, collection: string, keys: readonly number[]): Promise<boolean> {
  if (accountability.admin) return true;
  const Permissions = (api.services as Record<string, PermissionsConstructor | undefined>)['PermissionsService'];
  if (!Permissions) return false;
  const permissions = new Permissions({ schema: await api.getSchema(), knex: api.database, accountability });
  for (const key of keys) if (!(await permissions.getItemPermissions(collection, String(key))).update.access) return false;
  return true;
}
