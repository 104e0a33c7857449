import { describe, expect, test } from 'vitest';
import { consecutiveRuns, dayStart, daysFromTo, localDayOf, periodRange, weekdayOf } from './local-days';

describe('local (Asia/Shanghai) days', () => {
  test.each([
    ['2025-03-01T00:00:00+08:00', '2025-03-01'],
    ['2025-02-28T16:00:00Z', '2025-03-01'],
    ['2025-02-28T15:59:59.999Z', '2025-02-28'],
    ['2025-03-01T23:30:00+08:00', '2025-03-01'],
    ['2025-03-01T15:30:00Z', '2025-03-01'],
    ['2024-12-31T16:00:00Z', '2025-01-01'],
  ])('%s is on %s', (instant, day) => {
    expect(localDayOf(instant)).toBe(day);
    expect(localDayOf(new Date(instant))).toBe(day);
  });

  test('a day starts at local midnight', () => {
    expect(dayStart('2025-03-01').toISOString()).toBe('2025-02-28T16:00:00.000Z');
    expect(localDayOf(dayStart('2025-03-01'))).toBe('2025-03-01');
    expect(localDayOf(new Date(dayStart('2025-03-01').getTime() - 1))).toBe('2025-02-28');
  });

  test('day ranges include both ends', () => {
    expect(daysFromTo('2024-02-27', '2024-03-01')).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01']);
    expect(daysFromTo('2024-03-01', '2024-03-01')).toEqual(['2024-03-01']);
    expect(daysFromTo('2024-03-02', '2024-03-01')).toEqual([]);
  });

  test.each([
    ['2025-03-02', 0],
    ['2025-03-03', 1],
    ['2025-03-08', 6],
  ])('%s is weekday %i', (day, weekday) => expect(weekdayOf(day)).toBe(weekday));
});

describe('summary periods', () => {
  test.each([
    ['day', '2025-03-05', '2025-03-05', '2025-03-05'],
    ['week', '2025-03-05', '2025-03-03', '2025-03-09'],
    ['week', '2025-03-03', '2025-03-03', '2025-03-09'],
    ['week', '2025-03-09', '2025-03-03', '2025-03-09'],
    ['week', '2025-01-01', '2024-12-30', '2025-01-05'],
    ['month', '2025-03-05', '2025-03-01', '2025-03-31'],
    ['month', '2024-02-10', '2024-02-01', '2024-02-29'],
    ['month', '2025-02-28', '2025-02-01', '2025-02-28'],
    ['month', '2025-12-31', '2025-12-01', '2025-12-31'],
    ['month', '2025-04-30', '2025-04-01', '2025-04-30'],
  ] as const)('%s of %s runs %s to %s', (period, day, from, to) => {
    expect(periodRange(period, day)).toEqual({ from, to });
  });

  test('an invalid date is refused', () => {
    expect(() => periodRange('day', '2025-02-30')).toThrow(RangeError);
  });
});

describe('consecutive runs', () => {
  test('splits at gaps and at the maximum length, sorted and without duplicates', () => {
    expect(consecutiveRuns(['2025-03-05', '2025-03-01', '2025-03-02', '2025-03-02', '2025-03-03', '2025-03-06'], 2)).toEqual([
      ['2025-03-01', '2025-03-02'],
      ['2025-03-03'],
      ['2025-03-05', '2025-03-06'],
    ]);
    expect(consecutiveRuns([], 31)).toEqual([]);
  });
});
