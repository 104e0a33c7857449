/**
 * 工资表 over HTTP: generate a month's roster from attendance_days for every settlement method, edit
 * lines, refresh keeping manual entries, confirm (then frozen: 409 and nothing changed), payment
 * states, isolation between projects, bad input, and the bank file read back with exceljs.
 * A fresh project of this file's own with last month's attendance, plus the demo city's current month.
 */
import ExcelJS from 'exceljs';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { dbDate, readDate, toDbRow } from '../extensions/platform/src/db/values';
import { workbookBuffer } from '../extensions/platform/src/exports/workbook';
import { BANK_FILE_HEADERS, payrollBankExport } from '../extensions/platform/src/payroll/bank-file';
import { monthSpan } from '../extensions/platform/src/payroll/month';
import { addDays, todayInShanghai } from '../schema/rules/dates';
import { DEMO_LOGINS } from '../seeds/demo-logins';
import { openDatabase } from './support/db';
import { createApprovedProject, type FreshProject } from './support/fresh-project';
import { api, errorOf, login } from './support/http';
import { insertOnSite, insertTeam, projectStaff } from './support/site-fixtures';

const TODAY = todayInShanghai(new Date());
const THIS_MONTH = TODAY.slice(0, 7);
/** Last month, complete whatever day the tests run. */
const MONTH = addDays(`${THIS_MONTH}-01`, -1).slice(0, 7);
const SPAN = monthSpan(MONTH);
const day = (n: number) => `${MONTH}-${String(n).padStart(2, '0')}`;
const NEXT_MONTH = addDays(`${THIS_MONTH}-01`, 40).slice(0, 7);

let db: Knex;
let project: FreshProject;
let team: { id: number; unit: number; name: string };
/** Employment ids by settlement case. */
const who: Record<'daily' | 'hourly' | 'piece' | 'monthly' | 'quota' | 'other' | 'noCard' | 'manager' | 'gone', number> = {
  daily: 0, hourly: 0, piece: 0, monthly: 0, quota: 0, other: 0, noCard: 0, manager: 0, gone: 0,
};

const path = (suffix = '') => `/platform/payrolls/${MONTH}${suffix}`;

async function setWage(employment: number, wage_method: string, wage_amount: number | null, wage_unit: string | null): Promise<void> {
  await db('employments').where({ id: employment }).update({ wage_method, wage_amount, wage_unit });
}

/** The wage card the project recorded for the person (it sits on the employment). */
async function giveCard(employment: number, card: string): Promise<void> {
  await db('employments').where({ id: employment }).update({ bank_card_no: card, bank_name: '中国农业银行广元分行' });
}

/** attendance_days rows as the roll-up leaves them: [employment, day, hours, valid]. */
async function insertDays(rows: readonly [number, string, number, boolean][]): Promise<void> {
  await db('attendance_days').insert(
    rows.map(([employment, d, hours, valid]) =>
      toDbRow(db, 'attendance_days', { project: project.id, employment, team: team.id, day: d, punch_count: valid ? 2 : 1, hours, valid }),
    ),
  );
}

async function roster(token = project.token) {
  const { status, body } = await api('GET', path(), { token });
  expect(status).toBe(200);
  return body.data;
}

const lineOf = (data: { lines: { employment: number }[] }, employment: number): any => data.lines.find((line) => line.employment === employment);

async function storedLines(): Promise<Record<string, unknown>[]> {
  const payroll = await db('payrolls').where({ project: project.id, month: MONTH }).first('id');
  return db('payroll_lines').where({ payroll: payroll.id }).orderBy('id');
}

beforeAll(async () => {
  db = openDatabase(inject('platformEnv'));
  project = await createApprovedProject('工资表测试');
  team = await insertTeam(db, project.id, { name: `工资班${Date.now() % 100000}` });
  const before = addDays(SPAN.first, -30);
  const one = async (options: Parameters<typeof insertOnSite>[3]) => (await insertOnSite(db, project.id, team, { ...options, count: 1 }))[0]!;
  const prefixes = { daily: '计天', hourly: '计时', piece: '计件', quota: '定额', other: '其它', noCard: '无卡' } as const;
  for (const [key, prefix] of Object.entries(prefixes) as [keyof typeof prefixes, string][]) who[key] = await one({ count: 1, entryDate: before, namePrefix: prefix });
  // 包月 from the 11th: days on site prorate the month.
  who.monthly = await one({ count: 1, entryDate: day(11), namePrefix: '包月' });
  who.manager = await one({ count: 1, entryDate: before, namePrefix: '管理', role: 'manager', trade: 'project_manager' });
  who.gone = await one({ count: 1, entryDate: addDays(SPAN.first, -60), namePrefix: '早退' });
  await db('employments').where({ id: who.gone }).update({ status: 'exited', exit_date: dbDate(db, addDays(SPAN.first, -3)) });

  await setWage(who.daily, 'daily', 300, '天');
  await setWage(who.hourly, 'hourly', 35.5, '小时');
  await setWage(who.piece, 'piece', 45, '平方米');
  await setWage(who.monthly, 'monthly', 6000, '月');
  await setWage(who.quota, 'quota', 1200, null);
  await setWage(who.other, 'other', null, null);
  await setWage(who.noCard, 'daily', 280, '天');
  for (const [i, id] of [who.daily, who.hourly, who.piece, who.monthly, who.quota, who.other].entries()) await giveCard(id, `62284812345678901${String(10 + i)}`);

  await insertDays([
    [who.daily, day(2), 9, true],
    [who.daily, day(3), 10.5, true],
    [who.daily, day(4), 8, true],
    [who.daily, day(5), 1.5, false], // not a valid day: neither counted nor paid
    [who.hourly, day(2), 8.25, true],
    [who.hourly, day(3), 9.5, true],
    [who.hourly, day(4), 3, false],
    [who.piece, day(2), 9, true],
    [who.monthly, day(12), 9, true],
    [who.quota, day(6), 9, true],
    [who.noCard, day(7), 9, true],
    [who.manager, day(2), 9, true],
  ]);
});

afterAll(async () => {
  await db?.destroy();
});

describe('generate', () => {
  test('a draft from attendance: each method computes 应发 from the valid days', async () => {
    const { status, body } = await api('POST', '/platform/payrolls', { token: project.token, json: { month: MONTH } });
    expect(status).toBe(200);
    const data = body.data;
    expect(data.payroll).toMatchObject({ month: MONTH, status: 'draft', line_count: 7 });
    expect(data.generated).toMatchObject({ created: true, added: 7, removed: 0 });
    const line = (id: number) => lineOf(data, id);
    expect(line(who.daily)).toMatchObject({ wage_method: 'daily', days: 3, hours: 27.5, amount_due: 900, amount_paid: 900, gap: null });
    // 35.5 × 17.75 h = 630.125 → 630.13 (half up to the fen).
    expect(line(who.hourly)).toMatchObject({ days: 2, hours: 17.75, amount_due: 630.13, amount_paid: 630.13 });
    expect(line(who.piece)).toMatchObject({ units: null, amount_due: 0, gap: { code: 'NO_UNITS' } });
    const onSite = SPAN.days - 10;
    expect(line(who.monthly)).toMatchObject({ days_on_site: onSite, amount_due: Math.round((6000 * onSite * 100) / SPAN.days) / 100 });
    expect(line(who.quota).gap.code).toBe('NO_UNITS');
    expect(line(who.other)).toMatchObject({ amount_due: 0, gap: { code: 'NO_RULE' } });
    expect(line(who.noCard)).toMatchObject({ amount_due: 280, bank_card_no: null });
    // Managers are not paid through the workers' payroll account; people who left before the month are not on it.
    expect(line(who.manager)).toBeUndefined();
    expect(line(who.gone)).toBeUndefined();
    expect(data.payroll.total_due).toBeCloseTo(900 + 630.13 + 280 + line(who.monthly).amount_due, 2);
  });

  test('ID and card numbers come masked; the stored snapshot has them in full', async () => {
    const data = await roster();
    const line = lineOf(data, who.daily);
    expect(line.id_number).toMatch(/^\d{4}\*+\w{4}$/);
    expect(line.bank_card_no).toMatch(/^6228\*{11}\d{4}$/);
    const stored = (await storedLines()).find((row) => Number(row['employment']) === who.daily);
    expect(stored?.['bank_card_no']).toBe('6228481234567890110');
    expect(String(stored?.['id_number'])).toMatch(/^\d{17}[\dX]$/);
  });

  test('the month list has it; a month without a roster answers payroll: null', async () => {
    const list = await api('GET', '/platform/payrolls', { token: project.token });
    expect(list.body.data.map((p: { month: string }) => p.month)).toContain(MONTH);
    const empty = await api('GET', `/platform/payrolls/${THIS_MONTH}`, { token: project.token });
    expect(empty.body.data).toMatchObject({ month: THIS_MONTH, payroll: null, lines: [] });
  });

  test.each<[string, unknown, string]>([
    ['a month in the future', { month: NEXT_MONTH }, 'MONTH_FUTURE'],
    ['not a month', { month: '2026-13' }, 'CUSTOM'],
    ['no month', {}, 'REQUIRED'],
    ['a month long before the project with no attendance', { month: '2020-01' }, 'MONTH_NO_ATTENDANCE'],
  ])('refused: %s (400 %s)', async (_name, json, rule) => {
    const { status, body } = await api('POST', '/platform/payrolls', { token: project.token, json });
    expect(status).toBe(400);
    expect(errorOf(body)).toMatchObject({ code: 'PLATFORM_INVALID_INPUT', rule });
    expect(errorOf(body).message).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('edit a draft', () => {
  test('confirming with lines still lacking units or 实发 is refused', async () => {
    const { status, body } = await api('POST', path('/confirm'), { token: project.token });
    expect(status).toBe(409);
    expect(errorOf(body).rule ?? errorOf(body).code).toBeTruthy();
    expect(body.errors[0].extensions.rule).toBe('PAYROLL_INCOMPLETE');
  });

  test.each<[string, () => number, unknown, string, string]>([
    ['negative 实发', () => who.daily, { amount_paid: -1 }, 'TOO_SMALL', 'amount_paid'],
    ['实发 above the bound', () => who.daily, { amount_paid: 250_000 }, 'TOO_BIG', 'amount_paid'],
    ['3 decimals', () => who.daily, { amount_paid: 1.005 }, 'CUSTOM', 'amount_paid'],
    ['negative units', () => who.piece, { units: -2 }, 'TOO_SMALL', 'units'],
    ['units for a 计天 line', () => who.daily, { units: 3 }, 'UNITS_NOT_APPLICABLE', 'units'],
    ['an unknown payment state', () => who.daily, { payment_status: 'lost' }, 'INVALID_VALUE', 'payment_status'],
    ['a computed column', () => who.daily, { amount_due: 1 }, 'UNRECOGNIZED_KEYS', ''],
  ])('400: %s', async (_name, employment, json, rule, field) => {
    const before = await storedLines();
    const line = lineOf(await roster(), employment());
    const { status, body } = await api('PATCH', path(`/lines/${line.id}`), { token: project.token, json });
    expect(status).toBe(400);
    expect(errorOf(body)).toMatchObject({ code: 'PLATFORM_INVALID_INPUT', rule });
    if (field) expect(errorOf(body).field).toBe(field);
    expect(await storedLines()).toEqual(before);
  });

  test('payment state is for confirmed rosters only', async () => {
    const line = lineOf(await roster(), who.daily);
    const { status, body } = await api('PATCH', path(`/lines/${line.id}`), { token: project.token, json: { payment_status: 'paid' } });
    expect(status).toBe(409);
    expect(body.errors[0].extensions.rule).toBe('PAYROLL_NOT_CONFIRMED');
  });

  test('units recompute 应发; a hand-set 实发 and a note stick; null hands 实发 back', async () => {
    const data = await roster();
    const patch = (employment: number, json: unknown) => api('PATCH', path(`/lines/${lineOf(data, employment).id}`), { token: project.token, json });
    expect((await patch(who.piece, { units: 123.45 })).status).toBe(200);
    expect((await patch(who.quota, { units: 2.5 })).status).toBe(200);
    expect((await patch(who.daily, { amount_paid: 850, note: '扣借支50元' })).body.data.changed.sort()).toEqual(['amount_paid', 'note', 'paid_adjusted']);
    expect((await patch(who.other, { amount_paid: 2000 })).status).toBe(200);
    expect((await patch(who.hourly, { amount_paid: 600 })).status).toBe(200);
    expect((await patch(who.hourly, { amount_paid: null })).status).toBe(200);

    const after = await roster();
    expect(lineOf(after, who.piece)).toMatchObject({ units: 123.45, amount_due: 5555.25, amount_paid: 5555.25, gap: null });
    expect(lineOf(after, who.quota)).toMatchObject({ units: 2.5, amount_due: 3000, amount_paid: 3000 });
    expect(lineOf(after, who.daily)).toMatchObject({ amount_due: 900, amount_paid: 850, paid_adjusted: true, note: '扣借支50元' });
    expect(lineOf(after, who.other)).toMatchObject({ amount_paid: 2000, gap: null });
    expect(lineOf(after, who.hourly)).toMatchObject({ amount_paid: 630.13, paid_adjusted: false });
    const sum = after.lines.reduce((total: number, line: { amount_paid: number }) => total + Math.round(line.amount_paid * 100), 0) / 100;
    expect(after.payroll.total_paid).toBeCloseTo(sum, 2);
    const audits = await db('audit_log').where({ project: project.id, action: 'payroll.line.edit' }).count({ n: '*' });
    expect(Number(audits[0]?.['n'])).toBeGreaterThanOrEqual(6);
  });

  test('refresh: new attendance and new people come in, manual entries stay', async () => {
    await insertDays([[who.daily, day(8), 9, true], [who.piece, day(8), 9, true]]);
    const [late] = await insertOnSite(db, project.id, team, { count: 1, entryDate: day(20), namePrefix: '新进' });
    const { status, body } = await api('POST', '/platform/payrolls', { token: project.token, json: { month: MONTH } });
    expect(status).toBe(200);
    expect(body.data.generated).toMatchObject({ created: false, added: 1, removed: 0 });
    expect(lineOf(body.data, who.daily)).toMatchObject({ days: 4, amount_due: 1200, amount_paid: 850, note: '扣借支50元' });
    expect(lineOf(body.data, who.piece)).toMatchObject({ days: 2, units: 123.45, amount_due: 5555.25 });
    expect(lineOf(body.data, who.other)).toMatchObject({ amount_paid: 2000 });
    expect(lineOf(body.data, late!)).toMatchObject({ days: 0, amount_due: 0 });
    await db('employments').where({ id: late }).update({ entry_date: dbDate(db, addDays(SPAN.last, 5)) });
    const again = await api('POST', '/platform/payrolls', { token: project.token, json: { month: MONTH } });
    expect(again.body.data.generated).toMatchObject({ added: 0, removed: 1 });
    expect(await db('audit_log').where({ project: project.id, action: 'payroll.refresh' }).first('id')).toBeTruthy();
  });

  test('a line with money to pay needs a wage card: added through 人员编辑 (validated), then refreshed', async () => {
    const refused = await api('POST', path('/confirm'), { token: project.token });
    expect(refused.status).toBe(409);
    expect(refused.body.errors[0].extensions.rule).toBe('BANK_CARD_MISSING');
    expect(refused.body.errors[0].message).toContain('工资卡');

    const bad = await api('PATCH', `/platform/people/${who.noCard}`, { token: project.token, json: { bank_card_no: '6228-48' } });
    expect(bad.status).toBe(400);
    expect(errorOf(bad.body).field).toBe('bank_card_no');
    const saved = await api('PATCH', `/platform/people/${who.noCard}`, { token: project.token, json: { bank_card_no: '6228 4812 3456 7890 199', bank_name: '中国农业银行广元分行' } });
    expect(saved.status).toBe(200);
    const person = await api('GET', `/platform/people/${who.noCard}`, { token: project.token });
    expect(person.body.data.person).toMatchObject({ bank_card_no: '6228***********0199', bank_name: '中国农业银行广元分行' });
    await api('POST', '/platform/payrolls', { token: project.token, json: { month: MONTH } });
    expect(lineOf(await roster(), who.noCard).bank_card_no).toBe('6228***********0199');
  });
});

describe('isolation', () => {
  test("another project's staff cannot read, edit, confirm or export this roster", async () => {
    const other = await projectStaff(0);
    const line = lineOf(await roster(), who.daily);
    const before = await storedLines();
    const edit = await api('PATCH', path(`/lines/${line.id}`), { token: other.token, json: { amount_paid: 1 } });
    expect(edit.status).toBe(403);
    expect(errorOf(edit.body).code).toBe('PLATFORM_FORBIDDEN');
    const read = await api('GET', path(), { token: other.token });
    expect(read.body.data.lines.map((l: { id: number }) => l.id)).not.toContain(line.id);
    const exported = await api('POST', '/platform/exports', { token: other.token, json: { kind: 'payroll-bank', project: project.id, month: MONTH } });
    expect(exported.status).toBe(403);
    expect(await storedLines()).toEqual(before);
  });
});

describe('confirm and after', () => {
  test('the bank file is refused for a draft', async () => {
    const { status, body } = await api('POST', '/platform/exports', { token: project.token, json: { kind: 'payroll-bank', month: MONTH } });
    expect(status).toBe(409);
    expect(body.errors[0].extensions.rule).toBe('PAYROLL_NOT_CONFIRMED');
  });

  test('confirm freezes the roster (audited)', async () => {
    const { status, body } = await api('POST', path('/confirm'), { token: project.token });
    expect(status).toBe(200);
    expect(body.data.payroll.status).toBe('confirmed');
    expect(body.data.payroll.confirmed_at).toBeTruthy();
    const audit = await db('audit_log').where({ project: project.id, action: 'payroll.confirm' }).first();
    expect(JSON.parse(audit.after)).toMatchObject({ status: 'confirmed', month: MONTH, total_paid: body.data.payroll.total_paid });
  });

  test.each<[string, () => Promise<{ status: number; body: any }>]>([
    ['edit 实发', async () => api('PATCH', path(`/lines/${lineOf(await roster(), who.daily).id}`), { token: project.token, json: { amount_paid: 1 } })],
    ['edit units', async () => api('PATCH', path(`/lines/${lineOf(await roster(), who.piece).id}`), { token: project.token, json: { units: 1 } })],
    ['refresh', async () => api('POST', '/platform/payrolls', { token: project.token, json: { month: MONTH } })],
    ['confirm again', async () => api('POST', path('/confirm'), { token: project.token })],
  ])('after confirmation: %s → 409, nothing changed', async (_name, call) => {
    const before = await storedLines();
    const head = await db('payrolls').where({ project: project.id, month: MONTH }).first();
    const { status, body } = await call();
    expect(status).toBe(409);
    expect(errorOf(body).code).toBe('PLATFORM_STATE_CONFLICT');
    expect(body.errors[0].extensions.rule).toBe('PAYROLL_CONFIRMED');
    expect(errorOf(body).message).toContain('已确认');
    expect(await storedLines()).toEqual(before);
    expect(await db('payrolls').where({ project: project.id, month: MONTH }).first()).toEqual(head);
  });

  test('payment states may still be recorded (audited)', async () => {
    const data = await roster();
    const failed = lineOf(data, who.other);
    const one = await api('PATCH', path(`/lines/${failed.id}`), { token: project.token, json: { payment_status: 'failed' } });
    expect(one.status).toBe(200);
    const rest = data.lines.filter((line: { id: number }) => line.id !== failed.id).map((line: { id: number }) => line.id);
    const all = await api('PUT', path('/payments'), { token: project.token, json: { status: 'paid', lines: rest } });
    expect(all.body.data.updated).toBe(rest.length);
    const unknown = await api('PUT', path('/payments'), { token: project.token, json: { status: 'paid', lines: [999_999_999] } });
    expect(unknown.status).toBe(400);
    const after = await roster();
    expect(lineOf(after, who.other).payment_status).toBe('failed');
    expect(lineOf(after, who.daily).payment_status).toBe('paid');
    expect(await db('audit_log').where({ project: project.id, action: 'payroll.payment' }).count({ n: '*' }).then((r) => Number(r[0]?.['n']))).toBe(2);
  });
});

describe('bank file', () => {
  async function sheetOf(body: ArrayBuffer | Buffer): Promise<ExcelJS.Worksheet> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    return sheet;
  }

  async function bankFile(token: string, json: Record<string, unknown>): Promise<ExcelJS.Worksheet> {
    const link = await api('POST', '/platform/exports', { token, json: { kind: 'payroll-bank', ...json } });
    expect(link.status, JSON.stringify(link.body)).toBe(200);
    expect(link.body.data.filename).toBe(`银行代发-${project.code}-${MONTH}.xlsx`);
    const response = await fetch(link.body.data.url);
    expect(response.status).toBe(200);
    return sheetOf(await response.arrayBuffer());
  }

  const values = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);

  /** Header, one row per line with money to pay, full numbers, and a sum equal to the confirmed 实发. */
  async function expectBankFile(sheet: ExcelJS.Worksheet): Promise<void> {
    expect(values(sheet, 1)).toEqual([...BANK_FILE_HEADERS]);
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => values(sheet, i + 2));
    const stored = (await storedLines()).filter((line) => Number(line['amount_paid']) > 0);
    expect(rows).toHaveLength(stored.length);
    expect(rows.map((row) => row[0])).toEqual(rows.map((_, i) => i + 1));
    const fen = rows.reduce((sum, row) => sum + Math.round(Number(row[5]) * 100), 0);
    const head = await db('payrolls').where({ project: project.id, month: MONTH }).first();
    expect(fen).toBe(Math.round(Number(head.total_paid) * 100));
    for (const line of stored) {
      const row = rows.find((r) => r[2] === line['id_number']);
      expect(row, String(line['name'])).toBeDefined();
      expect(row?.[3]).toBe(line['bank_card_no']);
      expect(String(row?.[3])).toMatch(/^\d{12,30}$/);
      expect(row?.[4]).toBe(line['bank_name']);
    }
    const daily = rows.find((row) => row[1] === stored.find((line) => Number(line['employment']) === who.daily)?.['name']);
    expect(daily?.slice(5)).toEqual([850, '扣借支50元']);
  }

  test('the payroll-bank export kind builds it from the confirmed roster', async () => {
    const ctx = {
      database: db,
      env: {},
      viewer: { userId: project.token, role: 'project' as const },
      project: { id: project.id, name: project.name, code: project.code },
      today: TODAY,
      now: new Date(),
    };
    await payrollBankExport.check(ctx, { month: MONTH });
    expect(payrollBankExport.filename(ctx, { month: MONTH })).toBe(`银行代发-${project.code}-${MONTH}.xlsx`);
    const file = await payrollBankExport.build(ctx, { month: MONTH });
    expect(file).toMatchObject({ masked: false, rows: 7 });
    await expectBankFile(await sheetOf(await workbookBuffer(file.sheets)));
  });

  test('downloaded over HTTP through a signed link (audited, full numbers)', async () => {
    await expectBankFile(await bankFile(project.token, { month: MONTH }));
    const audit = await db('audit_log').where({ project: project.id, action: 'export' }).orderBy('id', 'desc').first();
    expect(JSON.parse(audit.after)).toMatchObject({ kind: 'payroll-bank', masked: false, rows: 7 });
  });

  test('bureau staff read the roster in the studio and download the bank file of any project', async () => {
    const bureau = await login(DEMO_LOGINS.bureau.email, DEMO_LOGINS.bureau.password);
    const head = await api('GET', `/items/payrolls?filter[project][_eq]=${project.id}&fields=id,month,status,total_paid`, { token: bureau });
    expect(head.status).toBe(200);
    expect(head.body.data[0]).toMatchObject({ month: MONTH, status: 'confirmed' });
    const lines = await api('GET', `/items/payroll_lines?filter[payroll][_eq]=${head.body.data[0].id}&fields=name,amount_paid`, { token: bureau });
    expect(lines.body.data.length).toBeGreaterThan(0);
    const denied = await api('PATCH', `/items/payroll_lines/${(await storedLines())[0]?.['id']}`, { token: bureau, json: { amount_paid: 1 } });
    expect(denied.status).toBe(403);
    await expectBankFile(await bankFile(bureau, { project: project.id, month: MONTH }));
  });
});

describe('demo city', () => {
  test("this month's roster of the main project matches attendance_days line by line", async () => {
    const staff = await projectStaff(0);
    const { status, body } = await api('POST', '/platform/payrolls', { token: staff.token, json: { month: THIS_MONTH } });
    expect(status).toBe(200);
    const span = monthSpan(THIS_MONTH);
    const days: { employment: number; hours: number | string }[] = await db('attendance_days')
      .select('employment', 'hours')
      .where({ project: staff.projectId, valid: true })
      .whereBetween('day', [dbDate(db, span.first), dbDate(db, span.last)]);
    const methods = new Set<string>();
    expect(body.data.lines.length).toBeGreaterThan(10);
    for (const line of body.data.lines) {
      const mine = days.filter((d) => Number(d.employment) === line.employment);
      const hours = mine.reduce((sum, d) => sum + Math.round(Number(d.hours) * 100), 0) / 100;
      expect(line.days, line.name).toBe(mine.length);
      expect(line.hours, line.name).toBeCloseTo(hours, 2);
      const employment = await db('employments').where({ id: line.employment }).first();
      expect(employment.role).toBe('worker');
      const rate = Number(employment.wage_amount);
      const expected =
        employment.wage_method === 'daily' ? rate * mine.length
        : employment.wage_method === 'hourly' ? Math.round(rate * hours * 100) / 100
        : employment.wage_method === 'monthly' ? Math.round((rate * line.days_on_site * 100) / span.days) / 100
        : 0;
      expect(line.amount_due, `${line.name} ${employment.wage_method}`).toBeCloseTo(expected, 2);
      if (employment.wage_method === 'monthly') {
        const entry = readDate(employment.entry_date) ?? span.first;
        const exit = readDate(employment.exit_date);
        const from = entry > span.first ? entry : span.first;
        const to = exit && exit < span.last ? exit : span.last;
        expect(line.days_on_site).toBe(to < from ? 0 : Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1);
      }
      methods.add(employment.wage_method);
    }
    expect(methods.has('daily')).toBe(true);
    expect(body.data.lines.filter((line: { bank_card_no: string | null }) => line.bank_card_no).length).toBeGreaterThan(10);
  });
});
