import { beforeAll, describe, expect, test } from 'vitest';
import { COLLECTIONS } from '../schema/model';
import { DEMO_LOGINS } from '../seeds/demo-logins';
import { ADMIN } from './support/fixtures';
import { api, errorOf, login } from './support/http';

describe('bureau staff in the studio', () => {
  let bureau: string;
  let admin: string;
  let punchId: number;
  let auditId: number;
  beforeAll(async () => {
    bureau = await login(DEMO_LOGINS.bureau.email, DEMO_LOGINS.bureau.password);
    admin = await login(ADMIN.email, ADMIN.password);
    punchId = (await api('GET', '/items/punches?limit=1&fields=id', { token: admin })).body.data[0].id;
    auditId = (await api('GET', '/items/audit_log?limit=1&fields=id', { token: admin })).body.data[0].id;
  });

  test('read every collection of every project', async () => {
    for (const { collection } of COLLECTIONS) {
      const { status, body } = await api('GET', `/items/${collection}?limit=1`, { token: bureau });
      expect(status, collection).toBe(200);
      expect(Array.isArray(body.data), collection).toBe(true);
    }
    const projects = await api('GET', '/items/projects?fields=id&limit=-1', { token: bureau });
    expect(projects.body.data.length).toBeGreaterThanOrEqual(4);
  });

  test('decide through flows only: no direct edits of declarations', async () => {
    const project = (await api('GET', '/items/projects?limit=1&fields=id', { token: bureau })).body.data[0].id;
    expect((await api('PATCH', `/items/projects/${project}`, { token: bureau, json: { status: 'approved' } })).status).toBe(403);
  });

  test('cannot delete punches or the audit log', async () => {
    // Refused by the append-only guard (409) before the permission check would say 403.
    const refused = [403, 409];
    expect(refused).toContain((await api('DELETE', `/items/punches/${punchId}`, { token: bureau })).status);
    expect(refused).toContain((await api('DELETE', `/items/audit_log/${auditId}`, { token: bureau })).status);
    expect(refused).toContain((await api('PATCH', `/items/audit_log/${auditId}`, { token: bureau, json: { note: 'x' } })).status);
    expect((await api('GET', `/items/punches/${punchId}`, { token: bureau })).status).toBe(200);
    expect((await api('GET', `/items/audit_log/${auditId}?fields=note`, { token: bureau })).body.data.note).not.toBe('x');
  });

  test('punches and the audit log are append-only even for administrators', async () => {
    const deletePunch = await api('DELETE', `/items/punches/${punchId}`, { token: admin });
    expect(deletePunch.status).toBe(409);
    expect(errorOf(deletePunch.body)).toMatchObject({ code: 'PLATFORM_STATE_CONFLICT', message: '打卡记录只能新增，不能修改或删除' });
    expect((await api('PATCH', `/items/audit_log/${auditId}`, { token: admin, json: { note: 'x' } })).status).toBe(409);
    expect((await api('DELETE', `/items/audit_log/${auditId}`, { token: admin })).status).toBe(409);
    expect((await api('GET', `/items/punches/${punchId}`, { token: admin })).status).toBe(200);
  });

  test('the studio speaks Chinese: default language, collection and field names', async () => {
    const settings = await api('GET', '/settings?fields=default_language,project_name', { token: admin });
    expect(settings.body.data).toEqual({ default_language: 'zh-CN', project_name: '建筑工人实名制管理平台' });
    const collections = (await api('GET', '/collections', { token: admin })).body.data;
    for (const { collection, label } of COLLECTIONS) {
      const meta = collections.find((c: { collection: string }) => c.collection === collection)?.meta;
      expect(meta?.translations?.[0], collection).toMatchObject({ language: 'zh-CN', translation: label });
    }
    const fields = (await api('GET', '/fields/people', { token: admin })).body.data;
    expect(fields.find((f: { field: string }) => f.field === 'id_number').meta.translations[0].translation).toBe('证件号码');
    const bookmarks = (await api('GET', '/presets?filter[bookmark][_nnull]=true&fields=bookmark&limit=-1', { token: admin })).body.data.map((p: { bookmark: string }) => p.bookmark);
    expect(bookmarks).toEqual(expect.arrayContaining(['待审核项目申报', '待审核关键岗位', '退场解锁申请']));
  });
});
