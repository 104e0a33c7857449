/**
 * Text boxes → rows of text as a person reads the card: boxes on one printed line joined left to
 * right, lines top to bottom. Works on tilted and perspective photos: a box joins a row when it
 * lies on the line through the row's nearest box, along that box's own slant.
 */
import type { OcrBox, Point } from './types';

export interface RowBox extends OcrBox {
  /** Offset of this box's text in the row's `compact` text. */
  start: number;
}

export interface TextRow {
  /** Box texts joined with single spaces. */
  text: string;
  /** The text without any whitespace, which the parsers match against. */
  compact: string;
  boxes: RowBox[];
}

interface Placed {
  box: OcrBox;
  cx: number;
  cy: number;
  /** Slope dy/dx of the box's baseline. */
  slope: number;
  height: number;
  /** Position along and across the card's dominant direction, for ordering. */
  along: number;
  across: number;
}

const distance = (a: Point, b: Point): number => Math.hypot(a[0] - b[0], a[1] - b[1]);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function place(box: OcrBox, cos: number, sin: number): Placed {
  const [tl, tr, br, bl] = box.box;
  const cx = (tl[0] + tr[0] + br[0] + bl[0]) / 4;
  const cy = (tl[1] + tr[1] + br[1] + bl[1]) / 4;
  const dx = tr[0] - tl[0] + (br[0] - bl[0]);
  const dy = tr[1] - tl[1] + (br[1] - bl[1]);
  return {
    box,
    cx,
    cy,
    slope: Math.abs(dx) > 1e-6 ? dy / dx : 0,
    height: Math.max(1, (distance(tl, bl) + distance(tr, br)) / 2),
    along: Math.min(...box.box.map(([x, y]) => x * cos + y * sin)),
    across: -cx * sin + cy * cos,
  };
}

/** Whether `p` sits on the printed line of `member` (extended along member's slant). */
function onLineOf(p: Placed, member: Placed): boolean {
  const expected = member.cy + member.slope * (p.cx - member.cx);
  return Math.abs(p.cy - expected) <= 0.5 * Math.min(p.height, member.height);
}

/** Groups boxes into rows, top to bottom, each left to right. */
export function assembleRows(boxes: readonly OcrBox[]): TextRow[] {
  const usable = boxes.filter((b) => b.text.trim() !== '');
  if (usable.length === 0) return [];
  // The card's direction: the median slant of boxes that are clearly lines, not single glyphs.
  const slants = usable
    .filter((b) => distance(b.box[0], b.box[1]) >= 1.5 * distance(b.box[0], b.box[3]))
    .map((b) => Math.atan2(b.box[1][1] - b.box[0][1], b.box[1][0] - b.box[0][0]));
  const angle = slants.length ? median(slants) : 0;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const placed = usable.map((b) => place(b, cos, sin)).sort((a, b) => a.along - b.along);

  const rows: Placed[][] = [];
  for (const p of placed) {
    let best: { row: Placed[]; gap: number } | null = null;
    for (const row of rows) {
      const nearest = row.reduce((a, b) => (Math.abs(b.cx - p.cx) < Math.abs(a.cx - p.cx) ? b : a));
      if (!onLineOf(p, nearest) && !onLineOf(nearest, p)) continue;
      const gap = Math.abs(nearest.cx - p.cx);
      if (!best || gap < best.gap) best = { row, gap };
    }
    if (best) best.row.push(p);
    else rows.push([p]);
  }

  return rows
    .map((row) => ({ row: row.sort((a, b) => a.along - b.along), across: median(row.map((p) => p.across)) }))
    .sort((a, b) => a.across - b.across)
    .map(({ row }) => {
      let compact = '';
      const rowBoxes: RowBox[] = [];
      for (const p of row) {
        rowBoxes.push({ ...p.box, start: compact.length });
        compact += p.box.text.replace(/\s+/g, '');
      }
      return { text: row.map((p) => p.box.text.trim()).join(' '), compact, boxes: rowBoxes };
    });
}

/** The lowest confidence among the boxes that hold characters [start, end) of the row's compact text. */
export function confidenceOf(row: TextRow, start: number, end: number): number {
  let lowest = 1;
  let found = false;
  for (const box of row.boxes) {
    const boxEnd = box.start + box.text.replace(/\s+/g, '').length;
    if (box.start < end && boxEnd > start) {
      lowest = Math.min(lowest, box.confidence);
      found = true;
    }
  }
  return found ? lowest : 0;
}
