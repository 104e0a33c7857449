/**
 * Which side of an ID card a photo shows, from the printed labels, and the photo-level warnings
 * both parsers share (no card, wrong side, blurry, a field not found).
 */
import { findIdNumber } from './lookalikes';
import type { TextRow } from './rows';
import type { CardSide, OcrBox, OcrField, OcrWarning } from './types';

const FRONT_MARKERS = [/姓名/, /性别/, /民族/, /出生/, /住址/, /公民身份|身份号码/] as const;
const BACK_MARKERS = [/中华人民共和国/, /居民身份证/, /签发机关/, /有效期限/] as const;

const SIDE_NAMES: Readonly<Record<CardSide, string>> = { front: '人像面', back: '国徽面' };

/** How many of each side's labels the photo shows (an ID number counts for the front). */
export function sideScores(rows: readonly TextRow[]): Record<CardSide, number> {
  const all = rows.map((row) => row.compact).join('\n');
  const count = (markers: readonly RegExp[]): number => markers.filter((marker) => marker.test(all)).length;
  const number = rows.some((row) => findIdNumber(row.compact) !== null) ? 1 : 0;
  return { front: count(FRONT_MARKERS) + number, back: count(BACK_MARKERS) };
}

/** OCR_NO_CARD or OCR_WRONG_SIDE when the photo is not the `requested` side of an ID card. */
export function sideWarning(requested: CardSide, rows: readonly TextRow[]): OcrWarning | null {
  const scores = sideScores(rows);
  const other: CardSide = requested === 'front' ? 'back' : 'front';
  if (scores.front === 0 && scores.back === 0) {
    return { code: 'OCR_NO_CARD', message: '未识别到身份证，请将身份证平放在取景框内、对焦清晰、避免反光后重新拍摄' };
  }
  if (scores[other] > scores[requested]) {
    return { code: 'OCR_WRONG_SIDE', message: `这是身份证${SIDE_NAMES[other]}，请上传${SIDE_NAMES[requested]}` };
  }
  return null;
}

/** Below this mean box confidence, or with a field below FIELD_CONFIDENCE, the photo is called unclear. */
export const PHOTO_CONFIDENCE = 0.95;
export const FIELD_CONFIDENCE = 0.8;

/** OCR_BLURRY when the engine was unsure of what it read, or could read only half the fields or less. */
export function clarityWarning(boxes: readonly OcrBox[], fields: Readonly<Record<string, OcrField>>): OcrWarning | null {
  const all = Object.values(fields);
  const read = all.filter((field) => field.value !== null);
  const weights = boxes.reduce((sum, box) => sum + box.text.length, 0);
  const mean = weights ? boxes.reduce((sum, box) => sum + box.confidence * box.text.length, 0) / weights : 0;
  const clear = mean >= PHOTO_CONFIDENCE && read.every((field) => field.confidence >= FIELD_CONFIDENCE) && read.length * 2 > all.length;
  if (clear) return null;
  return { code: 'OCR_BLURRY', message: '照片不够清晰，请仔细核对识别结果，或在光线充足处对焦后重新拍摄' };
}

/** One OCR_FIELD_MISSING per field that could not be read. */
export function missingWarnings(fields: Readonly<Record<string, OcrField>>, labels: Readonly<Record<string, string>>): OcrWarning[] {
  return Object.entries(fields)
    .filter(([, field]) => field.value === null)
    .map(([key]) => ({ code: 'OCR_FIELD_MISSING', message: `未识别出${labels[key] ?? key}，请手动填写`, field: key }));
}

/** A field's confidence, rounded for the answer and lowered by 10% per repaired character. */
export function scoreOf(confidence: number, repairs = 0): number {
  return Math.round(confidence * 0.9 ** repairs * 100) / 100;
}

export const missing = <T extends string>(): OcrField<T> => ({ value: null, confidence: 0 });
