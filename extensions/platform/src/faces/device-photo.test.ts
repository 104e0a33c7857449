import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { devicePhoto, portraitRect } from '../../workers/device-photo.mjs';

const face = { x: 0.4, y: 0.2, width: 0.2, height: 0.2 };

describe('portraitRect', () => {
  test.each([
    ['a face in the middle', face, 1000, 1000],
    ['a face at the top-left corner', { x: 0, y: 0, width: 0.3, height: 0.3 }, 800, 600],
    ['a face filling a landscape photo', { x: 0.2, y: 0.1, width: 0.6, height: 0.8 }, 1600, 900],
  ])('%s: a 3:4 portrait inside the photo', (_name, box, width, height) => {
    const rect = portraitRect(box, width, height);
    expect(rect.left).toBeGreaterThanOrEqual(0);
    expect(rect.top).toBeGreaterThanOrEqual(0);
    expect(rect.left + rect.width).toBeLessThanOrEqual(width);
    expect(rect.top + rect.height).toBeLessThanOrEqual(height);
    expect(rect.width / rect.height).toBeCloseTo(0.75, 1);
  });

  test('keeps room above the head and reaches below the chin', () => {
    const rect = portraitRect(face, 1000, 1000);
    expect(rect.top).toBeLessThan(200 - 0.5 * 200);
    expect(rect.top + rect.height).toBeGreaterThan(400 + 200);
  });
});

describe('devicePhoto', () => {
  test('a 12-megapixel photo of pure noise (the hardest to compress) still fits in 50 KB as a baseline JPEG', async () => {
    const width = 3000;
    const height = 4000;
    const noisy = await sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
    const photo = await devicePhoto(noisy, face);
    expect(photo.data.byteLength).toBeLessThanOrEqual(50 * 1024);
    const meta = await sharp(Buffer.from(photo.data)).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', isProgressive: false, width: photo.width, height: photo.height });
    expect(photo.width).toBeLessThanOrEqual(480);
  }, 30_000);

  test('honours the EXIF orientation of a phone photo', async () => {
    // Stored landscape with "rotate 90°": upright it is a portrait.
    const stored = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#888' } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const photo = await devicePhoto(stored, { x: 0.3, y: 0.2, width: 0.4, height: 0.3 });
    expect(photo.height).toBeGreaterThan(photo.width);
  });
});
