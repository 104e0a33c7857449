/**
 * The site agent's calls to the platform (`/agent/v1/*`, see
 * extensions/platform/src/devices/delivery/agent-protocol.ts), authenticated with the site's token.
 */
import type { PullRequest, PullResponse, ResultsResponse } from '../../extensions/platform/src/devices/delivery/agent-protocol';
import type { DeliveryResult } from '../../extensions/platform/src/devices/delivery/types';

/** The platform refused the token (unknown or revoked): retrying cannot help. */
export class TokenRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenRefusedError';
  }
}

/** The platform could not be reached or answered with an error: tried again later. */
export class PlatformUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlatformUnavailableError';
  }
}

export interface PlatformApi {
  pull(request: PullRequest): Promise<PullResponse>;
  report(results: readonly DeliveryResult[]): Promise<ResultsResponse>;
}

export class PlatformClient implements PlatformApi {
  private readonly server: URL;
  private readonly token: string;
  private readonly timeoutMs: number;

  constructor(server: string, token: string, options: { timeoutMs: number }) {
    this.server = new URL(server);
    this.token = token;
    this.timeoutMs = options.timeoutMs;
  }

  pull(request: PullRequest): Promise<PullResponse> {
    return this.post<PullResponse>('/agent/v1/pull', request);
  }

  report(results: readonly DeliveryResult[]): Promise<ResultsResponse> {
    return this.post<ResultsResponse>('/agent/v1/results', { results });
  }

  private async post<T>(path: string, body: unknown): Promise<T> {
    const url = new URL(path.replace(/^\//, ''), this.server.href.endsWith('/') ? this.server : new URL(`${this.server.href}/`));
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new PlatformUnavailableError(`无法连接平台 ${this.server.host}：${cause?.code ?? cause?.message ?? (error as Error).message}`);
    }
    const text = await response.text().catch(() => '');
    if (response.status === 401) throw new TokenRefusedError(`平台拒绝了令牌（${messageOf(text) ?? 'HTTP 401'}）`);
    if (!response.ok) throw new PlatformUnavailableError(`平台返回 HTTP ${response.status}${messageOf(text) ? `：${messageOf(text)}` : ''}`);
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new PlatformUnavailableError(`平台的应答不是 JSON（HTTP ${response.status}）`);
    }
  }
}

function messageOf(text: string): string | null {
  try {
    const body = JSON.parse(text) as { errors?: { message?: string }[] };
    return body.errors?.[0]?.message ?? null;
  } catch {
    return null;
  }
}
