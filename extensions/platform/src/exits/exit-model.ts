/**
 * Bodies of 退场 (one person) and 班组退场 (a whole team), validated at the boundary. The date rules
 * that need the database (not before entry) live in `exit-employments.ts`.
 */
import { z } from 'zod';
import { isIsoDate } from '../../../../schema/rules';

const exitDate = z.string({ error: '请选择退场日期' }).refine(isIsoDate, '退场日期格式不正确，应为 YYYY-MM-DD');

const exitReason = z
  .string()
  .trim()
  .max(200, '退场说明不能超过200个字')
  .optional()
  .transform((value) => value || null);

export const PersonExit = z.object({ exit_date: exitDate, exit_reason: exitReason });
export type PersonExit = z.infer<typeof PersonExit>;

/** A team exit cannot be undone, so the caller must say it confirmed the warning. */
export const TeamExit = PersonExit.extend({
  confirm: z.literal(true, { error: '班组退场后无法恢复，请确认后再提交' }),
});
export type TeamExit = z.infer<typeof TeamExit>;

export const EXIT_LABELS = { exit_date: '退场日期', exit_reason: '退场说明', confirm: '确认' } as const;
