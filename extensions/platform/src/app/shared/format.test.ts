import { describe, expect, test } from 'vitest';
import { formatDateTime, formatDay, formatMoney, formatNumber, formatPercent, formatWarningFigure } from './format';

describe('studio formats', () => {
  test('money: grouping, two decimals, unit', () => {
    expect(formatMoney('584933.32')).toBe('584,933.32 元');
    expect(formatMoney(1200)).toBe('1,200.00 元');
    expect(formatMoney('3.5', '万元')).toBe('3.50 万元');
    expect(formatMoney(null)).toBeNull();
    expect(formatMoney('abc')).toBeNull();
  });

  test('rates as percentages', () => {
    expect(formatPercent(0.625)).toBe('62.5%');
    expect(formatPercent('0.8000')).toBe('80%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0.33333)).toBe('33.3%');
  });

  test('warning figures follow the warning kind', () => {
    expect(formatWarningFigure('0.6250', 'attendance_rate')).toBe('62.5%');
    expect(formatWarningFigure('0.8', 'key_post_presence')).toBe('80%');
    expect(formatWarningFigure('9.0000', 'long_absence')).toBe('9 天');
    expect(formatNumber('7', 'warning-figure', { kind: 'long_absence' })).toBe('7 天');
  });

  test('dates in Chinese, instants in Beijing time', () => {
    expect(formatDay('2026-05-06')).toBe('2026年5月6日');
    expect(formatDay('2026-11-06', false)).toBe('11月6日');
    expect(formatDateTime('2026-05-06T17:02:00Z')).toBe('2026年5月7日 01:02');
    expect(formatDateTime(Date.parse('2026-05-06T01:02:00Z'))).toBe('2026年5月6日 09:02');
  });
});
