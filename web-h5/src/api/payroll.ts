import type { GeneratedRoster, LineEditPayload, LineEditResult, PaymentsResult, PayrollRoster, PayrollSummary } from '../../../schema/api';
import type { PaymentStatus } from '@/shared/schema';
import { call } from './client';

export type { GeneratedRoster, LineEditPayload, LineEditResult, PaymentsResult, PayrollLine, PayrollRoster, PayrollSummary } from '../../../schema/api';

export function fetchPayrolls(): Promise<PayrollSummary[]> {
  return call<PayrollSummary[]>('/platform/payrolls');
}

export function fetchPayroll(month: string): Promise<PayrollRoster> {
  return call<PayrollRoster>(`/platform/payrolls/${month}`);
}

/** 生成/刷新: builds the month's draft from attendance, keeping entered units, 实发 and notes. */
export function generatePayroll(month: string): Promise<GeneratedRoster> {
  return call<GeneratedRoster>('/platform/payrolls', { method: 'POST', body: { month } });
}

export function updatePayrollLine(month: string, line: number, payload: LineEditPayload): Promise<LineEditResult> {
  return call<LineEditResult>(`/platform/payrolls/${month}/lines/${line}`, { method: 'PATCH', body: payload });
}

export function confirmPayroll(month: string): Promise<PayrollRoster> {
  return call<PayrollRoster>(`/platform/payrolls/${month}/confirm`, { method: 'POST' });
}

/** 发放状态 of some lines, or all when `lines` is left out. */
export function markPayments(month: string, status: PaymentStatus, lines?: number[]): Promise<PaymentsResult> {
  return call<PaymentsResult>(`/platform/payrolls/${month}/payments`, { method: 'PUT', body: lines ? { status, lines } : { status } });
}
