/**
 * HTTP authentication a terminal does as a client: Hikvision's HTTP listening host (httpHosts) can
 * authenticate to the platform with `MD5digest` (RFC 7616, qop=auth) or `basic`, with the user name
 * and password set on the terminal. The platform checks the password against the device's secret.
 * Nonces are stateless (a time stamp signed with a server key), so any replica accepts them. Pure.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const DIGEST_REALM = 'realname-platform';
/** A nonce is accepted this long after it was issued (a terminal reuses it with a growing nc). */
export const NONCE_MAX_AGE_MS = 10 * 60_000;

export type Authorization =
  | { scheme: 'digest'; params: Readonly<Record<string, string>> }
  | { scheme: 'basic'; user: string; password: string };

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

function sign(key: string, issued: string): string {
  return createHmac('sha256', key).update(`device-digest|${issued}`).digest('base64url').slice(0, 22);
}

export function issueNonce(key: string, now: number): string {
  const issued = now.toString(36);
  return `${issued}.${sign(key, issued)}`;
}

function nonceIsFresh(nonce: string, key: string, now: number): boolean {
  const [issued = '', signature = '', extra] = nonce.split('.');
  if (extra !== undefined || !/^[0-9a-z]{1,12}$/.test(issued)) return false;
  if (!sameText(signature, sign(key, issued))) return false;
  const age = now - parseInt(issued, 36);
  return age >= -60_000 && age <= NONCE_MAX_AGE_MS;
}

/** The `WWW-Authenticate` value that asks a terminal for digest credentials. */
export function digestChallenge(key: string, now: number): string {
  return `Digest realm="${DIGEST_REALM}", qop="auth", algorithm=MD5, nonce="${issueNonce(key, now)}", opaque="${md5(DIGEST_REALM)}"`;
}

/** The `Authorization` header as digest parameters or basic credentials; null when absent or unreadable. */
export function parseAuthorization(header: string | undefined | null): Authorization | null {
  if (!header || header.length > 4096) return null;
  const match = /^\s*(\w+)\s+([\s\S]*)$/.exec(header);
  if (!match) return null;
  const scheme = (match[1] ?? '').toLowerCase();
  const rest = (match[2] ?? '').trim();
  if (scheme === 'basic') {
    const decoded = Buffer.from(rest, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon < 0 ? null : { scheme: 'basic', user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  if (scheme !== 'digest') return null;
  const params: Record<string, string> = {};
  const pair = /([a-zA-Z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))\s*(?:,|$)/g;
  for (let found = pair.exec(rest); found; found = pair.exec(rest)) {
    params[(found[1] ?? '').toLowerCase()] = found[2] !== undefined ? found[2].replace(/\\(.)/g, '$1') : (found[3] ?? '');
  }
  return { scheme: 'digest', params };
}

export interface DigestRequest {
  method: string;
  /** The request target as sent (path and query); the digest's `uri` must name it. */
  url: string;
}

/**
 * Whether digest `params` prove knowledge of `password` for this request: a fresh nonce of ours,
 * the same realm and request target, and the right response (qop=auth, or RFC 2069 without qop).
 */
export function verifyDigest(params: Readonly<Record<string, string>>, request: DigestRequest, password: string, key: string, now: number): boolean {
  const { username = '', realm = '', nonce = '', uri = '', response = '', qop, nc = '', cnonce = '' } = params;
  const algorithm = (params['algorithm'] ?? 'MD5').toUpperCase();
  if (realm !== DIGEST_REALM || algorithm !== 'MD5' || !nonceIsFresh(nonce, key, now)) return false;
  if (uri !== request.url && uri !== request.url.split('?')[0]) return false;
  if (qop !== undefined && !(qop === 'auth' && /^[0-9a-fA-F]{8}$/.test(nc) && cnonce)) return false;
  const expected = digestResponse({ username, realm, password, method: request.method, uri, nonce, ...(qop === undefined ? {} : { qop, nc, cnonce }) });
  return sameText(response.toLowerCase(), expected);
}

/** The digest `response` (RFC 2617 §3.2.2, MD5): with qop=auth, or the RFC 2069 form without qop. */
export function digestResponse(p: { username: string; realm: string; password: string; method: string; uri: string; nonce: string; qop?: string; nc?: string; cnonce?: string }): string {
  const ha1 = md5(`${p.username}:${p.realm}:${p.password}`);
  const ha2 = md5(`${p.method.toUpperCase()}:${p.uri}`);
  return p.qop === undefined ? md5(`${ha1}:${p.nonce}:${ha2}`) : md5(`${ha1}:${p.nonce}:${p.nc}:${p.cnonce}:${p.qop}:${ha2}`);
}

/** Constant-time comparison of two secrets (different lengths compare unequal). */
export function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
