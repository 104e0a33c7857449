/**
 * How a day's attendance rate reads against the warning line (PLATFORM_ATTENDANCE_WARN_RATE).
 * Today's figures are live (people who have punched so far), so before the usual arrival time
 * (PLATFORM_ATTENDANCE_ARRIVAL_BY) a low rate is only people still on their way: 'early', never an alarm.
 */
import type { CodeList, CodeValue } from './code-list';

export const RATE_STATES = [
  { value: 'early', label: '未到预警时间' },
  { value: 'normal', label: '正常' },
  { value: 'low', label: '低于预警线' },
] as const satisfies CodeList;

export type RateState = CodeValue<typeof RATE_STATES>;
