import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Knex } from 'knex';
import { ROOT } from '../../scripts/lib/directus.ts';
import { labelOf, ETHNICITIES, GENDERS } from '../../schema/codes';
import { todayInShanghai } from '../../schema/rules/dates';
import { makeUscc } from '../../schema/rules/uscc';
import { DEMO_LOGINS } from '../../seeds/demo-logins';
import { ARTIFACTS, hasChromium, openPhone, screenshot } from '../support/browser';
import { openDatabase } from '../support/db';
import { api, login } from '../support/http';
import { accountToEmail } from '../../schema/rules/account';
import { PNG } from '../support/registration-fixtures';
import { freeIdNumber } from '../support/site-fixtures';

const FIXTURES = join(ROOT, 'tests/fixtures/id-cards');

/** One person of the OCR engineer's committed sample cards (truth file next to the images). */
interface SampleCard {
  front: string;
  back: string;
  fields: Record<string, string>;
}

/** The first clean sample card of someone who may be registered (not expired, not on site anywhere), or null. */
async function sampleCard(db: Knex): Promise<SampleCard | null> {
  const truthFile = ['truth.json', 'index.json'].map((name) => join(FIXTURES, name)).find(existsSync);
  if (!truthFile) return null;
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as { images?: { file: string; side: string; variant: string; person: number; fields: Record<string, string> }[] };
  const clean = (truth.images ?? []).filter((image) => image.variant === 'clean');
  for (const front of clean.filter((image) => image.side === 'front')) {
    const back = clean.find((image) => image.side === 'back' && image.person === front.person);
    if (!back) continue;
    const fields = { ...front.fields, ...back.fields };
    const validTo = fields['valid_to'] ?? '';
    if (validTo !== '长期' && validTo < todayInShanghai(new Date())) continue;
    const onSite = await db('employments').join('people', 'people.id', 'employments.person').where({ 'people.id_number': fields['id_number'], 'employments.status': 'on_site' }).first('employments.id');
    if (!onSite) return { front: join(FIXTURES, front.file), back: join(FIXTURES, back.file), fields };
  }
  return null;
}

const input = (page: Page, id: string) => page.locator(`[data-test="${id}"] input, [data-test="${id}"] textarea`).first();

async function pick(page: Page, id: string, option: string) {
  await page.locator(`[data-test="${id}"]`).first().click();
  const picker = page.locator(`[data-test="${id}-picker"]`);
  await picker.locator('.van-picker-column__item', { hasText: option }).first().click();
  await page.waitForTimeout(400); // the column scrolls to the tapped option
  await picker.locator('.van-picker__confirm').click();
  await picker.waitFor({ state: 'hidden' });
}

/** Picks year, month and day in a DateField's picker. */
async function pickDate(page: Page, id: string, iso: string) {
  await page.locator(`[data-test="${id}"]`).first().click();
  const picker = page.locator(`[data-test="${id}-picker"]`);
  const [year, month, day] = iso.split('-');
  for (const [index, value] of [year, month, day].entries()) {
    await picker.locator('.van-picker-column').nth(index).locator('.van-picker-column__item', { hasText: new RegExp(`^${value}$`) }).dispatchEvent('click');
    await page.waitForTimeout(400);
  }
  await picker.locator('.van-picker__confirm').click();
  await picker.waitFor({ state: 'hidden' });
}

describe.runIf(hasChromium)('H5 in Chromium: 项目班组 and 实名制登记', () => {
  let db: Knex;
  beforeAll(() => {
    db = openDatabase(inject('platformEnv'));
  });
  afterAll(() => db.destroy());

  test('create a team with a new unit, then register a worker from two ID photos', async () => {
    const base = inject('baseUrl');
    const account = DEMO_LOGINS.projects[2]!;
    const stamp = Date.now() % 100_000;
    const teamName = `浏览器钢筋${stamp}班`;
    const unitName = `广元市浏览器测试劳务有限公司${stamp}`;
    let seq = stamp * 7 + 12_345;
    let uscc = makeUscc(seq);
    while (await db('units').where({ uscc }).first('id')) uscc = makeUscc((seq += 1));
    const card = await sampleCard(db);
    const phone = `139${String(stamp).padStart(8, '0')}`;

    const { page, close } = await openPhone();
    try {
      await page.goto(`${base}/h5/login`);
      await input(page, 'login-account').fill(account.account);
      await input(page, 'login-password').fill(account.password);
      await page.locator('[data-test="login-submit"]').click();
      await page.locator('[data-test="home-project-name"]').waitFor({ timeout: 15_000 });

      // 项目班组: the list with headcounts, search, then 新建班组 with a unit created on the spot.
      await page.locator('[data-test="home-menu-项目班组"]').click();
      await page.locator('[data-test="teams-summary"]').waitFor();
      await page.locator('[data-test="team-name"]').first().waitFor();
      await screenshot(page, 'teams-list');
      const firstName = await page.locator('[data-test="team-name"]').first().innerText();
      await input(page, 'teams-search').fill(firstName);
      await expect.poll(async () => page.locator('[data-test="team-name"]').allInnerTexts()).toEqual([firstName]);
      await input(page, 'teams-search').fill('');

      await page.locator('[data-test="teams-new"]').click();
      await input(page, 'team-name').fill(teamName);
      await page.locator('[data-test="team-kind-worker"]').click();
      await page.locator('[data-test="team-unit-create"]').click();
      await input(page, 'unit-name').fill(unitName);
      await input(page, 'unit-uscc').fill(`${uscc.slice(0, 17)}${uscc.endsWith('0') ? '1' : '0'}`);
      await pick(page, 'unit-participation', '劳务分包');
      await page.locator('[data-test="unit-submit"]').click();
      // The check character is verified on the phone before anything is sent.
      await expect.poll(() => page.locator('[data-test="unit-create"] .van-field__error-message').innerText()).toContain('校验位');
      await screenshot(page, 'unit-create-checksum');
      await input(page, 'unit-uscc').fill(uscc);
      await page.locator('[data-test="unit-submit"]').click();
      await page.locator('[data-test="unit-create"]').waitFor({ state: 'hidden' });
      await expect.poll(() => input(page, 'team-unit').inputValue()).toContain(unitName);
      await pick(page, 'team-trade', '钢筋工');
      await screenshot(page, 'team-new');
      await page.locator('[data-test="team-submit"]').click();
      await page.locator('[data-test="teams-summary"]').waitFor();
      await expect.poll(() => page.locator('[data-test="team-name"]').allInnerTexts()).toContain(teamName);
      await screenshot(page, 'teams-after-create');

      // 实名制登记: 务工人员登记, choose the team (its company becomes the 参建单位), then 证件采集.
      await page.goto(`${base}/h5/register`);
      await page.locator('[data-test="register-notice"]').waitFor();
      await screenshot(page, 'register-start');
      await page.locator('[data-test="register-worker"]').click();
      await pick(page, 'register-team', teamName);
      await expect.poll(() => input(page, 'register-unit').inputValue()).toBe(unitName);
      await screenshot(page, 'register-choose-team');
      await page.locator('[data-test="register-start"]').click();
      await page.locator('[data-test="reg-team"]').waitFor();
      await expect.poll(() => page.locator('[data-test="reg-team"]').innerText()).toContain(teamName);

      const placeholder = join(ROOT, 'test-artifacts', 'registration-id.png');
      mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
      writeFileSync(placeholder, PNG);
      let expected: { name: string; id_number: string };
      if (card) {
        // The faces swapped: the OCR says so, nothing is filled.
        await page.locator('[data-test="id-front"] input[type=file]').setInputFiles(card.back);
        await page.locator('[data-test="id-back"] input[type=file]').setInputFiles(card.front);
        await page.locator('[data-test="id-back"] .van-uploader__preview-image').waitFor();
        await page.locator('[data-test="id-recognise"]').click();
        await expect.poll(() => page.locator('[data-test="id-warnings"] li').allInnerTexts(), { timeout: 30_000 }).toEqual([
          expect.stringMatching(/身份证正面：.*国徽面/),
          expect.stringMatching(/身份证背面：.*人像面/),
        ]);
        expect(await input(page, 'reg-name').inputValue()).toBe('');
        await page.locator('.van-toast').waitFor({ state: 'hidden' }).catch(() => undefined);
        await page.screenshot({ path: join(ARTIFACTS, 'register-ocr-wrong-side.png') });

        // OCR autofill from the committed sample photos.
        for (const side of ['id-front', 'id-back']) await page.locator(`[data-test="${side}"] .van-uploader__preview-delete`).click();
        await page.locator('[data-test="id-front"] input[type=file]').setInputFiles(card.front);
        await page.locator('[data-test="id-back"] input[type=file]').setInputFiles(card.back);
        await page.locator('[data-test="id-front"] .van-uploader__preview-image').waitFor();
        await page.locator('[data-test="id-back"] .van-uploader__preview-image').waitFor();
        await page.locator('[data-test="id-recognise"]').click();
        await expect.poll(() => input(page, 'reg-id_number').inputValue(), { timeout: 30_000 }).toBe(card.fields['id_number']);
        expect(await input(page, 'reg-name').inputValue()).toBe(card.fields['name']);
        expect(await input(page, 'reg-gender').inputValue()).toBe(labelOf(GENDERS, card.fields['gender']));
        expect(await input(page, 'reg-ethnicity').inputValue()).toBe(labelOf(ETHNICITIES, card.fields['ethnicity']));
        expect(await input(page, 'reg-birth_date').inputValue()).toBe(card.fields['birth_date']);
        expect(await input(page, 'reg-address').inputValue()).toBe(card.fields['address']);
        expect(await input(page, 'reg-issuing_authority').inputValue()).toBe(card.fields['issuing_authority']);
        expect(await input(page, 'reg-id_valid_from').inputValue()).toBe(card.fields['valid_from']);
        expect(await input(page, 'reg-id_valid_to').inputValue()).toBe(card.fields['valid_to']);
        expected = { name: card.fields['name']!, id_number: card.fields['id_number']! };
        // Recognised fields stay editable.
        await input(page, 'reg-address').fill(`${card.fields['address']}附1号`);
      } else {
        // No OCR sample committed yet: the same form, filled by hand.
        await page.locator('[data-test="id-front"] input[type=file]').setInputFiles(placeholder);
        await page.locator('[data-test="id-back"] input[type=file]').setInputFiles(placeholder);
        const idNumber = await freeIdNumber(db, '1986-04-12', 'male');
        expected = { name: '张建军', id_number: idNumber };
        await input(page, 'reg-name').fill('张建军');
        await pick(page, 'reg-gender', '男');
        await pick(page, 'reg-ethnicity', '汉');
        await pickDate(page, 'reg-birth_date', '1986-04-12');
        await input(page, 'reg-address').fill('四川省广元市利州区东坝街道滨河路8号');
        await input(page, 'reg-id_number').fill(idNumber);
        await input(page, 'reg-issuing_authority').fill('广元市公安局利州区分局');
        await pickDate(page, 'reg-id_valid_from', '2016-05-20');
        await page.locator('[data-test="reg-long_term"]').click();
      }
      await page.locator('[data-test="id-front"] .van-uploader__preview-image').waitFor();
      await input(page, 'reg-card_no').fill(`E2E${stamp}`);
      // The team's trade is proposed; 联系方式, 本人照片 are required.
      expect(await input(page, 'reg-trade').inputValue()).toBe('钢筋工');
      await input(page, 'reg-phone').fill(phone);
      expect(await input(page, 'reg-entry_date').inputValue()).toBe(todayInShanghai(new Date()));
      await pick(page, 'reg-wage_method', '计天');
      await input(page, 'reg-wage_amount').fill('350');
      await pick(page, 'reg-contract_template', '固定期限合同');
      await page.locator('[data-test="reg-submit"]').click();
      await expect.poll(() => page.locator('[data-test="reg-photo"] .van-field__error-message').innerText()).toBe('请上传本人照片');
      const face = join(ROOT, 'tests/fixtures/faces/pass-astronaut.jpg');
      await page.locator('[data-test="reg-photo"] input[type=file]').setInputFiles(existsSync(face) ? face : placeholder);
      await page.locator('[data-test="reg-photo"] .van-uploader__preview-image').waitFor();
      await page.locator('.van-toast').waitFor({ state: 'hidden' });
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'register-form');

      await page.locator('[data-test="reg-submit"]').click();
      const dialog = page.locator('.van-dialog');
      await dialog.waitFor({ timeout: 15_000 });
      expect(await dialog.innerText()).toContain('登记成功');
      await page.waitForTimeout(500); // the dialog's fade-in
      await page.screenshot({ path: join(ARTIFACTS, 'register-success.png') });

      const token = await login(accountToEmail(account.account), account.password);
      const listed = (await api('GET', `/platform/people?q=${phone}`, { token })).body.data.items;
      expect(listed).toEqual([expect.objectContaining({ name: expected.name, trade: '020', card_no: `E2E${stamp}`, status: 'on_site', team_name: teamName })]);
      const recorded = await db('employments').join('people', 'people.id', 'employments.person').where('people.id_number', expected.id_number).first('employments.id_front', 'employments.id_back', 'employments.photo', 'employments.phone');
      expect(recorded).toMatchObject({ phone, id_front: expect.any(String), id_back: expect.any(String), photo: expect.any(String) });
      const team = (await api('GET', `/platform/teams?q=${encodeURIComponent(teamName)}`, { token })).body.data;
      expect(team).toEqual([expect.objectContaining({ name: teamName, unit_name: unitName, on_site: 1 })]);
    } finally {
      await close();
    }
  }, 180_000);
});
