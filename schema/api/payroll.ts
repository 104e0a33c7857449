/**
 * 工资表 (`/platform/payrolls`): the request models (Chinese messages; field labels for zod's own
 * errors) and the roster as the H5 reads it (ID and card numbers masked; the bank file has them).
 */
import { z } from 'zod';
import { PAYMENT_STATUSES, valuesOf, type PaymentStatus, type PayrollStatus, type WageSettlementMode } from '../codes';
import type { ChangedFields } from './common';

/** Whether `text` is a month 'YYYY-MM' from 2000-01 to 2099-12. */
export function isPayrollMonth(text: string): boolean {
  return /^20\d{2}-(0[1-9]|1[0-2])$/.test(text);
}

/** 实发 above this is surely a typo: 20 万元 is far beyond any worker's monthly wage. */
export const MAX_PAID_YUAN = 200_000;
/** Units (平方米, 吨 …) above this are surely a typo. */
export const MAX_UNITS = 1_000_000;

/** At most 2 decimals (fen, hundredths of a unit): what the decimal columns store. */
const twoDecimals = (value: number) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;

const month = z
  .string({ error: '请选择工资月份' })
  .trim()
  .refine(isPayrollMonth, '工资月份格式应为 YYYY-MM');

export const PayrollMonth = z.object({ month });
export type PayrollMonth = z.infer<typeof PayrollMonth>;

export const LineEdit = z
  .strictObject(
    {
    units: z
      .number({ error: '工程量须为数字' })
      .min(0, '工程量不能小于0')
      .max(MAX_UNITS, `工程量不能超过${MAX_UNITS}`)
      .refine(twoDecimals, '工程量最多保留两位小数')
      .nullable(),
    // null hands 实发 back to the computed 应发.
    amount_paid: z
      .number({ error: '实发金额须为数字' })
      .min(0, '实发金额不能小于0')
      .max(MAX_PAID_YUAN, `实发金额不能超过${MAX_PAID_YUAN}元`)
      .refine(twoDecimals, '实发金额最多保留两位小数（分）')
      .nullable(),
    note: z.string({ error: '备注须为文字' }).trim().max(200, '备注不能超过200个字').nullable(),
    payment_status: z.enum(valuesOf(PAYMENT_STATUSES), { error: '发放状态不在可选范围内' }),
    },
    { error: '只能修改工程量、实发金额、备注和发放状态' },
  )
  .partial()
  .refine((edit) => Object.keys(edit).length > 0, '请填写要修改的内容');
export type LineEdit = z.infer<typeof LineEdit>;

export const PaymentMark = z.strictObject(
  {
    status: z.enum(valuesOf(PAYMENT_STATUSES), { error: '发放状态不在可选范围内' }),
    /** Line ids; absent = every line of the roster. */
    lines: z.array(z.number().int().positive(), { error: '请选择工资明细' }).min(1, '请选择工资明细').max(5000, '一次最多标记5000条').optional(),
  },
  { error: '只能提交发放状态和工资明细' },
);
export type PaymentMark = z.infer<typeof PaymentMark>;

export const PAYROLL_LABELS: Readonly<Record<string, string>> = {
  month: '工资月份',
  units: '工程量',
  amount_paid: '实发金额',
  note: '备注',
  payment_status: '发放状态',
  status: '发放状态',
  lines: '工资明细',
};

/** What the H5 sends to `PATCH /platform/payrolls/:month/lines/:line`. */
export type LineEditPayload = z.input<typeof LineEdit>;

/** A roster's head (`GET /platform/payrolls` items, `payroll` of a month). */
export interface PayrollSummary {
  id: number;
  month: string;
  status: PayrollStatus;
  line_count: number;
  total_due: number;
  total_paid: number;
  generated_at: string | null;
  confirmed_at: string | null;
}

/** One person of a roster; ID and card numbers come masked. */
export interface PayrollLine {
  id: number;
  employment: number;
  name: string;
  id_number: string;
  bank_card_no: string | null;
  bank_name: string | null;
  team_name: string | null;
  wage_method: WageSettlementMode | null;
  wage_amount: number | null;
  wage_unit: string | null;
  days: number;
  hours: number;
  days_on_site: number;
  units: number | null;
  amount_due: number;
  amount_paid: number;
  paid_adjusted: boolean;
  payment_status: PaymentStatus;
  note: string | null;
  /** What the line still needs before the roster can be confirmed; null once 实发 was set by hand. */
  gap: { code: string; message: string } | null;
}

/** `GET /platform/payrolls/:month`: `payroll` is null until the month is generated. */
export interface PayrollRoster {
  month: string;
  account: { payroll_bank: string | null; payroll_account_name: string | null; payroll_account_no: string | null };
  payroll: PayrollSummary | null;
  lines: PayrollLine[];
}

/** 生成/刷新's answer: the roster and what the refresh did. */
export interface GeneratedRoster extends PayrollRoster {
  generated: { payroll: number; created: boolean; added: number; removed: number; lines: number };
}

/** 修改明细's answer. */
export type LineEditResult = ChangedFields;

/** 发放状态's answer: how many lines were marked. */
export interface PaymentsResult {
  updated: number;
}
