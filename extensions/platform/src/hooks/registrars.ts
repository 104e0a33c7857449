/**
 * The slices of Directus's hook registrars and event context the studio-facing hooks use
 * (the extension SDK's own types are not stable across Directus's packages).
 */
import type { Knex } from 'knex';

export interface Accountability {
  user?: string | null;
  role?: string | null;
  admin?: boolean;
}

export interface EventContext {
  database: Knex;
  schema: unknown;
  accountability: Accountability | null;
}

export type FilterRegistrar = (event: string, handler: (payload: any, meta: Record<string, any>, context: EventContext) => unknown) => void;

export type ActionRegistrar = (event: string, handler: (meta: Record<string, any>, context: EventContext) => unknown) => void;

export type InitRegistrar = (event: string, handler: (meta: Record<string, any>) => unknown) => void;

/** A person (or share) acting through Directus who is not an administrator: our extension's own service calls have no accountability. */
export function isNonAdminCaller(accountability: Accountability | null | undefined): accountability is Accountability {
  return Boolean(accountability) && accountability!.admin !== true;
}
