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

/** JPEG bytes of the file, or null when it is gone or not an image. */
export async function readDeviceFace(api: DirectusApi, fileId: string): Promise<Buffer | null> {
  const assets = await createService(api, 'AssetsService');
  try {
    const original = await assets.getAsset(fileId, { transformationParams: {} });
    const file = original.file as { type?: string | null; filesize?: number | string | null };
    if (file.type === 'image/jpeg' && Number(file.filesize) <= DEVICE_FACE_MAX_BYTES) return await collect(original.stream as Readable);
    (original.stream as Readable).destroy();
    if (!file.type?.startsWith('image/')) return null;
    const resized = await assets.getAsset(fileId, { transformationParams: DEVICE_FACE_TRANSFORM });
    return await collect(resized.stream as Readable);
  } catch {
    // Deleted file, missing storage object or an image sharp cannot read: the caller marks the command failed.
    return null;
  }
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
