/**
 * 修改工资明细: units (计件/定额 工程量), 实发 and the note while the roster is a draft; the payment
 * state (发放状态) only once it is confirmed. Recomputes 应发 and the roster's totals, audited, in the
 * caller's transaction.
 */
import type { Knex } from 'knex';
import type { WageSettlementMode } from '../../../../schema/codes';
import { writeAudit } from '../audit/write-audit';
import { conflict, invalid, notYours } from '../http/errors';
import type { ProjectScope } from '../http/scope';
import { computeLine, takesUnits } from './compute-line';
import { fromCents, toCents } from './money';
import { monthSpan } from './month';
import type { LineEdit, LineEditResult } from '../../../../schema/api/payroll';
import { assertDraft, payrollOf, writeTotals } from './payroll-state';
import { figuresOf } from './stored-line';

const pick = (row: Record<string, unknown>, keys: readonly string[]) => Object.fromEntries(keys.map((key) => [key, row[key] ?? null]));

/** Applies `edit` to line `lineId` of the caller's roster of `month`; answers the changed columns. */
export async function editLine(trx: Knex, scope: ProjectScope, month: string, lineId: number, edit: LineEdit): Promise<{ changed: string[] }> {
  const payroll = await payrollOf(trx, scope, month);
  const line = await trx('payroll_lines').where({ id: lineId, payroll: payroll['id'] }).first();
  if (!line) throw notYours();
  if ('units' in edit || 'amount_paid' in edit || 'note' in edit) assertDraft(payroll);
  if (edit.payment_status !== undefined && payroll['status'] !== 'confirmed') {
    throw conflict('PAYROLL_NOT_CONFIRMED', '工资表确认后才能标记发放状态');
  }

  const changes: Record<string, unknown> = {};
  if (edit.units !== undefined) {
    if (!takesUnits((line.wage_method as WageSettlementMode | null) ?? null)) throw invalid('UNITS_NOT_APPLICABLE', '只有计件、定额人员需要录入工程量', 'units');
    const unitsCenti = edit.units === null ? null : toCents(edit.units);
    changes['units'] = edit.units;
    changes['amount_due'] = fromCents(computeLine(figuresOf(line, monthSpan(month), unitsCenti)).dueFen);
  }
  const adjusted = edit.amount_paid === undefined ? Boolean(line.paid_adjusted) : edit.amount_paid !== null;
  if (edit.amount_paid !== undefined) changes['paid_adjusted'] = adjusted;
  if (edit.amount_paid !== undefined && edit.amount_paid !== null) changes['amount_paid'] = edit.amount_paid;
  else if (!adjusted) changes['amount_paid'] = changes['amount_due'] ?? Number(line.amount_due);
  if (edit.note !== undefined) changes['note'] = edit.note || null;
  if (edit.payment_status !== undefined) changes['payment_status'] = edit.payment_status;

  const changed = Object.keys(changes).filter((key) => !sameValue(changes[key], line[key]));
  if (!changed.length) return { changed };
  await trx('payroll_lines').where({ id: lineId }).update(pick(changes, changed));
  if (changed.includes('amount_due') || changed.includes('amount_paid')) await writeTotals(trx, Number(payroll['id']));
  await writeAudit(trx, {
    actor: scope.userId,
    actorKind: 'user',
    project: scope.projectId,
    action: changed.length === 1 && changed[0] === 'payment_status' ? 'payroll.payment' : 'payroll.line.edit',
    collection: 'payroll_lines',
    item: lineId,
    before: pick(line, changed),
    after: pick(changes, changed),
    note: `工资表 ${month}：${String(line.name)}`,
  });
  return { changed };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a === 'boolean') return a === Boolean(b);
  if (typeof a === 'number') return a === Number(b);
  return String(a) === String(b);
}
