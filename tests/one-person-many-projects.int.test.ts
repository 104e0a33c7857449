/**
 * One person, many projects (issue 13), from the attacker's side: project staff of A and B with the
 * demo city. A former employer reads only what it recorded; no project rewrites the identity others
 * rely on; key-post holders are ordinary employments; oversize images and malformed bodies get the
 * platform's Chinese 4xx. Each check reads what the server answered and what the database holds.
 */
import ExcelJS from 'exceljs';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { FLOW_IDS } from '../schema/flows';
import { todayInShanghai } from '../schema/rules/dates';
import { maskSensitive } from '../schema/rules/sensitive';
import { DEMO_LOGINS } from '../seeds/demo-logins';
import { countRows, openDatabase } from './support/db';
import { createApprovedProject, type FreshProject } from './support/fresh-project';
import { api, errorOf, login } from './support/http';
import { hugePng } from './support/huge-png';
import { createTeamViaApi, postRegistration, storedFileCount, validRegistration } from './support/registration-fixtures';
import { postMultipart, projectStaff } from './support/site-fixtures';

const TODAY = todayInShanghai(new Date());
const MONTH = TODAY.slice(0, 7);
/** Small PNGs with bytes of their own (w × 1 pixels), so a test can tell whose image came back. */
const image = (width: number) => hugePng(width, 1);
const imagesOf = (first: number) => ({ id_front: image(first), id_back: image(first + 1), photo: image(first + 2) });
/** 400 megapixels in ~50 KB. */
const HUGE = hugePng(20_000, 20_000);

type Staff = { token: string; projectId: number };
let db: Knex;
let base: string;
let a: Staff;
let b: Staff;
let bureau: string;
let teamA: { team: number; unit: number };
let teamB: { team: number; unit: number };

const fileAs = (id: string, token: string) => fetch(`${base}/platform/files/${id}`, { headers: { authorization: `Bearer ${token}` } });
const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());
const exit = (token: string, id: number) => api('POST', `/platform/people/${id}/exit`, { token, json: { exit_date: TODAY, exit_reason: '转场' } });
const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);
/** Everything a refused registration or entry could have written. */
const footprint = async () => ({
  people: await countRows(db, 'people'),
  employments: await countRows(db, 'employments'),
  key_posts: await countRows(db, 'key_posts'),
  files: await countRows(db, 'directus_files'),
  disk: storedFileCount(),
  audit: await countRows(db, 'audit_log'),
  commands: await countRows(db, 'device_commands'),
});

async function rosterRows(token: string, request: Record<string, unknown>): Promise<Record<string, unknown>[]> {
  const link = await api('POST', '/platform/exports', { token, json: request });
  expect(link.status, JSON.stringify(link.body)).toBe(200);
  const file = await fetch(link.body.data.url);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await file.arrayBuffer()) as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const headers = (sheet.getRow(3).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  for (let r = 4; r <= sheet.rowCount; r += 1) {
    const values = (sheet.getRow(r).values as unknown[]).slice(1);
    rows.push(Object.fromEntries(headers.map((header, i) => [header, values[i] ?? null])));
  }
  return rows;
}

beforeAll(async () => {
  db = openDatabase(inject('platformEnv'));
  base = inject('baseUrl');
  a = await projectStaff(0);
  b = await projectStaff(1);
  bureau = await login(DEMO_LOGINS.bureau.email, DEMO_LOGINS.bureau.password);
  teamA = await createTeamViaApi(a.token, 'worker');
  teamB = await createTeamViaApi(b.token, 'worker');
});
afterAll(() => db.destroy());

describe('a former employer reads only what it recorded', () => {
  let form: Awaited<ReturnType<typeof validRegistration>>;
  let inA: number;
  let inB: number;
  let filesA: Record<string, string>;
  let filesB: Record<string, string>;
  const imagesA = imagesOf(10);
  const imagesB = imagesOf(20);

  beforeAll(async () => {
    form = { ...(await validRegistration(db, teamA, '1983-04-05')), name: '两地工人', phone: '13911110001' };
    const registered = await postRegistration(a.token, form, imagesA);
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    inA = registered.body.data.employment_id;
    // A records a wage card, then the worker leaves A and is registered by B with a new phone and photos.
    expect((await api('PATCH', `/platform/people/${inA}`, { token: a.token, json: { bank_card_no: '6228480000000000018', bank_name: '中国农业银行广元分行' } })).status).toBe(200);
    expect((await exit(a.token, inA)).status).toBe(200);
    const again = await postRegistration(b.token, { ...form, ...teamB, phone: '13922220002' }, imagesB);
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body.data).toMatchObject({ person_id: registered.body.data.person_id, new_person: false, renewed: false });
    inB = again.body.data.employment_id;
    const files = async (id: number) => (await db('employments').where({ id }).first('id_front', 'id_back', 'photo')) as Record<string, string>;
    filesA = await files(inA);
    filesB = await files(inB);
  });

  test('查看: A sees its own phone, card and photos of the stay; nothing B recorded', async () => {
    const { status, body } = await api('GET', `/platform/people/${inA}`, { token: a.token });
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ status: 'exited', person: { name: '两地工人', phone: '13911110001', id_front: filesA['id_front'], id_back: filesA['id_back'], photo: filesA['photo'], face_photo: null } });
    expect(body.data.person.bank_card_no).toMatch(/^6228\*+0018$/);
    const text = JSON.stringify(body);
    for (const leak of ['13922220002', ...Object.values(filesB)]) expect(text).not.toContain(leak);
    // B, on site, sees its own record: its phone, its photos, no wage card (A's is A's).
    const atB = (await api('GET', `/platform/people/${inB}`, { token: b.token })).body.data;
    expect(atB.person).toMatchObject({ phone: '13922220002', id_front: filesB['id_front'], photo: filesB['photo'], bank_card_no: null });
  });

  test('files: each project streams the photos it took, and the other project gets 403', async () => {
    for (const field of ['id_front', 'id_back', 'photo'] as const) {
      const own = await fileAs(filesA[field]!, a.token);
      expect(own.status).toBe(200);
      expect((await bytesOf(own)).equals(imagesA[field])).toBe(true);
      expect((await fileAs(filesB[field]!, a.token)).status).toBe(403);
      const theirs = await fileAs(filesB[field]!, b.token);
      expect(theirs.status).toBe(200);
      expect((await bytesOf(theirs)).equals(imagesB[field])).toBe(true);
      expect((await fileAs(filesA[field]!, b.token)).status).toBe(403);
    }
  });

  test('lists: A’s exited list masks A’s phone, B’s list B’s; neither lists the other’s stay', async () => {
    const exited = (await api('GET', `/platform/people?status=exited&q=${encodeURIComponent('两地工人')}`, { token: a.token })).body.data.items;
    expect(exited.map((item: { id: number }) => item.id)).toEqual([inA]);
    expect(exited[0].phone).toBe('139****0001');
    const onSite = (await api('GET', `/platform/people?q=${encodeURIComponent('两地工人')}`, { token: b.token })).body.data.items;
    expect(onSite.map((item: { id: number }) => item.id)).toEqual([inB]);
    expect(onSite[0].phone).toBe('139****0002');
    expect((await api('GET', `/platform/people?q=13922220002`, { token: a.token })).body.data.total).toBe(0);
  });

  test('exports: each project’s 花名册 carries its own phone; the bureau sees each project’s record', async () => {
    const rowOf = (rows: Record<string, unknown>[]) => rows.filter((row) => row['姓名'] === '两地工人');
    expect(rowOf(await rosterRows(a.token, { kind: 'roster', status: 'all' })).map((row) => row['联系电话'])).toEqual(['139****0001']);
    expect(rowOf(await rosterRows(b.token, { kind: 'roster', status: 'all' })).map((row) => row['联系电话'])).toEqual(['139****0002']);
    expect(rowOf(await rosterRows(bureau, { kind: 'roster', status: 'all', project: a.projectId })).map((row) => row['联系电话'])).toEqual(['13911110001']);
    expect(rowOf(await rosterRows(bureau, { kind: 'roster', status: 'all', project: b.projectId })).map((row) => row['联系电话'])).toEqual(['13922220002']);
  });

  test('工资表: each project’s line carries the wage card it recorded', async () => {
    const lineOf = async (staff: Staff, employment: number) => {
      const generated = await api('POST', '/platform/payrolls', { token: staff.token, json: { month: MONTH } });
      expect(generated.status, JSON.stringify(generated.body)).toBe(200);
      return generated.body.data.lines.find((line: { employment: number }) => line.employment === employment);
    };
    expect((await lineOf(a, inA)).bank_card_no).toMatch(/^6228\*+0018$/);
    expect((await lineOf(b, inB)).bank_card_no).toBeNull();
  });

  test('人员编辑: the identity B’s records rely on is not A’s or B’s to change; their own facts are', async () => {
    const refused = await api('PATCH', `/platform/people/${inB}`, { token: b.token, json: { name: '两地改名', address: '四川省广元市利州区别处1号' } });
    expect(refused.status).toBe(409);
    expect(errorOf(refused.body)).toMatchObject({ code: 'PLATFORM_STATE_CONFLICT', rule: 'IDENTITY_SHARED' });
    expect(errorOf(refused.body).message).toContain('联系住建局更正');
    expect((await db('people').where({ id_number: form.id_number }).first('name')).name).toBe('两地工人');
    const own = await api('PATCH', `/platform/people/${inB}`, { token: b.token, json: { phone: '13922220003' } });
    expect(own.body.data.changed).toEqual(['phone']);
    expect((await db('employments').where({ id: inA }).first('phone')).phone).toBe('13911110001');
  });

  describe('registering an ID number on file', () => {
    test.each([
      ['another name', { name: '冒名顶替' }, 'IDENTITY_MISMATCH', 'name', '姓名与该身份证号码已登记的身份信息不一致'],
      ['another ethnicity and name', { name: '冒名顶替', ethnicity: '02' }, 'IDENTITY_MISMATCH', 'name', '姓名、民族与该身份证号码已登记的身份信息不一致'],
      ['the same card with another address', { address: '四川省成都市武侯区假地址9号' }, 'IDENTITY_MISMATCH', 'address', '住址与该身份证号码已登记的身份信息不一致'],
      ['an older card than the one on file', { id_valid_from: '2010-01-01', id_valid_to: '2030-01-01' }, 'ID_CARD_OUTDATED', 'id_valid_from', '该人员已登记了更新的身份证'],
    ])('%s → 409 naming what differs, nothing written', async (_case, change, rule, field, message) => {
      // The person is on site at B: the identity is checked first, so this is what answers.
      const before = await footprint();
      const response = await postRegistration(a.token, { ...form, ...change, phone: '13933330003' }, imagesOf(30));
      expect(response.status, JSON.stringify(response.body)).toBe(409);
      expect(errorOf(response.body)).toMatchObject({ code: 'PLATFORM_STATE_CONFLICT', rule, field });
      expect(errorOf(response.body).message).toContain(message);
      expect(await footprint()).toEqual(before);
    });

    test('a key-post entry with another name is refused the same way, nothing written', async () => {
      const fresh = await createApprovedProject('冒名关键岗位');
      const before = await footprint();
      const fields = {
        unit_role: '009', post: 'quality_officer', name: '冒名顶替', gender: form.gender, ethnicity: form.ethnicity, birth_date: form.birth_date, address: form.address,
        id_number: form.id_number, issuing_authority: form.issuing_authority, id_valid_from: form.id_valid_from, id_valid_to: form.id_valid_to, entry_date: TODAY,
      };
      const response = await postMultipart(fresh.token, '/platform/key-posts', fields, [['id_front', image(40), 'f.png'], ['id_back', image(41), 'b.png'], ['certificate', image(42), 'c.png']], base);
      expect(response.status).toBe(409);
      expect(errorOf(response.body)).toMatchObject({ rule: 'IDENTITY_MISMATCH', field: 'name' });
      expect(await footprint()).toEqual(before);
    });

    test('a newer card is an ID renewal: the identity takes it, audited; the former employer keeps its record', async () => {
      expect((await exit(b.token, inB)).status).toBe(200);
      const renewed = { ...form, address: '四川省广元市昭化区元坝镇新家5号', id_valid_from: '2025-06-01', id_valid_to: '2045-06-01', phone: '13911110009' };
      const response = await postRegistration(a.token, renewed, imagesOf(50));
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      expect(response.body.data).toMatchObject({ new_person: false, renewed: true });
      const person = await db('people').where({ id_number: form.id_number }).first();
      const again = await db('employments').where({ id: response.body.data.employment_id }).first();
      expect(person).toMatchObject({ name: '两地工人', address: renewed.address, id_valid_to: '2045-06-01', id_front: again.id_front, id_back: again.id_back });
      const audit = await db('audit_log').where({ action: 'person.renew', item: String(person.id) }).first();
      // The audit log keeps personal values masked (write-audit.ts) and photos as file ids (opened only through the audited viewer).
      expect(json(audit.before)).toMatchObject({ address: maskSensitive(form.address), id_valid_to: form.id_valid_to, id_front: filesA['id_front'] });
      expect(json(audit.after)).toMatchObject({ address: maskSensitive(renewed.address), id_valid_from: '2025-06-01', id_valid_to: '2045-06-01', id_front: again.id_front });
      // B, whose stay ended before the renewal, still sees the card it recorded, not A's renewal.
      const atB = (await api('GET', `/platform/people/${inB}`, { token: b.token })).body.data.person;
      expect(atB).toMatchObject({ address: form.address, id_valid_from: form.id_valid_from, id_valid_to: form.id_valid_to, id_front: filesB['id_front'] });
      expect((await fileAs(again.id_front, b.token)).status).toBe(403);
      // A, on site again, sees the identity as it is now.
      const atA = (await api('GET', `/platform/people/${again.id}`, { token: a.token })).body.data.person;
      expect(atA).toMatchObject({ address: renewed.address, id_valid_to: '2045-06-01', phone: '13911110009' });
    });
  });

  test('the bureau’s correction in the studio is audited and reaches the devices of the person’s site', async () => {
    const person = await db('people').where({ id_number: form.id_number }).first();
    const onSite = await db('employments').where({ person: person.id, status: 'on_site' }).first();
    const response = await api('PATCH', `/items/people/${person.id}`, { token: bureau, json: { name: '两地工人更正' } });
    expect(response.status).toBe(200);
    const audit = await db('audit_log').where({ action: 'person.correct', item: String(person.id) }).first();
    expect(audit).toMatchObject({ actor_kind: 'user', note: '住建局更正身份信息' });
    expect(json(audit.before)).toEqual({ name: '两地工人' });
    const devices = Number((await db('devices').where({ project: a.projectId, status: 'active' }).count({ n: '*' }))[0]!['n']);
    const pending = await db('device_commands').where({ employment: onSite.id, kind: 'user_update', status: 'pending' }).select('payload');
    expect(pending).toHaveLength(devices);
    for (const row of pending) expect(json(row.payload).name).toBe('两地工人更正');
    // A number that is no valid ID number is refused, and project staff cannot correct anything there.
    const badCheckDigit = form.id_number.slice(0, 17) + (form.id_number.endsWith('0') ? '1' : '0');
    const bad = await api('PATCH', `/items/people/${person.id}`, { token: bureau, json: { id_number: badCheckDigit } });
    expect(bad.status).toBe(400);
    expect(errorOf(bad.body).rule).toBe('ID_CHECKSUM');
    expect((await api('PATCH', `/items/people/${person.id}`, { token: a.token, json: { name: '项目改名' } })).status).toBe(403);
    expect((await db('people').where({ id: person.id }).first('name')).name).toBe('两地工人更正');
  });
});

describe('key-post holders are ordinary employments', () => {
  let project: FreshProject;
  let device: number;
  let holder: { id: number; employment: number; person: number };
  let fields: Record<string, string>;

  beforeAll(async () => {
    project = await createApprovedProject('关键岗位即人员');
    const [row] = await db('devices').insert({ sn: `KP-${Date.now()}`, project: project.id, name: '关键岗位闸机', protocol: 'zkteco', direction: 'both', status: 'active', synced_project: project.id }, ['id']);
    device = Number(typeof row === 'object' ? row.id : row);
    const registration = await validRegistration(db, { team: 0, unit: 0 }, '1978-02-03');
    fields = {
      unit_role: '009', post: 'project_manager', name: '关岗经理', gender: 'male', ethnicity: '01', birth_date: '1978-02-03', address: registration.address,
      id_number: registration.id_number, issuing_authority: registration.issuing_authority, id_valid_from: '2016-01-01', id_valid_to: '长期', phone: '13944440004', entry_date: TODAY,
    };
    const response = await postMultipart(project.token, '/platform/key-posts', fields, [['id_front', image(60), 'f.png'], ['id_back', image(61), 'b.png'], ['certificate', image(62), 'c.png']], base);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    holder = response.body.data;
  });

  test('the entry created the employment: enrolled on the gate, listed, its photos reachable', async () => {
    expect(await db('device_commands').where({ device, employment: holder.employment, kind: 'user_update' })).toHaveLength(1);
    const listed = (await api('GET', `/platform/people?q=${encodeURIComponent('关岗经理')}`, { token: project.token })).body.data.items;
    expect(listed.map((item: { id: number }) => item.id)).toEqual([holder.employment]);
    const detail = (await api('GET', `/platform/people/${holder.employment}`, { token: project.token })).body.data;
    expect(detail).toMatchObject({ role: 'manager', trade: 'project_manager', status: 'on_site', person: { phone: '13944440004' } });
    expect((await bytesOf(await fileAs(detail.person.id_front, project.token))).equals(image(60))).toBe(true);
  });

  test('registering the holder again here is refused (already on site); a plain exit is refused while the post is held', async () => {
    const team = await createTeamViaApi(project.token, 'management');
    const again = await postRegistration(project.token, { ...(await validRegistration(db, team)), role: 'manager', trade: 'project_manager', name: '关岗经理', birth_date: '1978-02-03', id_number: fields['id_number'], address: fields['address'], id_valid_from: '2016-01-01', id_valid_to: '长期' });
    expect(again.status).toBe(409);
    expect(errorOf(again.body).rule).toBe('ALREADY_ON_SITE');
    const plain = await exit(project.token, holder.employment);
    expect(plain.status).toBe(409);
    expect(errorOf(plain.body).rule).toBe('KEY_POST_HOLDER');
  });

  test('the bureau approves the entry, then the exit: the employment leaves on the applied date and the gate drops the holder', async () => {
    const decide = (flow: string, id: number) => api('POST', `/flows/trigger/${flow}`, { token: bureau, json: { collection: 'key_posts', keys: [String(id)], decision: 'approve' } });
    expect((await decide(FLOW_IDS.reviewKeyPost, holder.id)).status).toBe(200);
    const applied = await api('POST', `/platform/key-posts/${holder.id}/exit`, { token: project.token, json: { exit_date: TODAY, exit_reason: '项目调整' } });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect((await db('employments').where({ id: holder.employment }).first('status')).status).toBe('on_site');
    expect((await decide(FLOW_IDS.reviewKeyPostExit, holder.id)).status).toBe(200);
    const employment = await db('employments').where({ id: holder.employment }).first();
    expect(employment).toMatchObject({ status: 'exited', exit_reason: '项目调整' });
    expect(await db('device_commands').where({ device, employment: holder.employment, kind: 'user_delete', status: 'pending' })).toHaveLength(1);
  });
});

describe('bad bodies get the platform’s own errors', () => {
  const send = (method: string, path: string, body: string, token?: string) =>
    fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body }).then(async (response) => ({ status: response.status, body: await response.json() }));

  test.each([
    ['malformed JSON', '{"name": "班组', 400, 'PLATFORM_INVALID_INPUT', 'BODY_MALFORMED', '请求内容不是有效的 JSON'],
    ['a JSON string', '"班组"', 400, 'PLATFORM_INVALID_INPUT', 'BODY_NOT_OBJECT', '应为 JSON 对象'],
    ['a JSON array', '[1, 2]', 400, 'PLATFORM_INVALID_INPUT', 'BODY_NOT_OBJECT', '应为 JSON 对象'],
    ['null', 'null', 400, 'PLATFORM_INVALID_INPUT', 'BODY_NOT_OBJECT', '应为 JSON 对象'],
    ['a 2 MB body', JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }), 413, 'PLATFORM_TOO_LARGE', 'BODY_TOO_LARGE', '请求内容不能超过'],
  ])('%s → the platform’s own 400/413 with a stable rule and a Chinese message, on every kind of route', async (_case, body, status, code, rule, message) => {
    const routes: [string, string, string | undefined][] = [
      ['POST', '/platform/teams', a.token],
      ['PATCH', '/platform/people/1', a.token],
      ['POST', '/platform/exports', a.token],
      // Public, no login.
      ['POST', '/platform/declarations', undefined],
    ];
    for (const [method, path, token] of routes) {
      const response = await send(method, path, body, token);
      expect(response.status, `${method} ${path}`).toBe(status);
      expect(errorOf(response.body), `${method} ${path}`).toMatchObject({ code, rule });
      expect(errorOf(response.body).message).toContain(message);
    }
  });

  test('Directus’s own routes keep Directus’s handling', async () => {
    const response = await send('POST', '/auth/login', '{"email":');
    expect(response.status).toBe(400);
    expect(errorOf(response.body).code).toBe('INVALID_PAYLOAD');
  });
});

describe('every image upload refuses 400 megapixels in 50 KB from the header, writing nothing', () => {
  test.each([
    ['实名制登记 本人照片', 'registration'],
    ['关键岗位 资质证书', 'key-post'],
    ['人脸核验', 'face'],
    ['签订合同', 'contract'],
    ['合同补充照片', 'contract-photos'],
  ])('%s → 413 UPLOAD_TOO_MANY_PIXELS', async (_case, route) => {
    const before = await footprint();
    let response: { status: number; body: any };
    if (route === 'registration') {
      response = await postRegistration(a.token, await validRegistration(db, teamA), { ...imagesOf(70), photo: HUGE });
    } else if (route === 'key-post') {
      const registration = await validRegistration(db, teamA, '1979-09-09');
      const fields = { unit_role: '009', post: 'technical_lead', name: '像素测试', gender: 'male', ethnicity: '01', birth_date: '1979-09-09', address: registration.address, id_number: registration.id_number, issuing_authority: registration.issuing_authority, id_valid_from: '2016-01-01', id_valid_to: '长期', entry_date: TODAY };
      response = await postMultipart(a.token, '/platform/key-posts', fields, [['id_front', image(80), 'f.png'], ['id_back', image(81), 'b.png'], ['certificate', HUGE, 'c.png']], base);
    } else {
      const onSite = await db('employments').where({ project: a.projectId, status: 'on_site' }).first('id');
      if (route === 'face') response = await postMultipart(a.token, `/platform/faces/${onSite.id}/check`, {}, [['file', HUGE, 'face.png']], base);
      else if (route === 'contract') response = await postMultipart(a.token, '/platform/contracts', { employment: String(onSite.id), signed_on: TODAY }, [['photos', image(90), '1.png'], ['photos', HUGE, '2.png']], base);
      else {
        const contract = await db('contracts').join('employments', 'employments.id', 'contracts.employment').where('employments.project', a.projectId).first('contracts.id');
        response = await postMultipart(a.token, `/platform/contracts/${contract.id}/photos`, {}, [['photos', HUGE, 'p.png']], base);
      }
    }
    expect(response.status, JSON.stringify(response.body)).toBe(413);
    expect(errorOf(response.body)).toMatchObject({ code: 'PLATFORM_TOO_LARGE', rule: 'UPLOAD_TOO_MANY_PIXELS' });
    expect(errorOf(response.body).message).toMatch(/尺寸过大（20000×20000，约400百万像素），请使用不超过40百万像素的照片$/);
    expect(await footprint()).toEqual(before);
  });
});
