import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { field, hasChromium, logIn, openPhone, screenshot } from '../support/browser';


describe.runIf(hasChromium)('H5 in Chromium: attendance pages with the demo city', () => {
  test('出勤一览表, 更多, 出勤记录 with a manual punch, 设备状态', async () => {
    const base = inject('baseUrl');
    const { page, close } = await openPhone();
    try {
      await logIn(page, base);

      // 出勤一览表 from the home menu: yesterday's figures are rolled up.
      await page.locator('[data-test="home-menu-出勤一览表"]').click();
      await page.locator('[data-test="summary-head"]').waitFor({ timeout: 20_000 });
      await page.locator('[data-test="summary-prev"]').click();
      await page.waitForFunction(() => document.querySelector('[data-test="summary-rate"]')?.textContent?.includes('%'), undefined, { timeout: 15_000 });
      const onSite = Number(await page.locator('[data-test="summary-on-site"]').innerText());
      expect(onSite).toBeGreaterThan(0);
      expect(await page.locator('[data-test="summary-teams"] .van-cell').count()).toBeGreaterThan(1);
      expect(await page.locator('[data-test="summary-trend"] rect').count()).toBeGreaterThan(3);
      await page.waitForTimeout(500); // progress bars animate to their values
      await screenshot(page, 'attendance-summary-day');

      await page.locator('[data-test="summary-period"] .van-tab', { hasText: '按月' }).click();
      await page.waitForFunction(() => document.querySelector('[data-test="summary-date"]')?.textContent?.includes('月') && !document.querySelector('[data-test="summary-date"]')?.textContent?.includes('日'), undefined, { timeout: 15_000 });
      await page.locator('[data-test="summary-trend"] rect').first().waitFor();
      await page.waitForTimeout(500);
      await screenshot(page, 'attendance-summary-month');

      // 更多: who was absent.
      await page.locator('[data-test="summary-more"]').click();
      await page.locator('[data-test="people-tabs"]').waitFor();
      await page.locator('[data-test="people-tabs"] .van-tab', { hasText: '未出勤' }).click();
      await page.locator('[data-test^="people-item-"]').first().waitFor({ timeout: 15_000 });
      await page.waitForTimeout(400); // the tab underline slides over
      await screenshot(page, 'attendance-people-absent');

      // 出勤记录: live list, newest first.
      await page.goto(`${base}/h5/attendance/records`);
      await page.locator('[data-test^="records-item-"]').first().waitFor({ timeout: 20_000 });
      expect(await page.locator('[data-test^="records-item-"]').count()).toBeGreaterThan(10);
      await screenshot(page, 'attendance-records');

      // 补录: pick the first on-site person, now, 进场, with a reason.
      await page.locator('[data-test="records-manual"]').click();
      await page.locator('[data-test="manual-form"]').waitFor();
      await page.locator('[data-test="manual-person"]').click();
      const person = page.locator('[data-test="manual-person-picker"] [data-test^="manual-person-"]').first();
      await person.waitFor({ timeout: 15_000 });
      const name = (await person.locator('.van-cell__title span').first().innerText()).trim();
      await person.click();
      await page.locator('[data-test="manual-time"]').click();
      await page.locator('[data-test="manual-time-picker"] .van-picker__confirm').click();
      await page.locator('[data-test="manual-time-picker"]').waitFor({ state: 'hidden' });
      await field(page, 'manual-reason').fill('人脸识别失败，班组长确认到岗');
      await screenshot(page, 'attendance-manual');
      await page.locator('[data-test="manual-submit"]').click();
      await page.waitForURL(/\/attendance\/records$/, { timeout: 15_000 });
      const top = page.locator('[data-test^="records-item-"]').first();
      await top.waitFor({ timeout: 15_000 });
      expect(await top.innerText()).toContain(name);
      expect(await top.innerText()).toContain('手工补录');
      await screenshot(page, 'attendance-records-after-manual');

      // 设备状态.
      await page.goto(`${base}/h5/devices`);
      await page.locator('[data-test^="device-"][data-test$="-state"]').first().waitFor({ timeout: 20_000 });
      const states = await page.locator('[data-test^="device-"][data-test$="-state"]').allInnerTexts();
      expect(states.length).toBeGreaterThan(0);
      for (const state of states) expect(['在线', '离线', '已停用', '待绑定']).toContain(state.trim());
      await screenshot(page, 'devices');
    } finally {
      await close();
    }
  }, 180_000);
});
