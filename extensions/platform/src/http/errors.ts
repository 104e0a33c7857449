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

/**
 * 503: a device the platform does not accept uploads from yet (unknown or not bound to a project).
 * Nothing is stored and nothing acknowledged, so the device keeps its records and sends them again;
 * every vendor's terminal retries on a 5xx.
 */
export const DeviceNotReadyError = createError<{ rule: string; message: string }>('PLATFORM_DEVICE_NOT_READY', (e) => e.message, 503);

/**
 * 401: a terminal that did not prove it is the device it names (wrong or missing secret, another
 * protocol's serial, an address outside its allow-list). Nothing is stored or changed; every
 * vendor's terminal keeps its records and tries again later. `challenge` is the `WWW-Authenticate`
 * value when the device can answer one (Hikvision's digest authentication).
 */
export const DeviceUnauthorizedError = createError<{ rule: string; message: string; challenge?: string }>('PLATFORM_DEVICE_UNAUTHORIZED', (e) => e.message, 401);

/** 429: too many calls naming unknown serials from one address, or the pending-device registry is full. */
export const DeviceRateLimitedError = createError<{ rule: string; message: string }>('PLATFORM_DEVICE_RATE_LIMITED', (e) => e.message, 429);

/** 503: a service the request needs (the face or OCR model) is down or overloaded; nothing was saved, retry later. */
export const ServiceUnavailableError = createError<{ rule: string; message: string }>('PLATFORM_SERVICE_UNAVAILABLE', (e) => e.message, 503);

/**
 * 422: a well-formed, readable upload whose content cannot be used — a photo of the wrong side of
 * an ID card, or with no card in it. Same code as a 400 so clients treat it as bad input.
 */
export const UnprocessableError = createError<InvalidInputExtensions>('PLATFORM_INVALID_INPUT', (e) => e.message, 422);

export const notYours = () => new NotYoursError({ message: '无权访问或记录不存在' });
export const loginRequired = () => new LoginRequiredError({ message: '请先登录' });
export const invalid = (rule: string, message: string, field?: string) =>
  new InvalidInputError(field === undefined ? { rule, message } : { rule, message, field });
export const conflict = (rule: string, message: string) => new StateConflictError({ rule, message });
export const deviceNotReady = (rule: string, message: string) => new DeviceNotReadyError({ rule, message });
export const deviceUnauthorized = (rule: string, message: string, challenge?: string) =>
  new DeviceUnauthorizedError(challenge === undefined ? { rule, message } : { rule, message, challenge });
export const deviceRateLimited = (rule: string, message: string) => new DeviceRateLimitedError({ rule, message });
export const unavailable = (rule: string, message: string) => new ServiceUnavailableError({ rule, message });
export const unprocessable = (rule: string, message: string, field?: string) =>
  new UnprocessableError(field === undefined ? { rule, message } : { rule, message, field });
