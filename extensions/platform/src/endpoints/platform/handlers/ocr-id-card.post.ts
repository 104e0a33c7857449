import { OcrRequest } from '../../../../../../schema/api/ocr';
import { todayInShanghai } from '../../../../../../schema/rules/dates';
import { platformConfig, uploadLimits } from '../../../config';
import { invalid, unavailable, unprocessable } from '../../../http/errors';
import { projectScope } from '../../../http/scope';
import { readImageUpload } from '../../../http/upload';
import { parseInput } from '../../../http/validate';
import { ocrEngine } from '../../../ocr/engine-instance';
import { OcrBadImageError, OcrUnavailableError } from '../../../ocr/ocr-engine';
import { parseIdBack } from '../../../ocr/parse-id-back';
import { parseIdFront } from '../../../ocr/parse-id-front';
import type { IdCardReading, OcrReading } from '../../../ocr/types';
import type { HandlerContext } from '../context';

/** Photo-level problems that leave nothing to fill in: answered 422 instead of 200 with a warning. */
const REFUSED = new Set(['OCR_WRONG_SIDE', 'OCR_NO_CARD']);

const UNAVAILABLE_MESSAGES: Readonly<Record<OcrUnavailableError['reason'], string>> = {
  busy: '身份证识别繁忙，请稍后重试，或手动填写',
  timeout: '身份证识别超时，请稍后重试，或手动填写',
  crashed: '身份证识别服务暂时不可用，请稍后重试，或手动填写',
  'not-started': '身份证识别服务暂时不可用，请稍后重试，或手动填写',
};

/**
 * POST /platform/ocr/id-card — multipart `file` (JPEG/PNG/WebP ≤ PLATFORM_UPLOAD_MAX_BYTES and PLATFORM_UPLOAD_MAX_PIXELS) and
 * `side` (front | back) → the recognised fields with a confidence each, and warnings. Writes
 * nothing: the photos are stored when the registration is saved.
 */
export async function readIdCardPhoto({ req, database, env }: HandlerContext): Promise<IdCardReading> {
  await projectScope(req, database);
  const config = platformConfig(env);
  const image = await readImageUpload(req, uploadLimits(env));
  const { side } = parseInput(OcrRequest, image.fields, { side: '证件面' });
  let reading: OcrReading;
  try {
    reading = await ocrEngine(config).recognize(image.buffer);
  } catch (error) {
    if (error instanceof OcrBadImageError) throw invalid('OCR_UNREADABLE_IMAGE', '图片无法打开，请重新拍摄或选择 JPG、PNG 照片', 'file');
    if (error instanceof OcrUnavailableError) throw unavailable(`OCR_${error.reason.toUpperCase().replace('-', '_')}`, UNAVAILABLE_MESSAGES[error.reason]);
    throw error;
  }
  const today = todayInShanghai(new Date());
  const result = side === 'front' ? parseIdFront(reading.boxes, { today }) : parseIdBack(reading.boxes, { today });
  const refusal = result.warnings.find((warning) => REFUSED.has(warning.code));
  if (refusal) throw unprocessable(refusal.code, refusal.message, 'file');
  return result;
}
