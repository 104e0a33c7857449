import { describe, expect, test } from 'vitest';
import { readDate, readTimestamp } from './values';

describe('reading stored dates', () => {
  test.each([
    [Date.parse('2026-03-01T00:00:00Z'), '2026-03-01'],
    [String(Date.parse('2026-03-01T00:00:00Z')), '2026-03-01'],
    ['2026-03-01', '2026-03-01'],
    [new Date(2026, 2, 1), '2026-03-01'],
    [null, null],
  ])('%s → %s', (stored, expected) => expect(readDate(stored)).toBe(expected));
});

describe('reading stored timestamps', () => {
  test.each([
    [1772323200000, '2026-03-01T00:00:00.000Z'],
    ['1772323200000', '2026-03-01T00:00:00.000Z'],
    ['2026-03-01T08:00:00+08:00', '2026-03-01T00:00:00.000Z'],
    [new Date('2026-03-01T00:00:00Z'), '2026-03-01T00:00:00.000Z'],
  ])('%s → %s', (stored, expected) => expect(readTimestamp(stored)).toBe(expected));
});
