import { join } from 'node:path';
import type { Knex } from 'knex';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { ROOT } from '../../scripts/lib/directus.ts';
import { DEMO_LOGINS } from '../../seeds/demo-logins';
import { hasChromium, openPhone, screenshot } from '../support/browser';
import { openDatabase } from '../support/db';
import { insertOnSite, insertTeam, projectStaff } from '../support/site-fixtures';

const FIXTURES = join(ROOT, 'tests/fixtures/faces');
const input = (page: Page, id: string) => page.locator(`[data-test="${id}"] input`).first();

let db: Knex;
let team: { id: number; unit: number; name: string };
let employment: number;

beforeAll(async () => {
  db = openDatabase(inject('platformEnv'));
  const staff = await projectStaff(0);
  team = await insertTeam(db, staff.projectId, { name: `人脸浏览器班组${Date.now() % 100000}` });
  [employment] = (await insertOnSite(db, staff.projectId, team, { count: 1, namePrefix: '采集' })) as [number];
});

afterAll(() => db.destroy());

describe.runIf(hasChromium)('H5 in Chromium: 人脸采集', () => {
  test('find a person without a face, refuse a bad photo, accept a good one', async () => {
    const base = inject('baseUrl');
    const account = DEMO_LOGINS.projects[0]!;
    const { page, close } = await openPhone();
    try {
      await page.goto(`${base}/h5/login`);
      await input(page, 'login-account').fill(account.account);
      await input(page, 'login-password').fill(account.password);
      await page.locator('[data-test="login-submit"]').click();
      await page.locator('[data-test="home-project-name"]').waitFor({ timeout: 15_000 });

      // 人脸采集 from the home menu: the 未采集 filter and a search by 班组.
      await page.locator('[data-test="home-menu-人脸采集"]').click();
      await page.locator('[data-test="faces-total"]').waitFor();
      await page.locator('[data-test="faces-tab-missing"]').click();
      await input(page, 'faces-search').fill(team.name);
      await input(page, 'faces-search').press('Enter');
      const card = page.locator(`[data-test="face-${employment}"]`);
      await card.waitFor();
      await expect(card.locator(`[data-test="face-${employment}-missing"]`).innerText()).resolves.toBe('未采集');
      await screenshot(page, 'faces-list-missing');

      // 采集: the seed's photo rules are on the page.
      await card.locator(`[data-test="face-${employment}-capture"]`).click();
      await page.locator('[data-test="face-person"]').waitFor();
      await expect(page.locator('[data-test="face-rules"]').innerText()).resolves.toContain('头顶要留空白');
      await screenshot(page, 'faces-capture-empty');

      // A file that is not a photo (a PDF named .jpg): refused the moment it is picked, nothing sent.
      const checks: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/check')) checks.push(request.url());
      });
      await page.locator('[data-test="face-album"] input[type=file]').setInputFiles({ name: 'face.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('%PDF-1.7 这不是照片') });
      await page.locator('.van-toast', { hasText: '只能上传 JPG、PNG 或 WebP 图片' }).waitFor({ timeout: 10_000 });
      expect(await page.locator('[data-test="face-preview"]').count()).toBe(0);
      expect(checks).toEqual([]);
      await page.locator('.van-toast').waitFor({ state: 'hidden', timeout: 10_000 });

      // A photo with dark glasses: refused with the reason, nothing saved.
      await page.locator('[data-test="face-album"] input[type=file]').setInputFiles(join(FIXTURES, 'fail-sunglasses.jpg'));
      await page.locator('[data-test="face-preview"]').waitFor();
      await page.locator('[data-test="face-verify"]').click();
      const verdict = page.locator('[data-test="face-verdict"]');
      await verdict.waitFor({ timeout: 60_000 });
      await expect(page.locator('[data-test="face-reasons"]').innerText()).resolves.toContain('请摘下眼镜');
      await screenshot(page, 'faces-capture-refused');
      const person = await db('employments').where({ id: employment }).first('face_photo');
      expect(person.face_photo).toBeNull();

      // A good photo: 人脸核验通过, saved.
      await page.locator('[data-test="face-album"] input[type=file]').setInputFiles(join(FIXTURES, 'pass-sample6-left.jpg'));
      await page.locator('[data-test="face-verdict"]').waitFor({ state: 'detached' });
      await page.locator('[data-test="face-verify"]').click();
      await page.locator('[data-test="face-verdict"].is-pass').waitFor({ timeout: 60_000 });
      await expect(page.locator('[data-test="face-verdict-title"]').innerText()).resolves.toBe('人脸核验通过');
      await page.waitForTimeout(300);
      await screenshot(page, 'faces-capture-passed');
      const saved = await db('employments').where({ id: employment }).first('face_photo');
      expect(saved.face_photo).toBeTruthy();

      // Back in the list the person shows as 已采集 with the device photo.
      await page.goto(`${base}/h5/faces?q=${encodeURIComponent(team.name)}`);
      await page.locator(`[data-test="face-${employment}"] img`).waitFor();
      await screenshot(page, 'faces-list-captured');
    } finally {
      await close();
    }
  });
});
