import { describe, expect, test } from 'vitest';
import * as codes from './index';
import { findCode, isCodeValue, labelOf, toChoices, valuesOf, type CodeList } from './code-list';

const SAMPLE = [
  { value: 'a', label: '甲' },
  { value: 'b', label: '乙' },
] as const satisfies CodeList;

describe('code-list helpers', () => {
  test.each([
    ['a', '甲'],
    ['b', '乙'],
    ['c', undefined],
    [null, undefined],
    [undefined, undefined],
  ])('labelOf(%s) → %s', (value, label) => {
    expect(labelOf(SAMPLE, value)).toBe(label);
  });

  test.each([
    ['a', 'a'],
    [' 乙 ', 'b'],
    ['丙', undefined],
    ['', undefined],
  ])('findCode(%s) → %s', (text, value) => {
    expect(findCode(SAMPLE, text)?.value).toBe(value);
  });

  test.each([
    ['a', true],
    ['c', false],
    [1, false],
    [null, false],
  ])('isCodeValue(%s) → %s', (value, ok) => {
    expect(isCodeValue(SAMPLE, value)).toBe(ok);
  });

  test('valuesOf gives a non-empty tuple for z.enum and rejects an empty list', () => {
    expect(valuesOf(SAMPLE)).toEqual(['a', 'b']);
    expect(() => valuesOf([])).toThrow();
  });

  test('toChoices gives Directus/Vant { text, value } pairs', () => {
    expect(toChoices(SAMPLE)).toEqual([
      { text: '甲', value: 'a' },
      { text: '乙', value: 'b' },
    ]);
  });
});

// Every exported array of { value, label } items is a code list and must be well formed.
const lists = Object.entries(codes).filter(
  (entry): entry is [string, CodeList] =>
    Array.isArray(entry[1]) && entry[1].every((item: unknown) => typeof item === 'object' && item !== null && 'label' in item),
);

describe('every code list', () => {
  test('the index exports the lists others rely on', () => {
    expect(lists.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'TRADES',
        'MANAGEMENT_POSTS',
        'PARTICIPATION_TYPES',
        'ID_TYPES',
        'ETHNICITIES',
        'EDUCATION_LEVELS',
        'POLITICAL_STATUSES',
        'WAGE_SETTLEMENT_MODES',
        'PROJECT_CATEGORIES',
        'PROJECT_STATUSES',
        'WAGE_DEPOSIT_METHODS',
        'INVESTMENT_TYPES',
        'TEAM_KINDS',
        'EMPLOYMENT_ROLES',
        'DEVICE_PROTOCOLS',
        'DEVICE_DIRECTIONS',
        'DEVICE_STATUSES',
        'KEY_POST_STATUSES',
        'COMMAND_STATUSES',
        'TEAM_STATUSES',
        'WARNING_KINDS',
        'WARNING_STATUSES',
        'EMPLOYMENT_STATUSES',
        'NATIONAL_PROJECT_STAGES',
        'CREDENTIAL_KINDS',
        'CREDENTIAL_STATUSES',
      ]),
    );
  });

  test.each(lists)('%s has unique values and labels, all non-empty', (_name, list) => {
    expect(list.length).toBeGreaterThan(0);
    expect(new Set(list.map((item) => item.value)).size).toBe(list.length);
    expect(new Set(list.map((item) => item.label)).size).toBe(list.length);
    for (const item of list) {
      // Slugs; audit actions are dotted event names (`key_post.approve_exit`).
      expect(item.value).toMatch(/^[0-9a-z_]+(\.[0-9a-z_]+)*$/);
      expect(item.label.trim()).not.toBe('');
    }
  });
});
