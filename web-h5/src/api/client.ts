import {
  authentication,
  createDirectus,
  customEndpoint,
  rest,
  type AuthenticationData,
  type AuthenticationStorage,
  type HttpMethod,
} from '@directus/sdk';
import { HttpStatusError } from './errors';

const AUTH_KEY = 'realname-h5:auth';

/** The stored token pair, or null when absent or unreadable. Synchronous so the router guard can use it. */
export function readStoredAuth(): AuthenticationData | null {
  const raw = localStorage.getItem(AUTH_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as AuthenticationData;
  } catch {
    return null;
  }
}

const storage: AuthenticationStorage = {
  get: readStoredAuth,
  set: (value) => {
    // The SDK "clears" by writing a record of nulls; store nothing in that case.
    if (!value?.access_token && !value?.refresh_token) localStorage.removeItem(AUTH_KEY);
    else localStorage.setItem(AUTH_KEY, JSON.stringify(value));
  },
};

/** Whether a session is stored; the server still decides whether it is valid. */
export function hasStoredSession(): boolean {
  const auth = readStoredAuth();
  return Boolean(auth?.access_token ?? auth?.refresh_token);
}

export function clearStoredSession(): void {
  localStorage.removeItem(AUTH_KEY);
}

// The H5 is served by the Directus host under /h5/ (and proxied in dev), so the API is same-origin.
const origin = import.meta.env.VITE_API_ORIGIN ?? window.location.origin;

/** The one API client of the app. */
export const client = createDirectus(origin)
  .with(authentication('json', { autoRefresh: true, storage }))
  .with(
    rest({
      onResponse: (data: unknown) => {
        // The SDK hands back a bare Response when an error has no JSON/text body (e.g. a proxy 502).
        if (data instanceof Response && !data.ok) throw new HttpStatusError(data.status);
        return data;
      },
    }),
  );

export interface CallOptions {
  method?: HttpMethod;
  params?: Record<string, string>;
  body?: object;
  /** Public endpoints are called without the stored token, so a stale session cannot break them. */
  public?: boolean;
}

function withoutAuthorization(init: RequestInit): RequestInit {
  const headers = { ...(init.headers as Record<string, string> | undefined) };
  delete headers.Authorization;
  return { ...init, headers };
}

/**
 * Calls one of our `/platform/...` endpoints. Directus-style `{ data }` envelopes are unwrapped by
 * the SDK, so `T` is the payload inside `data` (or null for 204).
 */
export function call<T>(path: string, options: CallOptions = {}): Promise<T> {
  return client.request(
    customEndpoint<T>({
      path,
      method: options.method ?? 'GET',
      ...(options.params ? { params: options.params } : {}),
      ...(options.body ? { body: JSON.stringify(options.body) } : {}),
      // A present Authorization header stops the SDK from adding the token; onRequest then drops it.
      ...(options.public ? { headers: { Authorization: '' }, onRequest: withoutAuthorization } : {}),
    }),
  );
}

/**
 * Posts a multipart form (photos plus text fields) to one of our `/platform/...` endpoints; the
 * browser sets the boundary. Same envelope and errors as `call()`.
 * @example await callForm<Receipt>('/platform/key-posts', form);
 */
export function callForm<T>(path: string, form: FormData, method: HttpMethod = 'POST'): Promise<T> {
  return client.request(
    customEndpoint<T>({ path, method, body: form, headers: { 'Content-Type': 'multipart/form-data' } }),
  );
}
