/** How the 工资表 page words money and a line's figures. */
import type { PayrollLine } from '@/api/payroll';
import { labelOf, PAYMENT_STATUSES, WAGE_SETTLEMENT_MODES, wageUnitLabel } from '@/shared/schema';

/** 1234.5 → '1,234.50' */
export function yuan(value: number): string {
  return value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** '计天 · 350 元/天' */
export function wageText(line: PayrollLine): string {
  if (!line.wage_method) return '未设置结算方式';
  const label = labelOf(WAGE_SETTLEMENT_MODES, line.wage_method) ?? line.wage_method;
  if (line.wage_amount === null) return `${label} · 未设置工资标准`;
  return `${label} · ${line.wage_amount} ${wageUnitLabel(line.wage_method, line.wage_unit ?? undefined)}`;
}

/** The figures 应发 comes from: days and hours, units, or days on site. */
export function figuresText(line: PayrollLine, daysInMonth: number): string {
  const attendance = `出勤 ${line.days} 天 · ${line.hours} 小时`;
  switch (line.wage_method) {
    case 'piece':
    case 'quota':
      return `${attendance} · 工程量 ${line.units ?? '未录入'}${line.units !== null && line.wage_unit ? ` ${line.wage_unit}` : ''}`;
    case 'monthly':
      return `在场 ${line.days_on_site}/${daysInMonth} 天 · ${attendance}`;
    default:
      return attendance;
  }
}

export function paymentLabel(status: PayrollLine['payment_status']): string {
  return labelOf(PAYMENT_STATUSES, status) ?? status;
}

/** Days of a 'YYYY-MM' month. */
export function daysOf(month: string): number {
  const [year = 2000, m = 1] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m, 0)).getUTCDate();
}

/** '2026-11' → '2026年11月' */
export function monthTitle(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** The month before or after 'YYYY-MM'. */
export function stepMonth(month: string, direction: -1 | 1): string {
  const [year = 2000, m = 1] = month.split('-').map(Number);
  const next = new Date(Date.UTC(year, m - 1 + direction, 1));
  return `${next.getUTCFullYear()}-${String(next.getUTCMonth() + 1).padStart(2, '0')}`;
}
