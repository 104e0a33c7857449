import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { PROJECT_STATUSES } from '../schema/codes/project';
import { cityDashboard, DASHBOARD_ID } from '../schema/insights';
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
    const { body } = await api('POST', '/graphql', { token: bureau, json: { query: `query { ${graphqlField('panel', panelQuery(panel))} }` } });
    const rates = body.data.panel.map((row: { attendance_rate: string }) => Number(row.attendance_rate));
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
    const latest = await db('project_days').max({ day: 'day' }).first();
    expect(body.data.panel.length).toBe(Number((await db('project_days').where({ day: latest?.['day'] }).whereNotNull('attendance_rate').count({ n: '*' }))[0]?.['n']));
  });
});
