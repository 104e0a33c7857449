/**
 * Image uploads at the boundary: multipart files, size-capped while streaming, type sniffed from
 * their bytes (not from the name or the client's content type), truncated images refused.
 * `readImageUpload` reads one image (field `file`); `readImageUploads` reads several named images
 * of one request (e.g. 身份证正面, 身份证背面, 本人照片) plus its text fields.
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
export async function readImageUpload(req: Request, options: { maxBytes: number; field?: string }): Promise<UploadedImage> {
  const field = options.field ?? 'file';
  // An empty label keeps the generic wording ("请选择要上传的图片", "图片不能超过 10 MB").
  const { images } = await readImageUploads(req, { maxBytes: options.maxBytes, labels: { [field]: '' } });
  const image = images[field];
  if (!image) throw invalid('UPLOAD_MISSING', '请选择要上传的图片', field);
  return image;
}

export interface UploadedImages<K extends string> {
  /** Every requested image, by field name. */
  images: Record<K, UploadedImage>;
  /** The text fields of the request. */
  fields: Record<string, string>;
}

export interface ImageUploadsOptions<K extends string> {
  /** Size cap per image. */
  maxBytes: number;
  /**
   * The file fields to read (all required), each with what people call it, for messages:
   * `{ id_front: '身份证正面' }` → "请上传身份证正面", "身份证正面不能超过 10 MB".
   */
  labels: Readonly<Record<K, string>>;
  /** Largest text field in bytes (default 10 000); a JSON form field may need more. */
  maxFieldBytes?: number;
}

/**
 * Reads several named images and the text fields of one multipart request. Every image is checked
 * before the caller writes anything; the first problem, in the order of `labels`, becomes a
 * 400/413 naming that field.
 * @example const { images, fields } = await readImageUploads(req, { maxBytes, labels: { id_front: '身份证正面', photo: '本人照片' } });
 */
export function readImageUploads<K extends string>(req: Request, options: ImageUploadsOptions<K>): Promise<UploadedImages<K>> {
  const names = Object.keys(options.labels) as K[];
  const limitMb = Math.round(options.maxBytes / 1024 / 1024);
  const what = (field: K) => options.labels[field] || '图片';
  return new Promise((resolve, reject) => {
    const malformed = () => reject(invalid('UPLOAD_MALFORMED', '上传内容不完整或格式错误'));
    if (!String(req.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
      reject(invalid('UPLOAD_NOT_MULTIPART', '请以 multipart/form-data 上传图片'));
      return;
    }
    const fields: Record<string, string> = {};
    const received = new Map<K, { buffer: Buffer; filename: string; tooLarge: boolean }>();
    let parser: ReturnType<typeof busboy>;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: names.length + 4, fileSize: options.maxBytes, fields: 50, fieldSize: options.maxFieldBytes ?? 10_000 },
      });
    } catch {
      malformed();
      return;
    }
    parser.on('field', (name, value) => (fields[name] = value));
    parser.on('file', (name, stream, info) => {
      const key = name as K;
      // Unknown fields and repeats of a field already read are drained and ignored.
      if (!names.includes(key) || received.has(key)) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      const entry = { buffer: Buffer.alloc(0), filename: info.filename || 'upload', tooLarge: false };
      received.set(key, entry);
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => (entry.tooLarge = true));
      stream.on('end', () => (entry.buffer = Buffer.concat(chunks)));
    });
    parser.on('error', malformed);
    parser.on('close', () => {
      const images = {} as Record<K, UploadedImage>;
      for (const field of names) {
        const named = options.labels[field] !== '';
        const file = received.get(field);
        if (file?.tooLarge) return reject(new TooLargeError({ rule: 'UPLOAD_TOO_LARGE', message: `${what(field)}不能超过 ${limitMb} MB`, field }));
        if (!file || file.buffer.length === 0) return reject(invalid('UPLOAD_MISSING', named ? `请上传${what(field)}` : '请选择要上传的图片', field));
        const type = sniffImageType(file.buffer);
        if (!type) return reject(invalid('UPLOAD_NOT_IMAGE', `${named ? what(field) : ''}只能上传 JPG、PNG 或 WebP 图片`, field));
        if (!isComplete(file.buffer, type)) return reject(invalid('UPLOAD_TRUNCATED', `${what(field)}文件不完整，请重新拍摄或选择`, field));
        images[field] = { buffer: file.buffer, type, filename: file.filename, fields };
      }
      resolve({ images, fields });
    });
    req.on('error', malformed);
    req.pipe(parser);
  });
}

export interface ImageListOptions {
  /** Size cap per image. */
  maxBytes: number;
  /** The file field repeated once per image, e.g. `photos`. */
  field: string;
  /** What one image is called, for messages: `合同照片` → "请上传合同照片", "第2张合同照片不能超过 10 MB". */
  label: string;
  /** Most images one request may carry. */
  maxFiles: number;
}

/**
 * Reads one or more images sent under the same field (several photos picked at once, e.g. the pages
 * of a paper contract) and the text fields, in the order sent. Every image is checked before the
 * caller writes anything; the first problem becomes a 400/413 naming the field.
 * @example const { images, fields } = await readImageList(req, { maxBytes, field: 'photos', label: '合同照片', maxFiles: 9 });
 */
export function readImageList(req: Request, options: ImageListOptions): Promise<{ images: UploadedImage[]; fields: Record<string, string> }> {
  const { field, label, maxFiles } = options;
  const limitMb = Math.round(options.maxBytes / 1024 / 1024);
  return new Promise((resolve, reject) => {
    const malformed = () => reject(invalid('UPLOAD_MALFORMED', '上传内容不完整或格式错误'));
    if (!String(req.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
      reject(invalid('UPLOAD_NOT_MULTIPART', '请以 multipart/form-data 上传图片'));
      return;
    }
    const fields: Record<string, string> = {};
    const received: { buffer: Buffer; filename: string; tooLarge: boolean }[] = [];
    let tooMany = false;
    let parser: ReturnType<typeof busboy>;
    try {
      parser = busboy({ headers: req.headers, limits: { files: maxFiles + 1, fileSize: options.maxBytes, fields: 20, fieldSize: 10_000 } });
    } catch {
      malformed();
      return;
    }
    parser.on('field', (name, value) => (fields[name] = value));
    parser.on('file', (name, stream, info) => {
      if (name !== field || received.length >= maxFiles) {
        tooMany ||= name === field;
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      const entry = { buffer: Buffer.alloc(0), filename: info.filename || 'upload', tooLarge: false };
      received.push(entry);
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => (entry.tooLarge = true));
      stream.on('end', () => (entry.buffer = Buffer.concat(chunks)));
    });
    parser.on('filesLimit', () => (tooMany = true));
    parser.on('error', malformed);
    parser.on('close', () => {
      if (tooMany) return reject(invalid('UPLOAD_TOO_MANY', `一次最多上传${maxFiles}张${label}`, field));
      if (!received.length) return reject(invalid('UPLOAD_MISSING', `请上传${label}`, field));
      const images: UploadedImage[] = [];
      for (const [index, file] of received.entries()) {
        const which = received.length > 1 ? `第${index + 1}张${label}` : label;
        if (file.tooLarge) return reject(new TooLargeError({ rule: 'UPLOAD_TOO_LARGE', message: `${which}不能超过 ${limitMb} MB`, field }));
        if (file.buffer.length === 0) return reject(invalid('UPLOAD_MISSING', `${which}是空文件，请重新选择`, field));
        const type = sniffImageType(file.buffer);
        if (!type) return reject(invalid('UPLOAD_NOT_IMAGE', `${which}只能是 JPG、PNG 或 WebP 图片`, field));
        if (!isComplete(file.buffer, type)) return reject(invalid('UPLOAD_TRUNCATED', `${which}文件不完整，请重新拍摄或选择`, field));
        images.push({ buffer: file.buffer, type, filename: file.filename, fields });
      }
      resolve({ images, fields });
    });
    req.on('error', malformed);
    req.pipe(parser);
  });
}
