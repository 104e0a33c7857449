/** Types of device-photo.mjs (plain JavaScript run in the face worker). */
export interface FaceBoxFraction {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function portraitRect(box: FaceBoxFraction, width: number, height: number): { left: number; top: number; width: number; height: number };

export function devicePhoto(buffer: Uint8Array, box: FaceBoxFraction): Promise<{ data: Uint8Array; width: number; height: number; quality: number }>;
