import { describe, expect, test } from 'vitest';
import { clockErrorSummary, implausibleReason, isPlausible, plausibleWindow, splitByTime } from './plausible-time';

const now = new Date('2026-12-05T04:00:00Z');
const limits = { skewMinutes: 10, backlogDays: 14 };

describe('plausibleWindow', () => {
  test('from the binding minus the backlog to now plus the skew', () => {
    const window = plausibleWindow(now, new Date('2026-11-20T00:00:00Z'), limits);
    expect(window.earliest.toISOString()).toBe('2026-11-06T00:00:00.000Z');
    expect(window.latest.toISOString()).toBe('2026-12-05T04:10:00.000Z');
  });

  test('a device not yet known to be bound (or bound in the future) counts from now', () => {
    expect(plausibleWindow(now, null, limits).earliest.toISOString()).toBe('2026-11-21T04:00:00.000Z');
    expect(plausibleWindow(now, new Date('2027-01-01T00:00:00Z'), limits).earliest.toISOString()).toBe('2026-11-21T04:00:00.000Z');
  });

  test.each([
    ['now', '2026-12-05T04:00:00Z', true],
    ['within the skew', '2026-12-05T04:09:59Z', true],
    ['past the skew', '2026-12-05T04:10:01Z', false],
    ['2099-12-31 (a reset clock)', '2099-12-31T00:00:00Z', false],
    ['1970-01-01 (a dead battery)', '1970-01-01T00:00:00Z', false],
    ['the first day of the backlog', '2026-11-06T00:00:00Z', true],
    ['a day before the backlog', '2026-11-05T00:00:00Z', false],
  ])('%s is plausible: %s', (_label, iso, expected) => {
    expect(isPlausible(new Date(iso), plausibleWindow(now, new Date('2026-11-20T00:00:00Z'), limits))).toBe(expected);
  });
});

describe('splitByTime and the staff texts', () => {
  const window = plausibleWindow(now, new Date('2026-11-20T00:00:00Z'), limits);
  const records = ['2026-12-05T01:00:00Z', '2099-12-31T00:00:00Z', '2026-12-04T23:00:00Z', '1970-01-01T00:00:00Z'].map((iso, i) => ({ i, punchedAt: new Date(iso) }));

  test('keeps the order of each part', () => {
    const { plausible, implausible } = splitByTime(records, window);
    expect(plausible.map((r) => r.i)).toEqual([0, 2]);
    expect(implausible.map((r) => r.i)).toEqual([1, 3]);
  });

  test('says what is wrong in Shanghai time', () => {
    expect(implausibleReason(new Date('2099-12-31T00:00:00Z'), window)).toBe('打卡时间 2099-12-31 08:00 晚于当前时间，设备时钟可能超前');
    expect(implausibleReason(new Date('1970-01-01T00:00:00Z'), window)).toContain('早于绑定前补传窗口（2026-11-06 08:00）');
    expect(clockErrorSummary([new Date('2099-12-31T00:00:00Z'), new Date('1970-01-01T00:00:00Z')], window)).toBe(
      '2 条打卡时间不在合理范围（2026-11-06 08:00 至 2026-12-05 12:10）：1970-01-01 08:00 至 2099-12-31 08:00，未计考勤',
    );
  });
});
