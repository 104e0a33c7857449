/**
 * The bureau's Insights dashboard 全市实名制概况, as code: stable ids for the dashboard and each
 * panel, so provisioning updates them in place. Panels are Directus core panel types (and our 日趋势
 * panel, `platform-trend`, for Chinese dates and percentage axes) reading the roll-up tables (`city_days`, `project_days`) and small collections (projects, devices, key posts,
 * warnings), so the dashboard stays fast with hundreds of projects (`npm run bench -- dashboard`).
 *
 * 今日: today's rows of `city_days` and `project_days` hold live figures (who has punched so far
 * against who is expected today), rewritten every minute by the extension
 * (attendance/live-today.ts), with the time they were computed (「截至 HH:MM」) and how the rate reads
 * (`rate_state`: 'early' before PLATFORM_ATTENDANCE_ARRIVAL_BY, so a morning is never shown as an
 * alarm). The rate tile itself is therefore not coloured; the 今日数据 strip says whether it is low.
 *
 * Dates: a `date` column holds a local (Asia/Shanghai) day at 00:00 UTC, so `day > $NOW(-16 hours)`
 * is exactly "today" and `day < $NOW(-16 hours)` "before today", whatever the server's clock zone.
 */
// Type-only: scripts load this file with Node's type stripping (see DashboardOptions.projectStatuses).
import type { ProjectStatus } from './codes/project';

export const DASHBOARD_ID = '7b2c0a4e-5d3f-4e81-9a6b-2c7d3e4f5a01';

const PROJECT_STATUS_PANEL_IDS: Readonly<Record<ProjectStatus, string>> = {
  approved: '7b2c0a4e-5d3f-4e81-9a6b-2c7d3e4f5a31',
  submitted: '7b2c0a4e-5d3f-4e81-9a6b-2c7d3e4f5a21',
  rejected: '7b2c0a4e-5d3f-4e81-9a6b-2c7d3e4f5a34',
  completed: '7b2c0a4e-5d3f-4e81-9a6b-2c7d3e4f5a35',
};

/** Grid units (20 px each) of the studio's dashboard canvas. */
export interface PanelDef {
  id: string;
  name: string;
  icon: string;
  color: string | null;
  note: string | null;
  type: 'metric' | 'list' | 'time-series' | 'platform-trend';
  x: number;
  y: number;
  width: number;
  height: number;
  options: Record<string, unknown>;
}

export interface DashboardDef {
  id: string;
  name: string;
  icon: string;
  note: string;
  color: string;
  panels: PanelDef[];
}

const TODAY = { day: { _gt: '$NOW(-16 hours)' } };
const BEFORE_TODAY = { day: { _lt: '$NOW(-16 hours)' } };
const RED = '#E35169';
const AMBER = '#FFA439';

/** A metric panel counting the rows of `collection` that match `filter`. */
function countMetric(panel: Omit<PanelDef, 'type' | 'options'>, collection: string, filter: Record<string, unknown>, alertAbove?: number): PanelDef {
  return {
    ...panel,
    type: 'metric',
    options: {
      collection,
      field: 'id',
      function: 'count',
      filter,
      decimals: 0,
      ...(alertAbove === undefined ? {} : { conditionalFormatting: [{ operator: '>', value: alertAbove, color: AMBER }] }),
    },
  };
}

/** The latest city_days figure (today's row is live, rewritten every minute). */
function cityToday(panel: Omit<PanelDef, 'type' | 'options'>, field: string, decimals: number, extra: Record<string, unknown> = {}): PanelDef {
  return { ...panel, type: 'metric', options: { collection: 'city_days', field, function: 'last', sortField: 'day', decimals, ...extra } };
}

/**
 * A city_days figure per day over the last 30 complete days (one row per day, so max is the value),
 * in our 日趋势 panel: 11月6日 on the axis, rates as percentages (it queries what a time series would).
 */
function cityTrend(panel: Omit<PanelDef, 'type' | 'options'>, valueField: string, style: { format: 'percent' | 'count'; color: string }): PanelDef {
  return {
    ...panel,
    type: 'platform-trend',
    options: { collection: 'city_days', dateField: 'day', valueField, function: 'max', precision: 'day', range: '30 days', filter: BEFORE_TODAY, ...style },
  };
}

export interface DashboardOptions {
  /** PLATFORM_DEVICE_ONLINE_WINDOW_MINUTES: an active device seen within it is online (attendance/device-status.ts). */
  deviceOnlineMinutes: number;
  /** PLATFORM_ATTENDANCE_WARN_RATE: past days' rates below it show red. */
  warnRate: number;
  /** PLATFORM_ATTENDANCE_ARRIVAL_BY ('HH:MM'): before it today's low rate is not an alarm (named in a note). */
  arrivalBy: string;
  /** The code list PROJECT_STATUSES (passed in so this file has no runtime imports). */
  projectStatuses: readonly { value: ProjectStatus; label: string }[];
}

/** The dashboard, from the platform's settings and the project status code list. */
export function cityDashboard(options: DashboardOptions): DashboardDef {
  const seenRecently = { last_seen_at: { _gte: `$NOW(-${options.deviceOnlineMinutes} minutes)` } };
  const notSeen = { _or: [{ last_seen_at: { _null: true } }, { last_seen_at: { _lt: `$NOW(-${options.deviceOnlineMinutes} minutes)` } }] };
  return {
    id: DASHBOARD_ID,
    name: '全市实名制概况',
    icon: 'location_city',
    color: '#1989FA',
    note: '全市在建项目、在场人数、今日出勤、设备、预警和待审核事项；今日数字为实时统计（每分钟更新），往日数字来自每日统计',
    panels: [
      {
        id: '7b2c0a4e-5d3f-4e81-9a6b-2c7d3e4f5a16',
        name: '今日数据',
        icon: 'schedule',
        color: null,
        note: `今日的在场、出勤人数和出勤率为实时统计，每分钟更新；${options.arrivalBy} 前上班途中的人员不计为预警`,
        type: 'list',
        x: 1,
        y: 1,
        width: 52,
        height: 4,
        options: { collection: 'city_days', sortField: 'day', sortDirection: 'desc', limit: 1, displayTemplate: '截至 {{computed_at}} · 出勤率 {{rate_state}}', linkToItem: false, filter: TODAY },
      },
      cityToday({ id: '7b2c0a4e-5d3f-4e81-9a6b-2c7d3e4f5a11', name: '今日在场人数', icon: 'groups', color: null, note: '全市今日在场的人员（今日退场且未打卡的不计）；实时', x: 1, y: 5, width: 13, height: 6 }, 'on_site', 0),
      cityToday({ id: '7b2c0a4e-5d3f-4e81-9a6b-2c7d3e4f5a12', name: '今日出勤人数', icon: 'how_to_reg', color: null, note: '今日：在场人员中已打卡的人数（实时）；往日按有效出勤计', x: 14, y: 5, width: 13, height: 6 }, 'present', 0),
      cityToday({ id: '7b2c0a4e-5d3f-4e81-9a6b-2c7d3e4f5a13', name: '今日全市出勤率', icon: 'percent', color: null, note: 'Σ已打卡 ÷ Σ在场，随今日打卡增加；是否低于预警线见“今日数据”', x: 27, y: 5, width: 13, height: 6 }, 'attendance_rate', 2, { numberStyle: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      countMetric({ id: '7b2c0a4e-5d3f-4e81-9a6b-2c7d3e4f5a24', name: '未处理预警', icon: 'warning', color: null, note: '出勤率偏低、关键岗位在岗率不足、长期未打卡', x: 40, y: 5, width: 13, height: 6 }, 'warnings', { status: { _eq: 'open' } }, 0),

      // 项目状态: one count per status of the code list (a pie chart would show the stored codes, not their labels).
      ...options.projectStatuses.map((status, i) =>
        countMetric(
          { id: PROJECT_STATUS_PANEL_IDS[status.value], name: `${status.label}项目`, icon: 'apartment', color: null, note: status.value === 'submitted' ? '待审核的项目申报' : null, x: 1 + 13 * i, y: 11, width: 13, height: 6 },
          'projects',
          { status: { _eq: status.value } },
          status.value === 'submitted' ? 0 : undefined,
        ),
      ),

      countMetric({ id: '7b2c0a4e-5d3f-4e81-9a6b-2c7d3e4f5a22', name: '待审核关键岗位', icon: 'how_to_reg', color: null, note: null, x: 1, y: 17, width: 13, height: 6 }, 'key_posts', { status: { _eq: 'pending' } }, 0),
      countMetric({ id: '7b2c0a4e-5d3f-4e81-9a6b-2c7d3e4f5a23', name: '待审核退场解锁', icon: 'lock_open', color: null, note: null, x: 14, y: 17, width: 13, height: 6 }, 'key_posts', { status: { _eq: 'exit_pending' } }, 0),
      countMetric({ id: '7b2c0a4e-5d3f-4e81-9a6b-2c7d3e4f5a14', name: '设备在线', icon: 'sensors', color: null, note: `已启用且 ${options.deviceOnlineMinutes} 分钟内有通信的考勤设备`, x: 27, y: 17, width: 13, height: 6 }, 'devices', { _and: [{ status: { _eq: 'active' } }, seenRecently] }),
      countMetric({ id: '7b2c0a4e-5d3f-4e81-9a6b-2c7d3e4f5a15', name: '设备离线', icon: 'sensors_off', color: null, note: `已启用但 ${options.deviceOnlineMinutes} 分钟内无通信的考勤设备`, x: 40, y: 17, width: 13, height: 6 }, 'devices', { _and: [{ status: { _eq: 'active' } }, notSeen] }, 0),

      {
        id: '7b2c0a4e-5d3f-4e81-9a6b-2c7d3e4f5a32',
        name: '今日各项目出勤率（最低在前）',
        icon: 'trending_down',
        color: null,
        note: '出勤率＝今日有效出勤 ÷ 在场人数；无人在场的项目不列出',
        type: 'list',
        x: 1,
        y: 23,
        width: 26,
        height: 16,
        options: {
          collection: 'project_days',
          sortField: 'attendance_rate',
          sortDirection: 'asc',
          limit: 12,
          // attendance_rate's display shows it as a percentage (62.5%).
          displayTemplate: '{{attendance_rate}} · {{project.name}}（出勤 {{present}} / 在场 {{on_site}}）',
          linkToItem: false,
          filter: { _and: [TODAY, { attendance_rate: { _nnull: true } }] },
        },
      },
      {
        id: '7b2c0a4e-5d3f-4e81-9a6b-2c7d3e4f5a33',
        name: '未处理预警（点击处理）',
        icon: 'warning',
        color: RED,
        note: '点击一条预警，将状态改为“已处理”并填写处理说明',
        type: 'list',
        x: 27,
        y: 23,
        width: 26,
        height: 16,
        options: {
          collection: 'warnings',
          sortField: 'raised_on',
          sortDirection: 'desc',
          limit: 12,
          // The message names the person (长期未打卡) or the rate against its threshold, so rows differ.
          displayTemplate: '{{project.name}}：{{message}}',
          linkToItem: true,
          filter: { status: { _eq: 'open' } },
        },
      },

      cityTrend(
        { id: '7b2c0a4e-5d3f-4e81-9a6b-2c7d3e4f5a41', name: '近30日全市出勤率', icon: 'show_chart', color: null, note: 'Σ出勤 ÷ Σ在场，按日；不含今日（今日未结束）', x: 1, y: 39, width: 26, height: 14 },
        'attendance_rate',
        { format: 'percent', color: '#1989FA' },
      ),
      cityTrend(
        { id: '7b2c0a4e-5d3f-4e81-9a6b-2c7d3e4f5a42', name: '近30日全市出勤人数', icon: 'stacked_line_chart', color: null, note: '每日有效出勤人数；不含今日', x: 27, y: 39, width: 26, height: 14 },
        'present',
        { format: 'count', color: '#2ECDA7' },
      ),
    ],
  };
}
