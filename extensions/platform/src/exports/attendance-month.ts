/**
 * 考勤表: a month × person sheet of one project from the daily roll-up (`attendance_days`), not
 * raw punches. One row per stay on site on any day of the month, grouped by team; a column per
 * day (marks in `month-grid.ts`); 出勤天数 and 工时合计 count valid days only; the totals row gives
 * each day's 出勤人数.
 */
import type { Knex } from 'knex';
import { AttendanceMonthParams } from '../../../../schema/api/exports';
import { MANAGEMENT_POSTS, TRADES, labelOf } from '../../../../schema/codes';
import { dbDate, readDate } from '../db/values';
import { invalid } from '../http/errors';
import { defineExport, type ExportViewer } from './export-kind';
import { seesFullData, shownIdNumber } from './masking';
import { dayMark, monthDays, monthRange, monthTotals, type DayKind, type DayRecord, type MonthDay, type Stay } from './month-grid';
import { exportTime } from './roster';
import { defineSheet, type CellStyle, type SheetColumn } from './workbook';

/** One row of the sheet: a stay and its days of the month. */
export interface MonthSheetRow extends Stay {
  seq: number;
  name: string;
  id_number: string;
  team_name: string | null;
  role: string | null;
  trade: string | null;
  card_no: string | null;
  days: Map<string, DayRecord>;
}

const DAY_STYLES: Partial<Record<DayKind, CellStyle>> = {
  off_site: { fill: 'EDEDED', color: '9E9E9E' },
  invalid: { color: 'C55A11' },
  valid: { color: '1E7B34' },
};

export const MONTH_LEGEND = '✓ 有效出勤（后附工时）  ○ 有打卡未达有效出勤  — 未在场（进场前或退场后）  空白 无打卡；出勤天数、工时合计只计有效出勤日';

function monthOf(params: AttendanceMonthParams, today: string): string {
  return params.month ?? today.slice(0, 7);
}

/** The sheet's columns: who, one per day, then the month's totals. */
export function monthColumns(role: ExportViewer['role'], days: readonly MonthDay[], today: string): SheetColumn<MonthSheetRow>[] {
  const dayColumns: SheetColumn<MonthSheetRow>[] = days.map((day) => ({
    header: `${day.day}\n${day.weekday}`,
    value: (row) => dayMark(day.date, row, row.days.get(day.date), today).text,
    style: (row) => DAY_STYLES[dayMark(day.date, row, row.days.get(day.date), today).kind] ?? null,
    width: 6,
    align: 'center',
    // 出勤人数 that day.
    total: (rows) => rows.filter((row) => row.days.get(day.date)?.valid).length,
  }));
  return [
    { header: '序号', value: (r) => r.seq, format: 'integer', align: 'center' },
    { header: '姓名', value: (r) => r.name },
    { header: '班组', value: (r) => r.team_name },
    { header: '工种/岗位', value: (r) => labelOf(r.role === 'manager' ? MANAGEMENT_POSTS : TRADES, r.trade) ?? r.trade },
    { header: '证件号码', value: (r) => shownIdNumber(role, r.id_number), format: 'text' },
    { header: '考勤卡号', value: (r) => r.card_no, format: 'text' },
    ...dayColumns,
    { header: '出勤天数', value: (r) => monthTotals(r.days.values()).validDays, format: 'integer', total: 'sum', align: 'center' },
    { header: '工时合计', value: (r) => monthTotals(r.days.values()).validHours, format: 'decimal', total: 'sum' },
  ];
}

/** Stays of the project on site on any day of the month, with their roll-up days, in team order. */
export async function readMonthSheet(database: Knex, projectId: number, month: string): Promise<MonthSheetRow[]> {
  const { first, last } = monthRange(month);
  const stays: Record<string, unknown>[] = await database('employments')
    .join('people', 'people.id', 'employments.person')
    .leftJoin('teams', 'teams.id', 'employments.team')
    .where('employments.project', projectId)
    .andWhere('employments.entry_date', '<=', dbDate(database, last))
    .andWhere((w) => w.whereNull('employments.exit_date').orWhere('employments.exit_date', '>=', dbDate(database, first)))
    .select(
      'employments.id',
      'employments.role',
      'employments.trade',
      'employments.card_no',
      'employments.entry_date',
      'employments.exit_date',
      'people.name',
      'people.id_number',
      'teams.name as team_name',
    )
    .orderBy('teams.name')
    .orderBy('people.name')
    .orderBy('employments.id');
  const days: Record<string, unknown>[] = await database('attendance_days')
    .where('project', projectId)
    .andWhere('day', '>=', dbDate(database, first))
    .andWhere('day', '<=', dbDate(database, last))
    .select('employment', 'day', 'hours', 'valid');
  const byStay = new Map<number, Map<string, DayRecord>>();
  for (const row of days) {
    const day = readDate(row['day']);
    if (!day) continue;
    const id = Number(row['employment']);
    let map = byStay.get(id);
    if (!map) byStay.set(id, (map = new Map()));
    map.set(day, { hours: row['hours'] === null ? null : Number(row['hours']), valid: Boolean(row['valid']) });
  }
  return stays.map((row, index) => ({
    seq: index + 1,
    name: String(row['name']),
    id_number: String(row['id_number']),
    team_name: row['team_name'] == null ? null : String(row['team_name']),
    role: row['role'] == null ? null : String(row['role']),
    trade: row['trade'] == null ? null : String(row['trade']),
    card_no: row['card_no'] == null ? null : String(row['card_no']),
    entry_date: readDate(row['entry_date']),
    exit_date: readDate(row['exit_date']),
    days: byStay.get(Number(row['id'])) ?? new Map(),
  }));
}

export const attendanceMonthExport = defineExport({
  kind: 'attendance-month',
  label: '考勤表',
  params: AttendanceMonthParams,
  labels: { month: '月份' },
  check: ({ today }, params) => {
    const month = monthOf(params, today);
    if (month > today.slice(0, 7)) throw invalid('MONTH_IN_FUTURE', '不能导出本月之后的考勤表', 'month');
    if (month < '2000-01') throw invalid('TOO_SMALL', '月份不能早于 2000-01', 'month');
  },
  filename: ({ project, today }, params) => `考勤表-${project.name}-${monthOf(params, today)}.xlsx`,
  build: async ({ database, project, viewer, today, now }, params) => {
    const month = monthOf(params, today);
    const rows = await readMonthSheet(database, project.id, month);
    const days = monthDays(month);
    const masked = !seesFullData(viewer.role);
    const sheet = defineSheet({
      name: `${month} 考勤表`,
      caption: [
        `${project.name} ${month.replace('-', ' 年 ')} 月考勤表`,
        `项目编码 ${project.code ?? '—'} · 共 ${rows.length} 人 · 导出时间 ${exportTime(now)}${masked ? ' · 证件号码已脱敏' : ''}`,
        MONTH_LEGEND,
      ],
      columns: monthColumns(viewer.role, days, today),
      rows,
      totals: { label: '合计（出勤人数）' },
    });
    return { sheets: [sheet], masked, rows: rows.length };
  },
});
