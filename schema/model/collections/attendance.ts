import { rate } from '../studio-ui';
import { RATE_STATES } from '../../codes/attendance';
import type { CollectionDef } from '../types';

/**
 * Daily roll-up per employment: one row per employment and local (Asia/Shanghai) day on which it
 * has at least one punch, recomputed from `punches` by the attendance roll-up
 * (extensions/platform/src/attendance). A day without punches has no row. Never edit rows by
 * hand: the next roll-up of that day rewrites them; correct attendance with a manual punch.
 * - first_in / last_out: earliest and latest punch of the day whatever their direction (a lone
 *   punch is first_in, or last_out when the device marked it as an exit);
 * - hours: last_out − first_in; valid: punch_count ≥ PLATFORM_ATTENDANCE_VALID_MIN_PUNCHES and
 *   hours ≥ PLATFORM_ATTENDANCE_VALID_MIN_HOURS (default 2 and 4). A valid day is a day worked
 *   (出勤); wages and every rate count valid days only.
 * - team: the employment's team when the day was last rolled up.
 */
export const attendanceDays: CollectionDef = {
  collection: 'attendance_days',
  label: '每日出勤',
  note: '按人按日（北京时间）汇总的打卡：首末次打卡、工时、是否有效出勤（默认≥2次且跨度≥4小时）。由定时任务从打卡记录重算，勿手工修改',
  icon: 'event_available',
  displayTemplate: '{{day}} · {{employment.person.name}}',
  group: 'platform_attendance',
  fields: [
    { field: 'project', type: 'integer', label: '项目', required: true, m2o: { collection: 'projects', onDelete: 'CASCADE' }, width: 'half' },
    { field: 'employment', type: 'integer', label: '项目人员', required: true, m2o: { collection: 'employments', onDelete: 'CASCADE' }, width: 'half' },
    { field: 'team', type: 'integer', label: '班组', m2o: { collection: 'teams', onDelete: 'SET NULL' }, width: 'half' },
    { field: 'day', type: 'date', label: '日期', required: true, width: 'half' },
    { field: 'first_in', type: 'timestamp', label: '首次打卡', width: 'half' },
    { field: 'last_out', type: 'timestamp', label: '末次打卡', width: 'half' },
    { field: 'punch_count', type: 'integer', label: '打卡次数', default: 0, width: 'half' },
    { field: 'hours', type: 'decimal', precision: 6, scale: 2, label: '工时', width: 'half' },
    { field: 'valid', type: 'boolean', label: '有效出勤', default: false, width: 'half', note: '打卡次数与跨度达到有效出勤规则' },
  ],
  uniques: [['employment', 'day']],
  // Covers 出勤一览表's grouped read (a project's days → employment, valid) without table lookups.
  indexes: [['project', 'day', 'employment', 'valid']],
};

/**
 * Daily roll-up per project: one row per approved project and local day, recomputed by the
 * attendance roll-up (today's row fills up during the day; warnings use yesterday's).
 * - on_site: employments with entry_date ≤ day ≤ exit_date (or no exit) — 在场人数;
 * - present: those of them with a valid attendance day — 出勤人数; attendance_rate = present ÷
 *   on_site (null when nobody is on site);
 * - key_posts_required: Σ min of KEY_POST_MATRIX over the project's unit types (project_units);
 *   key_posts_present: required posts whose bureau-approved holder (approved, exit_pending, or
 *   exited after that day) had a valid attendance day; vacant and unapproved posts count absent;
 *   key_post_rate = present ÷ required (null when none is required).
 */
export const projectDays: CollectionDef = {
  collection: 'project_days',
  label: '项目日统计',
  note: '按项目按日汇总：在场人数、出勤人数（有效出勤）、出勤率＝出勤÷在场；关键岗位到岗数、在岗率＝到岗÷应设岗位。由定时任务重算',
  icon: 'monitoring',
  displayTemplate: '{{day}} · {{project.name}}',
  group: 'platform_attendance',
  fields: [
    { field: 'project', type: 'integer', label: '项目', required: true, m2o: { collection: 'projects', onDelete: 'CASCADE' }, width: 'half' },
    { field: 'day', type: 'date', label: '日期', required: true, width: 'half' },
    { field: 'on_site', type: 'integer', label: '在场人数', default: 0, width: 'half', note: '当日在进场与退场日期之间的人员' },
    { field: 'present', type: 'integer', label: '出勤人数', default: 0, width: 'half', note: '在场人员中当日有效出勤的人数' },
    { field: 'attendance_rate', type: 'decimal', precision: 5, scale: 4, label: '出勤率', width: 'half', ...rate },
    { field: 'key_posts_required', type: 'integer', label: '关键岗位数', default: 0, width: 'half' },
    { field: 'key_posts_present', type: 'integer', label: '关键岗位到岗数', default: 0, width: 'half', note: '已审核在岗人员当日有效出勤的岗位数；空缺、待审核岗位计为未到岗' },
    { field: 'key_post_rate', type: 'decimal', precision: 5, scale: 4, label: '关键岗位在岗率', width: 'half', ...rate },
  ],
  uniques: [['project', 'day']],
  indexes: [['day']],
};

/**
 * Daily roll-up for the whole city: one row per local day, the sums of that day's project_days
 * rows, recomputed by the attendance roll-up after the projects (rollup-city.ts). It exists because
 * the city's rate is Σpresent ÷ Σon_site — a weighted rate no chart can rebuild by averaging the
 * projects' rates. The bureau's dashboard 全市实名制概况 reads it.
 * - today's row holds live figures (attendance/live-today.ts: who has punched so far, refreshed every
 *   minute), finished days the roll-up's valid attendance;
 * - computed_at: when the row was computed (the dashboard's 「截至 HH:MM」);
 * - rate_state: the rate against PLATFORM_ATTENDANCE_WARN_RATE, 'early' today before
 *   PLATFORM_ATTENDANCE_ARRIVAL_BY (people still on their way are not an alarm).
 */
export const cityDays: CollectionDef = {
  collection: 'city_days',
  label: '全市日统计',
  note: '按日汇总全市各项目：在场人数、出勤人数、出勤率＝Σ出勤÷Σ在场（加权，不是各项目出勤率的平均）。由定时任务重算',
  icon: 'location_city',
  displayTemplate: '{{day}}',
  group: 'platform_attendance',
  fields: [
    { field: 'day', type: 'date', label: '日期', required: true, width: 'half' },
    { field: 'projects', type: 'integer', label: '项目数', default: 0, width: 'half', note: '当日有统计的项目数' },
    { field: 'on_site', type: 'integer', label: '在场人数', default: 0, width: 'half' },
    { field: 'present', type: 'integer', label: '出勤人数', default: 0, width: 'half' },
    { field: 'attendance_rate', type: 'decimal', precision: 5, scale: 4, label: '出勤率', width: 'half', ...rate },
    { field: 'key_posts_required', type: 'integer', label: '关键岗位数', default: 0, width: 'half' },
    { field: 'key_posts_present', type: 'integer', label: '关键岗位到岗数', default: 0, width: 'half' },
    { field: 'key_post_rate', type: 'decimal', precision: 5, scale: 4, label: '关键岗位在岗率', width: 'half', ...rate },
    {
      field: 'computed_at',
      type: 'timestamp',
      label: '计算时间',
      width: 'half',
      note: '今日的数字为实时统计，每分钟重算',
      display: 'datetime',
      displayOptions: { format: 'HH:mm' },
    },
    {
      field: 'rate_state',
      type: 'string',
      maxLength: 16,
      label: '出勤率状态',
      choices: RATE_STATES,
      width: 'half',
      note: '对照预警线；今日在上班到岗时间之前为“未到预警时间”',
      display: 'labels',
      displayOptions: {
        choices: [
          { text: '未到预警时间', value: 'early', foreground: '#646566', background: '#F2F3F5' },
          { text: '正常', value: 'normal', foreground: '#FFFFFF', background: '#2ECDA7' },
          { text: '低于预警线', value: 'low', foreground: '#FFFFFF', background: '#E35169' },
        ],
      },
    },
  ],
  uniques: [['day']],
};
