/**
 * Who is calling: a device is its registered serial (`devices.sn`). A serial the platform has never
 * seen is recorded as a `pending` device for staff to bind to a project. Every call refreshes
 * `last_seen_at`/`last_ip`, written at most once per SEEN_WRITE_INTERVAL_MS per device, and the
 * device row comes from a few-seconds cache (devices/device-cache.ts), so the ingest hot path
 * usually reads nothing.
 */
import type { Knex } from 'knex';
import type { AttendanceDirection, DeviceDirection, DeviceProtocol, DeviceStatus } from '../../../../schema/codes';
import { dbTimestamp, readTimestamp, toDbRow } from '../db/values';
import { deviceNotReady, NotYoursError } from '../http/errors';
import { cacheDevice, cachedDevice, DEVICE_TTL_MS } from './device-cache';

export const SEEN_WRITE_INTERVAL_MS = 30_000;

export interface DeviceRecord {
  id: number;
  sn: string;
  project: number | null;
  protocol: DeviceProtocol;
  direction: DeviceDirection;
  status: DeviceStatus;
  attlogStamp: string | null;
  operlogStamp: string | null;
}

/** A device whose uploads the platform stores: active and bound to a project. */
export interface ActiveDevice extends DeviceRecord {
  project: number;
  status: 'active';
}

export interface DeviceCall {
  sn: string;
  protocol: DeviceProtocol;
  ip: string | null;
  firmware?: string | null;
  now?: Date;
}

const COLUMNS = ['id', 'sn', 'project', 'protocol', 'direction', 'status', 'attlog_stamp', 'operlog_stamp', 'last_seen_at', 'last_ip', 'firmware'];

/**
 * The calling device (registering an unknown serial as pending), with its last-seen refreshed.
 * Read from the short-lived cache unless `fresh` (the handshake hands out stamps, so it reads the row).
 */
export async function identifyDevice(database: Knex, call: DeviceCall, options: { fresh?: boolean } = {}): Promise<DeviceRecord> {
  const now = call.now ?? new Date();
  const at = now.getTime();
  const ip = call.ip ? call.ip.slice(0, 64) : null;
  const firmware = call.firmware ? call.firmware.slice(0, 64) : null;
  let entry = options.fresh ? undefined : cachedDevice<DeviceRecord>(call.sn, at);
  if (!entry) {
    let row = await database('devices').select(COLUMNS).where({ sn: call.sn }).first();
    if (!row) {
      // Two first calls may race: the unique serial keeps one row, and both read it back.
      await database('devices')
        .insert(
          toDbRow(database, 'devices', {
            sn: call.sn,
            protocol: call.protocol,
            direction: 'both',
            status: 'pending',
            last_seen_at: now.toISOString(),
            last_ip: ip,
            firmware,
            date_created: now.toISOString(),
          }),
        )
        .onConflict('sn')
        .ignore();
      row = await database('devices').select(COLUMNS).where({ sn: call.sn }).first();
      if (!row) throw new Error(`device ${call.sn} vanished after registration`);
    }
    const lastSeen = readTimestamp(row.last_seen_at);
    entry = { record: toRecord(row), expires: at + DEVICE_TTL_MS, seenWrittenAt: lastSeen ? Date.parse(lastSeen) : 0, ip: row.last_ip ?? null, firmware: row.firmware ?? null };
    cacheDevice(call.sn, entry);
  }
  const stale = at - entry.seenWrittenAt >= SEEN_WRITE_INTERVAL_MS;
  const moved = ip !== null && ip !== entry.ip;
  const upgraded = firmware !== null && firmware !== entry.firmware;
  if (stale || moved || upgraded) {
    entry.seenWrittenAt = at;
    entry.ip = ip ?? entry.ip;
    if (upgraded) entry.firmware = firmware;
    await database('devices')
      .where({ id: entry.record.id })
      .update({ last_seen_at: dbTimestamp(database, now), last_ip: entry.ip, ...(upgraded ? { firmware } : {}) });
  }
  return { ...entry.record };
}

/** After a commit: the cached copy of the device carries its new stamps too. */
export function rememberStamps(device: DeviceRecord, stamps: Partial<Pick<DeviceRecord, 'attlogStamp' | 'operlogStamp'>>): void {
  const entry = cachedDevice<DeviceRecord>(device.sn, Date.now());
  if (entry) Object.assign(entry.record, stamps);
}

function toRecord(row: Record<string, unknown>): DeviceRecord {
  return {
    id: Number(row['id']),
    sn: String(row['sn']),
    project: row['project'] === null || row['project'] === undefined ? null : Number(row['project']),
    protocol: row['protocol'] as DeviceProtocol,
    direction: row['direction'] as DeviceDirection,
    status: row['status'] as DeviceStatus,
    attlogStamp: (row['attlog_stamp'] as string | null) ?? null,
    operlogStamp: (row['operlog_stamp'] as string | null) ?? null,
  };
}

/** Whether the device's uploads are stored: active with a project. */
export function isActive(device: DeviceRecord): device is ActiveDevice {
  return device.status === 'active' && device.project !== null;
}

/**
 * The device if its uploads may be stored. A disabled device is refused (403); a pending or
 * unbound one gets a 503, so it keeps its records and sends them again once staff bind it.
 */
export function requireActive(device: DeviceRecord): ActiveDevice {
  if (device.status === 'disabled') throw new NotYoursError({ message: `设备 ${device.sn} 已停用，上传被拒绝` });
  if (!isActive(device)) throw deviceNotReady('DEVICE_PENDING', `设备 ${device.sn} 尚未绑定项目，记录暂不接收，请在设备管理中绑定`);
  return device;
}

/** A disabled device is refused outright, whatever it asks. */
export function refuseDisabled(device: DeviceRecord): void {
  if (device.status === 'disabled') throw new NotYoursError({ message: `设备 ${device.sn} 已停用` });
}

/** The direction of a punch: a gate with a fixed direction decides; a two-way device tells per record. */
export function punchDirection(device: DeviceRecord, reported: AttendanceDirection | null): AttendanceDirection | null {
  return device.direction === 'in' || device.direction === 'out' ? device.direction : reported;
}
