/**
 * The face photo a device receives (the employment's `face_device_photo`, else `face_photo`: the payload's
 * `face_file`, chosen in `queue-device-sync.ts`), as a JPEG small
 * enough for gate terminals. A JPEG already within the limit goes as stored; anything else is
 * converted by Directus's own image transformation (cached by Directus after the first time).
 */
import type { Readable } from 'node:stream';
import { createService, type DirectusApi } from '../../directus';

/** Terminals take face photos up to ~100 KB; the national platform's head images are ≤ 50 KB. */
export const DEVICE_FACE_MAX_BYTES = 100 * 1024;
const DEVICE_FACE_TRANSFORM = { format: 'jpg', width: 480, height: 640, fit: 'inside', withoutEnlargement: true, quality: 75 } as const;

/**
 * Conversions in flight in this process, per file. Directus caches a transformation by writing it to
 * storage, and a request that starts while it is being written finds the file and reads it half
 * written (empty for a small picture): a terminal given several faces at once, or several terminals
 * given the same face, would receive nothing and answer "no face picture" (下发失败). Requests for
 * the same file therefore share one conversion.
 */
const converting = new Map<string, Promise<Buffer | null>>();

/** A cached conversion still being written (by another replica) is read again after a moment. */
const CONVERT_READS = 5;
const CONVERT_REREAD_MS = 200;

/** JPEG bytes of the file, or null when it is gone or not an image. */
export async function readDeviceFace(api: DirectusApi, fileId: string): Promise<Buffer | null> {
  const assets = await createService(api, 'AssetsService');
  try {
    const original = await assets.getAsset(fileId, { transformationParams: {} });
    const file = original.file as { type?: string | null; filesize?: number | string | null };
    if (file.type === 'image/jpeg' && Number(file.filesize) <= DEVICE_FACE_MAX_BYTES) return await collect(original.stream as Readable);
    (original.stream as Readable).destroy();
    if (!file.type?.startsWith('image/')) return null;
  } catch {
    // Deleted file, missing storage object: the caller marks the command failed.
    return null;
  }
  let pending = converting.get(fileId);
  if (!pending) {
    pending = convert(assets, fileId).finally(() => converting.delete(fileId));
    converting.set(fileId, pending);
  }
  return pending;
}

/** The file as a device JPEG by Directus's transformation; null when sharp cannot read it. */
async function convert(assets: Awaited<ReturnType<typeof createService>>, fileId: string): Promise<Buffer | null> {
  try {
    for (let read = 1; ; read += 1) {
      const resized = await assets.getAsset(fileId, { transformationParams: DEVICE_FACE_TRANSFORM });
      const jpeg = await collect(resized.stream as Readable);
      if (isWholeJpeg(jpeg)) return jpeg;
      if (read === CONVERT_READS) return null;
      await new Promise((resolve) => setTimeout(resolve, CONVERT_REREAD_MS * read));
    }
  } catch {
    // An image sharp cannot read: the caller marks the command failed.
    return null;
  }
}

/** Start and end markers present: not a cached conversion read while it was being written. */
export function isWholeJpeg(bytes: Buffer): boolean {
  const n = bytes.length;
  return n > 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[n - 2] === 0xff && bytes[n - 1] === 0xd9;
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
