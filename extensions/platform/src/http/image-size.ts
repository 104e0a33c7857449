/**
 * An image's pixel size from its header only (sharp's `metadata()` reads the header, it does not
 * decode the pixels), so a 20000×20000 PNG of 400 KB is refused before anything decodes it: a decoder
 * would need ~1.6 GB for it, and the face check and OCR would fail on it for reasons that blame
 * the person's good photo. sharp is loaded at run time like the workers do (it is native).
 */
import { createRequire } from 'node:module';
import { unavailable } from './errors';

interface SharpMetadata {
  width?: number;
  height?: number;
}
type Sharp = (input: Buffer, options: { limitInputPixels: false }) => { metadata(): Promise<SharpMetadata> };

let loaded: Sharp | undefined;

function sharp(): Sharp {
  if (!loaded) {
    try {
      loaded = createRequire(import.meta.url)('sharp') as Sharp;
    } catch {
      throw unavailable('IMAGE_CHECK_UNAVAILABLE', '图片检查服务暂不可用，请稍后重试');
    }
  }
  return loaded;
}

/** Width and height from the header, or null when the header cannot be read. */
export async function imageDimensions(buffer: Buffer): Promise<{ width: number; height: number } | null> {
  try {
    const { width, height } = await sharp()(buffer, { limitInputPixels: false }).metadata();
    return width && height ? { width, height } : null;
  } catch (error) {
    if (error instanceof Error && 'status' in error) throw error;
    return null;
  }
}
