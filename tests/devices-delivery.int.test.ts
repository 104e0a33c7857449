/**
 * Hikvision and Uniubi enrolment delivered by the platform itself (the terminal's 终端接口地址 is
 * reachable, no 现场代理), against the simulated terminals of tests/support/terminals. It boots a
 * platform of its own: the delivery tick every second (PLATFORM_DEVICE_DELIVERY_INTERVAL_SECONDS=1,
 * so no test sleeps a minute), a short backoff and few attempts, and debug logs captured to a file so
 * the last test can look for the terminals' passwords in them.
 *
 * Covered: the write-only password (REST, GraphQL, export, revisions, activity, logs, the H5);
 * binding enrols everyone on site with faces and cards (two firmware generations of Hikvision and a
 * Uniubi); a face after 核验; 发卡; 退场 and a 200-person 班组退场; a wrong password (下发失败 with
 * the terminal's words, nothing done, one failed login) and its correction; a terminal that is down
 * (retries with backoff, then 下发失败 or catching up); the delivery job's ticks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accountToEmail } from '../schema/rules/account';
import { todayInShanghai } from '../schema/rules/dates';
import { DEMO_LOGINS } from '../seeds/demo-logins';
import { openDatabase } from './support/db';
import { ADMIN } from './support/fixtures';
import { createApprovedProject, type FreshProject } from './support/fresh-project';
import { api, login } from './support/http';
import { bootPlatform, type BootedPlatform } from './support/platform';
import { insertOnSite, insertTeam, PNG, postMultipart } from './support/site-fixtures';
import { bindDevice, commandStatuses, createTerminal, onSitePeople, uploadFile, waitFor, type OnSitePerson } from './support/terminal-fixtures';
import { HikvisionTerminal } from './support/terminals/hikvision-terminal';
import { UniubiTerminal } from './support/terminals/uniubi-terminal';

const FACES = join(import.meta.dirname, 'fixtures/faces');
const HIK_PASSWORD = 'Gate#2026hik';
const UNI_PASSWORD = 'uface8090pass';
const suffix = Date.now().toString(36).toUpperCase();
const today = todayInShanghai(new Date());

let platform: BootedPlatform;
let baseUrl: string;
let db: Knex;
let admin: string;
let bureau: string;
let project: FreshProject;
let team: { id: number; unit: number; name: string };
let ids: number[];
/** The device photo the first people carry, byte for byte what a terminal must get. */
const DEVICE_JPEG = readFileSync(join(FACES, 'pass-sample3-middle.jpg'));

const hik = new HikvisionTerminal({ password: HIK_PASSWORD });
const legacy = new HikvisionTerminal({ password: HIK_PASSWORD, firmware: 'legacy' });
const uni = new UniubiTerminal({ password: UNI_PASSWORD });
const devices = { hik: 0, legacy: 0, uni: 0 };

const asset = async (file: string) => Buffer.from(await (await fetch(`${baseUrl}/assets/${file}`, { headers: { authorization: `Bearer ${admin}` } })).arrayBuffer());

const assets = new Map<string, Buffer>();
async function expectedFace(person: OnSitePerson): Promise<Buffer | null> {
  if (!person.faceFile) return null;
  if (!assets.has(person.faceFile)) assets.set(person.faceFile, await asset(person.faceFile));
  return assets.get(person.faceFile)!;
}

/** A terminal's face is right: none for none; the same bytes for a stored JPEG; a JPEG for a converted PNG. */
function faceMatches(held: Buffer | null, expected: Buffer | null): boolean {
  if (expected === null) return held === null;
  if (held === null || !isJpeg(held)) return false;
  return isJpeg(expected) ? held.equals(expected) : true;
}

/** Whether each terminal holds exactly `people` with their names, cards and faces. */
async function holdsExactly(people: readonly OnSitePerson[]): Promise<boolean> {
  const pins = people.map((p) => p.pin).sort().join();
  for (const terminal of [hik, legacy]) {
    if ([...terminal.persons.keys()].sort().join() !== pins) return false;
    for (const person of people) {
      const held = terminal.persons.get(person.pin)!;
      if (held.name !== person.name || held.cards.join() !== (person.card ?? '') || !faceMatches(held.face, await expectedFace(person))) return false;
    }
  }
  if ([...uni.persons.keys()].sort().join() !== pins) return false;
  for (const person of people) {
    const held = uni.persons.get(person.pin)!;
    if (held.name !== person.name || held.idcardNum !== (person.card ?? '') || held.faces.size > 1) return false;
    if (!faceMatches(held.faces.get(person.pin) ?? null, await expectedFace(person))) return false;
  }
  return true;
}

const isJpeg = (bytes: Buffer) => bytes[0] === 0xff && bytes[1] === 0xd8;

async function allDone(): Promise<boolean> {
  const rows = await db('device_commands').whereIn('device', Object.values(devices)).whereNot({ status: 'done' }).count({ n: '*' });
  return Number(rows[0]?.['n']) === 0;
}

beforeAll(async () => {
  await Promise.all([hik.start(), legacy.start(), uni.start()]);
  platform = await bootPlatform({
    seed: 'small',
    logFile: true,
    extraEnv: {
      LOG_LEVEL: 'debug',
      PLATFORM_DEVICE_DELIVERY_INTERVAL_SECONDS: '1',
      PLATFORM_DEVICE_DELIVERY_BACKOFF_SECONDS: '1',
      PLATFORM_DEVICE_DELIVERY_MAX_ATTEMPTS: '4',
      PLATFORM_DEVICE_DELIVERY_TIMEOUT_SECONDS: '3',
    },
  });
  baseUrl = platform.baseUrl;
  db = openDatabase(platform.env);
  admin = await login(ADMIN.email, ADMIN.password, baseUrl);
  bureau = await login(DEMO_LOGINS.bureau.email, DEMO_LOGINS.bureau.password, baseUrl);
  project = await createApprovedProject('人脸机下发', baseUrl);
  team = await insertTeam(db, project.id);
  ids = await insertOnSite(db, project.id, team, { count: 6, namePrefix: '下发' });
  await db('employments').where({ id: ids[0] }).update({ card_no: `A${suffix}0` });
  await db('employments').where({ id: ids[1] }).update({ card_no: `A${suffix}1` });
  const jpeg = await uploadFile(baseUrl, admin, DEVICE_JPEG, 'image/jpeg', 'device.jpg');
  const png = await uploadFile(baseUrl, admin, PNG, 'image/png', 'face.png');
  // Faces are project facts: devices get the employment's face (queue-device-sync.ts).
  await db('employments').whereIn('id', ids.slice(0, 4)).update({ face_photo: jpeg, face_device_photo: jpeg });
  // A face photo only (no device photo): converted to a JPEG on delivery.
  await db('employments').where({ id: ids[4]! }).update({ face_photo: png });
}, 600_000);

afterAll(async () => {
  await Promise.all([hik.stop(), legacy.stop(), uni.stop()]);
  await db?.destroy();
  await platform?.stop();
});

describe('terminal API settings', () => {
  test('bureau staff enter them; the password is never read back (REST, GraphQL, export, database, history, H5)', async () => {
    const created = await createTerminal(baseUrl, bureau, { sn: `HIK${suffix}`, protocol: 'hikvision', name: '东门人脸机', api_url: `${hik.url}/`, api_user: 'admin', api_password: HIK_PASSWORD });
    devices.hik = created.id;
    expect(created.body.data).toMatchObject({ api_url: hik.url, api_user: 'admin', api_password: '**********', status: 'pending' });
    devices.legacy = (await createTerminal(baseUrl, bureau, { sn: `HIKOLD${suffix}`, protocol: 'hikvision', name: '西门人脸机（旧固件）', api_url: legacy.url, api_user: 'admin', api_password: HIK_PASSWORD })).id;
    devices.uni = (await createTerminal(baseUrl, bureau, { sn: `UNI${suffix}`, protocol: 'uniubi', name: '北门宇泛', api_url: uni.url, api_password: UNI_PASSWORD })).id;

    for (const token of [bureau, admin]) {
      const read = await api('GET', `/items/devices/${devices.hik}?fields=*`, { token, baseUrl });
      expect(read.body.data.api_password).toBe('**********');
      const list = await api('GET', `/items/devices?filter[id][_in]=${Object.values(devices).join(',')}&fields=sn,api_password`, { token, baseUrl });
      expect(list.body.data.map((d: { api_password: string }) => d.api_password)).toEqual(['**********', '**********', '**********']);
      const graphql = await api('POST', '/graphql', { token, baseUrl, json: { query: `{ devices_by_id(id: ${devices.uni}) { sn api_password } }` } });
      expect(graphql.body.data.devices_by_id).toEqual({ sn: `UNI${suffix}`, api_password: '**********' });
      const exported = await fetch(`${baseUrl}/items/devices?export=csv&fields=sn,api_url,api_password&filter[id][_in]=${Object.values(devices).join(',')}`, { headers: { authorization: `Bearer ${token}` } });
      const csv = await exported.text();
      expect(exported.status).toBe(200);
      expect(csv).toContain(`UNI${suffix}`);
      expect(csv).not.toContain(UNI_PASSWORD);
      expect(csv).not.toContain(HIK_PASSWORD);
    }

    // Stored encrypted with SECRET (Directus's encrypt special), not as typed.
    const stored = await db('devices').whereIn('id', Object.values(devices)).pluck('api_password');
    for (const value of stored) {
      expect(value).toMatch(/^1\|\|scrypt\|\|/);
      expect(value).not.toContain(HIK_PASSWORD);
      expect(value).not.toContain(UNI_PASSWORD);
    }

    // Saving the masked value back (a studio form round trip, an API client) keeps the password.
    expect((await api('PATCH', `/items/devices/${devices.uni}`, { token: bureau, baseUrl, json: { name: '北门宇泛人脸机', api_password: '**********' } })).status).toBe(200);
    expect(await db('devices').where({ id: devices.uni }).first('api_password')).toEqual({ api_password: stored[2] });

    // A terminal address must be a plain http(s) base URL; credentials go in their own fields.
    for (const bad of ['192.168.1.64', `http://admin:${HIK_PASSWORD}@192.168.1.64`, 'ftp://10.0.0.1']) {
      const reply = await api('PATCH', `/items/devices/${devices.hik}`, { token: bureau, baseUrl, json: { api_url: bad } });
      expect(reply.status).toBe(400);
      expect(reply.body.errors[0].extensions).toMatchObject({ code: 'PLATFORM_INVALID_INPUT', rule: 'DEVICE_API_URL', field: 'api_url' });
    }
  });
});

describe('delivery by the platform', () => {
  test('binding enrols everyone on site with names, cards and faces, on both vendors, within a minute', async () => {
    const started = Date.now();
    for (const id of Object.values(devices)) await bindDevice(baseUrl, bureau, id, project.id);
    const people = await onSitePeople(db, project.id);
    expect(people).toHaveLength(6);
    await waitFor(async () => (await holdsExactly(people)) && (await allDone()), 'the terminals to hold everyone on site', 60_000);
    expect(Date.now() - started).toBeLessThan(60_000);

    // The converted face is a JPEG; the person without a face has none.
    expect(isJpeg(hik.persons.get(people[4]!.pin)!.face!)).toBe(true);
    expect(hik.persons.get(people[5]!.pin)!.face).toBeNull();
    // Each command was delivered once (no retries), and the old firmware took the add-only endpoints.
    const rows = await db('device_commands').whereIn('device', Object.values(devices));
    expect(rows.every((r) => r.status === 'done' && r.return_code === '0' && Number(r.attempts) === 1 && r.done_at !== null)).toBe(true);
    expect(legacy.calls.some((c) => c.path === '/ISAPI/Intelligent/FDLib/FaceDataRecord' && c.status === 200)).toBe(true);
    expect(legacy.calls.some((c) => c.path === '/ISAPI/Intelligent/FDLib/FDSetUp' && c.subStatusCode === 'notSupport')).toBe(true);
    // One unauthenticated request per terminal to learn the digest challenge, no failed login.
    expect(hik.digest.failedLogins).toBe(0);
    expect(hik.calls.filter((c) => !c.authenticated)).toHaveLength(1);
  });

  test('设备状态 on the H5 shows each terminal with no command waiting or failed, and no settings', async () => {
    const list = await api('GET', '/platform/devices', { token: project.token, baseUrl });
    const mine = list.body.data.filter((d: { id: number }) => Object.values(devices).includes(d.id));
    expect(mine).toHaveLength(3);
    for (const device of mine) {
      expect(device).toMatchObject({ pending_commands: 0, failed_commands: 0, last_failure: null, command_route: 'platform' });
      expect(device).not.toHaveProperty('api_url');
      expect(device).not.toHaveProperty('api_password');
    }
    expect(JSON.stringify(list.body)).not.toContain(hik.url);
  });

  test('a face that passes 核验 reaches every terminal, added or replaced', async () => {
    const people = await onSitePeople(db, project.id);
    const sample = readFileSync(join(FACES, 'pass-sample6-left.jpg'));
    for (const person of [people[5]!, people[0]!]) {
      const checked = await postMultipart(project.token, `/platform/faces/${person.employment}/check`, {}, [['file', sample, 'face.jpg']], baseUrl);
      expect(checked.status).toBe(200);
      expect(checked.body.data.passed).toBe(true);
    }
    const after = await onSitePeople(db, project.id);
    const newFace = await asset(after[5]!.faceFile!);
    expect(newFace.equals(DEVICE_JPEG)).toBe(false);
    await waitFor(async () => (await holdsExactly(after)) && (await allDone()), 'the new faces', 30_000);
    expect(hik.persons.get(after[5]!.pin)!.face!.equals(newFace)).toBe(true);
    expect(uni.persons.get(after[0]!.pin)!.faces.get(after[0]!.pin)!.equals(await asset(after[0]!.faceFile!))).toBe(true);
  });

  test('发卡 replaces the card on the terminals; a card taken back opens nothing', async () => {
    const people = await onSitePeople(db, project.id);
    const newCard = `B${suffix}1`;
    expect((await api('PUT', `/platform/people/${people[1]!.employment}/card`, { token: project.token, baseUrl, json: { card_no: newCard } })).status).toBe(200);
    expect((await api('PUT', `/platform/people/${people[0]!.employment}/card`, { token: project.token, baseUrl, json: { card_no: '' } })).status).toBe(200);
    const after = await onSitePeople(db, project.id);
    await waitFor(async () => (await holdsExactly(after)) && (await allDone()), 'the card changes', 30_000);
    expect(hik.persons.get(people[1]!.pin)!.cards).toEqual([newCard]);
    expect(legacy.persons.get(people[0]!.pin)!.cards).toEqual([]);
    expect(uni.persons.get(people[1]!.pin)!.idcardNum).toBe(newCard);
  });

  test('退场 removes the person from every terminal', async () => {
    const people = await onSitePeople(db, project.id);
    const leaving = people[2]!;
    expect((await api('POST', `/platform/people/${leaving.employment}/exit`, { token: project.token, baseUrl, json: { exit_date: today } })).status).toBe(200);
    await waitFor(async () => (await holdsExactly(await onSitePeople(db, project.id))) && (await allDone()), 'the removal', 30_000);
    for (const terminal of [hik, legacy]) expect(terminal.persons.has(leaving.pin)).toBe(false);
    expect(uni.persons.has(leaving.pin)).toBe(false);
  });

  test('班组退场 of a 200-person team clears the gates within minutes', async () => {
    const big = await insertTeam(db, project.id, { name: `钢筋班${suffix}` });
    const members = await insertOnSite(db, project.id, big, { count: 200, namePrefix: '钢筋' });
    // People written straight into the database reach the terminals when the devices are bound again.
    for (const id of Object.values(devices)) expect((await api('PATCH', `/items/devices/${id}`, { token: bureau, baseUrl, json: { status: 'disabled' } })).status).toBe(200);
    for (const id of Object.values(devices)) await bindDevice(baseUrl, bureau, id, project.id);
    await waitFor(async () => (await holdsExactly(await onSitePeople(db, project.id))) && (await allDone()), 'the 200 to be enrolled', 120_000, 500);
    expect(hik.persons.size).toBeGreaterThan(200);

    const started = Date.now();
    const exited = await api('POST', `/platform/teams/${big.id}/exit`, { token: project.token, baseUrl, json: { exit_date: today, confirm: true } });
    expect(exited.status).toBe(200);
    expect(exited.body.data.exited).toBe(200);
    await waitFor(async () => (await holdsExactly(await onSitePeople(db, project.id))) && (await allDone()), 'the team to leave the gates', 180_000, 500);
    const pins = new Set((await db('employments').whereIn('id', members).pluck('device_pin')).map(String));
    expect([...hik.persons.keys()].some((pin) => pins.has(pin))).toBe(false);
    expect([...uni.persons.keys()].some((pin) => pins.has(pin))).toBe(false);
    expect(Date.now() - started).toBeLessThan(180_000);
  }, 420_000);
});

describe('a terminal that refuses or cannot be reached', () => {
  test('a wrong password: 下发失败 with the terminal message, nothing marked done, one failed login', async () => {
    for (const id of [devices.hik, devices.uni]) expect((await api('PATCH', `/items/devices/${id}`, { token: bureau, baseUrl, json: { api_password: 'not-the-password' } })).status).toBe(200);
    const loginsBefore = hik.digest.failedLogins;
    const people = await onSitePeople(db, project.id);
    const target = people[3]!;
    expect((await api('PUT', `/platform/people/${target.employment}/card`, { token: project.token, baseUrl, json: { card_no: `W${suffix}3` } })).status).toBe(200);
    const commandOf = (device: number) => db('device_commands').where({ device, employment: target.employment, kind: 'user_update' }).orderBy('id', 'desc').first();
    const hikCommand = await waitFor(async () => {
      const row = await commandOf(devices.hik);
      return row?.status === 'error' && row;
    }, 'the Hikvision command to fail', 30_000);
    const uniCommand = await waitFor(async () => {
      const row = await commandOf(devices.uni);
      return row?.status === 'error' && row;
    }, 'the Uniubi command to fail', 30_000);
    expect(hikCommand).toMatchObject({ return_code: 'AUTH', done_at: null });
    expect(hikCommand.error_message).toContain('终端拒绝登录（HTTP 401');
    expect(hikCommand.error_message).toContain('Authentication Error: Access Denied! Authorization required.');
    expect(uniCommand).toMatchObject({ return_code: 'AUTH', done_at: null, error_message: '密码错误' });
    // The terminal that has the right password got it; the others did not change.
    await waitFor(async () => (await commandOf(devices.legacy))?.status === 'done', 'the old-firmware terminal', 30_000);
    expect(legacy.persons.get(target.pin)!.cards).toEqual([`W${suffix}3`]);
    expect(hik.persons.get(target.pin)!.cards).toEqual([]);
    expect(uni.persons.get(target.pin)!.idcardNum).toBe('');
    // One failed login: no hammering that would lock the terminal's user.
    expect(hik.digest.failedLogins - loginsBefore).toBe(1);

    const list = await api('GET', '/platform/devices', { token: project.token, baseUrl });
    const shown = list.body.data.find((d: { id: number }) => d.id === devices.uni);
    expect(shown).toMatchObject({ failed_commands: 1, last_failure: '密码错误' });
  });

  test('correcting the password delivers what failed', async () => {
    expect((await api('PATCH', `/items/devices/${devices.hik}`, { token: bureau, baseUrl, json: { api_password: HIK_PASSWORD } })).status).toBe(200);
    expect((await api('PATCH', `/items/devices/${devices.uni}`, { token: bureau, baseUrl, json: { api_password: UNI_PASSWORD } })).status).toBe(200);
    await waitFor(async () => (await holdsExactly(await onSitePeople(db, project.id))) && (await allDone()), 'the corrected delivery', 30_000);
    const list = await api('GET', '/platform/devices', { token: project.token, baseUrl });
    expect(list.body.data.find((d: { id: number }) => d.id === devices.uni)).toMatchObject({ failed_commands: 0, pending_commands: 0 });
  });

  test('a terminal that is down is retried with a growing backoff and catches up when it is back', async () => {
    await hik.down();
    const people = await onSitePeople(db, project.id);
    const leaving = people[4]!;
    expect((await api('POST', `/platform/people/${leaving.employment}/exit`, { token: project.token, baseUrl, json: { exit_date: today } })).status).toBe(200);
    const command = () => db('device_commands').where({ device: devices.hik, employment: leaving.employment, kind: 'user_delete' }).first();
    const retried = await waitFor(async () => {
      const row = await command();
      return row?.status === 'failed' && Number(row.attempts) >= 2 && row;
    }, 'two failed deliveries', 30_000);
    expect(retried.return_code).toMatch(/UNREACHABLE|TIMEOUT/);
    expect(retried.error_message).toContain('无法连接终端');
    // Backoff: 1 s after the first failure, 2 s after the second.
    expect(Number(retried.next_attempt_at) - Number(retried.sent_at)).toBeGreaterThanOrEqual(1_500);
    const shown = (await api('GET', '/platform/devices', { token: project.token, baseUrl })).body.data.find((d: { id: number }) => d.id === devices.hik);
    expect(shown.pending_commands).toBeGreaterThan(0);
    expect(shown.last_retry_reason).toContain('无法连接终端');

    await hik.start();
    await waitFor(async () => (await command())?.status === 'done', 'the delivery after the terminal came back', 30_000);
    expect(hik.persons.has(leaving.pin)).toBe(false);
  });

  test('a terminal that stays down: 下发失败 after the last attempt, delivered once its settings are saved again', async () => {
    await uni.down();
    const people = await onSitePeople(db, project.id);
    const target = people[1]!;
    expect((await api('PUT', `/platform/people/${target.employment}/card`, { token: project.token, baseUrl, json: { card_no: `D${suffix}1` } })).status).toBe(200);
    const command = () => db('device_commands').where({ device: devices.uni, employment: target.employment, kind: 'user_update' }).orderBy('id', 'desc').first();
    const failed = await waitFor(async () => {
      const row = await command();
      return row?.status === 'error' && row;
    }, '下发失败 after 4 attempts', 60_000);
    expect(Number(failed.attempts)).toBe(4);
    expect(failed.error_message).toContain('无法连接终端');
    await uni.start();
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect((await command()).status).toBe('error');
    expect((await api('PATCH', `/items/devices/${devices.uni}`, { token: bureau, baseUrl, json: { api_url: uni.url } })).status).toBe(200);
    await waitFor(async () => (await command())?.status === 'done', 'the delivery after the settings were saved', 30_000);
    expect(uni.persons.get(target.pin)!.idcardNum).toBe(`D${suffix}1`);
  });
});

describe('a terminal moved to another project', () => {
  test('forgets the first project\'s people and holds exactly the new project\'s', async () => {
    const other = await createApprovedProject('人脸机搬迁', baseUrl);
    const otherTeam = await insertTeam(db, other.id);
    await insertOnSite(db, other.id, otherTeam, { count: 3, namePrefix: '搬迁' });
    const expected = await onSitePeople(db, other.id);
    expect((await api('PATCH', `/items/devices/${devices.legacy}`, { token: bureau, baseUrl, json: { project: other.id } })).status).toBe(200);
    await waitFor(async () => {
      const pins = [...legacy.persons.keys()].sort().join();
      return pins === expected.map((p) => p.pin).sort().join() && expected.every((p) => legacy.persons.get(p.pin)!.name === p.name) && (await allDone());
    }, 'the moved terminal to hold the new project only', 60_000);
  });
});

describe('the delivery job', () => {
  test('runs each tick once, under the lease, and says so in platform_jobs', async () => {
    const row = await db('platform_jobs').where({ name: 'device-delivery' }).first();
    const state = JSON.parse(row.state);
    expect(state.ranBy).toMatch(/:\d+:/);
    // Ticks are the scheduled times (epoch ms) on the 1-second grid, as jobs/schedule-leased-job.ts
    // gives them, and the lease row's last_tick is the newest one run (what stops a second replica).
    expect(Math.abs(state.tick - Date.now())).toBeLessThan(30_000);
    expect(state.tick % 1000).toBe(0);
    expect(Number(row.last_tick)).toBeGreaterThanOrEqual(state.tick);
    const ticks: number[] = state.recent.map((r: { tick: number }) => r.tick);
    expect(ticks.length).toBeGreaterThan(5);
    expect(new Set(ticks).size).toBe(ticks.length);
    expect([...ticks].sort((a, b) => a - b)).toEqual(ticks);
  });

  test('project staff see only their own devices', async () => {
    const other = DEMO_LOGINS.projects[1]!;
    const token = await login(accountToEmail(other.account), other.password, baseUrl);
    const list = await api('GET', '/platform/devices', { token, baseUrl });
    expect(list.status).toBe(200);
    expect(list.body.data.length).toBeGreaterThan(0);
    expect(list.body.data.map((d: { id: number }) => d.id)).not.toContain(devices.hik);
  });
});

describe('the passwords stay secret', () => {
  test('never in the server log, revisions or activity', async () => {
    const log = readFileSync(platform.logFile!, 'utf8');
    // The log is there and detailed (debug), and it did record deliveries.
    expect(log).toMatch(/job device-delivery tick \S+: ran \(\d+ terminals, [1-9]\d* done/);
    for (const secret of [HIK_PASSWORD, UNI_PASSWORD]) {
      expect(log).not.toContain(secret);
      const revisions = await db('directus_revisions').where({ collection: 'devices' }).whereIn('item', Object.values(devices).map(String));
      expect(revisions.length).toBeGreaterThan(3);
      expect(JSON.stringify(revisions)).not.toContain(secret);
      expect(JSON.stringify(await db('directus_activity').where({ collection: 'devices' }))).not.toContain(secret);
    }
  });
});
