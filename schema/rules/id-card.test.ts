import { describe, expect, test } from 'vitest';
import {
  ageOn,
  checkWorkerEligibility,
  idCardValidity,
  idCheckDigit,
  makeIdNumber,
  maskIdNumber,
  parseIdNumber,
  type EligibilityInput,
} from './id-card';

const TODAY = '2025-06-15';

describe('parseIdNumber', () => {
  // Published sample numbers whose check digits were verified independently.
  test.each([
    ['11010519491231002X', '1949-12-31', 'female', '110105'],
    ['110101199003074477', '1990-03-07', 'male', '110101'],
    ['11010119900307803X', '1990-03-07', 'male', '110101'],
    [' 11010519491231002x ', '1949-12-31', 'female', '110105'],
  ] as const)('%s is valid', (id, birthDate, gender, regionCode) => {
    expect(parseIdNumber(id)).toEqual({
      ok: true,
      idNumber: id.trim().toUpperCase(),
      birthDate,
      gender,
      regionCode,
    });
  });

  test.each([
    ['too short', '1101051949123100', 'ID_FORMAT'],
    ['too long', '11010519491231002X0', 'ID_FORMAT'],
    ['letter inside', '1101051949A231002X', 'ID_FORMAT'],
    ['letter other than X at the end', '11010519491231002A', 'ID_FORMAT'],
    ['unknown province', '99010519491231002X', 'ID_FORMAT'],
    ['30 February', '110105194902300023', 'ID_BIRTHDATE'],
    ['month 13', '110105194913010023', 'ID_BIRTHDATE'],
    ['before 1900', '110105189912310021', 'ID_BIRTHDATE'],
    ['wrong check digit', '110105194912310021', 'ID_CHECKSUM'],
    ['one digit mistyped', '11010519491231012X', 'ID_CHECKSUM'],
  ])('%s → %s', (_case, id, code) => {
    const result = parseIdNumber(id);
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.message).toMatch(/身份证|出生日期/);
  });

  test.each([
    ['birth date agrees', { birthDate: '1949-12-31' }, null],
    ['birth date disagrees', { birthDate: '1949-12-30' }, 'ID_BIRTHDATE'],
    ['gender agrees', { gender: 'female' }, null],
    ['gender disagrees', { gender: 'male' }, 'ID_GENDER'],
    ['born before today', { today: TODAY }, null],
    ['born after today', { today: '1949-12-30' }, 'ID_BIRTHDATE'],
  ] as const)('expectation: %s', (_case, expect_, code) => {
    const result = parseIdNumber('11010519491231002X', expect_);
    expect(result.ok ? null : result.code).toBe(code);
  });
});

describe('idCheckDigit', () => {
  test.each([
    ['11010519491231002', 'X'],
    ['11010119900307447', '7'],
  ])('%s → %s', (body, digit) => {
    expect(idCheckDigit(body)).toBe(digit);
  });

  test('rejects a body that is not 17 digits', () => {
    expect(() => idCheckDigit('1101051949123100')).toThrow(RangeError);
  });
});

describe('makeIdNumber', () => {
  test.each([
    ['510802', '1990-01-01', 0, 'male'],
    ['510802', '1990-01-01', 0, 'female'],
    ['510824', '1968-02-29', 499, 'male'],
    ['510104', '2000-12-31', 123, 'female'],
    ['330106', '1975-07-04', 42, 'male'],
  ] as const)('%s %s #%i %s round-trips through parseIdNumber', (region, birthDate, seq, gender) => {
    const id = makeIdNumber(region, birthDate, seq, gender);
    expect(id).toHaveLength(18);
    expect(parseIdNumber(id)).toMatchObject({ ok: true, birthDate, gender, regionCode: region });
  });

  test('different seq values give different numbers', () => {
    const ids = new Set(Array.from({ length: 500 }, (_, seq) => makeIdNumber('510802', '1990-01-01', seq, 'male')));
    expect(ids.size).toBe(500);
  });

  test.each([
    ['short region', '51080', '1990-01-01', 0],
    ['invalid date', '510802', '1990-02-30', 0],
    ['negative seq', '510802', '1990-01-01', -1],
    ['seq too large', '510802', '1990-01-01', 500],
    ['fractional seq', '510802', '1990-01-01', 1.5],
  ])('throws on %s', (_case, region, birthDate, seq) => {
    expect(() => makeIdNumber(region, birthDate, seq, 'male')).toThrow(RangeError);
  });
});

describe('maskIdNumber', () => {
  test.each([
    ['510802199001011234', '5108**********1234'],
    ['11010519491231002x', '1101**********002X'],
    ['12345678', '********'],
    ['', ''],
  ])('%s → %s', (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked);
  });
});

describe('ageOn', () => {
  test.each([
    ['1990-06-15', '2025-06-15', 35],
    ['1990-06-16', '2025-06-15', 34],
    ['1990-07-01', '2025-06-15', 34],
    ['1990-01-01', '2025-06-15', 35],
    ['2000-02-29', '2025-02-28', 24],
    ['2000-02-29', '2025-03-01', 25],
    ['2000-02-29', '2024-02-29', 24],
    ['2025-06-15', '2025-06-15', 0],
  ])('born %s, on %s → %i', (birthDate, date, age) => {
    expect(ageOn(birthDate, date)).toBe(age);
  });

  test('throws on an invalid date', () => {
    expect(() => ageOn('1990-02-30', TODAY)).toThrow(RangeError);
  });
});

describe('idCardValidity', () => {
  test.each([
    ['2015.03.01-2035.03.01', '2015-03-01', '2035-03-01', false],
    ['2015-03-01-2035-03-01', '2015-03-01', '2035-03-01', false],
    ['20150301-20350301', '2015-03-01', '2035-03-01', false],
    ['2015.03.01 至 2035.03.01', '2015-03-01', '2035-03-01', false],
    ['2005.06.14-2025.06.14', '2005-06-14', '2025-06-14', true],
    ['2005.06.15-2025.06.15', '2005-06-15', '2025-06-15', false],
  ])('%s', (validity, start, end, expired) => {
    expect(idCardValidity(validity, TODAY)).toMatchObject({ ok: true, start, end, longTerm: false, expired });
  });

  test('长期 never expires', () => {
    expect(idCardValidity('2015.03.01-长期', TODAY)).toEqual({
      ok: true,
      start: '2015-03-01',
      end: null,
      longTerm: true,
      expired: false,
      daysLeft: null,
    });
  });

  test('daysLeft counts down to the end date', () => {
    expect(idCardValidity('2015.06.25-2025.06.25', TODAY)).toMatchObject({ daysLeft: 10 });
  });

  test.each([
    ['empty', ''],
    ['one date only', '2015.03.01'],
    ['impossible start', '2015.02.30-2035.02.28'],
    ['impossible end', '2015.03.01-2035.13.01'],
    ['end before start', '2035.03.01-2015.03.01'],
    ['other text', '2015.03.01-永久'],
  ])('%s is unreadable', (_case, validity) => {
    expect(idCardValidity(validity, TODAY)).toMatchObject({ ok: false, code: 'ID_VALIDITY_FORMAT' });
  });
});

describe('checkWorkerEligibility', () => {
  const valid: EligibilityInput = {
    birthDate: '1985-04-20',
    gender: 'male',
    validity: '2015.03.01-2035.03.01',
    role: 'worker',
    today: TODAY,
  };

  /** Refusal codes for a variant of `valid`. @example codesFor({ birthDate: '2010-01-01' }) */
  const codesFor = (changes: Partial<EligibilityInput>): string[] =>
    checkWorkerEligibility({ ...valid, ...changes }).map((refusal) => refusal.code);

  test('a 40-year-old worker with a valid card is eligible', () => {
    expect(checkWorkerEligibility(valid)).toEqual([]);
  });

  test.each([
    ['15-year-old worker', { birthDate: '2010-01-01' }, ['AGE_UNDER_16']],
    ['15-year-old manager', { birthDate: '2010-01-01', role: 'manager' }, ['AGE_UNDER_16']],
    ['17-year-old worker', { birthDate: '2008-01-01' }, ['AGE_UNDER_18']],
    ['17-year-old manager', { birthDate: '2008-01-01', role: 'manager' }, []],
    ['worker turning 18 today', { birthDate: '2007-06-15' }, []],
    ['worker turning 18 tomorrow', { birthDate: '2007-06-16' }, ['AGE_UNDER_18']],
    ['male worker aged 59', { birthDate: '1965-06-16' }, []],
    ['male worker turning 60 today', { birthDate: '1965-06-15' }, ['AGE_OVER_LIMIT']],
    ['female worker aged 49', { birthDate: '1975-06-16', gender: 'female' }, []],
    ['female worker aged 50', { birthDate: '1975-06-15', gender: 'female' }, ['AGE_OVER_LIMIT']],
    ['female manager aged 55', { birthDate: '1970-01-01', gender: 'female', role: 'manager' }, []],
    ['male manager aged 70', { birthDate: '1955-01-01', role: 'manager' }, []],
    ['stricter local limit', { birthDate: '1969-01-01', maxAge: { male: 55, female: 45 } }, ['AGE_OVER_LIMIT']],
    ['card expired yesterday', { validity: '2005.06.14-2025.06.14' }, ['ID_EXPIRED']],
    ['card expires today', { validity: '2005.06.15-2025.06.15' }, []],
    ['long-term card', { validity: '2015.03.01-长期' }, []],
    ['unreadable validity', { validity: '长期有效' }, ['ID_VALIDITY_FORMAT']],
    ['invalid birth date', { birthDate: '1985-02-30' }, ['ID_BIRTHDATE']],
    ['born after today', { birthDate: '2025-06-16' }, ['ID_BIRTHDATE']],
    ['over age and expired card', { birthDate: '1960-01-01', validity: '2005.01.01-2025.01.01' }, ['AGE_OVER_LIMIT', 'ID_EXPIRED']],
  ] as const)('%s', (_case, changes, codes) => {
    expect(codesFor(changes)).toEqual(codes);
  });

  test('messages are Chinese and say why', () => {
    const [overAge] = checkWorkerEligibility({ ...valid, birthDate: '1960-01-01' });
    expect(overAge?.message).toContain('60周岁');
    const [expired] = checkWorkerEligibility({ ...valid, validity: '2005.01.01-2025.01.01' });
    expect(expired?.message).toContain('2025-01-01');
  });
});
