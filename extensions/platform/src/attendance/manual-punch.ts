/**
 * 手工补录: project staff add a punch a device missed, with a reason. The request model and the
 * rules that decide whether the punch may be added; the handler writes it and audits it.
 */
import { isBefore, type IsoDate } from '../../../../schema/rules/dates';
import { localDayOf } from './local-days';

export { MANUAL_PUNCH_LABELS, ManualPunchInput } from '../../../../schema/api/site';

/** A phone's clock may run a little ahead of the server's; beyond this a punch is "in the future". */
export const CLOCK_SKEW_MS = 60_000;

/** The employment a manual punch is for, as the rules need it. */
export interface ManualPunchTarget {
  status: string;
  entry_date: IsoDate;
}

export interface Refusal {
  kind: 'invalid' | 'conflict';
  rule: string;
  message: string;
  field?: string;
}

/** Why a manual punch at `at` for `target` is refused at `now`, or null when it may be added. */
export function manualPunchRefusal(target: ManualPunchTarget, at: Date, now: Date): Refusal | null {
  if (target.status !== 'on_site') return { kind: 'conflict', rule: 'NOT_ON_SITE', message: '该人员已退场，不能补录打卡' };
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    return { kind: 'invalid', rule: 'PUNCH_IN_FUTURE', message: '打卡时间不能晚于当前时间', field: 'punched_at' };
  }
  if (isBefore(localDayOf(at), target.entry_date)) {
    return { kind: 'invalid', rule: 'PUNCH_BEFORE_ENTRY', message: `打卡时间不能早于进场日期 ${target.entry_date}`, field: 'punched_at' };
  }
  return null;
}

/** The unique key of a manual punch: one per employment and instant, so a double submit is refused. */
export function manualDedupKey(employment: number, at: Date): string {
  return `manual|${employment}|${at.toISOString()}`;
}
