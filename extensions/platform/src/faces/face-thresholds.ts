/**
 * Every threshold of the face check, in one place. Calibrated on the committed photo set
 * (`tests/fixtures/faces/`, see its README for the measured values) with @vladmandic/human 3.3.6;
 * `npm run bench -- face` prints the accuracy after a change.
 */
export const FACE_THRESHOLDS = {
  /** Other faces at least this tall relative to the main one count as "several people" (far-away passers-by do not). */
  otherFaceMinRelativeHeight: 0.4,
  /** The face (brow to chin) at least this share of the photo's height … */
  minFaceHeight: 0.15,
  /** … and at least this many pixels wide in the uploaded photo (devices need detail to recognise). */
  minFaceWidthPx: 80,
  /** Head angles in degrees; Human's pitch reads a few degrees high on level faces. */
  maxYaw: 20,
  maxPitch: 25,
  maxRoll: 15,
  /** Room above the face mesh top, in face heights (the hair takes ~0.3 of it). */
  minHeadroom: 0.4,
  /** Room below the chin, in face heights, and the body model's confidence in both shoulders. */
  minChinRoom: 0.7,
  minShoulderScore: 0.2,
  /** Face sharpness (Laplacian spread / grey spread at 128 px); a blur of 2 px on a 100-px face reads ~0.08. */
  minSharpness: 0.11,
  /** Mean luma of the face (0–255). */
  minBrightness: 60,
  /** Eye detail below this: the eyes are covered. */
  minEyeDetail: 0.12,
  /** Eye luma below this share of the skin's: dark lenses. */
  minEyeBrightness: 0.25,
  /**
   * Mouth and chin covered (a mask, a scarf): their colour this far from the skin's (a blue mask
   * reads ~59, a face lit by coloured light up to ~34), or less than this share of the skin's
   * colourfulness (white, grey, black masks), or darker than this share of the skin's luma.
   */
  maxLowerFaceDistance: 40,
  minLowerFaceChroma: 0.35,
  minLowerFaceLuma: 0.4,
  /** A glasses bridge: an unbroken edge across this share of the nose between the eyes. */
  maxGlassesBridge: 0.7,
  /** Helmet-coloured share of the band above the forehead. */
  maxHatBand: 0.6,
  /** A side counts as framed when a straight edge covers this share of it … */
  frameEdge: 0.75,
  /** … and a photo is a card or a screen when this many of the 4 sides are framed. */
  framedSides: 3,
  /** Embedding similarity (0–1) to the ID card portrait; same person measured 0.61–0.93, others ≤ 0.47. */
  minIdSimilarity: 0.55,
} as const;

export type FaceThresholds = { readonly [K in keyof typeof FACE_THRESHOLDS]: number };
