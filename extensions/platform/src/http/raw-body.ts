/**
 * Request bodies as bytes. Directus parses only JSON (keeping its bytes as `req.rawBody`), and the
 * device endpoints run before even that, so their bodies are read here, size-capped.
 */
import type { Request } from 'express';
import { invalid, TooLargeError } from './errors';

/**
 * The whole body as bytes, at most `maxBytes` (413 beyond, without buffering the rest).
 * @example const text = (await readRawBody(req, { maxBytes: 4 << 20 })).toString('utf8');
 */
export function readRawBody(req: Request & { rawBody?: Buffer }, options: { maxBytes: number }): Promise<Buffer> {
  if (req.rawBody) return Promise.resolve(req.rawBody);
  if (req.readableEnded) return Promise.resolve(Buffer.alloc(0));
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > options.maxBytes) return Promise.reject(tooLarge(options.maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (error: Error | null) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      if (error) {
        // Stop reading; the response still goes out (the client just sees the connection end early).
        req.resume();
        reject(error);
      } else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > options.maxBytes) finish(tooLarge(options.maxBytes));
      else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => finish(null));
    req.once('error', () => finish(invalid('BODY_INCOMPLETE', '请求内容不完整')));
    req.once('aborted', () => finish(invalid('BODY_INCOMPLETE', '请求内容不完整')));
  });
}

function tooLarge(maxBytes: number): Error {
  return new TooLargeError({ rule: 'BODY_TOO_LARGE', message: `请求内容不能超过 ${Math.round(maxBytes / 1024)} KB` });
}
