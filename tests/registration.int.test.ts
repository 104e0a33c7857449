import { readdirSync } from 'node:fs';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { dbDate, readDate } from '../extensions/platform/src/db/values';
import { addDays, todayInShanghai } from '../schema/rules/dates';
import { countRows, openDatabase } from './support/db';
import { api, errorOf } from './support/http';
import { createTeamViaApi, IMAGES, PNG, postRegistration, storedFileCount, validRegistration } from './support/registration-fixtures';
import { projectStaff } from './support/site-fixtures';

const today = todayInShanghai(new Date());
const year = Number(today.slice(0, 4));
const JPEG_CUT = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);

type Staff = { token: string; projectId: number };
type Target = { team: number; unit: number };

describe('实名制登记 POST /platform/registrations', () => {
  let db: Knex;
  let staff: Staff;
  let other: Staff;
  let workers: Target;
  let managers: Target;
  let otherWorkers: Target;
  let otherOnlyUnit: number;

  const REGISTRATION_ACTIONS = ['person.create', 'person.update', 'employment.register'];
  /** Everything a registration writes, for "nothing written" checks. */
  const snapshot = async (projectId: number) => ({
    people: await countRows(db, 'people'),
    employments: await countRows(db, 'employments'),
    files: await countRows(db, 'directus_files'),
    disk: storedFileCount(),
    // Registration's own actions only: other test files audit faces and exports of the same project meanwhile.
    audits: Number((await db('audit_log').where({ project: projectId, actor_kind: 'user' }).whereIn('action', REGISTRATION_ACTIONS).count({ n: '*' }))[0]?.['n'] ?? 0),
    commands: await countRows(db, 'device_commands'),
  });

  beforeAll(async () => {
    db = openDatabase(inject('platformEnv'));
    staff = await projectStaff(0);
    other = await projectStaff(1);
    workers = await createTeamViaApi(staff.token, 'worker');
    managers = await createTeamViaApi(staff.token, 'management');
    otherWorkers = await createTeamViaApi(other.token, 'worker');
    // Some companies take part in both demo projects; this one only in the other.
    const mine = db('project_units').where({ project: staff.projectId }).select('unit');
    otherOnlyUnit = Number((await db('project_units').where({ project: other.projectId }).whereNotIn('unit', mine).first('unit')).unit);
  });
  afterAll(() => db.destroy());

  describe('a worker registered from the form and three photos', () => {
    let form: Awaited<ReturnType<typeof validRegistration>>;
    let before: Awaited<ReturnType<typeof snapshot>>;
    let response: Awaited<ReturnType<typeof postRegistration>>;

    beforeAll(async () => {
      form = { ...(await validRegistration(db, workers)), card_no: `C${Date.now() % 100_000_000}` };
      before = await snapshot(staff.projectId);
      response = await postRegistration(staff.token, { ...form, id_number: form.id_number.toLowerCase() });
    });

    test('answers 201 with the new employment', () => {
      expect(response.status).toBe(201);
      expect(response.body.data).toMatchObject({ name: form.name, role: 'worker', team: workers.team, unit: workers.unit, entry_date: today, status: 'on_site', new_person: true });
      expect(response.body.data.device_pin).toMatch(/^\d{6}$/);
    });

    test('creates the city-wide identity with the card photos, and records phone and photos on the employment as private files', async () => {
      const person = await db('people').where({ id: response.body.data.person_id }).first();
      expect(person).toMatchObject({ name: form.name, id_number: form.id_number, gender: 'male', ethnicity: '01', id_valid_to: '2040-01-01', id_type: '01' });
      expect(person).not.toHaveProperty('phone');
      expect(readDate(person.birth_date)).toBe(form.birth_date);
      expect(readDate(person.id_valid_from)).toBe('2020-01-01');
      const employment = await db('employments').where({ id: response.body.data.employment_id }).first();
      expect(employment).toMatchObject({ phone: form.phone, id_front: person.id_front, id_back: person.id_back });
      expect(JSON.parse(employment.id_card)).toEqual({ address: form.address, issuing_authority: form.issuing_authority, id_valid_from: '2020-01-01', id_valid_to: '2040-01-01' });
      for (const field of ['id_front', 'id_back', 'photo']) {
        expect(employment[field]).toMatch(/^[0-9a-f-]{36}$/);
        const file = await db('directus_files').where({ id: employment[field] }).first();
        expect(file).toMatchObject({ type: 'image/png' });
        // Private: no public read, project staff read it through /platform/files.
        expect((await fetch(`${inject('baseUrl')}/assets/${employment[field]}`)).status).toBe(403);
      }
      expect((await fetch(`${inject('baseUrl')}/platform/files/${employment.photo}`, { headers: { authorization: `Bearer ${staff.token}` } })).status).toBe(200);
      expect((await fetch(`${inject('baseUrl')}/platform/files/${employment.photo}`, { headers: { authorization: `Bearer ${other.token}` } })).status).toBe(403);
    });

    test('creates the employment with the next device pin of the project', async () => {
      const employment = await db('employments').where({ id: response.body.data.employment_id }).first();
      expect(employment).toMatchObject({
        project: staff.projectId,
        person: response.body.data.person_id,
        team: workers.team,
        unit: workers.unit,
        role: 'worker',
        trade: '010',
        card_no: form.card_no,
        status: 'on_site',
        wage_method: 'daily',
        wage_unit: '天',
        contract_template: '0',
        device_pin: response.body.data.device_pin,
      });
      expect(Number(employment.wage_amount)).toBe(300);
      expect(readDate(employment.entry_date)).toBe(today);
      // Other tests' fixtures may hold hand-made pins ('T12'); only numeric pins count.
      const pins = (await db('employments').where({ project: staff.projectId }).whereNot({ id: employment.id }).select('device_pin'))
        .map((row) => String(row.device_pin))
        .filter((pin) => /^\d+$/.test(pin))
        .map(Number);
      expect(Number(employment.device_pin)).toBe(Math.max(...pins) + 1);
    });

    test('writes three files, two audit entries and the device enrolment', async () => {
      const after = await snapshot(staff.projectId);
      expect(after).toMatchObject({ people: before.people + 1, employments: before.employments + 1, files: before.files + 3, disk: before.disk + 3, audits: before.audits + 2 });
      // By collection and id: a person's id may also be the id of another employment of the project.
      const actions = await db('audit_log')
        .where({ project: staff.projectId })
        .andWhere((w) => w.where({ collection: 'people', item: String(response.body.data.person_id) }).orWhere({ collection: 'employments', item: String(response.body.data.employment_id) }))
        .select('action', 'after');
      expect(actions.map((row) => row.action).sort()).toEqual(['employment.register', 'person.create']);
      // The audit log keeps the ID number masked.
      expect(JSON.stringify(actions)).not.toContain(form.id_number);
      const devices = Number((await db('devices').where({ project: staff.projectId, status: 'active' }).count({ n: '*' }))[0]?.['n']);
      expect(devices).toBeGreaterThan(0);
      const commands = await db('device_commands').where({ employment: response.body.data.employment_id }).select('kind');
      expect(commands.filter((row) => row.kind === 'user_update')).toHaveLength(devices);
    });

    test('shows up in the team headcount and the people list', async () => {
      const team = (await api('GET', `/platform/teams/${workers.team}`, { token: staff.token })).body.data;
      expect(team.on_site).toBeGreaterThanOrEqual(1);
      const list = (await api('GET', `/platform/people?q=${encodeURIComponent(form.phone)}`, { token: staff.token })).body.data.items;
      expect(list).toContainEqual(expect.objectContaining({ id: response.body.data.employment_id }));
    });

    test('registering the same person again here → 409, nothing written', async () => {
      const snap = await snapshot(staff.projectId);
      const again = await postRegistration(staff.token, { ...form, card_no: null });
      expect(again.status).toBe(409);
      expect(errorOf(again.body)).toMatchObject({ code: 'PLATFORM_STATE_CONFLICT', rule: 'ALREADY_ON_SITE' });
      expect(await snapshot(staff.projectId)).toEqual(snap);
    });

    test('another project cannot register the person while on site here, and learns nothing about here', async () => {
      const snap = await snapshot(other.projectId);
      const elsewhere = await postRegistration(other.token, { ...form, ...otherWorkers, card_no: null });
      expect(elsewhere.status).toBe(409);
      expect(errorOf(elsewhere.body)).toMatchObject({ rule: 'ON_SITE_ELSEWHERE', message: '该人员仍在其他项目在场，需原项目办理退场后才能登记' });
      const project = await db('projects').where({ id: staff.projectId }).first('name');
      expect(JSON.stringify(elsewhere.body)).not.toContain(project.name);
      expect(await snapshot(other.projectId)).toEqual(snap);
    });

    test('the card number is taken among on-site people here, free elsewhere', async () => {
      const someoneElse = { ...(await validRegistration(db, workers, '1990-02-02')), card_no: form.card_no };
      const snap = await snapshot(staff.projectId);
      const taken = await postRegistration(staff.token, someoneElse);
      expect(taken.status).toBe(409);
      expect(errorOf(taken.body)).toMatchObject({ rule: 'CARD_TAKEN', field: 'card_no' });
      expect(await snapshot(staff.projectId)).toEqual(snap);
      expect((await postRegistration(other.token, { ...someoneElse, ...otherWorkers })).status).toBe(201);
    });

    test('after an exit the person registers again as a new employment, and the card is free again', async () => {
      const yesterday = addDays(today, -1);
      // The exit itself is the personnel work's (issue 7); here it only has to have happened.
      await db('employments').where({ id: response.body.data.employment_id }).update({ status: 'exited', exit_date: dbDate(db, yesterday) });

      const tooEarly = await postRegistration(staff.token, { ...form, entry_date: addDays(yesterday, -1) });
      expect(tooEarly.status).toBe(400);
      expect(errorOf(tooEarly.body)).toMatchObject({ rule: 'ENTRY_BEFORE_LAST_EXIT', field: 'entry_date', message: `进场时间不能早于该人员上次在本项目的退场日期（${yesterday}）` });

      const snap = await snapshot(staff.projectId);
      const back = await postRegistration(staff.token, { ...form, phone: '13700001111' });
      expect(back.status).toBe(201);
      expect(back.body.data).toMatchObject({ person_id: response.body.data.person_id, new_person: false });
      expect(back.body.data.employment_id).not.toBe(response.body.data.employment_id);
      expect(await snapshot(staff.projectId)).toMatchObject({ people: snap.people, employments: snap.employments + 1, files: snap.files + 3 });
      // Each stay keeps the phone it recorded; the identity (same card) is not touched.
      const stays = await db('employments').where({ person: response.body.data.person_id }).orderBy('id').select('status', 'phone');
      expect(stays).toEqual([{ status: 'exited', phone: form.phone }, { status: 'on_site', phone: '13700001111' }]);
      expect(await db('audit_log').where({ collection: 'people', item: String(response.body.data.person_id) }).whereNot({ action: 'person.create' }).first()).toBeUndefined();
      const register = await db('audit_log').where({ action: 'employment.register', item: String(back.body.data.employment_id) }).first('after');
      expect(JSON.parse(register.after)).toMatchObject({ phone: '137****1111' });
    });
  });

  test('a manager registers into a management team with a management post', async () => {
    const form = { ...(await validRegistration(db, managers, `${year - 17}-01-01`, 'female')), role: 'manager', trade: 'safety_officer', wage_method: 'monthly', wage_amount: 6000.5 };
    const response = await postRegistration(staff.token, form);
    expect(response.status).toBe(201);
    const employment = await db('employments').where({ id: response.body.data.employment_id }).first();
    expect(employment).toMatchObject({ role: 'manager', trade: 'safety_officer', wage_unit: '月' });
  });

  describe('refusals: 4xx naming the field, nothing written', () => {
    const bornAgo = (years: number) => `${year - years}-01-01`;

    test.each<[string, (form: Awaited<ReturnType<typeof validRegistration>>) => Promise<Record<string, unknown>> | Record<string, unknown>, number, string, string | undefined]>([
      ['check digit wrong', (f) => ({ id_number: `${f.id_number.slice(0, 17)}${f.id_number.endsWith('0') ? '1' : '0'}` }), 400, 'ID_CHECKSUM', 'id_number'],
      ['birth date disagrees with the number', () => ({ birth_date: '1985-06-16' }), 400, 'ID_BIRTHDATE', 'birth_date'],
      ['gender disagrees with the number', () => ({ gender: 'female' }), 400, 'ID_GENDER', 'gender'],
      ['ID card expired', () => ({ id_valid_to: addDays(today, -1) }), 400, 'ID_EXPIRED', 'id_valid_to'],
      ['temporary ID valid for years', () => ({ temporary_id: true }), 400, 'ID_TEMPORARY_VALIDITY', 'id_valid_to'],
      ['under 16', async () => ({ ...(await validRegistration(db, workers, bornAgo(15))) }), 400, 'AGE_UNDER_16', 'birth_date'],
      ['a worker under 18', async () => ({ ...(await validRegistration(db, workers, bornAgo(17))) }), 400, 'AGE_UNDER_18', 'birth_date'],
      ['a man over the age limit', async () => ({ ...(await validRegistration(db, workers, bornAgo(61))) }), 400, 'AGE_OVER_LIMIT', 'birth_date'],
      ['a woman over the age limit', async () => ({ ...(await validRegistration(db, workers, bornAgo(51), 'female')) }), 400, 'AGE_OVER_LIMIT', 'birth_date'],
      ['no phone', () => ({ phone: '' }), 400, 'TOO_SMALL', 'phone'],
      ['a landline as phone', () => ({ phone: '0839-3261234' }), 400, 'CUSTOM', 'phone'],
      ['no trade', () => ({ trade: undefined }), 400, 'REQUIRED', 'trade'],
      ['a worker with a management post', () => ({ trade: 'project_manager' }), 400, 'CUSTOM', 'trade'],
      ['a worker as 管理人员', () => ({ trade: '900' }), 400, 'CUSTOM', 'trade'],
      ['a manager with a trade', () => ({ role: 'manager', trade: '010' }), 400, 'CUSTOM', 'trade'],
      ['a worker into a management team', () => ({ ...managers }), 400, 'TEAM_KIND', 'team'],
      ['a manager into a worker team', () => ({ role: 'manager', trade: 'safety_officer' }), 400, 'TEAM_KIND', 'team'],
      ['entry in the future', () => ({ entry_date: addDays(today, 1) }), 400, 'DATE_FUTURE', 'entry_date'],
      ['an amount without settlement mode', () => ({ wage_method: null }), 400, 'CUSTOM', 'wage_method'],
      ['a card number with symbols', () => ({ card_no: '12-34' }), 400, 'INVALID_FORMAT', 'card_no'],
      ['no name', () => ({ name: '' }), 400, 'TOO_SMALL', 'name'],
      ['an unknown ethnicity', () => ({ ethnicity: '汉族' }), 400, 'INVALID_VALUE', 'ethnicity'],
      ['a team of another project', () => ({ team: otherWorkers.team }), 403, 'PLATFORM_FORBIDDEN', undefined],
      ['a unit of another project', () => ({ unit: otherOnlyUnit }), 403, 'PLATFORM_FORBIDDEN', undefined],
    ])('%s', async (_case, change, status, rule, field) => {
      const form = await validRegistration(db, workers);
      const data = { ...form, ...(await change(form)) };
      const before = await snapshot(staff.projectId);
      const response = await postRegistration(staff.token, data);
      expect(response.status).toBe(status);
      const error = errorOf(response.body);
      if (status === 403) expect(error.code).toBe(rule);
      else expect(error).toMatchObject({ code: 'PLATFORM_INVALID_INPUT', rule, field });
      expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(await snapshot(staff.projectId)).toEqual(before);
    });

    test('entry before the project start → 400 naming the start date', async () => {
      const start = readDate((await db('projects').where({ id: staff.projectId }).first('start_date')).start_date)!;
      const form = { ...(await validRegistration(db, workers)), entry_date: addDays(start, -1) };
      const before = await snapshot(staff.projectId);
      const response = await postRegistration(staff.token, form);
      expect(response.status).toBe(400);
      expect(errorOf(response.body)).toMatchObject({ rule: 'ENTRY_BEFORE_START', field: 'entry_date', message: `进场时间不能早于项目开工日期（${start}）` });
      expect(await snapshot(staff.projectId)).toEqual(before);
    });

    test.each([
      ['no photo', { photo: null }, 400, 'UPLOAD_MISSING', 'photo', '请上传本人照片'],
      ['no ID back', { id_back: null }, 400, 'UPLOAD_MISSING', 'id_back', '请上传身份证背面'],
      ['an ID front that is not an image', { id_front: Buffer.from('not an image at all') }, 400, 'UPLOAD_NOT_IMAGE', 'id_front', '身份证正面只能上传 JPG、PNG 或 WebP 图片'],
      ['a truncated JPEG photo', { photo: JPEG_CUT }, 400, 'UPLOAD_TRUNCATED', 'photo', '本人照片文件不完整，请重新拍摄或选择'],
      ['an 11 MB photo', { photo: Buffer.concat([PNG, Buffer.alloc(11 * 1024 * 1024)]) }, 413, 'UPLOAD_TOO_LARGE', 'photo', '本人照片不能超过 10 MB'],
    ])('%s', async (_case, change, status, rule, field, message) => {
      const form = await validRegistration(db, workers);
      const before = await snapshot(staff.projectId);
      const response = await postRegistration(staff.token, form, { ...IMAGES, ...change });
      expect(response.status).toBe(status);
      expect(errorOf(response.body)).toMatchObject({ rule, field, message });
      expect(await snapshot(staff.projectId)).toEqual(before);
    });

    test.each([
      ['no data field', undefined, 'REQUIRED'],
      ['data that is not JSON', '{"name":', 'BODY_MALFORMED'],
      ['data that is a JSON string, not the form', '"登记测试"', 'BODY_NOT_OBJECT'],
    ])('%s → 400 %s', async (_case, data, rule) => {
      const before = await snapshot(staff.projectId);
      const response = await postRegistration(staff.token, data);
      expect(response.status).toBe(400);
      expect(errorOf(response.body)).toMatchObject({ rule, field: 'data' });
      expect(await snapshot(staff.projectId)).toEqual(before);
    });

    test('not multipart → 400; not logged in → 401', async () => {
      const form = await validRegistration(db, workers);
      const json = await api('POST', '/platform/registrations', { token: staff.token, json: form });
      expect(json.status).toBe(400);
      expect(errorOf(json.body).rule).toBe('UPLOAD_NOT_MULTIPART');
      expect((await api('POST', '/platform/registrations', { json: form })).status).toBe(401);
    });
  });

  test('two identical registrations at once: one wins, the other is refused and leaves no file behind', async () => {
    const form = await validRegistration(db, workers, '1988-08-08');
    const before = await snapshot(staff.projectId);
    const answers = await Promise.all([postRegistration(staff.token, form), postRegistration(staff.token, form)]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const after = await snapshot(staff.projectId);
    expect(after).toMatchObject({ people: before.people + 1, employments: before.employments + 1, files: before.files + 3, disk: before.disk + 3, audits: before.audits + 2 });
    expect(readdirSync(`${inject('dataDir')}/uploads`).filter((name) => name.startsWith('temp_'))).toEqual([]);
  });

  test('a fault inside the transaction rolls back the person and deletes the stored images', async () => {
    // A trigger that fails the employment insert (after the person row and the three files exist).
    await db.raw("CREATE TRIGGER registration_fault BEFORE INSERT ON employments WHEN NEW.card_no = 'FAULT0001' BEGIN SELECT RAISE(ABORT, 'injected fault'); END");
    try {
      const form = { ...(await validRegistration(db, workers, '1987-07-07')), card_no: 'FAULT0001' };
      const before = await snapshot(staff.projectId);
      const response = await postRegistration(staff.token, form);
      expect(response.status).toBe(500);
      expect(await snapshot(staff.projectId)).toEqual(before);
      expect(await db('people').where({ id_number: form.id_number }).first('id')).toBeUndefined();
    } finally {
      await db.raw('DROP TRIGGER registration_fault');
    }
  });

  test('consecutive registrations get consecutive device pins', async () => {
    const first = await postRegistration(staff.token, await validRegistration(db, workers, '1991-03-03'));
    const second = await postRegistration(staff.token, await validRegistration(db, workers, '1992-04-04'));
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(Number(second.body.data.device_pin)).toBe(Number(first.body.data.device_pin) + 1);
  });
});
