/**
 * Today, live (attendance/live-today.ts): 出勤一览表's day view of today counts who has punched so far
 * against who is expected today (people whose exit day is today and who did not come are not 未打卡),
 * labels the figures with their time, and 更多 lists the same people; the dashboard's today rows carry
 * the same figures, the time they were computed and how the rate reads.
 */
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { rateState } from '../extensions/platform/src/attendance/rate-state';
import { dbDate, readDate, readTimestamp } from '../extensions/platform/src/db/values';
import { PROJECT_STATUSES } from '../schema/codes/project';
import { cityDashboard } from '../schema/insights';
import { addDays, todayInShanghai } from '../schema/rules/dates';
import { DEMO_LOGINS } from '../seeds/demo-logins';
import { graphqlField, panelQuery } from '../scripts/lib/insights-queries.ts';
import { at, insertPunches, rollup } from './support/attendance-fixtures';
import { openDatabase } from './support/db';
import { createApprovedProject, type FreshProject } from './support/fresh-project';
import { api, login } from './support/http';
import { insertOnSite, insertTeam } from './support/site-fixtures';

const TODAY = todayInShanghai(new Date());
const ENTRY = addDays(TODAY, -30);

let db: Knex;
let project: FreshProject;
let staying: number[];
let leftWithoutComing: number;
let leftAfterWork: number;
let startsTomorrow: number;

const namesOf = async (ids: number[]) =>
  (await db('employments').join('people', 'people.id', 'employments.person').whereIn('employments.id', ids).select('people.name')).map((row: { name: string }) => row.name).sort();

beforeAll(async () => {
  db = openDatabase(inject('platformEnv'));
  project = await createApprovedProject('今日实时出勤');
  const team = await insertTeam(db, project.id, { name: `今日班${Date.now() % 100000}` });
  staying = await insertOnSite(db, project.id, team, { count: 3, entryDate: ENTRY, namePrefix: '今日在场' });
  [leftWithoutComing, leftAfterWork] = await insertOnSite(db, project.id, team, { count: 2, entryDate: ENTRY, namePrefix: '今日退场' }) as [number, number];
  [startsTomorrow] = (await insertOnSite(db, project.id, team, { count: 1, entryDate: addDays(TODAY, 1), namePrefix: '明日进场' })) as [number];
  await db('employments').whereIn('id', [leftWithoutComing, leftAfterWork]).update({ status: 'exited', exit_date: dbDate(db, TODAY) });
  await insertPunches(db, project.id, [
    { employment: staying[0]!, at: at(TODAY, '07:20'), direction: 'in' },
    { employment: staying[0]!, at: at(TODAY, '11:50'), direction: 'out' },
    { employment: leftAfterWork, at: at(TODAY, '07:10'), direction: 'in' },
    // Yesterday's punch of someone on site today does not count for today.
    { employment: staying[1]!, at: at(addDays(TODAY, -1), '07:30'), direction: 'in' },
  ]);
}, 120_000);

afterAll(async () => {
  await db.destroy();
});

describe('出勤一览表 of today is live', () => {
  test('punched so far against the people expected today, labelled with the time it was computed', async () => {
    const before = Date.now();
    const { status, body } = await api('GET', '/platform/attendance/summary', { token: project.token });
    expect(status).toBe(200);
    const data = body.data;
    // Expected: the three staying and the leaver who worked this morning; not the leaver who did not come, not tomorrow's arrival.
    expect(data).toMatchObject({ period: 'day', date: TODAY, on_site: 4, present: 2, partial: 0, absent: 2 });
    expect(data.person_days).toEqual({ on_site: 4, present: 2, rate: 0.5 });
    expect(data.trend.at(-1)).toEqual({ day: TODAY, on_site: 4, present: 2, rate: 0.5 });
    expect(data.teams).toHaveLength(1);
    expect(data.teams[0]).toMatchObject({ on_site: 4, present: 2, partial: 0, absent: 2, rate: 0.5 });
    expect(data.arrival_by).toBe('09:30');
    const computed = Date.parse(data.live.computed_at);
    expect(computed).toBeGreaterThanOrEqual(before - 1000);
    expect(computed).toBeLessThanOrEqual(Date.now() + 1000);
    expect(data.live.rate_state).toBe(rateState(0.5, TODAY, { now: new Date(computed), warnRate: 0.6, arrivalBy: '09:30' }));
  });

  test('更多 lists the same people: who punched (with today’s punches) and who has not yet', async () => {
    const present = (await api('GET', `/platform/attendance/people?period=day&date=${TODAY}&status=present`, { token: project.token })).body.data;
    expect(present.counts).toEqual({ present: 2, partial: 0, absent: 2 });
    expect(present.items.map((p: { name: string }) => p.name).sort()).toEqual(await namesOf([staying[0]!, leftAfterWork]));
    expect(present.items.find((p: { employment: number }) => p.employment === staying[0])).toMatchObject({
      first_in: at(TODAY, '07:20'),
      last_out: at(TODAY, '11:50'),
      punch_count: 2,
      hours: 4.5,
    });
    expect(present.items.find((p: { employment: number }) => p.employment === leftAfterWork)).toMatchObject({ first_in: at(TODAY, '07:10'), last_out: null, punch_count: 1 });
    const absent = (await api('GET', `/platform/attendance/people?date=${TODAY}&status=absent`, { token: project.token })).body.data;
    expect(absent.items.map((p: { employment: number }) => p.employment).sort()).toEqual([staying[1]!, staying[2]!].sort());
    expect(absent.items.map((p: { employment: number }) => p.employment)).not.toContain(leftWithoutComing);
    expect(absent.items.map((p: { employment: number }) => p.employment)).not.toContain(startsTomorrow);
  });

  test('a punch arriving now shows at once, without waiting for a roll-up', async () => {
    await insertPunches(db, project.id, [{ employment: staying[2]!, at: new Date().toISOString(), direction: 'in' }]);
    const { body } = await api('GET', '/platform/attendance/summary?period=day', { token: project.token });
    expect(body.data).toMatchObject({ on_site: 4, present: 3, absent: 1 });
  });

  test('yesterday keeps the roll-up (valid attendance, no live label)', async () => {
    const { body } = await api('GET', `/platform/attendance/summary?period=day&date=${addDays(TODAY, -1)}`, { token: project.token });
    expect(body.data.live).toBeNull();
  });
});

describe('the dashboard’s today rows', () => {
  test('the roll-up writes today’s project row from the same live figures', async () => {
    await rollup(['--project', String(project.id)]);
    const row = await db('project_days').where({ project: project.id, day: dbDate(db, TODAY) }).first();
    expect({ on_site: Number(row.on_site), present: Number(row.present), rate: Number(row.attendance_rate) }).toEqual({ on_site: 4, present: 3, rate: 0.75 });
  });

  test('today’s city row says when it was computed and how its rate reads; before the arrival time it is never low', async () => {
    const early = `${TODAY}T08:00:00+08:00`;
    // The live refresh (every minute, real clock) may rewrite the row between the run and the read: run again then.
    let city: Record<string, unknown> | undefined;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await rollup(['--project', String(project.id), '--now', early]);
      city = await db('city_days').where({ day: dbDate(db, TODAY) }).first();
      if (readTimestamp(city?.['computed_at']) === new Date(early).toISOString()) break;
    }
    expect(readTimestamp(city?.['computed_at'])).toBe(new Date(early).toISOString());
    expect(city?.['rate_state']).toBe('early');

    const bureau = await login(DEMO_LOGINS.bureau.email, DEMO_LOGINS.bureau.password);
    const dashboard = cityDashboard({ deviceOnlineMinutes: 5, warnRate: 0.6, arrivalBy: '09:30', projectStatuses: PROJECT_STATUSES });
    const strip = dashboard.panels.find((panel) => panel.name === '今日数据')!;
    const { body } = await api('POST', '/graphql', { token: bureau, json: { query: `query { ${graphqlField('panel', panelQuery(strip))} }` } });
    expect(body.errors).toBeUndefined();
    expect(body.data.panel).toHaveLength(1);
    expect(readDate(body.data.panel[0].computed_at)).toBe(TODAY);
    expect(['early', 'normal', 'low']).toContain(body.data.panel[0].rate_state);
  });

  test('a finished day is judged against the warning line, whatever the time it was rolled up', async () => {
    await rollup(['--project', String(project.id), '--now', `${TODAY}T08:00:00+08:00`]);
    const rows: Record<string, unknown>[] = await db('city_days').where('day', '<', dbDate(db, TODAY));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const value = row['attendance_rate'] === null ? null : Number(row['attendance_rate']);
      expect(row['rate_state'] === null || row['rate_state'] === (value !== null && value < 0.6 ? 'low' : 'normal'), String(readDate(row['day']))).toBe(true);
    }
  });
});
