/**
 * Who is calling, and whether to believe it. A device is its registered serial (`devices.sn`); a
 * serial the platform has never seen is recorded as a `pending` device for staff to bind, within
 * limits (per source address and in all; stale ones expire; calls naming unknown serials are
 * rate-limited per address). A known device must prove it is that device the way its vendor's
 * firmware can (auth/authenticate.ts) before anything about it changes: a refused call writes
 * nothing, not even last-seen. `last_seen_at`/`last_ip` are written at most once per
 * SEEN_WRITE_INTERVAL_MS per device, and the row comes from a few-seconds cache
 * (devices/device-cache.ts), so the ingest hot path usually reads nothing.
 */
import type { Knex } from 'knex';
import type { AttendanceDirection, DeviceDirection, DeviceProtocol, DeviceStatus } from '../../../../schema/codes';
import { dbTimestamp, readTimestamp, toDbRow } from '../db/values';
import type { DirectusApi } from '../directus';
import { deviceNotReady, deviceRateLimited, deviceUnauthorized, NotYoursError } from '../http/errors';
import { parseAllowList } from './auth/allow-list';
import { judgeDevice, type AuthSettings, type DeviceAuth, type Presented } from './auth/authenticate';
import { openDeviceSecret } from './auth/device-secrets';
import { WindowCounter } from './auth/window-counter';
import { cacheDevice, cachedDevice, DEVICE_TTL_MS, type CachedDevice } from './device-cache';
import { noteAuthFailure } from './events/auth-failures';

export const SEEN_WRITE_INTERVAL_MS = 30_000;
/** A ZKTeco session is written again at most this often while its address stays the same. */
const SESSION_WRITE_INTERVAL_MS = 10 * 60_000;

export interface DeviceRecord {
  id: number;
  sn: string;
  project: number | null;
  protocol: DeviceProtocol;
  direction: DeviceDirection;
  status: DeviceStatus;
  attlogStamp: string | null;
  operlogStamp: string | null;
  /** When the device was bound to its current project (ms); null when not known. */
  boundAt: number | null;
  /** When the device last sent a punch with an impossible time (ms); null when its clock looks right. */
  clockErrorAt: number | null;
}

/** A device whose uploads the platform stores: active and bound to a project. */
export interface ActiveDevice extends DeviceRecord {
  project: number;
  status: 'active';
}

export interface DeviceCall {
  sn: string;
  protocol: DeviceProtocol;
  firmware?: string | null;
  now?: Date;
  /** What the caller presents: its address, key, Authorization header and request line. */
  presented: Presented;
}

export interface AdmissionSettings extends AuthSettings {
  pendingPerAddress: number;
  pendingMax: number;
  pendingTtlDays: number;
  unknownPerMinute: number;
}

type Entry = CachedDevice<DeviceRecord, DeviceAuth>;

const COLUMNS = [
  'id', 'sn', 'project', 'protocol', 'direction', 'status', 'attlog_stamp', 'operlog_stamp', 'last_seen_at', 'last_ip', 'firmware',
  'auth_secret', 'allowed_ips', 'auth_ip', 'auth_at', 'bound_at', 'clock_error_at', 'date_created',
];

let unknownCalls: WindowCounter | null = null;

/**
 * The calling device, proven to be it, with its last-seen refreshed; an unknown serial is
 * registered as pending. Read from the short-lived cache unless `fresh` (the handshake hands out
 * stamps, so it reads the row). Throws 401 (not proven), 403 (disabled) or 429 (flood).
 */
export async function admitDevice(api: DirectusApi, call: DeviceCall, settings: AdmissionSettings, options: { fresh?: boolean } = {}): Promise<DeviceRecord> {
  const { database } = api;
  const now = call.now ?? new Date();
  const at = now.getTime();
  const ip = call.presented.ip ? call.presented.ip.slice(0, 64) : null;
  const firmware = call.firmware ? call.firmware.slice(0, 64) : null;
  let entry = options.fresh ? undefined : cachedDevice<DeviceRecord, DeviceAuth>(call.sn, at);
  if (!entry) {
    const row = (await database('devices').select(COLUMNS).where({ sn: call.sn }).first()) ?? (await registerPending(database, call, ip, firmware, now, settings));
    entry = toEntry(row, at);
    cacheDevice(call.sn, entry);
  }
  const device = entry.record;
  if (device.protocol !== call.protocol) {
    await noteAuthFailure(database, device, ip, 'DEVICE_PROTOCOL_MISMATCH', now);
    throw deviceUnauthorized('DEVICE_PROTOCOL_MISMATCH', `设备 ${device.sn} 登记的协议不是本接口的协议`);
  }
  refuseDisabled(device);
  const secret = entry.auth.secretCipher === null ? null : await openDeviceSecret(api, device.id, entry.auth.secretCipher);
  const verdict = judgeDevice({ protocol: device.protocol, bound: device.project !== null || device.status === 'active' }, entry.auth, secret, { ...call.presented, ip }, settings, at);
  if (!verdict.ok) {
    if (!verdict.routine) await noteAuthFailure(database, device, ip, verdict.rule, now);
    throw deviceUnauthorized(verdict.rule, `设备 ${device.sn} 认证失败：${verdict.message}`, verdict.challenge);
  }
  await touch(database, entry, ip, firmware, verdict.session, now);
  return { ...device };
}

/** Registers an unknown serial as pending, unless its address or the registry is over its limits. */
async function registerPending(database: Knex, call: DeviceCall, ip: string | null, firmware: string | null, now: Date, settings: AdmissionSettings): Promise<Record<string, unknown>> {
  unknownCalls ??= new WindowCounter(settings.unknownPerMinute);
  if (!unknownCalls.take(ip ?? 'unknown', now.getTime())) {
    throw deviceRateLimited('DEVICE_UNKNOWN_RATE', `来自 ${ip ?? '未知地址'} 的未登记设备请求过多，请稍后再试`);
  }
  // Pending devices nobody bound and that went quiet are forgotten (never one that has punches).
  const stale = dbTimestamp(database, new Date(now.getTime() - settings.pendingTtlDays * 86_400_000));
  await database('devices')
    .where({ status: 'pending' })
    .whereNull('project')
    .andWhere((w) => w.where('last_seen_at', '<', stale).orWhereNull('last_seen_at'))
    .whereNotExists((q) => q.select(database.raw('1')).from('punches').whereRaw('punches.device = devices.id'))
    .delete();
  const pending = database('devices').where({ status: 'pending' }).whereNull('project');
  const [fromAddress, total] = await Promise.all([pending.clone().where({ last_ip: ip }).count({ n: '*' }), pending.clone().count({ n: '*' })]);
  if (Number(fromAddress[0]?.['n'] ?? 0) >= settings.pendingPerAddress || Number(total[0]?.['n'] ?? 0) >= settings.pendingMax) {
    throw deviceRateLimited('DEVICE_REGISTRY_FULL', '待绑定设备已达上限，请先在设备管理中绑定或删除待绑定设备');
  }
  // Two first calls may race: the unique serial keeps one row, and both read it back.
  await database('devices')
    .insert(toDbRow(database, 'devices', { sn: call.sn, protocol: call.protocol, direction: 'both', status: 'pending', last_seen_at: now.toISOString(), last_ip: ip, firmware, date_created: now.toISOString() }))
    .onConflict('sn')
    .ignore();
  const row = await database('devices').select(COLUMNS).where({ sn: call.sn }).first();
  if (!row) throw new Error(`device ${call.sn} vanished after registration`);
  return row;
}

/** Last-seen, address and firmware (throttled), and the ZKTeco session a keyed handshake opens. */
async function touch(database: Knex, entry: Entry, ip: string | null, firmware: string | null, session: boolean, now: Date): Promise<void> {
  const at = now.getTime();
  const stale = at - entry.seenWrittenAt >= SEEN_WRITE_INTERVAL_MS;
  const moved = ip !== null && ip !== entry.ip;
  const upgraded = firmware !== null && firmware !== entry.firmware;
  const renew = session && (entry.auth.sessionIp !== ip || entry.auth.sessionAt === null || at - entry.auth.sessionAt >= SESSION_WRITE_INTERVAL_MS);
  if (!stale && !moved && !upgraded && !renew) return;
  entry.seenWrittenAt = at;
  entry.ip = ip ?? entry.ip;
  if (upgraded) entry.firmware = firmware;
  if (renew) entry.auth = { ...entry.auth, sessionIp: ip, sessionAt: at };
  await database('devices')
    .where({ id: entry.record.id })
    .update({
      last_seen_at: dbTimestamp(database, now),
      last_ip: entry.ip,
      ...(upgraded ? { firmware } : {}),
      ...(renew ? { auth_ip: ip, auth_at: dbTimestamp(database, now) } : {}),
    });
}

/** After a commit: the cached copy of the device carries its new stamps and clock state too. */
export function rememberDevice(device: DeviceRecord, changes: Partial<Pick<DeviceRecord, 'attlogStamp' | 'operlogStamp' | 'clockErrorAt'>>): void {
  const entry = cachedDevice<DeviceRecord, DeviceAuth>(device.sn, Date.now());
  if (entry) Object.assign(entry.record, changes);
}

const ms = (value: unknown): number | null => {
  const iso = readTimestamp(value);
  return iso ? Date.parse(iso) : null;
};

function toEntry(row: Record<string, unknown>, at: number): Entry {
  const record: DeviceRecord = {
    id: Number(row['id']),
    sn: String(row['sn']),
    project: row['project'] === null || row['project'] === undefined ? null : Number(row['project']),
    protocol: row['protocol'] as DeviceProtocol,
    direction: row['direction'] as DeviceDirection,
    status: row['status'] as DeviceStatus,
    attlogStamp: (row['attlog_stamp'] as string | null) ?? null,
    operlogStamp: (row['operlog_stamp'] as string | null) ?? null,
    boundAt: ms(row['bound_at']),
    clockErrorAt: ms(row['clock_error_at']),
  };
  const cipher = typeof row['auth_secret'] === 'string' && row['auth_secret'] !== '' ? row['auth_secret'] : null;
  const auth: DeviceAuth = {
    secretCipher: cipher,
    // An allow-list that cannot be read restricts to nothing the validation hook would have refused.
    allowList: parseAllowList(row['allowed_ips'] as string | null).list,
    sessionIp: (row['auth_ip'] as string | null) ?? null,
    sessionAt: ms(row['auth_at']),
  };
  return { record, auth, expires: at + DEVICE_TTL_MS, seenWrittenAt: ms(row['last_seen_at']) ?? 0, ip: (row['last_ip'] as string | null) ?? null, firmware: (row['firmware'] as string | null) ?? null };
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
