/**
 * The device doors, tried from the outside: a secret is write-only; knowing a serial number is not
 * enough to read commands or write punches through any protocol's door (wrong or missing secret,
 * another protocol's serial, another address); invented serials cannot flood the registry; punches
 * with impossible times are kept for review while the good lines of the same batch are stored and
 * acknowledged; Hikvision refusals and XML alerts, Uniubi cloud messages and ZKTeco alphanumeric
 * command ids are answered as those vendors' terminals expect. Addresses other than the test's own
 * are played through X-Forwarded-For, which the test platform trusts from loopback (as the
 * production Directus trusts its nginx).
 */
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { dbTimestamp } from '../extensions/platform/src/db/values';
import { attlogLine, hikvisionEvent, hikvisionXml, postHikvision, postUniubi, uniubiForm, ZkTerminal } from '../scripts/lib/devices.ts';
import { demoDeviceSecret } from '../seeds/catalogue';
import { DEMO_LOGINS } from '../seeds/demo-logins';
import { countRows, openDatabase } from './support/db';
import { ADMIN } from './support/fixtures';
import { createApprovedProject, type FreshProject } from './support/fresh-project';
import { api, errorOf, login } from './support/http';
import { gatePeople, type GatePerson } from './support/site-fixtures';

const baseUrl = inject('baseUrl');
const suffix = Date.now().toString(36).toUpperCase();
const SITE = '203.0.113.10';
const ATTACKER = '198.51.100.66';
const DAY = 86_400_000;
/** An instant `daysAgo` days and `minutes` minutes after the start of that (UTC) day: inside the plausible window. */
const recent = (daysAgo: number, minutes = 0) => new Date(Math.floor(Date.now() / DAY) * DAY - daysAgo * DAY + minutes * 60_000);

let db: Knex;
let admin: string;
let project: FreshProject;
let people: GatePerson[];

const deviceRow = (sn: string) => db('devices').where({ sn }).first();
const punchesOf = (sn: string) => db('punches').join('devices', 'devices.id', 'punches.device').where('devices.sn', sn).select('punches.*').orderBy('punches.id');
const eventsOf = (sn: string) => db('device_events').where({ sn }).orderBy('id');

/** What a refused call must leave exactly as it was. */
async function footprint(sn: string) {
  const device = await deviceRow(sn);
  return {
    device: device && { last_seen_at: device.last_seen_at, last_ip: device.last_ip, auth_ip: device.auth_ip, auth_at: device.auth_at, attlog_stamp: device.attlog_stamp, clock_error_at: device.clock_error_at, firmware: device.firmware },
    punches: (await punchesOf(sn)).length,
    commands: device ? await db('device_commands').where({ device: device.id }).orderBy('id').select('status', 'attempts', 'sent_at') : [],
  };
}

/** Binds a registered device to the test project the way staff do (admin PATCH). */
async function bind(sn: string, settings: Record<string, unknown>): Promise<number> {
  const device = await deviceRow(sn);
  const reply = await api('PATCH', `/items/devices/${device.id}`, { token: admin, json: { status: 'active', project: project.id, direction: 'both', ...settings } });
  expect(reply.status).toBe(200);
  return Number(device.id);
}

/** Forgets last-seen, so a call that writes it shows (an admin save makes the server re-read the row). */
async function clearLastSeen(sn: string): Promise<void> {
  const device = await deviceRow(sn);
  await db('devices').where({ id: device.id }).update({ last_seen_at: null, last_ip: null });
  await api('PATCH', `/items/devices/${device.id}`, { token: admin, json: { name: `门禁 ${sn.slice(-4)}` } });
}

beforeAll(async () => {
  db = openDatabase(inject('platformEnv'));
  admin = await login(ADMIN.email, ADMIN.password);
  project = await createApprovedProject('设备认证测试');
  people = await gatePeople(db, project.id, 4, '门禁', `D${suffix}`);
});

afterAll(async () => {
  await db.destroy();
});

describe('a device secret is write-only', () => {
  const sn = `SECRET${suffix}`;
  const plain = 'Plain-Secret-42';
  let id: number;

  test('it is stored encrypted and every read shows **********: REST, GraphQL, export, bureau staff', async () => {
    const created = await api('POST', '/items/devices', { token: admin, json: { sn, protocol: 'uniubi', direction: 'both', status: 'pending', auth_secret: plain, allowed_ips: '203.0.113.0/24' } });
    expect(created.status).toBe(200);
    id = Number(created.body.data.id);
    expect(created.body.data.auth_secret).toBe('**********');
    const stored = await db('devices').where({ id }).first('auth_secret');
    expect(stored.auth_secret).not.toContain(plain);
    expect(stored.auth_secret).toMatch(/^1\|\|scrypt\|\|/);

    const bureau = await login(DEMO_LOGINS.bureau.email, DEMO_LOGINS.bureau.password);
    for (const token of [admin, bureau]) {
      const read = await api('GET', `/items/devices/${id}?fields=sn,auth_secret,allowed_ips`, { token });
      expect(read.status).toBe(200);
      expect(read.body.data).toMatchObject({ sn, auth_secret: '**********', allowed_ips: '203.0.113.0/24' });
      const graphql = await api('POST', '/graphql', { token, json: { query: `{ devices_by_id(id: ${id}) { sn auth_secret } }` } });
      expect(JSON.stringify(graphql.body)).toContain('**********');
      expect(JSON.stringify(graphql.body)).not.toContain(plain);
      const exported = await fetch(`${baseUrl}/items/devices?filter[id][_eq]=${id}&export=csv`, { headers: { authorization: `Bearer ${token}` } });
      const csv = await exported.text();
      expect(csv).toContain(sn);
      expect(csv).not.toContain(plain);
    }
  });

  test('changing it leaves no clear text in revisions or activity; the masked value sent back changes nothing', async () => {
    const second = 'Second-Secret-7';
    expect((await api('PATCH', `/items/devices/${id}`, { token: admin, json: { auth_secret: second, name: '南门' } })).status).toBe(200);
    const cipher = (await db('devices').where({ id }).first('auth_secret')).auth_secret;
    // A client that saves the whole item it read sends the mask back: the stored secret stays.
    expect((await api('PATCH', `/items/devices/${id}`, { token: admin, json: { auth_secret: '**********', name: '南门人脸机' } })).status).toBe(200);
    expect((await db('devices').where({ id }).first('auth_secret')).auth_secret).toBe(cipher);
    const revisions = await db('directus_revisions').where({ collection: 'devices', item: String(id) });
    expect(revisions.length).toBeGreaterThanOrEqual(3);
    const activity = await db('directus_activity').where({ collection: 'devices', item: String(id) });
    for (const text of [JSON.stringify(revisions), JSON.stringify(activity)]) {
      expect(text).not.toContain(plain);
      expect(text).not.toContain(second);
    }
  });

  test.each([
    ['a secret too short', { auth_secret: 'short' }, 'DEVICE_SECRET_INVALID'],
    ['a secret with spaces', { auth_secret: 'has spaces in it' }, 'DEVICE_SECRET_INVALID'],
    ['an address that is none', { allowed_ips: '203.0.113.0/24\nexample.com' }, 'ALLOWED_IPS_INVALID'],
  ])('refuses %s', async (_label, json, rule) => {
    const reply = await api('PATCH', `/items/devices/${id}`, { token: admin, json });
    expect(reply.status).toBe(400);
    expect(errorOf(reply.body).rule).toBe(rule);
  });

  test('a device is not activated without a secret or an allow-list', async () => {
    const bare = await api('POST', '/items/devices', { token: admin, json: { sn: `BARE${suffix}`, protocol: 'zkteco', direction: 'both', status: 'pending' } });
    const reply = await api('PATCH', `/items/devices/${bare.body.data.id}`, { token: admin, json: { status: 'active', project: project.id } });
    expect(reply.status).toBe(400);
    expect(errorOf(reply.body)).toMatchObject({ rule: 'DEVICE_CREDENTIALS_REQUIRED', field: 'auth_secret' });
    expect((await db('devices').where({ id: bare.body.data.id }).first('status')).status).toBe('pending');
  });

  test('a device made active without credentials behind the studio\'s back is refused at its door', async () => {
    const sn = `LEGACY${suffix}`;
    const terminal = new ZkTerminal(baseUrl, sn, { forwardedFor: SITE });
    await terminal.handshake();
    await db('devices').where({ sn }).update({ status: 'active', project: project.id, last_seen_at: null });
    // No studio save (it would refuse this device): the server re-reads the row when its cache runs out.
    await new Promise((r) => setTimeout(r, 3_100));
    const before = await footprint(sn);
    const reply = await terminal.upload([attlogLine(people[0]!.pin, recent(1, 480))], 1);
    expect(reply.status).toBe(401);
    expect(errorOf(JSON.parse(reply.text))).toMatchObject({ code: 'PLATFORM_DEVICE_UNAUTHORIZED', rule: 'DEVICE_NO_CREDENTIALS' });
    expect(await footprint(sn)).toEqual(before);
  });
});

describe('ZKTeco: the communication key on the handshake admits one address', () => {
  const sn = `ZKAUTH${suffix}`;
  const key = 'Zk-Door-Key-01';
  const site = new ZkTerminal(baseUrl, sn, { secret: key, forwardedFor: SITE });
  const wrongKey = new ZkTerminal(baseUrl, sn, { secret: 'Zk-Door-Key-02', forwardedFor: ATTACKER });
  const noKey = new ZkTerminal(baseUrl, sn, { forwardedFor: ATTACKER });

  beforeAll(async () => {
    expect((await site.handshake()).status).toBe(200);
    await bind(sn, { auth_secret: key });
    // Binding queued everyone on site for the terminal: commands an outsider must not drain.
    expect((await db('device_commands').join('devices', 'devices.id', 'device_commands.device').where('devices.sn', sn).count({ n: '*' }))[0]?.['n']).toBe(people.length);
    await clearLastSeen(sn);
  });

  test('a handshake with a wrong or no key, and every other call from an address that did not hand it in, changes nothing', async () => {
    const before = await footprint(sn);
    expect(before.commands.every((c: { status: string }) => c.status === 'pending')).toBe(true);
    for (const outsider of [wrongKey, noKey]) {
      const handshake = await outsider.handshake();
      expect(handshake.status).toBe(401);
      expect(handshake.firstLine).not.toContain('GET OPTION FROM');
      const poll = await outsider.poll();
      expect(poll.status).toBe(401);
      expect(poll.commands).toEqual([]);
      expect((await outsider.upload([attlogLine(people[0]!.pin, recent(1, 420))], 50)).status).toBe(401);
      expect((await outsider.ping()).status).toBe(401);
      expect((await outsider.ack([{ id: 1, returnCode: 0 }])).status).toBe(401);
    }
    // The site's own address without a keyed handshake (its session was never opened) is no better.
    expect((await site.poll()).status).toBe(401);
    expect(await footprint(sn)).toEqual(before);
    // The attempts are counted in the device event log, not one row per request.
    const failures = (await eventsOf(sn)).filter((e) => e.kind === 'auth_failed');
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every((e) => Number(e.count) >= 1)).toBe(true);
    expect(failures.map((e) => e.source_ip)).toContain(ATTACKER);
  });

  test('the terminal with its key gets its commands and uploads from its address', async () => {
    expect((await site.handshake()).status).toBe(200);
    const device = await deviceRow(sn);
    expect(device).toMatchObject({ auth_ip: SITE, last_ip: SITE });
    const { status, commands } = await site.poll();
    expect(status).toBe(200);
    expect(commands).toHaveLength(people.length);
    expect((await site.upload([attlogLine(people[0]!.pin, recent(1, 425))], 1)).text).toBe('OK: 1');
    expect(await punchesOf(sn)).toHaveLength(1);
  });

  test('the admitted address must still be the caller: another address with the serial is refused', async () => {
    const impostor = new ZkTerminal(baseUrl, sn, { forwardedFor: ATTACKER });
    const before = await footprint(sn);
    expect((await impostor.upload([attlogLine(people[1]!.pin, recent(1, 430))], 2)).status).toBe(401);
    expect((await impostor.poll()).status).toBe(401);
    expect(await footprint(sn)).toEqual(before);
  });

  test('a session that ran out needs a new keyed handshake, as the terminal does after any error', async () => {
    const device = await deviceRow(sn);
    await db('devices').where({ id: device.id }).update({ auth_at: dbTimestamp(db, new Date(Date.now() - 25 * 3_600_000)) });
    await api('PATCH', `/items/devices/${device.id}`, { token: admin, json: { name: '会话测试' } });
    expect((await site.upload([attlogLine(people[1]!.pin, recent(1, 435))], 2)).status).toBe(401);
    expect((await site.handshake()).status).toBe(200);
    expect((await site.upload([attlogLine(people[1]!.pin, recent(1, 435))], 2)).text).toBe('OK: 1');
  });

  test('an allow-list refuses other addresses even with the key', async () => {
    const device = await deviceRow(sn);
    await api('PATCH', `/items/devices/${device.id}`, { token: admin, json: { allowed_ips: '203.0.113.0/28' } });
    const elsewhere = new ZkTerminal(baseUrl, sn, { secret: key, forwardedFor: '203.0.113.99' });
    expect((await elsewhere.handshake()).status).toBe(401);
    expect((await site.handshake()).status).toBe(200);
    await api('PATCH', `/items/devices/${device.id}`, { token: admin, json: { allowed_ips: null } });
  });
});

describe("another protocol's serial opens nothing", () => {
  const uniubiSn = `UNIDOOR${suffix}`;
  const uniubiKey = 'Uni-Door-Key-01';

  beforeAll(async () => {
    await postUniubi(baseUrl, { deviceKey: uniubiSn, time: String(Date.now()) }, '/uniubi/heartbeat', { secret: uniubiKey });
    await bind(uniubiSn, { auth_secret: uniubiKey });
    await clearLastSeen(uniubiSn);
  });

  test('GET /iclock/getrequest with a Uniubi serial hands out nothing and marks nothing sent', async () => {
    const before = await footprint(uniubiSn);
    expect(before.commands).toHaveLength(people.length);
    for (const setup of [{}, { forwardedFor: SITE }, { secret: uniubiKey }]) {
      const terminal = new ZkTerminal(baseUrl, uniubiSn, setup);
      expect((await terminal.handshake()).status).toBe(401);
      const poll = await terminal.poll();
      expect(poll.status).toBe(401);
      expect(poll.commands).toEqual([]);
      expect((await terminal.ping()).status).toBe(401);
      expect((await terminal.upload([attlogLine(people[0]!.pin, recent(1, 300))], 1)).status).toBe(401);
    }
    expect(await footprint(uniubiSn)).toEqual(before);
    expect(before.commands.every((c: { status: string; sent_at: unknown }) => c.status === 'pending' && c.sent_at === null)).toBe(true);
  });

  test('a Uniubi serial at the Hikvision door, and a ZKTeco serial at the Uniubi door, are refused with the right secret too', async () => {
    const before = await footprint(uniubiSn);
    const hik = await postHikvision(baseUrl, uniubiSn, hikvisionEvent({ pin: people[0]!.pin, serialNo: 9, at: recent(1, 310) }), 'json', { secret: uniubiKey });
    expect(hik.status).toBe(401);
    expect(errorOf(JSON.parse(hik.text)).rule).toBe('DEVICE_PROTOCOL_MISMATCH');
    expect(await footprint(uniubiSn)).toEqual(before);
    const zkSn = `ZKAUTH${suffix}`;
    const zkBefore = await footprint(zkSn);
    const reply = await postUniubi(baseUrl, uniubiForm({ deviceKey: zkSn, personId: people[0]!.pin, at: recent(1, 311) }), '/uniubi/callback', { secret: 'Zk-Door-Key-01' });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.text)).not.toMatchObject({ success: true });
    expect(await footprint(zkSn)).toEqual(zkBefore);
  });
});

describe('Uniubi and Hikvision: the secret in the callback URL, or Hikvision digest authentication', () => {
  const uniubiSn = `UNIDOOR${suffix}`;
  const hikSn = `DS-K1T671MDOOR${suffix}`;
  const hikKey = 'Hik-Door-Key-01';

  beforeAll(async () => {
    await postHikvision(baseUrl, hikSn, { eventType: 'heartBeat', dateTime: new Date().toISOString() }, 'json');
    await bind(hikSn, { auth_secret: hikKey });
  });

  test('Uniubi: no key or a wrong key is not acknowledged and changes nothing; the right key stores the punch', async () => {
    await clearLastSeen(uniubiSn);
    const form = uniubiForm({ deviceKey: uniubiSn, personId: people[0]!.pin, at: recent(1, 480) });
    const before = await footprint(uniubiSn);
    for (const setup of [{}, { secret: 'Uni-Door-Key-99' }]) {
      const reply = await postUniubi(baseUrl, form, '/uniubi/callback', setup);
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.text)).not.toMatchObject({ success: true });
      expect((await postUniubi(baseUrl, { deviceKey: uniubiSn, time: String(Date.now()) }, '/uniubi/heartbeat', setup)).status).toBe(401);
    }
    expect(await footprint(uniubiSn)).toEqual(before);
    const reply = await postUniubi(baseUrl, form, '/uniubi/callback', { secret: 'Uni-Door-Key-01' });
    expect(JSON.parse(reply.text)).toEqual({ result: 1, success: true });
    expect(await punchesOf(uniubiSn)).toHaveLength(1);
    expect((await deviceRow(uniubiSn)).last_seen_at).not.toBeNull();
    // `?key=` works as well as the path segment.
    const query = await fetch(`${baseUrl}/uniubi/callback?key=Uni-Door-Key-01`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(uniubiForm({ deviceKey: uniubiSn, personId: people[1]!.pin, at: recent(1, 481) })).toString() });
    expect(await query.json()).toEqual({ result: 1, success: true });
  });

  test('Hikvision: without credentials the answer is a digest challenge, and nothing changes', async () => {
    await clearLastSeen(hikSn);
    const before = await footprint(hikSn);
    const event = hikvisionEvent({ pin: people[0]!.pin, serialNo: 11, at: recent(1, 490) });
    const bare = await postHikvision(baseUrl, hikSn, event);
    expect(bare.status).toBe(401);
    expect(bare.challenge).toMatch(/^Digest realm="realname-platform", qop="auth", algorithm=MD5, nonce="/);
    for (const auth of [{ secret: 'Hik-Door-Key-99' }, { digest: { user: 'platform', password: 'Hik-Door-Key-99' } }]) {
      expect((await postHikvision(baseUrl, hikSn, event, 'multipart', auth)).status).toBe(401);
    }
    const basic = await fetch(`${baseUrl}/isapi/event/${hikSn}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from('platform:wrong-password').toString('base64')}` }, body: JSON.stringify(event) });
    expect(basic.status).toBe(401);
    expect(await footprint(hikSn)).toEqual(before);
  });

  test('Hikvision: the digest password, the basic password or the URL secret', async () => {
    const digest = await postHikvision(baseUrl, hikSn, hikvisionEvent({ pin: people[0]!.pin, serialNo: 12, at: recent(1, 491) }), 'multipart', { digest: { user: 'platform', password: hikKey } });
    expect(digest.status).toBe(200);
    // The terminal reuses the nonce with the next count: no new challenge.
    const again = await postHikvision(baseUrl, hikSn, hikvisionEvent({ pin: people[1]!.pin, serialNo: 13, at: recent(1, 492) }), 'xml', { digest: { user: 'platform', password: hikKey } });
    expect(again.status).toBe(200);
    const basic = await fetch(`${baseUrl}/isapi/event/${hikSn}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`platform:${hikKey}`).toString('base64')}` }, body: JSON.stringify(hikvisionEvent({ pin: people[2]!.pin, serialNo: 14, at: recent(1, 493) })) });
    expect(basic.status).toBe(200);
    expect((await postHikvision(baseUrl, hikSn, hikvisionEvent({ pin: people[3]!.pin, serialNo: 15, at: recent(1, 494) }), 'json', { secret: hikKey })).status).toBe(200);
    expect((await punchesOf(hikSn)).map((p) => p.dedup_key)).toEqual([12, 13, 14, 15].map((n) => `${hikSn}|#${n}`));
  });
});

describe('invented serials cannot flood the registry', () => {
  const address = '203.0.113.200';

  test('one address registers at most PLATFORM_DEVICE_PENDING_PER_ADDRESS pending devices; more are refused, then rate-limited', async () => {
    const devicesBefore = await countRows(db, 'devices');
    const replies: { status: number; rule: string | undefined }[] = [];
    for (let i = 0; i < 45; i += 1) {
      const sn = `FAKE${suffix}${i}`;
      const reply =
        i % 3 === 0
          ? await new ZkTerminal(baseUrl, sn, { forwardedFor: address }).handshake().then((r) => ({ status: r.status, text: '' }))
          : i % 3 === 1
            ? await postUniubi(baseUrl, { deviceKey: sn, time: String(Date.now()) }, '/uniubi/heartbeat', { forwardedFor: address })
            : await postHikvision(baseUrl, sn, { eventType: 'heartBeat', dateTime: new Date().toISOString() }, 'json', { forwardedFor: address });
      replies.push({ status: reply.status, rule: reply.status === 200 || !reply.text ? undefined : errorOf(JSON.parse(reply.text)).rule });
    }
    const registered = await db('devices').where({ last_ip: address, status: 'pending' }).count({ n: '*' });
    expect(Number(registered[0]?.['n'])).toBe(20);
    expect(replies.slice(0, 20).every((r) => r.status === 200)).toBe(true);
    expect(replies.slice(20).every((r) => r.status === 429)).toBe(true);
    expect(new Set(replies.slice(20).map((r) => r.rule).filter(Boolean))).toEqual(new Set(['DEVICE_REGISTRY_FULL', 'DEVICE_UNKNOWN_RATE']));
    expect(await countRows(db, 'devices')).toBe(devicesBefore + 20);
  });

  test('a known device behind the same address is not affected', async () => {
    const known = new ZkTerminal(baseUrl, `FAKE${suffix}0`, { forwardedFor: address });
    expect((await known.handshake()).status).toBe(200);
    expect((await known.poll()).status).toBe(200);
  });

  test('pending devices nobody bound and that went quiet expire', async () => {
    const rows = await db('devices').where({ last_ip: address, status: 'pending' }).pluck('id');
    await db('devices').whereIn('id', rows).update({ last_seen_at: dbTimestamp(db, new Date(Date.now() - 8 * DAY)) });
    const reply = await new ZkTerminal(baseUrl, `FRESH${suffix}`, { forwardedFor: '203.0.113.201' }).handshake();
    expect(reply.status).toBe(200);
    expect(await db('devices').whereIn('id', rows).count({ n: '*' })).toEqual([{ n: 0 }]);
  });
});

describe('punches with impossible times are kept for review, the good lines of the batch are stored', () => {
  const sn = `ZKCLOCK${suffix}`;
  const terminal = new ZkTerminal(baseUrl, sn, { secret: 'Zk-Clock-Key-01', forwardedFor: SITE });

  beforeAll(async () => {
    await terminal.handshake();
    await bind(sn, { auth_secret: 'Zk-Clock-Key-01' });
    await terminal.handshake();
  });

  test('ZKTeco: 2099 and 1970 and a month before binding go to review; the batch is acknowledged whole', async () => {
    const good = [attlogLine(people[0]!.pin, recent(1, 450)), attlogLine(people[1]!.pin, recent(1, 451), 1)];
    const bad = [`${people[2]!.pin}\t2099-12-31 08:00:00\t0\t15\t0\t0\t0`, `${people[3]!.pin}\t1970-01-01 08:00:00\t0\t15\t0\t0\t0`, attlogLine(people[0]!.pin, recent(40))];
    const body = [good[0]!, bad[0]!, good[1]!, bad[1]!, bad[2]!];
    for (let round = 0; round < 2; round += 1) expect(await terminal.upload(body, 5)).toEqual({ status: 200, text: 'OK: 5' });
    expect((await punchesOf(sn)).map((p) => p.raw).sort()).toEqual([...good].sort());
    const reviews = (await eventsOf(sn)).filter((e) => e.kind === 'implausible_time');
    expect(reviews.map((e) => e.raw).sort()).toEqual([...bad].sort());
    expect(reviews.find((e) => e.raw === bad[0])).toMatchObject({ pin: people[2]!.pin, project: project.id, detail: '打卡时间 2099-12-31 08:00 晚于当前时间，设备时钟可能超前' });
    const device = await deviceRow(sn);
    expect(device.clock_error_at).not.toBeNull();
    expect(device.clock_error).toContain('3 条打卡时间不在合理范围');
    expect(device.attlog_stamp).toBe('5');

    const status = await api('GET', '/platform/devices', { token: project.token });
    const shown = status.body.data.find((d: { sn: string }) => d.sn === sn);
    expect(shown).toMatchObject({ clock_error: device.clock_error });
    expect(shown.clock_error_at).not.toBeNull();
    expect(new Date(shown.last_punch_at).getTime()).toBeLessThan(Date.now());
  });

  test('a batch of plausible punches clears the clock flag', async () => {
    expect((await terminal.upload([attlogLine(people[2]!.pin, recent(0, 1))], 6)).text).toBe('OK: 1');
    expect(await deviceRow(sn)).toMatchObject({ clock_error_at: null, clock_error: null });
  });

  test('Uniubi and Hikvision: one impossible punch is acknowledged, not stored, kept for review', async () => {
    const uniubiSn = `UNIDOOR${suffix}`;
    const hikSn = `DS-K1T671MDOOR${suffix}`;
    const future = new Date(Date.UTC(2099, 11, 31));
    const uniubi = await postUniubi(baseUrl, uniubiForm({ deviceKey: uniubiSn, personId: people[0]!.pin, at: future }), '/uniubi/callback', { secret: 'Uni-Door-Key-01' });
    expect(JSON.parse(uniubi.text)).toEqual({ result: 1, success: true });
    const hik = await postHikvision(baseUrl, hikSn, { ...hikvisionEvent({ pin: people[0]!.pin, serialNo: 70, at: recent(1) }), dateTime: '1970-01-01T08:00:00+08:00' }, 'multipart', { secret: 'Hik-Door-Key-01' });
    expect(JSON.parse(hik.text)).toMatchObject({ statusCode: 1, statusString: 'OK' });
    for (const device of [uniubiSn, hikSn]) {
      expect((await punchesOf(device)).some((p) => new Date(Number(p.punched_at) || p.punched_at).getUTCFullYear() !== new Date().getUTCFullYear())).toBe(false);
      expect((await eventsOf(device)).filter((e) => e.kind === 'implausible_time')).toHaveLength(1);
      expect((await deviceRow(device)).clock_error_at).not.toBeNull();
    }
  });
});

describe('Hikvision: refusals, door events and XML alerts', () => {
  const hikSn = `DS-K1T671MDOOR${suffix}`;
  const auth = { secret: 'Hik-Door-Key-01' };

  test('a refused or failed verification carries the worker number but is no punch; its resend is no second row', async () => {
    const before = (await punchesOf(hikSn)).length;
    for (const [serialNo, minor] of [[101, 0x4c], [102, 0x06], [103, 0x09], [104, 0x27], [105, 0x50], [101, 0x4c]] as const) {
      const reply = await postHikvision(baseUrl, hikSn, hikvisionEvent({ pin: people[1]!.pin, serialNo, at: recent(0, 2), minor }), 'multipart', auth);
      expect(JSON.parse(reply.text)).toMatchObject({ statusCode: 1 });
    }
    expect((await punchesOf(hikSn)).length).toBe(before);
    const refused = (await eventsOf(hikSn)).filter((e) => e.kind === 'refused');
    expect(refused.map((e) => e.detail).sort()).toEqual([`人脸认证失败：${people[1]!.pin}`, `人脸识别失败：${people[1]!.pin}`, `无此卡号：${people[1]!.pin}`, `未分配权限：${people[1]!.pin}`, `指纹比对失败：${people[1]!.pin}`].sort());
    expect(refused.every((e) => e.pin === people[1]!.pin && e.project === project.id)).toBe(true);
  });

  test('routine door events are counted in one row a day; tamper and remote opening are kept one by one', async () => {
    for (let i = 0; i < 5; i += 1) await postHikvision(baseUrl, hikSn, hikvisionEvent({ serialNo: 200 + i, at: recent(0, 3), minor: 0x19 }), 'json', auth);
    await postHikvision(baseUrl, hikSn, hikvisionEvent({ serialNo: 210, at: recent(0, 4), major: 1, minor: 0x404 }), 'xml', auth);
    await postHikvision(baseUrl, hikSn, hikvisionEvent({ serialNo: 211, at: recent(0, 5), major: 3, minor: 0x400 }), 'xml', auth);
    const events = await eventsOf(hikSn);
    const door = events.filter((e) => e.kind === 'door');
    expect(door).toHaveLength(1);
    expect(Number(door[0].count)).toBe(5);
    expect(events.find((e) => e.kind === 'alarm')).toMatchObject({ detail: '设备防拆报警', count: 1 });
    expect(events.find((e) => e.kind === 'remote')).toMatchObject({ detail: '远程开门' });
  });

  test('an EventNotificationAlert XML body, plain or as a multipart part, is a punch', async () => {
    const xml = hikvisionXml(hikvisionEvent({ pin: people[2]!.pin, serialNo: 300, at: recent(0, 6), attendanceStatus: 'checkOut' }));
    const plain = await fetch(`${baseUrl}/isapi/event/${hikSn}/${auth.secret}`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: xml });
    expect(await plain.json()).toMatchObject({ statusCode: 1, statusString: 'OK' });
    await postHikvision(baseUrl, hikSn, hikvisionEvent({ cardNo: people[3]!.card, serialNo: 301, at: recent(0, 7) }), 'multipart-xml', auth);
    const stored = await punchesOf(hikSn);
    expect(stored.find((p) => p.dedup_key === `${hikSn}|#300`)).toMatchObject({ employment: people[2]!.employment, direction: 'out', verify_mode: '15' });
    expect(stored.find((p) => p.dedup_key === `${hikSn}|#301`)).toMatchObject({ employment: people[3]!.employment, verify_mode: '3' });
  });
});

describe("Uniubi cloud messages: the enrolled number, never the cloud's row id", () => {
  const uniubiSn = `UNIDOOR${suffix}`;
  const key = { secret: 'Uni-Door-Key-01' };

  test('empNo names the worker even when personId is another worker\'s number', async () => {
    const at = recent(0, 10);
    const body = { msgId: `m-${suffix}`, type: 'recognition', content: { deviceKey: uniubiSn, personId: people[3]!.pin, admitGuid: 'a8d1f0c2e37b4c6d', empNo: people[2]!.pin, showTime: at.toISOString().replace('.000Z', '+0000'), recMode: 1, type: 1 } };
    const reply = await api('POST', `/uniubi/callback/${key.secret}`, { json: body });
    expect(reply.body).toEqual({ result: 1, success: true });
    const stored = (await punchesOf(uniubiSn)).filter((p) => new Date(Number(p.punched_at) || p.punched_at).getTime() === at.getTime());
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ employment: people[2]!.employment, device_pin: people[2]!.pin });
  });

  test('a cloud message without empNo is not filed under its personId', async () => {
    const before = (await punchesOf(uniubiSn)).length;
    const form = { deviceKey: uniubiSn, personGuid: 'F3A1C5E7B9D24F6A8C0E2B4D6F8A0C1E', personId: people[3]!.pin, showTime: String(recent(0, 11).getTime()), type: '1', recMode: '1', aliveType: '1' };
    const reply = await postUniubi(baseUrl, form, '/uniubi/callback', key);
    expect(JSON.parse(reply.text)).toEqual({ result: 1, success: true });
    expect((await punchesOf(uniubiSn)).length).toBe(before);
    expect((await eventsOf(uniubiSn)).filter((e) => e.kind === 'unattributed')).toHaveLength(1);
  });
});

describe('ZKTeco command results with alphanumeric ids', () => {
  const sn = `ZKAUTH${suffix}`;
  const site = new ZkTerminal(baseUrl, sn, { secret: 'Zk-Door-Key-01', forwardedFor: SITE });

  test('are answered OK; ids the platform gave are recorded, others change nothing', async () => {
    await site.handshake();
    const device = await deviceRow(sn);
    const sent = await db('device_commands').where({ device: device.id, status: 'sent' }).orderBy('id').first('id');
    const reply = await site.ack([
      { id: 'info20261205A', returnCode: 0, cmd: 'INFO' },
      { id: 'ABCDEFGHIJ123456', returnCode: -22, cmd: 'UNKNOWN CMD' },
      { id: Number(sent.id), returnCode: 0 },
    ]);
    expect(reply.status).toBe(200);
    expect(reply.text.startsWith('OK')).toBe(true);
    expect(await db('device_commands').where({ id: sent.id }).first('status')).toEqual({ status: 'done' });
    // A result file of nothing the platform can read is acknowledged too: the terminal could only resend it forever.
    const junk = await fetch(`${baseUrl}/iclock/devicecmd?SN=${sn}`, { method: 'POST', headers: { 'x-forwarded-for': SITE }, body: 'ID=&Return=x\nhello\n' });
    expect(junk.status).toBe(200);
    expect(await junk.text()).toMatch(/^OK/);
  });
});

describe('the demo city terminals authenticate with their published secrets', () => {
  test('ZKTeco, Uniubi and Hikvision demo devices are admitted with `demoDeviceSecret`, refused without', async () => {
    const zk = await db('devices').where({ sn: 'CJDE20230417' }).first('auth_secret');
    expect(zk.auth_secret).toMatch(/^1\|\|scrypt\|\|/);
    expect((await new ZkTerminal(baseUrl, 'CJDE20230417', { secret: demoDeviceSecret('CJDE20230417') }).handshake()).status).toBe(200);
    expect((await new ZkTerminal(baseUrl, 'CJDE20230417', { secret: 'Demo-00000000', forwardedFor: ATTACKER }).handshake()).status).toBe(401);
    const uniubi = 'UNI84E0F42B7C15';
    expect(JSON.parse((await postUniubi(baseUrl, { deviceKey: uniubi, time: String(Date.now()) }, '/uniubi/heartbeat', { secret: demoDeviceSecret(uniubi) })).text)).toEqual({ result: 1, success: true });
    expect((await postUniubi(baseUrl, { deviceKey: uniubi, time: String(Date.now()) }, '/uniubi/heartbeat')).status).toBe(401);
    const hik = 'DS-K1T671M20231108AAWRJ87451236';
    const heartbeat = { eventType: 'heartBeat', dateTime: new Date().toISOString() };
    expect((await postHikvision(baseUrl, hik, heartbeat, 'json', { digest: { user: 'platform', password: demoDeviceSecret(hik) } })).status).toBe(200);
    expect((await postHikvision(baseUrl, hik, heartbeat, 'json')).status).toBe(401);
  });
});
