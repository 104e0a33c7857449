/** Request models of the 工资表 endpoints (Chinese messages; field labels for zod's own errors). */
import { z } from 'zod';
import { PAYMENT_STATUSES, valuesOf } from '../../../../schema/codes';
import { isPayrollMonth } from './month';

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
