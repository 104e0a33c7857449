import type { Knex } from 'knex';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { todayInShanghai } from '../../schema/rules/dates';
import { field, hasChromium, logIn, openPhone, screenshot } from '../support/browser';
import { openDatabase } from '../support/db';
import { ADMIN } from '../support/fixtures';
import { login } from '../support/http';
import { insertOnSite, insertTeam, projectStaff } from '../support/site-fixtures';

const TODAY = todayInShanghai(new Date());

/** A photographed page of a paper contract: a title and ruled lines, as a JPEG. */
function contractPage(page: number): Promise<Buffer> {
  const lines = Array.from({ length: 14 }, (_, i) => `<rect x="60" y="${190 + i * 44}" width="${i % 4 === 3 ? 300 : 480}" height="10" rx="5" fill="#c9ced6"/>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="840"><rect width="600" height="840" fill="#f4f1e8"/>
    <text x="300" y="110" font-size="44" text-anchor="middle" font-family="Noto Serif CJK SC" fill="#333">劳动合同书</text>
    <text x="300" y="150" font-size="20" text-anchor="middle" font-family="Noto Serif CJK SC" fill="#777">第 ${page} 页</text>${lines}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

/** A photographed side of an ID card (a tinted card with a caption), stored as a Directus file by the administrator. */
async function uploadCardPhoto(admin: string, caption: string, tint: string): Promise<string> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="404"><rect width="640" height="404" rx="24" fill="${tint}"/>
    <text x="320" y="210" font-size="40" text-anchor="middle" font-family="Noto Serif CJK SC" fill="#555">${caption}</text></svg>`;
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(await sharp(Buffer.from(svg)).jpeg().toBuffer())], { type: 'image/jpeg' }), 'card.jpg');
  const response = await fetch(`${inject('baseUrl')}/files`, { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body: form });
  return (await response.json()).data.id;
}

/** Waits until no toast is showing and scrolls to the top, so a screenshot shows the page itself. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !Array.from(document.querySelectorAll<HTMLElement>('.van-toast')).some((toast) => getComputedStyle(toast).display !== 'none'), null, { timeout: 10_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
}

describe.runIf(hasChromium)('H5 in Chromium: 施工人员, 劳动合同 and 班组退场', () => {
  let db: Knex;
  let projectId: number;
  let team: { id: number; unit: number; name: string };
  let ids: number[];

  beforeAll(async () => {
    db = openDatabase(inject('platformEnv'));
    projectId = (await projectStaff(0)).projectId;
    team = await insertTeam(db, projectId, { name: `钢筋班E2E${Date.now() % 1000}` });
    ids = await insertOnSite(db, projectId, team, { count: 6, entryDate: '2026-01-05', namePrefix: '张', trade: '020' });
  });
  afterAll(() => db.destroy());

  test('the personnel list, 发卡 and 人员编辑', async () => {
    const { page, close } = await openPhone();
    try {
      await logIn(page, inject('baseUrl'));
      await page.locator('[data-test="home-menu-施工人员"]').click();
      await expect.poll(() => page.locator('[data-test="people-total"] strong').innerText(), { timeout: 15_000 }).toMatch(/^\d+$/);
      await page.locator('article.person').first().waitFor();
      const total = Number(await page.locator('[data-test="people-total"] strong').innerText());
      expect(total).toBeGreaterThanOrEqual(30);
      await settle(page);
      await screenshot(page, 'people-list');

      await field(page, 'people-search').fill(team.name);
      await field(page, 'people-search').press('Enter');
      await expect.poll(() => page.locator('[data-test="people-total"] strong').innerText(), { timeout: 10_000 }).toBe('6');
      const card = page.locator(`[data-test="person-${ids[0]}"]`);
      await expect(card.innerText()).resolves.toContain('钢筋工');
      await expect(card.innerText()).resolves.toContain(team.name);
      await expect(card.innerText()).resolves.toMatch(/139\*{4}\d{4}/);
      await settle(page);
      await screenshot(page, 'people-list-search');

      await page.locator(`[data-test="person-${ids[0]}-card"]`).click();
      await field(page, 'person-card-no').fill('E2E105555');
      await page.locator('[data-test="person-card-submit"]').click();
      await expect.poll(async () => (await db('employments').where({ id: ids[0] }).first()).card_no, { timeout: 10_000 }).toBe('E2E105555');
      await page.locator(`[data-test="person-${ids[0]}"]`).waitFor();
      await expect.poll(() => page.locator(`[data-test="person-${ids[0]}"]`).innerText(), { timeout: 10_000 }).toContain('E2E105555');

      await page.locator(`[data-test="person-${ids[0]}-edit"]`).click();
      await field(page, 'person-edit-phone').waitFor({ timeout: 10_000 });
      await field(page, 'person-edit-phone').fill('13712345678');
      await settle(page);
      await screenshot(page, 'person-edit');
      await page.locator('[data-test="person-edit-submit"]').click();
      await expect
        .poll(async () => (await db('employments').where({ id: ids[0] }).first('phone')).phone, { timeout: 10_000 })
        .toBe('13712345678');

      // 查看 shows the ID card photos through /platform/files (private files of this project's people).
      const admin = await login(ADMIN.email, ADMIN.password);
      // The card photos this project took (they sit on its employment).
      await db('employments').where({ id: ids[0] }).update({ id_front: await uploadCardPhoto(admin, '身份证人像面', '#dbe8f7'), id_back: await uploadCardPhoto(admin, '身份证国徽面', '#f7ecd9') });
      await page.goto(`${inject('baseUrl')}/h5/people/${ids[0]}`);
      await page.locator('[data-test="person-detail-id_number"]').waitFor({ timeout: 10_000 });
      await page.waitForFunction(() => document.querySelectorAll('[data-test="person-detail-photos"] img').length === 2, null, { timeout: 10_000 });
      await expect(page.locator('[data-test="person-detail-id_number"]').innerText()).resolves.toMatch(/\d{17}[\dX]/);
      await settle(page);
      await screenshot(page, 'person-detail');
    } finally {
      await close();
    }
  }, 120_000);

  test('签订合同 with two photos, then 查看合同, a photo full screen and its deletion', async () => {
    const { page, close } = await openPhone();
    try {
      await logIn(page, inject('baseUrl'));
      await page.goto(`${inject('baseUrl')}/h5/contracts?status=unsigned&q=${encodeURIComponent(team.name)}`);
      await page.locator(`[data-test="contract-sign-${ids[1]}"]`).click();
      await page.waitForURL(/\/contracts\/sign\/\d+$/);
      await page.locator('[data-test="contract-sign-name"]').waitFor({ timeout: 15_000 });
      await page.locator('[data-test="contract-sign-photos"] input[type=file]').setInputFiles([
        { name: 'page1.jpg', mimeType: 'image/jpeg', buffer: await contractPage(1) },
        { name: 'page2.jpg', mimeType: 'image/jpeg', buffer: await contractPage(2) },
      ]);
      await page.locator('.van-uploader__preview').nth(1).waitFor();
      await settle(page);
      await screenshot(page, 'contract-sign');
      await page.locator('[data-test="contract-sign-submit"]').click();

      await page.locator('[data-test="contract-no"]').waitFor({ timeout: 15_000 });
      const contractNo = (await page.locator('[data-test="contract-no"]').innerText()).match(/HT\w+/)?.[0];
      const stored = await db('contracts').where({ employment: ids[1] }).first();
      expect(contractNo).toBe(stored.contract_no);
      await expect(page.locator('[data-test="contract-photo-count"]').innerText()).resolves.toContain('2个附件');
      await expect(page.locator('[data-test="contract-id_number"]').innerText()).resolves.toMatch(/\d{4}\*{10}[\dX]{4}/);
      await page.waitForFunction(() => document.querySelectorAll('[data-test^="contract-photo-"] img').length === 2, null, { timeout: 10_000 });
      await settle(page);
      await screenshot(page, 'contract-view');

      await page.locator('[data-test="contract-photo-1"]').click();
      await page.locator('[data-test="contract-photo-delete"]').waitFor();
      await page.waitForTimeout(500);
      await screenshot(page, 'contract-photo-preview');
      await page.locator('[data-test="contract-photo-delete"]').click();
      await page.locator('.van-dialog__confirm').click();
      await expect.poll(() => page.locator('[data-test="contract-photo-count"]').innerText(), { timeout: 10_000 }).toContain('1个附件');
      expect(await db('contracts_files').where({ contracts_id: stored.id }).count({ n: '*' })).toEqual([{ n: 1 }]);
    } finally {
      await close();
    }
  }, 120_000);

  test('班组退场 from 项目班组 after the irreversible warning', async () => {
    const exitTeam = await insertTeam(db, projectId, { name: `抹灰班E2E${Date.now() % 1000}` });
    const members = await insertOnSite(db, projectId, exitTeam, { count: 5, entryDate: '2026-01-05', namePrefix: '李' });
    const { page, close } = await openPhone();
    try {
      await logIn(page, inject('baseUrl'));
      await page.goto(`${inject('baseUrl')}/h5/teams`);
      await field(page, 'teams-search').fill(exitTeam.name);
      await page.locator(`[data-test="team-exit-${exitTeam.id}"]`).click();
      await page.locator('[data-test="team-exit-count"]').waitFor({ timeout: 10_000 });
      await expect(page.locator('[data-test="team-exit-count"]').innerText()).resolves.toContain('5 人');
      await settle(page);
      await screenshot(page, 'team-exit');

      await page.locator('[data-test="team-exit-submit"]').click();
      const dialog = page.locator('.van-dialog');
      await dialog.waitFor();
      await expect(dialog.innerText()).resolves.toContain('退场后无法恢复，人员需重新登记才能再次进场');
      // The dialog is fixed on screen: scroll the page home so the full-page shot keeps the nav bar in place.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(400);
      await screenshot(page, 'team-exit-confirm');
      await page.locator('.van-dialog__confirm').click();

      await page.locator('[data-test="teams-search"]').first().waitFor({ timeout: 10_000 });
      await expect.poll(async () => (await db('employments').whereIn('id', members).pluck('status')).join(','), { timeout: 10_000 }).toBe('exited,exited,exited,exited,exited');
      expect((await db('teams').where({ id: exitTeam.id }).first()).status).toBe('exited');
      const exitDates = await db('employments').whereIn('id', members).pluck('exit_date');
      expect(exitDates.every((value: number) => new Date(value).toISOString().slice(0, 10) === TODAY)).toBe(true);
    } finally {
      await close();
    }
  }, 120_000);
});
