/**
 * 生成/刷新工资表: builds or refreshes a project's draft roster for one month in the caller's
 * transaction. Who is on it: the project's workers (role `worker`; managers are paid by their
 * companies, not through the 农民工工资专用账户) on site on at least one day of the month, plus
 * anyone with a valid attendance day in it. Each line copies the person's identity, the wage card this
 * project recorded and the wage terms as they are now, counts the month's valid days and their hours from
 * `attendance_days`, and computes 应发 (compute-line.ts).
 *
 * A refresh keeps what people entered on lines still on the roster — units (工程量), a hand-set
 * 实发 (`paid_adjusted`) and the note — and recomputes everything else; lines of employments no
 * longer on it are removed. A confirmed roster is never touched (409).
 */
import type { Knex } from 'knex';
import type { WageSettlementMode } from '../../../../schema/codes';
import { type IsoDate } from '../../../../schema/rules';
import { writeAudit } from '../audit/write-audit';
import { isUniqueViolation } from '../db/unique-violation';
import { dbDate, dbNow, readDate } from '../db/values';
import { conflict, invalid } from '../http/errors';
import type { ProjectScope } from '../http/scope';
import { computeLine } from './compute-line';
import { fromCents, toCents } from './money';
import { daysOnSiteIn, monthOf, monthSpan, type MonthSpan } from './month';
import { assertDraft, writeTotals } from './payroll-state';

type Row = Record<string, unknown>;

/** The columns a refresh recomputes (everything but the entered units, adjusted 实发, note and payment state). */
interface ComputedLine {
  project: number;
  employment: number;
  name: string;
  id_number: string;
  bank_card_no: string | null;
  bank_name: string | null;
  team: number | null;
  team_name: string | null;
  wage_method: WageSettlementMode | null;
  wage_amount: number | null;
  wage_unit: string | null;
  days: number;
  hours: number;
  days_on_site: number;
  amount_due: number;
}

export interface GenerateResult {
  payroll: number;
  created: boolean;
  added: number;
  removed: number;
  lines: number;
}

/** Refuses months after the current one, and months before the project started that have no attendance. */
async function checkMonth(trx: Knex, projectId: number, span: MonthSpan, today: IsoDate): Promise<void> {
  if (span.month > monthOf(today)) throw invalid('MONTH_FUTURE', '不能生成未来月份的工资表', 'month');
  const project = await trx('projects').select('start_date').where({ id: projectId }).first();
  const start = readDate(project?.start_date);
  if (start && span.month >= monthOf(start)) return;
  const attended = await trx('attendance_days')
    .where({ project: projectId })
    .whereBetween('day', [dbDate(trx, span.first), dbDate(trx, span.last)])
    .first('id');
  if (!attended) throw invalid('MONTH_NO_ATTENDANCE', `${span.month} 早于项目开工且没有出勤记录，不能生成工资表`, 'month');
}

/** The month's workers with their person, team and wage terms. */
function rosterPeople(trx: Knex, projectId: number, span: MonthSpan) {
  const first = dbDate(trx, span.first);
  const last = dbDate(trx, span.last);
  const attended = trx('attendance_days').distinct('employment').where({ project: projectId, valid: true }).whereBetween('day', [first, last]);
  return trx('employments as e')
    .join('people as p', 'p.id', 'e.person')
    .leftJoin('teams as t', 't.id', 'e.team')
    .where('e.project', projectId)
    .andWhere('e.role', 'worker')
    .andWhere((w) => {
      w.where((overlap) => {
        overlap.where('e.entry_date', '<=', last).andWhere((exit) => exit.whereNull('e.exit_date').orWhere('e.exit_date', '>=', first));
      }).orWhereIn('e.id', attended);
    })
    .select(
      'e.id as employment',
      'e.team',
      'e.entry_date',
      'e.exit_date',
      'e.wage_method',
      'e.wage_amount',
      'e.wage_unit',
      'p.name',
      'p.id_number',
      'e.bank_card_no',
      'e.bank_name',
      't.name as team_name',
    )
    .orderBy('e.id');
}

/** Valid days and their hours (in hundredths) per employment in the month. */
async function attendanceOf(trx: Knex, projectId: number, span: MonthSpan): Promise<Map<number, { days: number; hoursCenti: number }>> {
  const rows: { employment: number; hours: number | string | null }[] = await trx('attendance_days')
    .select('employment', 'hours')
    .where({ project: projectId, valid: true })
    .whereBetween('day', [dbDate(trx, span.first), dbDate(trx, span.last)]);
  const totals = new Map<number, { days: number; hoursCenti: number }>();
  for (const row of rows) {
    const entry = totals.get(Number(row.employment)) ?? { days: 0, hoursCenti: 0 };
    entry.days += 1;
    entry.hoursCenti += toCents(row.hours) ?? 0;
    totals.set(Number(row.employment), entry);
  }
  return totals;
}

/** Finds the month's roster of the project, or creates an empty draft (the unique index settles a race). */
async function draftFor(trx: Knex, scope: ProjectScope, month: string): Promise<{ id: number; created: boolean }> {
  const existing = await trx('payrolls').select('id', 'status').where({ project: scope.projectId, month }).first();
  if (existing) {
    assertDraft(existing);
    return { id: Number(existing.id), created: false };
  }
  try {
    const [inserted] = await trx('payrolls').insert({ project: scope.projectId, month, status: 'draft', line_count: 0, total_due: 0, total_paid: 0 }, ['id']);
    const id = typeof inserted === 'object' && inserted !== null ? (inserted as { id: number }).id : inserted;
    return { id: Number(id), created: true };
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('PAYROLL_BUSY', '该月工资表正在生成，请稍后刷新');
    throw error;
  }
}

/** Generates or refreshes the draft roster of `month` ('YYYY-MM') for the caller's project. */
export async function generatePayroll(trx: Knex, scope: ProjectScope, month: string, today: IsoDate): Promise<GenerateResult> {
  const span = monthSpan(month);
  await checkMonth(trx, scope.projectId, span, today);
  const payroll = await draftFor(trx, scope, month);
  const people: Row[] = await rosterPeople(trx, scope.projectId, span);
  const attendance = await attendanceOf(trx, scope.projectId, span);
  const stored: Row[] = await trx('payroll_lines').where({ payroll: payroll.id });
  const byEmployment = new Map(stored.map((line) => [Number(line['employment']), line]));

  const inserts: Row[] = [];
  const keep = new Set<number>();
  for (const person of people) {
    const employment = Number(person['employment']);
    const old = byEmployment.get(employment);
    const units = old ? toCents(old['units'] as number | string | null) : null;
    const line = computedLine(person, attendance.get(employment), units, span, scope.projectId);
    const paid = old && Boolean(old['paid_adjusted']) ? Number(old['amount_paid']) : line.amount_due;
    if (old) {
      keep.add(Number(old['id']));
      if (changed(old, { ...line, amount_paid: paid })) await trx('payroll_lines').where({ id: old['id'] }).update({ ...line, amount_paid: paid });
    } else {
      inserts.push({ ...line, payroll: payroll.id, units: null, amount_paid: paid, paid_adjusted: false, payment_status: 'unpaid', note: null });
    }
  }
  const removed = stored.filter((line) => !keep.has(Number(line['id']))).map((line) => Number(line['id']));
  for (let i = 0; i < removed.length; i += 400) await trx('payroll_lines').whereIn('id', removed.slice(i, i + 400)).delete();
  for (let i = 0; i < inserts.length; i += 100) await trx('payroll_lines').insert(inserts.slice(i, i + 100));
  await trx('payrolls').where({ id: payroll.id }).update({ generated_at: dbNow(trx) });
  const totals = await writeTotals(trx, payroll.id);

  await writeAudit(trx, {
    actor: scope.userId,
    actorKind: 'user',
    project: scope.projectId,
    action: payroll.created ? 'payroll.generate' : 'payroll.refresh',
    collection: 'payrolls',
    item: payroll.id,
    after: { month, ...totals, added: inserts.length, removed: removed.length },
    note: `${payroll.created ? '生成' : '刷新'}工资表 ${month}`,
  });
  return { payroll: payroll.id, created: payroll.created, added: inserts.length, removed: removed.length, lines: totals.line_count };
}

function computedLine(person: Row, worked: { days: number; hoursCenti: number } | undefined, unitsCenti: number | null, span: MonthSpan, projectId: number): ComputedLine {
  const method = (person['wage_method'] as WageSettlementMode | null) ?? null;
  const rateFen = toCents(person['wage_amount'] as number | string | null);
  const days = worked?.days ?? 0;
  const hoursCenti = worked?.hoursCenti ?? 0;
  const daysOnSite = daysOnSiteIn(span, readDate(person['entry_date']), readDate(person['exit_date']));
  const { dueFen } = computeLine({ method, rateFen, days, hoursCenti, unitsCenti, daysOnSite, daysInMonth: span.days });
  return {
    project: projectId,
    employment: Number(person['employment']),
    name: String(person['name']),
    id_number: String(person['id_number']),
    bank_card_no: (person['bank_card_no'] as string | null) ?? null,
    bank_name: (person['bank_name'] as string | null) ?? null,
    team: person['team'] === null ? null : Number(person['team']),
    team_name: (person['team_name'] as string | null) ?? null,
    wage_method: method,
    wage_amount: rateFen === null ? null : fromCents(rateFen),
    wage_unit: (person['wage_unit'] as string | null) ?? null,
    days,
    hours: fromCents(hoursCenti),
    days_on_site: daysOnSite,
    amount_due: fromCents(dueFen),
  };
}

/** Whether any recomputed column differs from the stored line (decimals compare by value). */
function changed(old: Row, next: Record<string, unknown>): boolean {
  return Object.entries(next).some(([key, value]) => {
    const before = old[key] ?? null;
    if (value === null || before === null) return value !== before;
    return typeof value === 'number' ? Number(before) !== value : String(before) !== String(value);
  });
}
