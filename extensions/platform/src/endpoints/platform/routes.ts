import type { Request, Response, Router } from 'express';
import type { DirectusApi } from '../../directus';
import { route } from '../../http/route';
import type { HandlerContext } from './context';

export type Handler = (ctx: HandlerContext) => Promise<unknown>;

/** Helpers each concern's route file uses to wire plain handlers. */
export interface RouteKit {
  router: Router;
  /** Responds `{ data }` with `status` (204 when the handler returns null). */
  json: (handler: Handler, status?: number) => ReturnType<typeof route>;
  /** A handler that writes the response itself (files, exports). */
  raw: (handler: (ctx: HandlerContext, res: Response) => Promise<unknown>) => ReturnType<typeof route>;
}

export function routeKit(router: Router, api: DirectusApi, env: Record<string, unknown>): RouteKit {
  const ctx = (req: Request): HandlerContext => ({ req, env, services: api.services, database: api.database, getSchema: api.getSchema });
  return {
    router,
    json: (handler, status = 200) =>
      route(async (req, res) => {
        const data = await handler(ctx(req));
        if (data === null) res.status(204).end();
        else res.status(status).json({ data });
      }),
    raw: (handler) => route((req, res) => handler(ctx(req), res)),
  };
}
