/**
 * The bureau's studio as a clerk reads it, in Chromium at 1440×900: every screen the issue names,
 * asserting the Chinese labels a clerk must see and that no raw code, key, UUID or full ID number
 * is on screen; screenshots in test-artifacts/studio-*.png.
 */
import type { Knex } from 'knex';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { AUDIT_ACTIONS, DEVICE_COMMAND_KINDS, DEVICE_EVENT_KINDS, WARNING_KINDS } from '../../schema/codes';
import { FLOW_IDS } from '../../schema/flows';
import { DASHBOARD_ID } from '../../schema/insights';
import { addDays, parseIdNumber, todayInShanghai } from '../../schema/rules';
import { accountToEmail } from '../../schema/rules/account';
import { DEMO_LOGINS } from '../../seeds/demo-logins';
import { dbDate, dbTimestamp } from '../../extensions/platform/src/db/values';
import { CHROMIUM, hasChromium, screenshot } from '../support/browser';
import { openDatabase } from '../support/db';
import { validDeclaration } from '../support/fixtures';
import { createApprovedProject, type FreshProject } from '../support/fresh-project';
import { api, login } from '../support/http';
import { keyPostFields, registerKeyPost } from '../support/studio-fixtures';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** Full ID numbers on screen: 18 characters that pass GB 11643 (a permit number of 18 digits does not). */
const fullIdNumbers = (text: string) => [...text.matchAll(/(?<![\dA-Z])\d{17}[\dX](?![\dA-Z])/g)].map((m) => m[0]).filter((id) => parseIdNumber(id).ok);
/** What a clerk must never read: error keys and codes, English left from Directus, raw codes of our lists. */
const RAW = [/errors\.[A-Z_]/, /\[?PLATFORM_[A-Z_]+/, /INTERNAL_SERVER_ERROR/, /\bOverview\b/, /Active Users|Suspended Users|Invited Users/, /\bAdministrator\b/, /triggered successfully/i, /已成功触发/];

describe.runIf(hasChromium)('the bureau studio in Chromium (1440×900)', () => {
  let browser: Browser;
  let page: Page;
  let db: Knex;
  let base: string;
  let project: FreshProject;
  let person: number;
  let employment: number;
  let personFields: Record<string, string>;
  let pendingPost: number;
  let exitPost: number;

  beforeAll(async () => {
    base = inject('baseUrl');
    db = openDatabase(inject('platformEnv'));
    project = await createApprovedProject('管理后台测试');
    personFields = keyPostFields({ name: '周质检', post: 'quality_officer' });
    ({ id: pendingPost, person, employment } = await registerKeyPost(project.token, personFields));
    // The face check is the project's (on its employment), as 人脸采集 stores it.
    await db('employments').where({ id: employment }).update({
      face_check: JSON.stringify({ checked_at: '2026-05-06T01:02:00.000Z', checks: [{ rule: 'FACE_MISSING', result: 'pass' }, { rule: 'GLASSES', result: 'pass' }, { rule: 'ID_MISMATCH', result: 'skipped' }] }),
    });
    const bureau = await login(DEMO_LOGINS.bureau.email, DEMO_LOGINS.bureau.password);
    ({ id: exitPost } = await registerKeyPost(project.token, keyPostFields({ name: '吴劳务', post: 'labour_officer' })));
    await api('POST', `/flows/trigger/${FLOW_IDS.reviewKeyPost}`, { token: bureau, json: { collection: 'key_posts', keys: [String(exitPost)], decision: 'approve' } });
    await db('key_posts').where({ id: exitPost }).update({ status: 'exit_pending', exit_date: dbDate(db, addDays(todayInShanghai(new Date()), 7)), exit_reason: '合同期满，下周离场' });

    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    page = await context.newPage();
    await page.goto(`${base}/admin/login`);
    await page.locator('input[type=email]').fill(DEMO_LOGINS.bureau.email);
    await page.locator('input[type=password]').fill(DEMO_LOGINS.bureau.password);
    await page.locator('button[type=submit]').click();
    await page.waitForURL(/\/admin\/(content|insights)/, { timeout: 90_000 });
    // Fold the side panel (注释/共享/布局) as a clerk at 1440 px would: the page gets the width.
    await page.locator('.sidebar-toggle').first().click({ timeout: 30_000 });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await db?.destroy();
  });

  /** Opens a studio route and waits until `ready` is on screen. */
  async function visit(path: string, ready: string | RegExp): Promise<void> {
    await page.goto(`${base}/admin/${path}`);
    await page.getByText(ready).first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined);
  }

  /** What is on screen: the page's text and the values inside its inputs (read-only fields are inputs too). */
  function screenText(): Promise<string> {
    return page.evaluate(() => [document.body.innerText, ...Array.from(document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'), (input) => input.value)].join('\n'));
  }

  /** The text on screen, checked for what a clerk must never read. */
  async function readable(extra: readonly (string | RegExp)[] = []): Promise<string> {
    const text = await screenText();
    expect(fullIdNumbers(text), 'full ID numbers on screen').toEqual([]);
    for (const pattern of [UUID, ...RAW, ...extra]) {
      if (typeof pattern === 'string') expect(text, `screen shows ${pattern}`).not.toContain(pattern);
      else expect(text, `screen shows ${pattern}`).not.toMatch(pattern);
    }
    return text;
  }

  /** Raw values of a code list as patterns (dotted or snake_case ones: a plain word could be Chinese-free prose). */
  const codes = (list: readonly { value: string }[]) =>
    list.filter((item) => /[._]/.test(item.value)).map((item) => new RegExp(`(^|[^\\w.])${item.value.replaceAll('.', '\\.')}($|[^\\w.])`));

  test('项目: a declaration is decided on its page and says what happened; the account shows with its status', async () => {
    const submitted = await api('POST', '/platform/declarations', { json: { ...validDeclaration, name: `管理后台审核测试-${Date.now().toString(36)}` } });
    const id = Number((await db('projects').where({ application_no: submitted.body.data.application_no }).first('id')).id);
    await visit(`content/projects/${id}`, '审核项目申报');
    expect(await page.getByText('流程', { exact: true }).count()).toBe(0); // no sidebar flow offered anywhere
    await readable();
    await screenshot(page, 'studio-project-review');

    // 驳回 without a reason: refused in place, in Chinese, no error dialog.
    await page.locator('[data-test="review-reject"]').click();
    await page.locator('[data-test="review-submit"]').click();
    await expect.poll(() => page.locator('[data-test="review-error"]').innerText()).toContain('驳回时必须填写审核意见');

    await page.locator('[data-test="review-approve"]').click();
    await page.locator('[data-test="review-submit"]').click();
    const done = page.locator('[data-test="review-done"]');
    await done.waitFor({ timeout: 60_000 });
    const code = String((await db('projects').where({ id }).first('code')).code);
    expect(await done.innerText()).toContain(`已通过：项目编码 ${code}，项目账号 ${code}`);
    await expect.poll(() => page.locator('[data-test="review-account-status"]').innerText(), { timeout: 30_000 }).toBe('正常');
    // The title bar shows the new code without a reload by hand.
    expect(await page.locator('header').first().innerText()).toContain(code);
    expect(await page.locator('.notification-dialog, .v-dialog .notification').count()).toBe(0);
    await readable();
    await screenshot(page, 'studio-project-approved');

    await page.locator('table.platform-table').first().scrollIntoViewIfNeeded();
    const text = await readable();
    for (const label of ['建设单位', '施工总承包单位', '统一社会信用代码', '四川省广元市利州区', '32,000.00 万元']) expect(text).toContain(label);
    expect(text).not.toMatch(/"role"|\b008\b/);
    await screenshot(page, 'studio-project-units');
  }, 240_000);

  test('人员 and 项目人员: lists and titles masked; 查看完整信息 with a reason; photos only through the audited viewer; 人脸核验 readable', async () => {
    await visit('content/people', '证件号码');
    await page.getByText('周质检').first().waitFor({ timeout: 30_000 }).catch(() => undefined);
    await readable();
    expect(await screenText()).toMatch(/\d{4}\*{10}\d{3}[\dX]/);
    await screenshot(page, 'studio-people-list');

    await visit(`content/people/${person}`, '查看完整信息');
    const title = await page.locator('header').first().innerText();
    expect(title).toContain('周质检');
    expect(title).not.toContain(personFields['id_number']);
    await readable();
    await screenshot(page, 'studio-person-masked');

    await page.locator('[data-test="reveal-open"]').click();
    await page.locator('[data-test="reveal-reason"] textarea').fill('核查工资投诉');
    await screenshot(page, 'studio-person-reveal-reason');
    await page.locator('[data-test="reveal-confirm"]').click();
    const values = page.locator('[data-test="reveal-values"]');
    await values.waitFor({ timeout: 30_000 });
    expect(await values.innerText()).toContain(personFields['id_number']);
    expect(await values.innerText()).toContain('证件号码');
    await screenshot(page, 'studio-person-revealed');
    const reveal = await db('audit_log').where({ action: 'personal_data.reveal', item: String(person) }).orderBy('id', 'desc').first();
    expect(reveal.note).toContain('核查工资投诉');

    // The ID photo: the reason given above is reused for this page; the view is its own audit row.
    await page.locator('[data-test="photo-id_front-open"]').scrollIntoViewIfNeeded();
    await page.locator('[data-test="photo-id_front-open"]').click();
    await page.locator('[data-test="photo-id_front"] img').waitFor({ timeout: 30_000 });
    expect(await db('audit_log').where({ action: 'file.view', item: String(person) })).toHaveLength(1);
    await screenshot(page, 'studio-person-photo');

    // Fold the revealed values away again (they are the one place a full number may be on screen).
    await page.getByRole('button', { name: '隐藏' }).click();
    await page.getByText('操作记录').first().scrollIntoViewIfNeeded();
    const history = page.locator('[data-test="history"]');
    await expect.poll(() => history.innerText(), { timeout: 30_000 }).toContain('查看完整个人信息');
    expect(await history.innerText()).toContain('住建局演示账号');
    await readable(codes(AUDIT_ACTIONS));
    await screenshot(page, 'studio-person-history');

    // The project's record of the person: its phone masked, its face check in words.
    await visit(`content/employments/${employment}`, '人脸核验结果');
    await page.getByText('人脸核验结果').first().scrollIntoViewIfNeeded();
    const text = await readable();
    expect(text).toContain('139****7788');
    expect(text).not.toContain(personFields['phone']);
    for (const label of ['检测到人脸', '未戴眼镜', '与身份证照片为同一人', '通过', '未判断']) expect(text).toContain(label);
    expect(text).not.toMatch(/FACE_MISSING|GLASSES|"rule"/);
    await screenshot(page, 'studio-employment-face-check');
  }, 240_000);

  test('项目人员 and 关键岗位: trades and posts by name; each decision offered only where it applies', async () => {
    await visit('content/employments', '工种/岗位');
    const employments = await readable([/(^|\s)0[1-9]0(\s|$)/]);
    expect(employments).toMatch(/砌筑工|钢筋工|架子工|木工|项目经理|安全员/);
    await screenshot(page, 'studio-employments-list');

    await visit(`content/key_posts/${pendingPost}`, '审核关键岗位入场登记');
    expect(await page.getByText('审核退场解锁').count()).toBe(0);
    await readable();
    await screenshot(page, 'studio-key-post-pending');

    await visit(`content/key_posts/${exitPost}`, '审核退场解锁');
    expect(await page.getByText('审核关键岗位入场登记').count()).toBe(0);
    expect(await page.locator('[data-test="review-form"]').innerText()).toContain('同意后该日前仍计在岗');
    await readable();
    await screenshot(page, 'studio-key-post-exit-pending');

    // Decided elsewhere meanwhile: the refusal is shown in place, in Chinese, without a dialog.
    const bureau = await login(DEMO_LOGINS.bureau.email, DEMO_LOGINS.bureau.password);
    await api('POST', `/flows/trigger/${FLOW_IDS.reviewKeyPostExit}`, { token: bureau, json: { collection: 'key_posts', keys: [String(exitPost)], decision: 'approve' } });
    await page.locator('[data-test="review-approve"]').click();
    await page.locator('[data-test="review-submit"]').click();
    await expect.poll(() => page.locator('[data-test="review-error"]').innerText(), { timeout: 30_000 }).toBe('该申请已审核，不能重复审核');
    await readable();
    await screenshot(page, 'studio-key-post-refused');

    await visit(`content/key_posts/${exitPost}`, '已同意退场');
    expect(await page.locator('[data-test="review-form"]').count()).toBe(0);
    await screenshot(page, 'studio-key-post-exit-approved');
  }, 240_000);

  test('预警, 设备, 设备指令, 设备事件, 审计日志: the person, percentages and days, names and labels instead of ids and codes', async () => {
    const bureau = await login(DEMO_LOGINS.bureau.email, DEMO_LOGINS.bureau.password);
    const absence = await db('warnings').where({ kind: 'long_absence', status: 'open' }).first('id', 'subject');
    await api('PATCH', `/items/warnings/${absence.id}`, { token: bureau, json: { status: 'handled', handled_note: '已电话督促项目办理退场' } });
    const subject = await db('employments').join('people', 'people.id', 'employments.person').where('employments.id', Number(absence.subject)).first('people.name');
    await visit(`content/warnings/${absence.id}`, '预警人员');
    await expect.poll(screenText, { timeout: 30_000 }).toContain(subject.name);
    await expect.poll(screenText, { timeout: 30_000 }).toContain('住建局演示账号');
    const warning = await readable(codes(WARNING_KINDS));
    expect(warning).toMatch(/\d+ 天/);
    expect(warning).toContain('住建局演示账号');
    await screenshot(page, 'studio-warning-handled');

    const rate = await db('warnings').whereIn('kind', ['attendance_rate', 'key_post_presence']).first('id');
    await visit(`content/warnings/${rate.id}`, '阈值');
    expect(await readable()).toMatch(/\d+(\.\d)?%/);
    await screenshot(page, 'studio-warning-rate');

    await visit('content/device_commands', '类型');
    const commands = await readable(codes(DEVICE_COMMAND_KINDS));
    expect(commands).toMatch(/下发人员|下发人脸|删除人员/);
    await screenshot(page, 'studio-device-commands');

    // A device: its key is set but never shown, what the terminal reports is labelled, the events in Chinese.
    const device = await db('devices').whereNotNull('project').orderBy('id').first('id', 'sn', 'project');
    await db('device_events').insert({
      kind: 'implausible_time',
      device: device.id,
      sn: device.sn,
      project: device.project,
      occurred_at: dbTimestamp(db, new Date(Date.now() + 3 * 86_400_000)),
      count: 1,
      pin: '1001',
      detail: '打卡时间超前 3 天，未计考勤',
      received_at: dbTimestamp(db, new Date()),
      dedup_key: `studio-e2e-${Date.now()}`,
    });
    await visit(`content/devices/${device.id}`, '设备密钥');
    const deviceText = await readable(codes(DEVICE_EVENT_KINDS));
    for (const label of ['设备密钥', '允许的来源地址', '设备时间异常', '最后在线', '操作记录']) expect(deviceText).toContain(label);
    await screenshot(page, 'studio-device');
    await visit('content/device_events', '发生时间');
    const events = await readable(codes(DEVICE_EVENT_KINDS));
    expect(events).toContain('打卡时间异常');
    await screenshot(page, 'studio-device-events');

    await visit('content/audit_log', '操作人');
    const audit = await readable(codes(AUDIT_ACTIONS));
    expect(audit).toContain('住建局演示账号');
    expect(audit).toMatch(/通过项目申报|处理预警|查看完整个人信息/);
    expect(audit).not.toMatch(/(^|\s)(projects|key_posts|people)(\s|$)/);
    await screenshot(page, 'studio-audit-log');
  }, 240_000);

  test('工资表 in yuan, the dashboard in percentages with the person in each warning, Chinese everywhere else', async () => {
    const demo = DEMO_LOGINS.projects[0]!;
    const staff = await login(accountToEmail(demo.account), demo.password);
    const month = addDays(todayInShanghai(new Date()).slice(0, 8) + '01', -1).slice(0, 7);
    await api('POST', '/platform/payrolls', { token: staff, json: { month } });
    await visit('content/payrolls', '应发合计');
    const payrolls = await readable();
    expect(payrolls).toMatch(/\d{1,3}(,\d{3})*\.\d{2} 元/);
    await screenshot(page, 'studio-payrolls');

    await visit(`insights/${DASHBOARD_ID}`, '今日各项目出勤率（最低在前）');
    await page.waitForTimeout(1500);
    const dashboard = await readable();
    expect(dashboard).toMatch(/\d+(\.\d)?% · /);
    expect(dashboard).toMatch(/已连续 \d+ 天未打卡/);
    expect(dashboard).toMatch(/\d{1,2}月\d{1,2}日/); // chart axes
    expect(dashboard).not.toMatch(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/);
    await screenshot(page, 'studio-dashboard');

    await visit('users', '正常用户');
    const users = await readable();
    expect(users).toContain('已停用用户');
    expect(users).toContain('管理员');
    await screenshot(page, 'studio-users');
    // No file library for the bureau: the 文件 module is not in the module bar.
    expect(await page.locator('a[href$="/admin/files"]').count()).toBe(0);
    // The studio reopens a user's last page at login: leave the shared demo account in 内容 for the other browser tests.
    await visit('content/projects', '项目名称');
  }, 240_000);
});
