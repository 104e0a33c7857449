/**
 * The device endpoints (`/iclock`, `/uniubi`, `/isapi`): handler context, routing and answers.
 *
 * They are mounted ahead of Directus's own middleware (see hooks/mount-device-endpoints.ts), not as
 * `defineEndpoint` routers: every request through Directus's stack deep-clones the whole schema
 * (its `schema` middleware), ~4 ms of CPU here, which alone would cap a site's single-punch
 * terminals far below the ingest goals. Devices carry no Directus token and need none of that stack;
 * the pressure limiter and `trust proxy` still apply, and errors still go to Directus's error handler.
 */
import type { NextFunction, Request, Response } from 'express';
import { platformConfig } from '../config';
import type { DeliverySettings } from '../devices/commands/deliver';
import type { DirectusApi } from '../directus';

/** Largest device request body: an OPERLOG upload of user photos is the biggest thing a terminal sends. */
export const DEVICE_BODY_MAX_BYTES = 4 * 1024 * 1024;

export interface DeviceLogger {
  info: (object: unknown, message?: string) => void;
  warn: (object: unknown, message?: string) => void;
}

export interface DeviceContext extends DirectusApi {
  req: Request & { rawBody?: Buffer; accountability?: { ip?: string | null } | null };
  /** Path parameters (`/isapi/event/:sn`). */
  params: Record<string, string>;
  env: Record<string, unknown>;
  logger: DeviceLogger;
}

/** A device's answer: `text/plain` for ZKTeco, JSON for the others. */
export type DeviceAnswer = { text: string; status?: number } | { json: unknown; status?: number };

export type DeviceHandler = (ctx: DeviceContext) => Promise<DeviceAnswer>;

export interface DeviceRoute {
  method: 'GET' | 'POST';
  /** Exact path, or with one trailing `:param` segment. */
  path: string;
  handler: DeviceHandler;
}

type Api = DirectusApi & { env: Record<string, unknown>; logger: DeviceLogger };

/** One Express middleware serving `routes`; any other request passes on to Directus. */
export function deviceGateway(api: Api, routes: readonly DeviceRoute[]) {
  const exact = new Map<string, DeviceRoute>();
  const withParam: { prefix: string; param: string; route: DeviceRoute }[] = [];
  for (const route of routes) {
    const match = /^(.*\/):(\w+)$/.exec(route.path);
    if (match) withParam.push({ prefix: match[1] ?? '', param: match[2] ?? '', route });
    else exact.set(`${route.method} ${route.path}`, route);
  }
  const prefixes = [...new Set(routes.map((route) => `/${route.path.split('/')[1]}/`))];
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!prefixes.some((prefix) => req.path.startsWith(prefix))) return next();
    // Some ZKTeco firmware asks for `cdata.aspx`; a trailing slash is harmless.
    const path = req.path.replace(/\.aspx$/i, '').replace(/(.)\/$/, '$1');
    let route = exact.get(`${req.method} ${path}`);
    const params: Record<string, string> = {};
    if (!route) {
      for (const candidate of withParam) {
        const rest = path.startsWith(candidate.prefix) ? path.slice(candidate.prefix.length) : '';
        if (candidate.route.method === req.method && rest && !rest.includes('/')) {
          route = candidate.route;
          params[candidate.param] = decodeURIComponent(rest);
          break;
        }
      }
    }
    if (!route) return next();
    const handler = route.handler;
    handler({ req, params, env: api.env, logger: api.logger, services: api.services, database: api.database, getSchema: api.getSchema })
      .then((answer) => sendAnswer(res, answer))
      .catch(next);
  };
}

/**
 * Writes the answer with Node's own response calls: devices need neither Express's ETag (a hash of
 * every body) nor its content negotiation, and this is the hottest path of the platform.
 */
function sendAnswer(res: Response, answer: DeviceAnswer): void {
  const body = 'text' in answer ? answer.text : JSON.stringify(answer.json);
  res.writeHead(answer.status ?? 200, {
    'content-type': 'text' in answer ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** The caller's address (Express honours Directus's IP_TRUST_PROXY setting). */
export function callerIp(req: DeviceContext['req']): string | null {
  const ip = req.accountability?.ip ?? req.ip ?? null;
  return ip ? ip.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1') : null;
}

export function deliverySettings(env: Record<string, unknown>): DeliverySettings {
  const config = platformConfig(env);
  return { maxAttempts: config.PLATFORM_DEVICE_COMMAND_MAX_ATTEMPTS, ackTimeoutMs: config.PLATFORM_DEVICE_COMMAND_ACK_TIMEOUT_MINUTES * 60_000 };
}
