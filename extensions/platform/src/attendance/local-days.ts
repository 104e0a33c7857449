/**
 * Attendance days are calendar days in Asia/Shanghai (the platform's one time zone; China keeps
 * UTC+8 without daylight saving, see schema/rules/dates). A punch at 23:30 local belongs to that
 * day even though it is 15:30 UTC. Pure: callers pass instants, nothing reads the clock.
 */
import type { Period } from '../../../../schema/api/site';
import { addDays, compareIsoDates, daysBetween, isIsoDate, parseIsoDate, todayInShanghai, type IsoDate } from '../../../../schema/rules/dates';

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The local (Shanghai) calendar day of an instant. */
export function localDayOf(instant: Date | string): IsoDate {
  return todayInShanghai(instant instanceof Date ? instant : new Date(instant));
}

/** The instant local midnight starts `day` (e.g. '2025-03-01' → 2025-02-28T16:00:00Z). */
export function dayStart(day: IsoDate): Date {
  const parts = parseIsoDate(day);
  if (!parts) throw new RangeError(`Not an ISO date: ${day}`);
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day) - SHANGHAI_OFFSET_MS);
}

/** Every day from `from` to `to`, both included ([] when `to` is before `from`). */
export function daysFromTo(from: IsoDate, to: IsoDate): IsoDate[] {
  const count = daysBetween(from, to) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, index) => addDays(from, index));
}

/** Day of the week of a calendar date: 0 Sunday … 6 Saturday. */
export function weekdayOf(day: IsoDate): number {
  return new Date(dayStart(day).getTime() + SHANGHAI_OFFSET_MS).getUTCDay();
}

export { PERIODS, type Period } from '../../../../schema/api/site';

/** The days a summary covers: the day itself, its week (Monday to Sunday) or its calendar month. */
export function periodRange(period: Period, day: IsoDate): { from: IsoDate; to: IsoDate } {
  if (!isIsoDate(day)) throw new RangeError(`Not an ISO date: ${day}`);
  if (period === 'day') return { from: day, to: day };
  if (period === 'week') {
    const monday = addDays(day, -((weekdayOf(day) + 6) % 7));
    return { from: monday, to: addDays(monday, 6) };
  }
  const from = `${day.slice(0, 8)}01`;
  // 31 days after the 1st is always in the next month; the day before its 1st ends this one.
  const nextMonth = `${addDays(from, 31).slice(0, 8)}01`;
  return { from, to: addDays(nextMonth, -1) };
}

/** The earlier of two days. */
export function minDay(a: IsoDate, b: IsoDate): IsoDate {
  return compareIsoDates(a, b) <= 0 ? a : b;
}

/** The later of two days. */
export function maxDay(a: IsoDate, b: IsoDate): IsoDate {
  return compareIsoDates(a, b) >= 0 ? a : b;
}

/**
 * Splits sorted distinct days into runs of consecutive days, each at most `maxLength` long, so a
 * roll-up can read one time window of punches per run.
 */
export function consecutiveRuns(days: readonly IsoDate[], maxLength: number): IsoDate[][] {
  const sorted = [...new Set(days)].sort(compareIsoDates);
  const runs: IsoDate[][] = [];
  let current: IsoDate[] = [];
  for (const day of sorted) {
    const last = current[current.length - 1];
    if (last !== undefined && (daysBetween(last, day) !== 1 || current.length >= maxLength)) {
      runs.push(current);
      current = [];
    }
    current.push(day);
  }
  if (current.length) runs.push(current);
  return runs;
}
