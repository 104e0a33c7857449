/**
 * The registration rules for a person's identity (实名制登记), in one place: every path that creates
 * or edits people (实名制登记, 人员编辑, 关键岗位入场登记) parses with `PersonIdentity` and then calls
 * `assertIdentityRules`. Pure: no I/O, no clock — callers pass `today` and the age limits.
 *
 * @example
 * const identity = parseInput(PersonIdentity, body, IDENTITY_LABELS);
 * assertIdentityRules(identity, { role: 'worker', today: todayInShanghai(new Date()), maxAge: maxAgeFrom(config) });
 */
import type { PersonIdentity } from '../../../../schema/api/identity';
import { LONG_TERM } from '../../../../schema/api/identity';
import type { EmploymentRole, Gender } from '../../../../schema/codes';
import { checkWorkerEligibility, daysBetween, isAfter, parseIdNumber, type IsoDate, type MaxAge, type RefusalCode } from '../../../../schema/rules';
import type { PlatformConfig } from '../config';
import { invalid } from '../http/errors';

export { IDENTITY_LABELS, LONG_TERM, PersonIdentity } from '../../../../schema/api/identity';

/** A 临时居民身份证 is valid for three months (临时居民身份证管理办法 第四条); a few days' slack for month lengths. */
export const TEMPORARY_ID_MAX_DAYS = 92;

/** What the rules need of an identity (the whole identity after an edit is applied). */
export interface IdentityFacts {
  id_number: string;
  gender: Gender;
  birth_date: IsoDate;
  id_valid_from: IsoDate;
  /** 'YYYY-MM-DD' or 长期. */
  id_valid_to: string;
  temporary_id?: boolean;
}

export interface IdentityRuleContext {
  /** 务工人员 (worker) or 管理人员 (manager): the age rules differ. */
  role: EmploymentRole;
  /** Today in Asia/Shanghai (`todayInShanghai(new Date())`). */
  today: IsoDate;
  /** Workers from this age on are refused (config PLATFORM_WORKER_MAX_AGE_MALE/FEMALE). */
  maxAge: MaxAge;
}

/** One broken rule: stable code, Chinese message, the form field it concerns. */
export interface IdentityRefusal {
  rule: string;
  message: string;
  field: keyof PersonIdentity;
}

/** The age limits from the platform settings. */
export function maxAgeFrom(config: Pick<PlatformConfig, 'PLATFORM_WORKER_MAX_AGE_MALE' | 'PLATFORM_WORKER_MAX_AGE_FEMALE'>): MaxAge {
  return { male: config.PLATFORM_WORKER_MAX_AGE_MALE, female: config.PLATFORM_WORKER_MAX_AGE_FEMALE };
}

const ELIGIBILITY_FIELDS: Readonly<Record<RefusalCode, keyof PersonIdentity>> = {
  AGE_UNDER_16: 'birth_date',
  AGE_UNDER_18: 'birth_date',
  AGE_OVER_LIMIT: 'birth_date',
  ID_BIRTHDATE: 'birth_date',
  ID_EXPIRED: 'id_valid_to',
  ID_VALIDITY_FORMAT: 'id_valid_to',
};

/**
 * The first broken rule, in the order a person would fix them (number, then agreement with the
 * card face, then validity period, then age), or null when the identity may be registered.
 */
export function findIdentityRefusal(identity: IdentityFacts, context: IdentityRuleContext): IdentityRefusal | null {
  const { today } = context;
  const parsed = parseIdNumber(identity.id_number, { today });
  if (!parsed.ok) return { rule: parsed.code, message: parsed.message, field: 'id_number' };
  const agreed = parseIdNumber(identity.id_number, { today, birthDate: identity.birth_date, gender: identity.gender });
  if (!agreed.ok) return { rule: agreed.code, message: agreed.message, field: agreed.code === 'ID_GENDER' ? 'gender' : 'birth_date' };

  if (isAfter(identity.id_valid_from, today)) {
    return { rule: 'ID_VALID_FROM_FUTURE', message: '有效期限起始日期不能晚于今天', field: 'id_valid_from' };
  }
  const longTerm = identity.id_valid_to === LONG_TERM;
  if (!longTerm && !isAfter(identity.id_valid_to, identity.id_valid_from)) {
    return { rule: 'ID_VALIDITY_ORDER', message: '有效期限截止日期应晚于起始日期', field: 'id_valid_to' };
  }
  if (identity.temporary_id && (longTerm || daysBetween(identity.id_valid_from, identity.id_valid_to) > TEMPORARY_ID_MAX_DAYS)) {
    return { rule: 'ID_TEMPORARY_VALIDITY', message: '临时身份证有效期限为三个月，请核对有效期限或关闭“临时身份证”', field: 'id_valid_to' };
  }

  const [refusal] = checkWorkerEligibility({
    birthDate: identity.birth_date,
    gender: identity.gender,
    validity: `${identity.id_valid_from}至${identity.id_valid_to}`,
    role: context.role,
    today,
    maxAge: context.maxAge,
  });
  return refusal ? { rule: refusal.code, message: refusal.message, field: ELIGIBILITY_FIELDS[refusal.code] } : null;
}

/** Throws a 400 (`invalid(rule, message, field)`) for the first broken rule. */
export function assertIdentityRules(identity: IdentityFacts, context: IdentityRuleContext): void {
  const refusal = findIdentityRefusal(identity, context);
  if (refusal) throw invalid(refusal.rule, refusal.message, refusal.field);
}
