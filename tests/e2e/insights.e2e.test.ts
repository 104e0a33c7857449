import { parse, print, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { chromium } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { PROJECT_STATUSES } from '../../schema/codes/project';
import { cityDashboard, DASHBOARD_ID } from '../../schema/insights';
import { graphqlField, panelQuery } from '../../scripts/lib/insights-queries.ts';
import { DEMO_LOGINS } from '../../seeds/demo-logins';
import { CHROMIUM, hasChromium, screenshot } from '../support/browser';

/** The fields of a GraphQL query without their aliases, printed canonically and sorted. */
function fieldsOf(query: string): string[] {
  const operation = parse(query).definitions[0] as OperationDefinitionNode;
  return operation.selectionSet.selections
    .map((selection) => {
      const { alias: _alias, ...field } = selection as FieldNode;
      return print(field as FieldNode);
    })
    .sort();
}

describe.runIf(hasChromium)('studio in Chromium: the bureau dashboard 全市实名制概况', () => {
  test('bureau staff open the dashboard; every panel renders; the studio asks what the benchmark asks', async () => {
    const base = inject('baseUrl');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const queries: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql') queries.push(String(request.postDataJSON()?.query ?? ''));
      });
      await page.goto(`${base}/admin/login`);
      await page.locator('input[type="email"]').fill(DEMO_LOGINS.bureau.email);
      await page.locator('input[type="password"]').fill(DEMO_LOGINS.bureau.password);
      await page.locator('button[type="submit"]').click();
      await page.waitForURL(/\/admin\/(content|insights)/, { timeout: 30_000 });

      await page.goto(`${base}/admin/insights/${DASHBOARD_ID}`);
      await page.getByText('全市实名制概况').first().waitFor({ timeout: 30_000 });
      await expect.poll(() => queries.length, { timeout: 30_000 }).toBeGreaterThan(0);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(1500); // charts animate in
      await screenshot(page, 'studio-insights-dashboard');

      const dashboard = cityDashboard({ deviceOnlineMinutes: 5, warnRate: 0.6, arrivalBy: '09:30', projectStatuses: PROJECT_STATUSES });
      for (const panel of dashboard.panels) expect(await page.getByText(panel.name).first().isVisible(), panel.name).toBe(true);
      expect(await page.locator('.panel-error, .v-notice.danger').count()).toBe(0);
      const ours = fieldsOf(`query { ${dashboard.panels.map((p, i) => graphqlField(`q${i}`, panelQuery(p))).join(' ')} }`);
      expect(queries.flatMap(fieldsOf).sort()).toEqual(ours);
    } finally {
      await browser.close();
    }
  });
});
