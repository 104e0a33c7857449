/**
 * Excel exports (`POST /platform/exports`): the kinds the H5 asks for with their parameters, and the
 * signed short-lived link the server answers. The file itself comes from `GET /platform/exports/file`.
 */
import { z } from 'zod';
import { isPayrollMonth } from './payroll';

/** `YYYY-MM`. */
export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Who is on the 花名册: on site (default), exited, or everyone who ever was. */
export const ROSTER_STATUSES = ['on_site', 'exited', 'all'] as const;
export type RosterStatus = (typeof ROSTER_STATUSES)[number];

/** 花名册 (`kind: 'roster'`). */
export const RosterParams = z.object({
  status: z.enum(ROSTER_STATUSES, { error: '人员范围只能是在场、已退场或全部' }).default('on_site'),
});
export type RosterParams = z.infer<typeof RosterParams>;

/** 考勤表 (`kind: 'attendance-month'`). */
export const AttendanceMonthParams = z.object({
  /** `YYYY-MM`; the current month (Asia/Shanghai) when left out. */
  month: z.string({ error: '月份格式应为 YYYY-MM' }).regex(MONTH_PATTERN, '月份格式应为 YYYY-MM').optional(),
});
export type AttendanceMonthParams = z.infer<typeof AttendanceMonthParams>;

/** 银行代发文件 of a confirmed 工资表 (`kind: 'payroll-bank'`). */
export const BankFileParams = z.object({
  month: z.string({ error: '请选择工资月份' }).trim().refine(isPayrollMonth, '工资月份格式应为 YYYY-MM'),
});
export type BankFileParams = z.infer<typeof BankFileParams>;

/** One export the server offers. Project staff always export their own project; bureau staff name it. */
export type ExportRequest = (
  | ({ kind: 'roster' } & z.input<typeof RosterParams>)
  | ({ kind: 'attendance-month' } & z.input<typeof AttendanceMonthParams>)
  | ({ kind: 'payroll-bank' } & z.input<typeof BankFileParams>)
) & { project?: number };

/** `POST /platform/exports`'s answer: where to fetch the file, under which name, until when. */
export interface ExportLink {
  url: string;
  filename: string;
  /** ISO timestamp after which the link answers 400 EXPORT_LINK_EXPIRED. */
  expiresAt: string;
}
