/**
 * The image types every upload accepts (JPEG, PNG, WebP), told from a file's first bytes rather than
 * its name or the browser's guess: the server refuses anything else, and the H5 file pickers refuse
 * it at once, before the person fills in the rest of the form.
 */

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

/** Bytes enough to tell the type. */
export const IMAGE_SNIFF_BYTES = 12;

/** What people read when a file is not one of them. */
export const NOT_AN_IMAGE_MESSAGE = '只能上传 JPG、PNG 或 WebP 图片';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** The image type of `bytes` (at least the first `IMAGE_SNIFF_BYTES` of the file) from its magic bytes, or null. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && PNG_SIGNATURE.every((byte, index) => bytes[index] === byte)) return 'image/png';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  return null;
}
