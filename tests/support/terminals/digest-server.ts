/**
 * The server side of HTTP Digest authentication as a Hikvision terminal does it, written from
 * RFC 7616 (independently of the platform's client in devices/delivery/digest-auth.ts):
 * - a request without credentials gets 401 and `WWW-Authenticate: Digest qop="auth",
 *   realm="<model>", nonce="<hex>", stale="FALSE"` (the header order Hikvision terminals use);
 * - an answer computed with the right password but an expired nonce gets 401 with `stale="TRUE"`
 *   (not a failed login);
 * - a wrong answer is a failed login: 401 with a fresh challenge; after `lockAfter` failed logins
 *   the user is locked for `lockMs` and every request is refused with the lock state;
 * - a nonce count (nc) may be used once per nonce (replays are refused).
 */
import { createHash, randomBytes } from 'node:crypto';

export interface DigestServerOptions {
  realm: string;
  user: string;
  password: string;
  /** How long a nonce stays valid. */
  nonceTtlMs: number;
  /** Failed logins before the user is locked (Hikvision's default lock is 30 minutes). */
  lockAfter: number;
  lockMs: number;
}

export type DigestVerdict = { ok: true } | { ok: false; status: 401; challenge: string; failedLogin: boolean; locked: boolean };

interface NonceState {
  expires: number;
  usedNc: Set<string>;
}

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

/** `key="value"` / `key=value` pairs of an Authorization: Digest header. */
function params(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of header.replace(/^\s*Digest\s+/i, '').matchAll(/([a-zA-Z]+)\s*=\s*(?:"([^"]*)"|([^\s,]+))/g)) out[match[1]!.toLowerCase()] = match[2] ?? match[3] ?? '';
  return out;
}

export class DigestServer {
  readonly options: DigestServerOptions;
  private readonly nonces = new Map<string, NonceState>();
  failedLogins = 0;
  lockedUntil = 0;

  constructor(options: DigestServerOptions) {
    this.options = options;
  }

  private challenge(stale: boolean): string {
    const nonce = randomBytes(16).toString('hex');
    this.nonces.set(nonce, { expires: Date.now() + this.options.nonceTtlMs, usedNc: new Set() });
    return `Digest qop="auth", realm="${this.options.realm}", nonce="${nonce}", stale="${stale ? 'TRUE' : 'FALSE'}"`;
  }

  /** Whether the request may go on. `uri` is the request target as received. */
  check(method: string, uri: string, authorization: string | undefined): DigestVerdict {
    const now = Date.now();
    const locked = this.lockedUntil > now;
    if (!authorization || !/^\s*Digest\s/i.test(authorization)) return { ok: false, status: 401, challenge: this.challenge(false), failedLogin: false, locked };
    const p = params(authorization);
    const expected = (password: string) => {
      const ha1 = md5(`${p['username']}:${this.options.realm}:${password}`);
      const ha2 = md5(`${method}:${p['uri']}`);
      return md5(`${ha1}:${p['nonce']}:${p['nc']}:${p['cnonce']}:${p['qop']}:${ha2}`);
    };
    const answered = p['qop'] === 'auth' && p['uri'] === uri && p['realm'] === this.options.realm && p['username'] === this.options.user && p['response'] === expected(this.options.password);
    if (locked) return { ok: false, status: 401, challenge: this.challenge(false), failedLogin: false, locked: true };
    if (!answered) {
      this.failedLogins += 1;
      if (this.failedLogins >= this.options.lockAfter) this.lockedUntil = now + this.options.lockMs;
      return { ok: false, status: 401, challenge: this.challenge(false), failedLogin: true, locked: this.lockedUntil > now };
    }
    const nonce = this.nonces.get(p['nonce'] ?? '');
    if (!nonce || nonce.expires < now) return { ok: false, status: 401, challenge: this.challenge(true), failedLogin: false, locked: false };
    if (nonce.usedNc.has(p['nc'] ?? '')) return { ok: false, status: 401, challenge: this.challenge(true), failedLogin: false, locked: false };
    nonce.usedNc.add(p['nc'] ?? '');
    this.failedLogins = 0;
    return { ok: true };
  }
}
