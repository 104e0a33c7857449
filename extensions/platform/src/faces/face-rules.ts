/**
 * The face-check rules in one place: measured values in (`FaceMeasurements`), a verdict out with,
 * for every rule, what was measured, the limits it was held to, and the Chinese reason when it
 * fails. Pure: no model, no I/O; thresholds come from `face-thresholds.ts`.
 *
 * The ID card comparison: without an ID card portrait image (temporary IDs, not uploaded yet) or
 * when no face is found on it, the rule is skipped and the check says so, and the photo can still
 * pass on the other rules. A missing or unreadable ID card is registration's business; refusing
 * the face for it would leave the person unable to punch at the gate.
 */
import type { FaceMeasurements, MeasuredFace } from './face-measurements';
import { FACE_RULES, type FaceRule } from '../../../../schema/api/faces';
import { FACE_THRESHOLDS, type FaceThresholds } from './face-thresholds';

export { FACE_RULES, type FaceRule } from '../../../../schema/api/faces';

export type Measured = Record<string, number | boolean | null>;

export interface FaceCheck {
  rule: FaceRule;
  /** `skipped`: the rule could not be judged on this photo (`message` says why). */
  result: 'pass' | 'fail' | 'skipped';
  measured: Measured;
  limits: Partial<FaceThresholds>;
  /** The reason (fail) or the note (skipped), in Chinese; null on pass. */
  message: string | null;
}

export interface FaceVerdict {
  passed: boolean;
  /** Chinese reasons of the failed rules, in rule order, each once. */
  reasons: string[];
  checks: FaceCheck[];
}

const NOTE = {
  noFace: '未检测到人脸，未判断',
  unclear: '人脸太小、未正对镜头或太暗，未判断',
  noIdImage: '未上传身份证人像面，未比对',
  noFaceOnId: '身份证照片上未检测到人脸，未比对',
} as const;

type Limits = Partial<FaceThresholds>;

function check(rule: FaceRule, failed: boolean, measured: Measured, limits: Limits): FaceCheck {
  return { rule, result: failed ? 'fail' : 'pass', measured, limits, message: failed ? FACE_RULES[rule] : null };
}

function skipped(rule: FaceRule, note: string, measured: Measured = {}, limits: Limits = {}): FaceCheck {
  return { rule, result: 'skipped', measured, limits, message: note };
}

const pick = <K extends keyof FaceThresholds>(t: FaceThresholds, ...keys: K[]): Limits =>
  Object.fromEntries(keys.map((key) => [key, t[key]])) as Limits;

/** The rules that need a clear, frontal, big-enough face to mean anything. */
function detailChecks(face: MeasuredFace, t: FaceThresholds): FaceCheck[] {
  const darkLenses = face.eyes.brightness < t.minEyeBrightness;
  const eyesCovered = !darkLenses && face.eyes.detail < t.minEyeDetail;
  const lower = face.lowerFace;
  const mouthCovered = lower.distance > t.maxLowerFaceDistance || lower.chroma < t.minLowerFaceChroma || lower.luma < t.minLowerFaceLuma;
  const frameOnNose = face.glassesBridge > t.maxGlassesBridge;
  return [
    check('BLURRED', face.sharpness < t.minSharpness, { sharpness: face.sharpness }, pick(t, 'minSharpness')),
    check(
      'OCCLUDED',
      eyesCovered || mouthCovered,
      { eyeDetail: face.eyes.detail, lowerFaceDistance: lower.distance, lowerFaceChroma: lower.chroma, lowerFaceLuma: lower.luma },
      pick(t, 'minEyeDetail', 'maxLowerFaceDistance', 'minLowerFaceChroma', 'minLowerFaceLuma'),
    ),
    check(
      'GLASSES',
      darkLenses || frameOnNose,
      { eyeBrightness: face.eyes.brightness, glassesBridge: face.glassesBridge },
      pick(t, 'minEyeBrightness', 'maxGlassesBridge'),
    ),
    check('HAT', face.hatBand > t.maxHatBand, { hatBand: face.hatBand }, pick(t, 'maxHatBand')),
  ];
}

function idCheck(m: FaceMeasurements, t: FaceThresholds): FaceCheck {
  const limits = pick(t, 'minIdSimilarity');
  if (!m.idMatch) return skipped('ID_MISMATCH', NOTE.noIdImage, { similarity: null }, limits);
  if (m.idMatch.similarity === null) return skipped('ID_MISMATCH', NOTE.noFaceOnId, { similarity: null }, limits);
  return check('ID_MISMATCH', m.idMatch.similarity < t.minIdSimilarity, { similarity: m.idMatch.similarity }, limits);
}

/**
 * Judges one photo's measurements.
 * @example judgeFace(measurements).reasons // ['请摘下眼镜', '头顶需留空白']
 */
export function judgeFace(m: FaceMeasurements, t: FaceThresholds = FACE_THRESHOLDS): FaceVerdict {
  const checks: FaceCheck[] = [];
  const face = m.face;
  if (!face) {
    checks.push(check('FACE_MISSING', true, { faces: m.faceCount }, {}));
    // Without a face, say so, and say too if the photo as a whole is too dark or blurred to find one.
    checks.push(check('DARK', m.image.brightness < t.minBrightness, { imageBrightness: m.image.brightness }, pick(t, 'minBrightness')));
    checks.push(check('BLURRED', m.image.sharpness < t.minSharpness, { imageSharpness: m.image.sharpness }, pick(t, 'minSharpness')));
    for (const rule of ['FACE_MULTIPLE', 'SPOOF', 'FACE_TOO_SMALL', 'NOT_FRONTAL', 'HEADROOM', 'SHOULDERS', 'OCCLUDED', 'GLASSES', 'HAT', 'ID_MISMATCH'] as const) {
      checks.push(skipped(rule, NOTE.noFace));
    }
    return verdictOf(checks);
  }

  const others = m.otherFaces.filter((relative) => relative >= t.otherFaceMinRelativeHeight);
  checks.push(check('FACE_MISSING', false, { faces: m.faceCount }, {}));
  checks.push(
    check('FACE_MULTIPLE', others.length > 0, { faces: m.faceCount, largestOther: Math.max(0, ...m.otherFaces) }, pick(t, 'otherFaceMinRelativeHeight')),
  );

  const framed = [face.frame.left, face.frame.right, face.frame.above, face.frame.below].filter((edge) => edge >= t.frameEdge).length;
  checks.push(
    check('SPOOF', framed >= t.framedSides, { framedSides: framed, ...face.frame, real: face.real, live: face.live }, pick(t, 'frameEdge', 'framedSides')),
  );

  const tooSmall = face.box.height < t.minFaceHeight || face.widthPx < t.minFaceWidthPx;
  checks.push(check('FACE_TOO_SMALL', tooSmall, { faceHeight: face.box.height, faceWidthPx: face.widthPx }, pick(t, 'minFaceHeight', 'minFaceWidthPx')));

  const turned = Math.abs(face.yaw) > t.maxYaw || Math.abs(face.pitch) > t.maxPitch || Math.abs(face.roll) > t.maxRoll;
  checks.push(check('NOT_FRONTAL', turned, { yaw: face.yaw, pitch: face.pitch, roll: face.roll }, pick(t, 'maxYaw', 'maxPitch', 'maxRoll')));

  checks.push(check('HEADROOM', face.headroom < t.minHeadroom, { headroom: face.headroom }, pick(t, 'minHeadroom')));

  const weakestShoulder = Math.min(m.shoulders.left.score, m.shoulders.right.score);
  checks.push(
    check(
      'SHOULDERS',
      face.chinRoom < t.minChinRoom || weakestShoulder < t.minShoulderScore,
      { chinRoom: face.chinRoom, leftShoulder: m.shoulders.left.score, rightShoulder: m.shoulders.right.score },
      pick(t, 'minChinRoom', 'minShoulderScore'),
    ),
  );

  const dark = face.brightness < t.minBrightness;
  checks.push(check('DARK', dark, { brightness: face.brightness }, pick(t, 'minBrightness')));

  if (tooSmall || turned || dark) {
    for (const rule of ['BLURRED', 'OCCLUDED', 'GLASSES', 'HAT'] as const) checks.push(skipped(rule, NOTE.unclear));
  } else {
    checks.push(...detailChecks(face, t));
  }

  checks.push(idCheck(m, t));
  return verdictOf(checks);
}

const ORDER = Object.keys(FACE_RULES) as FaceRule[];

function verdictOf(checks: FaceCheck[]): FaceVerdict {
  const sorted = [...checks].sort((a, b) => ORDER.indexOf(a.rule) - ORDER.indexOf(b.rule));
  const reasons = [...new Set(sorted.filter((c) => c.result === 'fail').map((c) => FACE_RULES[c.rule]))];
  return { passed: reasons.length === 0, reasons, checks: sorted };
}
