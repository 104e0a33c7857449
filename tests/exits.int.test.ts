import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { exitTeam, type ExitStep } from '../extensions/platform/src/exits/exit-employments';
import { addDays, todayInShanghai } from '../schema/rules/dates';
import { openDatabase } from './support/db';
import { api, errorOf } from './support/http';
import { insertOnSite, insertTeam, projectStaff } from './support/site-fixtures';

const today = todayInShanghai(new Date());

describe('退场 and 班组退场', () => {
  let db: Knex;
  let staff: { token: string; projectId: number };
  let other: { token: string; projectId: number };

  const statuses = async (ids: number[]) => (await db('employments').whereIn('id', ids).select('status')).map((row) => row.status as string);
  const auditCount = async (ids: number[], action = 'employment.exit') =>
    Number((await db('audit_log').where({ action, collection: 'employments' }).whereIn('item', ids.map(String)).count({ n: '*' }))[0]?.['n'] ?? 0);
  const removeCommands = async (ids: number[]) => Number((await db('device_commands').whereIn('employment', ids).andWhere({ kind: 'user_delete' }).count({ n: '*' }))[0]?.['n'] ?? 0);
  const activeDevices = async (projectId: number) => Number((await db('devices').where({ project: projectId, status: 'active' }).count({ n: '*' }))[0]?.['n'] ?? 0);

  beforeAll(async () => {
    db = openDatabase(inject('platformEnv'));
    staff = await projectStaff(0);
    other = await projectStaff(1);
  });
  afterAll(() => db.destroy());

  describe('one person', () => {
    test.each([
      ['before the entry date', '2026-01-04', 'EXIT_BEFORE_ENTRY', '退场日期不能早于进场日期（2026-01-05）'],
      ['in the future', addDays(today, 1), 'EXIT_IN_FUTURE', '退场日期不能晚于今天'],
      ['not a date', '2026-02-30', 'INVALID', '退场日期格式不正确，应为 YYYY-MM-DD'],
    ])('an exit date %s is refused with 400 and nothing changes', async (_case, exitDate, rule, message) => {
      const team = await insertTeam(db, staff.projectId);
      const [id] = await insertOnSite(db, staff.projectId, team, { count: 1, entryDate: '2026-01-05' });
      const response = await api('POST', `/platform/people/${id}/exit`, { token: staff.token, json: { exit_date: exitDate } });
      expect(response.status).toBe(400);
      expect(errorOf(response.body)).toMatchObject({ code: 'PLATFORM_INVALID_INPUT', field: 'exit_date', message });
      if (rule !== 'INVALID') expect(errorOf(response.body).rule).toBe(rule);
      expect(await statuses([id!])).toEqual(['on_site']);
      expect(await auditCount([id!])).toBe(0);
    });

    test('an exit on the entry day leaves the on-site list, keeps the row, queues removals and is audited', async () => {
      const team = await insertTeam(db, staff.projectId);
      const [id] = await insertOnSite(db, staff.projectId, team, { count: 1, entryDate: today, namePrefix: '退场' });
      const before = (await api('GET', `/platform/people?q=${encodeURIComponent(team.name)}`, { token: staff.token })).body.data.total;
      expect(before).toBe(1);

      const response = await api('POST', `/platform/people/${id}/exit`, { token: staff.token, json: { exit_date: today, exit_reason: '个人原因' } });
      expect(response.status).toBe(200);
      expect(response.body.data).toMatchObject({ id, status: 'exited', exit_date: today, exited: 1 });

      expect((await api('GET', `/platform/people?q=${encodeURIComponent(team.name)}`, { token: staff.token })).body.data.total).toBe(0);
      const exited = (await api('GET', `/platform/people?status=exited&q=${encodeURIComponent(team.name)}`, { token: staff.token })).body.data.items;
      expect(exited).toEqual([expect.objectContaining({ id, status: 'exited', exit_date: today })]);
      const row = await db('employments').where({ id }).first();
      expect(row).toMatchObject({ status: 'exited', exit_reason: '个人原因' });
      expect(await auditCount([id!])).toBe(1);
      expect(await removeCommands([id!])).toBe(await activeDevices(staff.projectId));
      expect(await activeDevices(staff.projectId)).toBeGreaterThan(0);

      const again = await api('POST', `/platform/people/${id}/exit`, { token: staff.token, json: { exit_date: today } });
      expect(again.status).toBe(409);
      expect(errorOf(again.body).rule).toBe('ALREADY_EXITED');
    });

    test("another project's person is 403 and stays on site", async () => {
      const team = await insertTeam(db, other.projectId);
      const [id] = await insertOnSite(db, other.projectId, team, { count: 1 });
      const response = await api('POST', `/platform/people/${id}/exit`, { token: staff.token, json: { exit_date: today } });
      expect(response.status).toBe(403);
      expect(await statuses([id!])).toEqual(['on_site']);
    });

    test('a key-post holder leaves through 关键岗位, not a plain exit (409)', async () => {
      const post = await db('key_posts').where({ project: staff.projectId, status: 'approved' }).whereNotNull('employment').first('employment');
      const employment = await db('employments').where({ id: post.employment }).first('status');
      expect(employment.status).toBe('on_site');
      const response = await api('POST', `/platform/people/${post.employment}/exit`, { token: staff.token, json: { exit_date: today } });
      expect(response.status).toBe(409);
      expect(errorOf(response.body)).toMatchObject({ rule: 'KEY_POST_HOLDER' });
      expect(await statuses([post.employment])).toEqual(['on_site']);
    });
  });

  describe('a whole team', () => {
    test('without the confirmation the request is refused', async () => {
      const team = await insertTeam(db, staff.projectId);
      const ids = await insertOnSite(db, staff.projectId, team, { count: 2 });
      const response = await api('POST', `/platform/teams/${team.id}/exit`, { token: staff.token, json: { exit_date: today } });
      expect(response.status).toBe(400);
      expect(errorOf(response.body)).toMatchObject({ field: 'confirm', message: '班组退场后无法恢复，请确认后再提交' });
      expect(await statuses(ids)).toEqual(['on_site', 'on_site']);
    });

    test('every member exits, one audit entry each, devices get removals, the team is closed', async () => {
      const team = await insertTeam(db, staff.projectId);
      const ids = await insertOnSite(db, staff.projectId, team, { count: 12 });
      const response = await api('POST', `/platform/teams/${team.id}/exit`, { token: staff.token, json: { exit_date: today, confirm: true } });
      expect(response.status).toBe(200);
      expect(response.body.data).toMatchObject({ id: team.id, status: 'exited', exited: 12 });
      expect(new Set(await statuses(ids))).toEqual(new Set(['exited']));
      expect(await auditCount(ids)).toBe(12);
      const notes = await db('audit_log').where({ action: 'employment.exit' }).whereIn('item', ids.map(String)).pluck('note');
      expect(notes.every((note: string) => note.startsWith(`班组退场（${team.name}）`))).toBe(true);
      expect(await removeCommands(ids)).toBe(12 * (await activeDevices(staff.projectId)));
      expect((await db('teams').where({ id: team.id }).first()).status).toBe('exited');
      const teamAudit = await db('audit_log').where({ action: 'team.exit', item: String(team.id) }).count({ n: '*' });
      expect(Number(teamAudit[0]?.['n'])).toBe(1);

      const again = await api('POST', `/platform/teams/${team.id}/exit`, { token: staff.token, json: { exit_date: today, confirm: true } });
      expect(again.status).toBe(409);
      expect(errorOf(again.body).rule).toBe('TEAM_EXITED');
    });

    test('one member who entered after the exit date stops the whole team (400, nobody exits)', async () => {
      const team = await insertTeam(db, staff.projectId);
      const early = await insertOnSite(db, staff.projectId, team, { count: 3, entryDate: '2026-01-05' });
      const late = await insertOnSite(db, staff.projectId, team, { count: 1, entryDate: today, namePrefix: '晚到' });
      const response = await api('POST', `/platform/teams/${team.id}/exit`, { token: staff.token, json: { exit_date: addDays(today, -1), confirm: true } });
      expect(response.status).toBe(400);
      expect(errorOf(response.body)).toMatchObject({ rule: 'EXIT_BEFORE_ENTRY', field: 'exit_date' });
      expect(errorOf(response.body).message).toContain('晚到');
      expect(await statuses([...early, ...late])).toEqual(['on_site', 'on_site', 'on_site', 'on_site']);
      expect((await db('teams').where({ id: team.id }).first()).status).toBe('active');
    });

    test("another project's team is 403", async () => {
      const team = await insertTeam(db, other.projectId);
      const ids = await insertOnSite(db, other.projectId, team, { count: 2 });
      const response = await api('POST', `/platform/teams/${team.id}/exit`, { token: staff.token, json: { exit_date: today, confirm: true } });
      expect(response.status).toBe(403);
      expect(await statuses(ids)).toEqual(['on_site', 'on_site']);
    });

    // The team exit run directly in a transaction with a fault thrown after each step: nothing may stay.
    test.each<ExitStep>(['employments', 'devices', 'audit', 'team'])('a fault after the %s step rolls everything back', async (step) => {
      const team = await insertTeam(db, staff.projectId);
      const ids = await insertOnSite(db, staff.projectId, team, { count: 30 });
      const commandsBefore = await removeCommands(ids);
      const request = { projectId: staff.projectId, actor: 'fault-test', exitDate: today, reason: '班组退场', today };
      const run = db.transaction((trx) =>
        exitTeam(trx, team.id, request, {
          afterStep: async (at, trx) => {
            if (at !== step) return;
            // Half-way really happened inside the transaction before the fault.
            if (step === 'employments') expect(await trx('employments').whereIn('id', ids).andWhere({ status: 'exited' }).count({ n: '*' })).toEqual([{ n: 30 }]);
            throw new Error(`injected fault after ${step}`);
          },
        }),
      );
      await expect(run).rejects.toThrow(`injected fault after ${step}`);
      expect(new Set(await statuses(ids))).toEqual(new Set(['on_site']));
      expect(await db('employments').whereIn('id', ids).whereNotNull('exit_date').count({ n: '*' })).toEqual([{ n: 0 }]);
      expect(await auditCount(ids)).toBe(0);
      expect(await removeCommands(ids)).toBe(commandsBefore);
      expect((await db('teams').where({ id: team.id }).first()).status).toBe('active');
    });
  });
});
