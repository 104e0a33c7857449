/**
 * ZKTeco PUSH `table=OPERLOG` bodies: operation-log lines (`OPLOG …`) and the device's own user
 * data (`USER PIN=…`, `FP PIN=…`, `BIOPHOTO PIN=…`, `USERPIC PIN=…`, `FACE PIN=…`). The platform is the
 * source of who is enrolled, so these are accepted and logged, not applied. Pure: no I/O.
 */
import { numberedLines } from '../lines';

export interface OperlogSummary {
  /** Lines per kind (`OPLOG`, `USER`, `BIOPHOTO` …). */
  counts: Record<string, number>;
  /** Every non-blank line (each line is one record to the device). */
  lines: number;
  /** PINs of `USER` lines, for the log. */
  userPins: string[];
}

export function summarizeOperlog(body: string): OperlogSummary {
  const counts: Record<string, number> = {};
  const userPins: string[] = [];
  const lines = numberedLines(body);
  for (const { text } of lines) {
    const kind = /^([A-Z_]+)[ \t]/.exec(text)?.[1] ?? 'OTHER';
    counts[kind] = (counts[kind] ?? 0) + 1;
    if (kind === 'USER') {
      const pin = /(?:^|\t| )PIN=([^\t]*)/.exec(text)?.[1];
      if (pin) userPins.push(pin);
    }
  }
  return { counts, lines: lines.length, userPins };
}
