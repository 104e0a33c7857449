/**
 * Measures one photo for the face-check rules: decodes it (EXIF orientation applied), runs the
 * face model, and returns plain numbers. Deciding pass/fail is not done here: the rules and their
 * thresholds live in the extension (`src/faces/face-rules.ts`, `face-thresholds.ts`).
 */
import { createRequire } from 'node:module';
import { loadHuman } from './face-engine.mjs';
import { boundsOf, eyeVisibility, faceBrightness, faceGeometry, frameAround, glassesBridge, hatBand, lowerFace, sharpness, skinReference } from './face-pixels.mjs';

const require = createRequire(import.meta.url);
const sharp = require('sharp');

/** Longest side the model sees; larger photos are scaled down first (the face models work at ≤ 256 px). */
const ANALYSIS_SIDE = 800;
/** Side of the square grey face crop the sharpness is measured on. */
const SHARPNESS_SIDE = 128;
/** Chroma distance (YCbCr units) within which a pixel counts as this face's skin colour. */
const SKIN_RADIUS = 12;

const round = (value, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;
const degrees = (radians) => round((radians * 180) / Math.PI, 1);

export class UndecodableImageError extends Error {}

/**
 * Decodes an uploaded image upright (EXIF orientation applied), scaled to fit `side`.
 * @returns {Promise<{ data: Uint8Array, width: number, height: number, sourceWidth: number, sourceHeight: number }>}
 */
export async function decodePhoto(buffer, side = ANALYSIS_SIDE) {
  try {
    const { data, info } = await sharp(buffer, { failOn: 'error', limitInputPixels: 100_000_000 })
      .rotate()
      .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const meta = await sharp(buffer).metadata();
    const turned = (meta.orientation ?? 1) >= 5;
    return {
      data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      width: info.width,
      height: info.height,
      sourceWidth: (turned ? meta.height : meta.width) ?? info.width,
      sourceHeight: (turned ? meta.width : meta.height) ?? info.height,
    };
  } catch (error) {
    throw new UndecodableImageError(error instanceof Error ? error.message : String(error));
  }
}

/** A square grey crop of `rect` at SHARPNESS_SIDE px, for the sharpness figure. */
async function greyCrop(img, rect) {
  const left = Math.max(0, Math.floor(rect.x0));
  const top = Math.max(0, Math.floor(rect.y0));
  const width = Math.max(1, Math.min(img.width, Math.ceil(rect.x1)) - left);
  const height = Math.max(1, Math.min(img.height, Math.ceil(rect.y1)) - top);
  const { data, info } = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } })
    .extract({ left, top, width, height })
    .resize(SHARPNESS_SIDE, SHARPNESS_SIDE, { fit: 'fill' })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
}

const SHOULDERS = ['leftShoulder', 'rightShoulder'];

/** Brightness and sharpness of the middle of the photo, for photos where no face was found. */
async function wholeImage(img) {
  const inner = { x0: img.width * 0.2, x1: img.width * 0.8, y0: img.height * 0.15, y1: img.height * 0.85 };
  const grey = await greyCrop(img, inner);
  let sum = 0;
  for (const value of grey.data) sum += value;
  return { brightness: round(sum / grey.data.length, 1), sharpness: sharpness(grey).ratio };
}

/** The body model's shoulder keypoints: confidence and vertical position (0 top … 1 bottom). */
function shoulders(body) {
  const found = {};
  for (const part of SHOULDERS) {
    const point = body?.keypoints.find((k) => k.part === part);
    found[part] = point ? { score: round(point.score), y: round(point.positionRaw[1]) } : { score: 0, y: null };
  }
  return { left: found.leftShoulder, right: found.rightShoulder };
}

/** Faces big enough to count, largest first. */
function facesBySize(result) {
  return [...result.face].filter((f) => f.annotations?.silhouette?.length).sort((a, b) => b.box[2] * b.box[3] - a.box[2] * a.box[3]);
}

/**
 * Which models run: everything for a photo compared with an ID card; the same without the
 * embedding (the costliest model) when there is no ID card to compare with; only what the
 * embedding needs for the ID card's portrait.
 */
const PHOTO_MODELS = { iris: { enabled: true }, antispoof: { enabled: true }, liveness: { enabled: true } };
const WITH_EMBEDDING = { body: { enabled: true }, face: { ...PHOTO_MODELS, description: { enabled: true } } };
const WITHOUT_EMBEDDING = { body: { enabled: true }, face: { ...PHOTO_MODELS, description: { enabled: false } } };
const EMBEDDING_ONLY = { body: { enabled: false }, face: { iris: { enabled: false }, antispoof: { enabled: false }, liveness: { enabled: false }, description: { enabled: true } } };

/**
 * Runs the model on a decoded photo (Human keeps the last config it was given, so each call
 * states which models it wants).
 */
async function detect(human, img, models) {
  const tensor = human.tf.tensor3d(img.data, [img.height, img.width, 3], 'int32');
  try {
    return await human.detect(tensor, models);
  } finally {
    human.tf.dispose(tensor);
  }
}

/** ID portraits already embedded, by file id (people retake their photo a few times in a row). */
const idCache = new Map();
const ID_CACHE_SIZE = 200;

/**
 * The face the ID card's portrait side shows, as an embedding, or why there is none.
 * @param {{ key: string | null, bytes: Uint8Array }} id
 */
async function idEmbedding(human, id) {
  const cached = id.key ? idCache.get(id.key) : undefined;
  if (cached) return cached;
  const img = await decodePhoto(id.bytes);
  const [face] = facesBySize(await detect(human, img, EMBEDDING_ONLY));
  const found = face?.embedding?.length ? { embedding: face.embedding, reason: null } : { embedding: null, reason: 'no_face_on_id' };
  if (id.key) {
    idCache.set(id.key, found);
    if (idCache.size > ID_CACHE_SIZE) idCache.delete(idCache.keys().next().value);
  }
  return found;
}

/**
 * Measures `photo` (and compares it with the face on `idPhoto` when given).
 * @param {object} human the loaded Human instance
 * @param {Uint8Array} photo the uploaded image bytes
 * @param {{ key: string | null, bytes: Uint8Array } | null} idPhoto the ID card's portrait side (key: its file id, for the cache)
 */
export async function analyzePhoto(human, photo, idPhoto) {
  const started = performance.now();
  const img = await decodePhoto(photo);
  const decodedAt = performance.now();
  const result = await detect(human, img, idPhoto ? WITH_EMBEDDING : WITHOUT_EMBEDDING);
  const detectedAt = performance.now();
  const faces = facesBySize(result);
  const main = faces[0];
  const base = {
    image: { width: img.sourceWidth, height: img.sourceHeight, ...(await wholeImage(img)) },
    faceCount: faces.length,
    otherFaces: faces.slice(1).map((other) => round(other.box[3] / main.box[3])),
    face: null,
    shoulders: shoulders(result.body[0]),
    idMatch: null,
  };
  if (!main) return { ...base, timing: timing(started, decodedAt, detectedAt) };

  const geo = faceGeometry(main.annotations);
  const f = geo.silhouette;
  const fw = f.x1 - f.x0;
  const fh = f.y1 - f.y0;
  const skin = skinReference(img, geo);
  const crisp = sharpness(await greyCrop(img, boundsOf([[f.x0, f.y0], [f.x1, f.y1]], -0.08)));
  const angle = main.rotation?.angle ?? { yaw: 0, pitch: 0, roll: 0 };
  const face = {
    score: round(main.score),
    meshScore: round(main.faceScore ?? 0),
    box: { x: round(f.x0 / img.width), y: round(f.y0 / img.height), width: round(fw / img.width), height: round(fh / img.height) },
    widthPx: Math.round((fw * img.sourceWidth) / img.width),
    yaw: degrees(angle.yaw),
    pitch: degrees(angle.pitch),
    roll: degrees(angle.roll),
    headroom: round(f.y0 / fh),
    chinRoom: round((img.height - f.y1) / fh),
    brightness: faceBrightness(img, geo),
    sharpness: crisp.ratio,
    contrast: crisp.contrast,
    eyes: eyeVisibility(img, geo, skin),
    lowerFace: lowerFace(img, geo, skin),
    glassesBridge: glassesBridge(img, geo, skin),
    hatBand: hatBand(img, geo, skin, SKIN_RADIUS),
    frame: frameAround(img, geo),
    real: typeof main.real === 'number' ? round(main.real) : null,
    live: typeof main.live === 'number' ? round(main.live) : null,
  };

  let idMatch = null;
  if (idPhoto) {
    const id = await idEmbedding(human, idPhoto);
    idMatch = id.embedding && main.embedding?.length
      ? { similarity: round(human.match.similarity(main.embedding, id.embedding)), skipped: null }
      : { similarity: null, skipped: id.reason ?? 'no_embedding' };
  }
  return { ...base, face, idMatch, timing: timing(started, decodedAt, detectedAt) };
}

function timing(started, decodedAt, detectedAt) {
  const now = performance.now();
  return { decodeMs: Math.round(decodedAt - started), detectMs: Math.round(detectedAt - decodedAt), totalMs: Math.round(now - started) };
}

/** Loads the model once for this process. */
let humanPromise = null;
export function sharedHuman() {
  humanPromise ??= loadHuman();
  return humanPromise;
}
