import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { makeIdNumber } from '../schema/rules/id-card';
import { todayInShanghai } from '../schema/rules/dates';
import { maskSensitive } from '../schema/rules/sensitive';
import { openDatabase } from './support/db';
import { api, errorOf } from './support/http';
import { freeIdNumber, insertOnSite, insertTeam, projectStaff } from './support/site-fixtures';

const today = todayInShanghai(new Date());

describe('施工人员: list, 查看, 编辑, 发卡', () => {
  let db: Knex;
  let staff: { token: string; projectId: number };
  let other: { token: string; projectId: number };
  let team: { id: number; unit: number; name: string };
  let ids: number[];

  const audits = (item: number | string, action: string) => db('audit_log').where({ action, item: String(item) }).orderBy('id');
  const commands = async (id: number, kind: string) => Number((await db('device_commands').where({ employment: id, kind }).count({ n: '*' }))[0]?.['n'] ?? 0);

  beforeAll(async () => {
    db = openDatabase(inject('platformEnv'));
    staff = await projectStaff(0);
    other = await projectStaff(1);
    team = await insertTeam(db, staff.projectId, { name: `钢筋测试班${Date.now() % 10000}` });
    ids = await insertOnSite(db, staff.projectId, team, { count: 4, entryDate: '2026-01-05', namePrefix: '人员', trade: '020' });
  });
  afterAll(() => db.destroy());

  describe('the list', () => {
    test('共N人 with masked cards of people on site; 进场天数 counts from the entry date', async () => {
      const { status, body } = await api('GET', `/platform/people?q=${encodeURIComponent(team.name)}`, { token: staff.token });
      expect(status).toBe(200);
      expect(body.data.total).toBe(4);
      const item = body.data.items.find((row: { id: number }) => row.id === ids[0]);
      expect(item).toMatchObject({ status: 'on_site', team_name: team.name, trade: '020', entry_date: '2026-01-05', card_no: null });
      expect(item.phone).toMatch(/^139\*{4}\d{4}$/);
      expect(item.id_number).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
      const days = Math.round((Date.parse(today) - Date.parse('2026-01-05')) / 86_400_000);
      expect(item.days_on_site).toBe(days);
    });

    test.each([
      ['name', () => '人员甲'],
      ['team', () => team.name],
      ['trade name', () => '钢筋'],
      ['phone', () => 'PHONE'],
    ])('search by %s finds the person', async (_what, query) => {
      let q = query();
      if (q === 'PHONE') q = (await db('employments').where('employments.id', ids[0]).first('phone')).phone.slice(3);
      const { body } = await api('GET', `/platform/people?q=${encodeURIComponent(q)}`, { token: staff.token });
      expect(body.data.items.map((row: { id: number }) => row.id)).toContain(ids[0]);
    });

    test('paging: 20 a page and the pages add up to the total', async () => {
      const first = (await api('GET', '/platform/people?page=1', { token: staff.token })).body.data;
      expect(first.page_size).toBe(20);
      expect(first.items.length).toBe(Math.min(20, first.total));
      const second = (await api('GET', '/platform/people?page=2', { token: staff.token })).body.data;
      expect(second.items.length).toBe(Math.min(20, Math.max(0, first.total - 20)));
      const overlap = second.items.filter((b: { id: number }) => first.items.some((a: { id: number }) => a.id === b.id));
      expect(overlap).toEqual([]);
    });
  });

  describe('查看', () => {
    test('the full record of an own person, including the unmasked ID number', async () => {
      const { status, body } = await api('GET', `/platform/people/${ids[0]}`, { token: staff.token });
      expect(status).toBe(200);
      expect(body.data).toMatchObject({ id: ids[0], status: 'on_site', team: { id: team.id, name: team.name }, contract: null, wage_amount: 300 });
      expect(body.data.person.id_number).toMatch(/^\d{17}[\dX]$/);
      expect(body.data.person.phone).toMatch(/^139\d{8}$/);
    });

    test("another project's person is 403", async () => {
      const foreign = await db('employments').where({ project: other.projectId }).first('id');
      expect((await api('GET', `/platform/people/${foreign.id}`, { token: staff.token })).status).toBe(403);
    });
  });

  describe('发卡', () => {
    test('a card is set, changed and cleared; devices get the new card; each change is audited', async () => {
      const id = ids[0]!;
      const before = await commands(id, 'user_update');
      const set = await api('PUT', `/platform/people/${id}/card`, { token: staff.token, json: { card_no: '00A1B2C3' } });
      expect(set.status).toBe(200);
      expect(set.body.data).toEqual({ card_no: '00A1B2C3' });
      expect((await db('employments').where({ id }).first()).card_no).toBe('00A1B2C3');
      expect(await commands(id, 'user_update')).toBeGreaterThan(before);
      const pending = await db('device_commands').where({ employment: id, kind: 'user_update', status: 'pending' }).first('payload');
      expect(JSON.parse(pending.payload)).toMatchObject({ card_no: '00A1B2C3' });

      const changed = await api('PUT', `/platform/people/${id}/card`, { token: staff.token, json: { card_no: '10555501' } });
      expect(changed.body.data).toEqual({ card_no: '10555501' });
      const cleared = await api('PUT', `/platform/people/${id}/card`, { token: staff.token, json: { card_no: '' } });
      expect(cleared.body.data).toEqual({ card_no: null });
      const trail = await audits(id, 'employment.card');
      expect(trail.map((row) => [JSON.parse(row.before).card_no, JSON.parse(row.after).card_no])).toEqual([
        [null, '00A1B2C3'],
        ['00A1B2C3', '10555501'],
        ['10555501', null],
      ]);
    });

    test('a card held by another on-site person of the project is 409; after that person exits it is free', async () => {
      const [holder, taker] = [ids[1]!, ids[2]!];
      const card = `77${Date.now() % 1_000_000}`;
      expect((await api('PUT', `/platform/people/${holder}/card`, { token: staff.token, json: { card_no: card } })).status).toBe(200);
      const clash = await api('PUT', `/platform/people/${taker}/card`, { token: staff.token, json: { card_no: card } });
      expect(clash.status).toBe(409);
      expect(errorOf(clash.body)).toMatchObject({ code: 'PLATFORM_STATE_CONFLICT', rule: 'CARD_TAKEN', message: '该考勤卡号已发给本项目其他在场人员' });
      expect((await db('employments').where({ id: taker }).first()).card_no).toBeNull();

      expect((await api('POST', `/platform/people/${holder}/exit`, { token: staff.token, json: { exit_date: today } })).status).toBe(200);
      expect((await api('PUT', `/platform/people/${taker}/card`, { token: staff.token, json: { card_no: card } })).status).toBe(200);
      const late = await api('PUT', `/platform/people/${holder}/card`, { token: staff.token, json: { card_no: '12345678' } });
      expect(late.status).toBe(409);
      expect(errorOf(late.body).rule).toBe('ALREADY_EXITED');
    });

    test.each([['abc'], ['1234-5678'], ['卡号12345'], ['1'.repeat(33)]])('card number %s is refused with 400', async (card) => {
      const response = await api('PUT', `/platform/people/${ids[3]}/card`, { token: staff.token, json: { card_no: card } });
      expect(response.status).toBe(400);
      expect(errorOf(response.body)).toMatchObject({ field: 'card_no', message: '考勤卡号应为4–32位数字或字母' });
    });

    test("another project's person is 403", async () => {
      const t = await insertTeam(db, other.projectId);
      const [foreign] = await insertOnSite(db, other.projectId, t, { count: 1 });
      expect((await api('PUT', `/platform/people/${foreign}/card`, { token: staff.token, json: { card_no: '88889999' } })).status).toBe(403);
      expect((await db('employments').where({ id: foreign }).first()).card_no).toBeNull();
    });
  });

  describe('编辑', () => {
    let id: number;
    let personId: number;
    beforeAll(async () => {
      id = (await insertOnSite(db, staff.projectId, team, { count: 1, namePrefix: '编辑' }))[0]!;
      personId = (await db('employments').where({ id }).first()).person;
    });

    test('phone, address, blood type, trade and wage change; the audit keeps before and after', async () => {
      const response = await api('PATCH', `/platform/people/${id}`, {
        token: staff.token,
        json: { phone: '138 0000 1234', address: '四川省广元市昭化区元坝镇新街2号', blood_type: 'ab', trade: '240', wage_method: 'monthly', wage_amount: 9000 },
      });
      expect(response.status).toBe(200);
      expect(response.body.data.changed.sort()).toEqual(['address', 'blood_type', 'phone', 'trade', 'wage_amount', 'wage_method', 'wage_unit'].sort());
      // The address is the identity's (no other project relies on it yet); phone and blood type are what this project records.
      const person = await db('people').where({ id: personId }).first();
      expect(person).toMatchObject({ address: '四川省广元市昭化区元坝镇新街2号' });
      const employment = await db('employments').where({ id }).first();
      expect(employment).toMatchObject({ phone: '13800001234', blood_type: 'ab', trade: '240', wage_method: 'monthly', wage_unit: '月' });
      expect(JSON.parse(employment.id_card)).toMatchObject({ address: '四川省广元市昭化区元坝镇新街2号' });
      const [personAudit] = await audits(personId, 'person.edit');
      // The audit log keeps personal values masked (write-audit.ts), like every other read of them by bureau staff.
      expect(JSON.parse(personAudit.before)).toEqual({ address: maskSensitive('四川省广元市利州区东坝街道测试路1号') });
      expect(JSON.parse(personAudit.after)).toEqual({ address: maskSensitive('四川省广元市昭化区元坝镇新街2号') });
      const [employmentAudit] = await audits(id, 'employment.edit');
      expect(JSON.parse(employmentAudit.before)).toMatchObject({ phone: expect.stringMatching(/^139\*{4}\d{4}$/), blood_type: null, trade: '010', wage_method: 'daily' });
      expect(JSON.parse(employmentAudit.after)).toMatchObject({ phone: maskSensitive('13800001234'), blood_type: 'ab', trade: '240', wage_method: 'monthly', wage_unit: '月' });

      const same = await api('PATCH', `/platform/people/${id}`, { token: staff.token, json: { phone: '13800001234', trade: '240' } });
      expect(same.body.data.changed).toEqual([]);
    });

    test('a new name is re-sent to the devices', async () => {
      const before = await commands(id, 'user_update');
      const response = await api('PATCH', `/platform/people/${id}`, { token: staff.token, json: { name: '编辑改名' } });
      expect(response.status).toBe(200);
      expect(await commands(id, 'user_update')).toBeGreaterThan(before);
      const pending = await db('device_commands').where({ employment: id, kind: 'user_update', status: 'pending' }).first('payload');
      expect(JSON.parse(pending.payload).name).toBe('编辑改名');
    });

    test('a corrected ID number re-runs the ID rules and moves the birth date with it', async () => {
      const idNumber = await freeIdNumber(db, '1988-08-18', 'male');
      const response = await api('PATCH', `/platform/people/${id}`, { token: staff.token, json: { id_number: idNumber.toLowerCase() } });
      expect(response.status).toBe(200);
      const person = await db('people').where({ id: personId }).first();
      expect(person.id_number).toBe(idNumber.toUpperCase());
      expect(new Date(Number(person.birth_date)).toISOString().slice(0, 10)).toBe('1988-08-18');
    });

    const valid = makeIdNumber('510802', '1985-05-05', 7, 'male');
    test.each([
      ['a bad check digit', { id_number: valid.slice(0, 17) + (valid.endsWith('0') ? '1' : '0') }, 'ID_CHECKSUM', 'id_number'],
      ['a number of a woman for a man', { id_number: makeIdNumber('510802', '1985-05-05', 8, 'female') }, 'ID_GENDER', 'gender'],
      ['a gender that disagrees with the number', { gender: 'female' }, 'ID_GENDER', 'gender'],
      ['a worker over the age limit', { id_number: makeIdNumber('510802', '1950-01-01', 9, 'male') }, 'AGE_OVER_LIMIT', 'birth_date'],
      ['a child', { id_number: makeIdNumber('510802', '2015-01-01', 9, 'male') }, 'AGE_UNDER_16', 'birth_date'],
      ['a mobile number that is not one', { phone: '12345' }, 'CUSTOM', 'phone'],
      ['an unknown trade', { trade: '999' }, 'TRADE_UNKNOWN', 'trade'],
      ['an entry date in the future', { entry_date: '2099-01-01' }, 'DATE_FUTURE', 'entry_date'],
      ['an unknown blood type', { blood_type: 'Z' }, 'INVALID_VALUE', 'blood_type'],
    ])('%s is refused with 400 and nothing changes', async (_case, edit, rule, field) => {
      const before = await db('people').where({ id: personId }).first();
      const employmentBefore = await db('employments').where({ id }).first();
      const response = await api('PATCH', `/platform/people/${id}`, { token: staff.token, json: edit });
      expect(response.status).toBe(400);
      expect(errorOf(response.body)).toMatchObject({ code: 'PLATFORM_INVALID_INPUT', rule, field });
      expect(await db('people').where({ id: personId }).first()).toEqual(before);
      expect(await db('employments').where({ id }).first()).toEqual(employmentBefore);
    });

    test("another person's ID number is 409 without saying whose", async () => {
      const taken = (await db('people').whereNot({ id: personId }).first('id_number')).id_number;
      const response = await api('PATCH', `/platform/people/${id}`, { token: staff.token, json: { id_number: taken } });
      expect(response.status).toBe(409);
      expect(errorOf(response.body)).toMatchObject({ rule: 'ID_TAKEN', message: '该身份证号码已登记为其他人员，请核对' });
    });

    test("a team or company of another project is refused; a management team does not take a worker", async () => {
      const foreignTeam = await db('teams').where({ project: other.projectId }).first('id');
      const r1 = await api('PATCH', `/platform/people/${id}`, { token: staff.token, json: { team: foreignTeam.id } });
      expect(errorOf(r1.body)).toMatchObject({ rule: 'TEAM_NOT_IN_PROJECT', field: 'team' });
      const foreignUnit = await db('project_units').where({ project: other.projectId }).whereNotIn('unit', db('project_units').where({ project: staff.projectId }).select('unit')).first('unit');
      const r2 = await api('PATCH', `/platform/people/${id}`, { token: staff.token, json: { unit: foreignUnit.unit } });
      expect(errorOf(r2.body)).toMatchObject({ rule: 'UNIT_NOT_IN_PROJECT', field: 'unit' });
      const management = await insertTeam(db, staff.projectId, { kind: 'management' });
      const r3 = await api('PATCH', `/platform/people/${id}`, { token: staff.token, json: { team: management.id } });
      expect(errorOf(r3.body)).toMatchObject({ rule: 'TEAM_KIND', field: 'team' });
      const moved = await insertTeam(db, staff.projectId);
      const r4 = await api('PATCH', `/platform/people/${id}`, { token: staff.token, json: { team: moved.id } });
      expect(r4.status).toBe(200);
      expect((await db('employments').where({ id }).first()).team).toBe(moved.id);
    });

    test("another project's person is 403 and unchanged", async () => {
      const t = await insertTeam(db, other.projectId);
      const [foreign] = await insertOnSite(db, other.projectId, t, { count: 1 });
      const response = await api('PATCH', `/platform/people/${foreign}`, { token: staff.token, json: { phone: '13900000000' } });
      expect(response.status).toBe(403);
    });
  });
});
