/**
 * 银行代发文件: a confirmed roster in the shape payroll banks import for 农民工工资代发 — one sheet,
 * the header on the first row (no title lines, no totals row: import templates read every row
 * below the header as a transfer), full ID and card numbers as text (it goes to the bank; the
 * export pipeline audits the download). Lines with 实发 0 are left out: a bank refuses zero
 * transfers. An export kind (`payroll-bank`) of the shared pipeline in `exports/`.
 */
import type { Knex } from 'knex';
import { conflict } from '../http/errors';
import { defineExport } from '../exports/export-kind';
import { defineSheet } from '../exports/workbook';
import { BankFileParams } from '../../../../schema/api/exports';

export interface BankFileRow {
  seq: number;
  name: string;
  id_number: string;
  bank_card_no: string | null;
  bank_name: string | null;
  amount: number;
  note: string | null;
}

/** The bank file's columns, in the payroll banks' import order. */
export const BANK_FILE_HEADERS = ['序号', '姓名', '证件号码', '银行卡号', '开户银行', '实发金额', '备注'] as const;

async function confirmedPayroll(database: Knex, projectId: number, month: string): Promise<{ id: number }> {
  const payroll = await database('payrolls').select('id', 'status').where({ project: projectId, month }).first();
  if (!payroll || payroll.status !== 'confirmed') throw conflict('PAYROLL_NOT_CONFIRMED', '工资表确认后才能导出银行代发文件');
  return { id: Number(payroll.id) };
}

/** The rows to pay, in roster order (team, name). */
export async function bankFileRows(database: Knex, payrollId: number): Promise<BankFileRow[]> {
  const lines: Record<string, unknown>[] = await database('payroll_lines')
    .select('name', 'id_number', 'bank_card_no', 'bank_name', 'amount_paid', 'note')
    .where({ payroll: payrollId })
    .andWhere('amount_paid', '>', 0)
    .orderBy([{ column: 'team_name' }, { column: 'name' }, { column: 'id' }]);
  return lines.map((line, index) => ({
    seq: index + 1,
    name: String(line['name']),
    id_number: String(line['id_number']),
    bank_card_no: (line['bank_card_no'] as string | null) ?? null,
    bank_name: (line['bank_name'] as string | null) ?? null,
    amount: Number(line['amount_paid']),
    note: (line['note'] as string | null) ?? null,
  }));
}

export const payrollBankExport = defineExport<BankFileParams>({
  kind: 'payroll-bank',
  label: '银行代发文件',
  params: BankFileParams,
  labels: { month: '工资月份' },
  check: async (ctx, params) => {
    await confirmedPayroll(ctx.database, ctx.project.id, params.month);
  },
  filename: (ctx, params) => `银行代发-${ctx.project.code ?? ctx.project.id}-${params.month}.xlsx`,
  build: async (ctx, params) => {
    const payroll = await confirmedPayroll(ctx.database, ctx.project.id, params.month);
    const rows = await bankFileRows(ctx.database, payroll.id);
    const [seq, name, idNumber, card, bank, amount, note] = BANK_FILE_HEADERS;
    const sheet = defineSheet<BankFileRow>({
      name: `${params.month}工资`,
      columns: [
        { header: seq, value: (r) => r.seq, format: 'integer', align: 'center' },
        { header: name, value: (r) => r.name },
        { header: idNumber, value: (r) => r.id_number, format: 'text' },
        { header: card, value: (r) => r.bank_card_no, format: 'text' },
        { header: bank, value: (r) => r.bank_name },
        { header: amount, value: (r) => r.amount, format: 'decimal' },
        { header: note, value: (r) => r.note },
      ],
      rows,
    });
    return { sheets: [sheet], masked: false, rows: rows.length };
  },
});
