/**
 * 身份证识别 (`POST /platform/ocr/id-card`, multipart `file` and `side`): the recognised fields with a
 * confidence each, and warnings. Writes nothing: the photos are stored when the registration is saved.
 */
import { z } from 'zod';

export type CardSide = 'front' | 'back';

/** A recognised field: null with confidence 0 when it could not be read. */
export interface OcrField<T extends string = string> {
  value: T | null;
  confidence: number;
}

export interface OcrWarning {
  /** Stable machine code: OCR_* for the photo, ID_* for the card's own rules (schema/rules/id-card). */
  code: string;
  message: string;
  /** The field the warning is about, when there is one. */
  field?: string;
}

/** 人像面. gender is 'male' | 'female', ethnicity an ETHNICITIES code, birth_date YYYY-MM-DD. */
export type FrontFields = {
  name: OcrField;
  gender: OcrField<'male' | 'female'>;
  ethnicity: OcrField;
  birth_date: OcrField;
  address: OcrField;
  id_number: OcrField;
};

/** 国徽面. valid_from YYYY-MM-DD; valid_to YYYY-MM-DD or '长期'. */
export type BackFields = {
  issuing_authority: OcrField;
  valid_from: OcrField;
  valid_to: OcrField;
};

export type IdCardReading =
  | { side: 'front'; fields: FrontFields; warnings: OcrWarning[] }
  | { side: 'back'; fields: BackFields; warnings: OcrWarning[] };

/** The text field of the request. */
export const OcrRequest = z.object({
  side: z.string().pipe(z.enum(['front', 'back'], { message: '请说明上传的是身份证人像面（front）还是国徽面（back）' })),
});
