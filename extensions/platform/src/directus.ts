/**
 * The narrow slice of Directus's extension context our modules use. Directus's own service types
 * are not stable across its packages' versions, so services are reached through `createService`.
 */
import type { Knex } from 'knex';

export interface DirectusApi {
  services: object;
  database: Knex;
  getSchema: (options?: { database?: Knex; bypassCache?: boolean }) => Promise<unknown>;
}

// Directus services have no exported, version-stable type; callers use the documented methods.
type ServiceInstance = any;
type ServiceConstructor = new (options: { schema: unknown; knex: Knex; accountability: unknown }) => ServiceInstance;

/**
 * A Directus service with admin rights (our endpoints enforce project scope themselves), on `knex`
 * (pass the transaction to take part in it) and a schema read now.
 */
export async function createService(api: DirectusApi, name: string, knex: Knex = api.database, options: { bypassCache?: boolean } = {}): Promise<ServiceInstance> {
  const Service = (api.services as Record<string, ServiceConstructor | undefined>)[name];
  if (!Service) throw new Error(`Directus service ${name} is not available`);
  const schema = await api.getSchema({ database: knex, ...(options.bypassCache ? { bypassCache: true } : {}) });
  return new Service({ schema, knex, accountability: null });
}

/**
 * An `ItemsService` for `collection` without accountability: it reads and writes as the system, so
 * it decrypts `encrypt` fields (secrets) that every accountable read masks.
 */
export async function createItemsService(api: DirectusApi, collection: string, knex: Knex = api.database): Promise<ServiceInstance> {
  const Service = (api.services as Record<string, (new (collection: string, options: { schema: unknown; knex: Knex; accountability: unknown }) => ServiceInstance) | undefined>)['ItemsService'];
  if (!Service) throw new Error('Directus service ItemsService is not available');
  return new Service(collection, { schema: await api.getSchema({ database: knex }), knex, accountability: null });
}
