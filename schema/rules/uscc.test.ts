import { describe, expect, test } from 'vitest';
import { makeUscc, normalizeUscc, usccCheckChar, validateUscc } from './uscc';

describe('validateUscc', () => {
  // Real published codes whose check characters were verified independently.
  test.each([
    ['91350100M000100Y43', '企业'],
    ['91110108MA01KPGK0L', '企业'],
    ['91440300708461136T', '企业'],
    ['91110000100006485K', '企业'],
    ['911100001000044477', '企业'],
  ])('%s is valid', (code, kindLabel) => {
    expect(validateUscc(code)).toMatchObject({ ok: true, value: code, registry: '9', kind: '1', registryLabel: '工商', kindLabel });
  });

  test('spaces and lower case are normalised', () => {
    expect(validateUscc(' 91350100m000100y43 ')).toMatchObject({ ok: true, value: '91350100M000100Y43' });
  });

  const valid = '91350100M000100Y43';
  /** `valid` with the character at `index` replaced. @example withChar(0, 'B') */
  const withChar = (index: number, char: string): string => valid.slice(0, index) + char + valid.slice(index + 1);

  test.each([
    ['17 characters', valid.slice(0, 17), 'USCC_FORMAT'],
    ['19 characters', `${valid}3`, 'USCC_FORMAT'],
    ['letter I', withChar(9, 'I'), 'USCC_FORMAT'],
    ['letter O', withChar(9, 'O'), 'USCC_FORMAT'],
    ['letter Z', withChar(9, 'Z'), 'USCC_FORMAT'],
    ['letter S', withChar(9, 'S'), 'USCC_FORMAT'],
    ['letter V', withChar(9, 'V'), 'USCC_FORMAT'],
    ['punctuation', withChar(9, '-'), 'USCC_FORMAT'],
    ['unknown registry B', withChar(0, 'B'), 'USCC_FORMAT'],
    ['enterprise registry with kind 4', withChar(1, '4'), 'USCC_FORMAT'],
    ['letter in region', withChar(3, 'A'), 'USCC_FORMAT'],
    ['unknown province in region', withChar(2, '9'), 'USCC_FORMAT'],
    ['wrong check character', withChar(17, '4'), 'USCC_CHECKSUM'],
    ['one character mistyped', withChar(10, '1'), 'USCC_CHECKSUM'],
    ['two characters swapped', '91350100M000100Y34', 'USCC_CHECKSUM'],
  ])('%s → %s', (_case, code, errorCode) => {
    const result = validateUscc(code);
    expect(result).toMatchObject({ ok: false, code: errorCode });
    if (!result.ok) expect(result.message).toContain('统一社会信用代码');
  });

  test('an open registry accepts kinds beyond the listed ones', () => {
    const body = '36510802MA000000X';
    expect(validateUscc(body + usccCheckChar(body))).toMatchObject({ ok: true, registryLabel: '司法行政', kindLabel: null });
  });
});

describe('makeUscc', () => {
  test.each([0, 1, 30, 31, 12_345, 31 ** 6 - 1])('seq %i makes a valid enterprise code', (seq) => {
    const code = makeUscc(seq);
    expect(code).toMatch(/^91510802MA/);
    expect(validateUscc(code)).toMatchObject({ ok: true, value: code });
  });

  test('options set region, registry and kind', () => {
    const code = makeUscc(7, { regionCode: '510100', registry: '5', kind: '2' });
    expect(code.slice(0, 8)).toBe('52510100');
    expect(validateUscc(code)).toMatchObject({ ok: true, kindLabel: '民办非企业单位' });
  });

  test('different seq values give different codes', () => {
    const codes = new Set(Array.from({ length: 1000 }, (_, seq) => makeUscc(seq)));
    expect(codes.size).toBe(1000);
  });

  test.each([-1, 31 ** 6, 0.5])('throws on seq %s', (seq) => {
    expect(() => makeUscc(seq)).toThrow(RangeError);
  });
});

describe('normalizeUscc', () => {
  test('drops spaces and upper-cases', () => {
    expect(normalizeUscc('9135 0100 m000 100y43')).toBe('91350100M000100Y43');
  });
});
