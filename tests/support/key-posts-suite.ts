import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FLOW_IDS } from '../../schema/flows';
import { addDays, makeIdNumber, todayInShanghai } from '../../schema/rules';
import { accountToEmail } from '../../schema/rules/account';
import type { Env } from '../../scripts/lib/directus.ts';
import { DEMO_LOGINS } from '../../seeds/demo-logins';
import { countRows, openDatabase } from './db';
import { ADMIN } from './fixtures';
import { createApprovedProject, type FreshProject } from './fresh-project';
import { api as callApi, errorOf, login as callLogin } from './http';

// A 1×1 PNG: a complete image of a supported type.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const TODAY = todayInShanghai(new Date());

let seq = Math.floor(Math.random() * 400);
/** A valid ID number nobody in the demo city has (a random birthday and sequence). */
function newIdNumber(gender: 'male' | 'female' = 'male'): { id_number: string; birth_date: string; gender: string } {
  seq = (seq + 7) % 500;
  const birth_date = addDays('1975-01-01', Math.floor(Math.random() * 5000));
  return { id_number: makeIdNumber('510802', birth_date, seq, gender), birth_date, gender };
}

/** Text fields of a valid 入场登记 for the general contractor's 项目经理. Build bad ones as `{ ...entryFields(), field: bad }`. */
function entryFields(over: Record<string, string> = {}): Record<string, string> {
  return {
    unit_role: '009',
    post: 'project_manager',
    name: '王建国',
    ethnicity: '01',
    address: '四川省广元市利州区东坝街道滨河路8号',
    issuing_authority: '广元市公安局利州区分局',
    id_valid_from: '2016-03-01',
    id_valid_to: '长期',
    phone: '13908125678',
    entry_date: addDays(TODAY, -30),
    ...newIdNumber(),
    ...over,
  };
}

type Images = Partial<Record<'id_front' | 'id_back' | 'certificate', Buffer | undefined>>;
const images = (over: Images = {}): Images => ({ id_front: PNG, id_back: PNG, certificate: PNG, ...over });

/**
 * 关键岗位 end to end, shared by the SQLite and PostgreSQL runs: the board, 入场登记 with its
 * refusals, the two review flows' state machines, 退场解锁, and project isolation.
 * @example keyPostSuite('SQLite', () => inject('baseUrl'), () => inject('platformEnv'));
 */
export function keyPostSuite(label: string, baseUrl: () => string, env: () => Env): void {
const api = (method: string, path: string, options: { json?: unknown; token?: string } = {}) => callApi(method, path, { ...options, baseUrl: baseUrl() });
const login = (email: string, password: string) => callLogin(email, password, baseUrl());

/**
 * Posts a multipart 入场登记.
 * @example await register(project.token, entryFields(), images())
 */
async function register(token: string, fields: Record<string, string>, files: Images = images()) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const [key, buffer] of Object.entries(files)) if (buffer) form.append(key, new Blob([new Uint8Array(buffer)]), `${key}.png`);
  const response = await fetch(`${baseUrl()}/platform/key-posts`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

function decide(flow: 'entry' | 'exit', token: string | undefined, id: number, decision: string, reason?: string) {
  const flowId = flow === 'entry' ? FLOW_IDS.reviewKeyPost : FLOW_IDS.reviewKeyPostExit;
  return api('POST', `/flows/trigger/${flowId}`, { ...(token ? { token } : {}), json: { collection: 'key_posts', keys: [String(id)], decision, reason } });
}

const board = async (token: string) => (await api('GET', '/platform/key-posts', { token })).body.data as any[];
const slotOf = async (token: string, unitRole: string, post: string) => (await board(token)).find((slot) => slot.unit_role === unitRole && slot.post === post);

describe(`key posts (关键岗位, ${label})`, () => {
  let db: Knex;
  let bureau: string;
  let admin: string;
  let a: FreshProject;
  let b: FreshProject;

  beforeAll(async () => {
    db = openDatabase(env());
    bureau = await login(DEMO_LOGINS.bureau.email, DEMO_LOGINS.bureau.password);
    admin = await login(ADMIN.email, ADMIN.password);
    a = await createApprovedProject('关键岗位测试A', baseUrl());
    b = await createApprovedProject('关键岗位测试B', baseUrl());
  });
  afterAll(() => db.destroy());

  /** Rows an entry writes, to prove a refusal wrote none. */
  const footprint = async () => ({ posts: await countRows(db, 'key_posts'), people: await countRows(db, 'people'), files: await countRows(db, 'directus_files'), audit: await countRows(db, 'audit_log') });

  test('the board of a new project: the required posts of its units, all 未登记', async () => {
    const slots = await board(a.token);
    expect(slots.map((slot) => `${slot.unit_role_label}/${slot.post_label}`)).toEqual([
      '施工总承包单位/项目经理',
      '施工总承包单位/技术负责人',
      '施工总承包单位/安全员',
      '施工总承包单位/质量员',
      '施工总承包单位/劳务员',
      '监理单位/总监理工程师',
      '监理单位/专业监理工程师',
      '建设单位/建设单位项目负责人',
    ]);
    expect(slots.every((slot) => slot.holder === null)).toBe(true);
    expect(slots[0].unit.name).toBe('四川蜀道建设有限公司');
    expect(slots[5].unit.name).toBe('四川正信监理有限公司');
    expect((await api('GET', '/platform/key-posts')).status).toBe(401);
  });

  describe('入场登记', () => {
    test('saves a pending application with person, employment, unit, certificate (private) and audit rows, in one go', async () => {
      const fields = entryFields({ post: 'safety_officer', name: '赵安全' });
      const { status, body } = await register(a.token, fields);
      expect(status).toBe(201);
      expect(body.data).toMatchObject({ status: 'pending' });
      const row = await db('key_posts').where({ id: body.data.id }).first();
      expect(row).toMatchObject({ project: a.id, unit_role: '009', post: 'safety_officer', status: 'pending', person: body.data.person, employment: body.data.employment });
      const person = await db('people').where({ id: row.person }).first();
      expect(person).toMatchObject({ name: '赵安全', id_number: fields['id_number'], gender: 'male', id_valid_to: '长期' });
      expect(person.id_front).toBeTruthy();
      expect(person.id_back).toBeTruthy();
      // The holder is an ordinary employment of the project: a manager in a management team of the post's unit, with a device pin.
      const employment = await db('employments').where({ id: row.employment }).first();
      expect(employment).toMatchObject({ project: a.id, person: row.person, unit: row.unit, role: 'manager', trade: 'safety_officer', status: 'on_site', phone: '13908125678', id_front: person.id_front });
      expect(employment.device_pin).toMatch(/^\d{6}$/);
      expect((await db('teams').where({ id: employment.team }).first()).kind).toBe('management');
      const unit = await db('units').where({ id: row.unit }).first();
      expect(unit.name).toBe('四川蜀道建设有限公司');
      const actions = (await db('audit_log').where({ project: a.id }).whereIn('action', ['key_post.register', 'person.create'])).map((r) => r.action);
      expect(actions).toEqual(expect.arrayContaining(['key_post.register', 'person.create']));

      // The certificate is a private file: not through Directus, only through the project's file endpoint.
      expect((await api('GET', `/assets/${row.certificate}`)).status).toBe(403);
      expect((await api('GET', `/assets/${row.certificate}`, { token: a.token })).status).toBe(403);
      expect((await fetch(`${baseUrl()}/platform/files/${row.certificate}`, { headers: { authorization: `Bearer ${a.token}` } })).status).toBe(200);
      expect((await fetch(`${baseUrl()}/platform/files/${employment.id_front}`, { headers: { authorization: `Bearer ${a.token}` } })).status).toBe(200);
      expect((await fetch(`${baseUrl()}/platform/files/${employment.id_front}`, { headers: { authorization: `Bearer ${b.token}` } })).status).toBe(403);
      expect((await fetch(`${baseUrl()}/platform/files/${row.certificate}`, { headers: { authorization: `Bearer ${b.token}` } })).status).toBe(403);

      const slot = await slotOf(a.token, '009', 'safety_officer');
      expect(slot.holder).toMatchObject({ id: body.data.id, status: 'pending', status_label: '待审核', name: '赵安全', unit_name: '四川蜀道建设有限公司', entry_date: fields['entry_date'] });
      expect(slot.holder.id_number).toBe(`${fields['id_number']!.slice(0, 4)}**********${fields['id_number']!.slice(-4)}`);
    });

    test('one holder or applicant per post: a second registration answers 409 and writes nothing', async () => {
      expect((await register(a.token, entryFields({ post: 'quality_officer' }))).status).toBe(201);
      const before = await footprint();
      const second = await register(a.token, entryFields({ post: 'quality_officer', name: '钱质量' }));
      expect(second.status).toBe(409);
      expect(errorOf(second.body)).toMatchObject({ code: 'PLATFORM_STATE_CONFLICT', rule: 'KEY_POST_OCCUPIED', message: '该岗位已有待审核的入场登记，审核结果出来前不能再登记' });
      expect(await footprint()).toEqual(before);
    });

    test('two registrations for the same post at once: one is saved, the other answers 409, no stray files', async () => {
      const filesBefore = await countRows(db, 'directus_files');
      const results = await Promise.all([register(b.token, entryFields({ post: 'quality_officer', name: '何同时' })), register(b.token, entryFields({ post: 'quality_officer', name: '吕同时' }))]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(errorOf(results.find((r) => r.status === 409)!.body).rule).toBe('KEY_POST_OCCUPIED');
      expect(await db('key_posts').where({ project: b.id, post: 'quality_officer' })).toHaveLength(1);
      expect(await countRows(db, 'directus_files')).toBe(filesBefore + 3);
    });

    test('a person holds one key post: not two posts here, not one at another project', async () => {
      const fields = entryFields({ post: 'labour_officer', name: '孙劳务' });
      expect((await register(a.token, fields)).status).toBe(201);
      const same = await register(a.token, { ...fields, unit_role: '007', post: 'chief_supervisor' });
      expect(same.status).toBe(409);
      expect(errorOf(same.body)).toMatchObject({ rule: 'KEY_POST_PERSON_BUSY', message: '该人员已登记为本项目的劳务员，不能同时担任两个关键岗位' });
      const elsewhere = await register(b.token, { ...fields, post: 'project_manager' });
      expect(elsewhere.status).toBe(409);
      expect(errorOf(elsewhere.body)).toMatchObject({ rule: 'KEY_POST_HELD_ELSEWHERE', message: '该人员正在其他项目担任关键岗位，须在原项目办理退场解锁后才能登记' });
      expect(errorOf(elsewhere.body).message).not.toContain(a.name);
    });

    const truncatedJpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
    test.each([
      ['no certificate', {}, images({ certificate: undefined }), 400, 'UPLOAD_MISSING', 'certificate', '请上传资质证书'],
      ['a certificate that is not an image', {}, images({ certificate: Buffer.from('%PDF-1.4 not an image') }), 400, 'UPLOAD_NOT_IMAGE', 'certificate', '资质证书只能上传 JPG、PNG 或 WebP 图片'],
      ['a truncated JPEG', {}, images({ id_back: truncatedJpeg }), 400, 'UPLOAD_TRUNCATED', 'id_back', '身份证国徽面文件不完整，请重新拍摄或选择'],
      ['a 20 MB photo', {}, images({ id_front: Buffer.concat([PNG.subarray(0, 8), Buffer.alloc(20 * 1024 * 1024)]) }), 413, 'UPLOAD_TOO_LARGE', 'id_front', '身份证人像面不能超过 10 MB'],
      ['a wrong check digit', { id_number: '51080219800831123X' }, images(), 400, 'ID_CHECKSUM', 'id_number', '身份证号码校验位不正确，请核对是否输错'],
      ['a birth date that disagrees with the number', { birth_date: '1999-01-01' }, images(), 400, 'ID_BIRTHDATE', 'birth_date', '出生日期与身份证号码不一致'],
      ['an expired ID card', { id_valid_from: '2005-01-01', id_valid_to: '2025-01-01' }, images(), 400, 'ID_EXPIRED', 'id_valid_to', '身份证已于2025-01-01到期，请更换新证后登记'],
      ['an entry date in the future', { entry_date: addDays(TODAY, 1) }, images(), 400, 'DATE_FUTURE', 'entry_date', '进场日期不能晚于今天'],
      ['a post its unit type does not have', { post: 'chief_supervisor' }, images(), 400, 'CUSTOM', 'post', '总监理工程师不是施工总承包单位的关键岗位'],
      ['a unit of another role', { unit: '999999' }, images(), 400, 'UNIT_NOT_IN_ROLE', 'unit', '所选企业不是本项目的施工总承包单位'],
      ['no name', { name: '' }, images(), 400, 'REQUIRED', 'name', '请填写姓名'],
    ])('refuses %s with a clear 4xx and writes nothing', async (_case, over, files, status, rule, field, message) => {
      const before = await footprint();
      const { status: got, body } = await register(a.token, entryFields({ post: 'technical_lead', ...over }), files);
      expect(got).toBe(status);
      expect(errorOf(body)).toMatchObject({ rule, field, message });
      expect(await footprint()).toEqual(before);
    });

    test('a JSON body is not an upload', async () => {
      const { status, body } = await api('POST', '/platform/key-posts', { token: a.token, json: entryFields() });
      expect(status).toBe(400);
      expect(errorOf(body).rule).toBe('UPLOAD_NOT_MULTIPART');
    });
  });

  describe('审核关键岗位 (flow)', () => {
    test('reject needs a reason; a decision is taken once; the audit log has it', async () => {
      const { body } = await register(a.token, entryFields({ post: 'project_manager', name: '李经理' }));
      const id: number = body.data.id;
      const noReason = await decide('entry', bureau, id, 'reject');
      expect(noReason.status).toBe(400);
      expect(errorOf(noReason.body).message).toBe('驳回时必须填写审核意见');
      expect((await decide('entry', bureau, id, 'maybe')).status).toBe(400);

      const approved = await decide('entry', bureau, id, 'approve');
      expect(approved.status).toBe(200);
      expect((await db('key_posts').where({ id }).first()).status).toBe('approved');
      for (const [decision, reason] of [['approve', undefined], ['reject', '重复']] as const) {
        const again = await decide('entry', bureau, id, decision, reason);
        expect(again.status).toBe(409);
        expect(errorOf(again.body).message).toBe('该申请已审核，不能重复审核');
      }
      const audit = await db('audit_log').where({ collection: 'key_posts', item: String(id), action: 'key_post.approve' });
      expect(audit).toHaveLength(1);
      expect(audit[0].actor).toBe((await api('GET', '/users/me?fields=id', { token: bureau })).body.data.id);
      const slot = await slotOf(a.token, '009', 'project_manager');
      expect(slot.holder).toMatchObject({ id, status: 'approved', status_label: '在岗' });
    });

    test('a rejected application frees the post and the board says why; another name for that number is refused until the bureau corrects it', async () => {
      const fields = entryFields({ unit_role: '007', post: 'specialist_supervisor', name: '周监里' });
      const { body } = await register(a.token, fields);
      expect((await decide('entry', bureau, body.data.id, 'reject', '资质证书照片不清晰，姓名有误')).status).toBe(200);
      const slot = await slotOf(a.token, '007', 'specialist_supervisor');
      expect(slot.holder).toBeNull();
      expect(slot.last_rejection).toMatchObject({ name: '周监里', review_reason: '资质证书照片不清晰，姓名有误' });

      // The identity on file is what other records rely on: a project cannot rename it by applying again.
      const before = await footprint();
      const renamed = await register(a.token, { ...fields, name: '周监理' });
      expect(renamed.status).toBe(409);
      expect(errorOf(renamed.body)).toMatchObject({
        code: 'PLATFORM_STATE_CONFLICT',
        rule: 'IDENTITY_MISMATCH',
        field: 'name',
        message: '姓名与该身份证号码已登记的身份信息不一致，请核对证件；如已登记的身份信息有误，请联系住建局更正',
      });
      expect(await footprint()).toEqual(before);

      // The bureau corrects it in the studio: audited with before and after.
      expect((await api('PATCH', `/items/people/${body.data.person}`, { token: bureau, json: { name: '周监理' } })).status).toBe(200);
      expect((await db('people').where({ id: body.data.person }).first()).name).toBe('周监理');
      const correction = await db('audit_log').where({ action: 'person.correct', collection: 'people', item: String(body.data.person) }).first();
      // A json column reads back as text on SQLite and as an object on PostgreSQL.
      const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);
      expect(json(correction.before)).toEqual({ name: '周监里' });
      expect(json(correction.after)).toEqual({ name: '周监理' });
      expect(correction.note).toBe('住建局更正身份信息');

      // Now the same person applies again, still on site here from the first entry: the same employment.
      const again = await register(a.token, { ...fields, name: '周监理' });
      expect(again.status).toBe(201);
      expect(again.body.data).toMatchObject({ person: body.data.person, employment: body.data.employment });
    });

    test('project staff and anonymous callers cannot run the flows', async () => {
      const { body } = await register(b.token, entryFields({ unit_role: '008', post: 'owner_project_lead', name: '郑业主' }));
      const id: number = body.data.id;
      const demo = DEMO_LOGINS.projects[0]!;
      const demoStaff = await login(accountToEmail(demo.account), demo.password);
      for (const token of [b.token, demoStaff, undefined]) {
        expect((await decide('entry', token, id, 'approve')).status).toBe(403);
        expect((await decide('exit', token, id, 'approve')).status).toBe(403);
      }
      expect((await db('key_posts').where({ id }).first()).status).toBe('pending');
    });

    test('one item at a time', async () => {
      const { status, body } = await api('POST', `/flows/trigger/${FLOW_IDS.reviewKeyPost}`, { token: bureau, json: { collection: 'key_posts', keys: ['1', '2'], decision: 'approve' } });
      expect(status).toBe(400);
      expect(errorOf(body).message).toBe('请在单个关键岗位记录页面中执行审核');
    });
  });

  describe('退场解锁', () => {
    let id: number;
    let entryDate: string;

    beforeAll(async () => {
      entryDate = addDays(TODAY, -60);
      const { body } = await register(b.token, entryFields({ post: 'technical_lead', name: '冯技术', entry_date: entryDate }));
      id = body.data.id;
    });

    const exit = (token: string, keyPostId: number, json: unknown) => api('POST', `/platform/key-posts/${keyPostId}/exit`, { token, json });

    test('only an approved holder can apply', async () => {
      const pending = await exit(b.token, id, { exit_date: TODAY, exit_reason: '调往其他项目' });
      expect(pending.status).toBe(409);
      expect(errorOf(pending.body).message).toBe('该岗位的入场登记尚在审核中，审核通过后才能申请退场');
      const wrongFlow = await decide('exit', bureau, id, 'approve');
      expect(wrongFlow.status).toBe(409);
      expect((await decide('entry', bureau, id, 'approve')).status).toBe(200);
    });

    test('the exit form shows the seed fields with the ID number masked', async () => {
      const { status, body } = await api('GET', `/platform/key-posts/${id}`, { token: b.token });
      expect(status).toBe(200);
      expect(body.data).toMatchObject({ id, name: '冯技术', gender: 'male', post_label: '技术负责人', unit_name: '四川蜀道建设有限公司', entry_date: entryDate, status: 'approved' });
      expect(body.data.id_number).toMatch(/^5108\*{10}[\dX]{4}$/);
    });

    test.each([
      ['before the entry date', () => ({ exit_date: addDays(entryDate, -1), exit_reason: '调往其他项目' }), 'EXIT_BEFORE_ENTRY', () => `退场日期不能早于进场日期（${entryDate}）`],
      ['in the future', () => ({ exit_date: addDays(TODAY, 1), exit_reason: '调往其他项目' }), 'EXIT_IN_FUTURE', () => '退场日期不能晚于今天'],
      ['without a reason', () => ({ exit_date: TODAY, exit_reason: '' }), 'TOO_SMALL', () => '请填写退场说明'],
      ['without a date', () => ({ exit_reason: '调往其他项目' }), 'REQUIRED', () => '请选择退场日期'],
    ])('refuses an exit date %s', async (_case, body, rule, message) => {
      const response = await exit(b.token, id, body());
      expect(response.status).toBe(400);
      expect(errorOf(response.body)).toMatchObject({ rule, message: message() });
      expect((await db('key_posts').where({ id }).first()).status).toBe('approved');
    });

    test('another project cannot see or apply for this post', async () => {
      expect((await api('GET', `/platform/key-posts/${id}`, { token: a.token })).status).toBe(403);
      expect((await exit(a.token, id, { exit_date: TODAY, exit_reason: '调往其他项目' })).status).toBe(403);
      expect((await board(a.token)).some((slot) => slot.holder?.id === id)).toBe(false);
      expect((await db('key_posts').where({ id }).first()).status).toBe('approved');
    });

    test('apply → reject keeps the holder; apply → approve frees the post, and only then can someone else register', async () => {
      const applied = await exit(b.token, id, { exit_date: TODAY, exit_reason: '调往其他项目' });
      expect(applied.status).toBe(200);
      expect(applied.body.data).toEqual({ id, status: 'exit_pending' });
      expect((await slotOf(b.token, '009', 'technical_lead')).holder).toMatchObject({ status: 'exit_pending', status_label: '退场待审核', exit_date: TODAY });
      expect((await exit(b.token, id, { exit_date: TODAY, exit_reason: '再次申请' })).status).toBe(409);
      const occupied = await register(b.token, entryFields({ post: 'technical_lead', name: '陈接替' }));
      expect(occupied.status).toBe(409);
      expect(errorOf(occupied.body).message).toBe('该岗位已有在岗人员，须办理退场解锁并经主管部门审核通过后才能登记新人员');

      expect((await decide('exit', bureau, id, 'reject')).status).toBe(400);
      expect((await decide('exit', bureau, id, 'reject', '接替人员未到岗')).status).toBe(200);
      expect(await db('key_posts').where({ id }).first()).toMatchObject({ status: 'approved', exit_date: null, review_reason: '接替人员未到岗' });
      expect((await register(b.token, entryFields({ post: 'technical_lead', name: '陈接替' }))).status).toBe(409);

      expect((await exit(b.token, id, { exit_date: TODAY, exit_reason: '调往其他项目' })).status).toBe(200);
      expect((await decide('exit', bureau, id, 'approve')).status).toBe(200);
      const again = await decide('exit', bureau, id, 'reject', '重复');
      expect(again.status).toBe(409);
      expect(errorOf(again.body).message).toBe('该申请已审核，不能重复审核');
      const row = await db('key_posts').where({ id }).first();
      expect(row.status).toBe('exited');
      const actions = (await db('audit_log').where({ collection: 'key_posts', item: String(id) }).orderBy('id')).map((r) => r.action);
      expect(actions).toEqual(['key_post.register', 'key_post.approve', 'key_post.apply_exit', 'key_post.reject_exit', 'key_post.apply_exit', 'key_post.approve_exit']);

      expect((await slotOf(b.token, '009', 'technical_lead')).holder).toBeNull();
      const successor = await register(b.token, entryFields({ post: 'technical_lead', name: '陈接替' }));
      expect(successor.status).toBe(201);
      expect((await slotOf(b.token, '009', 'technical_lead')).holder).toMatchObject({ name: '陈接替', status: 'pending' });
    });
  });

  test('the studio: bookmarks with the columns a reviewer needs, both flows on the key-post item page (its 审核 panel)', async () => {
    const presets = await api('GET', '/presets?filter[collection][_eq]=key_posts&filter[bookmark][_nnull]=true&fields=bookmark,layout_query,filter', { token: admin });
    const byName = Object.fromEntries(presets.body.data.map((p: any) => [p.bookmark, p]));
    expect(byName['待审核关键岗位'].layout_query.tabular.fields).toEqual(['project', 'unit_role', 'post', 'person', 'unit', 'entry_date', 'date_created']);
    expect(byName['待审核关键岗位'].filter).toEqual({ _and: [{ status: { _eq: 'pending' } }] });
    expect(byName['退场解锁申请'].layout_query.tabular.fields).toEqual(expect.arrayContaining(['person', 'exit_date', 'exit_reason']));
    expect(byName['退场解锁申请'].filter).toEqual({ _and: [{ status: { _eq: 'exit_pending' } }] });

    const flows = (await api('GET', '/flows?filter[status][_eq]=active&fields=id,name,trigger,options&limit=-1', { token: admin })).body.data;
    expect(flows.length).toBeLessThanOrEqual(5);
    const onKeyPosts = flows.filter((flow: any) => flow.trigger === 'manual' && flow.options.collections.includes('key_posts'));
    expect(onKeyPosts.map((flow: any) => flow.name).sort()).toEqual(['审核关键岗位', '审核退场解锁'].sort());
    // Not sidebar buttons (offered in every state): the item page's 审核 panel triggers the one that applies.
    expect(onKeyPosts.map((flow: any) => flow.options.location)).toEqual(['hidden', 'hidden']);
    const panel = await api('GET', '/fields/key_posts/decision', { token: bureau });
    expect(panel.body.data.meta).toMatchObject({ interface: 'platform-review', special: ['alias', 'no-data'] });
    // The studio shows an item's flow buttons only to roles that can read the flows.
    const visible = (await api('GET', '/flows?filter[trigger][_eq]=manual&fields=name,options&limit=-1', { token: bureau })).body.data ?? [];
    expect(visible.filter((flow: any) => flow.options.collections.includes('key_posts')).map((flow: any) => flow.name).sort()).toEqual(['审核关键岗位', '审核退场解锁'].sort());

    const pending = await api('GET', '/items/key_posts?filter[status][_eq]=pending&fields=id,project&limit=-1', { token: bureau });
    expect(pending.status).toBe(200);
    expect(pending.body.data.some((row: { project: number }) => row.project === a.id)).toBe(true);
  });
});
}
