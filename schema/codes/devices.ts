/**
 * Attendance devices (考勤设备) and the records they produce. No national table exists for
 * these, so values are stable slugs; attendance direction also carries the national code.
 */
import type { CodeList, CodeListWith, CodeValue } from './code-list';

/** How a device talks to the platform. */
export const DEVICE_PROTOCOLS = [
  { value: 'zkteco', label: '中控 PUSH (iclock/ADMS)' },
  { value: 'uniubi', label: '宇泛识别回调' },
  { value: 'hikvision', label: '海康威视 ISAPI 事件推送' },
] as const satisfies CodeList;

export type DeviceProtocol = CodeValue<typeof DEVICE_PROTOCOLS>;

/** Which way people pass a device; 'both' devices ask or infer per record. */
export const DEVICE_DIRECTIONS = [
  { value: 'in', label: '进场' },
  { value: 'out', label: '出场' },
  { value: 'both', label: '进出双向' },
] as const satisfies CodeList;

export type DeviceDirection = CodeValue<typeof DEVICE_DIRECTIONS>;

export const DEVICE_STATUSES = [
  { value: 'pending', label: '待绑定' },
  { value: 'active', label: '启用' },
  { value: 'disabled', label: '已停用' },
] as const satisfies CodeList;

export type DeviceStatus = CodeValue<typeof DEVICE_STATUSES>;

/** What a queued device command does (人员/人脸下发、删除). */
export const DEVICE_COMMAND_KINDS = [
  { value: 'user_update', label: '下发人员' },
  { value: 'face_update', label: '下发人脸' },
  { value: 'user_delete', label: '删除人员' },
] as const satisfies CodeList;

export type DeviceCommandKind = CodeValue<typeof DEVICE_COMMAND_KINDS>;

/**
 * Life of a queued device command: waiting, handed to the device, confirmed; `failed` when the device
 * refused it (sent again, a bounded number of times), then `error` for staff to look at.
 */
export const COMMAND_STATUSES = [
  { value: 'pending', label: '待下发' },
  { value: 'sent', label: '已下发' },
  { value: 'done', label: '已完成' },
  { value: 'failed', label: '失败待重试' },
  { value: 'error', label: '下发失败' },
] as const satisfies CodeList;

export type CommandStatus = CodeValue<typeof COMMAND_STATUSES>;

/** Direction of one attendance record; platformCode is the national 01 入场 / 02 出场. */
export const ATTENDANCE_DIRECTIONS = [
  { value: 'in', label: '入场', platformCode: '01' },
  { value: 'out', label: '出场', platformCode: '02' },
] as const satisfies CodeListWith<{ platformCode: string }>;

export type AttendanceDirection = CodeValue<typeof ATTENDANCE_DIRECTIONS>;

export const ATTENDANCE_SOURCES = [
  { value: 'device', label: '考勤设备' },
  { value: 'h5', label: '移动端' },
  { value: 'manual', label: '手工补录' },
] as const satisfies CodeList;

export type AttendanceSource = CodeValue<typeof ATTENDANCE_SOURCES>;

/**
 * What a device event (设备事件, `device_events`) records: what a terminal sent that is not
 * attendance, and attempts the platform refused. Punches with an impossible time and refused or
 * failed verifications are kept one row each, for review; routine door and device-health events
 * and failed authentications are counted per day (or hour) in one row, so a flood cannot grow the log.
 */
export const DEVICE_EVENT_KINDS = [
  { value: 'implausible_time', label: '打卡时间异常' },
  { value: 'refused', label: '验证未通过' },
  { value: 'unattributed', label: '无法对应人员' },
  { value: 'alarm', label: '报警/防拆' },
  { value: 'remote', label: '远程操作' },
  { value: 'door', label: '门状态' },
  { value: 'exception', label: '设备异常' },
  { value: 'other', label: '其他事件' },
  { value: 'auth_failed', label: '认证失败' },
] as const satisfies CodeList;

export type DeviceEventKind = CodeValue<typeof DEVICE_EVENT_KINDS>;
