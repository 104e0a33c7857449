/**
 * 实名制登记 (`POST /platform/registrations`): a multipart request with three images (`id_front`,
 * `id_back`, `photo`) and one text field `data` holding `Registration` as JSON. Identity fields are
 * `PersonIdentity`; the rest describe the employment on this project.
 */
import { z } from 'zod';
import {
  CONTRACT_TERM_TYPES,
  EMPLOYMENT_ROLES,
  isCodeValue,
  MANAGEMENT_POSTS,
  MANAGER_TRADE,
  TRADES,
  valuesOf,
  WAGE_SETTLEMENT_MODES,
  type EmploymentRole,
  type WageSettlementMode,
} from '../codes';
import { isIsoDate, normalizePhone, validatePhone } from '../rules';
import { nullish, pickedId } from './common';
import { IDENTITY_LABELS, PersonIdentity } from './identity';
import { CardAssignment } from './people';

/** The image fields of the request and what people call them. */
export const REGISTRATION_IMAGES = { id_front: '身份证正面', id_back: '身份证背面', photo: '本人照片' } as const;

/** The three photos of a registration, by multipart field. */
export type RegistrationImages<T> = Record<keyof typeof REGISTRATION_IMAGES, T>;

/** The stored unit: fixed by 计时/计天/包月, the form's (or the default) for 计件, 定额 and 其它. */
function wageUnitOf(method: WageSettlementMode | null, unit: string | null): string | null {
  const mode = WAGE_SETTLEMENT_MODES.find((entry) => entry.value === method);
  if (!mode) return null;
  return mode.freeUnit ? unit || mode.unit : mode.unit;
}

export const Registration = PersonIdentity.extend({
  role: z.enum(valuesOf(EMPLOYMENT_ROLES), { error: '请选择务工人员登记或管理人员登记' }),
  team: pickedId('班组'),
  unit: pickedId('参建单位'),
  card_no: CardAssignment.shape.card_no.optional().transform((value) => value ?? null),
  trade: z.string({ error: '请选择工种/岗位' }).trim().min(1, '请选择工种/岗位'),
  phone: z
    .string({ error: '请填写联系方式' })
    .trim()
    .min(1, '请填写联系方式')
    .refine((value) => validatePhone(value, 'mobile').ok, '联系方式应为11位手机号码')
    .transform(normalizePhone),
  entry_date: z.string({ error: '请选择进场时间' }).refine(isIsoDate, '进场时间格式不正确，应为 YYYY-MM-DD'),
  wage_method: nullish(z.enum(valuesOf(WAGE_SETTLEMENT_MODES), { error: '结算方式不在可选范围内' })),
  wage_amount: nullish(z.number({ error: '工资金额须为数字' }).positive('工资金额须大于0').max(1_000_000, '工资金额数值过大')),
  wage_unit: nullish(z.string().trim().max(16, '计量单位不能超过16个字')),
  contract_template: nullish(z.enum(valuesOf(CONTRACT_TERM_TYPES), { error: '合同模板不在可选范围内' })),
})
  .superRefine((r, ctx) => {
    if (r.role === 'worker' && (!isCodeValue(TRADES, r.trade) || r.trade === MANAGER_TRADE)) {
      ctx.addIssue({ code: 'custom', path: ['trade'], message: '请选择国家工种目录中的工种' });
    }
    if (r.role === 'manager' && !isCodeValue(MANAGEMENT_POSTS, r.trade)) {
      ctx.addIssue({ code: 'custom', path: ['trade'], message: '请选择管理人员岗位' });
    }
    if (r.wage_amount !== null && r.wage_method === null) {
      ctx.addIssue({ code: 'custom', path: ['wage_method'], message: '填写了工资金额，请选择结算方式' });
    }
    if (r.wage_amount !== null && Math.round(r.wage_amount * 100) !== r.wage_amount * 100) {
      ctx.addIssue({ code: 'custom', path: ['wage_amount'], message: '工资金额最多两位小数' });
    }
  })
  .transform((r) => ({ ...r, wage_unit: wageUnitOf(r.wage_method, r.wage_unit) }));

/** What the server reads from `data`. */
export type Registration = z.infer<typeof Registration>;
/** What the H5 puts in `data`. */
export type RegistrationPayload = z.input<typeof Registration>;

export const REGISTRATION_LABELS: Readonly<Record<string, string>> = {
  ...IDENTITY_LABELS,
  ...REGISTRATION_IMAGES,
  role: '人员类型',
  team: '班组',
  unit: '参建单位',
  card_no: '考勤卡号',
  trade: '工种/岗位',
  phone: '联系方式',
  entry_date: '进场时间',
  wage_method: '结算方式',
  wage_amount: '工资金额',
  wage_unit: '计量单位',
  contract_template: '合同模板',
};

/** 201's answer: the new employment. */
export interface RegistrationReceipt {
  employment_id: number;
  person_id: number;
  /** Whether the person was new to the city-wide register. */
  new_person: boolean;
  /** Whether this registration's newer ID card replaced the one on file (换领). */
  renewed: boolean;
  device_pin: string;
  name: string;
  role: EmploymentRole;
  team: number;
  unit: number;
  entry_date: string;
  status: 'on_site';
}
