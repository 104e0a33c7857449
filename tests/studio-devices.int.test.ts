/**
 * Devices in the studio: bureau staff bind devices (project, status, direction, name) and set their
 * access (key, allow-list) but cannot write what the device reports (最后在线, stamps, errors, clock
 * flag, handshake address) — the model's readonly fields, refused generically — and every change
 * they make is in the audit log with before and after, a key only as 已设置, never its value.
 */
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { SECRET_IN_AUDIT } from '../extensions/platform/src/audit/write-audit';
import { ZkTerminal } from '../scripts/lib/devices.ts';
import { DEMO_LOGINS } from '../seeds/demo-logins';
import { countRows, openDatabase } from './support/db';
import { api, errorOf, login } from './support/http';

describe('devices edited in the studio', () => {
  let db: Knex;
  let bureau: string;
  let bureauId: string;
  let device: { id: number; last_seen_at: unknown; name: string | null; project: number | null };

  beforeAll(async () => {
    db = openDatabase(inject('platformEnv'));
    bureau = await login(DEMO_LOGINS.bureau.email, DEMO_LOGINS.bureau.password);
    bureauId = (await api('GET', '/users/me?fields=id', { token: bureau })).body.data.id;
    device = await db('devices').whereNotNull('project').orderBy('id').first('id', 'last_seen_at', 'name', 'project');
  });
  afterAll(() => db.destroy());

  test.each([
    ['最后在线', { last_seen_at: new Date().toISOString() }, 'last_seen_at'],
    ['最后IP', { last_ip: '10.0.0.9' }, 'last_ip'],
    ['ATTLOG 戳', { attlog_stamp: '9999' }, 'attlog_stamp'],
    ['设备时间异常 (cleared by hand)', { clock_error_at: null }, 'clock_error_at'],
    ['绑定时间', { bound_at: '2020-01-01T00:00:00.000Z' }, 'bound_at'],
    ['认证来源地址 (the handshake address)', { auth_ip: '198.51.100.7' }, 'auth_ip'],
    ['a binding field together with a machine field', { name: '伪造在线', last_seen_at: new Date().toISOString() }, 'last_seen_at'],
  ])('writing %s is refused (403) and changes nothing', async (_case, payload, field) => {
    const before = await db('devices').where({ id: device.id }).first();
    const audit = await countRows(db, 'audit_log');
    const response = await api('PATCH', `/items/devices/${device.id}`, { token: bureau, json: payload });
    expect(response.status).toBe(403);
    expect(errorOf(response.body)).toMatchObject({ code: 'PLATFORM_FORBIDDEN', rule: 'READONLY_FIELD', field });
    expect(errorOf(response.body).message).toMatch(/由系统写入，不能修改$/);
    expect(await db('devices').where({ id: device.id }).first()).toEqual(before);
    expect(await countRows(db, 'audit_log')).toBe(audit);
  });

  test('a new device cannot be created already "online"', async () => {
    const response = await api('POST', '/items/devices', { token: bureau, json: { sn: `FAKE${Date.now()}`, protocol: 'zkteco', last_seen_at: new Date().toISOString() } });
    expect(response.status).toBe(403);
    expect(errorOf(response.body).rule).toBe('READONLY_FIELD');
  });

  test('binding fields change, audited with before and after; registering a device is audited too', async () => {
    const changed = await api('PATCH', `/items/devices/${device.id}`, { token: bureau, json: { name: '东大门进场闸机（新）', direction: 'in' } });
    expect(changed.status).toBe(200);
    const row = await db('audit_log').where({ action: 'record.update', collection: 'devices', item: String(device.id) }).orderBy('id', 'desc').first();
    expect(row).toMatchObject({ actor: bureauId, actor_kind: 'user', project: device.project });
    expect(JSON.parse(row.before)).toMatchObject({ name: device.name });
    expect(JSON.parse(row.after)).toEqual({ name: '东大门进场闸机（新）', direction: 'in' });

    const sn = `NEW${Date.now()}`;
    const created = await api('POST', '/items/devices', { token: bureau, json: { sn, protocol: 'zkteco', name: '临时设备' } });
    expect(created.status).toBe(200);
    const id = created.body.data.id;
    const registered = await db('audit_log').where({ action: 'record.create', collection: 'devices', item: String(id) }).first();
    expect(JSON.parse(registered.after)).toMatchObject({ sn, protocol: 'zkteco', name: '临时设备' });
  });

  test('a key and an allow-list set by the bureau: audited without the key, never read back or revealed, and the terminal authenticates with them', async () => {
    const sn = `ZKS${Date.now()}`;
    const key = `Studio.Key-${Date.now().toString(36)}`;
    const created = await api('POST', '/items/devices', { token: bureau, json: { sn, protocol: 'zkteco', name: '西门进场闸机' } });
    expect(created.status).toBe(200);
    const id = Number(created.body.data.id);

    const set = await api('PATCH', `/items/devices/${id}`, { token: bureau, json: { auth_secret: key, allowed_ips: '223.85.10.0/24', project: device.project, status: 'active' } });
    expect(set.status).toBe(200);
    expect(set.body.data.auth_secret).toBe('**********');
    expect((await api('GET', `/items/devices/${id}?fields=auth_secret,allowed_ips`, { token: bureau })).body.data).toEqual({ auth_secret: '**********', allowed_ips: '223.85.10.0/24' });
    const row = await db('audit_log').where({ action: 'record.update', collection: 'devices', item: String(id) }).orderBy('id', 'desc').first();
    expect(row).toMatchObject({ actor: bureauId, actor_kind: 'user', project: device.project });
    expect(JSON.parse(row.before)).toMatchObject({ auth_secret: null, allowed_ips: null, status: 'pending' });
    expect(JSON.parse(row.after)).toEqual({ auth_secret: SECRET_IN_AUDIT, allowed_ips: '223.85.10.0/24', project: device.project, status: 'active' });
    const leaked = await db('audit_log').where('before', 'like', `%${key}%`).orWhere('after', 'like', `%${key}%`).orWhere('note', 'like', `%${key}%`);
    expect(leaked).toEqual([]);

    // 查看完整信息 has nothing to show on a device: its key is revealed to nobody.
    const reveal = await api('POST', '/platform/studio/reveal', { token: bureau, json: { collection: 'devices', id, reason: '核对设备密钥' } });
    expect(reveal.status).toBe(400);
    expect(errorOf(reveal.body).rule).toBe('NO_PERSONAL_DATA');
    expect(JSON.stringify(reveal.body)).not.toContain(key);

    // The device itself writes its machine fields once it proves itself from an allowed address.
    expect((await new ZkTerminal(inject('baseUrl'), sn, { secret: key, forwardedFor: '198.51.100.7' }).handshake()).status).toBe(401);
    expect((await new ZkTerminal(inject('baseUrl'), sn, { secret: 'Wrong.Key-0000', forwardedFor: '223.85.10.4' }).handshake()).status).toBe(401);
    expect((await new ZkTerminal(inject('baseUrl'), sn, { secret: key, forwardedFor: '223.85.10.4' }).handshake()).status).toBe(200);
    expect(await db('devices').where({ id }).first('last_ip', 'auth_ip')).toEqual({ last_ip: '223.85.10.4', auth_ip: '223.85.10.4' });
    expect((await db('devices').where({ id }).first('last_seen_at')).last_seen_at).not.toBeNull();
  });
});
