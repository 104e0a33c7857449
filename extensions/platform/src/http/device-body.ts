/**
 * A device's request body in whichever shape it came: JSON, form
 * fields (`application/x-www-form-urlencoded` or `multipart/form-data`, where pictures are skipped
 * and JSON parts kept as text), or plain text. Size-capped (413).
 */
import busboy from 'busboy';
import type { Request } from 'express';
import { invalid, TooLargeError } from './errors';
import { readRawBody } from './raw-body';

export type DeviceBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'fields'; value: Record<string, string> }
  | { kind: 'text'; value: string };

export async function readDeviceBody(req: Request & { rawBody?: Buffer }, options: { maxBytes: number }): Promise<DeviceBody> {
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) return { kind: 'fields', value: await readMultipartFields(req, options.maxBytes) };
  const text = (await readRawBody(req, options)).toString('utf8');
  if (type.startsWith('application/x-www-form-urlencoded')) return { kind: 'fields', value: Object.fromEntries(new URLSearchParams(text)) };
  if (type.includes('json')) {
    try {
      return { kind: 'json', value: JSON.parse(text) as unknown };
    } catch {
      throw invalid('BODY_MALFORMED', '请求内容不是有效的 JSON');
    }
  }
  return { kind: 'text', value: text };
}

function readMultipartFields(req: Request, maxBytes: number): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let total = 0;
    let failure: Error | null = null;
    const count = (bytes: number) => {
      total += bytes;
      if (total > maxBytes && !failure) failure = new TooLargeError({ rule: 'BODY_TOO_LARGE', message: `请求内容不能超过 ${Math.round(maxBytes / 1024)} KB` });
    };
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fields: 50, fieldSize: maxBytes, files: 10, fileSize: maxBytes } });
    } catch {
      reject(invalid('BODY_MALFORMED', '请求内容格式错误（multipart 缺少 boundary）'));
      return;
    }
    parser.on('field', (name, value) => {
      count(Buffer.byteLength(value));
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      // Event JSON or XML sent as a "file" part (some firmware) is kept; pictures are counted and dropped.
      const keep = /json|text|xml/.test(info.mimeType);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        count(chunk.length);
        if (keep && !failure) chunks.push(chunk);
      });
      stream.on('end', () => {
        if (keep && fields[name] === undefined) fields[name] = Buffer.concat(chunks).toString('utf8');
      });
    });
    parser.on('error', () => reject(invalid('BODY_MALFORMED', '请求内容不完整或格式错误')));
    parser.on('close', () => (failure ? reject(failure) : resolve(fields)));
    req.pipe(parser);
  });
}
