/**
 * How a day's attendance rate reads against the warning line (PLATFORM_ATTENDANCE_WARN_RATE): today
 * before the usual arrival time (PLATFORM_ATTENDANCE_ARRIVAL_BY) a low live rate is people still on
 * their way ('early'), never an alarm. Pure: callers pass the clock.
 */
import type { RateState } from '../../../../schema/codes/attendance';
import { shanghaiDateTime, type IsoDate } from '../../../../schema/rules/dates';
import type { PlatformConfig } from '../config';
import { localDayOf } from './local-days';

/** What judging a rate needs: the warning line, the usual arrival time and the clock. */
export interface RateSettings {
  now: Date;
  warnRate: number;
  /** 'HH:MM' local. */
  arrivalBy: string;
}

export function rateSettings(config: Pick<PlatformConfig, 'PLATFORM_ATTENDANCE_WARN_RATE' | 'PLATFORM_ATTENDANCE_ARRIVAL_BY'>, now: Date): RateSettings {
  return { now, warnRate: config.PLATFORM_ATTENDANCE_WARN_RATE, arrivalBy: config.PLATFORM_ATTENDANCE_ARRIVAL_BY };
}

/** 'HH:MM' of an instant on the Shanghai wall clock. */
export function localClock(instant: Date): string {
  return shanghaiDateTime(instant).slice(11, 16);
}

/** How `day`'s rate reads: 'early' today before the arrival time, else 'low' under the warning line. */
export function rateState(value: number | null, day: IsoDate, settings: RateSettings): RateState {
  if (day === localDayOf(settings.now) && localClock(settings.now) < settings.arrivalBy) return 'early';
  return value !== null && value < settings.warnRate ? 'low' : 'normal';
}
