/**
 * Wall-clock helpers for demo data. Everything is computed from calendar dates and a fixed
 * UTC+8 offset (China has no daylight saving), never from the system clock.
 */
import { formatIsoDate, parseIsoDate, type IsoDate } from '../schema/rules/dates';

const OFFSET_MS = 8 * 60 * 60 * 1000;

function utcMidnight(date: IsoDate): number {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`Not an ISO date: ${date}`);
  return Date.UTC(parts.year, parts.month - 1, parts.day);
}

/**
 * The UTC instant of Shanghai wall time `seconds` after midnight on `date`, as an ISO string.
 * @example shanghaiInstant('2025-03-01', 7 * 3600) // '2025-02-28T23:00:00.000Z'
 */
export function shanghaiInstant(date: IsoDate, seconds: number): string {
  return new Date(utcMidnight(date) + Math.round(seconds) * 1000 - OFFSET_MS).toISOString();
}

/** An ISO instant moved by `seconds`. */
export function plusSeconds(iso: string, seconds: number): string {
  return new Date(Date.parse(iso) + seconds * 1000).toISOString();
}

/** Shanghai wall time of an ISO instant as 'YYYY-MM-DD HH:MM:SS' (what attendance devices print). */
export function shanghaiWallTime(iso: string): string {
  return new Date(Date.parse(iso) + OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** Day of the week of a calendar date: 0 Sunday … 6 Saturday. */
export function weekday(date: IsoDate): number {
  return new Date(utcMidnight(date)).getUTCDay();
}

/** The same month and day `years` earlier (29 February becomes 28 February). */
export function yearsBefore(date: IsoDate, years: number): IsoDate {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`Not an ISO date: ${date}`);
  const year = parts.year - years;
  const day = parts.month === 2 && parts.day === 29 ? 28 : parts.day;
  return formatIsoDate({ year, month: parts.month, day });
}

/** Seconds from a clock reading: hms(7, 30) is 07:30:00. */
export function hms(hours: number, minutes = 0, seconds = 0): number {
  return hours * 3600 + minutes * 60 + seconds;
}
