import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { DEMO_LOGINS } from '../../seeds/demo-logins';
import { ARTIFACTS, field, hasChromium, logIn, openPhone } from '../support/browser';

const ANDROID_CHROME = 'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36';

/** What the phone shows (the people list is long; a full-page shot would hide the toast). */
async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

describe.runIf(hasChromium)('H5 in Chromium: 导出花名册', () => {
  test('a phone browser downloads the roster with a progress toast; WeChat gets the link instead', async () => {
    const base = inject('baseUrl');
    const { browser, page: wechat, close } = await openPhone();
    try {
      // A plain phone browser (openPhone's default user agent is WeChat's).
      const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', userAgent: ANDROID_CHROME, acceptDownloads: true });
      const page = await context.newPage();
      await logIn(page, base);
      await page.goto(`${base}/h5/people`);
      await page.locator('[data-test="people-total"] strong').filter({ hasText: /^\d+$/ }).waitFor({ timeout: 20_000 });
      const total = Number(await page.locator('[data-test="people-total"] strong').innerText());

      // A slow line, so the progress toast is there to see.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: 8 * 1024, uploadThroughput: -1 });
      // Every text the progress toast shows, however briefly (a loaded machine may deliver the file in one go).
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { toastTexts: string[] }).toastTexts = seen;
        new MutationObserver(() => {
          const text = document.querySelector('.download-toast')?.textContent?.trim();
          if (text && seen.at(-1) !== text) seen.push(text);
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      const downloaded = page.waitForEvent('download', { timeout: 60_000 });
      await page.locator('[data-test="people-export"]').click();
      await page.locator('.download-toast', { hasText: '正在下载' }).waitFor({ timeout: 45_000 });
      await page.locator('.download-toast', { hasText: /正在下载 \d+%/ }).waitFor({ timeout: 5_000 }).catch(() => undefined);
      await screenshot(page, 'exports-roster-progress');
      const download = await downloaded;
      const texts = await page.evaluate(() => (window as unknown as { toastTexts: string[] }).toastTexts);
      expect(texts[0]).toBe('正在下载…');
      expect(texts.every((text) => /^正在下载(…| \d+%)$/.test(text))).toBe(true);
      expect(download.suggestedFilename()).toMatch(/^花名册-.+-在场人员-\d{4}-\d{2}-\d{2}\.xlsx$/);
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      await page.locator('.download-done').waitFor({ timeout: 10_000 });
      await screenshot(page, 'exports-roster-done');

      // The saved file is the roster the page counts.
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.getCell('B3').value).toBe('姓名');
      expect(sheet.rowCount - 3).toBe(total);
      await context.close();

      // Inside WeChat: no blob download, a dialog with the signed link to copy.
      await logIn(wechat, base);
      await wechat.goto(`${base}/h5/people`);
      await wechat.locator('[data-test="people-export"]').click();
      const dialog = wechat.locator('.download-dialog');
      await dialog.waitFor({ timeout: 45_000 });
      expect(await dialog.innerText()).toMatch(/\/platform\/exports\/file\?token=/);
      await screenshot(wechat, 'exports-roster-wechat');
    } finally {
      await close();
    }
  }, 120_000);

  test('导出考勤表 on 出勤一览表 picks a month and downloads it', async () => {
    const base = inject('baseUrl');
    const { browser, close } = await openPhone();
    try {
      const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', userAgent: ANDROID_CHROME, acceptDownloads: true });
      const page = await context.newPage();
      await logIn(page, base);
      await page.goto(`${base}/h5/attendance/summary`);
      await page.locator('[data-test="summary-export"]').waitFor({ timeout: 45_000 });
      await page.locator('[data-test="summary-export"]').click();
      await page.locator('[data-test="summary-export-month"]').waitFor();
      await page.waitForTimeout(400); // the popup slides up
      await screenshot(page, 'exports-attendance-month-picker');
      const downloaded = page.waitForEvent('download', { timeout: 60_000 });
      await page.locator('[data-test="summary-export-month"] .van-picker__confirm').click();
      const download = await downloaded;
      expect(download.suggestedFilename()).toMatch(/^考勤表-.+-\d{4}-\d{2}\.xlsx$/);
    } finally {
      await close();
    }
  }, 120_000);

  test('studio: the bureau downloads a project roster from the project page', async () => {
    const base = inject('baseUrl');
    const { browser, close } = await openPhone();
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
      const page = await context.newPage();
      const account = DEMO_LOGINS.projects[0]!;
      await page.goto(`${base}/admin/login`);
      await page.locator('input[type="email"]').fill(DEMO_LOGINS.bureau.email);
      await page.locator('input[type="password"]').fill(DEMO_LOGINS.bureau.password);
      await page.locator('button[type="submit"]').click();
      await page.waitForURL(/\/admin\/(content|insights)/, { timeout: 30_000 });
      const projectId = await page.evaluate(async (code) => {
        const response = await fetch(`/items/projects?filter[code][_eq]=${code}&fields=id`, { credentials: 'include' });
        return ((await response.json()) as { data: { id: number }[] }).data[0]?.id;
      }, account.account);
      await page.goto(`${base}/admin/content/projects/${projectId}`);
      const button = page.locator('.presentation-links a, .presentation-links button', { hasText: '导出花名册' });
      await button.waitFor({ timeout: 30_000 });
      await button.scrollIntoViewIfNeeded();
      await screenshot(page, 'exports-studio-buttons');
      const downloaded = page.waitForEvent('download', { timeout: 60_000 });
      await button.click();
      const download = await downloaded;
      expect(download.suggestedFilename()).toMatch(/^花名册-.+-全部人员-\d{4}-\d{2}-\d{2}\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
      expect((workbook.worksheets[0]!.getRow(3).values as unknown[]).includes('住址')).toBe(true);
    } finally {
      await close();
    }
  }, 120_000);
});
