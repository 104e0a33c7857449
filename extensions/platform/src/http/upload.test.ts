import { Readable } from 'node:stream';
import type { Request } from 'express';
import { describe, expect, test } from 'vitest';
import { hugePng } from '../../../../tests/support/huge-png';
import { readImageList, readImageUpload, readImageUploads } from './upload';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const JPEG_CUT = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
const BOUNDARY = 'test-boundary-42';
/** 20000×20000 pixels in ~50 KB (the decompression bomb). */
const HUGE = hugePng(20_000, 20_000);

type Part = { name: string; value: string } | { name: string; file: Buffer; filename?: string };

/** A request carrying `parts` as multipart/form-data, as Express hands it to a handler. */
function multipart(parts: Part[]): Request {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${BOUNDARY}\r\n`));
    if ('value' in part) chunks.push(Buffer.from(`Content-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`));
    else {
      chunks.push(Buffer.from(`Content-Disposition: form-data; name="${part.name}"; filename="${part.filename ?? 'x.png'}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
      chunks.push(part.file, Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  const stream = Readable.from([Buffer.concat(chunks)]) as unknown as Request;
  Object.assign(stream, { headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } });
  return stream;
}

const LABELS = { id_front: '身份证正面', id_back: '身份证背面', photo: '本人照片' } as const;
const all = (change: Partial<Record<keyof typeof LABELS, Buffer | null>> = {}): Part[] =>
  (Object.keys(LABELS) as (keyof typeof LABELS)[]).flatMap((name) => {
    const file = name in change ? change[name] : PNG;
    return file ? [{ name, file }] : [];
  });

describe('readImageUploads', () => {
  test('reads every named image and the text fields', async () => {
    const { images, fields } = await readImageUploads(multipart([{ name: 'data', value: '{"a":1}' }, ...all(), { name: 'extra', file: PNG }]), { maxBytes: 1024, maxPixels: 40_000_000, labels: LABELS });
    expect(Object.keys(images).sort()).toEqual(['id_back', 'id_front', 'photo']);
    expect(images.photo).toMatchObject({ type: 'image/png', filename: 'x.png' });
    expect(images.photo.buffer.equals(PNG)).toBe(true);
    expect(fields).toEqual({ data: '{"a":1}' });
  });

  test.each([
    ['a missing image', { id_back: null }, 400, 'UPLOAD_MISSING', 'id_back', '请上传身份证背面'],
    ['not an image', { id_front: Buffer.from('hello, not an image') }, 400, 'UPLOAD_NOT_IMAGE', 'id_front', '身份证正面只能上传 JPG、PNG 或 WebP 图片'],
    ['a truncated JPEG', { photo: JPEG_CUT }, 400, 'UPLOAD_TRUNCATED', 'photo', '本人照片文件不完整，请重新拍摄或选择'],
    ['an image over the limit', { photo: Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]) }, 413, 'UPLOAD_TOO_LARGE', 'photo', '本人照片不能超过 1 MB'],
    ['a tiny file of 400 megapixels', { id_back: HUGE }, 413, 'UPLOAD_TOO_MANY_PIXELS', 'id_back', '身份证背面尺寸过大（20000×20000，约400百万像素），请使用不超过40百万像素的照片'],
    ['an image whose header is garbage', { id_front: Buffer.concat([PNG.subarray(0, 8), Buffer.alloc(40, 7), PNG.subarray(-12)]) }, 400, 'UPLOAD_UNREADABLE', 'id_front', '身份证正面无法识别，请重新拍摄或选择'],
  ])('%s is refused naming the field', async (_case, change, status, rule, field, message) => {
    await expect(readImageUploads(multipart(all(change)), { maxBytes: 1024 * 1024, maxPixels: 40_000_000, labels: LABELS })).rejects.toMatchObject({ status, extensions: { rule, field, message } });
  });

  test('the first problem in label order is reported', async () => {
    await expect(readImageUploads(multipart(all({ id_front: null, photo: JPEG_CUT })), { maxBytes: 1024, maxPixels: 40_000_000, labels: LABELS })).rejects.toMatchObject({ extensions: { field: 'id_front' } });
  });

  test('a request that is not multipart is refused', async () => {
    const req = Object.assign(Readable.from([]), { headers: { 'content-type': 'application/json' } }) as unknown as Request;
    await expect(readImageUploads(req, { maxBytes: 1024, maxPixels: 40_000_000, labels: LABELS })).rejects.toMatchObject({ status: 400, extensions: { rule: 'UPLOAD_NOT_MULTIPART' } });
  });
});

describe('readImageUpload keeps its single-image wording', () => {
  test('reads field `file` with the other fields', async () => {
    const image = await readImageUpload(multipart([{ name: 'side', value: 'front' }, { name: 'file', file: PNG }]), { maxBytes: 1024, maxPixels: 40_000_000 });
    expect(image).toMatchObject({ type: 'image/png', fields: { side: 'front' } });
  });

  test.each([
    ['missing', [] as Part[], '请选择要上传的图片'],
    ['not an image', [{ name: 'file', file: Buffer.from('nope nope nope') }], '只能上传 JPG、PNG 或 WebP 图片'],
    ['too large', [{ name: 'file', file: Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]) }], '图片不能超过 1 MB'],
  ])('%s', async (_case, parts, message) => {
    await expect(readImageUpload(multipart(parts), { maxBytes: 1024 * 1024, maxPixels: 40_000_000 })).rejects.toMatchObject({ extensions: { message } });
  });
});

describe('the pixel limit', () => {
  test('is read from the header: the 50 KB file of 400 megapixels is refused at once, a 1×1 passes', async () => {
    expect(HUGE.length).toBeLessThan(100 * 1024);
    await expect(readImageUpload(multipart([{ name: 'file', file: HUGE }]), { maxBytes: 1024 * 1024, maxPixels: 40_000_000 })).rejects.toMatchObject({
      status: 413,
      extensions: { rule: 'UPLOAD_TOO_MANY_PIXELS', message: '图片尺寸过大（20000×20000，约400百万像素），请使用不超过40百万像素的照片' },
    });
    await expect(readImageUpload(multipart([{ name: 'file', file: PNG }]), { maxBytes: 1024, maxPixels: 1 })).resolves.toMatchObject({ type: 'image/png' });
  });

  test('is configurable: 2 pixels refuses a 2×1 image, and a list names which photo', async () => {
    const twoByOne = hugePng(2, 1);
    await expect(readImageUpload(multipart([{ name: 'file', file: twoByOne }]), { maxBytes: 1024, maxPixels: 1 })).rejects.toMatchObject({ status: 413 });
    const list = readImageList(multipart([{ name: 'photos', file: PNG }, { name: 'photos', file: HUGE }]), { maxBytes: 1024 * 1024, maxPixels: 40_000_000, field: 'photos', label: '合同照片', maxFiles: 9 });
    await expect(list).rejects.toMatchObject({ status: 413, extensions: { field: 'photos', message: expect.stringMatching(/^第2张合同照片尺寸过大/) } });
  });
});
