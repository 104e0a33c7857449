import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { join } from 'node:path';
import { ARTIFACTS, field, hasChromium, logIn, openPhone, screenshot } from '../support/browser';


/** The phone's first screen only (what a user sees without scrolling), next to the full-page shot. */
async function firstScreen(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await page.screenshot({ path: join(ARTIFACTS, `${name}-screen.png`) });
}

/** Opens a line's popup, types into one of its fields and saves. */
async function editLine(page: Page, line: string, input: 'units' | 'paid', value: string): Promise<void> {
  await page.locator(`[data-test="${line}"]`).click();
  const popup = page.locator('[data-test="payroll-line-popup"]');
  await popup.waitFor();
  await field(page, `payroll-line-${input}`).fill(value);
  await page.locator('[data-test="payroll-line-save"]').click();
  await popup.waitFor({ state: 'hidden', timeout: 15_000 });
  await page.waitForTimeout(300);
}

describe.runIf(hasChromium)('H5 in Chromium: 工资表 with the demo city', () => {
  test('generate this month from attendance, enter units, confirm, frozen, bank file link', async () => {
    const base = inject('baseUrl');
    const { page, close } = await openPhone();
    try {
      await logIn(page, base, 2);
      await page.locator('[data-test="home-menu-工资表"]').click();
      await page.locator('[data-test="payroll-head"]').waitFor({ timeout: 20_000 });
      await page.locator('[data-test="payroll-empty"]').waitFor();

      await page.locator('[data-test="payroll-generate"]').click();
      await page.locator('[data-test="payroll-lines"]').waitFor({ timeout: 20_000 });
      await page.locator('[data-test="payroll-draft"]').waitFor();
      expect(Number(await page.locator('[data-test="payroll-count"]').innerText())).toBeGreaterThan(5);
      await page.locator('.van-toast').waitFor({ state: 'hidden', timeout: 5_000 });
      await firstScreen(page, 'payroll-draft');

      // Lines that need a person: 计件/定额 units, or a hand-set 实发 where no rule applies.
      for (let guard = 0; guard < 20; guard += 1) {
        const gap = page.locator('.payroll__line--gap').first();
        if (!(await gap.count())) break;
        const id = await gap.getAttribute('data-test');
        const needsUnits = (await gap.innerText()).includes('请录入工程量');
        await editLine(page, id!, needsUnits ? 'units' : 'paid', needsUnits ? '36.5' : '3000');
      }
      await page.locator('[data-test="payroll-gaps"]').waitFor({ state: 'detached', timeout: 10_000 });

      // The edit popup of a line, for the record.
      await page.locator('[data-test^="payroll-line-"]').first().click();
      await page.locator('[data-test="payroll-line-popup"]').waitFor();
      await page.waitForTimeout(400);
      await firstScreen(page, 'payroll-line-edit');
      await page.locator('[data-test="payroll-line-popup"] .van-popup__close-icon').click();
      await page.locator('[data-test="payroll-line-popup"]').waitFor({ state: 'hidden' });

      await page.locator('[data-test="payroll-confirm"]').click();
      await page.locator('.van-dialog').waitFor();
      expect(await page.locator('.van-dialog').innerText()).toContain('确认后不可修改');
      await page.locator('.van-dialog__confirm').click();
      await page.locator('[data-test="payroll-frozen"]').waitFor({ timeout: 20_000 });
      expect(await page.locator('[data-test="payroll-confirm"]').count()).toBe(0);
      expect(await page.locator('[data-test="payroll-bank-file"]').isVisible()).toBe(true);
      await page.locator('.van-toast').waitFor({ state: 'hidden', timeout: 5_000 });
      await firstScreen(page, 'payroll-confirmed');

      // 导出银行代发文件 inside WeChat: the shared download helper offers the signed link.
      await page.locator('[data-test="payroll-bank-file"]').click();
      const dialog = page.locator('.download-dialog');
      await dialog.waitFor({ timeout: 20_000 });
      expect(await dialog.innerText()).toContain('/platform/exports/file?token=');
      await page.waitForTimeout(300);
      await firstScreen(page, 'payroll-bank-file-link');
    } finally {
      await close();
    }
  }, 120_000);
});
