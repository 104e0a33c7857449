/**
 * Positive amounts typed as text (建筑面积, 建筑高度, 工程造价, 保证金金额, 工资标准): at most `intDigits`
 * digits before the point and two after, greater than 0. The message says what is allowed, not only
 * that the input is wrong: 「建筑面积 -5」 reads 「建筑面积须大于 0」, not 「须为数字」.
 */

export type AmountCode = 'AMOUNT_FORMAT' | 'AMOUNT_NOT_POSITIVE' | 'AMOUNT_DECIMALS' | 'AMOUNT_TOO_LARGE';

export type AmountResult = { ok: true; value: number } | { ok: false; code: AmountCode; message: string };

/** The largest amount with `intDigits` digits and two decimals, as people read it: 9,999.99 → '9999.99'. */
export function largestAmount(intDigits: number): string {
  return `${'9'.repeat(intDigits)}.99`;
}

/**
 * @example validateAmount('-5', '建筑面积') // { ok: false, code: 'AMOUNT_NOT_POSITIVE', message: '建筑面积须大于 0' }
 */
export function validateAmount(text: string, label: string, intDigits = 12): AmountResult {
  const value = text.trim().replace(/,/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value)) return { ok: false, code: 'AMOUNT_FORMAT', message: `${label}须为大于 0 的数字，如 1200 或 1200.5` };
  const number = Number(value);
  if (!(number > 0)) return { ok: false, code: 'AMOUNT_NOT_POSITIVE', message: `${label}须大于 0` };
  if (/\.\d{3,}$/.test(value)) return { ok: false, code: 'AMOUNT_DECIMALS', message: `${label}最多保留两位小数` };
  if (number >= 10 ** intDigits) return { ok: false, code: 'AMOUNT_TOO_LARGE', message: `${label}不能超过 ${largestAmount(intDigits)}` };
  return { ok: true, value: number };
}
