/**
 * Periods of 出勤一览表 as the pages show and step them. The server decides the exact range
 * (Monday–Sunday weeks, calendar months); these helpers only label and move the chosen date.
 */
import type { Period } from '@/api/attendance';
import { addDays } from '@/shared/schema';

export const PERIOD_LABELS: Record<Period, string> = { day: '日', week: '周', month: '月' };

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

const parts = (iso: string): [number, number, number] => {
  const [y = 0, m = 1, d = 1] = iso.split('-').map(Number);
  return [y, m, d];
};

export function weekdayLabel(iso: string): string {
  const [y, m, d] = parts(iso);
  return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? '';
}

/**
 * The day heading of 出勤记录: '3月2日 周一' in the current year, '2025年12月31日 周三' otherwise, so a
 * punch from another year is never mistaken for one of this year.
 */
export function dayHeading(iso: string, today: string): string {
  const [y, m, d] = parts(iso);
  return `${iso.slice(0, 4) === today.slice(0, 4) ? '' : `${y}年`}${m}月${d}日 ${weekdayLabel(iso)}`;
}

/** '2026年3月2日 周一', '3月2日–3月8日', '2026年3月'. */
export function periodTitle(period: Period, from: string, to: string): string {
  const [y, m, d] = parts(from);
  if (period === 'day') return `${y}年${m}月${d}日 ${weekdayLabel(from)}`;
  if (period === 'month') return `${y}年${m}月`;
  const [, m2, d2] = parts(to);
  return `${m}月${d}日–${m2}月${d2}日`;
}

/** A short axis label: '3/2' for days of a week, '2' for days of a month. */
export function dayLabel(iso: string, period: Period): string {
  const [, m, d] = parts(iso);
  return period === 'month' ? String(d) : `${m}/${d}`;
}

/** The same date one period earlier (-1) or later (+1); months land on their 1st. */
export function stepDate(period: Period, date: string, direction: -1 | 1): string {
  if (period === 'day') return addDays(date, direction);
  if (period === 'week') return addDays(date, 7 * direction);
  const [y, m] = parts(date);
  const index = y * 12 + (m - 1) + direction;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

export const percent = (rate: number | null | undefined): string => (rate === null || rate === undefined ? '—' : `${Math.round(rate * 1000) / 10}%`);
