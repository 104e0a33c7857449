import { describe, expect, inject, test } from 'vitest';
import { dbTimestamp, toDbRow } from '../../extensions/platform/src/db/values';
import { DEMO_LOGINS } from '../../seeds/demo-logins';
import { openDatabase } from '../support/db';
import { hasChromium, logIn, openPhone, screenshot } from '../support/browser';

/**
 * 设备时间异常 on 设备状态, and 出勤记录 naming the year of a punch that is not from this year
 * (a device whose clock ran wrong once sent such punches, before the platform kept them out).
 */
describe.runIf(hasChromium)('H5 in Chromium: a device with a wrong clock', () => {
  test('设备状态 flags it; 出勤记录 shows the year of last year\'s punch', async () => {
    const base = inject('baseUrl');
    const db = openDatabase(inject('platformEnv'));
    const { page, close } = await openPhone();
    try {
      const project = await db('projects').where({ code: DEMO_LOGINS.projects[0]!.account }).first('id');
      const employment = await db('employments').where({ project: project.id, status: 'on_site' }).orderBy('id').first('id', 'person', 'device_pin');
      const name = `时间异常测试机${Date.now() % 10_000}`;
      const [device] = await db('devices')
        .insert(
          toDbRow(db, 'devices', {
            sn: `E2ECLOCK${Date.now().toString(36).toUpperCase()}`,
            name,
            project: project.id,
            protocol: 'zkteco',
            direction: 'both',
            status: 'active',
            last_seen_at: new Date().toISOString(),
            clock_error_at: new Date().toISOString(),
            clock_error: '1 条打卡时间不在合理范围，未计考勤',
            date_created: new Date().toISOString(),
          }),
        )
        .returning('id');
      const deviceId = Number(typeof device === 'object' ? device.id : device);
      const lastYear = new Date().getUTCFullYear() - 1;
      await db('punches').insert({
        project: project.id,
        device: deviceId,
        employment: employment.id,
        person: employment.person,
        device_pin: employment.device_pin,
        punched_at: dbTimestamp(db, `${lastYear}-12-31T02:00:00Z`),
        direction: 'in',
        verify_mode: '15',
        source: 'device',
        dedup_key: `e2e-clock-${deviceId}`,
        raw: 'e2e',
        received_at: dbTimestamp(db, new Date()),
      });

      await logIn(page, base);
      await page.goto(`${base}/h5/devices`);
      const flag = page.locator(`[data-test="device-${deviceId}-clock"]`);
      await flag.waitFor({ timeout: 20_000 });
      expect(await flag.innerText()).toBe('设备时间异常');
      expect(await page.locator(`[data-test="device-${deviceId}-clock-hint"]`).innerText()).toContain('请检查设备的日期和时间设置');
      await screenshot(page, 'devices-clock-error');

      await page.goto(`${base}/h5/attendance/records`);
      await page.locator('[data-test^="records-item-"]').first().waitFor({ timeout: 20_000 });
      await page.locator('.van-dropdown-menu__item').nth(1).click();
      await page.locator('.van-dropdown-item__option', { hasText: name }).click();
      const day = page.locator('.records__day').first();
      await page.waitForFunction((text) => document.querySelector('.records__day')?.textContent?.includes(text), `${lastYear}年12月31日`, { timeout: 15_000 });
      expect(await day.innerText()).toBe(`${lastYear}年12月31日 ${['周日', '周一', '周二', '周三', '周四', '周五', '周六'][new Date(Date.UTC(lastYear, 11, 31)).getUTCDay()]}`);
      await screenshot(page, 'attendance-records-last-year');
    } finally {
      await close();
      await db.destroy();
    }
  }, 120_000);
});
