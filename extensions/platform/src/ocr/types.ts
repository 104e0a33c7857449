/**
 * What the OCR engine reads from a photo and what the ID-card endpoint answers. The H5's
 * 实名制登记 form fills itself from `fields`; every field stays editable there.
 */

/** A point in the scaled image (longer side ≤ 800 px). */
export type Point = readonly [number, number];

/** One text box the engine found: corners top-left, top-right, bottom-right, bottom-left. */
export interface OcrBox {
  text: string;
  /** Mean probability of the recognised characters, 0–1. */
  confidence: number;
  box: readonly [Point, Point, Point, Point];
}

/** The engine's answer for one image. */
export interface OcrReading {
  width: number;
  height: number;
  boxes: OcrBox[];
  /** Degrees the photo was turned (clockwise) to read it upright: 0, 90, 180 or 270. */
  rotation: number;
  /** Engine time in the worker, ms. */
  ms: number;
}

export type { BackFields, CardSide, FrontFields, IdCardReading, OcrField, OcrWarning } from '../../../../schema/api/ocr';
