import { describe, expect, test } from 'vitest';
import { checkExitDate } from './exit-date';

describe('checkExitDate', () => {
  const today = '2026-05-10';
  const entry = '2026-03-01';

  test.each([
    ['the entry day', '2026-03-01'],
    ['today', today],
    ['in between', '2026-04-15'],
  ])('accepts %s', (_case, exitDate) => {
    expect(checkExitDate(exitDate, entry, today)).toEqual({ ok: true, exitDate });
  });

  test.each([
    ['before entry', '2026-02-28', 'EXIT_BEFORE_ENTRY', '退场日期不能早于进场日期（2026-03-01）'],
    ['tomorrow', '2026-05-11', 'EXIT_IN_FUTURE', '退场日期不能晚于今天'],
    ['not a date', '2026-02-30', 'EXIT_DATE_FORMAT', '退场日期格式不正确，应为 YYYY-MM-DD'],
    ['another format', '2026/04/01', 'EXIT_DATE_FORMAT', '退场日期格式不正确，应为 YYYY-MM-DD'],
  ])('refuses %s', (_case, exitDate, code, message) => {
    expect(checkExitDate(exitDate, entry, today)).toEqual({ ok: false, code, message });
  });

  test('without a known entry date only the format and today bound apply', () => {
    expect(checkExitDate('2000-01-01', null, today).ok).toBe(true);
  });
});
