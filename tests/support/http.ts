import { inject } from 'vitest';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

/**
 * Calls the booted platform over HTTP and returns status and parsed JSON body.
 * @example const { status, body } = await api('POST', '/platform/declarations', { json: payload });
 */
export async function api<T = any>(method: string, path: string, options: { json?: unknown; token?: string; baseUrl?: string } = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = {};
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  const init: RequestInit = { method, headers };
  if (options.json !== undefined) init.body = JSON.stringify(options.json);
  const response = await fetch(`${options.baseUrl ?? inject('baseUrl')}${path}`, init);
  const text = await response.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (e.g. text/plain device answers)
  }
  return { status: response.status, body };
}

/**
 * Logs in with Directus auth and returns the access token.
 * @example const token = await login('admin@example.com', 'Admin@2026');
 */
export async function login(email: string, password: string, baseUrl?: string): Promise<string> {
  const { status, body } = await api('POST', '/auth/login', { json: { email, password }, ...(baseUrl ? { baseUrl } : {}) });
  if (status !== 200) throw new Error(`login ${email} failed: ${status} ${JSON.stringify(body)}`);
  return body.data.access_token;
}

/** The first error's code and message of a Directus-style error body. */
export function errorOf(body: any): { code: string; message: string; field?: string; rule?: string } {
  const error = body?.errors?.[0];
  return { code: error?.extensions?.code, message: error?.message, field: error?.extensions?.field, rule: error?.extensions?.rule };
}
