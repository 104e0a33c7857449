/**
 * Signed, short-lived download links. The H5 authenticates with a bearer token the browser
 * cannot attach to a plain link, and WeChat's in-app browser cannot save a blob, so an export
 * is asked for with the login (`POST /platform/exports`) and fetched through a link that carries
 * its own proof: `base64url(JSON payload) + '.' + base64url(HMAC-SHA256)`.
 *
 * The payload binds the link to the user, the project, the export kind and its parameters, and
 * an expiry; the file endpoint verifies it and then checks the user's rights again (a user
 * disabled or moved since the link was made gets nothing).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { invalid } from '../http/errors';

export interface DownloadClaims {
  /** directus_users id of who asked. */
  user: string;
  project: number;
  kind: string;
  /** The kind's parsed parameters (JSON-safe). */
  params: Record<string, unknown>;
  /** Expiry, epoch seconds. */
  expires: number;
}

interface Payload {
  u: string;
  p: number;
  k: string;
  q: Record<string, unknown>;
  x: number;
}

/** Keys are derived from the server's SECRET with a purpose label, so a link signature is useless elsewhere. */
function signature(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(`platform-export-link\n${body}`).digest();
}

/** The token for `claims`, signed with `secret`. */
export function signDownload(claims: DownloadClaims, secret: string): string {
  const payload: Payload = { u: claims.user, p: claims.project, k: claims.kind, q: claims.params, x: claims.expires };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${signature(secret, body).toString('base64url')}`;
}

/**
 * The claims of a genuine, unexpired token; otherwise a 400 with rule `EXPORT_LINK_INVALID`
 * (malformed or tampered) or `EXPORT_LINK_EXPIRED`.
 */
export function verifyDownload(token: string, secret: string, nowSeconds: number): DownloadClaims {
  const bad = () => invalid('EXPORT_LINK_INVALID', '下载链接无效，请重新导出', 'token');
  const match = /^([A-Za-z0-9_-]{1,4000})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) throw bad();
  const [, body = '', sig = ''] = match;
  const expected = signature(secret, body);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw bad();
  const payload = parsePayload(body);
  if (!payload) throw bad();
  if (payload.x <= nowSeconds) throw invalid('EXPORT_LINK_EXPIRED', '下载链接已过期，请重新导出', 'token');
  return { user: payload.u, project: payload.p, kind: payload.k, params: payload.q, expires: payload.x };
}

function parsePayload(body: string): Payload | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null) return null;
    const { u, p, k, q, x } = value as Record<string, unknown>;
    if (typeof u !== 'string' || typeof p !== 'number' || typeof k !== 'string' || typeof x !== 'number') return null;
    if (typeof q !== 'object' || q === null || Array.isArray(q)) return null;
    return { u, p, k, q: q as Record<string, unknown>, x };
  } catch {
    return null;
  }
}
