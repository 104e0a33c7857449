/**
 * 人脸采集 over HTTP: the list, the check with the real face model on the committed photo set, what a
 * pass saves (original, device photo, measured values, audit, device command) and that a refusal
 * or a bad upload saves nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inject } from 'vitest';
import { FACE_RULES, type FaceRule } from '../extensions/platform/src/faces/face-rules';
import { openDatabase, countRows } from './support/db';
import { ADMIN } from './support/fixtures';
import { api, errorOf, login } from './support/http';
import { insertOnSite, insertTeam, postMultipart, projectStaff } from './support/site-fixtures';

const FIXTURES = join(import.meta.dirname, 'fixtures/faces');
const photo = (file: string) => readFileSync(join(FIXTURES, file));

let db: Knex;
let staff: { token: string; projectId: number };
let other: { token: string; projectId: number };
let team: { id: number; unit: number; name: string };
/** Employments on site: one whose person has the astronaut's ID card, one without an ID card image. */
let withId: number;
let withoutId: number;
let exited: number;
let device: number;

/** The employment: the face is what its project verified and recorded. */
const employmentOf = (employment: number) => db('employments').where({ id: employment }).first();

const check = (employment: number, file: Buffer, name = 'face.jpg', token = staff.token) =>
  postMultipart(token, `/platform/faces/${employment}/check`, {}, [['file', file, name]], inject('baseUrl'));

/** Uploads a file as the administrator (the way an ID card image gets stored) and returns its id. */
async function uploadAsAdmin(buffer: Buffer, name: string): Promise<string> {
  const token = await login(ADMIN.email, ADMIN.password);
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(buffer)], { type: 'image/jpeg' }), name);
  const response = await fetch(`${inject('baseUrl')}/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const body = await response.json();
  return body.data.id;
}

/** Everything a check could have written. */
async function savedState(employment: number) {
  const row = await employmentOf(employment);
  return {
    face_photo: row.face_photo,
    face_device_photo: row.face_device_photo,
    files: await countRows(db, 'directus_files'),
    audit: await countRows(db, 'audit_log'),
    commands: await countRows(db, 'device_commands'),
  };
}

beforeAll(async () => {
  db = openDatabase(inject('platformEnv'));
  staff = await projectStaff(0);
  other = await projectStaff(1);
  team = await insertTeam(db, staff.projectId, { name: `人脸测试班组${Date.now() % 100000}` });
  [withId, withoutId, exited] = (await insertOnSite(db, staff.projectId, team, { count: 3, namePrefix: '人脸' })) as [number, number, number];
  await db('employments').where({ id: exited }).update({ status: 'exited' });
  const idFront = await uploadAsAdmin(photo('id-front-astronaut.jpg'), 'id-front.jpg');
  // The ID card photo this project took at registration: what the face is compared with.
  await db('employments').where({ id: withId }).update({ id_front: idFront });
  const [row] = await db('devices').insert(
    { sn: `FACE-TEST-${Date.now()}`, project: staff.projectId, name: '人脸测试闸机', protocol: 'zkteco', direction: 'both', status: 'active', synced_project: staff.projectId },
    ['id'],
  );
  device = Number(typeof row === 'object' ? row.id : row);
});

afterAll(async () => {
  await db('device_commands').where({ device }).delete();
  await db('devices').where({ id: device }).delete();
  await db.destroy();
});

describe('GET /platform/faces', () => {
  test('lists on-site people with their face status, searchable by team, masked', async () => {
    const { status, body } = await api('GET', `/platform/faces?q=${encodeURIComponent(team.name)}`, { token: staff.token });
    expect(status).toBe(200);
    const ids = body.data.items.map((item: { id: number }) => item.id);
    expect(ids).toEqual(expect.arrayContaining([withId, withoutId]));
    const item = body.data.items.find((i: { id: number }) => i.id === withoutId);
    expect(item).toMatchObject({ has_face: false, face_photo: null, team: { id: team.id, name: team.name } });
    expect(item.id_number).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
    expect(body.data.missing_total).toBeGreaterThanOrEqual(2);
  });

  test('searches by name, filters by team and to those without a face photo', async () => {
    const person = await db('people').where({ id: (await employmentOf(withoutId)).person }).first('name');
    const byName = await api('GET', `/platform/faces?q=${encodeURIComponent(person.name)}&team=${team.id}&missing=1`, { token: staff.token });
    expect(byName.body.data.items.map((i: { id: number }) => i.id)).toContain(withoutId);
    const otherTeam = await api('GET', `/platform/faces?team=${team.id + 100000}`, { token: staff.token });
    expect(otherTeam.body.data.items).toEqual([]);
  });

  test('a bad filter is a 400 with a Chinese message', async () => {
    const { status, body } = await api('GET', '/platform/faces?missing=yes', { token: staff.token });
    expect(status).toBe(400);
    expect(errorOf(body)).toMatchObject({ code: 'PLATFORM_INVALID_INPUT', field: 'missing', message: '筛选条件不正确' });
  });

  test("another project's staff see none of these people", async () => {
    const { body } = await api('GET', `/platform/faces?q=${encodeURIComponent(team.name)}`, { token: other.token });
    expect(body.data.items).toEqual([]);
    expect((await api('GET', `/platform/faces/${withId}`, { token: other.token })).status).toBe(403);
  });
});

describe('POST /platform/faces/:employmentId/check — refusals save nothing', () => {
  test.each<[string, 'withId' | 'withoutId', FaceRule[]]>([
    ['fail-no-face.jpg', 'withoutId', ['FACE_MISSING']],
    ['fail-second-person.jpg', 'withoutId', ['FACE_MULTIPLE']],
    ['fail-face-too-small.jpg', 'withoutId', ['FACE_TOO_SMALL']],
    ['fail-tilted.jpg', 'withoutId', ['NOT_FRONTAL']],
    ['fail-no-headroom.jpg', 'withId', ['HEADROOM']],
    ['fail-no-shoulders.jpg', 'withId', ['SHOULDERS']],
    ['fail-blurred.jpg', 'withId', ['BLURRED']],
    ['fail-dark.jpg', 'withId', ['DARK']],
    ['fail-masked.jpg', 'withId', ['OCCLUDED']],
    ['fail-sunglasses.jpg', 'withId', ['GLASSES']],
    ['fail-helmet.jpg', 'withId', ['HAT']],
    ['fail-id-card.jpg', 'withId', ['SPOOF']],
    ['pass-sample6-right.jpg', 'withId', ['ID_MISMATCH']],
  ])('%s is refused (%s)', async (file, who, rules) => {
    const employment = who === 'withId' ? withId : withoutId;
    const before = await savedState(employment);
    const { status, body } = await check(employment, photo(file), file);
    expect(status).toBe(200);
    expect(body.data.passed).toBe(false);
    const failed = body.data.checks.filter((c: { result: string }) => c.result === 'fail').map((c: { rule: string }) => c.rule);
    expect(failed.sort()).toEqual([...rules].sort());
    expect(body.data.reasons).toEqual(rules.map((rule) => FACE_RULES[rule]));
    expect(body.data).toMatchObject({ face_photo: null, face_device_photo: null });
    expect(await savedState(employment)).toEqual(before);
  });

  test('each check carries its measured values and limits', async () => {
    const { body } = await check(withId, photo('fail-no-headroom.jpg'));
    const headroom = body.data.checks.find((c: { rule: string }) => c.rule === 'HEADROOM');
    expect(headroom).toMatchObject({ result: 'fail', message: '头顶需留空白', limits: { minHeadroom: expect.any(Number) } });
    expect(headroom.measured.headroom).toBeLessThan(headroom.limits.minHeadroom);
    const id = body.data.checks.find((c: { rule: string }) => c.rule === 'ID_MISMATCH');
    expect(id.result).toBe('pass');
    expect(id.measured.similarity).toBeGreaterThan(0.55);
  });
});

describe('POST /platform/faces/:employmentId/check — bad requests', () => {
  const jpeg = photo('pass-astronaut.jpg');
  test.each<{ name: string; send: () => Promise<{ status: number; body: any }>; status: number; rule: string }>([
    { name: 'not an image', send: () => check(withoutId, Buffer.from('这不是图片'.repeat(50)), 'a.jpg'), status: 400, rule: 'UPLOAD_NOT_IMAGE' },
    { name: 'a truncated JPEG', send: () => check(withoutId, jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'a.jpg'), status: 400, rule: 'UPLOAD_TRUNCATED' },
    {
      name: 'a JPEG whose data is garbage',
      send: () => check(withoutId, Buffer.concat([jpeg.subarray(0, 20), Buffer.alloc(4000, 7), Buffer.from([0xff, 0xd9])]), 'a.jpg'),
      status: 400,
      rule: 'UPLOAD_UNREADABLE',
    },
    { name: 'over 10 MB', send: () => check(withoutId, Buffer.concat([jpeg, Buffer.alloc(10 * 1024 * 1024)]), 'big.jpg'), status: 413, rule: 'UPLOAD_TOO_LARGE' },
    { name: 'no file', send: () => postMultipart(staff.token, `/platform/faces/${withoutId}/check`, { note: 'x' }, [], inject('baseUrl')), status: 400, rule: 'UPLOAD_MISSING' },
  ])('$name → $status $rule, nothing saved', async ({ send, status, rule }) => {
    const before = await savedState(withoutId);
    const response = await send();
    expect(response.status).toBe(status);
    expect(errorOf(response.body).rule).toBe(rule);
    expect(errorOf(response.body).message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await savedState(withoutId)).toEqual(before);
  });

  test("another project's employment is 403 and nothing is saved", async () => {
    const before = await savedState(withId);
    const response = await check(withId, photo('pass-astronaut.jpg'), 'face.jpg', other.token);
    expect(response.status).toBe(403);
    expect(errorOf(response.body).code).toBe('PLATFORM_FORBIDDEN');
    expect(await savedState(withId)).toEqual(before);
  });

  test('someone who has left the site is a 409 and nothing is saved', async () => {
    const before = await savedState(exited);
    const response = await check(exited, photo('pass-astronaut.jpg'));
    expect(response.status).toBe(409);
    expect(errorOf(response.body)).toMatchObject({ code: 'PLATFORM_STATE_CONFLICT', rule: 'NOT_ON_SITE' });
    expect(await savedState(exited)).toEqual(before);
    const list = await api('GET', `/platform/faces?team=${team.id}`, { token: staff.token });
    expect(list.body.data.items.map((i: { id: number }) => i.id)).not.toContain(exited);
  });

  test('without login it is 401', async () => {
    const response = await postMultipart('', `/platform/faces/${withId}/check`, {}, [['file', photo('pass-astronaut.jpg'), 'a.jpg']], inject('baseUrl'));
    expect([401, 403]).toContain(response.status);
  });
});

describe('POST /platform/faces/:employmentId/check — a pass', () => {
  test('saves original and device photo, the measured values, an audit row and a face command, in one go', async () => {
    const before = await savedState(withId);
    const { status, body } = await check(withId, photo('pass-astronaut.jpg'), 'astronaut.jpg');
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ passed: true, reasons: [] });
    expect(body.data.checks.find((c: { rule: string }) => c.rule === 'ID_MISMATCH').result).toBe('pass');

    const person = await employmentOf(withId);
    expect(person.face_photo).toBe(body.data.face_photo);
    expect(person.face_device_photo).toBe(body.data.face_device_photo);
    const record = typeof person.face_check === 'string' ? JSON.parse(person.face_check) : person.face_check;
    expect(record.checks.map((c: { rule: string }) => c.rule)).toEqual(Object.keys(FACE_RULES));
    expect(record.checks.find((c: { rule: string }) => c.rule === 'NOT_FRONTAL').measured).toMatchObject({ yaw: expect.any(Number), pitch: expect.any(Number), roll: expect.any(Number) });

    const original = await db('directus_files').where({ id: person.face_photo }).first();
    const forDevice = await db('directus_files').where({ id: person.face_device_photo }).first();
    expect(original).toMatchObject({ type: 'image/jpeg' });
    expect(forDevice.type).toBe('image/jpeg');
    expect(Number(forDevice.filesize)).toBeLessThanOrEqual(50 * 1024);
    expect(Number(forDevice.width) / Number(forDevice.height)).toBeCloseTo(0.75, 2);

    const after = await savedState(withId);
    expect(after.files).toBe(before.files + 2);
    expect(after.audit).toBe(before.audit + 1);
    const audit = await db('audit_log').orderBy('id', 'desc').first();
    expect(audit).toMatchObject({ action: 'face.capture', collection: 'employments', item: String(withId) });
    const command = await db('device_commands').where({ device, employment: withId, kind: 'face_update', status: 'pending' }).first();
    expect(command).toBeTruthy();
  });

  test('the saved photos are readable by the project and by no one else', async () => {
    const person = await employmentOf(withId);
    for (const file of [person.face_photo, person.face_device_photo]) {
      const own = await fetch(`${inject('baseUrl')}/platform/files/${file}`, { headers: { authorization: `Bearer ${staff.token}` } });
      expect(own.status).toBe(200);
      expect(own.headers.get('content-type')).toBe('image/jpeg');
      const foreign = await fetch(`${inject('baseUrl')}/platform/files/${file}`, { headers: { authorization: `Bearer ${other.token}` } });
      expect(foreign.status).toBe(403);
    }
  });

  test('the person leaves the 未采集 list and shows as captured', async () => {
    const missing = await api('GET', `/platform/faces?team=${team.id}&missing=1`, { token: staff.token });
    expect(missing.body.data.items.map((i: { id: number }) => i.id)).not.toContain(withId);
    const one = await api('GET', `/platform/faces/${withId}`, { token: staff.token });
    expect(one.body.data).toMatchObject({ id: withId, has_face: true, has_id_front: true, face_checked_at: expect.any(String) });
  });

  test('without an ID card image a good photo passes and the comparison is noted as skipped', async () => {
    const { body } = await check(withoutId, photo('pass-sample6-left.jpg'));
    expect(body.data.passed).toBe(true);
    expect(body.data.checks.find((c: { rule: string }) => c.rule === 'ID_MISMATCH')).toMatchObject({ result: 'skipped', message: '未上传身份证人像面，未比对' });
  });
});
