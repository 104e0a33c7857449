import { describe, expect, test } from 'vitest';
import { parseInput } from '../http/validate';
import { MANUAL_PUNCH_LABELS, ManualPunchInput, manualDedupKey, manualPunchRefusal } from './manual-punch';

const valid = { employment: 12, punched_at: '2025-03-03T07:30:00+08:00', direction: 'in', reason: '设备断电未记录' };

describe('manual punch request model', () => {
  test('a valid request parses, the reason trimmed', () => {
    expect(parseInput(ManualPunchInput, { ...valid, reason: '  设备断电未记录 ' }, MANUAL_PUNCH_LABELS)).toEqual(valid);
  });

  test.each([
    ['employment', undefined, 'REQUIRED'],
    ['employment', '12', 'INVALID_TYPE'],
    ['employment', 0, 'TOO_SMALL'],
    ['employment', 1.5, 'INVALID_TYPE'],
    ['punched_at', undefined, 'REQUIRED'],
    ['punched_at', '2025-03-03 07:30', 'INVALID_FORMAT'],
    ['punched_at', '2025-03-03T07:30:00', 'INVALID_FORMAT'],
    ['direction', 'both', 'INVALID_VALUE'],
    ['reason', undefined, 'REQUIRED'],
    ['reason', ' 忘 ', 'TOO_SMALL'],
    ['reason', '很'.repeat(201), 'TOO_BIG'],
  ])('%s = %o is refused (%s) naming the field', (field, bad, rule) => {
    let error: unknown;
    try {
      parseInput(ManualPunchInput, { ...valid, [field]: bad }, MANUAL_PUNCH_LABELS);
    } catch (caught) {
      error = caught;
    }
    const extensions = (error as { extensions: { rule: string; field: string; message: string } }).extensions;
    expect(extensions.field).toBe(field);
    expect(extensions.rule).toBe(rule);
    expect(extensions.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('manual punch rules', () => {
  const NOW = new Date('2025-03-03T10:00:00+08:00');
  const onSite = { status: 'on_site', entry_date: '2025-03-01' };

  test.each([
    ['an on-site person, earlier today', onSite, '2025-03-03T07:30:00+08:00', null],
    ['on the entry day', onSite, '2025-03-01T00:00:00+08:00', null],
    ['within a minute of now (clock skew)', onSite, '2025-03-03T10:00:59+08:00', null],
    ['in the future', onSite, '2025-03-03T10:01:01+08:00', 'PUNCH_IN_FUTURE'],
    ['tomorrow', onSite, '2025-03-04T07:30:00+08:00', 'PUNCH_IN_FUTURE'],
    ['the evening before entry (local day)', onSite, '2025-02-28T23:59:00+08:00', 'PUNCH_BEFORE_ENTRY'],
    ['an exited person', { status: 'exited', entry_date: '2025-03-01' }, '2025-03-03T07:30:00+08:00', 'NOT_ON_SITE'],
  ])('%s', (_label, target, at, rule) => {
    expect(manualPunchRefusal(target, new Date(at), NOW)?.rule ?? null).toBe(rule);
  });

  test('an exited person is a state conflict; a bad time is invalid input on punched_at', () => {
    expect(manualPunchRefusal({ status: 'exited', entry_date: '2025-03-01' }, NOW, NOW)).toMatchObject({ kind: 'conflict' });
    expect(manualPunchRefusal(onSite, new Date('2025-03-05T00:00:00Z'), NOW)).toMatchObject({ kind: 'invalid', field: 'punched_at' });
  });

  test('the dedup key names the employment and the UTC instant', () => {
    expect(manualDedupKey(12, new Date('2025-03-03T07:30:00+08:00'))).toBe('manual|12|2025-03-02T23:30:00.000Z');
  });
});
