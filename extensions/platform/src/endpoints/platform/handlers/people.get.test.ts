import { describe, expect, test } from 'vitest';
import { daysOnSite } from '../../../personnel/person-record';
import { likeContains } from './people.get';

describe('施工人员 list helpers', () => {
  test.each([
    ['2026-01-05', null, '2026-01-05', 0],
    ['2026-01-05', null, '2026-01-15', 10],
    ['2026-01-05', '2026-01-08', '2026-11-26', 3],
    [null, null, '2026-01-05', null],
  ])('entry %s, exit %s, today %s → %s days on site', (entry, exit, today, expected) => {
    expect(daysOnSite(entry, exit, today)).toBe(expected);
  });

  test('a search for LIKE wildcards matches them literally', () => {
    expect(likeContains('泥工')).toBe('%泥工%');
    expect(likeContains('100%_\\')).toBe('%100\\%\\_\\\\%');
  });
});
