import type { PaymentStatus, PayrollStatus, WageSettlementMode } from '@/shared/schema';
import { call } from './client';

/** A roster's head (`GET /platform/payrolls` items, `payroll` of a month). */
export interface PayrollSummary {
  id: number;
  month: string;
  status: PayrollStatus;
  line_count: number;
  total_due: number;
  total_paid: number;
  generated_at: string | null;
  confirmed_at: string | null;
}

/** One person of a roster; ID and card numbers come masked. */
export interface PayrollLine {
  id: number;
  employment: number;
  name: string;
  id_number: string;
  bank_card_no: string | null;
  bank_name: string | null;
  team_name: string | null;
  wage_method: WageSettlementMode | null;
  wage_amount: number | null;
  wage_unit: string | null;
  days: number;
  hours: number;
  days_on_site: number;
  units: number | null;
  amount_due: number;
  amount_paid: number;
  paid_adjusted: boolean;
  payment_status: PaymentStatus;
  note: string | null;
  /** What the line still needs before the roster can be confirmed. */
  gap: { code: string; message: string } | null;
}

/** `GET /platform/payrolls/:month`: `payroll` is null until the month is generated. */
export interface PayrollRoster {
  month: string;
  account: { payroll_bank: string | null; payroll_account_name: string | null; payroll_account_no: string | null };
  payroll: PayrollSummary | null;
  lines: PayrollLine[];
}

export interface LineEditPayload {
  units?: number | null;
  /** null hands 实发 back to the computed 应发. */
  amount_paid?: number | null;
  note?: string | null;
  payment_status?: PaymentStatus;
}

export function fetchPayrolls(): Promise<PayrollSummary[]> {
  return call<PayrollSummary[]>('/platform/payrolls');
}

export function fetchPayroll(month: string): Promise<PayrollRoster> {
  return call<PayrollRoster>(`/platform/payrolls/${month}`);
}

/** 生成/刷新: builds the month's draft from attendance, keeping entered units, 实发 and notes. */
export function generatePayroll(month: string): Promise<PayrollRoster> {
  return call<PayrollRoster>('/platform/payrolls', { method: 'POST', body: { month } });
}

export function updatePayrollLine(month: string, line: number, payload: LineEditPayload): Promise<{ changed: string[] }> {
  return call<{ changed: string[] }>(`/platform/payrolls/${month}/lines/${line}`, { method: 'PATCH', body: payload });
}

export function confirmPayroll(month: string): Promise<PayrollRoster> {
  return call<PayrollRoster>(`/platform/payrolls/${month}/confirm`, { method: 'POST' });
}

/** 发放状态 of some lines, or all when `lines` is left out. */
export function markPayments(month: string, status: PaymentStatus, lines?: number[]): Promise<{ updated: number }> {
  return call<{ updated: number }>(`/platform/payrolls/${month}/payments`, { method: 'PUT', body: lines ? { status, lines } : { status } });
}
