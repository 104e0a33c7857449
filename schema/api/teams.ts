/**
 * 班组 and 参建单位 (`/platform/teams`, `/platform/units`): the 新建班组 / 编辑 form (worker teams have a
 * national trade, management teams none), the 新建参建单位 form (a company, city-wide by its
 * 统一社会信用代码, and its participation type in this project) and their answers.
 */
import { z } from 'zod';
import { isMainUnitRole, MANAGER_TRADE, PARTICIPATION_TYPES, TEAM_KINDS, TRADES, valuesOf, type ParticipationType, type TeamKind, type Trade } from '../codes';
import { normalizeUscc, validatePhone } from '../rules';
import { optionalText, pickedId } from './common';

export const TeamInput = z
  .object({
    name: z.string({ error: '请填写班组名称' }).trim().min(1, '请填写班组名称').max(100, '班组名称不能超过100个字'),
    kind: z.enum(valuesOf(TEAM_KINDS), { error: '请选择班组类型' }),
    unit: pickedId('所属企业'),
    trade: z.enum(valuesOf(TRADES), { error: '工种不在国家工种目录中' }).nullish(),
    leader_name: optionalText('班组长', 50),
    leader_phone: optionalText('班组长电话', 20).refine((value) => value === null || validatePhone(value, 'mobile').ok, '班组长电话应为11位手机号码'),
  })
  .superRefine((team, ctx) => {
    if (team.kind === 'worker' && !team.trade) ctx.addIssue({ code: 'custom', path: ['trade'], message: '请选择工种' });
    if (team.kind === 'worker' && team.trade === MANAGER_TRADE) {
      ctx.addIssue({ code: 'custom', path: ['trade'], message: '务工人员班组的工种不能为“管理人员”' });
    }
  })
  // A management team has no trade, whatever the form sent.
  .transform((team) => ({ ...team, trade: team.kind === 'worker' ? (team.trade ?? null) : null }));

export type TeamInput = z.infer<typeof TeamInput>;

export const TEAM_LABELS = { name: '班组名称', kind: '班组类型', unit: '所属企业', trade: '工种', leader_name: '班组长', leader_phone: '班组长电话' } as const;

/** What the H5 sends to `POST /platform/teams` and `PUT /platform/teams/:id`. */
export type TeamPayload = z.input<typeof TeamInput>;

/** `GET /platform/teams?q=&kind=&status=`. */
export interface TeamQuery {
  q?: string;
  kind?: TeamKind;
  status?: 'active' | 'exited';
}

/** A team of the project with its on-site headcount. */
export interface Team {
  id: number;
  name: string;
  /** 'management' or 'worker' (older rows may hold another value meaning a workers' team). */
  kind: TeamKind | string;
  trade: Trade | null;
  status: 'active' | 'exited';
  unit: number;
  unit_name: string | null;
  leader_name: string | null;
  leader_phone: string | null;
  date_created: string | null;
  on_site: number;
}

export const UnitInput = z.object({
  name: z.string({ error: '请填写企业名称' }).trim().min(2, '请填写企业名称').max(200, '企业名称不能超过200个字'),
  // The check digit is verified after parsing, so the refusal carries validateUscc's own rule code.
  uscc: z.string({ error: '请填写统一社会信用代码' }).transform(normalizeUscc).refine((value) => value.length > 0, '请填写统一社会信用代码'),
  participation: z
    .enum(valuesOf(PARTICIPATION_TYPES), { error: '请选择参建类型' })
    // The five main units come from the approved declaration; the H5 adds subcontractors and others.
    .refine((value) => !isMainUnitRole(value), '五方主体单位以项目申报为准，这里只能新增分包、劳务等参建单位'),
  contact_name: z.string().trim().max(50, '联系人不能超过50个字').nullish().transform((value) => value || null),
  contact_phone: z
    .string()
    .trim()
    .nullish()
    .transform((value) => value || null)
    .refine((value) => value === null || validatePhone(value).ok, '联系电话格式不正确'),
});

export type UnitInput = z.infer<typeof UnitInput>;

export const UNIT_LABELS = { name: '企业名称', uscc: '统一社会信用代码', participation: '参建类型', contact_name: '联系人', contact_phone: '联系电话' } as const;

/** What the H5 sends to `POST /platform/units`. */
export type UnitPayload = z.input<typeof UnitInput>;

/** A participating unit of the project (`GET /platform/units`), one per company. */
export interface ProjectUnit {
  id: number;
  name: string;
  uscc: string;
  participations: ParticipationType[];
  participation_label: string;
  is_main: boolean;
}

/** `POST /platform/units`'s answer: `reused` when the credit code was already registered (its name is kept). */
export interface UnitReceipt extends ProjectUnit {
  reused: boolean;
}
