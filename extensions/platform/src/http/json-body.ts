/**
 * JSON bodies of `/platform/*`, parsed by us so that every bad body gets the platform's own error
 * (Chinese message, stable code) instead of Directus's English `Invalid payload …` with 400:
 *   - more than `maxBytes` → 413 BODY_TOO_LARGE (the platform's JSON bodies are forms of a few KB);
 *   - not JSON → 400 BODY_MALFORMED;
 *   - JSON that is not an object (a string, a number, an array, null) → 400 BODY_NOT_OBJECT.
 * Mounted ahead of Directus's own JSON parser (hooks/parse-platform-json.ts), which then sees the
 * body as parsed (`_body`) and leaves it alone. Multipart uploads are not JSON and pass through to
 * their own size-capped readers (upload.ts).
 */
import type { NextFunction, Request, Response } from 'express';
import { invalid } from './errors';
import { readRawBody } from './raw-body';

/** Largest JSON body of `/platform/*` (a declaration, the biggest form, is a few KB). */
export const PLATFORM_JSON_MAX_BYTES = 1024 * 1024;

type JsonRequest = Request & { rawBody?: Buffer; _body?: boolean };

const isJson = (req: Request) => /^application\/([\w.+-]+\+)?json\b/i.test(String(req.headers['content-type'] ?? ''));
const hasBody = (req: Request) => req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/** The request body (or a multipart text field `field` holding JSON) as a JSON object, or the platform's 400. */
export function parseJsonObject(bytes: Buffer, field?: string): Record<string, unknown> {
  const text = bytes.toString('utf8');
  // An empty body is an empty form: the model then says which field is missing.
  if (!text.trim()) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid('BODY_MALFORMED', '请求内容不是有效的 JSON，请检查后重新提交', field);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid('BODY_NOT_OBJECT', '请求内容格式不正确，应为 JSON 对象', field);
  return value as Record<string, unknown>;
}

/**
 * Express middleware parsing the JSON bodies of requests under `prefix`.
 * @example app.use(platformJsonBody('/platform/', PLATFORM_JSON_MAX_BYTES));
 */
export function platformJsonBody(prefix: string, maxBytes: number) {
  return (req: JsonRequest, _res: Response, next: NextFunction): void => {
    if (!req.path.startsWith(prefix) || !isJson(req) || !hasBody(req) || req._body) return next();
    readRawBody(req, { maxBytes }).then(
      (bytes) => {
        req.rawBody = bytes;
        req._body = true;
        try {
          req.body = parseJsonObject(bytes);
        } catch (error) {
          return next(error);
        }
        next();
      },
      (error: unknown) => {
        // Read what is left so the answer reaches the client before the connection closes.
        req.resume();
        next(error);
      },
    );
  };
}
