import type { CommandRoute, DeviceStatus } from '../../../../../../schema/api/site';
import { isDeviceOnline } from '../../../attendance/device-status';
import { platformConfig } from '../../../config';
import { readText, readTimestamp } from '../../../db/values';
import { TERMINAL_VENDORS } from '../../../devices/delivery/types';
import { projectScope } from '../../../http/scope';
import type { HandlerContext } from '../context';

interface DeviceRow {
  id: number;
  status: string;
  protocol: string;
  last_seen_at: unknown;
  last_punch_at: unknown;
  clock_error_at: unknown;
  pending_commands: number | string;
  failed_commands: number | string;
  last_failure: string | null;
  last_retry_reason: string | null;
  agent: number | null;
  api_url: string | null;
  [column: string]: unknown;
}

/** How commands reach the device (a Hikvision/Uniubi terminal with neither API address nor agent: 'unset'). */
export function commandRoute(device: { protocol: string; agent: number | null; api_url: string | null }): CommandRoute {
  if (!(TERMINAL_VENDORS as readonly string[]).includes(device.protocol)) return 'pull';
  if (device.agent !== null) return 'agent';
  return device.api_url ? 'platform' : 'unset';
}

/**
 * GET /platform/devices — 设备状态: the project's devices, 在线 when seen within
 * PLATFORM_DEVICE_ONLINE_WINDOW_MINUTES, with last-seen time, the newest punch, the commands
 * (enrolments, faces, removals) still waiting for the device (pending, sent, failed and to be
 * retried) or given up on (error, 下发失败, with the terminal's own message of the latest one), and
 * 设备时间异常 (`clock_error_at`, `clock_error`) while the device's latest punches had impossible times.
 */
export async function listDevices({ req, database, env }: HandlerContext): Promise<DeviceStatus[]> {
  const scope = await projectScope(req, database);
  const windowMinutes = platformConfig(env).PLATFORM_DEVICE_ONLINE_WINDOW_MINUTES;
  const commands = (statuses: string[], alias: string) =>
    database('device_commands').count('*').where('device_commands.device', database.ref('devices.id')).whereIn('device_commands.status', statuses).as(alias);
  const lastPunch = database('punches').max('punched_at').where('punches.device', database.ref('devices.id')).as('last_punch_at');
  const latestMessage = (status: string, alias: string) =>
    database('device_commands')
      .select('error_message')
      .where('device_commands.device', database.ref('devices.id'))
      .where('device_commands.status', status)
      .orderBy('device_commands.id', 'desc')
      .limit(1)
      .as(alias);
  const rows: DeviceRow[] = await database('devices')
    .select('id', 'sn', 'name', 'protocol', 'direction', 'status', 'last_seen_at', 'firmware', 'clock_error_at', 'clock_error', 'agent', 'api_url', commands(['pending', 'sent', 'failed'], 'pending_commands'), commands(['error'], 'failed_commands'), lastPunch, latestMessage('error', 'last_failure'), latestMessage('failed', 'last_retry_reason'))
    .where({ project: scope.projectId })
    .orderBy('id');
  const now = new Date();
  return rows.map((row) => {
    const lastSeen = readTimestamp(row.last_seen_at);
    return {
      id: Number(row.id),
      sn: String(row['sn']),
      name: (row['name'] as string | null) ?? null,
      protocol: row['protocol'] as DeviceStatus['protocol'],
      direction: row['direction'] as DeviceStatus['direction'],
      status: row.status as DeviceStatus['status'],
      firmware: (row['firmware'] as string | null) ?? null,
      // The bureau's terminal settings stay in the studio; staff see only how commands travel.
      command_route: commandRoute({ protocol: String(row.protocol), agent: row.agent === null || row.agent === undefined ? null : Number(row.agent), api_url: row.api_url }),
      last_failure: row.last_failure ?? null,
      last_retry_reason: row.last_retry_reason ?? null,
      last_seen_at: lastSeen,
      last_punch_at: readTimestamp(row.last_punch_at),
      clock_error_at: readTimestamp(row.clock_error_at),
      clock_error: readText(row['clock_error']),
      pending_commands: Number(row.pending_commands),
      failed_commands: Number(row.failed_commands),
      online: isDeviceOnline({ status: row.status, last_seen_at: lastSeen }, now, windowMinutes),
      online_window_minutes: windowMinutes,
    };
  });
}
