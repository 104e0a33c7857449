/**
 * 居民身份证号码 (GB 11643-1999): parsing, masking, test-number generation, the validity
 * period on the back of the card, and the age/validity rules for letting a person on site.
 */
import { REGION_TREE } from '../codes/regions';
import type { EmploymentRole, Gender } from '../codes/people';
import { daysBetween, formatIsoDate, isAfter, makeDateParts, parseIsoDate, type IsoDate } from './dates';

export type IdErrorCode = 'ID_FORMAT' | 'ID_CHECKSUM' | 'ID_BIRTHDATE' | 'ID_GENDER';

/** What an 18-digit ID number says about its holder, or why it is not a valid number. */
export type IdParseResult =
  | { ok: true; idNumber: string; birthDate: IsoDate; gender: Gender; regionCode: string }
  | { ok: false; code: IdErrorCode; message: string };

/** Facts from elsewhere (OCR of the card face, the form) the number must agree with. */
export interface IdExpectations {
  /** Reject birth dates after this day. */
  today?: IsoDate;
  birthDate?: IsoDate;
  gender?: Gender;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const MIN_BIRTH_YEAR = 1900;

// Province prefixes; 83 is not a province but the prefix of 台湾居民居住证 numbers, which
// follow GB 11643 too.
const PROVINCE_PREFIXES: ReadonlySet<string> = new Set([
  ...REGION_TREE.map((node) => node.value.slice(0, 2)),
  '83',
]);

const fail = (code: IdErrorCode, message: string): IdParseResult => ({ ok: false, code, message });

/** Trim and upper-case an ID number as typed ('x' → 'X', spaces dropped). */
export function normalizeIdNumber(id: string): string {
  return id.replace(/\s+/g, '').toUpperCase();
}

/** The ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function idCheckDigit(body17: string): string {
  if (!/^\d{17}$/.test(body17)) throw new RangeError('idCheckDigit needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(body17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/** Validate an 18-digit ID number and read birth date, gender and region from it. */
export function parseIdNumber(id: string, expect: IdExpectations = {}): IdParseResult {
  const idNumber = normalizeIdNumber(id);
  if (!/^\d{17}[\dX]$/.test(idNumber)) {
    return fail('ID_FORMAT', '身份证号码应为18位，前17位为数字，最后一位为数字或X');
  }
  if (!PROVINCE_PREFIXES.has(idNumber.slice(0, 2))) {
    return fail('ID_FORMAT', '身份证号码前两位不是有效的省级行政区划代码');
  }
  const birth = makeDateParts(
    Number(idNumber.slice(6, 10)),
    Number(idNumber.slice(10, 12)),
    Number(idNumber.slice(12, 14)),
  );
  if (!birth || birth.year < MIN_BIRTH_YEAR) {
    return fail('ID_BIRTHDATE', '身份证号码中的出生日期无效');
  }
  const birthDate = formatIsoDate(birth);
  if (expect.today !== undefined && isAfter(birthDate, expect.today)) {
    return fail('ID_BIRTHDATE', '身份证号码中的出生日期晚于今天');
  }
  if (idCheckDigit(idNumber.slice(0, 17)) !== idNumber.charAt(17)) {
    return fail('ID_CHECKSUM', '身份证号码校验位不正确，请核对是否输错');
  }
  if (expect.birthDate !== undefined && expect.birthDate !== birthDate) {
    return fail('ID_BIRTHDATE', '出生日期与身份证号码不一致');
  }
  const gender: Gender = Number(idNumber.charAt(16)) % 2 === 1 ? 'male' : 'female';
  if (expect.gender !== undefined && expect.gender !== gender) {
    return fail('ID_GENDER', '性别与身份证号码不一致');
  }
  return { ok: true, idNumber, birthDate, gender, regionCode: idNumber.slice(0, 6) };
}

/** Mask all but the first 4 and last 4 characters: '5108**********1234'. */
export function maskIdNumber(id: string): string {
  const value = normalizeIdNumber(id);
  if (value.length <= 8) return '*'.repeat(value.length);
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`;
}

/** Age in full years (周岁) on `date`; a 29 February birthday is reached on 1 March. */
export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  const birth = parseIsoDate(birthDate);
  const on = parseIsoDate(date);
  if (!birth || !on) throw new RangeError(`ageOn needs ISO dates, got ${birthDate} and ${date}`);
  const beforeBirthday = on.month < birth.month || (on.month === birth.month && on.day < birth.day);
  return on.year - birth.year - (beforeBirthday ? 1 : 0);
}

/**
 * A valid ID number for demo data. `seq` (0–499) picks the sequence code; the gender digit is
 * derived from it, so each region, day and gender has 500 distinct numbers.
 */
export function makeIdNumber(regionCode: string, birthDate: IsoDate, seq: number, gender: Gender): string {
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError(`Region code must be 6 digits: ${regionCode}`);
  if (!parseIsoDate(birthDate)) throw new RangeError(`Not an ISO date: ${birthDate}`);
  if (!Number.isInteger(seq) || seq < 0 || seq > 499) throw new RangeError(`seq must be 0–499: ${seq}`);
  const order = String(seq * 2 + (gender === 'male' ? 1 : 0)).padStart(3, '0');
  const body = `${regionCode}${birthDate.replaceAll('-', '')}${order}`;
  return body + idCheckDigit(body);
}

/** The validity period printed on the back of the card, or why it could not be read. */
export type IdValidity =
  | { ok: true; start: IsoDate; end: IsoDate | null; longTerm: boolean; expired: boolean; daysLeft: number | null }
  | { ok: false; code: 'ID_VALIDITY_FORMAT'; message: string };

const DATE_PATTERN = String.raw`(\d{4})[./-]?(\d{2})[./-]?(\d{2})`;
const VALIDITY_PATTERN = new RegExp(`^${DATE_PATTERN}(?:-|—|–|~|至)(?:${DATE_PATTERN}|(长期))$`);

/**
 * Read '2015.03.01-2035.03.01' or '2015.03.01-长期' (also '-' or '/' date separators,
 * '至' between) and say whether the card has expired on `today`; the end date itself is valid.
 */
export function idCardValidity(validity: string, today: IsoDate): IdValidity {
  const invalid: IdValidity = {
    ok: false,
    code: 'ID_VALIDITY_FORMAT',
    message: '身份证有效期限格式应为“2015.03.01-2035.03.01”或“2015.03.01-长期”',
  };
  const match = VALIDITY_PATTERN.exec(validity.replace(/\s+/g, ''));
  if (!match) return invalid;
  const [, y1, m1, d1, y2, m2, d2, longTerm] = match;
  const startParts = makeDateParts(Number(y1), Number(m1), Number(d1));
  if (!startParts) return invalid;
  const start = formatIsoDate(startParts);
  if (longTerm) return { ok: true, start, end: null, longTerm: true, expired: false, daysLeft: null };
  const endParts = makeDateParts(Number(y2), Number(m2), Number(d2));
  if (!endParts) return invalid;
  const end = formatIsoDate(endParts);
  if (!isAfter(end, start)) return invalid;
  return { ok: true, start, end, longTerm: false, expired: isAfter(today, end), daysLeft: daysBetween(today, end) };
}

/** Why a person may not be registered on site. */
export type RefusalCode =
  | 'AGE_UNDER_16'
  | 'AGE_UNDER_18'
  | 'AGE_OVER_LIMIT'
  | 'ID_EXPIRED'
  | 'ID_VALIDITY_FORMAT'
  | 'ID_BIRTHDATE';

export interface Refusal {
  code: RefusalCode;
  message: string;
}

/** Age limits in full years for workers; one who has reached the limit is refused (含本数). */
export interface MaxAge {
  male: number;
  female: number;
}

/** Male workers from 60 and female workers from 50 may not work on site. */
export const DEFAULT_MAX_AGE: Readonly<MaxAge> = { male: 60, female: 50 };

export interface EligibilityInput {
  birthDate: IsoDate;
  gender: Gender;
  /** The validity period from the back of the ID card. */
  validity: string;
  role: EmploymentRole;
  today: IsoDate;
  maxAge?: MaxAge;
}

/** Every reason to refuse registering this person today ([] means eligible). */
export function checkWorkerEligibility(input: EligibilityInput): Refusal[] {
  const refusals: Refusal[] = [];
  const birth = parseIsoDate(input.birthDate);
  if (!birth || isAfter(input.birthDate, input.today)) {
    refusals.push({ code: 'ID_BIRTHDATE', message: '出生日期无效' });
  } else {
    const age = ageOn(input.birthDate, input.today);
    const limits = input.maxAge ?? DEFAULT_MAX_AGE;
    if (age < 16) {
      refusals.push({ code: 'AGE_UNDER_16', message: '未满16周岁，禁止招用' });
    } else if (age < 18 && input.role === 'worker') {
      refusals.push({ code: 'AGE_UNDER_18', message: '未满18周岁，不得从事建筑施工作业' });
    } else if (input.role === 'worker' && age >= limits[input.gender]) {
      const sex = input.gender === 'male' ? '男' : '女';
      refusals.push({
        code: 'AGE_OVER_LIMIT',
        message: `超龄：${sex}性建筑工人进场作业年龄上限为${limits[input.gender]}周岁，本人已满${age}周岁`,
      });
    }
  }
  const validity = idCardValidity(input.validity, input.today);
  if (!validity.ok) {
    refusals.push({ code: validity.code, message: validity.message });
  } else if (validity.expired) {
    refusals.push({ code: 'ID_EXPIRED', message: `身份证已于${validity.end ?? ''}到期，请更换新证后登记` });
  }
  return refusals;
}
