/**
 * The H5 as a site clerk finds it (issue #17), on a phone in WeChat: the last 申报编号 is offered,
 * icon-only controls have names (found by role, as a screen reader finds them), long values end in
 * an ellipsis and show in full on tap, a birth date opens decades back, counts agree under a search,
 * 关键岗位 counts each post once, today's figures are live with their time, required fields are
 * marked, range messages say what is allowed, and no page breaks its Content-Security-Policy or
 * loads an uncompressed script.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Knex } from 'knex';
import { todayInShanghai } from '../../schema/rules/dates';
import { openDatabase } from '../support/db';
import { validDeclaration } from '../support/fixtures';
import { api } from '../support/http';
import { field, hasChromium, logIn, openPhone, screenshot, watchPage } from '../support/browser';
import { createApprovedProject } from '../support/fresh-project';
import { projectStaff } from '../support/site-fixtures';
import { MIN_BYTES } from '../../web-h5/build/compress.ts';

/** Waits for the network and animations to settle before a screenshot or a layout measurement. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(400);
}

/** Field labels that wrap onto a second line (「项目联系电」/「话」). */
async function wrappedLabels(page: Page): Promise<string[]> {
  // Lines of the label's own text (its box stretches with a tall field, its text does not).
  return page.locator('.van-field__label').evaluateAll((labels) =>
    labels
      .filter((label) => {
        const range = document.createRange();
        range.selectNodeContents(label);
        return new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top))).size > 1;
      })
      .map((label) => label.textContent ?? ''),
  );
}

/** Buttons in the page without an accessible name (what a screen reader would call 「按钮」). */
async function unnamedButtons(page: Page): Promise<string[]> {
  const snapshot = await page.locator('body').ariaSnapshot();
  return snapshot.split('\n').filter((line) => /^\s*- button(\s*\[[^\]]*\])*:?\s*$/.test(line));
}

describe.runIf(hasChromium)('H5 in Chromium: what a site clerk trips over', () => {
  let db: Knex;
  beforeAll(() => {
    db = openDatabase(inject('platformEnv'));
  });
  afterAll(() => db.destroy());

  test('申报进度 from the login page offers the last 申报编号', async () => {
    const base = inject('baseUrl');
    const submitted = await api('POST', '/platform/declarations', { json: { ...validDeclaration, name: `进度记忆测试项目${Date.now() % 100000}` } });
    expect(submitted.status).toBe(201);
    const applicationNo: string = submitted.body.data.application_no;
    const { page, close } = await openPhone();
    try {
      // What the H5 shows after 提交申报.
      await page.goto(`${base}/h5/declare/success?application_no=${applicationNo}`);
      await page.locator('[data-test="declare-success-no"]').waitFor();
      // Days later, from the WeChat menu: 登录 → 申报进度.
      await page.goto(`${base}/h5/login`);
      await page.getByRole('link', { name: '申报进度' }).click();
      await expect.poll(() => field(page, 'progress-no').inputValue()).toBe(applicationNo);
      expect(await page.locator('[data-test="progress-last"]').innerText()).toContain('上次');
      await field(page, 'progress-phone').fill(validDeclaration.contact_phone);
      await page.getByRole('button', { name: '查询' }).click();
      await expect.poll(() => page.locator('[data-test="progress-status"]').innerText(), { timeout: 15_000 }).toBe('审核中');
      // Cleared by hand, the number is still offered.
      await field(page, 'progress-no').fill('');
      await page.getByRole('button', { name: applicationNo }).click();
      expect(await field(page, 'progress-no').inputValue()).toBe(applicationNo);
      await settle(page);
      await screenshot(page, 'clerk-progress-remembered');
    } finally {
      await close();
    }
  }, 300_000);

  test('icon-only controls are found by their names; long values end in an ellipsis and show in full on tap; a birth date opens decades back', async () => {
    const base = inject('baseUrl');
    const staff = await projectStaff(0);
    const person = await db('employments').where({ project: staff.projectId, status: 'on_site' }).whereNotIn('id', db('contracts').select('employment').whereNotNull('employment')).first('id');
    const team = await db('teams').where({ project: staff.projectId, status: 'active' }).whereNot('kind', 'management').first('id', 'unit');
    const { page, close } = await openPhone();
    try {
      await logIn(page, base);

      // 出勤一览表: the date arrows and the date itself.
      await page.goto(`${base}/h5/attendance/summary`);
      await page.locator('[data-test="summary-head"]').waitFor({ timeout: 20_000 });
      expect(await page.getByRole('button', { name: '后一天' }).isDisabled()).toBe(true);
      await page.getByRole('button', { name: '前一天' }).click();
      await expect.poll(() => page.getByRole('button', { name: '后一天' }).isDisabled()).toBe(false);
      await page.getByRole('button', { name: '后一天' }).click();
      await page.getByRole('button', { name: '选择日期' }).waitFor();
      await page.getByRole('button', { name: '返回' }).waitFor();
      expect(await unnamedButtons(page)).toEqual([]);

      // 劳动合同 → 签订合同: the 「点击+号」 tile, and a long 合同类型.
      await page.goto(`${base}/h5/contracts/sign/${person.id}`);
      await page.locator('[data-test="contract-sign-form"]').waitFor({ timeout: 20_000 });
      await page.getByRole('button', { name: '上传合同照片' }).waitFor({ state: 'attached' });
      expect(await unnamedButtons(page)).toEqual([]);
      await page.locator('[data-test="contract-sign-type"]').click();
      const picker = page.locator('[data-test="contract-sign-type-picker"]');
      await picker.getByRole('button', { name: '以完成一定工作任务为期限的合同' }).click();
      await page.waitForTimeout(400);
      await picker.locator('.van-picker__confirm').click();
      await picker.waitFor({ state: 'hidden' });
      const type = field(page, 'contract-sign-type');
      const cut = await type.evaluate((input: HTMLInputElement) => ({ overflows: input.scrollWidth > input.clientWidth, ellipsis: getComputedStyle(input).textOverflow }));
      expect(cut).toEqual({ overflows: true, ellipsis: 'ellipsis' });
      await settle(page);
      await screenshot(page, 'clerk-contract-type-ellipsis');
      await page.locator('[data-test="contract-sign-type"]').click();
      const full = page.locator('[data-test="contract-sign-type-full"]');
      await full.waitFor();
      expect(await full.innerText()).toBe('合同类型：以完成一定工作任务为期限的合同');
      expect(await full.evaluate((p) => p.scrollWidth <= p.clientWidth)).toBe(true);
      await settle(page);
      await screenshot(page, 'clerk-contract-type-full');

      // 实名制登记: 本人照片 tile, the two ID faces; 出生日期 opens thirty-five years back.
      await page.goto(`${base}/h5/register/form?role=worker&team=${team.id}&unit=${team.unit}`);
      await page.getByRole('button', { name: '上传本人照片' }).waitFor({ state: 'attached', timeout: 20_000 });
      await page.getByRole('button', { name: '上传身份证正面' }).waitFor({ state: 'attached' });
      await page.getByRole('button', { name: '上传身份证背面' }).waitFor({ state: 'attached' });
      expect(await unnamedButtons(page)).toEqual([]);
      await page.locator('[data-test="reg-birth_date"]').click();
      const year = page.locator('[data-test="reg-birth_date-picker"] .van-picker-column').first().locator('.van-picker-column__item--selected');
      await year.waitFor();
      expect(Number(await year.innerText())).toBe(Number(todayInShanghai(new Date()).slice(0, 4)) - 35);
      await settle(page);
      await screenshot(page, 'clerk-birth-date-picker');
    } finally {
      await close();
    }
  }, 300_000);

  test('counts agree: 人脸采集 under a search, 关键岗位 post by post', async () => {
    const base = inject('baseUrl');
    const staff = await projectStaff(0);
    // A team with people both with and without a face photo, small enough to fit one page.
    const team = (await db('teams').where({ project: staff.projectId, status: 'active' }).select('name')).map((row: { name: string }) => row.name);
    let query = '';
    let expected = { total: 0, missing_total: 0 };
    for (const name of team) {
      const found = (await api('GET', `/platform/faces?q=${encodeURIComponent(name)}`, { token: staff.token })).body.data;
      if (found.total > 0 && found.total <= 20 && found.missing_total > 0) {
        query = name;
        expected = found;
        break;
      }
    }
    expect(query, 'a team with people missing a face photo').not.toBe('');
    const all = (await api('GET', '/platform/faces', { token: staff.token })).body.data;
    expect(all.missing_total).toBeGreaterThanOrEqual(expected.missing_total);
    const { page, close } = await openPhone();
    try {
      await logIn(page, base);
      await page.goto(`${base}/h5/faces`);
      await page.locator('[data-test="faces-total"] strong').waitFor({ timeout: 20_000 });
      const search = page.getByRole('searchbox');
      await search.fill(query);
      await search.press('Enter');
      // 「共N人」 and 「未采集 M 人」 both count the search: what the list shows.
      await expect.poll(async () => Number(await page.locator('[data-test="faces-total"] strong').innerText()), { timeout: 15_000 }).toBe(expected.total);
      await expect.poll(() => page.locator('[data-test^="face-"][data-test$="-capture"]').count()).toBe(expected.total);
      const missingCards = await page.locator('[data-test^="face-"][data-test$="-missing"]').count();
      expect(missingCards).toBe(expected.missing_total);
      expect(await page.locator('[data-test="faces-total"]').innerText()).toContain(`未采集 ${missingCards} 人`);
      await settle(page);
      await screenshot(page, 'clerk-faces-search-counts');

      // 关键岗位 of the demo project: a pending entry and an exit under review; every post counted once.
      await page.goto(`${base}/h5/key-posts`);
      await page.locator('[data-test="key-posts-summary"]').waitFor({ timeout: 20_000 });
      const posts = await page.locator('article.post').count();
      const figure = async (id: string) => Number(await page.locator(`[data-test="${id}"] strong`).innerText());
      const [inPost, waiting, empty] = [await figure('key-posts-in-post'), await figure('key-posts-waiting'), await figure('key-posts-empty-count')];
      expect(inPost + waiting + empty).toBe(posts);
      const exitPending = await page.locator('[data-test$="-status"]', { hasText: '退场待审核' }).count();
      expect(exitPending).toBeGreaterThan(0);
      expect(await page.locator('[data-test="key-posts-total"]').innerText()).toContain(`共 ${posts} 个岗位；在岗人员中 ${exitPending} 人退场审核中`);
      await settle(page);
      await screenshot(page, 'clerk-key-posts-counts');
    } finally {
      await close();
    }
  }, 300_000);

  test('出勤一览表 today: live figures labelled 「截至 HH:MM」, never red before the arrival time', async () => {
    const base = inject('baseUrl');
    const staff = await projectStaff(0);
    const { page, close } = await openPhone();
    try {
      await logIn(page, base);
      await page.goto(`${base}/h5/attendance/summary`);
      await page.locator('[data-test="summary-as-of"]').waitFor({ timeout: 20_000 });
      const api = (await (await fetch(`${base}/platform/attendance/summary`, { headers: { authorization: `Bearer ${staff.token}` } })).json()).data;
      expect(Number(await page.locator('[data-test="summary-on-site"]').innerText())).toBe(api.on_site);
      expect(Number(await page.locator('[data-test="summary-present"] strong').innerText())).toBe(api.present);
      const asOf = await page.locator('[data-test="summary-as-of"] strong').innerText();
      expect(asOf).toMatch(/^\d{2}:\d{2}$/);
      const now = new Date();
      const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
      const clock = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
      expect(Math.abs(minutes(clock) - minutes(asOf)) % (24 * 60)).toBeLessThanOrEqual(2);
      expect(await page.locator('[data-test="summary-as-of"]').innerText()).toContain('截至');
      expect(await page.locator('[data-test="summary-live-note"]').innerText()).toContain(`截至 ${asOf}`);
      const ringLow = (await page.locator('[data-test="summary-rate-ring"]').getAttribute('class'))!.includes('summary__rate--low');
      if (api.live.rate_state === 'early') {
        expect(ringLow).toBe(false);
        expect(await page.locator('[data-test="summary-live-note"]').innerText()).toContain(`${api.arrival_by} 前不预警`);
      } else expect(ringLow).toBe(api.live.rate_state === 'low');
      // Today has no 打卡不足 until it is over: 已打卡 and 未打卡 only.
      expect(await page.locator('[data-test="summary-partial"]').count()).toBe(0);
      await settle(page);
      await screenshot(page, 'clerk-summary-today');
    } finally {
      await close();
    }
  }, 300_000);

  test('required fields are marked on the key-post form as on the worker form; amounts say what is allowed', async () => {
    const base = inject('baseUrl');
    // A new project: every key post still to register.
    const project = await createApprovedProject('必填标记测试');
    expect((await api('POST', '/platform/me/password', { token: project.token, json: { current_password: project.password, new_password: 'Required2026' } })).status).toBe(204);
    const { page, close } = await openPhone();
    try {
      await page.goto(`${base}/h5/login`);
      await field(page, 'login-account').fill(project.account);
      await field(page, 'login-password').fill('Required2026');
      await page.getByRole('button', { name: '登录' }).click();
      await page.locator('[data-test="home-project-name"]').waitFor({ timeout: 30_000 });
      await page.goto(`${base}/h5/key-posts`);
      await page.locator('[data-test$="-entry"]').first().click({ timeout: 20_000 });
      await page.locator('[data-test="key-post-entry-form"]').waitFor({ timeout: 20_000 });
      // Vant draws the red asterisk on the label of a field whose rules say required (required="auto").
      const marked = async (id: string) => (await page.locator(`[data-test="${id}"] .van-field__label--required`).count()) > 0;
      for (const id of ['name', 'id_number', 'gender', 'ethnicity', 'birth_date', 'address', 'issuing_authority', 'id_valid_from', 'id_valid_to', 'entry_date']) {
        expect(await marked(`key-post-entry-${id}`), id).toBe(true);
      }
      expect(await marked('key-post-entry-phone')).toBe(false);
      await settle(page);
      await screenshot(page, 'clerk-key-post-required');

      // 项目申报: 建筑面积 -5.
      await page.goto(`${base}/h5/declare`);
      await field(page, 'declare-floor_area').fill('-5');
      await field(page, 'declare-height').fill('1000000');
      await page.locator('[data-test="declare-submit"]').click();
      await expect.poll(() => page.locator('[data-test="declare-floor_area"] .van-field__error-message').innerText()).toBe('建筑面积须大于 0');
      expect(await page.locator('[data-test="declare-height"] .van-field__error-message').innerText()).toBe('建筑高不能超过 999999.99');
      await page.locator('[data-test="declare-floor_area"]').scrollIntoViewIfNeeded();
      await settle(page);
      await screenshot(page, 'clerk-declare-range-message');
    } finally {
      await close();
    }
  }, 300_000);

  test('人员编辑 labels fit on one line; the 导出中 spinner stays inside its button', async () => {
    const base = inject('baseUrl');
    const staff = await projectStaff(0);
    const person = await db('employments').where({ project: staff.projectId, status: 'on_site', role: 'worker' }).first('id');
    const { page, close } = await openPhone();
    try {
      await logIn(page, base);
      await page.goto(`${base}/h5/people/${person.id}/edit`);
      await page.locator('[data-test="person-edit-form"]').waitFor({ timeout: 20_000 });
      await page.locator('[data-test="person-edit-wage_method"]').click();
      const picker = page.locator('[data-test="person-edit-wage_method-picker"]');
      await picker.getByRole('button', { name: '计量/计件' }).click();
      await page.waitForTimeout(400);
      await picker.locator('.van-picker__confirm').click();
      const label = page.locator('[data-test="person-edit-wage_amount"] .van-field__label');
      await expect.poll(() => label.innerText()).toBe('计量/计件工资');
      expect(await wrappedLabels(page)).toEqual([]);
      await settle(page);
      await screenshot(page, 'clerk-person-edit-labels');

      // 导出花名册 while the export is on its way (held back here): spinner and text inside the button.
      await page.goto(`${base}/h5/people`);
      const exportButton = page.locator('[data-test="people-export"]');
      await exportButton.waitFor({ timeout: 20_000 });
      const held: (() => void)[] = [];
      await page.route('**/platform/exports', async (route) => {
        await new Promise<void>((resolve) => held.push(resolve));
        await route.continue().catch(() => undefined); // the page may be gone by then
      });
      await exportButton.click();
      await page.locator('[data-test="people-export"] .van-loading').waitFor();
      const inside = await exportButton.evaluate((button) => {
        const box = button.getBoundingClientRect();
        return Array.from(button.querySelectorAll('.van-loading, .van-button__text')).every((part) => {
          const r = part.getBoundingClientRect();
          return r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
        });
      });
      await screenshot(page, 'clerk-export-busy');
      for (const release of held) release();
      expect(inside).toBe(true);
      await page.locator('.van-dialog, .download-toast').first().waitFor({ timeout: 30_000 });
    } finally {
      await close();
    }
  }, 300_000);

  test('no page breaks its Content-Security-Policy, misses a file or loads an uncompressed script; every button has a name', async () => {
    const base = inject('baseUrl');
    const staff = await projectStaff(0);
    const person = await db('employments').where({ project: staff.projectId, status: 'on_site' }).first('id');
    const { page, close } = await openPhone();
    const problems = watchPage(page, base);
    const uncompressed: string[] = [];
    page.on('response', async (response) => {
      const type = response.request().resourceType();
      if ((type === 'script' || type === 'stylesheet' || type === 'document') && response.url().startsWith(`${base}/h5/`)) {
        const encoding = await response.headerValue('content-encoding');
        // The build leaves files under MIN_BYTES alone: compressing them saves nothing.
        const bytes = Number(await response.headerValue('content-length'));
        if (encoding !== 'br' && encoding !== 'gzip' && response.status() === 200 && bytes >= MIN_BYTES) uncompressed.push(`${response.url()} (${encoding ?? 'identity'}, ${bytes} B)`);
      }
    });
    try {
      for (const path of ['/h5/login', '/h5/declare', '/h5/progress']) {
        await page.goto(`${base}${path}`);
        await settle(page);
        expect(await unnamedButtons(page), path).toEqual([]);
        expect(await wrappedLabels(page), path).toEqual([]);
      }
      await logIn(page, base);
      const pages = [
        '/h5/home',
        '/h5/teams',
        '/h5/register',
        '/h5/faces',
        '/h5/key-posts',
        '/h5/contracts',
        '/h5/people',
        `/h5/people/${person.id}`,
        `/h5/people/${person.id}/edit`,
        `/h5/people/${person.id}/card`,
        `/h5/people/${person.id}/exit`,
        '/h5/teams/new',
        '/h5/attendance/records/manual',
        '/h5/attendance/summary',
        '/h5/attendance/records',
        '/h5/devices',
        '/h5/payroll',
      ];
      for (const path of pages) {
        await page.goto(`${base}${path}`);
        await settle(page);
        expect(await unnamedButtons(page), path).toEqual([]);
        expect(await wrappedLabels(page), path).toEqual([]);
      }
      // The register page's 「这里」 creates a unit without a javascript: URL.
      await page.goto(`${base}/h5/register`);
      await page.locator('.register__choice').first().click();
      await page.getByRole('button', { name: '这里' }).click();
      await page.locator('[data-test="unit-submit"]').waitFor();
      await screenshot(page, 'clerk-register-here');
      expect(await problems()).toEqual([]);
      expect(uncompressed).toEqual([]);
    } finally {
      await close();
    }
  }, 300_000);
});
