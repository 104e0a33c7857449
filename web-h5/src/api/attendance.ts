import type { EmploymentRole } from '@/shared/schema';
import { call } from './client';

/** 统计周期 of 出勤一览表. */
export type Period = 'day' | 'week' | 'month';

/** 出勤: a valid day (≥ 2 punches spanning ≥ 4 h by default); 打卡不足: punched, not valid; 未出勤: no punch. */
export type Standing = 'present' | 'partial' | 'absent';

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

export interface AttendancePeoplePage {
  from: string;
  to: string;
  counts: Record<Standing, number>;
  total: number;
  page: number;
  page_size: number;
  items: AttendancePerson[];
}

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

export interface PunchQuery {
  team?: number | undefined;
  device?: number | undefined;
  q?: string | undefined;
  /** The last punch shown: the next page is older. */
  before?: Pick<Punch, 'id' | 'punched_at'> | undefined;
  limit?: number;
}

/** Body of `POST /platform/punches` (手工补录). */
export interface ManualPunchRequest {
  employment: number;
  /** ISO date-time with offset, e.g. 2026-03-02T18:10:00+08:00. */
  punched_at: string;
  direction: 'in' | 'out';
  reason: string;
}

const defined = (params: Record<string, string | number | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(params).flatMap(([key, value]) => (value === undefined || value === '' ? [] : [[key, String(value)]])));

export function fetchAttendanceSummary(period: Period, date?: string): Promise<AttendanceSummary> {
  return call<AttendanceSummary>('/platform/attendance/summary', { params: defined({ period, date }) });
}

export function fetchAttendancePeople(params: { period: Period; date: string; status: Standing; team?: number | undefined; page: number }): Promise<AttendancePeoplePage> {
  return call<AttendancePeoplePage>('/platform/attendance/people', { params: defined(params) });
}

export function fetchPunches(query: PunchQuery = {}): Promise<Punch[]> {
  return call<Punch[]>('/platform/punches', {
    params: defined({
      team: query.team,
      device: query.device,
      q: query.q?.trim(),
      limit: query.limit ?? 30,
      before: query.before?.punched_at,
      before_id: query.before?.id,
    }),
  });
}

export function addManualPunch(request: ManualPunchRequest): Promise<Punch> {
  return call<Punch>('/platform/punches', { method: 'POST', body: request });
}
