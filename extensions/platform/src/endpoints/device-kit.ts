/**
 * The device endpoints (`/iclock`, `/uniubi`, `/isapi`): handler context, routing and answers.
 *
 * They are mounted ahead of Directus's own middleware (see hooks/mount-device-endpoints.ts), not as
 * `defineEndpoint` routers: every request through Directus's stack deep-clones the whole schema
 * (its `schema` middleware), ~4 ms of CPU here, which alone would cap a site's single-punch
 * terminals far below the ingest goals. Devices carry no Directus token and need none of that stack;
 * the pressure limiter and `trust proxy` still apply, and errors still go to Directus's error handler.
 */
import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { platformConfig } from '../config';
import type { Presented } from '../devices/auth/authenticate';
import { parseAuthorization } from '../devices/auth/http-auth';
import type { DeliverySettings } from '../devices/commands/deliver';
import type { AdmissionSettings } from '../devices/identify-device';
import type { TimeLimits } from '../devices/ingest/plausible-time';
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
  /** Exact path, or with `:param` segments (each one path segment). */
  path: string;
  handler: DeviceHandler;
}

type Api = DirectusApi & { env: Record<string, unknown>; logger: DeviceLogger };

/** One Express middleware serving `routes`; any other request passes on to Directus. */
export function deviceGateway(api: Api, routes: readonly DeviceRoute[]) {
  const patterns = routes.map((route) => ({ route, segments: route.path.split('/').slice(1) }));
  const prefixes = [...new Set(routes.map((route) => `/${route.path.split('/')[1]}/`))];
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!prefixes.some((prefix) => req.path.startsWith(prefix))) return next();
    // Some ZKTeco firmware asks for `cdata.aspx`; a trailing slash is harmless.
    const segments = req.path.replace(/\.aspx$/i, '').replace(/(.)\/$/, '$1').split('/').slice(1);
    let match: { route: DeviceRoute; params: Record<string, string> } | null = null;
    for (const { route, segments: pattern } of patterns) {
      if (route.method !== req.method || pattern.length !== segments.length) continue;
      const params: Record<string, string> = {};
      const fits = pattern.every((part, i) => {
        const segment = segments[i] ?? '';
        if (!part.startsWith(':')) return part === segment;
        if (!segment) return false;
        params[part.slice(1)] = safeDecode(segment);
        return true;
      });
      if (fits) {
        match = { route, params };
        break;
      }
    }
    if (!match) return next();
    match.route
      .handler({ req, params: match.params, env: api.env, logger: api.logger, services: api.services, database: api.database, getSchema: api.getSchema })
      .then((answer) => sendAnswer(res, answer))
      .catch((error: unknown) => {
        // A terminal that can answer a digest challenge (Hikvision) gets one with its 401.
        const challenge = (error as { extensions?: { challenge?: unknown } }).extensions?.challenge;
        if (typeof challenge === 'string' && !res.headersSent) res.setHeader('WWW-Authenticate', challenge);
        next(error);
      });
  };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
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

/**
 * What a terminal presents to prove it is the device it names: its address, the device secret in
 * the URL (last path segment `:key`, or `?key=`), its Authorization header and its request line.
 * `key` overrides the URL's (ZKTeco's handshake carries `pushcommkey`).
 */
export function presentedBy(ctx: Pick<DeviceContext, 'req' | 'params'>, options: { key?: string | null; handshake?: boolean } = {}): Presented {
  const { req } = ctx;
  const query = req.query as Record<string, unknown>;
  const urlKey = ctx.params['key'] ?? (typeof query['key'] === 'string' ? query['key'] : null);
  return {
    ip: callerIp(req),
    key: options.key !== undefined ? options.key : urlKey,
    authorization: parseAuthorization(req.headers.authorization),
    request: { method: req.method, url: req.originalUrl ?? req.url },
    handshake: options.handshake ?? false,
  };
}

interface DeviceSettings {
  admission: AdmissionSettings;
  limits: TimeLimits;
}

let settings: DeviceSettings | null = null;

/** The device endpoints' settings, read once from PLATFORM_* and Directus's SECRET. */
export function deviceSettings(env: Record<string, unknown>): DeviceSettings {
  if (settings) return settings;
  const config = platformConfig(env);
  // Digest nonces are signed with a key derived from SECRET, so every replica accepts them.
  const digestKey = createHash('sha256').update(`device-digest|${String(env['SECRET'] ?? '')}`).digest('hex');
  settings = {
    admission: {
      pendingPerAddress: config.PLATFORM_DEVICE_PENDING_PER_ADDRESS,
      pendingMax: config.PLATFORM_DEVICE_PENDING_MAX,
      pendingTtlDays: config.PLATFORM_DEVICE_PENDING_TTL_DAYS,
      unknownPerMinute: config.PLATFORM_DEVICE_UNKNOWN_PER_MINUTE,
      sessionMs: config.PLATFORM_DEVICE_SESSION_HOURS * 3_600_000,
      digestKey,
    },
    limits: { skewMinutes: config.PLATFORM_DEVICE_CLOCK_SKEW_MINUTES, backlogDays: config.PLATFORM_DEVICE_BACKLOG_DAYS },
  };
  return settings;
}
