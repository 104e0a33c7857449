import { PROJECT_STATUSES } from '../../../../schema/codes/project';
import { cityDashboard, type PanelDef } from '../../../../schema/insights';
import { platformConfig } from '../config';
import { adminService, type ProvisionContext } from './context';
import { metaMatches } from './meta-diff';

/**
 * The bureau's Insights dashboard and its panels, with stable ids: created when missing, updated
 * only where they differ (a second run writes nothing), panels no longer defined removed.
 */
export async function provisionInsights(ctx: ProvisionContext): Promise<void> {
  const config = platformConfig(process.env);
  const dashboard = cityDashboard({ deviceOnlineMinutes: config.PLATFORM_DEVICE_ONLINE_WINDOW_MINUTES, warnRate: config.PLATFORM_ATTENDANCE_WARN_RATE, arrivalBy: config.PLATFORM_ATTENDANCE_ARRIVAL_BY, projectStatuses: PROJECT_STATUSES });
  const dashboards = await adminService(ctx, 'DashboardsService');
  const wanted = { name: dashboard.name, icon: dashboard.icon, note: dashboard.note, color: dashboard.color };
  const stored = await ctx.database('directus_dashboards').where({ id: dashboard.id }).first();
  if (!stored) {
    await dashboards.createOne({ id: dashboard.id, ...wanted });
    ctx.log(`dashboard ${dashboard.name} created`);
  } else if (!metaMatches(stored, wanted)) await dashboards.updateOne(dashboard.id, wanted);

  const panels = await adminService(ctx, 'PanelsService');
  const existing: Record<string, unknown>[] = await ctx.database('directus_panels').where({ dashboard: dashboard.id });
  const byId = new Map(existing.map((row) => [String(row['id']), { ...row, show_header: Boolean(row['show_header']) }]));
  for (const panel of dashboard.panels) {
    const payload = panelPayload(dashboard.id, panel);
    const row = byId.get(panel.id);
    if (!row) await panels.createOne({ id: panel.id, ...payload });
    else if (!metaMatches(row, payload)) await panels.updateOne(panel.id, payload);
  }
  const stale = existing.map((row) => String(row['id'])).filter((id) => !dashboard.panels.some((p) => p.id === id));
  if (stale.length) await panels.deleteMany(stale);
}

function panelPayload(dashboard: string, panel: PanelDef): Record<string, unknown> {
  return {
    dashboard,
    name: panel.name,
    icon: panel.icon,
    color: panel.color,
    note: panel.note,
    type: panel.type,
    show_header: true,
    position_x: panel.x,
    position_y: panel.y,
    width: panel.width,
    height: panel.height,
    options: panel.options,
  };
}
