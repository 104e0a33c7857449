/** A stored `payroll_lines` row seen through compute-line.ts: its figures, 应发 and what it still lacks. */
import type { WageSettlementMode } from '../../../../schema/codes';
import { computeLine, type LineAmount, type LineFigures } from './compute-line';
import { toCents } from './money';
import type { MonthSpan } from './month';

export type StoredLine = Record<string, unknown>;

const cents = (value: unknown) => toCents(value as number | string | null);

/** The figures a stored line was (or will be) computed from, with `unitsCenti` overriding its units. */
export function figuresOf(line: StoredLine, span: MonthSpan, unitsCenti = cents(line['units'])): LineFigures {
  return {
    method: (line['wage_method'] as WageSettlementMode | null) ?? null,
    rateFen: cents(line['wage_amount']),
    days: Number(line['days'] ?? 0),
    hoursCenti: cents(line['hours']) ?? 0,
    unitsCenti,
    daysOnSite: Number(line['days_on_site'] ?? 0),
    daysInMonth: span.days,
  };
}

/** 应发 and gap of a stored line as it stands. */
export function amountOf(line: StoredLine, span: MonthSpan): LineAmount {
  return computeLine(figuresOf(line, span));
}

/** Whether a person still has to act on the line before the roster can be confirmed (a gap not covered by a hand-set 实发). */
export function isIncomplete(line: StoredLine, span: MonthSpan): boolean {
  return amountOf(line, span).gap !== null && !line['paid_adjusted'];
}
