/**
 * HTTP Digest authentication, client side, as Hikvision terminals require on every ISAPI call
 * (RFC 7616; the terminals announce `Digest qop="auth", realm="…", nonce="…", stale="FALSE"`, MD5).
 *
 * A session keeps the last challenge and answers every further request with it directly (nonce
 * count nc = 1, 2, …), so a request costs one round trip, not two. When the terminal's nonce
 * expires it answers 401 with `stale=TRUE`: that is not a wrong password, the request is sent again
 * with the new nonce. A 401 to a fresh answer means the credentials are wrong: the caller stops
 * (Hikvision locks a user after a few failed logins). Pure apart from node:crypto.
 */
import { createHash, randomBytes } from 'node:crypto';

export type DigestAlgorithm = 'MD5' | 'MD5-sess' | 'SHA-256' | 'SHA-256-sess';

export interface DigestChallenge {
  realm: string;
  nonce: string;
  /** 'auth' when the server offers it (we never use auth-int); null for RFC 2069 servers. */
  qop: 'auth' | null;
  opaque: string | null;
  algorithm: DigestAlgorithm;
  stale: boolean;
}

/** The Digest challenge among WWW-Authenticate header values (a terminal may also offer Basic), or null. */
export function parseDigestChallenge(values: readonly string[]): DigestChallenge | null {
  for (const value of values) {
    const start = value.search(/(^|[\s,])Digest\s/i);
    if (start < 0) continue;
    const params = parseParams(value.slice(value.toLowerCase().indexOf('digest', start) + 'digest'.length));
    const realm = params.get('realm');
    const nonce = params.get('nonce');
    if (realm === undefined || !nonce) continue;
    const algorithm = normaliseAlgorithm(params.get('algorithm'));
    if (!algorithm) continue;
    const qops = (params.get('qop') ?? '').split(',').map((q) => q.trim().toLowerCase());
    if (params.has('qop') && !qops.includes('auth')) continue;
    return { realm, nonce, qop: params.has('qop') ? 'auth' : null, opaque: params.get('opaque') ?? null, algorithm, stale: (params.get('stale') ?? '').toLowerCase() === 'true' };
  }
  return null;
}

/** `key=value` and `key="quoted value"` pairs up to the next authentication scheme. */
function parseParams(text: string): Map<string, string> {
  const params = new Map<string, string>();
  const pattern = /\s*,?\s*([A-Za-z][\w-]*)\s*(=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*)))?/gy;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null && match[0] !== '') {
    // A word without `=` starts the next challenge (`…, Basic realm="x"`).
    if (match[2] === undefined) break;
    params.set(match[1]!.toLowerCase(), match[3] !== undefined ? match[3].replace(/\\(.)/g, '$1') : (match[4] ?? ''));
  }
  return params;
}

function normaliseAlgorithm(value: string | undefined): DigestAlgorithm | null {
  switch ((value ?? 'MD5').toUpperCase()) {
    case 'MD5':
      return 'MD5';
    case 'MD5-SESS':
      return 'MD5-sess';
    case 'SHA-256':
      return 'SHA-256';
    case 'SHA-256-SESS':
      return 'SHA-256-sess';
    default:
      return null;
  }
}

export interface DigestAnswerInput {
  username: string;
  password: string;
  method: string;
  /** The request target exactly as sent (path and query). */
  uri: string;
  /** 1, 2, … for this nonce. */
  nc: number;
  cnonce: string;
}

/** The `Authorization: Digest …` value answering `challenge` (RFC 7616 section 3.4). */
export function digestAuthorization(challenge: DigestChallenge, input: DigestAnswerInput): string {
  const hash = (text: string) => createHash(challenge.algorithm.startsWith('SHA-256') ? 'sha256' : 'md5').update(text, 'utf8').digest('hex');
  const nc = input.nc.toString(16).padStart(8, '0');
  let ha1 = hash(`${input.username}:${challenge.realm}:${input.password}`);
  if (challenge.algorithm.endsWith('-sess')) ha1 = hash(`${ha1}:${challenge.nonce}:${input.cnonce}`);
  const ha2 = hash(`${input.method}:${input.uri}`);
  const response = challenge.qop ? hash(`${ha1}:${challenge.nonce}:${nc}:${input.cnonce}:auth:${ha2}`) : hash(`${ha1}:${challenge.nonce}:${ha2}`);
  const quote = (value: string) => `"${value.replace(/(["\\])/g, '\\$1')}"`;
  const parts = [
    `username=${quote(input.username)}`,
    `realm=${quote(challenge.realm)}`,
    `nonce=${quote(challenge.nonce)}`,
    `uri=${quote(input.uri)}`,
    `algorithm=${challenge.algorithm}`,
    `response=${quote(response)}`,
  ];
  if (challenge.opaque !== null) parts.push(`opaque=${quote(challenge.opaque)}`);
  if (challenge.qop) parts.push('qop=auth', `nc=${nc}`, `cnonce=${quote(input.cnonce)}`);
  return `Digest ${parts.join(', ')}`;
}

/** What to do after a 401. */
export type UnauthorizedVerdict = 'retry' | 'refused' | 'no-digest';

/** One user's digest state against one terminal, shared by the requests in flight. */
export class DigestSession {
  private readonly username: string;
  private readonly password: string;
  private challenge: DigestChallenge | null = null;
  private nc = 0;

  constructor(username: string, password: string) {
    this.username = username;
    this.password = password;
  }

  /** The Authorization value for a request and the nonce it used, or null before the first challenge. */
  authorize(method: string, uri: string): { header: string; nonce: string } | null {
    if (!this.challenge) return null;
    this.nc += 1;
    return { header: digestAuthorization(this.challenge, { username: this.username, password: this.password, method, uri, nc: this.nc, cnonce: randomBytes(8).toString('hex') }), nonce: this.challenge.nonce };
  }

  /**
   * Reads a 401: a first challenge, a stale nonce, or a nonce another request already replaced
   * mean "send again"; a 401 to an answer with the current nonce means the password is wrong.
   */
  unauthorized(wwwAuthenticate: readonly string[], usedNonce: string | null): UnauthorizedVerdict {
    const challenge = parseDigestChallenge(wwwAuthenticate);
    if (!challenge) return 'no-digest';
    const current = this.challenge?.nonce ?? null;
    const verdict: UnauthorizedVerdict = usedNonce === null || challenge.stale || usedNonce !== current ? 'retry' : 'refused';
    if (challenge.nonce !== current) {
      this.challenge = challenge;
      this.nc = 0;
    }
    return verdict;
  }
}
