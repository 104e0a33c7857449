/**
 * When a punch can have happened: not after now plus the clock-skew allowance, and not before the
 * device was bound to its project minus the backlog window (a terminal keeps records made while
 * it was offline or not yet bound, but not years of them). Outside that, the device's clock or
 * memory is wrong: the record is kept for review, not paid. Pure.
 */

export interface TimeLimits {
  /** PLATFORM_DEVICE_CLOCK_SKEW_MINUTES. */
  skewMinutes: number;
  /** PLATFORM_DEVICE_BACKLOG_DAYS. */
  backlogDays: number;
}

export interface TimeWindow {
  earliest: Date;
  latest: Date;
}

/** The plausible window for a device bound at `boundAt` (not known yet: now). */
export function plausibleWindow(now: Date, boundAt: Date | null, limits: TimeLimits): TimeWindow {
  const from = boundAt && boundAt.getTime() < now.getTime() ? boundAt : now;
  return {
    earliest: new Date(from.getTime() - limits.backlogDays * 86_400_000),
    latest: new Date(now.getTime() + limits.skewMinutes * 60_000),
  };
}

export function isPlausible(at: Date, window: TimeWindow): boolean {
  return at.getTime() >= window.earliest.getTime() && at.getTime() <= window.latest.getTime();
}

/** The records inside the window and those outside it, each in their original order. */
export function splitByTime<T extends { punchedAt: Date }>(records: readonly T[], window: TimeWindow): { plausible: T[]; implausible: T[] } {
  const plausible: T[] = [];
  const implausible: T[] = [];
  for (const record of records) (isPlausible(record.punchedAt, window) ? plausible : implausible).push(record);
  return { plausible, implausible };
}

/** Why a record is outside the window, for staff (Chinese, Shanghai wall time). */
export function implausibleReason(at: Date, window: TimeWindow): string {
  return at.getTime() > window.latest.getTime()
    ? `打卡时间 ${wall(at)} 晚于当前时间，设备时钟可能超前`
    : `打卡时间 ${wall(at)} 早于绑定前补传窗口（${wall(window.earliest)}），设备时钟或记录有误`;
}

/** One line for `devices.clock_error` (≤ 200 characters). */
export function clockErrorSummary(times: readonly Date[], window: TimeWindow): string {
  const sorted = [...times].sort((a, b) => a.getTime() - b.getTime());
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last) return '';
  const range = first.getTime() === last.getTime() ? wall(first) : `${wall(first)} 至 ${wall(last)}`;
  return `${sorted.length} 条打卡时间不在合理范围（${wall(window.earliest)} 至 ${wall(window.latest)}）：${range}，未计考勤`.slice(0, 200);
}

/** 'YYYY-MM-DD HH:MM' in Shanghai (UTC+8, no daylight saving). */
function wall(at: Date): string {
  const shifted = new Date(at.getTime() + 8 * 3_600_000);
  return Number.isNaN(shifted.getTime()) ? 'Invalid' : shifted.toISOString().slice(0, 16).replace('T', ' ');
}
