import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { FLOW_IDS } from '../../schema/flows';
import { addDays, makeIdNumber, todayInShanghai } from '../../schema/rules';
import { DEMO_LOGINS } from '../../seeds/demo-logins';
import { ROOT } from '../../scripts/lib/directus.ts';
import { chromium } from 'playwright-core';
import { CHROMIUM, hasChromium, openPhone, screenshot } from '../support/browser';
import { ADMIN } from '../support/fixtures';
import { createApprovedProject, type FreshProject } from '../support/fresh-project';
import { api, login } from '../support/http';

const TODAY = todayInShanghai(new Date());
const CARDS = join(ROOT, 'tests', 'fixtures', 'id-cards');
const field = (page: Page, id: string) => page.locator(`[data-test="${id}"] input, [data-test="${id}"] textarea`).first();

/** A solid-colour PNG of the given size: something to photograph. @example solidPng(320, 200, [22, 119, 255]) */
function solidPng(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [r, g, b]).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

/** Waits until no toast is showing and scrolls to the top, so a full-page screenshot shows the page itself. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !Array.from(document.querySelectorAll<HTMLElement>('.van-toast')).some((toast) => getComputedStyle(toast).display !== 'none'), null, { timeout: 10_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(200);
}

const FRONT = solidPng(320, 200, [205, 225, 250]);
const BACK = solidPng(320, 200, [250, 235, 205]);
const CERTIFICATE = solidPng(240, 320, [220, 245, 225]);

/** Registers a key post through the API (the same multipart form the H5 sends). */
async function registerByApi(token: string, fields: Record<string, string>): Promise<number> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const [key, png] of [['id_front', FRONT], ['id_back', BACK], ['certificate', CERTIFICATE]] as const) form.append(key, new Blob([new Uint8Array(png)]), `${key}.png`);
  const response = await fetch(`${inject('baseUrl')}/platform/key-posts`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body.data.id;
}

const person = (name: string, birth: string, seq: number) => ({
  name,
  gender: 'male',
  ethnicity: '01',
  birth_date: birth,
  id_number: makeIdNumber('510802', birth, seq, 'male'),
  address: '四川省广元市利州区东坝街道滨河路8号',
  issuing_authority: '广元市公安局利州区分局',
  id_valid_from: '2016-03-01',
  id_valid_to: '长期',
  entry_date: addDays(TODAY, -45),
});

describe.runIf(hasChromium)('H5 in Chromium: the key-post board, 入场登记 and 退场解锁', () => {
  let project: FreshProject;
  let manager: number;
  let supervisor: number;

  beforeAll(async () => {
    project = await createApprovedProject('关键岗位浏览器测试');
    const changed = await api('POST', '/platform/me/password', { token: project.token, json: { current_password: project.password, new_password: 'Keypost2026' } });
    expect(changed.status).toBe(204);
    const seq = Math.floor(Math.random() * 400);
    const birth = addDays('1978-01-01', Math.floor(Math.random() * 3000));
    manager = await registerByApi(project.token, { unit_role: '009', post: 'project_manager', ...person('王建国', birth, seq), phone: '13908125678' });
    const bureau = await login(DEMO_LOGINS.bureau.email, DEMO_LOGINS.bureau.password);
    const approved = await api('POST', `/flows/trigger/${FLOW_IDS.reviewKeyPost}`, { token: bureau, json: { collection: 'key_posts', keys: [String(manager)], decision: 'approve' } });
    expect(approved.status).toBe(200);
    supervisor = await registerByApi(project.token, { unit_role: '007', post: 'chief_supervisor', ...person('刘正信', addDays(birth, 40), (seq + 3) % 500) });
  });

  test('the demo project board shows its holders, applicants and empty posts', async () => {
    const demo = DEMO_LOGINS.projects[0]!;
    const { page, close } = await openPhone();
    try {
      await page.goto(`${inject('baseUrl')}/h5/login`);
      await field(page, 'login-account').fill(demo.account);
      await field(page, 'login-password').fill(demo.password);
      await page.locator('[data-test="login-submit"]').click();
      await page.locator('[data-test="home-project-name"]').waitFor({ timeout: 15_000 });
      await page.goto(`${inject('baseUrl')}/h5/key-posts`);
      await page.locator('[data-test="key-posts-summary"]').waitFor({ timeout: 15_000 });
      const statuses = await page.locator('[data-test$="-status"]').allInnerTexts();
      expect(statuses.length).toBeGreaterThan(0);
      for (const status of statuses) expect(['待审核', '在岗', '退场待审核']).toContain(status);
      await settle(page);
      await screenshot(page, 'key-posts-board-demo');
    } finally {
      await close();
    }
  }, 60_000);

  test('board → 入场注册 on an empty post → 退场解锁 of the holder', async () => {
    const base = inject('baseUrl');
    const { page, close } = await openPhone();
    try {
      await page.goto(`${base}/h5/login`);
      await field(page, 'login-account').fill(project.account);
      await field(page, 'login-password').fill('Keypost2026');
      await page.locator('[data-test="login-submit"]').click();
      await page.locator('[data-test="home-project-name"]').waitFor({ timeout: 15_000 });
      await page.locator('[data-test="home-menu-关键岗位"]').click();

      const pm = page.locator('[data-test="key-post-009-project_manager"]');
      await pm.waitFor({ timeout: 15_000 });
      expect(await pm.innerText()).toContain('王建国');
      expect(await page.locator('[data-test="key-post-009-project_manager-status"]').innerText()).toBe('在岗');
      expect(await page.locator('[data-test="key-post-007-chief_supervisor-status"]').innerText()).toBe('待审核');
      const lead = page.locator('[data-test="key-post-009-technical_lead"]');
      expect(await lead.innerText()).toContain('未登记');
      expect(await pm.innerText()).toMatch(/5108\*{10}\d{3}[\dX]/);
      await settle(page);
      await screenshot(page, 'key-posts-board');

      // 入场注册 on the empty 技术负责人 post.
      await page.locator('[data-test="key-post-009-technical_lead-entry"]').click();
      await page.locator('[data-test="key-post-entry-form"]').waitFor({ timeout: 15_000 });
      // The ID photos are read by the registration module's OCR (身份证识别); every field stays editable.
      await page.locator('[data-test="id-front"] input[type=file]').setInputFiles(join(CARDS, 'front-04-clean.jpg'));
      await page.locator('[data-test="id-back"] input[type=file]').setInputFiles(join(CARDS, 'back-04-clean.jpg'));
      await page.locator('[data-test="key-post-entry-certificate"] input[type=file]').setInputFiles({ name: 'cert.png', mimeType: 'image/png', buffer: CERTIFICATE });
      await page.locator('[data-test="id-recognise"]').click();
      await page.waitForFunction(() => document.querySelector<HTMLInputElement>('[data-test="key-post-entry-id_number"] input')?.value === '513231197208116513', null, { timeout: 60_000 });
      expect(await field(page, 'key-post-entry-name').inputValue()).toBe('次仁顿珠');
      expect(await field(page, 'key-post-entry-ethnicity').inputValue()).toBe('藏');
      expect(await field(page, 'key-post-entry-birth_date').inputValue()).toBe('1972-08-11');
      expect(await field(page, 'key-post-entry-issuing_authority').inputValue()).toBe('阿坝县公安局');
      expect(await page.locator('[data-test="key-post-entry-long_term"]').getAttribute('aria-checked')).toBe('true');
      // Other test files may register the card's holder elsewhere; this one registers a fresh identity instead.
      const newcomer = person('陈技术', '1985-06-15', Math.floor(Math.random() * 400));
      await field(page, 'key-post-entry-name').fill(newcomer.name);
      await field(page, 'key-post-entry-id_number').fill(newcomer.id_number);
      await field(page, 'key-post-entry-phone').click(); // blur: birth date and gender follow from the number
      expect(await field(page, 'key-post-entry-birth_date').inputValue()).toBe('1985-06-15');
      expect(await field(page, 'key-post-entry-gender').inputValue()).toBe('男');
      await field(page, 'key-post-entry-phone').fill('13908120001');
      await settle(page);
      await screenshot(page, 'key-post-entry-filled');
      await page.locator('[data-test="key-post-entry-submit"]').click();
      const leadStatus = page.locator('[data-test="key-post-009-technical_lead-status"]');
      await leadStatus.waitFor({ timeout: 15_000 });
      expect(await leadStatus.innerText()).toBe('待审核');
      expect(await lead.innerText()).toContain('陈技术');

      // 退场解锁 of the approved 项目经理.
      await page.locator('[data-test="key-post-009-project_manager-exit"]').click();
      await page.locator('[data-test="key-post-exit-form"]').waitFor({ timeout: 15_000 });
      expect(await page.locator('[data-test="key-post-exit-name"]').innerText()).toContain('王建国');
      expect(await page.locator('[data-test="key-post-exit-gender"]').innerText()).toContain('男');
      expect(await page.locator('[data-test="key-post-exit-id_number"]').innerText()).toMatch(/5108\*{10}/);
      expect(await page.locator('[data-test="key-post-exit-post"]').innerText()).toContain('项目经理');
      expect(await page.locator('[data-test="key-post-exit-unit"]').innerText()).toContain('四川蜀道建设有限公司');
      expect(await field(page, 'key-post-exit-date').inputValue()).toBe(TODAY);
      await field(page, 'key-post-exit-reason').fill('公司内部调动，调往其他项目');
      await settle(page);
      await screenshot(page, 'key-post-exit-form');
      await page.locator('[data-test="key-post-exit-submit"]').click();
      const pmStatus = page.locator('[data-test="key-post-009-project_manager-status"]');
      await page.waitForFunction(() => document.querySelector('[data-test="key-post-009-project_manager-status"]')?.textContent?.trim() === '退场待审核', null, { timeout: 15_000 });
      expect(await pmStatus.innerText()).toBe('退场待审核');
      await settle(page);
      await screenshot(page, 'key-posts-board-after');
    } finally {
      await close();
    }

    const admin = await login(ADMIN.email, ADMIN.password);
    const rows = (await api('GET', `/items/key_posts?filter[project][_eq]=${project.id}&fields=post,status,exit_date,exit_reason,person.name&sort=id`, { token: admin })).body.data;
    expect(rows).toEqual([
      { post: 'project_manager', status: 'exit_pending', exit_date: TODAY, exit_reason: '公司内部调动，调往其他项目', person: { name: '王建国' } },
      { post: 'chief_supervisor', status: 'pending', exit_date: null, exit_reason: null, person: { name: '刘正信' } },
      { post: 'technical_lead', status: 'pending', exit_date: null, exit_reason: null, person: { name: '陈技术' } },
    ]);
  }, 120_000);

  test('the bureau decides in the studio: bookmark, the 审核 panel on the item page, 通过', async () => {
    const base = inject('baseUrl');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })).newPage();
      await page.goto(`${base}/admin/login`);
      await page.locator('input[type=email]').fill(DEMO_LOGINS.bureau.email);
      await page.locator('input[type=password]').fill(DEMO_LOGINS.bureau.password);
      await page.locator('button[type=submit]').click();
      await page.waitForURL(/\/admin\/(content|insights)/, { timeout: 60_000 });

      await page.getByText('待审核关键岗位', { exact: true }).first().click();
      await page.getByText('刘正信', { exact: true }).first().waitFor({ timeout: 30_000 });
      await screenshot(page, 'studio-key-posts-pending');

      await page.goto(`${base}/admin/content/key_posts/${supervisor}`);
      // Only the decision this record awaits is offered (the exit review is not, nor a sidebar flow).
      await page.getByText('审核关键岗位入场登记').waitFor({ timeout: 30_000 });
      expect(await page.getByText('审核退场解锁').count()).toBe(0);
      await page.locator('[data-test="review-approve"]').click();
      await screenshot(page, 'studio-key-post-review');
      await page.locator('[data-test="review-submit"]').click();
      await page.locator('[data-test="review-done"]').waitFor({ timeout: 60_000 });
      expect(await page.locator('[data-test="review-done"]').innerText()).toBe('已通过：该人员已在岗');
      const admin = await login(ADMIN.email, ADMIN.password);
      await expect
        .poll(async () => (await api('GET', `/items/key_posts/${supervisor}?fields=status`, { token: admin })).body.data.status, { timeout: 15_000 })
        .toBe('approved');
    } finally {
      await browser.close();
    }
  }, 120_000);
});
