/**
 * Image uploads at the boundary: one multipart file, size-capped while streaming, type sniffed from
 * its bytes (not from the name or the client's content type), truncated images refused.
 */
import busboy from 'busboy';
import type { Request } from 'express';
import { invalid, TooLargeError } from './errors';

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

export interface UploadedImage {
  buffer: Buffer;
  type: ImageType;
  filename: string;
  /** The other (text) form fields of the request. */
  fields: Record<string, string>;
}

/** The image type of `buffer` from its magic bytes, or null. */
export function sniffImageType(buffer: Buffer): ImageType | null {
  if (buffer.length >= 3 && buffer[0] === 0xff && buffer[1] === 0xd8 && buffer[2] === 0xff) return 'image/jpeg';
  if (buffer.length >= 8 && buffer.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (buffer.length >= 12 && buffer.toString('ascii', 0, 4) === 'RIFF' && buffer.toString('ascii', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** Whether the image data runs to its format's end marker (a cut-off upload does not). */
export function isComplete(buffer: Buffer, type: ImageType): boolean {
  if (type === 'image/jpeg') {
    // The EOI marker, allowing trailing padding some cameras append.
    const tail = buffer.subarray(Math.max(0, buffer.length - 64));
    for (let i = tail.length - 2; i >= 0; i--) if (tail[i] === 0xff && tail[i + 1] === 0xd9) return true;
    return false;
  }
  if (type === 'image/png') return buffer.length >= 12 && buffer.subarray(buffer.length - 8, buffer.length - 4).toString('ascii') === 'IEND';
  return buffer.length >= 8 && buffer.readUInt32LE(4) + 8 <= buffer.length;
}

/**
 * Reads exactly one image from a multipart request (field `file` unless told otherwise).
 * @example const image = await readImageUpload(req, { maxBytes: config.PLATFORM_UPLOAD_MAX_BYTES });
 */
export function readImageUpload(req: Request, options: { maxBytes: number; field?: string }): Promise<UploadedImage> {
  const field = options.field ?? 'file';
  const limitMb = Math.round(options.maxBytes / 1024 / 1024);
  return new Promise((resolve, reject) => {
    if (!String(req.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
      reject(invalid('UPLOAD_NOT_MULTIPART', '请以 multipart/form-data 上传图片'));
      return;
    }
    const fields: Record<string, string> = {};
    let file: { buffer: Buffer; filename: string } | null = null;
    let failure: Error | null = null;
    const parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: options.maxBytes, fields: 20, fieldSize: 10_000 } });
    parser.on('field', (name, value) => (fields[name] = value));
    parser.on('file', (name, stream, info) => {
      if (name !== field) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => (failure = new TooLargeError({ rule: 'UPLOAD_TOO_LARGE', message: `图片不能超过 ${limitMb} MB`, field })));
      stream.on('end', () => (file = { buffer: Buffer.concat(chunks), filename: info.filename || 'upload' }));
    });
    parser.on('error', () => reject(invalid('UPLOAD_MALFORMED', '上传内容不完整或格式错误')));
    parser.on('close', () => {
      if (failure) return reject(failure);
      if (!file || file.buffer.length === 0) return reject(invalid('UPLOAD_MISSING', '请选择要上传的图片', field));
      const type = sniffImageType(file.buffer);
      if (!type) return reject(invalid('UPLOAD_NOT_IMAGE', '只能上传 JPG、PNG 或 WebP 图片', field));
      if (!isComplete(file.buffer, type)) return reject(invalid('UPLOAD_TRUNCATED', '图片文件不完整，请重新拍摄或选择', field));
      resolve({ buffer: file.buffer, type, filename: file.filename, fields });
    });
    req.pipe(parser);
  });
}
