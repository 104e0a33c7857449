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
