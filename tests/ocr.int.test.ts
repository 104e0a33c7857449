/**
 * 身份证识别 over HTTP with the real engine: committed synthetic cards come back with their truth
 * fields; bad uploads get a clear 4xx and write nothing; only logged-in project staff may use it;
 * a burst of concurrent requests does not take the server down.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Knex } from 'knex';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { countRows, openDatabase } from './support/db';
import { errorOf, login } from './support/http';
import { hugePng } from './support/huge-png';
import { postMultipart, projectStaff } from './support/site-fixtures';

const FIXTURES = join(import.meta.dirname, 'fixtures/id-cards');
const truth = JSON.parse(readFileSync(join(FIXTURES, 'truth.json'), 'utf8')) as {
  images: { file: string; side: 'front' | 'back'; variant: string; fields: Record<string, string> }[];
};
const card = (file: string) => readFileSync(join(FIXTURES, file));
const truthOf = (file: string) => truth.images.find((image) => image.file === file)!;

let db: Knex;
let token: string;

const ocr = (file: Buffer, side: string | null, options: { token?: string; name?: string } = {}) =>
  postMultipart(options.token ?? token, '/platform/ocr/id-card', side === null ? {} : { side }, [['file', file, options.name ?? 'id.jpg']], inject('baseUrl'));

/** Everything a request could have written. */
const written = async () => ({ files: await countRows(db, 'directus_files'), people: await countRows(db, 'people'), audit: await countRows(db, 'audit_log') });

beforeAll(async () => {
  db = openDatabase(inject('platformEnv'));
  token = (await projectStaff(0)).token;
});

afterAll(async () => {
  await db.destroy();
});

describe('POST /platform/ocr/id-card reads the committed cards', () => {
  test.each([
    'front-01-clean.jpg',
    'back-01-clean.jpg',
    'front-02-clean.jpg', // 民族 回, a lone character
    'back-04-clean.jpg', // 长期
    'front-05-clean.jpg', // number ending in X
    'front-01-rotated.jpg',
    'back-02-perspective.jpg',
  ])('%s', async (file) => {
    const expected = truthOf(file);
    const { status, body } = await ocr(card(file), expected.side);
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.data.side).toBe(expected.side);
    const values = Object.fromEntries(Object.entries(body.data.fields as Record<string, { value: string }>).map(([key, field]) => [key, field.value]));
    expect(values).toEqual(expected.fields);
    for (const field of Object.values(body.data.fields as Record<string, { confidence: number }>)) {
      expect(field.confidence).toBeGreaterThan(0.9);
      expect(field.confidence).toBeLessThanOrEqual(1);
    }
    expect(body.data.warnings).toEqual([]);
  });

  test('the response has exactly the documented shape', async () => {
    const { body } = await ocr(card('front-03-clean.jpg'), 'front');
    expect(Object.keys(body.data).sort()).toEqual(['fields', 'side', 'warnings']);
    expect(Object.keys(body.data.fields).sort()).toEqual(['address', 'birth_date', 'ethnicity', 'gender', 'id_number', 'name']);
    expect(body.data.fields.ethnicity).toEqual({ value: '07', confidence: expect.any(Number) }); // 彝
  });

  test('an expired card is read, with the ID_EXPIRED warning', async () => {
    const { status, body } = await ocr(card('back-05-clean.jpg'), 'back');
    expect(status).toBe(200);
    expect(body.data.fields.valid_to.value).toBe(truthOf('back-05-clean.jpg').fields['valid_to']);
    expect(body.data.warnings).toContainEqual(expect.objectContaining({ code: 'ID_EXPIRED', field: 'valid_to' }));
  });

  test.each([
    ['PNG', (image: Buffer) => sharp(image).png().toBuffer()],
    ['WebP', (image: Buffer) => sharp(image).webp({ quality: 90 }).toBuffer()],
  ])('a %s photo reads the same', async (_, convert) => {
    const { status, body } = await ocr(await convert(card('front-06-clean.jpg')), 'front');
    expect(status).toBe(200);
    expect(body.data.fields.id_number.value).toBe(truthOf('front-06-clean.jpg').fields['id_number']);
  });

  test.each([90, 180, 270])('a photo turned %i° without orientation data is turned back and read', async (angle) => {
    const turned = await sharp(card('front-01-clean.jpg')).rotate(angle).jpeg({ quality: 85 }).toBuffer();
    const { status, body } = await ocr(turned, 'front');
    expect(status).toBe(200);
    expect(body.data.fields.name.value).toBe(truthOf('front-01-clean.jpg').fields['name']);
    expect(body.data.fields.id_number.value).toBe(truthOf('front-01-clean.jpg').fields['id_number']);
  });

  test('a full-size phone photo (4000 px) is scaled down first and still read', async () => {
    const big = await sharp(card('front-02-clean.jpg')).resize({ width: 4000 }).jpeg({ quality: 85 }).toBuffer();
    const { status, body } = await ocr(big, 'front');
    expect(status).toBe(200);
    expect(body.data.fields.ethnicity.value).toBe('03'); // the lone 回 the detector misses at full size
  });
});

describe('POST /platform/ocr/id-card refuses bad input and writes nothing', () => {
  const jpeg = card('front-01-clean.jpg');
  const twentyMb = Buffer.concat([jpeg.subarray(0, jpeg.length - 2), Buffer.alloc(20 * 1024 * 1024, 7), Buffer.from([0xff, 0xd9])]);
  const garbledJpeg = Buffer.concat([jpeg.subarray(0, 4), Buffer.alloc(5000, 0x41), Buffer.from([0xff, 0xd9])]);
  // Headers intact up to and including the scan header (so the size is readable), then garbage instead of the picture.
  const scan = jpeg.indexOf(Buffer.from([0xff, 0xda]));
  const garbledScan = Buffer.concat([jpeg.subarray(0, scan + 2 + jpeg.readUInt16BE(scan + 2)), Buffer.alloc(5000, 0x41), Buffer.from([0xff, 0xd9])]);

  test.each([
    ['not an image', 400, 'UPLOAD_NOT_IMAGE', Buffer.from('%PDF-1.7 这不是图片'), 'front'],
    ['a truncated JPEG', 400, 'UPLOAD_TRUNCATED', jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'front'],
    ['a JPEG whose header is garbage', 400, 'UPLOAD_UNREADABLE', garbledJpeg, 'front'],
    ['a JPEG whose picture is garbage', 400, 'OCR_UNREADABLE_IMAGE', garbledScan, 'front'],
    ['a 50 KB PNG of 20000×20000 pixels', 413, 'UPLOAD_TOO_MANY_PIXELS', hugePng(20_000, 20_000), 'front'],
    ['20 MB', 413, 'UPLOAD_TOO_LARGE', twentyMb, 'front'],
    ['the back uploaded as the front', 422, 'OCR_WRONG_SIDE', card('back-01-clean.jpg'), 'front'],
    ['the front uploaded as the back', 422, 'OCR_WRONG_SIDE', card('front-01-clean.jpg'), 'back'],
    ['no side', 400, 'REQUIRED', jpeg, null],
    ['an unknown side', 400, 'INVALID_VALUE', jpeg, 'left'],
  ] as const)('%s → %i %s', async (_, status, rule, file, side) => {
    const before = await written();
    const response = await ocr(file, side);
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    const error = errorOf(response.body);
    expect(error.rule).toBe(rule);
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await written()).toEqual(before);
  });

  test('a photo with no card in it → 422 OCR_NO_CARD', async () => {
    const desk = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 120, g: 100, b: 80 } } }).jpeg().toBuffer();
    const { status, body } = await ocr(desk, 'front');
    expect(status).toBe(422);
    expect(errorOf(body)).toMatchObject({ code: 'PLATFORM_INVALID_INPUT', rule: 'OCR_NO_CARD', field: 'file' });
  });

  test('anonymous → 401; a login without a project (bureau) → 403', async () => {
    const form = new FormData();
    form.append('side', 'front');
    form.append('file', new Blob([new Uint8Array(jpeg)]), 'id.jpg');
    const anonymous = await fetch(`${inject('baseUrl')}/platform/ocr/id-card`, { method: 'POST', body: form });
    expect(anonymous.status).toBe(401);
    const bureau = await login('bureau@gyzjj.gov.cn', 'Bureau@2026');
    const { status } = await ocr(jpeg, 'front', { token: bureau });
    expect(status).toBe(403);
  });
});

describe('POST /platform/ocr/id-card under a burst', () => {
  test('12 concurrent photos: each is read or answered 503, and the server carries on', { timeout: 180_000 }, async () => {
    const files = ['front-01-clean.jpg', 'back-01-clean.jpg', 'front-03-jpeg40.jpg', 'back-03-uneven-light.jpg'];
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => {
        const file = files[i % files.length]!;
        return ocr(card(file), truthOf(file).side).then((response) => ({ file, ...response }));
      }),
    );
    for (const answer of answers) {
      expect([200, 503]).toContain(answer.status);
      if (answer.status === 503) expect(errorOf(answer.body)).toMatchObject({ code: 'PLATFORM_SERVICE_UNAVAILABLE', rule: 'OCR_BUSY' });
      else expect(answer.body.data.fields.valid_to?.value ?? answer.body.data.fields.id_number.value).toBe(truthOf(answer.file).fields['valid_to'] ?? truthOf(answer.file).fields['id_number']);
    }
    expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThanOrEqual(9);
    const ping = await fetch(`${inject('baseUrl')}/server/ping`);
    expect(ping.status).toBe(200);
    const after = await ocr(card('back-06-clean.jpg'), 'back');
    expect(after.status).toBe(200);
  });
});
