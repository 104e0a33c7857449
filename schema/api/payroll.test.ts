import { describe, expect, test } from 'vitest';
import { LineEdit, PaymentMark } from './payroll';

describe('LineEdit', () => {
  test.each<[string, unknown, boolean]>([
    ['units', { units: 12.5 }, true],
    ['实发', { amount_paid: 8600.55 }, true],
    ['实发 back to 应发', { amount_paid: null }, true],
    ['note and status', { note: '现金补发', payment_status: 'paid' }, true],
    ['empty', {}, false],
    ['negative 实发', { amount_paid: -1 }, false],
    ['实发 over the bound', { amount_paid: 200_000.01 }, false],
    ['3 decimals', { amount_paid: 10.005 }, false],
    ['negative units', { units: -0.5 }, false],
    ['units as text', { units: '12' }, false],
    ['unknown status', { payment_status: 'lost' }, false],
    ['a frozen column', { amount_due: 1 }, false],
    ['long note', { note: '字'.repeat(201) }, false],
  ])('%s', (_name, input, ok) => {
    expect(LineEdit.safeParse(input).success).toBe(ok);
  });

  test('an unknown column is named in Chinese', () => {
    const result = LineEdit.safeParse({ amount_due: 1 });
    expect(result.success ? '' : result.error.issues[0]?.message).toBe('只能修改工程量、实发金额、备注和发放状态');
  });
});

describe('PaymentMark', () => {
  test.each<[string, unknown, boolean]>([
    ['all lines', { status: 'paid' }, true],
    ['some lines', { status: 'failed', lines: [1, 2] }, true],
    ['no status', { lines: [1] }, false],
    ['empty list', { status: 'paid', lines: [] }, false],
    ['bad id', { status: 'paid', lines: [0] }, false],
  ])('%s', (_name, input, ok) => {
    expect(PaymentMark.safeParse(input).success).toBe(ok);
  });
});
