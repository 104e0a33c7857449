/**
 * 出勤 and 设备 (`/platform/attendance/*`, `/platform/punches`, `/platform/devices`): the 出勤一览表
 * and its 更多 list, 出勤记录 (punches, newest first, by keyset), 手工补录, and 设备状态.
 */
import { z } from 'zod';
import type { DeviceDirection, DeviceProtocol, EmploymentRole } from '../codes';
import { isIsoDate } from '../rules';

/** 统计周期 of 出勤一览表. */
export const PERIODS = ['day', 'week', 'month'] as const;
export type Period = (typeof PERIODS)[number];

/** 出勤: a valid day (≥ 2 punches spanning ≥ 4 h by default); 打卡不足: punched, not valid; 未出勤: no punch. */
export type Standing = 'present' | 'partial' | 'absent';

const emptyToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
const positiveId = (label: string) => z.preprocess(emptyToUndefined, z.coerce.number({ error: `${label}不正确` }).int(`${label}不正确`).positive(`${label}不正确`).optional());

/** `GET /platform/attendance/summary?period=&date=`. */
export const SummaryQuery = z.object({
  period: z.preprocess(emptyToUndefined, z.enum(PERIODS, { error: '统计周期应为 day、week 或 month' }).default('day')),
  date: z.preprocess(emptyToUndefined, z.string().refine(isIsoDate, '日期格式不正确，应为 YYYY-MM-DD').optional()),
});
export type SummaryQuery = z.infer<typeof SummaryQuery>;

/** `GET /platform/attendance/people?period=&date=&status=&team=&page=`. */
export const AttendancePeopleQuery = SummaryQuery.extend({
  status: z.preprocess(emptyToUndefined, z.enum(['present', 'partial', 'absent'], { error: '状态应为 present、partial 或 absent' }).default('present')),
  team: positiveId('班组'),
  page: z.preprocess(emptyToUndefined, z.coerce.number({ error: '页码不正确' }).int('页码不正确').min(1, '页码不正确').default(1)),
});
export type AttendancePeopleQuery = z.infer<typeof AttendancePeopleQuery>;

export const SUMMARY_LABELS = { period: '统计周期', date: '日期', status: '状态', team: '班组', page: '页码' } as const;

export interface DayPoint {
  day: string;
  on_site: number;
  present: number;
  /** present ÷ on site, null when nobody was on site (or the day is not rolled up yet). */
  rate: number | null;
}

export interface TeamFigures {
  team: number | null;
  name: string;
  on_site: number;
  present: number;
  partial: number;
  absent: number;
  /** Person-days over the rated days (what `rate` divides). */
  on_site_days: number;
  present_days: number;
  rate: number | null;
}

/** `GET /platform/attendance/summary`: head counts (people on site during the period and how they stood). */
export interface AttendanceSummary {
  period: Period;
  date: string;
  from: string;
  to: string;
  today: string;
  on_site: number;
  present: number;
  partial: number;
  absent: number;
  /** Person-days over the period's finished days (a single day: that day). */
  person_days: { on_site: number; present: number; rate: number | null };
  key_posts: { required: number; present: number; rate: number | null };
  trend: DayPoint[];
  teams: TeamFigures[];
  /** Warning lines: attendance and key-post rates below these raise 预警. */
  thresholds: { attendance: number; key_posts: number };
  /** What makes a day 出勤. */
  valid_rule: { min_punches: number; min_hours: number };
  /** When the figures were computed: the last roll-up, or now for today's live day view. */
  updated_at: string | null;
  /** 'HH:MM': before it today's low rate is people on their way, not an alarm. */
  arrival_by: string;
  /**
   * Today's day view only: live figures (present = punched so far, partial always 0) as of
   * `computed_at`; `rate_state` 'early' before `arrival_by`.
   */
  live: { computed_at: string; rate_state: 'early' | 'normal' | 'low' } | null;
}

export interface AttendancePerson {
  employment: number;
  name: string;
  team: number | null;
  team_name: string | null;
  role: EmploymentRole | string;
  trade: string;
  on_site_days: number;
  present_days: number;
  punched_days: number;
  /** A single day only. */
  first_in?: string | null;
  last_out?: string | null;
  punch_count?: number;
  hours?: number | null;
}

/** `GET /platform/attendance/people`. */
export interface AttendancePeoplePage {
  period: Period;
  date: string;
  from: string;
  to: string;
  status: Standing;
  counts: Record<Standing, number>;
  total: number;
  page: number;
  page_size: number;
  items: AttendancePerson[];
}

/** `GET /platform/punches?limit=&team=&device=&q=&before=&before_id=`. */
export const PunchListQuery = z.object({
  limit: z.preprocess(emptyToUndefined, z.coerce.number({ error: '条数不正确' }).int('条数不正确').min(1, '条数至少为 1').max(200, '条数不能超过 200').default(50)),
  team: positiveId('班组'),
  device: positiveId('设备'),
  q: z.preprocess(emptyToUndefined, z.string().trim().max(50, '姓名不能超过 50 个字').optional()),
  /** Keyset cursor: the last row shown (its punched_at and id); the next page is older. */
  before: z.preprocess(emptyToUndefined, z.iso.datetime({ offset: true, error: '分页位置不正确' }).optional()),
  before_id: positiveId('分页位置'),
});
export const PUNCH_LIST_LABELS = { limit: '条数', team: '班组', device: '设备', q: '姓名', before: '分页位置', before_id: '分页位置' } as const;

/** One punch of 出勤记录; `name` is null when the device PIN matched nobody. */
export interface Punch {
  id: number;
  punched_at: string;
  direction: 'in' | 'out' | null;
  verify_mode: string | null;
  source: 'device' | 'h5' | 'manual';
  device_pin: string | null;
  reason: string | null;
  employment: number | null;
  name: string | null;
  team: number | null;
  team_name: string | null;
  device: number | null;
  device_name: string | null;
}

/** 手工补录 (`POST /platform/punches`). */
export const ManualPunchInput = z.object({
  employment: z.number({ error: '请选择人员' }).int('请选择人员').positive('请选择人员'),
  /** ISO date-time with offset, e.g. 2026-03-02T18:10:00+08:00. */
  punched_at: z.iso.datetime({ offset: true, error: '请选择打卡时间（含日期和时刻）' }),
  direction: z.enum(['in', 'out'], { error: '请选择进场或出场' }),
  reason: z.string({ error: '请填写补录原因' }).trim().min(2, '补录原因至少 2 个字').max(200, '补录原因不能超过 200 个字'),
});
export type ManualPunchInput = z.infer<typeof ManualPunchInput>;
export type ManualPunchPayload = z.input<typeof ManualPunchInput>;

export const MANUAL_PUNCH_LABELS = { employment: '人员', punched_at: '打卡时间', direction: '进出方向', reason: '补录原因' } as const;

/** 手工补录's answer (201): the stored punch. */
export interface ManualPunchReceipt {
  id: number;
  employment: number;
  punched_at: string;
  direction: 'in' | 'out';
  source: 'manual';
  reason: string;
}

/** One gate device of the project (`GET /platform/devices`, 设备状态). */
/** How commands reach a device: it pulls them (ZKTeco), the platform calls it, a site agent calls it, or nobody yet. */
export type CommandRoute = 'pull' | 'platform' | 'agent' | 'unset';

export interface DeviceStatus {
  id: number;
  sn: string;
  name: string | null;
  protocol: DeviceProtocol;
  direction: DeviceDirection;
  status: 'pending' | 'active' | 'disabled';
  firmware: string | null;
  last_seen_at: string | null;
  last_punch_at: string | null;
  /** 设备时间异常: when the device last sent a punch with an impossible time (null: its clock looks right). */
  clock_error_at: string | null;
  /** What was wrong, for staff. */
  clock_error: string | null;
  /** Commands (enrol, face, remove) waiting for the device or to be retried. */
  pending_commands: number;
  /** Commands the device refused until the platform gave up (下发失败). */
  failed_commands: number;
  /** The terminal's own message for the latest 下发失败, if any. */
  last_failure: string | null;
  /** Why the latest command waiting for a retry could not be delivered (terminal unreachable, busy). */
  last_retry_reason: string | null;
  /** How commands travel: the device pulls them, the platform or a site agent calls it, or not set up yet. */
  command_route: CommandRoute;
  /** 在线: seen within `online_window_minutes`. */
  online: boolean;
  online_window_minutes: number;
}
