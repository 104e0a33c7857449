/**
 * The 人员编辑 form (姓名, 性别, 民族, 身份证号, 家庭住址, 联系电话, 班组, 工种/岗位, 分包企业, 进场时间,
 * 血型, 工资结算) as a partial update: absent fields stay as they are. Identity fields reuse the
 * registration model (`people/identity-rules.ts`), so an edit is checked exactly like a registration.
 */
import { z } from 'zod';
import { BLOOD_TYPES, valuesOf, WAGE_SETTLEMENT_MODES } from '../../../../schema/codes';
import { isIsoDate, normalizeBankAccount, normalizePhone, validateBankAccount, validatePhone } from '../../../../schema/rules';
import { IDENTITY_LABELS, PersonIdentity } from '../people/identity-rules';

const id = (label: string) => z.number({ error: `请选择${label}` }).int(`请选择${label}`).positive(`请选择${label}`);

export const PersonEdit = PersonIdentity.pick({ name: true, gender: true, ethnicity: true, id_number: true, address: true })
  .extend({
    phone: z
      .string({ error: '请填写联系电话' })
      .trim()
      .refine((value) => validatePhone(value, 'mobile').ok, '联系电话应为11位手机号码')
      .transform(normalizePhone),
    team: id('班组'),
    trade: z.string({ error: '请选择工种/岗位' }).trim().min(1, '请选择工种/岗位'),
    unit: id('分包企业'),
    entry_date: z.string({ error: '请选择进场时间' }).refine(isIsoDate, '进场时间格式不正确，应为 YYYY-MM-DD'),
    blood_type: z.enum(valuesOf(BLOOD_TYPES), { error: '请选择血型' }).nullable(),
    wage_method: z.enum(valuesOf(WAGE_SETTLEMENT_MODES), { error: '请选择结算方式' }),
    wage_amount: z.number({ error: '工资标准须为数字' }).min(0, '工资标准不能小于0').max(1_000_000, '工资标准数值过大').nullable(),
    wage_unit: z.string().trim().max(16, '计量单位不能超过16个字').nullable(),
    // 工资卡 (the person's own card for 银行代发); the H5 sends it only when retyped.
    bank_card_no: z
      .string({ error: '工资卡号须为数字' })
      .refine((value) => validateBankAccount(value).ok, '工资卡号应为12至30位数字')
      .transform(normalizeBankAccount)
      .nullable(),
    bank_name: z.string({ error: '请填写开户银行' }).trim().max(100, '开户银行不能超过100个字').nullable(),
  })
  .partial();

export type PersonEdit = z.infer<typeof PersonEdit>;

export const PERSON_EDIT_LABELS: Readonly<Record<keyof PersonEdit, string>> = {
  name: IDENTITY_LABELS.name,
  gender: IDENTITY_LABELS.gender,
  ethnicity: IDENTITY_LABELS.ethnicity,
  id_number: '身份证号',
  address: '家庭住址',
  phone: '联系电话',
  team: '班组',
  trade: '工种/岗位',
  unit: '分包企业',
  entry_date: '进场时间',
  blood_type: '血型',
  wage_method: '结算方式',
  wage_amount: '工资标准',
  wage_unit: '计量单位',
  bank_card_no: '工资卡号',
  bank_name: '开户银行',
};

/** Columns of the identity (`people`) the form edits; only while no other project relies on it. */
export const PERSON_COLUMNS = ['name', 'gender', 'ethnicity', 'id_number', 'address'] as const;
/** Columns of this project's employment the form edits (what the project records). */
export const EMPLOYMENT_COLUMNS = ['phone', 'blood_type', 'bank_card_no', 'bank_name', 'team', 'trade', 'unit', 'entry_date', 'wage_method', 'wage_amount', 'wage_unit'] as const;
