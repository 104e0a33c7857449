import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { DEMO_LOGINS } from '../../seeds/demo-logins';
import { hasChromium, openPhone, screenshot } from '../support/browser';
import { ADMIN, REVIEW_DECLARATION_FLOW, validDeclaration } from '../support/fixtures';
import { api, login } from '../support/http';

const field = (page: Page, id: string) => page.locator(`[data-test="${id}"] input, [data-test="${id}"] textarea`).first();

async function pick(page: Page, id: string, option: string) {
  await page.locator(`[data-test="${id}"]`).first().click();
  const picker = page.locator(`[data-test="${id}-picker"]`);
  await picker.locator('.van-picker-column__item', { hasText: option }).first().click();
  await page.waitForTimeout(400); // the column scrolls to the tapped option
  await picker.locator('.van-picker__confirm').click();
}

async function pickDefaultDate(page: Page, id: string) {
  await page.locator(`[data-test="${id}"]`).first().click();
  await page.locator(`[data-test="${id}-picker"] .van-picker__confirm`).click();
}

describe.runIf(hasChromium)('H5 in Chromium: declare a project, bureau approves, applicant logs in', () => {
  test('from the public form to the home menu', async () => {
    const base = inject('baseUrl');
    const d = { ...validDeclaration, name: `浏览器申报测试项目${Date.now() % 100000}` };
    const { page, close } = await openPhone();
    try {
      await page.goto(`${base}/h5/declare`);
      await field(page, 'declare-name').fill(d.name);
      await pick(page, 'declare-category', '房屋建筑工程');
      await pick(page, 'declare-investment_nature', '政府投资');
      await field(page, 'declare-contact_name').fill(d.contact_name);
      await field(page, 'declare-contact_phone').fill(d.contact_phone);
      await field(page, 'declare-address').fill(d.address);
      await pickDefaultDate(page, 'declare-start_date');
      await pickDefaultDate(page, 'declare-planned_completion_date');
      await field(page, 'declare-permit_no').fill(d.permit_no);
      await pickDefaultDate(page, 'declare-permit_issued_on');
      await field(page, 'declare-floor_area').fill(String(d.floor_area));
      await field(page, 'declare-height').fill(String(d.height));
      await field(page, 'declare-structure_levels').fill(d.structure_levels);
      await field(page, 'declare-cost').fill(String(d.cost));
      for (const unit of d.units) {
        await field(page, `declare-unit-${unit.role}-name`).fill(unit.name);
        await field(page, `declare-unit-${unit.role}-uscc`).fill(unit.uscc);
        await field(page, `declare-unit-${unit.role}-contact_name`).fill(unit.contact_name);
        await field(page, `declare-unit-${unit.role}-contact_phone`).fill(unit.contact_phone);
      }
      await field(page, 'declare-payroll_bank').fill(d.payroll_bank);
      await field(page, 'declare-payroll_account_name').fill(d.payroll_account_name);
      await field(page, 'declare-payroll_account_no').fill(d.payroll_account_no);
      await pick(page, 'declare-deposit_method', '银行保函');
      await field(page, 'declare-deposit_amount').fill(String(d.deposit_amount));
      await screenshot(page, 'declare-filled');

      await page.locator('[data-test="declare-submit"]').click();
      const numberBox = page.locator('[data-test="declare-success-no"]');
      await numberBox.waitFor({ timeout: 15_000 });
      const applicationNo = (await numberBox.innerText()).match(/SB\d{8}[A-Z0-9]{6}/)?.[0];
      expect(applicationNo).toBeTruthy();
      await screenshot(page, 'declare-success');

      // The bureau approves in the studio: the same flow trigger the studio's button calls.
      const admin = await login(ADMIN.email, ADMIN.password);
      const found = await api('GET', `/items/projects?filter[application_no][_eq]=${applicationNo}&fields=id,name,region_code`, { token: admin });
      expect(found.body.data[0]).toMatchObject({ name: d.name, region_code: '510802' });
      const bureau = await login(DEMO_LOGINS.bureau.email, DEMO_LOGINS.bureau.password);
      const decided = await api('POST', `/flows/trigger/${REVIEW_DECLARATION_FLOW}`, {
        token: bureau,
        json: { collection: 'projects', keys: [String(found.body.data[0].id)], decision: 'approve' },
      });
      expect(decided.status).toBe(200);

      await page.goto(`${base}/h5/progress?application_no=${applicationNo}&phone=${d.contact_phone}`);
      const passwordBox = page.locator('[data-test="progress-password"]');
      await passwordBox.waitFor({ timeout: 15_000 });
      const account = (await page.locator('[data-test="progress-account"]').innerText()).match(/GY\d{10}/)?.[0];
      const password = (await passwordBox.innerText()).match(/[A-Za-z0-9]{10,}/)?.[0];
      expect(account).toBe(decided.body.code);
      expect(password).toBeTruthy();
      await screenshot(page, 'progress-approved');

      await page.goto(`${base}/h5/login`);
      await field(page, 'login-account').fill(account!);
      await field(page, 'login-password').fill(password!);
      await page.locator('[data-test="login-submit"]').click();
      await page.locator('[data-test="password-forced"]').waitFor({ timeout: 15_000 });
      await field(page, 'password-current').fill(password!);
      await field(page, 'password-new').fill('Newpass2026');
      await field(page, 'password-confirm').fill('Newpass2026');
      await page.locator('[data-test="password-submit"]').click();
      await page.locator('[data-test="home-project-name"]').waitFor({ timeout: 15_000 });
      expect(await page.locator('[data-test="home-project-name"]').innerText()).toContain(d.name);
      for (const label of ['项目班组', '实名制登记', '人脸采集', '关键岗位', '劳动合同', '施工人员', '出勤一览表', '出勤记录', '设备状态']) {
        await expect(page.locator(`[data-test="home-menu-${label}"]`).isVisible()).resolves.toBe(true);
      }
      await screenshot(page, 'home');
    } finally {
      await close();
    }
  }, 120_000);
});
