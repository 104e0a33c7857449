/**
 * 退场 (`POST /platform/people/:id/exit`) and 班组退场 (`POST /platform/teams/:id/exit`). The date rules
 * that need the database (not before entry) are the server's (`exits/exit-employments.ts`).
 */
import { z } from 'zod';
import { isIsoDate } from '../rules';

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

/** What the H5 sends. */
export type PersonExitPayload = z.input<typeof PersonExit>;

/** The answer: the employment (or team) and how many people left. */
export interface ExitReceipt {
  id: number;
  /** `exited`; for a team its status after the exit. */
  status: string;
  exit_date: string;
  exited: number;
}
