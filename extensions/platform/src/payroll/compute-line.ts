/**
 * 应发金额 of one roster line from the employment's wage settlement (工资结算方式) and the month's
 * attendance. Pure: integers in, integers out (see money.ts); rounded once, half up to the fen.
 *
 * | method | 应发 |
 * | --- | --- |
 * | hourly 计时 | rate × hours on valid days (工时 of 有效出勤 only) |
 * | daily 计天 | rate × valid days (有效出勤天数) |
 * | piece 计量/计件, quota 定额 | rate × units entered by project staff (no units yet → 0, flagged) |
 * | monthly 包月 | monthly rate × calendar days on site in the month ÷ days in the month: a full month on site is paid in full whatever the attendance; entry or exit within the month prorates it |
 * | other 其它, no method, no rate | 0, flagged: 实发 is entered by hand |
 *
 * A valid day is the attendance rule's 有效出勤 (PLATFORM_ATTENDANCE_VALID_*), the same days every rate counts.
 */
import type { WageSettlementMode } from '../../../../schema/codes';
import { mulDivHalfUp } from './money';

export interface LineFigures {
  method: WageSettlementMode | null;
  /** wage_amount in fen (元/小时, 元/天, 元/件 or 元/月); null when not set. */
  rateFen: number | null;
  /** Valid attendance days in the month. */
  days: number;
  /** Hours of the valid days, in hundredths of an hour. */
  hoursCenti: number;
  /** Units entered for piece and quota work, in hundredths; null when not entered. */
  unitsCenti: number | null;
  /** Calendar days of the month between entry and exit (inclusive). */
  daysOnSite: number;
  daysInMonth: number;
}

/** Why a line's 应发 could not be computed and needs a person's input. */
export type LineGap = 'NO_METHOD' | 'NO_RATE' | 'NO_UNITS' | 'NO_RULE';

export interface LineAmount {
  dueFen: number;
  gap: LineGap | null;
}

export const LINE_GAP_MESSAGES: Readonly<Record<LineGap, string>> = {
  NO_METHOD: '未设置工资结算方式，请填写实发金额',
  NO_RATE: '未设置工资标准，请填写实发金额',
  NO_UNITS: '请录入工程量',
  NO_RULE: '其它结算方式，请填写实发金额',
};

/** 应发 in fen for one line, or 0 with the gap a person has to fill. */
export function computeLine(figures: LineFigures): LineAmount {
  const { method, rateFen } = figures;
  if (!method) return { dueFen: 0, gap: 'NO_METHOD' };
  if (method === 'other') return { dueFen: 0, gap: 'NO_RULE' };
  if (rateFen === null) return { dueFen: 0, gap: 'NO_RATE' };
  switch (method) {
    case 'hourly':
      return { dueFen: mulDivHalfUp(rateFen, figures.hoursCenti, 100), gap: null };
    case 'daily':
      return { dueFen: rateFen * figures.days, gap: null };
    case 'piece':
    case 'quota':
      if (figures.unitsCenti === null) return { dueFen: 0, gap: 'NO_UNITS' };
      return { dueFen: mulDivHalfUp(rateFen, figures.unitsCenti, 100), gap: null };
    case 'monthly':
      return { dueFen: mulDivHalfUp(rateFen, Math.min(figures.daysOnSite, figures.daysInMonth), figures.daysInMonth), gap: null };
  }
}

/** Whether units are entered for this method (计件, 定额). */
export function takesUnits(method: WageSettlementMode | null): boolean {
  return method === 'piece' || method === 'quota';
}
