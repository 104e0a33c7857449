/**
 * Plain HTTP(S) to one terminal, on a keep-alive agent with as many sockets as requests may be in
 * flight. Failures to connect or to answer in time become TerminalError('unreachable'); every
 * answer, whatever its status, is returned for the vendor client to read.
 *
 * Terminals on a site LAN serve HTTPS with self-signed certificates, so certificates are not
 * verified; Hikvision's digest authentication never sends the password itself.
 */
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { TerminalError } from './terminal-error';

/** Largest answer read from a terminal (they answer a few hundred bytes of JSON). */
const MAX_REPLY_BYTES = 1024 * 1024;

export interface HttpReply {
  status: number;
  headers: IncomingHttpHeaders;
  /** Every WWW-Authenticate header, kept apart (a terminal may send Digest and Basic). */
  wwwAuthenticate: string[];
  body: Buffer;
}

export interface HttpTransportOptions {
  /** Longest a request may take, connection included. */
  timeoutMs: number;
  /** Sockets kept to the terminal (the deliverer's concurrency). */
  maxSockets: number;
}

export class HttpTransport {
  readonly base: URL;
  private readonly agent: http.Agent;
  private readonly timeoutMs: number;

  constructor(baseUrl: string, options: HttpTransportOptions) {
    this.base = new URL(baseUrl);
    if (this.base.protocol !== 'http:' && this.base.protocol !== 'https:') throw new TerminalError('refused', `终端接口地址必须以 http:// 或 https:// 开头：${baseUrl}`, 'BAD_URL');
    const agentOptions = { keepAlive: true, maxSockets: options.maxSockets };
    this.agent = this.base.protocol === 'https:' ? new https.Agent({ ...agentOptions, rejectUnauthorized: false }) : new http.Agent(agentOptions);
    this.timeoutMs = options.timeoutMs;
  }

  /** `path` is absolute on the terminal (`/ISAPI/...?format=json`); a base URL's own path is kept in front. */
  url(path: string): URL {
    const prefix = this.base.pathname.replace(/\/+$/, '');
    return new URL(`${prefix}${path}`, this.base);
  }

  request(method: string, path: string, headers: Record<string, string>, body?: Buffer): Promise<HttpReply> {
    const url = this.url(path);
    const client = url.protocol === 'https:' ? https : http;
    return new Promise<HttpReply>((resolve, reject) => {
      const req = client.request(
        url,
        { method, agent: this.agent, headers: { ...headers, ...(body ? { 'content-length': String(body.length) } : { 'content-length': '0' }) } },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size <= MAX_REPLY_BYTES) chunks.push(chunk);
          });
          res.on('end', () => {
            const distinct = res.headersDistinct?.['www-authenticate'];
            const raw = res.headers['www-authenticate'];
            const wwwAuthenticate = distinct ?? (raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]);
            resolve({ status: res.statusCode ?? 0, headers: res.headers, wwwAuthenticate, body: Buffer.concat(chunks) });
          });
          res.on('error', (error) => reject(unreachable(this.base, error)));
        },
      );
      req.setTimeout(this.timeoutMs, () => req.destroy(new TerminalError('unreachable', `终端 ${this.base.host} 在 ${Math.round(this.timeoutMs / 1000)} 秒内没有应答`, 'TIMEOUT')));
      req.on('error', (error) => reject(error instanceof TerminalError ? error : unreachable(this.base, error)));
      req.end(body);
    });
  }

  /** Closes the kept-alive sockets. */
  close(): void {
    this.agent.destroy();
  }
}

function unreachable(base: URL, error: Error & { code?: string }): TerminalError {
  return new TerminalError('unreachable', `无法连接终端 ${base.host}：${error.code ?? error.message}`, error.code === 'ETIMEDOUT' ? 'TIMEOUT' : 'UNREACHABLE');
}
