/**
 * One person's attendance on one local day, from that day's punches: first in, last out, hours
 * and whether the day counts (the validity rule). Wages are paid from these days, so the rule is
 * defined here once and read from the platform settings.
 */
import type { IsoDate } from '../../../../schema/rules/dates';
import type { PlatformConfig } from '../config';
import { localDayOf } from './local-days';

/** A day is valid attendance with at least `minPunches` punches spanning at least `minHours`. */
export interface ValidityRule {
  minPunches: number;
  minHours: number;
}

export function validityRule(config: Pick<PlatformConfig, 'PLATFORM_ATTENDANCE_VALID_MIN_PUNCHES' | 'PLATFORM_ATTENDANCE_VALID_MIN_HOURS'>): ValidityRule {
  return { minPunches: config.PLATFORM_ATTENDANCE_VALID_MIN_PUNCHES, minHours: config.PLATFORM_ATTENDANCE_VALID_MIN_HOURS };
}

export interface PunchTime {
  /** The instant, ISO. */
  at: string;
  direction: 'in' | 'out' | null;
}

/** What `attendance_days` stores for one employment and day. */
export interface DayAttendance {
  first_in: string | null;
  last_out: string | null;
  punch_count: number;
  /** Span from the first to the last punch, in hours, two decimals. */
  hours: number;
  valid: boolean;
}

const HOUR_MS = 3_600_000;

/**
 * Summarises one person's punches of one day. Directions are not trusted for pairing: gates that
 * work both ways, wrong gates and forgotten punches make in/out pairs unreliable, so the day runs
 * from the earliest to the latest punch whatever their direction. A lone punch is a first-in,
 * unless the device marked it as an exit (then it is a last-out and the day has no start).
 */
export function summariseDay(punches: readonly PunchTime[], rule: ValidityRule): DayAttendance {
  const times = punches.map((punch) => Date.parse(punch.at)).filter((ms) => Number.isFinite(ms)).sort((a, b) => a - b);
  const first = times[0];
  const last = times[times.length - 1];
  if (first === undefined || last === undefined) return { first_in: null, last_out: null, punch_count: 0, hours: 0, valid: false };
  if (times.length === 1) {
    const at = new Date(first).toISOString();
    const out = punches.find((punch) => Number.isFinite(Date.parse(punch.at)))?.direction === 'out';
    return { first_in: out ? null : at, last_out: out ? at : null, punch_count: 1, hours: 0, valid: rule.minPunches <= 1 && rule.minHours <= 0 };
  }
  const spanMs = last - first;
  return {
    first_in: new Date(first).toISOString(),
    last_out: new Date(last).toISOString(),
    punch_count: times.length,
    hours: Math.round((spanMs / HOUR_MS) * 100) / 100,
    // Compared on the exact span: 3 h 59 min 59 s is not 4 h even though it rounds to 4.00.
    valid: times.length >= rule.minPunches && spanMs >= rule.minHours * HOUR_MS,
  };
}

export interface EmploymentPunch extends PunchTime {
  employment: number;
}

/** Punches grouped by employment, then by local day (punches without an employment are skipped). */
export function groupByEmploymentDay(punches: readonly EmploymentPunch[]): Map<number, Map<IsoDate, PunchTime[]>> {
  const groups = new Map<number, Map<IsoDate, PunchTime[]>>();
  for (const punch of punches) {
    if (!Number.isFinite(Date.parse(punch.at))) continue;
    const day = localDayOf(punch.at);
    let byDay = groups.get(punch.employment);
    if (!byDay) groups.set(punch.employment, (byDay = new Map()));
    const list = byDay.get(day);
    if (list) list.push(punch);
    else byDay.set(day, [punch]);
  }
  return groups;
}
