/**
 * 花名册: every person of a project (on site, exited, or all), one row per stay (employment).
 *
 * Masking by role (decided here, once): project staff get ID numbers and phones masked with the
 * shared rules (`maskIdNumber`, `maskPhone`) and no 住址 column (the 籍贯 column, derived from the
 * ID number's region code, stays); bureau staff and administrators get full values and 住址.
 * The roster file is meant to be forwarded and printed on site; full identity data stays with
 * the bureau (the project can still look a person up one at a time in the H5). Phone, education,
 * political status and face are the employment's own (what this project recorded); 住址 is the
 * identity's (bureau only).
 */
import type { Knex } from 'knex';
import { RosterParams, type RosterStatus } from '../../../../schema/api/exports';
import {
  EDUCATION_LEVELS,
  EMPLOYMENT_ROLES,
  EMPLOYMENT_STATUSES,
  ETHNICITIES,
  GENDERS,
  ID_TYPES,
  MANAGEMENT_POSTS,
  POLITICAL_STATUSES,
  TRADES,
  closestRegionPath,
  labelOf,
} from '../../../../schema/codes';
import { shanghaiDateTime, type IsoDate } from '../../../../schema/rules/dates';
import { ageOn } from '../../../../schema/rules/id-card';
import { readDate, readText } from '../db/values';
import { defineExport, type ExportViewer } from './export-kind';
import { seesFullData, shownIdNumber, shownPhone } from './masking';
import { defineSheet, type SheetColumn } from './workbook';

const STATUS_TITLES: Record<RosterStatus, string> = { on_site: '在场人员', exited: '已退场人员', all: '全部人员' };

/** One stay of one person, as the roster query reads it (dates already `YYYY-MM-DD`). */
export interface RosterRow {
  name: string;
  gender: string | null;
  ethnicity: string | null;
  birth_date: IsoDate | null;
  id_type: string | null;
  id_number: string;
  address: string | null;
  phone: string | null;
  education: string | null;
  political_status: string | null;
  has_face: boolean;
  unit_name: string | null;
  team_name: string | null;
  role: string | null;
  trade: string | null;
  card_no: string | null;
  entry_date: IsoDate | null;
  exit_date: IsoDate | null;
  status: string | null;
  contract_no: string | null;
}

/** 籍贯 from a resident ID number's region code ('510802…' → '四川省广元市利州区'); blank for other IDs. */
export function nativePlace(row: Pick<RosterRow, 'id_type' | 'id_number'>): string | null {
  if (row.id_type !== '01') return null;
  return closestRegionPath(row.id_number.slice(0, 6)).join('') || null;
}

function tradeLabel(row: RosterRow): string | null {
  return labelOf(row.role === 'manager' ? MANAGEMENT_POSTS : TRADES, row.trade) ?? row.trade;
}

/** The roster's columns for a viewer: masked for project staff, full (with 住址) for the bureau. */
export function rosterColumns(role: ExportViewer['role'], today: IsoDate): SheetColumn<RosterRow & { seq: number }>[] {
  const full = seesFullData(role);
  const columns: (SheetColumn<RosterRow & { seq: number }> | null)[] = [
    { header: '序号', value: (r) => r.seq, format: 'integer', align: 'center' },
    { header: '姓名', value: (r) => r.name },
    { header: '性别', value: (r) => labelOf(GENDERS, r.gender) ?? null, align: 'center' },
    { header: '民族', value: (r) => labelOf(ETHNICITIES, r.ethnicity) ?? null, align: 'center' },
    { header: '出生日期', value: (r) => r.birth_date, format: 'date' },
    { header: '年龄', value: (r) => (r.birth_date ? ageOn(r.birth_date, today) : null), format: 'integer', align: 'center' },
    { header: '证件类型', value: (r) => labelOf(ID_TYPES, r.id_type) ?? null },
    { header: '证件号码', value: (r) => shownIdNumber(role, r.id_number), format: 'text' },
    { header: '籍贯', value: nativePlace },
    full ? { header: '住址', value: (r) => r.address, width: 40 } : null,
    { header: '联系电话', value: (r) => shownPhone(role, r.phone), format: 'text' },
    { header: '文化程度', value: (r) => labelOf(EDUCATION_LEVELS, r.education) ?? null },
    { header: '政治面貌', value: (r) => labelOf(POLITICAL_STATUSES, r.political_status) ?? null },
    { header: '参建单位', value: (r) => r.unit_name, width: 30 },
    { header: '班组', value: (r) => r.team_name },
    { header: '人员类型', value: (r) => labelOf(EMPLOYMENT_ROLES, r.role) ?? null },
    { header: '工种/岗位', value: tradeLabel },
    { header: '进场日期', value: (r) => r.entry_date, format: 'date' },
    { header: '退场日期', value: (r) => r.exit_date, format: 'date' },
    { header: '状态', value: (r) => labelOf(EMPLOYMENT_STATUSES, r.status) ?? null, align: 'center' },
    { header: '考勤卡号', value: (r) => r.card_no, format: 'text' },
    { header: '劳动合同', value: (r) => r.contract_no ?? '未签订' },
    { header: '人脸', value: (r) => (r.has_face ? '已采集' : '未采集'), align: 'center' },
  ];
  return columns.filter((column): column is SheetColumn<RosterRow & { seq: number }> => column !== null);
}

/** The project's stays in roster order: team, then entry date, then registration order. */
export async function readRoster(database: Knex, projectId: number, status: RosterStatus): Promise<RosterRow[]> {
  const rows: Record<string, unknown>[] = await database('employments')
    .join('people', 'people.id', 'employments.person')
    .leftJoin('teams', 'teams.id', 'employments.team')
    .leftJoin('units', 'units.id', 'employments.unit')
    .leftJoin('contracts', 'contracts.employment', 'employments.id')
    .where('employments.project', projectId)
    .modify((query) => {
      if (status !== 'all') query.andWhere('employments.status', status);
    })
    .select(
      'people.name',
      'people.gender',
      'people.ethnicity',
      'people.birth_date',
      'people.id_type',
      'people.id_number',
      'people.address',
      'employments.phone',
      'employments.education',
      'employments.political_status',
      'employments.face_photo',
      'units.name as unit_name',
      'teams.name as team_name',
      'employments.role',
      'employments.trade',
      'employments.card_no',
      'employments.entry_date',
      'employments.exit_date',
      'employments.status',
      'contracts.contract_no',
    )
    .orderBy('teams.name')
    .orderBy('employments.entry_date')
    .orderBy('employments.id');
  return rows.map((row) => ({
    name: String(row['name']),
    gender: readText(row['gender']),
    ethnicity: readText(row['ethnicity']),
    birth_date: readDate(row['birth_date']),
    id_type: readText(row['id_type']),
    id_number: String(row['id_number']),
    address: readText(row['address']),
    phone: readText(row['phone']),
    education: readText(row['education']),
    political_status: readText(row['political_status']),
    has_face: row['face_photo'] != null,
    unit_name: readText(row['unit_name']),
    team_name: readText(row['team_name']),
    role: readText(row['role']),
    trade: readText(row['trade']),
    card_no: readText(row['card_no']),
    entry_date: readDate(row['entry_date']),
    exit_date: readDate(row['exit_date']),
    status: readText(row['status']),
    contract_no: readText(row['contract_no']),
  }));
}


export const rosterExport = defineExport({
  kind: 'roster',
  label: '花名册',
  params: RosterParams,
  labels: { status: '人员范围' },
  filename: ({ project, today }, { status }) => `花名册-${project.name}-${STATUS_TITLES[status]}-${today}.xlsx`,
  build: async ({ database, project, viewer, today, now }, { status }) => {
    const rows = (await readRoster(database, project.id, status)).map((row, index) => ({ ...row, seq: index + 1 }));
    const masked = !seesFullData(viewer.role);
    const sheet = defineSheet({
      name: '花名册',
      caption: [
        `${project.name} 花名册（${STATUS_TITLES[status]}）`,
        `项目编码 ${project.code ?? '—'} · 共 ${rows.length} 人 · 导出时间 ${exportTime(now)}${masked ? ' · 证件号码与电话已脱敏' : ''}`,
      ],
      columns: rosterColumns(viewer.role, today),
      rows,
    });
    return { sheets: [sheet], masked, rows: rows.length };
  },
});

/** `YYYY-MM-DD HH:mm` in Asia/Shanghai, for captions. */
export function exportTime(now: Date): string {
  return shanghaiDateTime(now).slice(0, 16).replace('T', ' ');
}
