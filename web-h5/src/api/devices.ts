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
  /** Commands the device refused until the platform gave up. */
  failed_commands: number;
  /** 在线: seen within `online_window_minutes`. */
  online: boolean;
  online_window_minutes: number;
}

export function fetchDevices(): Promise<DeviceStatus[]> {
  return call<DeviceStatus[]>('/platform/devices');
}
