/**
 * Calendar-date helpers on ISO 'YYYY-MM-DD' strings. Nothing here reads the system clock:
 * callers pass a Date, so rules are testable and the server and H5 agree on "today".
 */

/** A calendar date as 'YYYY-MM-DD'. */
export type IsoDate = string;

/** A date split into numeric parts (month 1–12). */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

// China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact
// for any date this platform handles and needs no time-zone database on the H5.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether `year` is a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parts of a valid calendar date from numbers, or null ('2023-02-29' → null). */
export function makeDateParts(year: number, month: number, day: number): DateParts | null {
  if (![year, month, day].every(Number.isInteger)) return null;
  if (year < 1 || year > 9999 || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** Parse a strict 'YYYY-MM-DD' string into parts, or null when it is not a real date. */
export function parseIsoDate(text: string): DateParts | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  return makeDateParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Whether `text` is a real calendar date in 'YYYY-MM-DD' form. */
export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== null;
}

/** Format parts as 'YYYY-MM-DD'. */
export function formatIsoDate(parts: DateParts): IsoDate {
  const pad = (value: number, width: number): string => String(value).padStart(width, '0');
  return `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
}

/** Negative, zero or positive as `a` is before, equal to or after `b` (both 'YYYY-MM-DD'). */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether date `a` is strictly before date `b`. */
export function isBefore(a: IsoDate, b: IsoDate): boolean {
  return compareIsoDates(a, b) < 0;
}

/** Whether date `a` is strictly after date `b`. */
export function isAfter(a: IsoDate, b: IsoDate): boolean {
  return compareIsoDates(a, b) > 0;
}

function toEpochDay(date: IsoDate): number {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`Not an ISO date: ${date}`);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 onto 1900–1999.
  const at = new Date(0);
  at.setUTCFullYear(parts.year, parts.month - 1, parts.day);
  return Math.round(at.getTime() / DAY_MS);
}

/** `date` moved by `days` (may be negative); throws RangeError on an invalid date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const shifted = new Date((toEpochDay(date) + days) * DAY_MS);
  return formatIsoDate({
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  });
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** The calendar date in Asia/Shanghai at the instant `clock`. */
export function todayInShanghai(clock: Date): IsoDate {
  const local = new Date(clock.getTime() + SHANGHAI_OFFSET_MS);
  return formatIsoDate({
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
  });
}

/** The instant `clock` as Shanghai wall time with offset, '2024-05-01T08:30:00+08:00'. */
export function shanghaiDateTime(clock: Date): string {
  const local = new Date(clock.getTime() + SHANGHAI_OFFSET_MS);
  const time = local.toISOString().slice(11, 19);
  return `${todayInShanghai(clock)}T${time}+08:00`;
}

/**
 * The instant of a Shanghai wall time 'YYYY-MM-DD HH:MM:SS' (as attendance devices print it; a 'T'
 * separator is accepted too), or null when it is not a real date and time.
 * @example parseShanghaiWallTime('2024-05-01 08:30:00')?.toISOString() // '2024-05-01T00:30:00.000Z'
 */
export function parseShanghaiWallTime(text: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const [hours, minutes, seconds] = [Number(match[2]), Number(match[3]), Number(match[4])];
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  const parts = parseIsoDate(match[1] ?? '');
  if (!parts) return null;
  const at = new Date(0);
  at.setUTCFullYear(parts.year, parts.month - 1, parts.day);
  at.setUTCHours(hours, minutes, seconds, 0);
  return new Date(at.getTime() - SHANGHAI_OFFSET_MS);
}
