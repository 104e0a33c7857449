import { showFailToast, showToast } from 'vant';

/**
 * The one place where failed requests become what the user sees.
 * Our API answers Directus-style: `{ errors: [{ message, extensions: { code, field?, reason? } }] }`,
 * with `message` already in Chinese for our own endpoints.
 */

export const NETWORK_ERROR_MESSAGE = '网络异常，请稍后重试';

/** Thrown by the client when the server answers an error without a readable body. */
export class HttpStatusError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
    this.name = 'HttpStatusError';
  }
}

export interface ApiError {
  /** HTTP status, or null when the request never got an answer. */
  status: number | null;
  code: string;
  message: string;
  /** The offending form field, when the server names one. */
  field?: string;
  reason?: string;
}

// Directus' own errors come with English messages; these are the ones a project user can meet.
const CODE_MESSAGES: Record<string, string> = {
  INVALID_CREDENTIALS: '账号或密码错误',
  INVALID_OTP: '动态验证码错误',
  USER_SUSPENDED: '账号已停用，请联系主管部门',
  TOKEN_EXPIRED: '登录已过期，请重新登录',
  INVALID_TOKEN: '登录已失效，请重新登录',
  FORBIDDEN: '没有权限或记录不存在',
  ROUTE_NOT_FOUND: '请求的功能不存在',
  REQUESTS_EXCEEDED: '操作过于频繁，请稍后再试',
  INVALID_PAYLOAD: '提交的内容有误，请检查后重试',
  INVALID_QUERY: '请求参数有误',
  SERVICE_UNAVAILABLE: '服务暂不可用，请稍后重试',
  INTERNAL_SERVER_ERROR: '服务器开小差了，请稍后重试',
};

// 401s that mean "wrong input at login", not "session gone".
const CREDENTIAL_CODES = new Set(['INVALID_CREDENTIALS', 'INVALID_OTP', 'USER_SUSPENDED']);

const HAS_CHINESE = /[\u4e00-\u9fff]/;

interface RawApiError {
  message?: unknown;
  extensions?: { code?: unknown; field?: unknown; reason?: unknown };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function statusOf(err: Record<string, unknown>): number | null {
  const response = err.response;
  if (response instanceof Response) return response.status;
  return null;
}

// When neither the message nor the code says anything a person can use.
const STATUS_MESSAGES: Record<number, string> = {
  401: '登录已过期，请重新登录',
  403: '没有权限或记录不存在',
  404: '请求的内容不存在',
  413: '上传的内容过大',
  429: '操作过于频繁，请稍后再试',
};

function fallbackFor(status: number | null): string {
  if (status === null) return NETWORK_ERROR_MESSAGE;
  if (status >= 500) return '服务暂不可用，请稍后重试';
  return STATUS_MESSAGES[status] ?? '请求失败，请稍后重试';
}

/** Normalises anything a request can throw. */
export function parseApiError(err: unknown): ApiError {
  if (err instanceof HttpStatusError) {
    return { status: err.status, code: `HTTP_${err.status}`, message: fallbackFor(err.status) };
  }
  // fetch() itself rejects (TypeError) when the network or the server is unreachable.
  if (!isRecord(err) || !('response' in err)) {
    return { status: null, code: 'NETWORK', message: NETWORK_ERROR_MESSAGE };
  }
  const status = statusOf(err);
  const first: RawApiError | undefined =
    Array.isArray(err.errors) && isRecord(err.errors[0]) ? (err.errors[0] as RawApiError) : undefined;
  const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : `HTTP_${status ?? 0}`;
  const serverMessage = typeof first?.message === 'string' ? first.message : '';
  const message = HAS_CHINESE.test(serverMessage)
    ? serverMessage
    : (CODE_MESSAGES[code] ?? fallbackFor(status));
  const result: ApiError = { status, code, message };
  if (typeof first?.extensions?.field === 'string') result.field = first.extensions.field;
  if (typeof first?.extensions?.reason === 'string') result.reason = first.extensions.reason;
  return result;
}

/** Whether the error means the stored session is no longer valid. */
export function isSessionExpired(error: ApiError): boolean {
  return error.status === 401 && !CREDENTIAL_CODES.has(error.code);
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => undefined;

/** Registered once by the app shell (it knows the router); keeps the API layer free of routing. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

// Vant's icon toast is a small square: fine for a few characters, unreadable for a sentence.
const SHORT_MESSAGE = 8;

/** The one way errors are toasted in the app. */
export function toastError(message: string): void {
  if (message.length <= SHORT_MESSAGE) showFailToast(message);
  else showToast({ message, wordBreak: 'break-word', duration: 3000 });
}

/** Shows the error as a toast (and sends the user to login when the session is gone); returns it parsed. */
export function reportApiError(err: unknown): ApiError {
  const error = parseApiError(err);
  toastError(error.message);
  if (isSessionExpired(error)) onUnauthorized();
  return error;
}
