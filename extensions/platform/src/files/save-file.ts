import type { Knex } from 'knex';
import { Readable } from 'node:stream';
import { createService, type DirectusApi } from '../directus';
import type { UploadedImage } from '../http/upload';

/**
 * Stores an uploaded image as a private Directus file (no public read; project staff reach it only
 * through `/platform/files/:id`) and returns its id. Pass the transaction so a failed save leaves
 * no row pointing at it.
 */
export async function savePrivateImage(api: DirectusApi, image: Pick<UploadedImage, 'buffer' | 'type' | 'filename'>, options: { title: string; knex?: Knex }): Promise<string> {
  const files = await createService(api, 'FilesService', options.knex ?? api.database);
  const extension = image.type === 'image/png' ? 'png' : image.type === 'image/webp' ? 'webp' : 'jpg';
  return files.uploadOne(Readable.from(image.buffer), {
    storage: 'local',
    filename_download: `${options.title}.${extension}`,
    title: options.title,
    type: image.type,
  });
}
