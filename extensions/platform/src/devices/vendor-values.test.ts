import { describe, expect, test } from 'vitest';
import { summarizeProblems } from './lines';
import { parseDeviceTime } from './vendor-values';

describe('parseDeviceTime', () => {
  test.each([
    ['1772494265000', '2026-03-02T23:31:05.000Z'],
    ['1772494265', '2026-03-02T23:31:05.000Z'],
    [1772494265000, '2026-03-02T23:31:05.000Z'],
    ['2026-03-03 07:31:05', '2026-03-02T23:31:05.000Z'],
    ['2026-03-03T07:31:05+08:00', '2026-03-02T23:31:05.000Z'],
    ['2026-03-02T23:31:05Z', '2026-03-02T23:31:05.000Z'],
    ['2026-03-02T23:31:05.250Z', '2026-03-02T23:31:05.250Z'],
    // Uniubi WO cloud's showTime (its callback document: "0时区时间,如 2018-11-28T03:06:23+0000").
    ['2018-11-28T03:06:23+0000', '2018-11-28T03:06:23.000Z'],
    // ISAPI's own dateTime example ("e.g., 2009-11-14T15:27Z"): no seconds.
    ['2009-11-14T15:27Z', '2009-11-14T15:27:00.000Z'],
  ])('%j is %s', (value, iso) => {
    expect(parseDeviceTime(value)?.toISOString()).toBe(iso);
  });

  test.each(['', '17724942', 'yesterday', '2026-02-30T07:00:00+08:00', '2026-03-03T25:00:00Z', '2026-03-03T07:00:00+8', null, {}, 1.5])('refuses %j', (value) => {
    expect(parseDeviceTime(value)).toBeNull();
  });
});

describe('summarizeProblems', () => {
  test('stays within the column and says how many', () => {
    const problems = Array.from({ length: 40 }, (_, i) => ({ line: i + 1, text: 'x'.repeat(100), reason: '工号格式不正确' }));
    const text = summarizeProblems(problems);
    expect(text.startsWith('40 条记录无法识别')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(500);
    expect(text.endsWith('…')).toBe(true);
  });
});
