/**
 * Phone photos are 3–12 MB; the server reads ID cards best at ≤ 800 px and stores what it gets.
 * Large photos are redrawn to at most `maxSide` px as JPEG before upload (upright, as the camera's
 * EXIF orientation says); small ones are sent as they are.
 */
export interface CompressOptions {
  /** Longest side in px (default 1600). */
  maxSide?: number;
  /** JPEG quality 0–1 (default 0.85). */
  quality?: number;
  /** Files at most this big and within `maxSide` are left alone (default 600 KB). */
  keepBelowBytes?: number;
}

async function decode(file: Blob): Promise<ImageBitmap | HTMLImageElement> {
  if (typeof createImageBitmap === 'function') {
    try {
      return await createImageBitmap(file, { imageOrientation: 'from-image' });
    } catch {
      // Some WebViews refuse the options bag; fall back to an <img>.
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The photo, scaled down and re-encoded as JPEG when large; the original when it is small or unreadable. */
export async function compressImage(file: File, options: CompressOptions = {}): Promise<File> {
  const { maxSide = 1600, quality = 0.85, keepBelowBytes = 600 * 1024 } = options;
  let image: ImageBitmap | HTMLImageElement;
  try {
    image = await decode(file);
  } catch {
    return file; // not decodable here: let the server say what is wrong with it
  }
  const width = image.width;
  const height = image.height;
  const scale = Math.min(1, maxSide / Math.max(width, height));
  if (scale === 1 && file.size <= keepBelowBytes) return file;
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext('2d');
  if (!context) return file;
  context.fillStyle = '#fff'; // transparent PNG areas become white, not black
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  if ('close' in image) image.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
  if (!blob || blob.size >= file.size) return file;
  const name = file.name.replace(/\.[^.]+$/, '') || 'photo';
  return new File([blob], `${name}.jpg`, { type: 'image/jpeg', lastModified: Date.now() });
}
