/**
 * The face photo gate devices get: a head-and-shoulders portrait (3:4) cut around the face, as a
 * baseline JPEG no larger than the national platform's head-image limit (50 KB).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const sharp = require('sharp');

const MAX_BYTES = 50 * 1024;
const MAX_WIDTH = 480;
const MAX_HEIGHT = 640;
const QUALITIES = [85, 75, 65, 55, 45];

/**
 * The portrait rectangle (source pixels) around a face box given as fractions of the photo:
 * 0.8 face heights above the brow-to-chin mesh, 1.6 below the chin, 3:4, kept inside the photo.
 */
export function portraitRect(box, width, height) {
  const fh = box.height * height;
  const cx = (box.x + box.width / 2) * width;
  let h = Math.min(height, fh * 3.4);
  let w = Math.min(width, h * 0.75);
  h = Math.min(h, w / 0.75);
  const top = Math.min(Math.max(0, box.y * height - 0.8 * fh), height - h);
  const left = Math.min(Math.max(0, cx - w / 2), width - w);
  return { left: Math.round(left), top: Math.round(top), width: Math.max(1, Math.round(w)), height: Math.max(1, Math.round(h)) };
}

/**
 * Encodes the device photo.
 * @param {Uint8Array} buffer the uploaded photo
 * @param {{ x: number, y: number, width: number, height: number }} box the face, fractions of the upright photo
 * @returns {Promise<{ data: Uint8Array, width: number, height: number, quality: number }>}
 */
export async function devicePhoto(buffer, box) {
  const upright = await sharp(buffer).rotate().removeAlpha().toColourspace('srgb').toBuffer({ resolveWithObject: true });
  const rect = portraitRect(box, upright.info.width, upright.info.height);
  let scale = 1;
  for (let attempt = 0; attempt < 6; attempt++) {
    const width = Math.max(60, Math.round(MAX_WIDTH * scale));
    const height = Math.max(80, Math.round(MAX_HEIGHT * scale));
    for (const quality of QUALITIES) {
      const { data, info } = await sharp(upright.data)
        .extract(rect)
        .resize({ width, height, fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality, progressive: false, optimiseCoding: true, chromaSubsampling: '4:2:0' })
        .toBuffer({ resolveWithObject: true });
      if (data.length <= MAX_BYTES) return { data: new Uint8Array(data), width: info.width, height: info.height, quality };
    }
    scale *= 0.8;
  }
  throw new Error('device photo: cannot fit 50 KB');
}
