/**
 * ZKTeco PUSH `table=ATTLOG` bodies: one attendance record per line, tab-separated
 * `PIN  YYYY-MM-DD HH:MM:SS  status  verify  workcode  reserved  reserved`, in the device's local time
 * (we hand it `TimeZone=8`, so Asia/Shanghai). Pure: no I/O.
 */
import type { AttendanceDirection } from '../../../../../schema/codes';
import { parseShanghaiWallTime } from '../../../../../schema/rules';
import { numberedLines, PIN_PATTERN, type LineProblem } from '../lines';

export interface AttlogRecord {
  pin: string;
  punchedAt: Date;
  /** 0 check-in, 1 check-out, 2 break-out, 3 break-in, 4 overtime-in, 5 overtime-out; null when absent. */
  status: number | null;
  /** 1 fingerprint, 3 card, 15 face …; null when absent. */
  verify: string | null;
  /** The line as received. */
  raw: string;
}

export interface ParsedAttlog {
  records: AttlogRecord[];
  problems: LineProblem[];
}

const SMALL_NUMBER = /^\d{1,3}$/;
const MAX_LINE = 512;

/** Reads every line; good lines become records, bad ones problems (the caller decides what to do). */
export function parseAttlog(body: string): ParsedAttlog {
  const records: AttlogRecord[] = [];
  const problems: LineProblem[] = [];
  for (const { line, text } of numberedLines(body)) {
    const result = parseLine(text);
    if (typeof result === 'string') problems.push({ line, text, reason: result });
    else records.push(result);
  }
  return { records, problems };
}

function parseLine(text: string): AttlogRecord | string {
  if (text.length > MAX_LINE) return '记录过长';
  const fields = text.split('\t').map((field) => field.trim());
  const [pin = '', time = '', status = '', verify = ''] = fields;
  if (fields.length < 2) return '字段不足（应以制表符分隔工号和时间）';
  if (!PIN_PATTERN.test(pin)) return '工号格式不正确';
  const punchedAt = parseShanghaiWallTime(time);
  if (!punchedAt) return '打卡时间格式不正确';
  if (status !== '' && !SMALL_NUMBER.test(status)) return '状态码不正确';
  if (verify !== '' && !SMALL_NUMBER.test(verify)) return '验证方式不正确';
  return { pin, punchedAt, status: status === '' ? null : Number(status), verify: verify === '' ? null : String(Number(verify)), raw: text };
}

/** The direction a ZKTeco status code means (check-in/break-in/overtime-in are in), or null. */
export function directionOfStatus(status: number | null): AttendanceDirection | null {
  if (status === 0 || status === 3 || status === 4) return 'in';
  if (status === 1 || status === 2 || status === 5) return 'out';
  return null;
}
