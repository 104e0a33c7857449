/** Shared pieces of the line-based device formats. */

/** A line the platform could not read (logged and shown on the device as its last error). */
export interface LineProblem {
  /** 1-based line number in the body. */
  line: number;
  text: string;
  /** Chinese, for staff. */
  reason: string;
}

/** The non-blank lines of a body with their 1-based numbers (CRLF or LF). */
export function numberedLines(body: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  body.split('\n').forEach((raw, index) => {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim() !== '') out.push({ line: index + 1, text });
  });
  return out;
}

/** A device PIN (工号) as the platform stores it: 1–24 letters, digits, `-` or `_`. */
export const PIN_PATTERN = /^[0-9A-Za-z_-]{1,24}$/;

/** One short summary of the problems of a batch for `devices.last_error` (≤ 500 characters). */
export function summarizeProblems(problems: readonly LineProblem[]): string {
  const head = `${problems.length} 条记录无法识别，未保存：`;
  const parts: string[] = [];
  let length = head.length;
  for (const problem of problems) {
    const part = `第${problem.line}行 ${problem.reason}（${problem.text.slice(0, 60)}）`;
    if (length + part.length + 1 > 480) {
      parts.push('…');
      break;
    }
    parts.push(part);
    length += part.length + 1;
  }
  return head + parts.join('；');
}
