/**
 * Uniubi recognition callbacks and Hikvision ISAPI event pushes against the real platform:
 * registration as pending, binding, the vendors' retries (identical resends are no-ops), heartbeats,
 * strangers and malformed bodies.
 */
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { hikvisionEvent, postHikvision, postUniubi, uniubiForm } from '../scripts/lib/devices.ts';
import { countRows, openDatabase } from './support/db';
import { ADMIN } from './support/fixtures';
import { createApprovedProject, type FreshProject } from './support/fresh-project';
import { api, errorOf, login } from './support/http';
import { gatePeople, type GatePerson } from './support/site-fixtures';

const baseUrl = inject('baseUrl');
const suffix = Date.now().toString(36).toUpperCase();
const UNIUBI_SN = `UNI${suffix}`;
const HIK_SN = `DS-K1T671M${suffix}`;
const SUCCESS = { result: 1, success: true };
const UNIUBI_KEY = { secret: 'Uni-Key-20261205' };
const HIK_KEY = { secret: 'Hik-Key-20261205' };
/** Recent instants, inside the plausible window of a device bound today. */
const DAY = 86_400_000;
const recent = (daysAgo: number, minutes = 0) => new Date(Math.floor(Date.now() / DAY) * DAY - daysAgo * DAY + minutes * 60_000);
let db: Knex;
let admin: string;
let project: FreshProject;
let people: GatePerson[];

const punchesOf = (sn: string) => db('punches').join('devices', 'devices.id', 'punches.device').where('devices.sn', sn).select('punches.*').orderBy('punches.id');

async function bind(sn: string, direction: 'in' | 'out' | 'both', secret: string): Promise<void> {
  const device = await db('devices').where({ sn }).first('id');
  const reply = await api('PATCH', `/items/devices/${device.id}`, { token: admin, json: { status: 'active', project: project.id, direction, auth_secret: secret } });
  expect(reply.status).toBe(200);
}

beforeAll(async () => {
  db = openDatabase(inject('platformEnv'));
  admin = await login(ADMIN.email, ADMIN.password);
  project = await createApprovedProject('人脸机测试');
  people = await gatePeople(db, project.id, 3, '人脸', `H${suffix}`);
});

afterAll(async () => {
  await db.destroy();
});

describe('Uniubi recognition callback (/uniubi/callback)', () => {
  const at = recent(2, 451);

  test('an unknown terminal is recorded as pending and not acknowledged', async () => {
    const reply = await postUniubi(baseUrl, uniubiForm({ deviceKey: UNIUBI_SN, personId: people[0]!.pin, at }), '/uniubi/callback', UNIUBI_KEY);
    expect(reply.status).toBe(503);
    expect(JSON.parse(reply.text)).not.toMatchObject(SUCCESS);
    expect(await db('devices').where({ sn: UNIUBI_SN }).first()).toMatchObject({ status: 'pending', protocol: 'uniubi' });
    expect(await punchesOf(UNIUBI_SN)).toEqual([]);
  });

  test('twenty identical retries store one punch', async () => {
    await bind(UNIUBI_SN, 'in', UNIUBI_KEY.secret);
    const form = uniubiForm({ deviceKey: UNIUBI_SN, personId: people[0]!.pin, at });
    for (let i = 0; i < 20; i += 1) {
      const reply = await postUniubi(baseUrl, form, '/uniubi/callback', UNIUBI_KEY);
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.text)).toEqual(SUCCESS);
    }
    const stored = await punchesOf(UNIUBI_SN);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ project: project.id, employment: people[0]!.employment, person: people[0]!.person, device_pin: people[0]!.pin, direction: 'in', verify_mode: '15', source: 'device' });
    expect(JSON.parse(stored[0].raw)).toMatchObject({ deviceKey: UNIUBI_SN, personId: people[0]!.pin });
  });

  test('twenty retries racing each other still store one punch', async () => {
    const form = uniubiForm({ deviceKey: UNIUBI_SN, personId: people[1]!.pin, at: recent(1, 600), recMode: '2' });
    const replies = await Promise.all(Array.from({ length: 20 }, () => postUniubi(baseUrl, form, '/uniubi/callback', UNIUBI_KEY)));
    expect(replies.every((r) => r.status === 200 && JSON.parse(r.text).success === true)).toBe(true);
    const stored = (await punchesOf(UNIUBI_SN)).filter((p) => p.device_pin === people[1]!.pin);
    expect(stored).toHaveLength(1);
    expect(stored[0].verify_mode).toBe('3');
  });

  test('the JSON envelope shape is read the same way; an unknown person is kept for review', async () => {
    const body = { msgId: 'a1', type: 'face_0', content: { deviceKey: UNIUBI_SN, empNo: 'X404', recTime: recent(1, 1085).getTime(), identifyType: 'face' } };
    for (let i = 0; i < 3; i += 1) {
      const reply = await api('POST', `/uniubi/callback/${UNIUBI_KEY.secret}`, { json: body });
      expect(reply).toEqual({ status: 200, body: SUCCESS });
    }
    const stored = (await punchesOf(UNIUBI_SN)).filter((p) => p.device_pin === 'X404');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ employment: null, person: null, project: project.id });
  });

  test('strangers and heartbeats are acknowledged and store nothing', async () => {
    const before = (await punchesOf(UNIUBI_SN)).length;
    for (const form of [uniubiForm({ deviceKey: UNIUBI_SN, personId: 'STRANGERBABY', at, type: 'face_1' }), { deviceKey: UNIUBI_SN, type: 'heartbeat', personCount: '3' }]) {
      const reply = await postUniubi(baseUrl, form, '/uniubi/callback', UNIUBI_KEY);
      expect(JSON.parse(reply.text)).toEqual(SUCCESS);
    }
    expect(JSON.parse((await postUniubi(baseUrl, { deviceKey: UNIUBI_SN, time: String(Date.now()) }, '/uniubi/heartbeat', UNIUBI_KEY)).text)).toEqual(SUCCESS);
    expect((await punchesOf(UNIUBI_SN)).length).toBe(before);
  });

  test.each([
    ['no deviceKey', { ...uniubiForm({ deviceKey: 'x', personId: '1', at }), deviceKey: '' }, 'DEVICE_SN_MISSING'],
    ['no time', { deviceKey: UNIUBI_SN, personId: '1', type: 'face_0' }, 'PUNCH_TIME_MISSING'],
    ['a bad time', { ...uniubiForm({ deviceKey: UNIUBI_SN, personId: '1', at }), time: 'tomorrow' }, 'PUNCH_TIME_INVALID'],
    ['a bad person id', uniubiForm({ deviceKey: UNIUBI_SN, personId: '1 OR 1=1', at }), 'PIN_INVALID'],
  ])('refuses %s with 400 and stores nothing', async (_label, form, rule) => {
    const before = await countRows(db, 'punches');
    const reply = await postUniubi(baseUrl, form as Record<string, string>, '/uniubi/callback', UNIUBI_KEY);
    expect(reply.status).toBe(400);
    expect(errorOf(JSON.parse(reply.text))).toMatchObject({ code: 'PLATFORM_INVALID_INPUT', rule });
    expect(await countRows(db, 'punches')).toBe(before);
  });

  test('refuses a body that is neither JSON nor form fields', async () => {
    const reply = await fetch(`${baseUrl}/uniubi/callback`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(reply.status).toBe(400);
    expect(errorOf(await reply.json()).rule).toBe('BODY_MALFORMED');
  });
});

describe('Hikvision ISAPI event push (/isapi/event/<serial>)', () => {
  const at = recent(1, 10);

  test('an unknown terminal is recorded as pending and not acknowledged', async () => {
    const reply = await postHikvision(baseUrl, HIK_SN, hikvisionEvent({ pin: people[0]!.pin, serialNo: 1, at }), 'multipart', HIK_KEY);
    expect(reply.status).toBe(503);
    expect(await db('devices').where({ sn: HIK_SN }).first()).toMatchObject({ status: 'pending', protocol: 'hikvision' });
    expect(await punchesOf(HIK_SN)).toEqual([]);
  });

  test('a multipart event with a picture is stored once per serialNo, whatever shape the resend takes', async () => {
    await bind(HIK_SN, 'both', HIK_KEY.secret);
    const event = hikvisionEvent({ pin: people[0]!.pin, serialNo: 501, at, attendanceStatus: 'checkOut' });
    for (const shape of ['multipart', 'multipart-file', 'json', 'xml', 'multipart-xml', 'multipart'] as const) {
      const reply = await postHikvision(baseUrl, HIK_SN, event, shape, HIK_KEY);
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.text)).toMatchObject({ statusCode: 1, statusString: 'OK' });
    }
    const stored = await punchesOf(HIK_SN);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ employment: people[0]!.employment, direction: 'out', verify_mode: '15', dedup_key: `${HIK_SN}|#501` });
    expect(stored[0].raw).toContain('"serialNo":501');
  });

  test('a card-only event is matched by the card of a person on site', async () => {
    await postHikvision(baseUrl, HIK_SN, hikvisionEvent({ cardNo: people[2]!.card, serialNo: 502, at: new Date(at.getTime() + 60_000) }), 'multipart', HIK_KEY);
    const stored = (await punchesOf(HIK_SN)).find((p) => p.dedup_key === `${HIK_SN}|#502`);
    expect(stored).toMatchObject({ employment: people[2]!.employment, person: people[2]!.person, device_pin: people[2]!.pin, verify_mode: '3', direction: 'in' });
  });

  test('heartbeats and other events only refresh last-seen', async () => {
    // Last-seen is written at most every 30 s per device; an administrator's save makes the server re-read the row.
    const device = await db('devices').where({ sn: HIK_SN }).first('id');
    await db('devices').where({ sn: HIK_SN }).update({ last_seen_at: null });
    await api('PATCH', `/items/devices/${device.id}`, { token: admin, json: { name: '南门人脸机' } });
    const before = (await punchesOf(HIK_SN)).length;
    const heartbeat = { ipAddress: '192.168.1.64', dateTime: '2026-01-16T08:00:00+08:00', activePostCount: 1, eventType: 'heartBeat', eventState: 'active', eventDescription: 'heartBeat' };
    expect((await postHikvision(baseUrl, HIK_SN, heartbeat, 'multipart', HIK_KEY)).status).toBe(200);
    const door = hikvisionEvent({ at, minor: 0x19 });
    expect((await postHikvision(baseUrl, HIK_SN, door, 'json', HIK_KEY)).status).toBe(200);
    expect((await punchesOf(HIK_SN)).length).toBe(before);
    expect((await db('devices').where({ sn: HIK_SN }).first()).last_seen_at).not.toBeNull();
  });

  test.each([
    ['no event_log part', () => {
      const form = new FormData();
      form.append('Picture', new Blob([new Uint8Array([0xff, 0xd8])], { type: 'image/jpeg' }), 'p.jpg');
      return { body: form };
    }, 'EVENT_MALFORMED'],
    ['an event_log that is not JSON', () => {
      const form = new FormData();
      form.append('event_log', '<EventNotificationAlert></EventNotificationAlert>');
      return { body: form };
    }, 'EVENT_MALFORMED'],
    ['an empty XML alert', () => ({ body: '<EventNotificationAlert/>', headers: { 'content-type': 'application/xml' } }), 'EVENT_MALFORMED'],
    ['no eventType', () => ({ body: JSON.stringify({ dateTime: '2026-01-16T08:00:00+08:00' }), headers: { 'content-type': 'application/json' } }), 'EVENT_TYPE_MISSING'],
    ['a bad time', () => ({ body: JSON.stringify({ ...hikvisionEvent({ pin: '1', serialNo: 9, at }), dateTime: 'now' }), headers: { 'content-type': 'application/json' } }), 'PUNCH_TIME_INVALID'],
    ['multipart without boundary', () => ({ body: 'x', headers: { 'content-type': 'multipart/form-data' } }), 'BODY_MALFORMED'],
  ])('refuses %s with 400 and stores nothing', async (_label, build, rule) => {
    const before = await countRows(db, 'punches');
    const request = build() as { body: BodyInit; headers?: Record<string, string> };
    const reply = await fetch(`${baseUrl}/isapi/event/${HIK_SN}/${HIK_KEY.secret}`, { method: 'POST', ...request });
    expect(reply.status).toBe(400);
    expect(errorOf(await reply.json()).rule).toBe(rule);
    expect(await countRows(db, 'punches')).toBe(before);
  });

  test('a heartbeat from an unknown terminal registers it, and stores nothing', async () => {
    const sn = `${HIK_SN}HB`;
    const reply = await postHikvision(baseUrl, sn, { ipAddress: '192.168.1.65', dateTime: '2026-01-16T08:00:00+08:00', eventType: 'heartBeat' }, 'json');
    expect(reply.status).toBe(200);
    const device = await db('devices').where({ sn }).first();
    expect(device).toMatchObject({ status: 'pending', protocol: 'hikvision' });
    expect(device.last_seen_at).not.toBeNull();
    expect(await punchesOf(sn)).toEqual([]);
  });

  test('an event without a serial in its URL is refused', async () => {
    const devices = await countRows(db, 'devices');
    const reply = await fetch(`${baseUrl}/isapi/event`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(hikvisionEvent({ pin: '1', serialNo: 1, at })) });
    expect(reply.status).toBe(400);
    expect(errorOf(await reply.json()).rule).toBe('DEVICE_SN_MISSING');
    expect(await countRows(db, 'devices')).toBe(devices);
  });

  test('a disabled terminal is refused', async () => {
    const device = await db('devices').where({ sn: HIK_SN }).first('id');
    await api('PATCH', `/items/devices/${device.id}`, { token: admin, json: { status: 'disabled' } });
    const reply = await postHikvision(baseUrl, HIK_SN, hikvisionEvent({ pin: people[1]!.pin, serialNo: 777, at }), 'multipart', HIK_KEY);
    expect(reply.status).toBe(403);
    expect((await punchesOf(HIK_SN)).some((p) => p.dedup_key.endsWith('#777'))).toBe(false);
  });
});
