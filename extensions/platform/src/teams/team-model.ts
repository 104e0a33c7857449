/**
 * A team (班组) as the H5's 新建班组 / 编辑 form submits it. Worker teams (务工人员班组) have a
 * national trade; management teams (管理人员班组) have none.
 */
import { z } from 'zod';
import { MANAGER_TRADE, TEAM_KINDS, TRADES, valuesOf, type EmploymentRole, type TeamKind } from '../../../../schema/codes';
import { validatePhone } from '../../../../schema/rules';

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .nullish()
    .transform((value) => value || null);

/** A positive integer id chosen in a picker. */
export const pickedId = (label: string) =>
  z.coerce.number({ error: `请选择${label}` }).int(`请选择${label}`).positive(`请选择${label}`);

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

/** Whether a stored team kind is a management team; every other team takes workers. */
export function isManagementTeam(kind: unknown): boolean {
  return kind === ('management' satisfies TeamKind);
}

/** The people a team takes: managers into 管理人员班组, workers into 务工人员班组. */
export function roleOfTeam(kind: unknown): EmploymentRole {
  return isManagementTeam(kind) ? 'manager' : 'worker';
}
