import { describe, expect, test } from 'vitest';
import { dayHeading } from './period';

describe('dayHeading (出勤记录)', () => {
  test.each([
    ['2026-12-05', '2026-12-05', '12月5日 周六'],
    ['2026-01-01', '2026-12-05', '1月1日 周四'],
    ['2025-12-31', '2026-12-05', '2025年12月31日 周三'],
    ['2099-12-31', '2026-12-05', '2099年12月31日 周四'],
    ['1970-01-01', '2026-12-05', '1970年1月1日 周四'],
  ])('%s seen on %s reads %s', (day, today, heading) => {
    expect(dayHeading(day, today)).toBe(heading);
  });
});
