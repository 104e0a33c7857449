import { describe, expect, test } from 'vitest';
import { dayMark, formatHours, monthDays, monthRange, monthTotals, onSiteDuring } from './month-grid';

describe('month days', () => {
  test.each([
    ['2026-02', 28, '2026-02-28'],
    ['2024-02', 29, '2024-02-29'],
    ['2026-03', 31, '2026-03-31'],
    ['2026-04', 30, '2026-04-30'],
  ])('%s has %i days up to %s', (month, count, last) => {
    const days = monthDays(month);
    expect(days).toHaveLength(count);
    expect(days[0]?.date).toBe(`${month}-01`);
    expect(days.at(-1)?.date).toBe(last);
    expect(monthRange(month)).toEqual({ first: `${month}-01`, last });
  });

  test('weekdays in Chinese (2026-03-01 is a Sunday)', () => {
    expect(monthDays('2026-03').slice(0, 3).map((d) => [d.day, d.weekday])).toEqual([
      [1, '日'],
      [2, '一'],
      [3, '二'],
    ]);
  });

  test.each(['2026-13', '2026-3', 'x'])('monthRange(%s) throws', (month) => {
    expect(() => monthRange(month)).toThrow(RangeError);
  });
});

describe('day marks', () => {
  const stay = { entry_date: '2026-03-05', exit_date: '2026-03-20' };
  const today = '2026-03-25';
  test.each([
    ['2026-03-04', undefined, 'off_site', '—'],
    ['2026-03-21', undefined, 'off_site', '—'],
    // A punch outside the stay still shows as off site: the stay decides.
    ['2026-03-21', { hours: 9, valid: true }, 'off_site', '—'],
    ['2026-03-05', { hours: 8.5, valid: true }, 'valid', '✓8.5'],
    ['2026-03-20', { hours: 1.25, valid: false }, 'invalid', '○1.25'],
    ['2026-03-06', { hours: null, valid: false }, 'invalid', '○'],
    ['2026-03-07', undefined, 'absent', null],
  ] as const)('%s with %o → %s', (date, record, kind, text) => {
    expect(dayMark(date, stay, record, today)).toEqual({ kind, text });
  });

  test('days after today are blank (future), not absent', () => {
    expect(dayMark('2026-03-26', { entry_date: '2026-03-01', exit_date: null }, undefined, today)).toEqual({ kind: 'future', text: null });
  });

  test.each([
    [{ entry_date: '2026-02-01', exit_date: null }, true],
    [{ entry_date: '2026-03-31', exit_date: null }, true],
    [{ entry_date: '2026-04-01', exit_date: null }, false],
    [{ entry_date: '2026-01-01', exit_date: '2026-03-01' }, true],
    [{ entry_date: '2026-01-01', exit_date: '2026-02-28' }, false],
  ])('onSiteDuring(%o, 2026-03) = %s', (s, expected) => {
    expect(onSiteDuring(s, '2026-03')).toBe(expected);
  });
});

describe('totals', () => {
  test('count and sum valid days only, rounded to cents', () => {
    expect(monthTotals([{ hours: 8.1, valid: true }, { hours: 0.2, valid: true }, { hours: 3, valid: false }, { hours: null, valid: true }])).toEqual({ validDays: 3, validHours: 8.3 });
    expect(monthTotals([])).toEqual({ validDays: 0, validHours: 0 });
  });

  test.each([
    [8, '8'],
    [8.5, '8.5'],
    [8.25, '8.25'],
    [8.333333, '8.33'],
  ])('formatHours(%d) = %s', (hours, text) => expect(formatHours(hours)).toBe(text));
});
