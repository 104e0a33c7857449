/**
 * For the parser tests: OCR output written as lines of text. Each line becomes a row of boxes
 * (one per space-separated token) laid out like a card photo, optionally tilted, with a confidence.
 * @example boxesFromLines(['姓名 张三', '性别 男 民族 汉'], { angleDeg: 8 })
 */
import capturedBoxes from './captured-boxes.json';
import type { OcrBox, Point } from './types';

export interface LayoutOptions {
  /** Tilt of the whole photo, degrees (positive: clockwise). */
  angleDeg?: number;
  /** Confidence of every box, or per token text. */
  confidence?: number | Readonly<Record<string, number>>;
}

const CHAR = 24;
const GAP = 30;
const LINE = 44;

export function boxesFromLines(lines: readonly string[], options: LayoutOptions = {}): OcrBox[] {
  const angle = ((options.angleDeg ?? 0) * Math.PI) / 180;
  const turn = ([x, y]: Point): Point => [
    Math.round(x * Math.cos(angle) - y * Math.sin(angle) + 100),
    Math.round(x * Math.sin(angle) + y * Math.cos(angle) + 60),
  ];
  const confidenceOf = (text: string): number =>
    typeof options.confidence === 'number' ? options.confidence : (options.confidence?.[text] ?? 0.99);
  const boxes: OcrBox[] = [];
  lines.forEach((line, row) => {
    let x = 60;
    const y = 40 + row * LINE;
    for (const text of line.split(' ').filter(Boolean)) {
      const width = [...text].length * CHAR;
      boxes.push({ text, confidence: confidenceOf(text), box: [turn([x, y]), turn([x + width, y]), turn([x + width, y + CHAR]), turn([x, y + CHAR])] });
      x += width + GAP;
    }
  });
  // The engine reports boxes in no particular order.
  return boxes.reverse();
}

/** Real engine output for photos of the committed cards (tests/fixtures/id-cards), captured once. */
export function captured(photo: keyof typeof capturedBoxes): OcrBox[] {
  return capturedBoxes[photo] as unknown as OcrBox[];
}
