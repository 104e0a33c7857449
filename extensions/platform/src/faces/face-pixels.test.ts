import { describe, expect, test } from 'vitest';
import { frameAround, glassesBridge, hatBand, lowerFace, sharpness, skinReference, type FaceGeometry, type Rgb } from '../../workers/face-pixels.mjs';

type Colour = [number, number, number];
const SKIN: Colour = [224, 172, 140];
const WALL: Colour = [150, 150, 150];

/** A 300 × 400 photo: a plain wall and a skin-coloured face 100 px wide, 120 px tall at (100, 120). */
function photo(): Rgb & { paint: (x0: number, y0: number, x1: number, y1: number, colour: Colour) => void } {
  const width = 300;
  const height = 400;
  const data = new Uint8Array(width * height * 3);
  const paint = (x0: number, y0: number, x1: number, y1: number, colour: Colour) => {
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data.set(colour, (y * width + x) * 3);
  };
  paint(0, 0, width, height, WALL);
  paint(100, 120, 200, 240, SKIN);
  return { data, width, height, paint };
}

const geo: FaceGeometry = {
  silhouette: { x0: 100, y0: 120, x1: 200, y1: 240 },
  rightEye: { x0: 115, y0: 160, x1: 140, y1: 170 },
  leftEye: { x0: 160, y0: 160, x1: 185, y1: 170 },
  brows: { x0: 112, y0: 148, x1: 188, y1: 154 },
  lips: { x0: 130, y0: 205, x1: 170, y1: 218 },
  nose: [150, 195],
  between: [150, 165],
};

describe('face pixel measurements', () => {
  test('the skin reference is the skin', () => {
    const skin = skinReference(photo(), geo);
    expect(skin.y).toBeGreaterThan(180);
  });

  test.each<[string, Colour, 'distance' | 'chroma' | 'luma', 'above' | 'below', number]>([
    ['a blue mask is far from the skin colour', [150, 200, 230], 'distance', 'above', 40],
    ['a white mask has no colour', [235, 235, 235], 'chroma', 'below', 0.35],
    ['a black mask is dark', [30, 30, 32], 'luma', 'below', 0.4],
  ])('%s', (_name, colour, measure, side, limit) => {
    const img = photo();
    const bare = lowerFace(img, geo, skinReference(img, geo));
    img.paint(105, 190, 195, 240, colour);
    const masked = lowerFace(img, geo, skinReference(img, geo));
    expect(bare).toMatchObject({ distance: 0, chroma: 1, luma: 1 });
    if (side === 'above') expect(masked[measure]).toBeGreaterThan(limit);
    else expect(masked[measure]).toBeLessThan(limit);
  });

  test('a glasses bridge across the nose reads as one unbroken edge', () => {
    const img = photo();
    const skin = skinReference(img, geo);
    expect(glassesBridge(img, geo, skin)).toBe(0);
    img.paint(138, 162, 162, 165, [20, 20, 20]);
    expect(glassesBridge(img, geo, skin)).toBe(1);
  });

  test('a yellow helmet above the forehead fills the hat band; hair does not', () => {
    const img = photo();
    const skin = skinReference(img, geo);
    img.paint(95, 80, 205, 120, [40, 30, 25]);
    expect(hatBand(img, geo, skin, 12)).toBe(0);
    img.paint(95, 80, 205, 120, [243, 198, 20]);
    expect(hatBand(img, geo, skin, 12)).toBe(1);
  });

  test('a card or screen edge on all four sides is found; a plain wall has none', () => {
    const img = photo();
    expect(frameAround(img, geo)).toEqual({ left: 0, right: 0, above: 0, below: 0 });
    for (const [x0, y0, x1, y1] of [
      [30, 40, 270, 44],
      [30, 340, 270, 344],
      [30, 40, 34, 344],
      [266, 40, 270, 344],
    ] as const) {
      img.paint(x0, y0, x1, y1, [20, 20, 20]);
    }
    const frame = frameAround(img, geo);
    expect(Math.min(frame.left, frame.right, frame.above, frame.below)).toBeGreaterThanOrEqual(0.75);
  });

  test('sharpness: fine detail is sharp, a flat patch is not', () => {
    const side = 32;
    const checker = new Uint8Array(side * side).map((_, i) => ((i % side) + Math.floor(i / side)) % 2 ? 200 : 50);
    const flat = new Uint8Array(side * side).fill(120);
    expect(sharpness({ data: checker, width: side, height: side }).ratio).toBeGreaterThan(1);
    expect(sharpness({ data: flat, width: side, height: side }).ratio).toBe(0);
  });
});
