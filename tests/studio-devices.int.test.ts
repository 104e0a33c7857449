/**
 * Devices in the studio: bureau staff bind devices (project, status, direction, name) but cannot
 * write what the device reports (最后在线, stamps, errors) — the model's readonly fields, refused
 * generically — and every change they make is in the audit log with before and after.
 */
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
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

  test('the devices themselves still write their machine fields (heartbeat)', async () => {
    const sn = (await db('devices').where({ id: device.id }).first('sn')).sn;
    const heartbeat = await fetch(`${inject('baseUrl')}/iclock/getrequest?SN=${encodeURIComponent(sn)}`);
    expect(heartbeat.status).toBeLessThan(500);
  });
});
