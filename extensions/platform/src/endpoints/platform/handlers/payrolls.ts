import { LineEdit, PaymentMark, PAYROLL_LABELS, PayrollMonth, type GeneratedRoster, type LineEditResult, type PaymentsResult, type PayrollRoster, type PayrollSummary } from '../../../../../../schema/api/payroll';
import { todayInShanghai } from '../../../../../../schema/rules/dates';
import { projectScope } from '../../../http/scope';
import { parseInput } from '../../../http/validate';
import { confirmPayroll } from '../../../payroll/confirm-payroll';
import { editLine } from '../../../payroll/edit-line';
import { generatePayroll } from '../../../payroll/generate-payroll';
import { markPayments } from '../../../payroll/mark-payments';
import { listPayrolls, readRoster } from '../../../payroll/roster';
import type { HandlerContext } from '../context';

const monthParam = (ctx: HandlerContext) => parseInput(PayrollMonth, { month: ctx.req.params['month'] }, PAYROLL_LABELS).month;

/** GET /platform/payrolls — the project's rosters, newest month first. */
export async function getPayrolls(ctx: HandlerContext): Promise<PayrollSummary[]> {
  return listPayrolls(ctx.database, await projectScope(ctx.req, ctx.database));
}

/** GET /platform/payrolls/:month — one month's roster with its lines (masked), or `payroll: null` before it is generated. */
export async function getPayroll(ctx: HandlerContext): Promise<PayrollRoster> {
  const scope = await projectScope(ctx.req, ctx.database);
  return readRoster(ctx.database, scope, monthParam(ctx));
}

/** POST /platform/payrolls { month } — 生成/刷新 the draft roster from attendance; answers the roster. */
export async function postPayroll(ctx: HandlerContext): Promise<GeneratedRoster> {
  const scope = await projectScope(ctx.req, ctx.database);
  const { month } = parseInput(PayrollMonth, ctx.req.body, PAYROLL_LABELS);
  const today = todayInShanghai(new Date());
  const result = await ctx.database.transaction((trx) => generatePayroll(trx, scope, month, today));
  return { ...(await readRoster(ctx.database, scope, month)), generated: result };
}

/** PATCH /platform/payrolls/:month/lines/:line { units?, amount_paid?, note?, payment_status? } — answers the changed columns. */
export async function patchPayrollLine(ctx: HandlerContext): Promise<LineEditResult> {
  const scope = await projectScope(ctx.req, ctx.database);
  const month = monthParam(ctx);
  const edit = parseInput(LineEdit, ctx.req.body, PAYROLL_LABELS);
  const lineId = Number.parseInt(String(ctx.req.params['line'] ?? ''), 10) || 0;
  return ctx.database.transaction((trx) => editLine(trx, scope, month, lineId, edit));
}

/** POST /platform/payrolls/:month/confirm — freezes the roster; answers it. */
export async function confirmPayrollMonth(ctx: HandlerContext): Promise<PayrollRoster> {
  const scope = await projectScope(ctx.req, ctx.database);
  const month = monthParam(ctx);
  await ctx.database.transaction((trx) => confirmPayroll(trx, scope, month));
  return readRoster(ctx.database, scope, month);
}

/** PUT /platform/payrolls/:month/payments { status, lines? } — 发放状态 of some or all lines of a confirmed roster. */
export async function putPayments(ctx: HandlerContext): Promise<PaymentsResult> {
  const scope = await projectScope(ctx.req, ctx.database);
  const month = monthParam(ctx);
  const mark = parseInput(PaymentMark, ctx.req.body, PAYROLL_LABELS);
  return ctx.database.transaction((trx) => markPayments(trx, scope, month, mark));
}
