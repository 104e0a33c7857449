import { describe, expect, test } from 'vitest';
import {
  addDays,
  compareIsoDates,
  daysBetween,
  daysInMonth,
  isAfter,
  isBefore,
  isIsoDate,
  parseIsoDate,
  parseShanghaiWallTime,
  shanghaiDateTime,
  todayInShanghai,
} from './dates';

describe('parseIsoDate', () => {
  test.each([
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['2000-02-29', { year: 2000, month: 2, day: 29 }],
    ['1999-12-31', { year: 1999, month: 12, day: 31 }],
  ])('%s is a date', (text, parts) => {
    expect(parseIsoDate(text)).toEqual(parts);
    expect(isIsoDate(text)).toBe(true);
  });

  test.each(['2023-02-29', '1900-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-1-01', '20240101', '2024-01-01T00:00:00Z', ''])(
    '%s is not',
    (text) => {
      expect(parseIsoDate(text)).toBeNull();
      expect(isIsoDate(text)).toBe(false);
    },
  );

  test.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [2024, 4, 30],
    [2024, 12, 31],
  ])('%i-%i has %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });
});

describe('comparisons', () => {
  test.each([
    ['2024-01-01', '2024-01-02', -1],
    ['2024-01-02', '2024-01-01', 1],
    ['2024-01-01', '2024-01-01', 0],
    ['2023-12-31', '2024-01-01', -1],
  ])('%s vs %s → %i', (a, b, sign) => {
    expect(Math.sign(compareIsoDates(a, b))).toBe(sign);
    expect(isBefore(a, b)).toBe(sign < 0);
    expect(isAfter(a, b)).toBe(sign > 0);
  });
});

describe('day arithmetic', () => {
  test.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-01-01', 366, '2025-01-01'],
  ])('%s + %i → %s', (date, days, result) => {
    expect(addDays(date, days)).toBe(result);
    expect(daysBetween(date, result)).toBe(days);
  });

  test('throws on an invalid date', () => {
    expect(() => addDays('2024-02-30', 1)).toThrow(RangeError);
  });
});

describe('Asia/Shanghai clock', () => {
  test.each([
    ['2024-05-01T00:00:00Z', '2024-05-01', '2024-05-01T08:00:00+08:00'],
    ['2024-05-01T15:59:59Z', '2024-05-01', '2024-05-01T23:59:59+08:00'],
    ['2024-05-01T16:00:00Z', '2024-05-02', '2024-05-02T00:00:00+08:00'],
    ['2024-12-31T16:30:00Z', '2025-01-01', '2025-01-01T00:30:00+08:00'],
  ])('at %s', (instant, today, wall) => {
    const clock = new Date(instant);
    expect(todayInShanghai(clock)).toBe(today);
    expect(shanghaiDateTime(clock)).toBe(wall);
  });
});

describe('parseShanghaiWallTime', () => {
  test.each([
    ['2024-05-01 08:30:00', '2024-05-01T00:30:00.000Z'],
    ['2024-05-01T07:59:59', '2024-04-30T23:59:59.000Z'],
    ['2024-02-29 23:59:59', '2024-02-29T15:59:59.000Z'],
    ['2025-01-01 00:00:00', '2024-12-31T16:00:00.000Z'],
  ])('%s is %s', (wall, instant) => {
    expect(parseShanghaiWallTime(wall)?.toISOString()).toBe(instant);
  });

  test.each(['', '2024-05-01', '2024-05-01 8:30:00', '2023-02-29 08:00:00', '2024-05-01 24:00:00', '2024-05-01 08:60:00', '2024-05-01 08:30:00Z', ' 2024-05-01 08:30:00'])(
    'refuses %j',
    (text) => {
      expect(parseShanghaiWallTime(text)).toBeNull();
    },
  );
});
