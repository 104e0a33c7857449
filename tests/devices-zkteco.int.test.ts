/**
 * A scripted ZKTeco PUSH terminal against the real platform: registration as pending, binding by
 * an administrator, enrolment commands with faces, acknowledgements and retries, punch uploads
 * (resends, mixed and malformed batches) and a disabled terminal.
 */
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { dbTimestamp } from '../extensions/platform/src/db/values';
import { attlogLine, ZkTerminal, type ZkCommand } from '../scripts/lib/devices.ts';
import { countRows, openDatabase } from './support/db';
import { ADMIN } from './support/fixtures';
import { createApprovedProject, type FreshProject } from './support/fresh-project';
import { api, errorOf, login } from './support/http';
import { insertOnSite, insertTeam } from './support/site-fixtures';

/** A 40×40 PNG: the platform converts it to the JPEG a terminal takes. */
const FACE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAACgAAAAoCAIAAAADnC86AAAACXBIWXMAAAPoAAAD6AG1e1JrAAAASUlEQVRYhe3YwQkAMAxC0c7pJI7oWN2hl14e5B6QxI+edF/mWFxSx3HNO5WBhGUOJAqLg8XCYmBxsFhYDCxKixPMq4qI8mXPGlyQ5gMXZuX5agAAAABJRU5ErkJggg==',
  'base64',
);

/** A 16×16 JPEG, as the face check stores a device photo: sent to terminals byte for byte. */
const DEVICE_JPEG = Buffer.from(
  '/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAQABADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAABP/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AKIAhr//2Q==',
  'base64',
);

const baseUrl = inject('baseUrl');
let db: Knex;
let admin: string;
let project: FreshProject;
let onSite: { employment: number; person: number; pin: string; name: string; card: string | null }[];
let faceFile: string;
let exitedPin: string;
const SECRET = 'Zk-Key-20261205';
const terminal = new ZkTerminal(baseUrl, `ZKT${Date.now().toString(36).toUpperCase()}`, { secret: SECRET });
/** Recent days, inside the plausible window of a device bound today. */
const DAY = 86_400_000;
const recentDay = (daysAgo: number) => new Date(Math.floor(Date.now() / DAY) * DAY - daysAgo * DAY);
let deviceId: number;

async function deviceRow(sn: string) {
  return db('devices').where({ sn }).first();
}

async function punchesOf(device: number) {
  return db('punches').where({ device }).orderBy('id');
}

async function commandsOf(device: number) {
  return db('device_commands').where({ device }).orderBy('id');
}

/** Polls until the terminal gets no more commands, collecting them. */
async function drain(): Promise<ZkCommand[]> {
  const all: ZkCommand[] = [];
  for (let i = 0; i < 20; i += 1) {
    const { status, commands } = await terminal.poll();
    expect(status).toBe(200);
    if (!commands.length) return all;
    all.push(...commands);
  }
  throw new Error('the command queue did not drain');
}

async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, what: string): Promise<T> {
  for (let i = 0; i < 50; i += 1) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  db = openDatabase(inject('platformEnv'));
  admin = await login(ADMIN.email, ADMIN.password);
  project = await createApprovedProject('考勤机测试');
  const team = await insertTeam(db, project.id);
  const ids = await insertOnSite(db, project.id, team, { count: 6, namePrefix: '考勤' });
  // One person with a card, one who left (still mapped for punches, not enrolled).
  await db('employments').where({ id: ids[0] }).update({ card_no: `C${Date.now() % 1e8}` });
  await db('employments').where({ id: ids[5] }).update({ status: 'exited' });
  const rows = await db('employments').join('people', 'people.id', 'employments.person').whereIn('employments.id', ids).orderBy('employments.id')
    .select('employments.id', 'employments.person', 'employments.device_pin', 'employments.card_no', 'employments.status', 'people.name');
  onSite = rows.filter((r) => r.status === 'on_site').map((r) => ({ employment: r.id, person: r.person, pin: r.device_pin, name: r.name, card: r.card_no }));
  exitedPin = rows.find((r) => r.status === 'exited')!.device_pin;
  const upload = async (bytes: Buffer, type: string, name: string) => {
    const form = new FormData();
    form.append('title', '考勤测试人脸');
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
    const uploaded = await fetch(`${baseUrl}/files`, { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body: form });
    return ((await uploaded.json()) as { data: { id: string } }).data.id;
  };
  // One person with only a face photo (a PNG, converted on delivery), one with the device photo the face check makes.
  faceFile = await upload(FACE_PNG, 'image/png', 'face.png');
  // Faces are what the project verified: they sit on the employment.
  await db('employments').where({ id: onSite[1]!.employment }).update({ face_photo: faceFile });
  await db('employments').where({ id: onSite[2]!.employment }).update({ face_photo: faceFile, face_device_photo: await upload(DEVICE_JPEG, 'image/jpeg', 'device.jpg') });
});

afterAll(async () => {
  await db.destroy();
});

describe('an unknown terminal', () => {
  test('is recorded as pending on its handshake, and its uploads are not acknowledged', async () => {
    const handshake = await terminal.handshake();
    expect(handshake.status).toBe(200);
    expect(handshake.firstLine).toBe(`GET OPTION FROM: ${terminal.sn}`);
    expect(handshake.options).toMatchObject({ ATTLOGStamp: 'None', OPERLOGStamp: 'None', TimeZone: '8', Realtime: '1' });
    expect(handshake.options['TransFlag']).toContain('AttLog');
    const device = await deviceRow(terminal.sn);
    expect(device).toMatchObject({ status: 'pending', protocol: 'zkteco', project: null, last_ip: expect.stringMatching(/127\.0\.0\.1/) });
    expect(device.last_seen_at).not.toBeNull();
    deviceId = Number(device.id);

    const upload = await terminal.upload([attlogLine(onSite[0]!.pin, recentDay(1))], 1);
    expect(upload.status).toBe(503);
    expect(errorOf(JSON.parse(upload.text))).toMatchObject({ code: 'PLATFORM_DEVICE_NOT_READY', rule: 'DEVICE_PENDING' });
    expect(upload.text).not.toMatch(/^OK/);
    expect(await punchesOf(deviceId)).toEqual([]);
    expect((await terminal.poll()).text).toBe('OK');
  });
});

describe('binding the terminal to a project', () => {
  test('queues everyone on site (with faces) for it, shown on 设备状态', async () => {
    const bound = await api('PATCH', `/items/devices/${deviceId}`, { token: admin, json: { status: 'active', project: project.id, direction: 'both', name: '测试考勤机', auth_secret: SECRET } });
    expect(bound.status).toBe(200);
    const commands = await waitFor(async () => {
      const rows = await commandsOf(deviceId);
      return rows.length === onSite.length + 2 && rows;
    }, 'the enrolment commands');
    expect(commands.filter((c) => c.kind === 'user_update').map((c) => c.employment).sort()).toEqual(onSite.map((p) => p.employment).sort());
    expect(commands.filter((c) => c.kind === 'face_update').map((c) => c.employment)).toEqual([onSite[1]!.employment, onSite[2]!.employment]);
    expect(commands.every((c) => c.status === 'pending')).toBe(true);

    // Saving the device again, even re-stating its status and project, queues nothing more.
    await api('PATCH', `/items/devices/${deviceId}`, { token: admin, json: { name: '测试考勤机（东门）' } });
    await api('PATCH', `/items/devices/${deviceId}`, { token: admin, json: { status: 'active', project: project.id } });
    await new Promise((r) => setTimeout(r, 300));
    expect((await commandsOf(deviceId)).length).toBe(onSite.length + 2);

    const list = await api('GET', '/platform/devices', { token: project.token });
    expect(list.status).toBe(200);
    const shown = list.body.data.find((d: { sn: string }) => d.sn === terminal.sn);
    expect(shown).toMatchObject({ status: 'active', name: '测试考勤机（东门）', pending_commands: onSite.length + 2 });
  });

  test('the terminal receives USERINFO for each person and BIOPHOTO as a JPEG, marked sent', async () => {
    // The bound device proves itself with its communication key before it gets anything.
    expect((await terminal.handshake()).status).toBe(200);
    const commands = await drain();
    expect(commands).toHaveLength(onSite.length + 2);
    for (const person of onSite) {
      const line = commands.find((c) => c.command.startsWith(`DATA UPDATE USERINFO PIN=${person.pin}\t`));
      expect(line?.command).toBe(`DATA UPDATE USERINFO PIN=${person.pin}\tName=${person.name}\tPri=0\tCard=${person.card ?? ''}`);
    }
    expect(commands.some((c) => c.command.includes(`PIN=${exitedPin}`))).toBe(false);
    const photos = commands
      .filter((c) => c.command.startsWith('DATA UPDATE BIOPHOTO '))
      .map((c) => Object.fromEntries(c.command.replace('DATA UPDATE BIOPHOTO ', '').split('\t').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])));
    expect(photos.map((p) => p['PIN'])).toEqual([onSite[1]!.pin, onSite[2]!.pin]);
    for (const fields of photos) {
      expect(fields).toMatchObject({ Type: '9', Format: '0' });
      expect(Number(fields['Size'])).toBe(fields['Content']!.length);
      expect([...Buffer.from(fields['Content']!, 'base64').subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    }
    // The PNG face photo was converted to JPEG; the device photo goes as it is.
    expect(Buffer.from(photos[1]!['Content']!, 'base64').equals(DEVICE_JPEG)).toBe(true);
    const rows = await commandsOf(deviceId);
    expect(rows.every((c) => c.status === 'sent' && Number(c.attempts) === 1 && c.sent_at !== null)).toBe(true);
  });

  test('acknowledgements mark commands done; a refused one is retried, then shown as an error', async () => {
    const rows = await commandsOf(deviceId);
    const refused = Number(rows[0].id);
    const reply = await terminal.ack(rows.map((c) => ({ id: Number(c.id), returnCode: Number(c.id) === refused ? -1003 : 0 })));
    expect(reply).toEqual({ status: 200, text: 'OK' });
    let after = await commandsOf(deviceId);
    expect(after.filter((c) => c.status === 'done')).toHaveLength(rows.length - 1);
    expect(after.find((c) => Number(c.id) === refused)).toMatchObject({ status: 'failed', return_code: '-1003' });

    for (const attempt of [2, 3]) {
      const { commands } = await terminal.poll();
      expect(commands.map((c) => c.id)).toEqual([refused]);
      expect((await db('device_commands').where({ id: refused }).first()).attempts).toBe(attempt);
      await terminal.ack([{ id: refused, returnCode: -1003 }]);
    }
    after = await commandsOf(deviceId);
    expect(after.find((c) => Number(c.id) === refused)).toMatchObject({ status: 'error', return_code: '-1003' });
    expect((await terminal.poll()).text).toBe('OK');

    // Another device's or an unknown command id changes nothing.
    expect((await terminal.ack([{ id: 999_999_999, returnCode: 0 }])).status).toBe(200);
    const list = await api('GET', '/platform/devices', { token: project.token });
    expect(list.body.data.find((d: { sn: string }) => d.sn === terminal.sn).pending_commands).toBe(0);
  });
});

describe('punch uploads', () => {
  const day = recentDay(3);
  const at = (minutes: number) => new Date(day.getTime() + minutes * 60_000);

  test('the same batch sent three times stores each punch once, mapped to people or kept as unknown', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 100; i += 1) {
      const known = onSite[i % onSite.length]!;
      const pin = i % 10 === 9 ? `U${i}` : i % 10 === 8 ? exitedPin : known.pin;
      lines.push(attlogLine(pin, at(i), (i % 2) as 0 | 1, i % 3 === 0 ? 3 : 15));
    }
    for (const line of lines) terminal.record(line);
    for (let round = 0; round < 3; round += 1) {
      const reply = await terminal.upload(lines, 100);
      expect(reply).toEqual({ status: 200, text: 'OK: 100' });
    }
    const stored = await punchesOf(deviceId);
    expect(stored).toHaveLength(100);
    expect(new Set(stored.map((p) => p.dedup_key)).size).toBe(100);
    expect(stored.filter((p) => p.employment === null)).toHaveLength(10);
    expect(stored.filter((p) => p.employment === null).every((p) => p.person === null && /^U\d+$/.test(p.device_pin))).toBe(true);
    // A person who has left still gets the punch (the day still counts).
    expect(stored.filter((p) => p.device_pin === exitedPin).every((p) => p.employment !== null)).toBe(true);

    const first = stored.find((p) => p.raw === lines[0])!;
    expect(first).toMatchObject({ project: project.id, device_pin: onSite[0]!.pin, employment: onSite[0]!.employment, person: onSite[0]!.person, direction: 'in', verify_mode: '3', source: 'device' });
    const second = stored.find((p) => p.raw === lines[1])!;
    expect(second).toMatchObject({ direction: 'out', verify_mode: '15' });
    const punchedAt = typeof first.punched_at === 'number' ? new Date(first.punched_at) : new Date(first.punched_at);
    expect(punchedAt.toISOString()).toBe(day.toISOString());

    const handshake = await terminal.handshake();
    expect(handshake.options['ATTLOGStamp']).toBe('100');
    expect(terminal.serverStamp).toBe(100);
  });

  test('a batch with unreadable lines keeps the good ones and reports the rest on the device', async () => {
    const good = [attlogLine(onSite[2]!.pin, at(300)), attlogLine(onSite[3]!.pin, at(301)), attlogLine('U77', at(302))];
    const body = [good[0]!, 'this is not a record', good[1]!, `${onSite[2]!.pin}\t2026-02-30 07:00:00\t0\t15`, good[2]!];
    const before = (await punchesOf(deviceId)).length;
    const reply = await terminal.upload(body, 105);
    expect(reply).toEqual({ status: 200, text: 'OK: 5' });
    const stored = await punchesOf(deviceId);
    expect(stored).toHaveLength(before + 3);
    expect(stored.slice(-3).map((p) => p.raw).sort()).toEqual([...good].sort());
    const device = await deviceRow(terminal.sn);
    expect(device.last_error).toContain('2 条记录无法识别');
    expect(device.last_error).toContain('第2行');
    expect(device.last_error).toContain('第4行');
    expect(device.attlog_stamp).toBe('105');
  });

  test.each([
    ['nothing but garbage', 'ATTLOG', 'garbage\nmore garbage\n', 400, 'ATTLOG_MALFORMED'],
    ['an empty body', 'ATTLOG', '', 400, 'ATTLOG_EMPTY'],
    ['a bad date on every line', 'ATTLOG', '1001\t2026-13-40 07:00:00\t0\t15\n', 400, 'ATTLOG_MALFORMED'],
    ['binary data', 'ATTLOG', '\u0000\u0001\u0002\u0003\u00ff\u00fe', 400, 'ATTLOG_MALFORMED'],
    ['no table', '', `${'1001'}\t2026-12-01 08:00:00\t0\t15\n`, 400, 'TABLE_MISSING'],
    ['an empty OPERLOG', 'OPERLOG', '\n', 400, 'OPERLOG_EMPTY'],
  ])('refuses %s with 400 and stores nothing', async (_label, table, body, status, rule) => {
    const before = await countRows(db, 'punches');
    const stampBefore = (await deviceRow(terminal.sn)).attlog_stamp;
    const reply = await fetch(`${baseUrl}/iclock/cdata?SN=${terminal.sn}${table ? `&table=${table}` : ''}&Stamp=999`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
    expect(reply.status).toBe(status);
    const error = errorOf(await reply.json());
    expect(error.rule).toBe(rule);
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await countRows(db, 'punches')).toBe(before);
    expect((await deviceRow(terminal.sn)).attlog_stamp).toBe(stampBefore);
  });

  test.each([
    ['no SN', '/iclock/cdata?options=all', 'GET'],
    ['an SN with spaces', '/iclock/cdata?SN=A%20B&options=all', 'GET'],
    ['an SN too long', `/iclock/getrequest?SN=${'X'.repeat(65)}`, 'GET'],
  ])('refuses %s with 400', async (_label, path, method) => {
    const devices = await countRows(db, 'devices');
    const reply = await fetch(`${baseUrl}${path}`, { method, ...(method === 'POST' ? { body: 'hello\n' } : {}) });
    expect(reply.status).toBe(400);
    expect(errorOf(await reply.json()).code).toBe('PLATFORM_INVALID_INPUT');
    expect(await countRows(db, 'devices')).toBe(devices);
  });

  test('OPERLOG uploads are acknowledged and their stamp kept, nothing else changes', async () => {
    const before = await countRows(db, 'punches');
    const reply = await terminal.upload([`USER PIN=${onSite[0]!.pin}\tName=${onSite[0]!.name}\tPri=0`, 'OPLOG 4\t0\t2026-12-01 08:00:00\t0\t0\t0\t0'], 12, 'OPERLOG');
    expect(reply).toEqual({ status: 200, text: 'OK: 2' });
    expect(await countRows(db, 'punches')).toBe(before);
    expect((await terminal.handshake()).options['OPERLOGStamp']).toBe('12');
  });

  test('a one-way gate decides the direction, whatever the record says', async () => {
    await api('PATCH', `/items/devices/${deviceId}`, { token: admin, json: { direction: 'out' } });
    const line = attlogLine(onSite[4]!.pin, at(600), 0);
    expect((await terminal.upload([line], 106)).text).toBe('OK: 1');
    expect((await db('punches').where({ raw: line }).first()).direction).toBe('out');
    await api('PATCH', `/items/devices/${deviceId}`, { token: admin, json: { direction: 'both' } });
  });
});

describe('a disabled terminal', () => {
  test('is refused everywhere and nothing it sends is stored', async () => {
    await api('PATCH', `/items/devices/${deviceId}`, { token: admin, json: { status: 'disabled' } });
    const before = await countRows(db, 'punches');
    expect((await terminal.handshake()).status).toBe(403);
    const upload = await terminal.upload([attlogLine(onSite[0]!.pin, recentDay(1))], 200);
    expect(upload.status).toBe(403);
    expect(errorOf(JSON.parse(upload.text)).message).toContain('已停用');
    expect((await terminal.poll()).status).toBe(403);
    expect(await countRows(db, 'punches')).toBe(before);
    expect((await deviceRow(terminal.sn)).attlog_stamp).not.toBe('200');
  });

  test('stopping it queues the removal of its people; re-activating it on the same project queues everyone again instead', async () => {
    const pending = async () => (await commandsOf(deviceId)).filter((c) => c.status === 'pending');
    // Stopped a moment ago: it is to forget the project's people (delivered if it ever comes back elsewhere).
    expect((await pending()).filter((c) => c.kind === 'user_delete').map((c) => c.employment).sort()).toEqual(onSite.map((p) => p.employment).sort());
    await api('PATCH', `/items/devices/${deviceId}`, { token: admin, json: { status: 'active' } });
    await waitFor(async () => (await pending()).length === onSite.length + 2 && (await pending()).every((c) => c.kind !== 'user_delete'), 'the re-enrolment');
    expect((await pending()).filter((c) => c.kind === 'user_update').map((c) => c.employment).sort()).toEqual(onSite.map((p) => p.employment).sort());
    expect((await terminal.handshake()).status).toBe(200);
  });

  test('a command the terminal never confirms is sent again after the timeout, then given up', async () => {
    const { commands } = await terminal.poll('&INFO=Ver%208.0.4.2-20200312,6,0,106,192.168.1.201');
    expect(commands.length).toBe(onSite.length + 2);
    expect((await deviceRow(terminal.sn)).firmware).toBe('Ver 8.0.4.2-20200312');
    const [first, second] = commands;
    const longAgo = dbTimestamp(db, new Date(Date.now() - 11 * 60_000));
    await db('device_commands').whereIn('id', [first!.id, second!.id]).update({ sent_at: longAgo });
    await db('device_commands').where({ id: second!.id }).update({ attempts: 3 });
    const again = await terminal.poll();
    expect(again.commands.map((c) => c.id)).toEqual([first!.id]);
    expect(await db('device_commands').where({ id: first!.id }).first()).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await db('device_commands').where({ id: second!.id }).first()).toMatchObject({ status: 'error', return_code: 'TIMEOUT' });
  });
});
