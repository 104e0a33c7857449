import type { Knex } from 'knex';

/** What every provisioning step needs: admin services on one connection, and a fresh schema on demand. */
export interface ProvisionContext {
  // Directus does not export service types to extensions; they are used through this narrow shape.
  services: Record<string, new (options: Record<string, unknown>) => any>;
  database: Knex;
  getSchema: (options?: { database?: Knex; bypassCache?: boolean }) => Promise<any>;
  log: (message: string) => void;
}

/** A service of `name` with admin rights and a schema read now (after earlier steps changed it). */
export async function adminService(ctx: ProvisionContext, name: string): Promise<any> {
  const Service = ctx.services[name];
  if (!Service) throw new Error(`Directus service ${name} is not available`);
  const schema = await ctx.getSchema({ database: ctx.database, bypassCache: true });
  return new Service({ schema, knex: ctx.database, accountability: null });
}
