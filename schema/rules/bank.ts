/**
 * Bank account numbers. Corporate and many personal accounts in China do not carry a Luhn
 * check digit, so validation is format only; `luhn` is reported for 16–19 digit card numbers
 * as a hint a form may show, never as a reason to reject.
 */

export type BankAccountResult =
  | { ok: true; value: string; luhn: boolean | null }
  | { ok: false; code: 'BANK_ACCOUNT_FORMAT'; message: string };

/** Drop the spaces and dashes people type between digit groups. */
export function normalizeBankAccount(account: string): string {
  return account.replace(/[\s-]/g, '');
}

/** Whether a digit string passes the Luhn (mod 10) check. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits.charAt(digits.length - 1 - i));
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Validate an account number: 12–30 digits after removing spaces and dashes. */
export function validateBankAccount(account: string): BankAccountResult {
  const value = normalizeBankAccount(account);
  if (!/^\d{12,30}$/.test(value)) {
    return { ok: false, code: 'BANK_ACCOUNT_FORMAT', message: '银行账号应为12至30位数字' };
  }
  const luhn = value.length >= 16 && value.length <= 19 ? passesLuhn(value) : null;
  return { ok: true, value, luhn };
}

/** Mask all but the first 4 and last 4 digits: '6222801541671071718' → '6222***********1718'. */
export function maskBankAccount(account: string): string {
  const value = normalizeBankAccount(account);
  if (value.length <= 8) return '*'.repeat(value.length);
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`;
}
