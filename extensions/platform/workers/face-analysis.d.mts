/** Types of face-analysis.mjs for TypeScript callers (the bench); the shape is `FaceMeasurements` of src/faces. */
export interface LoadedHuman {
  readonly version: string;
}

export function sharedHuman(): Promise<LoadedHuman>;

export function analyzePhoto(human: LoadedHuman, photo: Uint8Array, idPhoto: { key: string | null; bytes: Uint8Array } | null): Promise<unknown>;

export class UndecodableImageError extends Error {}
