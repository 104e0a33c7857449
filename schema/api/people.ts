/**
 * 施工人员: the list, 查看, 人员编辑 and 发卡 (`/platform/people`). A row of the list and the detail are
 * one employment of the caller's project; what they show of the person follows the present
 * relationship (see `PersonDetail`).
 */
import { z } from 'zod';
import { BLOOD_TYPES, valuesOf, WAGE_SETTLEMENT_MODES, type BloodType, type EducationLevel, type EmploymentRole, type EmploymentStatus, type Ethnicity, type Gender, type PoliticalStatus, type WageSettlementMode } from '../codes';
import { isIsoDate, normalizeBankAccount, normalizePhone, validateBankAccount, validatePhone } from '../rules';
import type { ChangedFields } from './common';
import { IDENTITY_LABELS, PersonIdentity } from './identity';

export type { EmploymentStatus } from '../codes';

/** `GET /platform/people?status=&q=&team=&page=`. */
export interface PeopleQuery {
  status: EmploymentStatus;
  q?: string;
  team?: number;
  page: number;
}

/** One card of 施工人员 (one employment): phone and ID number masked. */
export interface PersonListItem {
  id: number;
  name: string;
  gender: Gender;
  role: EmploymentRole;
  trade: string;
  status: EmploymentStatus;
  phone: string | null;
  id_number: string;
  card_no: string | null;
  entry_date: string | null;
  exit_date: string | null;
  days_on_site: number | null;
  team: number;
  team_name: string | null;
}

/**
 * 查看 (`GET /platform/people/:id`): one employment of the caller's project. `person` holds the
 * identity (name, number, sex, ethnicity, birth date); the card's address, issuing authority and
 * validity as they are now while the person is on site here, and as this project recorded them once
 * they have left; and everything else as this project recorded it (phone, wage card masked, photos,
 * face) — never what another project recorded.
 */
export interface PersonDetail {
  id: number;
  project: number;
  role: EmploymentRole;
  trade: string;
  status: EmploymentStatus;
  card_no: string | null;
  device_pin: string;
  entry_date: string | null;
  exit_date: string | null;
  exit_reason: string | null;
  days_on_site: number | null;
  wage_method: WageSettlementMode | null;
  wage_amount: number | null;
  wage_unit: string | null;
  person: {
    id: number;
    name: string;
    id_type: string;
    id_number: string;
    temporary_id: boolean;
    gender: Gender;
    ethnicity: Ethnicity | null;
    birth_date: string | null;
    address: string | null;
    issuing_authority: string | null;
    id_valid_from: string | null;
    id_valid_to: string | null;
    phone: string | null;
    education: EducationLevel | null;
    political_status: PoliticalStatus | null;
    blood_type: BloodType | null;
    /** Private file ids (`GET /platform/files/:id`) of what this project stored. */
    id_front: string | null;
    id_back: string | null;
    photo: string | null;
    face_photo: string | null;
    /** 工资卡号, masked ('6228***********1234'). */
    bank_card_no: string | null;
    bank_name: string | null;
  };
  team: { id: number; name: string; kind: string; status: string } | null;
  unit: { id: number; name: string } | null;
  contract: { id: number; contract_no: string } | null;
}

const id = (label: string) => z.number({ error: `请选择${label}` }).int(`请选择${label}`).positive(`请选择${label}`);

/**
 * 人员编辑 (`PATCH /platform/people/:id`): any subset of the form (姓名, 性别, 民族, 身份证号, 家庭住址,
 * 联系电话, 班组, 工种/岗位, 分包企业, 进场时间, 血型, 工资结算, 工资卡); absent fields stay as they are.
 * Identity fields reuse the registration model, so an edit is checked exactly like a registration;
 * the server refuses them (409 IDENTITY_SHARED) once another project relies on the identity.
 */
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

/** What the server reads from a 人员编辑 request. */
export type PersonEdit = z.infer<typeof PersonEdit>;
/** What the H5 sends (before the model's trimming and normalising). */
export type PersonEditPayload = z.input<typeof PersonEdit>;

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

/** 人员编辑's answer: the fields it changed. */
export type PersonEditResult = ChangedFields;

/** 发卡 (`PUT /platform/people/:id/card`): an empty card number takes the card back. */
export const CardAssignment = z.object({
  card_no: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim() || null : value),
    z.string({ error: '请填写考勤卡号' }).regex(/^[0-9A-Za-z]{4,32}$/, '考勤卡号应为4–32位数字或字母').nullable(),
  ),
});
export type CardAssignment = z.infer<typeof CardAssignment>;

export const CARD_LABELS = { card_no: '考勤卡号' } as const;

/** 发卡's answer: the card now held. */
export interface CardResult {
  card_no: string | null;
}
