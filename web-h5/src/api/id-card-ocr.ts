import type { IdCardFields } from '@/shared/id-card-fields';
import type { BackFieldName, FrontFieldName } from '@/shared/id-card-fields';
import { callForm } from './client';

export { toIdCardFields, type IdCardFields } from '@/shared/id-card-fields';

/** Which face of the ID card: 人像面 (front) or 国徽面 (back). */
export type IdCardSide = 'front' | 'back';

/** One recognised field with the engine's confidence (0–1). */
export interface OcrField {
  value: string;
  confidence: number;
}

/** A problem the engine noticed (wrong side, blurry, check digit fails, expired …), in Chinese. */
export interface OcrWarning {
  code: string;
  message: string;
}

/** What `POST /platform/ocr/id-card` answers. */
export interface OcrResult {
  side: IdCardSide;
  fields: Partial<Record<FrontFieldName | BackFieldName, OcrField | null>>;
  warnings: OcrWarning[];
}

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
