import type { IdCardFields } from '@/shared/id-card-fields';
import type { CardSide as IdCardSide, IdCardReading as OcrResult, OcrWarning } from '../../../schema/api';
import { callForm } from './client';

export { toIdCardFields, type IdCardFields } from '@/shared/id-card-fields';

export type { CardSide as IdCardSide, IdCardReading as OcrResult, OcrField, OcrWarning } from '../../../schema/api';

/** What IdCardCapture emits after 身份证识别. */
export interface IdCardRecognition {
  /** What was read, as form values; fields not read are absent. */
  fields: Partial<IdCardFields>;
  /** The engine's confidence per field, 0–1. */
  confidence: Partial<Record<keyof IdCardFields, number>>;
  warnings: OcrWarning[];
}

/** Reads one face of an ID card on the server (offline OCR): multipart `file` + `side`. */
export function recogniseIdCard(image: Blob, side: IdCardSide): Promise<OcrResult> {
  const form = new FormData();
  form.append('side', side);
  form.append('file', image, image instanceof File ? image.name : `${side}.jpg`);
  return callForm<OcrResult>('/platform/ocr/id-card', form);
}
