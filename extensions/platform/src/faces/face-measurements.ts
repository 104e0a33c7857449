/**
 * What the face worker (`workers/face-analysis.mjs`) measures on one photo: plain numbers, no
 * decision. The rules in `face-rules.ts` turn them into a verdict.
 */

export interface FaceBox {
  /** Left, top, width, height of the face (brow-to-chin mesh) as fractions of the photo. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MeasuredFace {
  /** The model's overall face confidence (0–1). */
  score: number;
  meshScore: number;
  box: FaceBox;
  /** Face width in pixels of the uploaded photo. */
  widthPx: number;
  /** Head angles in degrees (0 = facing the camera). */
  yaw: number;
  pitch: number;
  roll: number;
  /** Room above the top of the face mesh, in face heights. */
  headroom: number;
  /** Room below the chin, in face heights. */
  chinRoom: number;
  /** Mean luma of the inner face (0–255). */
  brightness: number;
  /** Laplacian spread over grey-level spread of the face at a fixed size (higher is sharper). */
  sharpness: number;
  contrast: number;
  /** Eye detail (luma spread / skin luma) and eye brightness (eye luma / skin luma), the lower eye. */
  eyes: { detail: number; brightness: number };
  /**
   * Mouth and chin against the skin: chroma distance of their median colour from the skin's
   * (YCbCr units), their colourfulness and their luma, each relative to the skin's.
   */
  lowerFace: { distance: number; chroma: number; luma: number };
  /** Best row share of a horizontal edge across the nose between the eyes (0–1): a glasses bridge. */
  glassesBridge: number;
  /** Share of helmet-like pixels just above the forehead (0–1). */
  hatBand: number;
  /** For each side of the face, how much of a long straight edge there is (0–1): a card's or screen's frame. */
  frame: { left: number; right: number; above: number; below: number };
  /** The model's anti-spoofing and liveness confidences (0–1), recorded for review, not decisive. */
  real: number | null;
  live: number | null;
}

export interface MeasuredShoulder {
  /** Body-model confidence (0–1) and vertical position (0 top … 1 bottom), null when not found. */
  score: number;
  y: number | null;
}

export interface FaceMeasurements {
  image: { width: number; height: number; brightness: number; sharpness: number };
  faceCount: number;
  /** Heights of the other faces relative to the main (largest) one. */
  otherFaces: number[];
  face: MeasuredFace | null;
  shoulders: { left: MeasuredShoulder; right: MeasuredShoulder };
  /** Similarity (0–1) to the face on the ID card's portrait side, or why it was not compared. */
  idMatch: { similarity: number; skipped: null } | { similarity: null; skipped: 'no_face_on_id' | 'no_embedding' } | null;
  timing: { decodeMs: number; detectMs: number; totalMs: number };
}
