/**
 * 确认工资表: freezes a draft roster. Refused while a line still lacks what its 应发 needs (units
 * for 计件/定额, or a hand-set 实发 where no rule applies) or a line with money to pay has no wage
 * card — the bank file could not pay it. Audited with the totals, in the caller's transaction.
 */
import type { Knex } from 'knex';
import { writeAudit } from '../audit/write-audit';
import { dbNow } from '../db/values';
import { conflict } from '../http/errors';
import type { ProjectScope } from '../http/scope';
import { monthSpan } from './month';
import { assertDraft, payrollOf, writeTotals, type PayrollTotals } from './payroll-state';
import { isIncomplete } from './stored-line';

/** '张三、李四、王五等 7 人' */
function names(lines: readonly Record<string, unknown>[]): string {
  const shown = lines.slice(0, 3).map((line) => String(line['name'])).join('、');
  return lines.length > 3 ? `${shown}等 ${lines.length} 人` : shown;
}

export async function confirmPayroll(trx: Knex, scope: ProjectScope, month: string): Promise<PayrollTotals & { confirmed_at: string }> {
  const payroll = await payrollOf(trx, scope, month);
  assertDraft(payroll);
  const span = monthSpan(month);
  const lines: Record<string, unknown>[] = await trx('payroll_lines').where({ payroll: payroll['id'] }).orderBy('id');
  if (!lines.length) throw conflict('PAYROLL_EMPTY', '工资表没有人员，不能确认');
  const incomplete = lines.filter((line) => isIncomplete(line, span));
  if (incomplete.length) throw conflict('PAYROLL_INCOMPLETE', `${names(incomplete)}的工资未算出（未录入工程量或工资标准），请补录后再确认`);
  const noCard = lines.filter((line) => Number(line['amount_paid']) > 0 && !line['bank_card_no']);
  if (noCard.length) throw conflict('BANK_CARD_MISSING', `${names(noCard)}没有工资卡号，请在人员编辑中补录后刷新工资表`);

  const totals = await writeTotals(trx, Number(payroll['id']));
  const confirmedAt = new Date().toISOString();
  await trx('payrolls').where({ id: payroll['id'] }).update({ status: 'confirmed', confirmed_at: dbNow(trx), confirmed_by: scope.userId });
  await writeAudit(trx, {
    actor: scope.userId,
    actorKind: 'user',
    project: scope.projectId,
    action: 'payroll.confirm',
    collection: 'payrolls',
    item: Number(payroll['id']),
    before: { status: 'draft' },
    after: { status: 'confirmed', month, ...totals },
    note: `确认工资表 ${month}`,
  });
  return { ...totals, confirmed_at: confirmedAt };
}
