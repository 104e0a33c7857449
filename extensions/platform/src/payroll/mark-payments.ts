/**
 * 标记发放状态: after the bank has run the transfer, project staff record per line whether it was
 * paid or failed. Only on a confirmed roster; the amounts stay frozen. Audited, one transaction.
 */
import type { Knex } from 'knex';
import { writeAudit } from '../audit/write-audit';
import { conflict, invalid } from '../http/errors';
import type { ProjectScope } from '../http/scope';
import type { PaymentMark, PaymentsResult } from '../../../../schema/api/payroll';
import { payrollOf } from './payroll-state';

export async function markPayments(trx: Knex, scope: ProjectScope, month: string, mark: PaymentMark): Promise<{ updated: number }> {
  const payroll = await payrollOf(trx, scope, month);
  if (payroll['status'] !== 'confirmed') throw conflict('PAYROLL_NOT_CONFIRMED', '工资表确认后才能标记发放状态');
  const lines: { id: number; payment_status: string }[] = await trx('payroll_lines').select('id', 'payment_status').where({ payroll: payroll['id'] });
  const wanted = mark.lines ? new Set(mark.lines) : null;
  if (wanted) {
    const known = new Set(lines.map((line) => Number(line.id)));
    if ([...wanted].some((id) => !known.has(id))) throw invalid('LINE_UNKNOWN', '所选工资明细不属于该工资表', 'lines');
  }
  const ids = lines.filter((line) => (!wanted || wanted.has(Number(line.id))) && line.payment_status !== mark.status).map((line) => Number(line.id));
  for (let i = 0; i < ids.length; i += 400) await trx('payroll_lines').whereIn('id', ids.slice(i, i + 400)).update({ payment_status: mark.status });
  if (ids.length) {
    await writeAudit(trx, {
      actor: scope.userId,
      actorKind: 'user',
      project: scope.projectId,
      action: 'payroll.payment',
      collection: 'payrolls',
      item: Number(payroll['id']),
      after: { month, payment_status: mark.status, lines: ids },
      note: `工资表 ${month}：${ids.length} 人标记发放状态`,
    });
  }
  return { updated: ids.length };
}
