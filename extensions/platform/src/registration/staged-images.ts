/**
 * The registration's images are stored before its transaction (Directus writes the file to disk
 * and its `directus_files` row; a rollback could undo the row but not the disk), and deleted again
 * — row and disk — when the transaction fails, so a refused registration leaves no file behind.
 */
import { createService, type DirectusApi } from '../directus';
import { savePrivateImage } from '../files/save-file';
import type { UploadedImage } from '../http/upload';

/** Stores `images` as private files titled `<title> <label>`; on a failure part-way removes those already stored. */
export async function storeImages<K extends string>(
  api: DirectusApi,
  images: Record<K, UploadedImage>,
  labels: Readonly<Record<K, string>>,
  title: string,
): Promise<Record<K, string>> {
  const ids = {} as Record<K, string>;
  try {
    for (const field of Object.keys(labels) as K[]) {
      ids[field] = await savePrivateImage(api, images[field], { title: `${title} ${labels[field]}`, knex: api.database });
    }
  } catch (error) {
    await deleteImages(api, Object.values(ids));
    throw error;
  }
  return ids;
}

/** Deletes stored files (row and disk); never throws, so the caller's original error is what the user sees. */
export async function deleteImages(api: DirectusApi, ids: readonly unknown[]): Promise<void> {
  const keys = ids.filter((id): id is string => typeof id === 'string');
  if (!keys.length) return;
  try {
    const files = await createService(api, 'FilesService');
    await files.deleteMany(keys);
  } catch (error) {
    console.error('[platform] could not delete the images of a failed registration', keys, error);
  }
}

/**
 * Runs `work` with the stored images; deletes them if it fails.
 * @example await withStoredImages(ctx, images, REGISTRATION_IMAGES, name, (ids) => ctx.database.transaction((trx) => save(trx, ids)));
 */
export async function withStoredImages<K extends string, T>(
  api: DirectusApi,
  images: Record<K, UploadedImage>,
  labels: Readonly<Record<K, string>>,
  title: string,
  work: (ids: Record<K, string>) => Promise<T>,
): Promise<T> {
  const ids = await storeImages(api, images, labels, title);
  try {
    return await work(ids);
  } catch (error) {
    await deleteImages(api, Object.values(ids));
    throw error;
  }
}
