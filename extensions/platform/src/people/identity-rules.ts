/**
 * The registration rules for a person's identity (实名制登记), in one place: every path that creates
 * or edits people (实名制登记, 人员编辑, 关键岗位入场登记) parses with `PersonIdentity` and then calls
 * `assertIdentityRules`. Pure: no I/O, no clock — callers pass `today` and the age limits.
 *
 * @example
 * const identity = parseInput(PersonIdentity, body, IDENTITY_LABELS);
 * assertIdentityRules(identity, { role: 'worker', today: todayInShanghai(new Date()), maxAge: maxAgeFrom(config) });
 */
import { z } from 'zod';
import { ETHNICITIES, GENDERS, valuesOf, type EmploymentRole, type Gender } from '../../../../schema/codes';
import {
  checkWorkerEligibility,
  daysBetween,
  isAfter,
  isIsoDate,
  normalizeIdNumber,
  parseIdNumber,
  type IsoDate,
  type MaxAge,
  type RefusalCode,
} from '../../../../schema/rules';
import type { PlatformConfig } from '../config';
import { invalid } from '../http/errors';

/** The validity end printed on cards that never expire. */
export const LONG_TERM = '长期';

/** A 临时居民身份证 is valid for three months (临时居民身份证管理办法 第四条); a few days' slack for month lengths. */
export const TEMPORARY_ID_MAX_DAYS = 92;

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`);

const isoDate = (label: string) =>
  z.string({ error: `请填写${label}` }).trim().refine(isIsoDate, `${label}格式不正确，应为 YYYY-MM-DD`);

/** The fields of the ID card (front and back) as a form submits them, OCR-filled and then corrected. */
export const PersonIdentity = z.object({
  name: text('姓名', 50).refine((value) => /^[^\d]{2,50}$/.test(value), '姓名应为2至50个字，不能包含数字'),
  gender: z.enum(valuesOf(GENDERS), { error: '请选择性别' }),
  ethnicity: z.enum(valuesOf(ETHNICITIES), { error: '请选择民族' }),
  birth_date: isoDate('出生日期'),
  address: text('住址', 200),
  id_number: z
    .string({ error: '请填写公民身份号码' })
    .transform(normalizeIdNumber)
    .refine((value) => value.length > 0, '请填写公民身份号码'),
  issuing_authority: text('签发机关', 100),
  id_valid_from: isoDate('有效期限起始日期'),
  id_valid_to: z
    .string({ error: '请填写有效期限截止日期' })
    .trim()
    .refine((value) => value === LONG_TERM || isIsoDate(value), '有效期限截止日期应为 YYYY-MM-DD 或“长期”'),
  temporary_id: z.boolean({ error: '临时身份证应为是或否' }).default(false),
});

export type PersonIdentity = z.infer<typeof PersonIdentity>;

/** Chinese names of the identity fields, for `parseInput` and messages. */
export const IDENTITY_LABELS: Readonly<Record<keyof PersonIdentity, string>> = {
  name: '姓名',
  gender: '性别',
  ethnicity: '民族',
  birth_date: '出生日期',
  address: '住址',
  id_number: '公民身份号码',
  issuing_authority: '签发机关',
  id_valid_from: '有效期限起始日期',
  id_valid_to: '有效期限截止日期',
  temporary_id: '临时身份证',
};

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
