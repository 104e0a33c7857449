/**
 * How a sensitive value (a model field marked `sensitive: true`) is shown to someone who has not
 * asked to see it in full. The mask follows the value's shape, not the field's name or collection,
 * so a field keeps the right mask wherever the model moves it: an ID number keeps its region and
 * last four characters, a mobile its prefix and last four, a bank card its first and last four, an
 * address or any other text its first third. Inside structured values (a declaration's units as
 * JSON) only numbers shaped like ID numbers, phones or bank cards are masked; names stay readable.
 */
import { maskBankAccount } from './bank';
import { maskIdNumber } from './id-card';
import { maskPhone } from './phone';

const ID_NUMBER = /^(?:\d{17}[\dXx]|\d{15})$/;
const PHONE = /^(?:(?:\+86|0086)-?)?1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$/;
const DIGITS = /^\d{8,30}$/;

/** An ID number, phone or card number masked; any other string unchanged (null). */
function maskNumberLike(value: string): string | null {
  const compact = value.replace(/[\s-]/g, '');
  if (ID_NUMBER.test(compact)) return maskIdNumber(compact);
  if (PHONE.test(value.replace(/[\s()（）]/g, ''))) return maskPhone(value);
  if (DIGITS.test(compact)) return maskBankAccount(compact);
  return null;
}

function maskInside(value: unknown): unknown {
  if (typeof value === 'string') return value.includes('*') ? value : (maskNumberLike(value) ?? value);
  if (Array.isArray(value)) return value.map(maskInside);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, maskInside(v)]));
  return value;
}

/** A value shown masked; already masked values, numbers and booleans come back unchanged. */
export function maskSensitive<T>(value: T): T | string {
  if (value && typeof value === 'object') return maskInside(value) as T;
  if (typeof value !== 'string' || value === '' || value.includes('*')) return value;
  const numberLike = maskNumberLike(value);
  if (numberLike !== null) return numberLike;
  const chars = [...value.trim()];
  const kept = Math.min(Math.floor(chars.length / 3), 8);
  return `${chars.slice(0, kept).join('')}${'*'.repeat(Math.max(chars.length - kept, 2))}`;
}
