import { describe, expect, test } from 'vitest';
import { makeIdNumber } from '../../../../schema/rules';
import { assertIdentityRules, findIdentityRefusal, maxAgeFrom, PersonIdentity, type IdentityFacts, type IdentityRuleContext } from './identity-rules';

const TODAY = '2026-05-10';
const MAX_AGE = { male: 60, female: 50 };
const worker: IdentityRuleContext = { role: 'worker', today: TODAY, maxAge: MAX_AGE };
const manager: IdentityRuleContext = { ...worker, role: 'manager' };

/** A person of `gender` born on `birth`, with a card valid 2020-01-01 to 2040-01-01. */
const person = (birth: string, gender: 'male' | 'female' = 'male'): IdentityFacts => ({
  id_number: makeIdNumber('510802', birth, 7, gender),
  gender,
  birth_date: birth,
  id_valid_from: '2020-01-01',
  id_valid_to: '2040-01-01',
  temporary_id: false,
});

const valid = person('1990-03-07');
const wrongCheck = `${valid.id_number.slice(0, 17)}${valid.id_number.endsWith('0') ? '1' : '0'}`;

describe('findIdentityRefusal', () => {
  test.each<[string, IdentityFacts, IdentityRuleContext, string | null, string | null]>([
    ['a valid worker', valid, worker, null, null],
    ['lower-case x is the same number', { ...valid, id_number: valid.id_number.toLowerCase() }, worker, null, null],
    ['wrong check digit', { ...valid, id_number: wrongCheck }, worker, 'ID_CHECKSUM', 'id_number'],
    ['17 digits', { ...valid, id_number: valid.id_number.slice(0, 17) }, worker, 'ID_FORMAT', 'id_number'],
    ['birth date disagrees with the number', { ...valid, birth_date: '1990-03-08' }, worker, 'ID_BIRTHDATE', 'birth_date'],
    ['gender disagrees with the number', { ...valid, gender: 'female' }, worker, 'ID_GENDER', 'gender'],
    ['expired yesterday', { ...valid, id_valid_to: '2026-05-09' }, worker, 'ID_EXPIRED', 'id_valid_to'],
    ['expires today (still valid)', { ...valid, id_valid_to: TODAY }, worker, null, null],
    ['长期 is valid', { ...valid, id_valid_to: '长期' }, worker, null, null],
    ['validity starts in the future', { ...valid, id_valid_from: '2026-05-11' }, worker, 'ID_VALID_FROM_FUTURE', 'id_valid_from'],
    ['validity ends before it starts', { ...valid, id_valid_from: '2020-01-01', id_valid_to: '2019-01-01' }, worker, 'ID_VALIDITY_ORDER', 'id_valid_to'],
    ['under 16, worker', person('2010-05-11'), worker, 'AGE_UNDER_16', 'birth_date'],
    ['under 16, manager', person('2010-05-11'), manager, 'AGE_UNDER_16', 'birth_date'],
    ['16 today, worker', person('2010-05-10'), worker, 'AGE_UNDER_18', 'birth_date'],
    ['17, manager may register', person('2009-01-01'), manager, null, null],
    ['17, worker may not', person('2009-01-01'), worker, 'AGE_UNDER_18', 'birth_date'],
    ['18 today, worker', person('2008-05-10'), worker, null, null],
    ['man of 59', person('1966-05-11'), worker, null, null],
    ['man of 60 today', person('1966-05-10'), worker, 'AGE_OVER_LIMIT', 'birth_date'],
    ['man of 60, manager', person('1966-05-10'), manager, null, null],
    ['woman of 49', person('1976-05-11', 'female'), worker, null, null],
    ['woman of 50 today', person('1976-05-10', 'female'), worker, 'AGE_OVER_LIMIT', 'birth_date'],
    ['woman of 50, configured limit 55', person('1976-05-10', 'female'), { ...worker, maxAge: { male: 60, female: 55 } }, null, null],
    ['man of 58, configured limit 58', person('1968-01-01'), { ...worker, maxAge: { male: 58, female: 50 } }, 'AGE_OVER_LIMIT', 'birth_date'],
    ['temporary ID valid three months', { ...valid, temporary_id: true, id_valid_from: '2026-04-01', id_valid_to: '2026-07-01' }, worker, null, null],
    ['temporary ID valid a year', { ...valid, temporary_id: true, id_valid_from: '2026-04-01', id_valid_to: '2027-04-01' }, worker, 'ID_TEMPORARY_VALIDITY', 'id_valid_to'],
    ['temporary ID 长期', { ...valid, temporary_id: true, id_valid_to: '长期' }, worker, 'ID_TEMPORARY_VALIDITY', 'id_valid_to'],
    ['temporary ID expired', { ...valid, temporary_id: true, id_valid_from: '2026-01-01', id_valid_to: '2026-04-01' }, worker, 'ID_EXPIRED', 'id_valid_to'],
  ])('%s', (_case, identity, context, rule, field) => {
    const refusal = findIdentityRefusal(identity, context);
    expect(refusal?.rule ?? null).toBe(rule);
    expect(refusal?.field ?? null).toBe(field);
    if (refusal) expect(refusal.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  test('the over-age message names the limit and the age', () => {
    expect(findIdentityRefusal(person('1960-01-01'), worker)?.message).toBe('超龄：男性建筑工人进场作业年龄上限为60周岁，本人已满66周岁');
  });

  test('the number is checked before its agreement with the form', () => {
    expect(findIdentityRefusal({ ...valid, id_number: wrongCheck, gender: 'female', birth_date: '2001-01-01' }, worker)?.rule).toBe('ID_CHECKSUM');
  });
});

describe('assertIdentityRules', () => {
  test('throws a 400 naming rule and field', () => {
    expect(() => assertIdentityRules({ ...valid, id_valid_to: '2025-01-01' }, worker)).toThrow(
      expect.objectContaining({ status: 400, code: 'PLATFORM_INVALID_INPUT', extensions: expect.objectContaining({ rule: 'ID_EXPIRED', field: 'id_valid_to' }) }),
    );
  });

  test('passes a valid identity', () => {
    expect(() => assertIdentityRules(valid, worker)).not.toThrow();
  });

  test('maxAgeFrom reads the configured limits', () => {
    expect(maxAgeFrom({ PLATFORM_WORKER_MAX_AGE_MALE: 55, PLATFORM_WORKER_MAX_AGE_FEMALE: 45 })).toEqual({ male: 55, female: 45 });
  });
});

describe('PersonIdentity', () => {
  const form = {
    name: '谭秀琼',
    gender: 'female',
    ethnicity: '01',
    birth_date: '1980-02-03',
    address: '四川省广元市利州区东坝街道滨河路8号',
    id_number: ` ${makeIdNumber('510802', '1980-02-03', 3, 'female').toLowerCase()} `,
    issuing_authority: '广元市公安局利州区分局',
    id_valid_from: '2015-03-01',
    id_valid_to: '长期',
  };

  test('normalises the number and defaults temporary_id', () => {
    const parsed = PersonIdentity.parse(form);
    expect(parsed.id_number).toBe(makeIdNumber('510802', '1980-02-03', 3, 'female'));
    expect(parsed.temporary_id).toBe(false);
  });

  test.each([
    ['name with digits', { name: '张3' }, 'name'],
    ['one-character name', { name: '张' }, 'name'],
    ['unknown ethnicity', { ethnicity: '99' }, 'ethnicity'],
    ['gender as a label', { gender: '女' }, 'gender'],
    ['birth date not ISO', { birth_date: '1980.02.03' }, 'birth_date'],
    ['empty address', { address: '  ' }, 'address'],
    ['validity end neither date nor 长期', { id_valid_to: '永久' }, 'id_valid_to'],
    ['missing number', { id_number: undefined }, 'id_number'],
  ])('%s is refused', (_case, change, field) => {
    const result = PersonIdentity.safeParse({ ...form, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });
});
