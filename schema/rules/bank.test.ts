import { describe, expect, test } from 'vitest';
import { maskBankAccount, passesLuhn, validateBankAccount } from './bank';

describe('validateBankAccount', () => {
  test.each([
    ['12-digit corporate account', '510012345678', null],
    ['Luhn-valid 16-digit card', '4111111111111111', true],
    ['Luhn-valid 19-digit card', '6222021234567890128', true],
    ['card number failing Luhn is still accepted', '6222021234567890126', false],
    ['30-digit account', '1'.repeat(30), null],
  ])('%s', (_case, account, luhn) => {
    expect(validateBankAccount(account)).toEqual({ ok: true, value: account, luhn });
  });

  test('spaces and dashes between groups are dropped', () => {
    expect(validateBankAccount('6222 0212 3456 7890 128')).toMatchObject({ ok: true, value: '6222021234567890128' });
    expect(validateBankAccount('5100-1234-5678')).toMatchObject({ ok: true, value: '510012345678' });
  });

  test.each([
    ['11 digits', '51001234567'],
    ['31 digits', '1'.repeat(31)],
    ['letters', '6222O21234567890126'],
    ['empty', ''],
  ])('%s is rejected', (_case, account) => {
    expect(validateBankAccount(account)).toMatchObject({
      ok: false,
      code: 'BANK_ACCOUNT_FORMAT',
      message: '银行账号应为12至30位数字',
    });
  });
});

describe('passesLuhn', () => {
  test.each([
    ['79927398713', true],
    ['79927398710', false],
    ['0', true],
    ['', false],
    ['12a4', false],
  ])('%s → %s', (digits, ok) => {
    expect(passesLuhn(digits)).toBe(ok);
  });
});

describe('maskBankAccount', () => {
  test.each([
    ['6222801541671071718', '6222***********1718'],
    ['6222 8015 4167 1071 718', '6222***********1718'],
    ['510012345678', '5100****5678'],
    ['12345678', '********'],
  ])('%s → %s', (account, masked) => {
    expect(maskBankAccount(account)).toBe(masked);
  });
});
