import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { toDbRow } from '../extensions/platform/src/db/values';
import { DEMO_LOGINS } from '../seeds/demo-logins';
import { rollup } from './support/attendance-fixtures';
import { openDatabase } from './support/db';
import { createApprovedProject, type FreshProject } from './support/fresh-project';
import { api, errorOf, login } from './support/http';

describe('bureau staff handle warnings in the studio', () => {
  let db: Knex;
  let bureau: string;
  let bureauId: string;
  let project: FreshProject;

  /** An open warning of the test project, as the roll-up raises it. */
  const openWarning = async (subject: string): Promise<number> => {
    const [row] = await db('warnings')
      .insert(
        toDbRow(db, 'warnings', {
          project: project.id,
          kind: 'long_absence',
          subject,
          status: 'open',
          value: 9,
          threshold: 7,
          message: '测试人员 已连续 9 天未打卡',
          raised_on: '2026-04-01',
        }),
      )
      .returning('id');
    return Number(typeof row === 'object' ? row.id : row);
  };
  const warning = (id: number) => db('warnings').where({ id }).first();
  const audits = (id: number) => db('audit_log').where({ collection: 'warnings', item: String(id) });

  beforeAll(async () => {
    db = openDatabase(inject('platformEnv'));
    bureau = await login(DEMO_LOGINS.bureau.email, DEMO_LOGINS.bureau.password);
    bureauId = (await api('GET', '/users/me?fields=id', { token: bureau })).body.data.id;
    project = await createApprovedProject('预警处理');
  });
  afterAll(() => db.destroy());

  test('handled with a note: status, who and when are stamped, and one audit row is written', async () => {
    const id = await openWarning('w-handle');
    const before = Date.now();
    const { status, body } = await api('PATCH', `/items/warnings/${id}?fields=status,handled_note,handled_by,handled_at`, {
      token: bureau,
      json: { status: 'handled', handled_note: '已电话督促项目办理退场' },
    });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.data).toMatchObject({ status: 'handled', handled_note: '已电话督促项目办理退场', handled_by: bureauId });
    expect(Date.parse(body.data.handled_at)).toBeGreaterThanOrEqual(before - 1000);
    const rows = await audits(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'warning.handle', actor: bureauId, actor_kind: 'user', project: project.id, note: '已电话督促项目办理退场' });
    expect(JSON.parse(rows[0].after)).toEqual({ status: 'handled' });
  });

  test.each([
    ['no note', { status: 'handled' }, 'REQUIRED', '标记为已处理时请填写处理说明'],
    ['a blank note', { status: 'handled', handled_note: '   ' }, 'TOO_SMALL', '标记为已处理时请填写处理说明'],
    ['a note without the status', { handled_note: '已处理' }, 'INVALID_VALUE', '填写处理说明后请将状态改为“已处理”'],
    ['resolving by hand', { status: 'resolved', handled_note: '已处理' }, 'INVALID_VALUE', '只能将未处理的预警标记为“已处理”；“已解除”由系统在原因消除后自动设置'],
  ])('refused with 400 and nothing written: %s', async (_case, payload, rule, message) => {
    const id = await openWarning(`w-bad-${rule}-${Math.random()}`);
    const { status, body } = await api('PATCH', `/items/warnings/${id}`, { token: bureau, json: payload });
    expect(status).toBe(400);
    expect(errorOf(body)).toMatchObject({ code: 'PLATFORM_INVALID_INPUT', rule, message });
    expect(await warning(id)).toMatchObject({ status: 'open', handled_note: null, handled_by: null, handled_at: null });
    expect(await audits(id)).toHaveLength(0);
  });

  // What the system writes (the figures, who handled it) is refused by the studio's machine-field guard, as on every collection.
  test.each([
    ['editing the figures', { status: 'handled', handled_note: '已处理', value: 0 }, 'value'],
    ['stamping the handler', { status: 'handled', handled_note: '已处理', handled_by: 'someone' }, 'handled_by'],
  ])('refused with 403 and nothing written: %s', async (_case, payload, field) => {
    const id = await openWarning(`w-machine-${field}-${Math.random()}`);
    const { status, body } = await api('PATCH', `/items/warnings/${id}`, { token: bureau, json: payload });
    expect(status).toBe(403);
    expect(errorOf(body)).toMatchObject({ code: 'PLATFORM_FORBIDDEN', rule: 'READONLY_FIELD', field });
    expect(errorOf(body).message).toMatch(/由系统写入，不能修改$/);
    expect(await warning(id)).toMatchObject({ status: 'open', handled_note: null, handled_by: null, handled_at: null });
    expect(await audits(id)).toHaveLength(0);
  });

  test('a warning already handled or resolved is not handled again (409)', async () => {
    const id = await openWarning('w-twice');
    const handle = { status: 'handled', handled_note: '第一次处理' };
    expect((await api('PATCH', `/items/warnings/${id}`, { token: bureau, json: handle })).status).toBe(200);
    const again = await api('PATCH', `/items/warnings/${id}`, { token: bureau, json: { ...handle, handled_note: '第二次处理' } });
    expect(again.status).toBe(409);
    expect(errorOf(again.body)).toMatchObject({ code: 'PLATFORM_STATE_CONFLICT', rule: 'WARNING_NOT_OPEN' });
    expect((await warning(id)).handled_note).toBe('第一次处理');
    expect(await audits(id)).toHaveLength(1);
  });

  test('project staff cannot handle warnings, not even their own project’s', async () => {
    const id = await openWarning('w-staff');
    const { status } = await api('PATCH', `/items/warnings/${id}`, { token: project.token, json: { status: 'handled', handled_note: '项目自行处理' } });
    expect(status).toBe(403);
    expect(await warning(id)).toMatchObject({ status: 'open', handled_note: null });
    expect(await audits(id)).toHaveLength(0);
  });

  test('the roll-up resolves a handled warning once its cause is gone and keeps who handled it', async () => {
    const id = await openWarning('w-rollup');
    expect((await api('PATCH', `/items/warnings/${id}`, { token: bureau, json: { status: 'handled', handled_note: '已督促' } })).status).toBe(200);
    // The test project has nobody on site, so the cause (an absent employment) is gone: resolved, not reopened.
    await rollup(['--project', String(project.id)]);
    expect(await warning(id)).toMatchObject({ status: 'resolved', handled_note: '已督促', handled_by: bureauId });
    expect((await warning(id)).resolved_at).not.toBeNull();
  });

  test('the studio list of open warnings shows the project by name', async () => {
    const id = await openWarning('w-list');
    const { body } = await api('GET', `/items/warnings?filter[status][_eq]=open&filter[id][_eq]=${id}&fields=project.name,kind`, { token: bureau });
    expect(body.data).toEqual([{ project: { name: project.name }, kind: 'long_absence' }]);
    const field = await api('GET', '/fields/warnings/project', { token: bureau });
    expect(field.body.data.meta).toMatchObject({ display: 'related-values', display_options: { template: '{{name}} · {{code}}' } });
  });
});
