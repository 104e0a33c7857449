import { describe, expect, test } from 'vitest';
import { computeLine, type LineFigures } from './compute-line';
import { formatFen, fromCents, mulDivHalfUp, toCents } from './money';
import { daysOnSiteIn, isPayrollMonth, monthSpan } from './month';

const base: LineFigures = { method: 'daily', rateFen: 35_000, days: 20, hoursCenti: 18_050, unitsCenti: null, daysOnSite: 30, daysInMonth: 30 };

describe('computeLine: 应发 by settlement method, in fen', () => {
  test.each<[string, Partial<LineFigures>, number, string | null]>([
    ['计天: rate × valid days', {}, 700_000, null],
    ['计天: no valid day', { days: 0 }, 0, null],
    ['计时: rate × hours (35.00 × 180.50 h)', { method: 'hourly', rateFen: 3_500 }, 631_750, null],
    ['计时: half a fen rounds up (0.33 × 1.50 h = 0.495)', { method: 'hourly', rateFen: 33, hoursCenti: 150 }, 50, null],
    ['计时: below half a fen rounds down (0.33 × 1.49 h = 0.4917)', { method: 'hourly', rateFen: 33, hoursCenti: 149 }, 49, null],
    ['计时: 0.1 + 0.2 style decimals stay exact (48.10 × 0.30 h)', { method: 'hourly', rateFen: 4_810, hoursCenti: 30 }, 1_443, null],
    ['计件: rate × units (45.00 × 123.45 平方米)', { method: 'piece', rateFen: 4_500, unitsCenti: 12_345 }, 555_525, null],
    ['计件: units not entered yet', { method: 'piece', rateFen: 4_500 }, 0, 'NO_UNITS'],
    ['计件: zero units', { method: 'piece', rateFen: 4_500, unitsCenti: 0 }, 0, null],
    ['定额: rate × units', { method: 'quota', rateFen: 120_000, unitsCenti: 250 }, 300_000, null],
    ['定额: units not entered yet', { method: 'quota', rateFen: 120_000 }, 0, 'NO_UNITS'],
    ['包月: a whole month on site', { method: 'monthly', rateFen: 800_000, days: 3 }, 800_000, null],
    ['包月: 10 of 30 days on site', { method: 'monthly', rateFen: 800_000, daysOnSite: 10 }, 266_667, null],
    ['包月: 15 of 31 days (half up)', { method: 'monthly', rateFen: 1_000_000, daysOnSite: 15, daysInMonth: 31 }, 483_871, null],
    ['包月: 14 of 28 days in February', { method: 'monthly', rateFen: 650_000, daysOnSite: 14, daysInMonth: 28 }, 325_000, null],
    ['包月: not on site', { method: 'monthly', rateFen: 800_000, daysOnSite: 0 }, 0, null],
    ['其它: entered by hand', { method: 'other' }, 0, 'NO_RULE'],
    ['no method', { method: null }, 0, 'NO_METHOD'],
    ['no rate', { rateFen: null }, 0, 'NO_RATE'],
    ['no rate for 包月 either', { method: 'monthly', rateFen: null }, 0, 'NO_RATE'],
  ])('%s', (_name, change, dueFen, gap) => {
    expect(computeLine({ ...base, ...change })).toEqual({ dueFen, gap });
  });
});

describe('money in integers', () => {
  test.each<[number | string | null, number | null]>([
    [123.45, 12_345],
    ['123.45', 12_345],
    [0.29, 29],
    ['0.1', 10],
    [1_000_000, 100_000_000],
    ['9999999999.99', 999_999_999_999],
    [null, null],
    ['', null],
  ])('toCents(%s) = %s', (value, cents) => {
    expect(toCents(value)).toBe(cents);
  });

  test('fromCents and formatFen', () => {
    expect(fromCents(12_345)).toBe(123.45);
    expect(formatFen(12_345)).toBe('123.45');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(-150)).toBe('-1.50');
  });

  test('mulDivHalfUp rounds exactly half up and refuses a zero divisor', () => {
    expect(mulDivHalfUp(1, 1, 2)).toBe(1);
    expect(mulDivHalfUp(1, 1, 3)).toBe(0);
    expect(mulDivHalfUp(2, 1, 3)).toBe(1);
    expect(mulDivHalfUp(100_000_000, 74_400, 100)).toBe(74_400_000_000);
    expect(() => mulDivHalfUp(1, 1, 0)).toThrow(RangeError);
  });
});

describe('months', () => {
  test.each<[string, boolean]>([
    ['2026-11', true],
    ['2024-02', true],
    ['2026-13', false],
    ['2026-00', false],
    ['2026-1', false],
    ['1999-12', false],
    ['2026-11-01', false],
  ])('isPayrollMonth(%s) = %s', (text, ok) => {
    expect(isPayrollMonth(text)).toBe(ok);
  });

  test('monthSpan knows leap years', () => {
    expect(monthSpan('2024-02')).toEqual({ month: '2024-02', first: '2024-02-01', last: '2024-02-29', days: 29 });
    expect(monthSpan('2026-11').last).toBe('2026-11-30');
    expect(() => monthSpan('2026-13')).toThrow(RangeError);
  });

  test.each<[string | null, string | null, number]>([
    ['2026-10-01', null, 30],
    ['2026-11-01', null, 30],
    ['2026-11-21', null, 10],
    ['2026-10-01', '2026-11-10', 10],
    ['2026-11-05', '2026-11-05', 1],
    ['2026-12-01', null, 0],
    ['2026-09-01', '2026-10-31', 0],
    [null, null, 30],
  ])('on site from %s to %s: %i days of November', (entry, exit, days) => {
    expect(daysOnSiteIn(monthSpan('2026-11'), entry, exit)).toBe(days);
  });
});
