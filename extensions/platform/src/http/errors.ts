/**
 * The platform's domain errors, defined once. Each carries a Chinese `message` for people and a
 * stable `code` (plus `extensions.rule`, and `field` where one field is at fault) for machines.
 * Directus's error handler renders them as `{ errors: [{ message, extensions: { code, ... } }] }`.
 */
import { createError } from '@directus/errors';

export interface InvalidInputExtensions {
  /** Stable rule id, e.g. `ID_CHECKSUM`, `REQUIRED`, `DATE_ORDER`. */
  rule: string;
  /** The request field at fault, when there is one (dot path for nested fields). */
  field?: string;
  message: string;
}

/** 400: the request is malformed or breaks a field rule. */
export const InvalidInputError = createError<InvalidInputExtensions>('PLATFORM_INVALID_INPUT', (e) => e.message, 400);

/** 401: no or expired login. */
export const LoginRequiredError = createError<{ message: string }>('PLATFORM_LOGIN_REQUIRED', (e) => e.message, 401);

/** 403: not this caller's to see or change; "not found" and "not yours" look the same. */
export const NotYoursError = createError<{ message: string }>('PLATFORM_FORBIDDEN', (e) => e.message, 403);

/** 409: the request is well-formed but the current state forbids it (already decided, already on site …). */
export const StateConflictError = createError<{ rule: string; message: string; field?: string }>(
  'PLATFORM_STATE_CONFLICT',
  (e) => e.message,
  409,
);

/** 413: an upload over the size limit. */
export const TooLargeError = createError<{ rule: string; message: string; field?: string }>('PLATFORM_TOO_LARGE', (e) => e.message, 413);

export const notYours = () => new NotYoursError({ message: '无权访问或记录不存在' });
export const loginRequired = () => new LoginRequiredError({ message: '请先登录' });
export const invalid = (rule: string, message: string, field?: string) =>
  new InvalidInputError(field === undefined ? { rule, message } : { rule, message, field });
export const conflict = (rule: string, message: string) => new StateConflictError({ rule, message });
