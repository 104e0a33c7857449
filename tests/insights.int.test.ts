import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { dbDate } from '../extensions/platform/src/db/values';
import { PROJECT_STATUSES } from '../schema/codes/project';
import { cityDashboard, DASHBOARD_ID } from '../schema/insights';
import { todayInShanghai } from '../schema/rules/dates';
import { DEMO_LOGINS } from '../seeds/demo-logins';
import { graphqlField, panelQuery } from '../scripts/lib/insights-queries.ts';
import { cityDayAndSums } from './support/attendance-fixtures';
import { openDatabase } from './support/db';
import { api, login } from './support/http';

const dashboard = cityDashboard({ deviceOnlineMinutes: 5, warnRate: 0.6, arrivalBy: '09:30', projectStatuses: PROJECT_STATUSES });

describe('the bureau dashboard 全市实名制概况', () => {
  let bureau: string;
  let db: Knex;
  beforeAll(async () => {
    bureau = await login(DEMO_LOGINS.bureau.email, DEMO_LOGINS.bureau.password);
    db = openDatabase(inject('platformEnv'));
  });
  afterAll(() => db.destroy());

  test('bureau staff see the dashboard and all its panels', async () => {
    const found = await api('GET', `/dashboards/${DASHBOARD_ID}?fields=name,panels.id,panels.type`, { token: bureau });
    expect(found.status).toBe(200);
    expect(found.body.data.name).toBe('全市实名制概况');
    expect(found.body.data.panels.map((p: { id: string }) => p.id).sort()).toEqual(dashboard.panels.map((p) => p.id).sort());
  });

  test.each(dashboard.panels.map((panel) => [panel.name, panel] as const))('panel %s answers the studio query with data', async (_name, panel) => {
    const { status, body } = await api('POST', '/graphql', { token: bureau, json: { query: `query { ${graphqlField('panel', panelQuery(panel))} }` } });
    expect(status, JSON.stringify(body.errors)).toBe(200);
    expect(body.errors).toBeUndefined();
    const rows: Record<string, unknown>[] = body.data.panel;
    expect(rows.length, panel.name).toBeGreaterThan(0);
  });

  test('the city rate is Σpresent ÷ Σon_site of the day, not an average of project rates', async () => {
    const { city, sums } = await cityDayAndSums(db);
    expect(Number(city?.['on_site'])).toBe(sums.on_site);
    expect(Number(city?.['present'])).toBe(sums.present);
    expect(Number(city?.['projects'])).toBe(sums.projects);
    expect(Number(city?.['attendance_rate'])).toBeCloseTo(sums.present / sums.on_site, 4);
  });

  test('today’s per-project rates come worst first and only for today', async () => {
    const panel = dashboard.panels.find((p) => p.type === 'list' && p.options['collection'] === 'project_days')!;
    const limit = Number(panel.options['limit']);
    // Every approved project has a row of today (the live refresh writes them each minute), so the
    // panel shows the `limit` worst of them, not all: read today's rated rows around the panel's
    // query until no refresh or roll-up changed them in between.
    const today = dbDate(db, todayInShanghai(new Date()));
    const ratedToday = async () =>
      (await db('project_days').where({ day: today }).whereNotNull('attendance_rate').orderBy('id').select('id', 'attendance_rate')).map((row) => ({ id: Number(row.id), rate: Number(row.attendance_rate) }));
    let before: { id: number; rate: number }[] = [];
    let after: { id: number; rate: number }[] = [];
    let rows: { id: string; attendance_rate: string }[] = [];
    for (let attempt = 0; attempt < 50; attempt += 1) {
      before = await ratedToday();
      const { body } = await api('POST', '/graphql', { token: bureau, json: { query: `query { ${graphqlField('panel', panelQuery(panel))} }` } });
      rows = body.data.panel;
      after = await ratedToday();
      if (JSON.stringify(before) === JSON.stringify(after)) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(after).toEqual(before);
    expect(after.length).toBeGreaterThan(0);

    const rates = rows.map((row) => Number(row.attendance_rate));
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
    // Only today's rows with a rate, as many as fit (all of them when fewer), and the worst ones.
    const todays = new Map(after.map((row) => [row.id, row.rate]));
    for (const row of rows) expect(todays.get(Number(row.id)), `project_days ${row.id}`).toBe(Number(row.attendance_rate));
    expect(rows.length).toBe(Math.min(after.length, limit));
    expect(rates).toEqual(after.map((row) => row.rate).sort((a, b) => a - b).slice(0, limit));
  });
});
