import type { Request } from 'express';
import type { DirectusApi } from '../../directus';

/** What every handler gets: the request and the Directus pieces it may use. */
export interface HandlerContext extends DirectusApi {
  req: Request & { accountability?: { user?: string | null; ip?: string | null } | null };
  env: Record<string, unknown>;
}
