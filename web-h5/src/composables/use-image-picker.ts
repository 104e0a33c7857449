import { toastError } from '@/api/errors';
import { IMAGE_SNIFF_BYTES, NOT_AN_IMAGE_MESSAGE, sniffImageType } from '@/shared/schema';

/** Whether the file is an image the server accepts, from its first bytes (a renamed PDF is not). */
export async function isAcceptedImage(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, IMAGE_SNIFF_BYTES).arrayBuffer());
  return sniffImageType(head) !== null;
}

/**
 * Vant uploader's `before-read` for every photo picker: a file that is not a JPG, PNG or WebP is
 * refused the moment it is picked (toast, nothing shown), not after 识别/核验/确定 sends it; of
 * several picked at once the images are kept.
 * @example <van-uploader accept="image/*" :before-read="picker.beforeRead" :after-read="onRead" />
 */
export function useImagePicker() {
  async function beforeRead(picked: File | File[]): Promise<File | File[]> {
    const files = Array.isArray(picked) ? picked : [picked];
    const kept: File[] = [];
    for (const file of files) if (await isAcceptedImage(file)) kept.push(file);
    const refused = files.length - kept.length;
    if (refused) toastError(files.length > 1 && kept.length ? `已忽略 ${refused} 个文件：${NOT_AN_IMAGE_MESSAGE}` : NOT_AN_IMAGE_MESSAGE);
    // Vant cancels the read when the promise rejects.
    if (!kept.length) throw new Error(NOT_AN_IMAGE_MESSAGE);
    return Array.isArray(picked) ? kept : kept[0]!;
  }
  return { beforeRead };
}
