import type { DeviceDirection, DeviceProtocol } from '@/shared/schema';
import { call } from './client';

/** One gate device of the project (`GET /platform/devices`, 设备状态). */
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
  command_route: 'pull' | 'platform' | 'agent' | 'unset';
  /** 在线: seen within `online_window_minutes`. */
  online: boolean;
  online_window_minutes: number;
}

export function fetchDevices(): Promise<DeviceStatus[]> {
  return call<DeviceStatus[]>('/platform/devices');
}
