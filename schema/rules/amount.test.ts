import { describe, expect, test } from 'vitest';
import { largestAmount, validateAmount } from './amount';

describe('positive amounts typed as text', () => {
  test.each([
    ['12500', 12500],
    ['12500.5', 12500.5],
    [' 0.01 ', 0.01],
    ['1,200.50', 1200.5],
    ['+3', 3],
  ])('%s is %d', (text, value) => expect(validateAmount(text, '建筑面积')).toEqual({ ok: true, value }));

  test.each([
    ['-5', 'AMOUNT_NOT_POSITIVE', '建筑面积须大于 0'],
    ['0', 'AMOUNT_NOT_POSITIVE', '建筑面积须大于 0'],
    ['0.00', 'AMOUNT_NOT_POSITIVE', '建筑面积须大于 0'],
    ['abc', 'AMOUNT_FORMAT', '建筑面积须为大于 0 的数字，如 1200 或 1200.5'],
    ['12a', 'AMOUNT_FORMAT', '建筑面积须为大于 0 的数字，如 1200 或 1200.5'],
    ['1.234', 'AMOUNT_DECIMALS', '建筑面积最多保留两位小数'],
    ['1000000000000', 'AMOUNT_TOO_LARGE', '建筑面积不能超过 999999999999.99'],
  ])('%s is refused: %s', (text, code, message) => expect(validateAmount(text, '建筑面积')).toEqual({ ok: false, code, message }));

  test('the limit follows the digits allowed', () => {
    expect(validateAmount('1000000', '建筑高', 6)).toMatchObject({ ok: false, message: '建筑高不能超过 999999.99' });
    expect(validateAmount('999999.99', '建筑高', 6)).toEqual({ ok: true, value: 999999.99 });
    expect(largestAmount(3)).toBe('999.99');
  });
});
