/**
 * Excel exports over HTTP: signed links, the files read back with exceljs (headers, rows against the
 * database, totals, masking by role), refusals (other project, bad or expired links, bad months),
 * the audit trail and the studio's buttons. A fresh project of this file's own, last month's punches.
 */
import ExcelJS from 'exceljs';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { dbDate } from '../extensions/platform/src/db/values';
import { signDownload } from '../extensions/platform/src/exports/download-token';
import { monthRange } from '../extensions/platform/src/exports/month-grid';
import { addDays, todayInShanghai } from '../schema/rules/dates';
import { DEMO_LOGINS } from '../seeds/demo-logins';
import { at, insertPunches, rollup } from './support/attendance-fixtures';
import { openDatabase } from './support/db';
import { createApprovedProject, type FreshProject } from './support/fresh-project';
import { api, errorOf, login } from './support/http';
import { insertOnSite, insertTeam, projectStaff } from './support/site-fixtures';

const TODAY = todayInShanghai(new Date());
const MONTH = monthRange(TODAY.slice(0, 7)).first;
/** Last month, complete: a fixed grid whatever day the tests run. */
const LAST = addDays(MONTH, -1).slice(0, 7);
const { first: FIRST, last: END } = monthRange(LAST);
const day = (n: number) => `${LAST}-${String(n).padStart(2, '0')}`;

let db: Knex;
let project: FreshProject;
let bureau: string;
let workers: number[];
let steel: { id: number; unit: number; name: string };
let exitedId: number;
let lateId: number;

interface Download {
  status: number;
  headers: Headers;
  body: Buffer;
}

async function download(url: string): Promise<Download> {
  const response = await fetch(url);
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

/** POST /platform/exports, then the file; throws unless both succeed. */
async function exportFile(token: string, request: Record<string, unknown>): Promise<{ sheet: ExcelJS.Worksheet; link: { url: string; filename: string; expiresAt: string }; file: Download }> {
  const { status, body } = await api('POST', '/platform/exports', { token, json: request });
  if (status !== 200) throw new Error(`export link failed: ${status} ${JSON.stringify(body)}`);
  const file = await download(body.data.url);
  if (file.status !== 200) throw new Error(`download failed: ${file.status} ${file.body.toString()}`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return { sheet, link: body.data, file };
}

/** The header row's texts (row `at`) and the data rows under it, as plain values. */
function table(sheet: ExcelJS.Worksheet, at: number): { headers: string[]; rows: unknown[][] } {
  const headers = (sheet.getRow(at).values as unknown[]).slice(1).map(String);
  const rows: unknown[][] = [];
  for (let r = at + 1; r <= sheet.rowCount; r += 1) rows.push((sheet.getRow(r).values as unknown[]).slice(1));
  return { headers, rows };
}

const cell = (headers: string[], row: unknown[], header: string) => row[headers.indexOf(header)] ?? null;

beforeAll(async () => {
  db = openDatabase(inject('platformEnv'));
  project = await createApprovedProject('导出测试');
  bureau = await login(DEMO_LOGINS.bureau.email, DEMO_LOGINS.bureau.password);
  steel = await insertTeam(db, project.id, { name: `钢筋班${Date.now() % 100000}` });
  const wood = await insertTeam(db, project.id, { name: `木工班${Date.now() % 100000}` });
  workers = await insertOnSite(db, project.id, steel, { count: 3, entryDate: addDays(FIRST, -10), namePrefix: '导出甲' });
  await insertOnSite(db, project.id, wood, { count: 1, entryDate: addDays(FIRST, -10), namePrefix: '导出乙' });
  // Entered on the 10th of last month; exited on the 5th of last month; exited before last month.
  lateId = (await insertOnSite(db, project.id, wood, { count: 1, entryDate: day(10), namePrefix: '导出丙' }))[0]!;
  exitedId = (await insertOnSite(db, project.id, wood, { count: 1, entryDate: addDays(FIRST, -10), namePrefix: '导出丁' }))[0]!;
  const [gone] = await insertOnSite(db, project.id, wood, { count: 1, entryDate: addDays(FIRST, -40), namePrefix: '导出戊' });
  await db('employments').where({ id: exitedId }).update({ status: 'exited', exit_date: dbDate(db, day(5)) });
  await db('employments').where({ id: gone }).update({ status: 'exited', exit_date: dbDate(db, addDays(FIRST, -3)) });
  await db('employments').where({ id: workers[0]! }).update({ card_no: '0012345678' });
  await insertPunches(db, project.id, [
    // workers[0]: valid on the 2nd (10 h 30) and 3rd (8 h); workers[1]: one lone punch on the 2nd.
    { employment: workers[0]!, at: at(day(2), '07:30'), direction: 'in' },
    { employment: workers[0]!, at: at(day(2), '18:00'), direction: 'out' },
    { employment: workers[0]!, at: at(day(3), '08:00'), direction: 'in' },
    { employment: workers[0]!, at: at(day(3), '16:00'), direction: 'out' },
    { employment: workers[1]!, at: at(day(2), '07:40'), direction: 'in' },
    { employment: lateId, at: at(day(12), '07:00'), direction: 'in' },
    { employment: lateId, at: at(day(12), '17:00'), direction: 'out' },
    { employment: exitedId, at: at(day(2), '07:00'), direction: 'in' },
    { employment: exitedId, at: at(day(2), '12:00'), direction: 'out' },
  ]);
  await rollup(['--project', String(project.id), '--from', FIRST, '--now', `${TODAY}T12:00:00+08:00`]);
}, 240_000);

afterAll(async () => {
  await db.destroy();
});

describe('花名册 roster', () => {
  test('project staff: masked ID numbers and phones, no 住址, rows as in the database', async () => {
    const { sheet, link, file } = await exportFile(project.token, { kind: 'roster' });
    expect(link.filename).toBe(`花名册-${project.name}-在场人员-${TODAY}.xlsx`);
    expect(new Date(link.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(file.headers.get('content-type')).toContain('spreadsheetml');
    expect(file.headers.get('content-length')).toBe(String(file.body.length));
    expect(file.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(link.filename)}`);
    const { headers, rows } = table(sheet, 3);
    expect(headers).toEqual(['序号', '姓名', '性别', '民族', '出生日期', '年龄', '证件类型', '证件号码', '籍贯', '联系电话', '文化程度', '政治面貌', '参建单位', '班组', '人员类型', '工种/岗位', '进场日期', '退场日期', '状态', '考勤卡号', '劳动合同', '人脸']);
    const onSite = await db('employments').where({ project: project.id, status: 'on_site' }).count({ n: '*' }).first();
    expect(rows).toHaveLength(Number(onSite?.n));
    for (const row of rows) {
      expect(cell(headers, row, '证件号码')).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
      expect(cell(headers, row, '联系电话')).toMatch(/^\d{3}\*{4}\d{4}$/);
      expect(cell(headers, row, '状态')).toBe('在场');
      expect(cell(headers, row, '籍贯')).toBe('四川省广元市利州区');
    }
    const carded = rows.find((row) => cell(headers, row, '考勤卡号') === '0012345678');
    expect(carded && cell(headers, carded, '班组')).toBe(steel.name);
    expect(sheet.getCell('A1').value).toBe(`${project.name} 花名册（在场人员）`);
  });

  test.each([
    ['exited', 2, '已退场'],
    ['all', 7, null],
  ] as const)('status=%s gives %i rows', async (status, count, label) => {
    const { sheet } = await exportFile(project.token, { kind: 'roster', status });
    const { headers, rows } = table(sheet, 3);
    expect(rows).toHaveLength(count);
    if (label) expect(rows.every((row) => cell(headers, row, '状态') === label)).toBe(true);
  });

  test('bureau: full ID numbers, phones and 住址 of the project named', async () => {
    const { sheet } = await exportFile(bureau, { kind: 'roster', project: project.id });
    const { headers, rows } = table(sheet, 3);
    expect(headers).toContain('住址');
    const people: { id_number: string; phone: string; address: string }[] = await db('employments')
      .join('people', 'people.id', 'employments.person')
      .where({ 'employments.project': project.id, 'employments.status': 'on_site' })
      .select('people.id_number', 'employments.phone', 'people.address');
    expect(rows.map((row) => cell(headers, row, '证件号码')).sort()).toEqual(people.map((p) => p.id_number).sort());
    expect(rows.map((row) => cell(headers, row, '联系电话')).sort()).toEqual(people.map((p) => p.phone).sort());
    expect(cell(headers, rows[0]!, '住址')).toBe(people[0]!.address);
  });

  test('every download is audited: who, what, masked or full', async () => {
    await exportFile(project.token, { kind: 'roster', status: 'all' });
    await exportFile(bureau, { kind: 'roster', project: project.id });
    const audits: { actor: string; after: string; at: unknown }[] = await db('audit_log').where({ project: project.id, action: 'export' }).orderBy('id', 'desc').limit(2);
    const [bureauRow, staffRow] = audits.map((row) => ({ actor: row.actor, after: JSON.parse(row.after) }));
    expect(staffRow?.after).toMatchObject({ kind: 'roster', params: { status: 'all' }, masked: true, rows: 7, viewer: 'project' });
    expect(bureauRow?.after).toMatchObject({ kind: 'roster', masked: false, viewer: 'bureau' });
    expect(bureauRow?.actor).not.toBe(staffRow?.actor);
  });
});

describe('考勤表 month sheet', () => {
  test('a column per day, ✓ hours for valid days, — off site, totals from attendance_days', async () => {
    const { sheet, link } = await exportFile(project.token, { kind: 'attendance-month', month: LAST });
    expect(link.filename).toBe(`考勤表-${project.name}-${LAST}.xlsx`);
    const { headers, rows } = table(sheet, 4);
    const days = Number(END.slice(8));
    expect(headers.slice(0, 6)).toEqual(['序号', '姓名', '班组', '工种/岗位', '证件号码', '考勤卡号']);
    expect(headers.slice(6, 6 + days).map((h) => h.split('\n')[0])).toEqual(Array.from({ length: days }, (_, i) => String(i + 1)));
    expect(headers.slice(6 + days)).toEqual(['出勤天数', '工时合计']);
    // 6 stays overlap the month (the one exited before it does not), plus the totals row.
    expect(rows).toHaveLength(7);
    const byCard = rows.find((row) => cell(headers, row, '考勤卡号') === '0012345678')!;
    const dayCell = (row: unknown[], n: number) => row[5 + n] ?? null;
    expect(dayCell(byCard, 2)).toBe('✓10.5');
    expect(dayCell(byCard, 3)).toBe('✓8');
    expect(dayCell(byCard, 4)).toBeNull();
    expect(cell(headers, byCard, '出勤天数')).toBe(2);
    expect(cell(headers, byCard, '工时合计')).toBe(18.5);
    expect(cell(headers, byCard, '证件号码')).toMatch(/\*{10}/);
    const [late] = await db('employments').join('people', 'people.id', 'employments.person').where('employments.id', lateId).select('people.name');
    const lateRow = rows.find((row) => cell(headers, row, '姓名') === late.name)!;
    expect(dayCell(lateRow, 9)).toBe('—');
    expect(dayCell(lateRow, 10)).toBeNull();
    expect(dayCell(lateRow, 12)).toBe('✓10');
    const [exited] = await db('employments').join('people', 'people.id', 'employments.person').where('employments.id', exitedId).select('people.name');
    const exitedRow = rows.find((row) => cell(headers, row, '姓名') === exited.name)!;
    expect(dayCell(exitedRow, 2)).toBe('✓5');
    expect(dayCell(exitedRow, 6)).toBe('—');
    const lone = rows.find((row) => dayCell(row, 2) === '○0')!;
    expect(cell(headers, lone, '出勤天数')).toBe(0);

    const totals = rows.at(-1)!;
    expect(totals[0]).toBe('合计（出勤人数）');
    const valid: { n: number; hours: number }[] = await db('attendance_days')
      .where({ project: project.id, valid: true })
      .andWhere('day', '>=', dbDate(db, FIRST))
      .andWhere('day', '<=', dbDate(db, END))
      .select(db.raw('count(*) as n'), db.raw('sum(hours) as hours'));
    expect(cell(headers, totals, '出勤天数')).toBe(Number(valid[0]!.n));
    expect(cell(headers, totals, '工时合计')).toBe(Number(valid[0]!.hours));
    expect(dayCell(totals, 2)).toBe(2);
  });

  test('bureau sees full ID numbers; the current month by default', async () => {
    const { sheet, link } = await exportFile(bureau, { kind: 'attendance-month', project: project.id });
    expect(link.filename).toBe(`考勤表-${project.name}-${TODAY.slice(0, 7)}.xlsx`);
    const { headers, rows } = table(sheet, 4);
    expect(rows.slice(0, -1).every((row) => /^\d{17}[\dX]$/.test(String(cell(headers, row, '证件号码'))))).toBe(true);
  });

  test.each([
    [{ month: '2026-13' }, 'INVALID_FORMAT'],
    [{ month: '202603' }, 'INVALID_FORMAT'],
    [{ month: 202603 }, 'INVALID_TYPE'],
    [{ month: '2999-01' }, 'MONTH_IN_FUTURE'],
    [{ month: '1999-12' }, 'TOO_SMALL'],
  ])('bad month %o → 400 %s', async (params, rule) => {
    const { status, body } = await api('POST', '/platform/exports', { token: project.token, json: { kind: 'attendance-month', ...params } });
    expect(status).toBe(400);
    expect(errorOf(body)).toMatchObject({ code: 'PLATFORM_INVALID_INPUT', rule, field: 'month' });
  });
});

describe('refusals', () => {
  test("another project's staff get 403 for this project; no link", async () => {
    const other = await projectStaff(0);
    const { status, body } = await api('POST', '/platform/exports', { token: other.token, json: { kind: 'roster', project: project.id } });
    expect(status).toBe(403);
    expect(errorOf(body).code).toBe('PLATFORM_FORBIDDEN');
  });

  test.each([
    [{ kind: 'payslips' }, 'kind'],
    [{}, 'kind'],
    [{ kind: 'roster', status: 'gone' }, 'status'],
  ])('bad request %o → 400 on %s', async (json, field) => {
    const { status, body } = await api('POST', '/platform/exports', { token: project.token, json });
    expect(status).toBe(400);
    expect(errorOf(body)).toMatchObject({ code: 'PLATFORM_INVALID_INPUT', field });
  });

  test('bureau must name the project; anonymous callers log in first', async () => {
    const named = await api('POST', '/platform/exports', { token: bureau, json: { kind: 'roster' } });
    expect(named.status).toBe(400);
    expect(errorOf(named.body)).toMatchObject({ rule: 'REQUIRED', field: 'project' });
    expect((await api('POST', '/platform/exports', { json: { kind: 'roster' } })).status).toBe(401);
  });

  test('tampered, expired and missing tokens → 400 with a machine rule; nothing audited', async () => {
    const { body } = await api('POST', '/platform/exports', { token: project.token, json: { kind: 'roster' } });
    const url = new URL(body.data.url);
    const token = url.searchParams.get('token')!;
    const [payload, sig] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = `${Buffer.from(JSON.stringify({ ...claims, p: claims.p + 1 })).toString('base64url')}.${sig}`;
    const expired = signDownload({ user: claims.u, project: claims.p, kind: 'roster', params: {}, expires: Math.floor(Date.now() / 1000) - 1 }, inject('platformEnv')['SECRET']!);
    const audits = await db('audit_log').where({ action: 'export' }).count({ n: '*' }).first();
    for (const [bad, rule] of [
      [forged, 'EXPORT_LINK_INVALID'],
      [`${token.slice(0, -2)}AA`, 'EXPORT_LINK_INVALID'],
      [expired, 'EXPORT_LINK_EXPIRED'],
      ['', 'REQUIRED'],
    ] as const) {
      const { status, body: error } = await api('GET', `/platform/exports/file?token=${encodeURIComponent(bad)}`);
      expect(status, rule).toBe(400);
      expect(errorOf(error).rule).toBe(rule);
    }
    expect(await db('audit_log').where({ action: 'export' }).count({ n: '*' }).first()).toEqual(audits);
  });
});

describe('studio buttons (bureau, cookie session)', () => {
  async function sessionCookie(email: string, password: string): Promise<string> {
    const response = await fetch(`${inject('baseUrl')}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password, mode: 'session' }) });
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('directus_session_token='));
    if (!cookie) throw new Error(`no session cookie: ${response.status}`);
    return cookie.split(';')[0]!;
  }

  test('the projects item page offers the two links', async () => {
    const { body } = await api('GET', '/fields/projects/exports', { token: bureau });
    expect(body.data.meta.interface).toBe('presentation-links');
    expect(body.data.meta.options.links.map((l: { label: string }) => l.label)).toEqual(['导出花名册', '导出考勤表(本月)']);
  });

  test('the link redirects a bureau session to a signed file; project staff are refused', async () => {
    const cookie = await sessionCookie(DEMO_LOGINS.bureau.email, DEMO_LOGINS.bureau.password);
    const response = await fetch(`${inject('baseUrl')}/platform/exports/studio?kind=attendance-month&project=${project.id}`, { headers: { cookie }, redirect: 'manual' });
    expect(response.status).toBe(302);
    const location = response.headers.get('location')!;
    expect(location).toMatch(/^file\?token=/);
    const file = await download(new URL(location, `${inject('baseUrl')}/platform/exports/studio`).toString());
    expect(file.status).toBe(200);
    expect(decodeURIComponent(file.headers.get('content-disposition')!)).toContain(`考勤表-${project.name}-${TODAY.slice(0, 7)}.xlsx`);
    const staff = await fetch(`${inject('baseUrl')}/platform/exports/studio?kind=roster&project=${project.id}`, { headers: { authorization: `Bearer ${project.token}` }, redirect: 'manual' });
    expect(staff.status).toBe(403);
    expect((await fetch(`${inject('baseUrl')}/platform/exports/studio?kind=roster&project=${project.id}`, { redirect: 'manual' })).status).toBe(401);
  });
});
