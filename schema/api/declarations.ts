/**
 * 项目申报 (`/platform/declarations`, public): the declaration as the H5 submits it, validated at the
 * boundary (messages are Chinese and name the field; the server is the authority, the H5 repeats the
 * same checks), the receipt, and 申报进度.
 */
import { z } from 'zod';
import {
  INVESTMENT_TYPES,
  isKnownRegion,
  labelOf,
  MAIN_UNIT_ROLES,
  PARTICIPATION_TYPES,
  PROJECT_CATEGORIES,
  valuesOf,
  WAGE_DEPOSIT_METHODS,
} from '../codes';
import { isBefore, isIsoDate, validateBankAccount, validatePhone, validateUscc } from '../rules';

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`);

const optionalText = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过${max}个字`).optional();

const phone = (label: string) =>
  text(label, 20).refine((value) => validatePhone(value).ok, `${label}格式不正确`);

const isoDate = (label: string) =>
  z.string({ error: `请选择${label}` }).refine(isIsoDate, `${label}格式不正确，应为 YYYY-MM-DD`);

const amount = (label: string) =>
  z
    .number({ error: `${label}须为数字` })
    .positive(`${label}须大于 0`)
    .max(1e10, `${label}数值过大`);

const choice = <L extends Parameters<typeof valuesOf>[0]>(label: string, list: L) =>
  z.enum(valuesOf(list), { error: `请选择${label}` });

export const DeclarationUnit = z.object({
  role: z.enum(MAIN_UNIT_ROLES, { error: '参建类型不正确' }),
  name: text('单位名称', 200),
  uscc: z.string({ error: '请填写统一社会信用代码' }).trim().toUpperCase(),
  contact_name: text('联系人', 50),
  contact_phone: phone('联系电话'),
});

export type DeclarationUnit = z.input<typeof DeclarationUnit>;

export const Declaration = z
  .object({
    name: text('项目名称', 200),
    category: choice('项目分类', PROJECT_CATEGORIES),
    investment_nature: choice('投资性质', INVESTMENT_TYPES),
    contact_name: text('项目联系人', 50),
    contact_phone: phone('项目联系电话'),
    region_code: z.string({ error: '请选择地区' }).refine(isKnownRegion, '地区编码不正确'),
    address: optionalText('详细地址', 200),
    latitude: z.number().min(-90, '纬度不正确').max(90, '纬度不正确').optional(),
    longitude: z.number().min(-180, '经度不正确').max(180, '经度不正确').optional(),
    start_date: isoDate('开工日期'),
    planned_completion_date: isoDate('计划竣工日期'),
    permit_no: text('施工许可证号', 64),
    permit_issued_on: isoDate('施工许可证发放日期'),
    floor_area: amount('建筑面积').optional(),
    height: amount('建筑高度').optional(),
    structure_levels: optionalText('结构层次', 64),
    cost: amount('工程造价').optional(),
    payroll_bank: text('代发银行', 100),
    payroll_account_name: text('工资专户户名', 100),
    payroll_account_no: z
      .string({ error: '请填写工资专户账号' })
      .refine((value) => validateBankAccount(value).ok, '工资专户账号格式不正确（12–30 位数字）'),
    deposit_method: choice('保证金办理方式', WAGE_DEPOSIT_METHODS),
    deposit_amount: amount('保证金金额').optional(),
    units: z.array(DeclarationUnit, { error: '请填写五方主体单位' }),
  })
  .superRefine((d, ctx) => {
    if (isBefore(d.planned_completion_date, d.start_date)) {
      ctx.addIssue({ code: 'custom', path: ['planned_completion_date'], message: '计划竣工日期不能早于开工日期' });
    }
    if (d.deposit_method !== 'exempt' && d.deposit_amount === undefined) {
      ctx.addIssue({ code: 'custom', path: ['deposit_amount'], message: '请填写保证金金额（依规免缴除外）' });
    }
    for (const role of MAIN_UNIT_ROLES) {
      const count = d.units.filter((unit) => unit.role === role).length;
      if (count !== 1) {
        const label = labelOf(PARTICIPATION_TYPES, role);
        ctx.addIssue({ code: 'custom', path: ['units'], message: count ? `${label}只能填写一个` : `请填写${label}` });
      }
    }
    d.units.forEach((unit, index) => {
      const result = validateUscc(unit.uscc);
      if (!result.ok) {
        ctx.addIssue({ code: 'custom', path: ['units', index, 'uscc'], message: `${labelOf(PARTICIPATION_TYPES, unit.role)}：${result.message}` });
      }
    });
  });

export type Declaration = z.infer<typeof Declaration>;

/** Field labels for messages about zod's own checks (unknown enum value and the like). */
export const DECLARATION_LABELS: Readonly<Record<string, string>> = {
  latitude: '纬度',
  longitude: '经度',
  role: '参建类型',
};

/** What the H5 sends to `POST /platform/declarations` and `PUT /platform/declarations/:no`. */
export type DeclarationPayload = z.input<typeof Declaration>;

export type DeclarationStatus = 'submitted' | 'approved' | 'rejected' | 'completed';

/** The answer to a (re)submission. */
export interface DeclarationReceipt {
  application_no: string;
  status: 'submitted';
}

/** What `GET /platform/declarations/:no?phone=` answers. */
export interface DeclarationProgress {
  application_no: string;
  name: string;
  status: DeclarationStatus;
  submitted_at: string | null;
  reviewed_at: string | null;
  review_reason: string | null;
  account: string | null;
  /** Present exactly once, on the first read after approval. */
  initial_password: string | null;
  /** The submitted fields, so a rejected declaration can be corrected and sent again. */
  form?: Partial<DeclarationPayload>;
}
