import type { Request } from 'express';
import type { Knex } from 'knex';

/** What every handler gets: the request and the Directus pieces it may use. */
export interface HandlerContext {
  req: Request & { accountability?: { user?: string | null; ip?: string | null } | null };
  database: Knex;
  services: Record<string, new (options: Record<string, unknown>) => any>;
  getSchema: () => Promise<any>;
  env: Record<string, unknown>;
}
