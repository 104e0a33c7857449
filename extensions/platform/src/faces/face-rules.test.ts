import { describe, expect, test } from 'vitest';
import type { FaceMeasurements, MeasuredFace } from './face-measurements';
import { FACE_RULES, judgeFace, type FaceRule } from './face-rules';
import { FACE_THRESHOLDS } from './face-thresholds';

/** The measured values of tests/fixtures/faces/pass-astronaut.jpg, compared with its own ID card. */
const validFace: MeasuredFace = {
  score: 1,
  meshScore: 1,
  box: { x: 0.35, y: 0.137, width: 0.18, height: 0.203 },
  widthPx: 92,
  yaw: 0,
  pitch: 7.3,
  roll: 3.3,
  headroom: 0.673,
  chinRoom: 3.25,
  brightness: 177.2,
  sharpness: 0.273,
  contrast: 40.59,
  eyes: { detail: 0.613, brightness: 0.623 },
  lowerFace: { distance: 1.1, chroma: 1.02, luma: 1.01 },
  glassesBridge: 0.267,
  hatBand: 0,
  frame: { left: 0.46, right: 0.82, above: 0.3, below: 0.63 },
  real: 0.46,
  live: 0.96,
};

const valid: FaceMeasurements = {
  image: { width: 512, height: 512, brightness: 150, sharpness: 0.3 },
  faceCount: 1,
  otherFaces: [],
  face: validFace,
  shoulders: { left: { score: 0.77, y: 0.535 }, right: { score: 0.59, y: 0.502 } },
  idMatch: { similarity: 0.81, skipped: null },
  timing: { decodeMs: 10, detectMs: 300, totalMs: 350 },
};

const withFace = (face: Partial<MeasuredFace>): FaceMeasurements => ({ ...valid, face: { ...validFace, ...face } });

const resultOf = (m: FaceMeasurements, rule: FaceRule) => judgeFace(m).checks.find((c) => c.rule === rule)?.result;

describe('judgeFace', () => {
  test('a good photo that matches the ID card passes every rule', () => {
    const verdict = judgeFace(valid);
    expect(verdict.passed).toBe(true);
    expect(verdict.reasons).toEqual([]);
    expect(verdict.checks.map((c) => c.rule)).toEqual(Object.keys(FACE_RULES));
    expect(verdict.checks.every((c) => c.result === 'pass')).toBe(true);
  });

  test.each<[string, FaceMeasurements, FaceRule]>([
    ['no face', { ...valid, faceCount: 0, face: null, idMatch: null }, 'FACE_MISSING'],
    ['a second face as big', { ...valid, faceCount: 2, otherFaces: [0.9] }, 'FACE_MULTIPLE'],
    ['a card framed on 3 sides', withFace({ frame: { left: 0.8, right: 1, above: 0.9, below: 0.5 } }), 'SPOOF'],
    ['a small face', withFace({ box: { ...validFace.box, height: 0.12 } }), 'FACE_TOO_SMALL'],
    ['a face few pixels wide', withFace({ widthPx: 60 }), 'FACE_TOO_SMALL'],
    ['head turned', withFace({ yaw: -25 }), 'NOT_FRONTAL'],
    ['head raised', withFace({ pitch: 30 }), 'NOT_FRONTAL'],
    ['head tilted', withFace({ roll: 20 }), 'NOT_FRONTAL'],
    ['no room above the head', withFace({ headroom: 0.1 }), 'HEADROOM'],
    ['cut at the chin', withFace({ chinRoom: 0.3 }), 'SHOULDERS'],
    ['a shoulder not found', { ...valid, shoulders: { ...valid.shoulders, right: { score: 0.1, y: 0.9 } } }, 'SHOULDERS'],
    ['a dark face', withFace({ brightness: 40 }), 'DARK'],
    ['a blurred face', withFace({ sharpness: 0.08 }), 'BLURRED'],
    ['covered eyes', withFace({ eyes: { detail: 0.05, brightness: 0.9 } }), 'OCCLUDED'],
    ['a blue mask', withFace({ lowerFace: { distance: 59, chroma: 1.4, luma: 1 } }), 'OCCLUDED'],
    ['a white mask', withFace({ lowerFace: { distance: 27, chroma: 0.1, luma: 1.2 } }), 'OCCLUDED'],
    ['a black mask', withFace({ lowerFace: { distance: 26, chroma: 0.3, luma: 0.25 } }), 'OCCLUDED'],
    ['dark lenses', withFace({ eyes: { detail: 0, brightness: 0.15 } }), 'GLASSES'],
    ['a glasses bridge', withFace({ glassesBridge: 0.95 }), 'GLASSES'],
    ['a helmet', withFace({ hatBand: 0.98 }), 'HAT'],
    ['another person than the ID card', { ...valid, idMatch: { similarity: 0.3, skipped: null } }, 'ID_MISMATCH'],
  ])('%s fails %s with its Chinese reason', (_name, measurements, rule) => {
    const verdict = judgeFace(measurements);
    expect(verdict.passed).toBe(false);
    expect(verdict.reasons).toContain(FACE_RULES[rule]);
    expect(resultOf(measurements, rule)).toBe('fail');
  });

  test.each<[string, FaceMeasurements, FaceRule]>([
    ['exactly at the yaw limit', withFace({ yaw: FACE_THRESHOLDS.maxYaw }), 'NOT_FRONTAL'],
    ['exactly the minimum headroom', withFace({ headroom: FACE_THRESHOLDS.minHeadroom }), 'HEADROOM'],
    ['exactly the minimum similarity', { ...valid, idMatch: { similarity: FACE_THRESHOLDS.minIdSimilarity, skipped: null } }, 'ID_MISMATCH'],
    ['a far-away passer-by', { ...valid, faceCount: 2, otherFaces: [0.2] }, 'FACE_MULTIPLE'],
    ['two framed sides (a door behind)', withFace({ frame: { left: 0.9, right: 0.9, above: 0.2, below: 0.1 } }), 'SPOOF'],
    ['dark lenses are glasses, not a covered face', withFace({ eyes: { detail: 0, brightness: 0.15 } }), 'OCCLUDED'],
    ['a chin in coloured light', withFace({ lowerFace: { distance: 34, chroma: 0.9, luma: 0.85 } }), 'OCCLUDED'],
  ])('%s still passes %s', (_name, measurements, rule) => {
    expect(resultOf(measurements, rule)).toBe('pass');
  });

  test('without an ID card image the comparison is skipped and said so, and the photo can pass', () => {
    const verdict = judgeFace({ ...valid, idMatch: null });
    expect(verdict.passed).toBe(true);
    expect(verdict.checks.find((c) => c.rule === 'ID_MISMATCH')).toMatchObject({ result: 'skipped', message: '未上传身份证人像面，未比对' });
  });

  test('an ID card image without a face skips the comparison', () => {
    const verdict = judgeFace({ ...valid, idMatch: { similarity: null, skipped: 'no_face_on_id' } });
    expect(verdict.checks.find((c) => c.rule === 'ID_MISMATCH')).toMatchObject({ result: 'skipped', message: '身份证照片上未检测到人脸，未比对' });
  });

  test('a face too small or turned is not judged for blur, cover, glasses or hat', () => {
    const verdict = judgeFace(withFace({ yaw: 45, glassesBridge: 1, eyes: { detail: 0.1, brightness: 0.6 } }));
    expect(verdict.reasons).toEqual([FACE_RULES.NOT_FRONTAL]);
    for (const rule of ['BLURRED', 'OCCLUDED', 'GLASSES', 'HAT'] as const) expect(resultOf(withFace({ yaw: 45 }), rule)).toBe('skipped');
  });

  test('no face in a dark, blurred photo says all three', () => {
    const verdict = judgeFace({ ...valid, image: { width: 512, height: 512, brightness: 20, sharpness: 0.05 }, faceCount: 0, face: null, idMatch: null });
    expect(verdict.reasons).toEqual([FACE_RULES.FACE_MISSING, FACE_RULES.DARK, FACE_RULES.BLURRED]);
  });

  test('reasons come in rule order, each once, with the measured values and limits behind them', () => {
    const verdict = judgeFace(withFace({ headroom: 0.1, glassesBridge: 0.9, eyes: { detail: 0.5, brightness: 0.1 } }));
    expect(verdict.reasons).toEqual([FACE_RULES.HEADROOM, FACE_RULES.GLASSES]);
    expect(verdict.checks.find((c) => c.rule === 'HEADROOM')).toMatchObject({ measured: { headroom: 0.1 }, limits: { minHeadroom: FACE_THRESHOLDS.minHeadroom } });
  });
});
