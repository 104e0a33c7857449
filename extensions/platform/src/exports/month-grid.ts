/**
 * The pure part of 考勤表: the days of a month and what each person's cell shows on each day.
 * Marks: `✓8.5` a valid attendance day (出勤) with its hours; `○1.5` punches that do not make a
 * valid day; `—` a day before entry or after exit (not on site); blank: on site, no punch (or a
 * day still to come).
 */
import { addDays, daysInMonth, type IsoDate } from '../../../../schema/rules/dates';

import { MONTH_PATTERN } from '../../../../schema/api/exports';

export interface MonthDay {
  date: IsoDate;
  /** Day of the month, 1–31. */
  day: number;
  /** 一 … 日 */
  weekday: string;
}

export interface DayRecord {
  hours: number | null;
  valid: boolean;
}

export interface Stay {
  entry_date: IsoDate | null;
  exit_date: IsoDate | null;
}

export type DayKind = 'valid' | 'invalid' | 'absent' | 'off_site' | 'future';

export interface DayMark {
  kind: DayKind;
  text: string | null;
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** First and last day of a `YYYY-MM` month. */
export function monthRange(month: string): { first: IsoDate; last: IsoDate } {
  const match = MONTH_PATTERN.exec(month);
  if (!match) throw new RangeError(`Not a month: ${month}`);
  const days = daysInMonth(Number(match[1]), Number(match[2]));
  return { first: `${month}-01`, last: `${month}-${String(days).padStart(2, '0')}` };
}

/** Every day of a `YYYY-MM` month with its weekday, in order. */
export function monthDays(month: string): MonthDay[] {
  const { first, last } = monthRange(month);
  const days: MonthDay[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) {
    const weekday = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? '';
    days.push({ date, day: Number(date.slice(8)), weekday });
  }
  return days;
}

/** Hours as short text: 8 → '8', 8.5 → '8.5', 8.25 → '8.25'. */
export function formatHours(hours: number): string {
  return String(Math.round(hours * 100) / 100);
}

/** What one person's cell shows on one day. */
export function dayMark(date: IsoDate, stay: Stay, record: DayRecord | undefined, today: IsoDate): DayMark {
  if ((stay.entry_date && date < stay.entry_date) || (stay.exit_date && date > stay.exit_date)) return { kind: 'off_site', text: '—' };
  if (record) {
    const hours = record.hours === null ? '' : formatHours(record.hours);
    return record.valid ? { kind: 'valid', text: `✓${hours}` } : { kind: 'invalid', text: `○${hours}` };
  }
  if (date > today) return { kind: 'future', text: null };
  return { kind: 'absent', text: null };
}

/** Whether a stay overlaps the month (the person was on site on at least one of its days). */
export function onSiteDuring(stay: Stay, month: string): boolean {
  const { first, last } = monthRange(month);
  return (!stay.entry_date || stay.entry_date <= last) && (!stay.exit_date || stay.exit_date >= first);
}

/** 出勤天数 and 工时合计 of a person's month: valid days only, as wages and rates count them. */
export function monthTotals(records: Iterable<DayRecord>): { validDays: number; validHours: number } {
  let validDays = 0;
  let validHours = 0;
  for (const record of records) {
    if (!record.valid) continue;
    validDays += 1;
    validHours += record.hours ?? 0;
  }
  return { validDays, validHours: Math.round(validHours * 100) / 100 };
}
