/**
 * Image uploads at the boundary, for every route that takes one (ID photos, 本人照片, faces, contract
 * photos, certificates, OCR): multipart files, size-capped while streaming, type sniffed from their
 * bytes (not from the name or the client's content type), truncated images refused, and images over
 * the pixel limit refused from their header before anything decodes them (`image-size.ts`).
 * `readImageUpload` reads one image (field `file`); `readImageUploads` reads several named images
 * of one request (e.g. 身份证正面, 身份证背面, 本人照片) plus its text fields; `readImageList` reads
 * one field repeated (the pages of a contract).
 */
import busboy from 'busboy';
import type { Request } from 'express';
import { invalid, TooLargeError } from './errors';
import { NOT_AN_IMAGE_MESSAGE, sniffImageType, type ImageType } from '../../../../schema/rules/image';
import { imageDimensions } from './image-size';

/** What every upload route enforces (`uploadLimits(env)` in config.ts). */
export interface UploadLimits {
  /** Size cap per image, while streaming. */
  maxBytes: number;
  /** Largest width × height, from the header. */
  maxPixels: number;
}


export interface UploadedImage {
  buffer: Buffer;
  type: ImageType;
  filename: string;
  /** The other (text) form fields of the request. */
  fields: Record<string, string>;
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

/** One file as busboy delivered it. */
interface ReceivedFile {
  buffer: Buffer;
  filename: string;
  tooLarge: boolean;
}

/**
 * Checks one received file in the order a person would fix it (size, present, type, complete,
 * pixels); `what` names it in messages ('身份证正面', '第2张合同照片', or '' for a lone image).
 */
async function checkImage(file: ReceivedFile | undefined, what: string, field: string, limits: UploadLimits, fields: Record<string, string>): Promise<UploadedImage> {
  const name = what || '图片';
  if (file?.tooLarge) throw new TooLargeError({ rule: 'UPLOAD_TOO_LARGE', message: `${name}不能超过 ${Math.round(limits.maxBytes / 1024 / 1024)} MB`, field });
  if (!file || file.buffer.length === 0) throw invalid('UPLOAD_MISSING', what ? `请上传${what}` : '请选择要上传的图片', field);
  const type = sniffImageType(file.buffer);
  if (!type) throw invalid('UPLOAD_NOT_IMAGE', `${what}${NOT_AN_IMAGE_MESSAGE}`, field);
  if (!isComplete(file.buffer, type)) throw invalid('UPLOAD_TRUNCATED', `${name}文件不完整，请重新拍摄或选择`, field);
  const size = await imageDimensions(file.buffer);
  if (!size) throw invalid('UPLOAD_UNREADABLE', `${name}无法识别，请重新拍摄或选择`, field);
  if (size.width * size.height > limits.maxPixels) {
    const megapixels = (size.width * size.height) / 1_000_000;
    throw new TooLargeError({
      rule: 'UPLOAD_TOO_MANY_PIXELS',
      message: `${name}尺寸过大（${size.width}×${size.height}，约${Math.round(megapixels)}百万像素），请使用不超过${Math.floor(limits.maxPixels / 1_000_000)}百万像素的照片`,
      field,
    });
  }
  return { buffer: file.buffer, type, filename: file.filename, fields };
}

/** Starts busboy on `req`, or rejects at once when the request is not multipart. */
function multipartParser(req: Request, limits: busboy.Limits, reject: (error: Error) => void): busboy.Busboy | null {
  if (!String(req.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
    reject(invalid('UPLOAD_NOT_MULTIPART', '请以 multipart/form-data 上传图片'));
    return null;
  }
  try {
    return busboy({ headers: req.headers, limits });
  } catch {
    reject(malformed());
    return null;
  }
}

const malformed = () => invalid('UPLOAD_MALFORMED', '上传内容不完整或格式错误');

/** Collects a file stream into `entry` (marking it when it hits the size cap). */
function collect(stream: NodeJS.ReadableStream, entry: ReceivedFile): void {
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('limit', () => (entry.tooLarge = true));
  stream.on('end', () => (entry.buffer = Buffer.concat(chunks)));
}

/**
 * Reads exactly one image from a multipart request (field `file` unless told otherwise).
 * @example const image = await readImageUpload(req, uploadLimits(ctx.env));
 */
export async function readImageUpload(req: Request, options: UploadLimits & { field?: string }): Promise<UploadedImage> {
  const field = options.field ?? 'file';
  // An empty label keeps the generic wording ("请选择要上传的图片", "图片不能超过 10 MB").
  const { images } = await readImageUploads(req, { ...options, labels: { [field]: '' } });
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

export interface ImageUploadsOptions<K extends string> extends UploadLimits {
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
 * @example const { images, fields } = await readImageUploads(req, { ...uploadLimits(env), labels: { id_front: '身份证正面', photo: '本人照片' } });
 */
export async function readImageUploads<K extends string>(req: Request, options: ImageUploadsOptions<K>): Promise<UploadedImages<K>> {
  const names = Object.keys(options.labels) as K[];
  const { fields, received } = await new Promise<{ fields: Record<string, string>; received: Map<K, ReceivedFile> }>((resolve, reject) => {
    const parser = multipartParser(req, { files: names.length + 4, fileSize: options.maxBytes, fields: 50, fieldSize: options.maxFieldBytes ?? 10_000 }, reject);
    if (!parser) return;
    const fields: Record<string, string> = {};
    const received = new Map<K, ReceivedFile>();
    parser.on('field', (name, value) => (fields[name] = value));
    parser.on('file', (name, stream, info) => {
      const key = name as K;
      // Unknown fields and repeats of a field already read are drained and ignored.
      if (!names.includes(key) || received.has(key)) {
        stream.resume();
        return;
      }
      const entry: ReceivedFile = { buffer: Buffer.alloc(0), filename: info.filename || 'upload', tooLarge: false };
      received.set(key, entry);
      collect(stream, entry);
    });
    parser.on('error', () => reject(malformed()));
    parser.on('close', () => resolve({ fields, received }));
    req.on('error', () => reject(malformed()));
    req.pipe(parser);
  });
  const images = {} as Record<K, UploadedImage>;
  for (const field of names) images[field] = await checkImage(received.get(field), options.labels[field], field, options, fields);
  return { images, fields };
}

export interface ImageListOptions extends UploadLimits {
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
 * @example const { images, fields } = await readImageList(req, { ...uploadLimits(env), field: 'photos', label: '合同照片', maxFiles: 9 });
 */
export async function readImageList(req: Request, options: ImageListOptions): Promise<{ images: UploadedImage[]; fields: Record<string, string> }> {
  const { field, label, maxFiles } = options;
  const { fields, received, tooMany } = await new Promise<{ fields: Record<string, string>; received: ReceivedFile[]; tooMany: boolean }>((resolve, reject) => {
    const parser = multipartParser(req, { files: maxFiles + 1, fileSize: options.maxBytes, fields: 20, fieldSize: 10_000 }, reject);
    if (!parser) return;
    const fields: Record<string, string> = {};
    const received: ReceivedFile[] = [];
    let tooMany = false;
    parser.on('field', (name, value) => (fields[name] = value));
    parser.on('file', (name, stream, info) => {
      if (name !== field || received.length >= maxFiles) {
        tooMany ||= name === field;
        stream.resume();
        return;
      }
      const entry: ReceivedFile = { buffer: Buffer.alloc(0), filename: info.filename || 'upload', tooLarge: false };
      received.push(entry);
      collect(stream, entry);
    });
    parser.on('filesLimit', () => (tooMany = true));
    parser.on('error', () => reject(malformed()));
    parser.on('close', () => resolve({ fields, received, tooMany }));
    req.on('error', () => reject(malformed()));
    req.pipe(parser);
  });
  if (tooMany) throw invalid('UPLOAD_TOO_MANY', `一次最多上传${maxFiles}张${label}`, field);
  if (!received.length) throw invalid('UPLOAD_MISSING', `请上传${label}`, field);
  const images: UploadedImage[] = [];
  for (const [index, file] of received.entries()) {
    const which = received.length > 1 ? `第${index + 1}张${label}` : label;
    if (file.buffer.length === 0 && !file.tooLarge) throw invalid('UPLOAD_MISSING', `${which}是空文件，请重新选择`, field);
    images.push(await checkImage(file, which, field, options, fields));
  }
  return { images, fields };
}
