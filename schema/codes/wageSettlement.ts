/**
 * 工资结算方式: how a worker's wage is reckoned, with the unit the amount field shows.
 * Values are stable slugs; `unit` is the default unit of the amount (元/<unit>), and modes with
 * `freeUnit` let the form replace it (计件 by 平方米, 吨 …). A null unit means a plain 元 amount.
 */
import type { CodeListWith, CodeValue } from './code-list';

export const WAGE_SETTLEMENT_MODES = [
  { value: 'hourly', label: '计时', unit: '小时', freeUnit: false },
  { value: 'daily', label: '计天', unit: '天', freeUnit: false },
  { value: 'piece', label: '计量/计件', unit: '件', freeUnit: true },
  { value: 'monthly', label: '包月', unit: '月', freeUnit: false },
  { value: 'quota', label: '定额', unit: null, freeUnit: true },
  { value: 'other', label: '其它', unit: null, freeUnit: true },
] as const satisfies CodeListWith<{ unit: string | null; freeUnit: boolean }>;

export type WageSettlementMode = CodeValue<typeof WAGE_SETTLEMENT_MODES>;

/** Units offered for 计量/计件 (the national contract upload knows 米, 平方米, 立方米). */
export const PIECE_UNITS = ['件', '米', '平方米', '立方米', '吨', '个', '套', '延米'] as const;

/** The amount label for a mode, e.g. 'daily' → '元/天', 'piece' with '平方米' → '元/平方米'. */
export function wageUnitLabel(mode: WageSettlementMode, customUnit?: string): string {
  const item = WAGE_SETTLEMENT_MODES.find((entry) => entry.value === mode);
  const custom = item?.freeUnit ? customUnit?.trim() : undefined;
  const unit = custom || item?.unit;
  return unit ? `元/${unit}` : '元';
}
