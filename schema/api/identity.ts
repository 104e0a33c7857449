/**
 * The identity as a form submits it: the fields of the ID card (front and back), OCR-filled and
 * then corrected. Shared by 实名制登记, 关键岗位入场登记, 人员编辑 and the bureau's corrections; the
 * rules that judge it (age, validity, agreement with the number) are the server's
 * (`extensions/platform/src/people/identity-rules.ts`).
 */
import { z } from 'zod';
import { ETHNICITIES, GENDERS, valuesOf } from '../codes';
import { isIsoDate, normalizeIdNumber } from '../rules';

/** The validity end printed on cards that never expire. */
export const LONG_TERM = '长期';

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`);

const cardDate = (label: string) => z.string({ error: `请填写${label}` }).trim().refine(isIsoDate, `${label}格式不正确，应为 YYYY-MM-DD`);

export const PersonIdentity = z.object({
  name: text('姓名', 50).refine((value) => /^[^\d]{2,50}$/.test(value), '姓名应为2至50个字，不能包含数字'),
  gender: z.enum(valuesOf(GENDERS), { error: '请选择性别' }),
  ethnicity: z.enum(valuesOf(ETHNICITIES), { error: '请选择民族' }),
  birth_date: cardDate('出生日期'),
  address: text('住址', 200),
  id_number: z
    .string({ error: '请填写公民身份号码' })
    .transform(normalizeIdNumber)
    .refine((value) => value.length > 0, '请填写公民身份号码'),
  issuing_authority: text('签发机关', 100),
  id_valid_from: cardDate('有效期限起始日期'),
  id_valid_to: z
    .string({ error: '请填写有效期限截止日期' })
    .trim()
    .refine((value) => value === LONG_TERM || isIsoDate(value), '有效期限截止日期应为 YYYY-MM-DD 或“长期”'),
  temporary_id: z.boolean({ error: '临时身份证应为是或否' }).default(false),
});

export type PersonIdentity = z.infer<typeof PersonIdentity>;

/** Chinese names of the identity fields, for messages. */
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

/** The card's details as a project recorded them (what an ID renewal changes). */
export interface IdCardRecord {
  address: string | null;
  issuing_authority: string | null;
  id_valid_from: string | null;
  /** 'YYYY-MM-DD' or 长期. */
  id_valid_to: string | null;
}
