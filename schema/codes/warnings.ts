/**
 * 预警: warnings the scheduler raises on a project and clears when the cause recovers.
 */
import type { CodeList, CodeValue } from './code-list';

export const WARNING_KINDS = [
  { value: 'attendance_rate', label: '出勤率偏低' },
  { value: 'key_post_presence', label: '关键岗位在岗率不足' },
  { value: 'long_absence', label: '长期未打卡' },
] as const satisfies CodeList;

export type WarningKind = CodeValue<typeof WARNING_KINDS>;

/** 'resolved' is set by the scheduler when the cause recovers; 'handled' by a person. */
export const WARNING_STATUSES = [
  { value: 'open', label: '未处理' },
  { value: 'handled', label: '已处理' },
  { value: 'resolved', label: '已解除' },
] as const satisfies CodeList;

export type WarningStatus = CodeValue<typeof WARNING_STATUSES>;
