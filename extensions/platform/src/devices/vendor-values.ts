/** Field values the three vendors share in different spellings. Pure: no I/O. */
import { parseShanghaiWallTime } from '../../../../schema/rules';

/** A parser's answer: the value, or why the input is refused (a stable rule and a Chinese message). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; rule: string; message: string; field?: string };

/** Verify modes are stored as ZKTeco codes whatever the vendor: 1 fingerprint, 3 card, 15 face. */
export const VERIFY_FINGERPRINT = '1';
export const VERIFY_CARD = '3';
export const VERIFY_FACE = '15';

/**
 * A device time: epoch seconds (10 digits) or milliseconds (13), ISO with an offset (`Z`, `+08:00`
 * or `+0800`; seconds may be left out, as in ISAPI's `2009-11-14T15:27Z`), or Shanghai wall time
 * 'YYYY-MM-DD HH:MM:SS'. Null when it is none of these.
 */
export function parseDeviceTime(value: unknown): Date | null {
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (/^\d{13}$/.test(text)) return new Date(Number(text));
  if (/^\d{10}$/.test(text)) return new Date(Number(text) * 1000);
  const iso = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})$/.exec(text);
  if (iso) {
    const seconds = iso[3] ?? ':00';
    const zone = iso[5] === 'Z' ? 'Z' : `${iso[5]?.slice(0, 3)}:${iso[5]?.slice(-2)}`;
    const wall = parseShanghaiWallTime(`${iso[1]} ${iso[2]}${seconds}`);
    const at = Date.parse(`${iso[1]}T${iso[2]}${seconds}${iso[4] ?? ''}${zone}`);
    return wall && Number.isFinite(at) ? new Date(at) : null;
  }
  return parseShanghaiWallTime(text);
}

/** A scalar field as trimmed text ('' when absent or not a string/number). */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** The first non-empty of several alternative field names. */
export function firstText(record: Record<string, unknown>, names: readonly string[]): string {
  for (const name of names) {
    const value = textOf(record[name]);
    if (value !== '') return value;
  }
  return '';
}

/** The record as JSON for `punches.raw`, without picture data (base64 images run to megabytes). */
export function rawJson(record: Record<string, unknown>, dropKeys: readonly string[]): string {
  const kept = Object.fromEntries(Object.entries(record).filter(([key, value]) => !dropKeys.includes(key) && !(typeof value === 'string' && value.length > 2000)));
  return JSON.stringify(kept);
}
