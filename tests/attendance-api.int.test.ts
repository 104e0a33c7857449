/**
 * The attendance endpoints of the H5: 出勤一览表 (summary and 更多), 出勤记录 with manual punches,
 * and 设备状态 — on a fresh project of this file's own, rolled up on a fixed clock, plus the demo city.
 */
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { periodRange } from '../extensions/platform/src/attendance/local-days';
import { dbDate, readDate, readTimestamp } from '../extensions/platform/src/db/values';
import { addDays, todayInShanghai } from '../schema/rules/dates';
import { at, cityDayAndSums, insertPunches, rollup } from './support/attendance-fixtures';
import { countRows, openDatabase } from './support/db';
import { createApprovedProject, type FreshProject } from './support/fresh-project';
import { api, errorOf } from './support/http';
import { insertOnSite, insertTeam, projectStaff } from './support/site-fixtures';

const TODAY = todayInShanghai(new Date());
const Y = addDays(TODAY, -1);
const ENTRY = addDays(TODAY, -20);

let db: Knex;
let project: FreshProject;
let teamA: { id: number; name: string };
let teamB: { id: number; name: string };
let a: number[];
let b: number[];
let exited: number;

const names = async (ids: number[]) =>
  (await db('employments').join('people', 'people.id', 'employments.person').whereIn('employments.id', ids).select('people.name')).map((row: { name: string }) => row.name).sort();

beforeAll(async () => {
  db = openDatabase(inject('platformEnv'));
  project = await createApprovedProject('出勤接口测试');
  const ta = await insertTeam(db, project.id, { name: `钢筋班${Date.now() % 100000}` });
  const tb = await insertTeam(db, project.id, { name: `木工班${Date.now() % 100000}` });
  teamA = ta;
  teamB = tb;
  a = await insertOnSite(db, project.id, ta, { count: 3, entryDate: ENTRY, namePrefix: '出勤甲' });
  b = await insertOnSite(db, project.id, tb, { count: 2, entryDate: ENTRY, namePrefix: '出勤乙' });
  exited = (await insertOnSite(db, project.id, tb, { count: 1, entryDate: ENTRY, namePrefix: '已退场' }))[0]!;
  await db('employments').where({ id: exited }).update({ status: 'exited', exit_date: dbDate(db, addDays(TODAY, -5)) });
  await insertPunches(db, project.id, [
    { employment: a[0]!, at: at(Y, '07:20'), direction: 'in' },
    { employment: a[0]!, at: at(Y, '18:10'), direction: 'out' },
    { employment: a[1]!, at: at(Y, '07:40'), direction: 'in' },
    { employment: b[0]!, at: at(Y, '07:05'), direction: 'in' },
    { employment: b[0]!, at: at(Y, '17:30'), direction: 'out' },
    { employment: a[0]!, at: at(addDays(Y, -1), '07:30'), direction: 'in' },
    { employment: a[0]!, at: at(addDays(Y, -1), '17:30'), direction: 'out' },
  ]);
  await rollup(['--project', String(project.id), '--now', `${TODAY}T12:00:00+08:00`]);
}, 240_000);

afterAll(async () => {
  await db.destroy();
});

describe('出勤一览表 GET /platform/attendance/summary', () => {
  test('a day: head counts, trend of the week before, per-team breakdown', async () => {
    const { status, body } = await api('GET', `/platform/attendance/summary?period=day&date=${Y}`, { token: project.token });
    expect(status).toBe(200);
    const data = body.data;
    expect(data).toMatchObject({ period: 'day', date: Y, from: Y, to: Y, today: TODAY, on_site: 5, present: 2, partial: 1, absent: 2 });
    expect(data.person_days).toEqual({ on_site: 5, present: 2, rate: 0.4 });
    expect(data.key_posts).toEqual({ required: 8, present: 0, rate: 0 });
    expect(data.trend.map((d: { day: string }) => d.day)).toEqual(Array.from({ length: 7 }, (_, i) => addDays(Y, i - 6)));
    expect(data.trend.at(-1)).toEqual({ day: Y, on_site: 5, present: 2, rate: 0.4 });
    expect(data.trend.at(-2)).toMatchObject({ present: 1 });
    const byName = Object.fromEntries(data.teams.map((t: { name: string }) => [t.name, t]));
    expect(byName[teamA.name]).toMatchObject({ team: teamA.id, on_site: 3, present: 1, partial: 1, absent: 1, rate: 0.3333 });
    expect(byName[teamB.name]).toMatchObject({ team: teamB.id, on_site: 2, present: 1, partial: 0, absent: 1, rate: 0.5 });
    expect(typeof data.updated_at === 'string' || data.updated_at === null).toBe(true);
  });

  test.each(['week', 'month'] as const)('a %s runs over its days up to today', async (period) => {
    const { body } = await api('GET', `/platform/attendance/summary?period=${period}&date=${Y}`, { token: project.token });
    const range = periodRange(period, Y);
    const to = range.to > TODAY ? TODAY : range.to;
    expect(body.data).toMatchObject({ period, from: range.from, to });
    expect(body.data.trend[0].day).toBe(range.from);
    expect(body.data.trend.at(-1).day).toBe(to);
    // People who came at least once are present for the period; the exited person left before it only if it began after the exit.
    expect(body.data.present).toBe(2);
    expect(body.data.present + body.data.partial + body.data.absent).toBe(body.data.on_site);
  });

  test('no date means today', async () => {
    const { body } = await api('GET', '/platform/attendance/summary', { token: project.token });
    expect(body.data).toMatchObject({ period: 'day', date: TODAY, on_site: 5 });
  });

  test.each([
    ['period=year', 'period', 'INVALID_VALUE'],
    ['date=2026-02-30', 'date', 'CUSTOM'],
    [`date=${addDays(TODAY, 1)}`, 'date', 'DATE_IN_FUTURE'],
  ])('%s is refused with a Chinese message', async (query, field, rule) => {
    const { status, body } = await api('GET', `/platform/attendance/summary?${query}`, { token: project.token });
    expect(status).toBe(400);
    expect(errorOf(body)).toMatchObject({ code: 'PLATFORM_INVALID_INPUT', field, rule });
    expect(errorOf(body).message).toMatch(/[\u4e00-\u9fa5]/);
  });

  test('the demo city shows attendance at once (rolled up when it was seeded)', async () => {
    const staff = await projectStaff(0);
    const { body } = await api('GET', `/platform/attendance/summary?period=week&date=${Y}`, { token: staff.token });
    expect(body.data.on_site).toBeGreaterThan(0);
    expect(body.data.present).toBeGreaterThan(0);
    expect(body.data.trend.find((d: { day: string }) => d.day === Y).present).toBeGreaterThan(0);
  });
});

describe('更多 GET /platform/attendance/people', () => {
  test('who was present on a day, with first and last punch; no identity data', async () => {
    const { status, body } = await api('GET', `/platform/attendance/people?period=day&date=${Y}&status=present`, { token: project.token });
    expect(status).toBe(200);
    expect(body.data.counts).toEqual({ present: 2, partial: 1, absent: 2 });
    expect(body.data.items.map((p: { name: string }) => p.name).sort()).toEqual(await names([a[0]!, b[0]!]));
    const first = body.data.items.find((p: { employment: number }) => p.employment === a[0]);
    expect(first).toMatchObject({ team_name: teamA.name, first_in: at(Y, '07:20'), last_out: at(Y, '18:10'), punch_count: 2, hours: 10.83 });
    for (const item of body.data.items) {
      expect(Object.keys(item)).not.toContain('id_number');
      expect(Object.keys(item)).not.toContain('phone');
    }
  });

  test('absent and partial lists, a team filter', async () => {
    const absent = await api('GET', `/platform/attendance/people?date=${Y}&status=absent`, { token: project.token });
    expect(absent.body.data.items.map((p: { name: string }) => p.name).sort()).toEqual(await names([a[2]!, b[1]!]));
    const partial = await api('GET', `/platform/attendance/people?date=${Y}&status=partial`, { token: project.token });
    expect(partial.body.data.items.map((p: { employment: number; punch_count: number }) => [p.employment, p.punch_count])).toEqual([[a[1], 1]]);
    const team = await api('GET', `/platform/attendance/people?date=${Y}&status=absent&team=${teamB.id}`, { token: project.token });
    expect(team.body.data.items.map((p: { employment: number }) => p.employment)).toEqual([b[1]]);
    expect(team.body.data.counts).toEqual({ present: 1, partial: 0, absent: 1 });
  });

  test('bad status or page is refused', async () => {
    for (const query of ['status=late', 'page=0', 'team=abc']) {
      const { status, body } = await api('GET', `/platform/attendance/people?${query}`, { token: project.token });
      expect(status, query).toBe(400);
      expect(errorOf(body).code).toBe('PLATFORM_INVALID_INPUT');
    }
  });
});

describe('出勤记录 GET /platform/punches', () => {
  test('newest first, paged by keyset without gaps or repeats', async () => {
    const all = (await api('GET', '/platform/punches?limit=200', { token: project.token })).body.data;
    expect(all).toHaveLength(7);
    const times = all.map((p: { punched_at: string }) => p.punched_at);
    expect([...times].sort().reverse()).toEqual(times);
    const first = (await api('GET', '/platform/punches?limit=3', { token: project.token })).body.data;
    const last = first.at(-1);
    const second = (await api('GET', `/platform/punches?limit=3&before=${encodeURIComponent(last.punched_at)}&before_id=${last.id}`, { token: project.token })).body.data;
    const third = (await api('GET', `/platform/punches?limit=3&before=${encodeURIComponent(second.at(-1).punched_at)}&before_id=${second.at(-1).id}`, { token: project.token })).body.data;
    expect([...first, ...second, ...third].map((p: { id: number }) => p.id)).toEqual(all.map((p: { id: number }) => p.id));
    expect(first[0]).toMatchObject({ source: 'device', direction: expect.stringMatching(/^(in|out)$/) });
  });

  test('filters by team and by name', async () => {
    const team = (await api('GET', `/platform/punches?team=${teamB.id}`, { token: project.token })).body.data;
    expect(team.map((p: { employment: number }) => p.employment)).toEqual([b[0], b[0]]);
    expect(team[0]).toMatchObject({ team: teamB.id, team_name: teamB.name });
    const [name] = await names([a[1]!]);
    const byName = (await api('GET', `/platform/punches?q=${encodeURIComponent(name!)}`, { token: project.token })).body.data;
    expect(byName.map((p: { employment: number }) => p.employment)).toEqual([a[1]]);
  });

  test.each(['limit=0', 'limit=201', 'team=-1', 'before=yesterday'])('%s is refused', async (query) => {
    const { status, body } = await api('GET', `/platform/punches?${query}`, { token: project.token });
    expect(status).toBe(400);
    expect(errorOf(body).code).toBe('PLATFORM_INVALID_INPUT');
  });

  test('needs a login', async () => {
    expect((await api('GET', '/platform/punches')).status).toBe(401);
  });
});

describe('手工补录 POST /platform/punches', () => {
  const valid = () => ({ employment: a[1]!, punched_at: `${Y}T18:15:00+08:00`, direction: 'out', reason: '出场闸机断电，未记录' });
  const written = async () => ({ punches: await countRows(db, 'punches'), audit: await countRows(db, 'audit_log') });

  test('a missed punch is added, audited and counted at once', async () => {
    const before = await written();
    const { status, body } = await api('POST', '/platform/punches', { token: project.token, json: valid() });
    expect(status).toBe(201);
    expect(body.data).toMatchObject({ employment: a[1], punched_at: at(Y, '18:15'), direction: 'out', source: 'manual', reason: '出场闸机断电，未记录' });
    const row = await db('punches').where({ id: body.data.id }).first();
    expect(row).toMatchObject({ project: project.id, employment: a[1], source: 'manual', device: null, reason: '出场闸机断电，未记录', dedup_key: `manual|${a[1]}|${at(Y, '18:15')}` });
    expect(readTimestamp(row.received_at)).not.toBeNull();
    const me = (await api('GET', '/platform/me', { token: project.token })).body.data;
    expect(row.created_by).toBe(me.id);
    const audit = await db('audit_log').where({ collection: 'punches', item: String(body.data.id) }).first();
    expect(audit).toMatchObject({ action: 'punch.manual', actor: me.id, actor_kind: 'user', project: project.id, note: '出场闸机断电，未记录' });
    expect(await written()).toEqual({ punches: before.punches + 1, audit: before.audit + 1 });

    // The person's day is now valid, without waiting for the scheduler.
    const day = (await db('attendance_days').where({ employment: a[1] })).find((r: Record<string, unknown>) => readDate(r['day']) === Y);
    expect([Number(day.punch_count), Boolean(day.valid)]).toEqual([2, true]);
    const summary = await api('GET', `/platform/attendance/summary?date=${Y}`, { token: project.token });
    expect(summary.body.data).toMatchObject({ present: 3, partial: 0 });
    const list = (await api('GET', '/platform/punches?limit=1', { token: project.token })).body.data;
    expect(list[0]).toMatchObject({ id: body.data.id, source: 'manual', reason: '出场闸机断电，未记录' });
    // The city's row of that day (the bureau dashboard) follows in the same transaction.
    const { city, sums } = await cityDayAndSums(db, dbDate(db, Y));
    expect(Number(city?.['present'])).toBe(sums.present);
  });

  test('the same person at the same instant is refused the second time', async () => {
    const before = await written();
    const { status, body } = await api('POST', '/platform/punches', { token: project.token, json: valid() });
    expect(status).toBe(409);
    expect(errorOf(body)).toMatchObject({ code: 'PLATFORM_STATE_CONFLICT', rule: 'DUPLICATE_PUNCH' });
    expect(await written()).toEqual(before);
  });

  test.each([
    ['no reason', { reason: undefined }, 'reason', 'REQUIRED'],
    ['a one-character reason', { reason: '忘' }, 'reason', 'TOO_SMALL'],
    ['a time without offset', { punched_at: `${Y} 18:15` }, 'punched_at', 'INVALID_FORMAT'],
    ['a direction that is not in or out', { direction: 'both' }, 'direction', 'INVALID_VALUE'],
    ['no person', { employment: undefined }, 'employment', 'REQUIRED'],
    ['a time in the future', { punched_at: `${addDays(TODAY, 1)}T08:00:00+08:00` }, 'punched_at', 'PUNCH_IN_FUTURE'],
    ['a time before entry', { punched_at: `${addDays(ENTRY, -1)}T18:00:00+08:00` }, 'punched_at', 'PUNCH_BEFORE_ENTRY'],
  ])('%s is refused (400) and nothing is written', async (_label, change, field, rule) => {
    const before = await written();
    const { status, body } = await api('POST', '/platform/punches', { token: project.token, json: { ...valid(), punched_at: `${Y}T19:00:00+08:00`, ...change } });
    expect(status).toBe(400);
    expect(errorOf(body)).toMatchObject({ code: 'PLATFORM_INVALID_INPUT', field, rule });
    expect(errorOf(body).message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await written()).toEqual(before);
  });

  test('an exited person is a conflict; another project’s person is not yours; no login is 401', async () => {
    const before = await written();
    const gone = await api('POST', '/platform/punches', { token: project.token, json: { ...valid(), employment: exited } });
    expect(gone.status).toBe(409);
    expect(errorOf(gone.body).rule).toBe('NOT_ON_SITE');
    const demo = await projectStaff(0);
    const other = await db('employments').where({ project: demo.projectId, status: 'on_site' }).first('id');
    const foreign = await api('POST', '/platform/punches', { token: project.token, json: { ...valid(), employment: Number(other.id) } });
    expect(foreign.status).toBe(403);
    expect(errorOf(foreign.body).code).toBe('PLATFORM_FORBIDDEN');
    expect((await api('POST', '/platform/punches', { json: valid() })).status).toBe(401);
    expect(await written()).toEqual(before);
  });
});

describe('no project sees another’s attendance', () => {
  test('filters naming another project’s team or device find nothing of it', async () => {
    const demo = await projectStaff(0);
    const theirDevice = await db('devices').where({ project: demo.projectId }).first('id');
    expect((await api('GET', `/platform/punches?team=${teamA.id}`, { token: demo.token })).body.data).toEqual([]);
    expect((await api('GET', `/platform/punches?device=${theirDevice.id}`, { token: project.token })).body.data).toEqual([]);
    const people = await api('GET', `/platform/attendance/people?date=${Y}&status=present&team=${teamA.id}`, { token: demo.token });
    expect(people.body.data).toMatchObject({ total: 0, counts: { present: 0, partial: 0, absent: 0 } });
    const mine = (await api('GET', '/platform/punches?limit=200', { token: project.token })).body.data;
    const ours = (await db('punches').where({ project: project.id }).select('id')).map((r: { id: number }) => Number(r.id));
    for (const punch of mine) expect(ours).toContain(punch.id);
  });
});

describe('设备状态 GET /platform/devices', () => {
  test('the demo project’s gates with online state, last seen and pending commands', async () => {
    const staff = await projectStaff(0);
    const { status, body } = await api('GET', '/platform/devices', { token: staff.token });
    expect(status).toBe(200);
    expect(body.data.length).toBeGreaterThan(0);
    const own = (await db('devices').where({ project: staff.projectId }).select('id')).map((r: { id: number }) => Number(r.id)).sort();
    expect(body.data.map((d: { id: number }) => d.id).sort()).toEqual(own);
    for (const device of body.data) {
      expect(typeof device.online).toBe('boolean');
      expect(device.online_window_minutes).toBe(5);
      expect(Number.isInteger(device.pending_commands)).toBe(true);
      expect(Number.isInteger(device.failed_commands)).toBe(true);
      if (device.online) expect(Date.now() - Date.parse(device.last_seen_at)).toBeLessThanOrEqual(5 * 60_000 + 5_000);
    }
  });

  test('a project without devices has none', async () => {
    expect((await api('GET', '/platform/devices', { token: project.token })).body.data).toEqual([]);
  });
});
