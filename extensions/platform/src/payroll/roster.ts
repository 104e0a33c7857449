/**
 * 工资表 for reading: the project's months, and one month's roster with its lines. ID and card
 * numbers are masked (the H5 never needs them in full; the bank file has them).
 */
import type { Knex } from 'knex';
import type { PayrollLine, PayrollRoster, PayrollSummary } from '../../../../schema/api/payroll';
import { maskBankAccount, maskIdNumber } from '../../../../schema/rules';
import { fromDbRow, readNumber, readText } from '../db/values';
import type { ProjectScope } from '../http/scope';
import { LINE_GAP_MESSAGES } from './compute-line';
import { monthSpan } from './month';
import { amountOf } from './stored-line';

const SUMMARY = ['id', 'month', 'status', 'line_count', 'total_due', 'total_paid', 'generated_at', 'confirmed_at'] as const;

function summary(row: Record<string, unknown>): PayrollSummary {
  const item = fromDbRow('payrolls', row);
  return {
    id: Number(item['id']),
    month: String(item['month']),
    status: item['status'] as PayrollSummary['status'],
    line_count: Number(item['line_count'] ?? 0),
    total_due: Number(item['total_due'] ?? 0),
    total_paid: Number(item['total_paid'] ?? 0),
    generated_at: (item['generated_at'] as string | null) ?? null,
    confirmed_at: (item['confirmed_at'] as string | null) ?? null,
  };
}

/** The caller's rosters, newest month first. */
export async function listPayrolls(database: Knex, scope: ProjectScope): Promise<PayrollSummary[]> {
  const rows: Record<string, unknown>[] = await database('payrolls').select(...SUMMARY).where({ project: scope.projectId }).orderBy('month', 'desc');
  return rows.map(summary);
}

/** One month of the caller's project: the roster (null before it is generated), its lines and the payroll account. */
export async function readRoster(database: Knex, scope: ProjectScope, month: string): Promise<PayrollRoster> {
  const span = monthSpan(month);
  const project = await database('projects').select('payroll_bank', 'payroll_account_name', 'payroll_account_no').where({ id: scope.projectId }).first();
  const account = {
    payroll_bank: project?.payroll_bank ?? null,
    payroll_account_name: project?.payroll_account_name ?? null,
    payroll_account_no: project?.payroll_account_no ? maskBankAccount(String(project.payroll_account_no)) : null,
  };
  const payroll = await database('payrolls').select(...SUMMARY).where({ project: scope.projectId, month }).first();
  if (!payroll) return { month, account, payroll: null, lines: [] };
  const rows: Record<string, unknown>[] = await database('payroll_lines').where({ payroll: payroll.id }).orderBy([{ column: 'team_name' }, { column: 'name' }, { column: 'id' }]);
  const lines = rows.map((row): PayrollLine => {
    const { gap } = amountOf(row, span);
    return {
      id: Number(row['id']),
      employment: Number(row['employment']),
      name: String(row['name']),
      id_number: maskIdNumber(String(row['id_number'])),
      bank_card_no: row['bank_card_no'] ? maskBankAccount(String(row['bank_card_no'])) : null,
      bank_name: readText(row['bank_name']),
      team_name: readText(row['team_name']),
      wage_method: (row['wage_method'] as PayrollLine['wage_method']) ?? null,
      wage_amount: readNumber(row['wage_amount']),
      wage_unit: readText(row['wage_unit']),
      days: Number(row['days'] ?? 0),
      hours: Number(row['hours'] ?? 0),
      days_on_site: Number(row['days_on_site'] ?? 0),
      units: readNumber(row['units']),
      amount_due: Number(row['amount_due'] ?? 0),
      amount_paid: Number(row['amount_paid'] ?? 0),
      paid_adjusted: Boolean(row['paid_adjusted']),
      payment_status: row['payment_status'] as PayrollLine['payment_status'],
      note: readText(row['note']),
      // What the line still needs (shown on the H5); null once 实发 was set by hand.
      gap: gap && !row['paid_adjusted'] ? { code: gap, message: LINE_GAP_MESSAGES[gap] } : null,
    };
  });
  return { month, account, payroll: summary(payroll), lines };
}
