import { describe, expect, test } from 'vitest';
import { isMobile, maskPhone, normalizePhone, validatePhone } from './phone';

describe('validatePhone', () => {
  test.each([
    ['13812345678', '13812345678', 'mobile'],
    ['199 1234 5678', '19912345678', 'mobile'],
    ['138-1234-5678', '13812345678', 'mobile'],
    ['+86 138 1234 5678', '13812345678', 'mobile'],
    ['0086-13812345678', '13812345678', 'mobile'],
    ['0839-3261234', '0839-3261234', 'landline'],
    ['08393261234', '0839-3261234', 'landline'],
    ['028-86123456', '028-86123456', 'landline'],
    ['010-12345678', '010-12345678', 'landline'],
    ['(028)86123456', '028-86123456', 'landline'],
    ['028-86123456-801', '028-86123456-801', 'landline'],
  ])('%s → %s (%s)', (input, value, kind) => {
    expect(validatePhone(input)).toEqual({ ok: true, value, kind });
  });

  test.each([
    ['too short', '1381234567'],
    ['too long', '138123456789'],
    ['second digit 2', '12812345678'],
    ['letters', '1381234567a'],
    ['landline without area code', '3261234'],
    ['area code not starting with 0', '839-3261234'],
    ['empty', ''],
  ])('%s is rejected', (_case, input) => {
    expect(validatePhone(input)).toMatchObject({ ok: false, code: 'PHONE_FORMAT' });
  });

  test.each([
    ['13812345678', 'mobile', true],
    ['13812345678', 'landline', false],
    ['0839-3261234', 'landline', true],
    ['0839-3261234', 'mobile', false],
  ] as const)('%s accepted as %s: %s', (input, accept, ok) => {
    const result = validatePhone(input, accept);
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.message).toMatch(/手机|固定电话/);
  });
});

describe('isMobile / normalizePhone', () => {
  test('recognises a mobile written with spaces', () => {
    expect(isMobile('138 1234 5678')).toBe(true);
    expect(isMobile('0839-3261234')).toBe(false);
  });

  test('leaves text it cannot read compacted but otherwise unchanged', () => {
    expect(normalizePhone(' 12 34 ')).toBe('1234');
  });
});

describe('maskPhone', () => {
  test.each([
    ['13812345678', '138****5678'],
    ['+86 138 1234 5678', '138****5678'],
    ['0839-3261234', '0839-***1234'],
    ['028-86123456-801', '028-****3456-801'],
    ['12345', '*****'],
    ['123456789', '123**6789'],
  ])('%s → %s', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });
});
