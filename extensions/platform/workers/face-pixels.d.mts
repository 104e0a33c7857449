/** Types of face-pixels.mjs (plain JavaScript run in the face worker). */
export interface Rgb {
  data: Uint8Array;
  width: number;
  height: number;
}
export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
export interface FaceGeometry {
  silhouette: Rect;
  leftEye: Rect;
  rightEye: Rect;
  brows: Rect;
  lips: Rect;
  nose: number[];
  between: number[];
}
export interface Skin {
  cb: number;
  cr: number;
  y: number;
}

export function clampRect(img: Rgb, rect: Rect): Rect;
export function boundsOf(points: number[][], pad?: number): Rect;
export function faceGeometry(annotations: Record<string, number[][]>): FaceGeometry;
export function skinReference(img: Rgb, geo: FaceGeometry): Skin;
export function faceBrightness(img: Rgb, geo: FaceGeometry): number;
export function sharpness(grey: Rgb): { laplacian: number; contrast: number; ratio: number };
export function eyeVisibility(img: Rgb, geo: FaceGeometry, skin: Skin): { detail: number; brightness: number };
export function lowerFace(img: Rgb, geo: FaceGeometry, skin: Skin): { distance: number; chroma: number; luma: number };
export function glassesBridge(img: Rgb, geo: FaceGeometry, skin: Skin): number;
export function hatBand(img: Rgb, geo: FaceGeometry, skin: Skin, radius: number): number;
export function frameAround(img: Rgb, geo: FaceGeometry): { left: number; right: number; above: number; below: number };
