/** A roster's lifecycle rules and its totals, shared by every write to it. */
import type { Knex } from 'knex';
import { conflict, notYours } from '../http/errors';
import type { ProjectScope } from '../http/scope';
import { fromCents, toCents } from './money';

export interface PayrollTotals {
  line_count: number;
  total_due: number;
  total_paid: number;
}

/** 409 unless the roster is still a draft: a confirmed roster is frozen. */
export function assertDraft(payroll: { status?: unknown }): void {
  if (payroll.status !== 'draft') throw conflict('PAYROLL_CONFIRMED', '工资表已确认，不能再修改；如需更正请联系住建局');
}

/** The caller's roster of `month`, or 403 (no roster and another project's look the same). */
export async function payrollOf(trx: Knex, scope: ProjectScope, month: string): Promise<Record<string, unknown>> {
  const payroll = await trx('payrolls').where({ project: scope.projectId, month }).first();
  if (!payroll) throw notYours();
  return payroll as Record<string, unknown>;
}

/** Sums the lines in fen and stores line count and totals on the roster. */
export async function writeTotals(trx: Knex, payrollId: number): Promise<PayrollTotals> {
  const lines: { amount_due: unknown; amount_paid: unknown }[] = await trx('payroll_lines').select('amount_due', 'amount_paid').where({ payroll: payrollId });
  let due = 0;
  let paid = 0;
  for (const line of lines) {
    due += toCents(line.amount_due as number | string | null) ?? 0;
    paid += toCents(line.amount_paid as number | string | null) ?? 0;
  }
  const totals = { line_count: lines.length, total_due: fromCents(due), total_paid: fromCents(paid) };
  await trx('payrolls').where({ id: payrollId }).update(totals);
  return totals;
}
