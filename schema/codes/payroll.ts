/**
 * 工资表: the monthly wage roster's states and each line's payment state.
 */
import type { CodeList, CodeValue } from './code-list';

/** A roster is drafted (generated from attendance, editable) and then confirmed (frozen). */
export const PAYROLL_STATUSES = [
  { value: 'draft', label: '草稿' },
  { value: 'confirmed', label: '已确认' },
] as const satisfies CodeList;

export type PayrollStatus = CodeValue<typeof PAYROLL_STATUSES>;

/** What the payroll bank did with a line: still to pay, paid, or refused (wrong card, closed account …). */
export const PAYMENT_STATUSES = [
  { value: 'unpaid', label: '未发放' },
  { value: 'paid', label: '已发放' },
  { value: 'failed', label: '发放失败' },
] as const satisfies CodeList;

export type PaymentStatus = CodeValue<typeof PAYMENT_STATUSES>;
