import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { accountToEmail } from '../../schema/rules/account';
import { DEMO_LOGINS } from '../../seeds/demo-logins';
import { hasChromium, logIn, openPhone, screenshot } from '../support/browser';
import { openDatabase } from '../support/db';
import { api, login } from '../support/http';

/**
 * 设备状态 at a phone's width: per device, how its commands travel, how many wait and how many failed
 * (下发失败) with the terminal's own message — here for a demo project's Uniubi gate whose terminal
 * refused the device password, and a Hikvision gate still waiting for a retry.
 */
describe.runIf(hasChromium)('H5 in Chromium: 设备状态 with failed and waiting deliveries', () => {
  /** The demo login whose project has an active Uniubi and an active Hikvision gate (found, not assumed). */
  let PROJECT = -1;
  let db: Knex;
  const inserted: number[] = [];
  let uniubi: { id: number };
  let hikvision: { id: number };

  beforeAll(async () => {
    db = openDatabase(inject('platformEnv'));
    let project = 0;
    for (const [index, account] of DEMO_LOGINS.projects.entries()) {
      const row = await db('projects').where({ code: account.account }).first('id');
      const gates = row ? await db('devices').where({ project: row.id, status: 'active' }).pluck('protocol') : [];
      if (gates.includes('uniubi') && gates.includes('hikvision')) {
        PROJECT = index;
        project = Number(row.id);
        break;
      }
    }
    expect(PROJECT, 'a demo project with a Uniubi and a Hikvision gate').toBeGreaterThanOrEqual(0);
    const account = DEMO_LOGINS.projects[PROJECT]!;
    const token = await login(accountToEmail(account.account), account.password);
    expect((await api('GET', '/platform/me', { token })).body.data.project.id).toBe(project);
    uniubi = await db('devices').where({ project, protocol: 'uniubi', status: 'active' }).orderBy('id').first('id');
    hikvision = await db('devices').where({ project, protocol: 'hikvision', status: 'active' }).orderBy('id').first('id');
    const employment = await db('employments').where({ project, status: 'on_site' }).orderBy('id').first('id', 'device_pin');
    const row = (device: number, status: string, message: string | null) => ({
      device,
      employment: employment.id,
      kind: 'user_update',
      payload: JSON.stringify({ pin: employment.device_pin, name: '测试', card_no: null }),
      status,
      attempts: 1,
      return_code: status === 'error' ? 'AUTH' : 'UNREACHABLE',
      error_message: message,
      date_created: Date.now(),
    });
    for (const values of [
      row(uniubi.id, 'error', '密码错误'),
      row(uniubi.id, 'error', '密码错误'),
      row(hikvision.id, 'failed', '无法连接终端 192.168.1.64：ETIMEDOUT'),
    ]) {
      const [id] = await db('device_commands').insert(values, ['id']);
      inserted.push(Number(typeof id === 'object' ? id.id : id));
    }
  });

  afterAll(async () => {
    await db('device_commands').whereIn('id', inserted).delete();
    await db.destroy();
  });

  test('each card shows the route, the counts and the terminal message', async () => {
    const { page, close } = await openPhone();
    try {
      await logIn(page, inject('baseUrl'), PROJECT);
      await page.goto(`${inject('baseUrl')}/h5/devices`);
      await page.locator(`[data-test="device-${uniubi.id}-pending"]`).waitFor({ timeout: 20_000 });
      expect(await page.locator(`[data-test="device-${uniubi.id}-pending"]`).innerText()).toContain('下发失败 2 条');
      expect(await page.locator(`[data-test="device-${uniubi.id}-failure"]`).innerText()).toBe('下发失败：密码错误');
      // Demo terminals have no API address yet: staff are told whom to ask.
      expect(await page.locator(`[data-test="device-${uniubi.id}-route"]`).innerText()).toBe('未配置终端接口，请联系住建局');
      expect(await page.locator(`[data-test="device-${hikvision.id}-retry"]`).innerText()).toContain('正在重试：无法连接终端');
      await page.locator(`[data-test="device-${uniubi.id}"]`).scrollIntoViewIfNeeded();
      await screenshot(page, 'devices-delivery-failures');
    } finally {
      await close();
    }
  }, 120_000);
});
