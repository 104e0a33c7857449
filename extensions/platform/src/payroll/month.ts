/** A roster's calendar month ('YYYY-MM') and the days of it an employment was on site. */
import { isPayrollMonth } from '../../../../schema/api/payroll';
import { daysBetween, daysInMonth, type IsoDate } from '../../../../schema/rules';

export { isPayrollMonth };

export interface MonthSpan {
  month: string;
  first: IsoDate;
  last: IsoDate;
  days: number;
}

/** First and last day of a 'YYYY-MM' month; throws on anything else (validate first). */
export function monthSpan(month: string): MonthSpan {
  if (!isPayrollMonth(month)) throw new RangeError(`Not a payroll month: ${month}`);
  const days = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  return { month, first: `${month}-01`, last: `${month}-${String(days).padStart(2, '0')}`, days };
}

/** The month of a date: '2026-11-26' → '2026-11'. */
export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

/** Calendar days of `span` from entry to exit (both inclusive; no exit = still on site): 0 when they do not meet. */
export function daysOnSiteIn(span: MonthSpan, entry: IsoDate | null, exit: IsoDate | null): number {
  const from = entry && entry > span.first ? entry : span.first;
  const to = exit && exit < span.last ? exit : span.last;
  return to < from ? 0 : daysBetween(from, to) + 1;
}
