/**
 * Refused authentications in the device event log (kind `auth_failed`), counted per device, reason,
 * address and hour. Writing is throttled in this process to once a minute per device, reason and
 * address (the count carries the attempts in between), so a flood of wrong secrets costs one write
 * a minute, not one per request. Nothing about the device itself changes.
 */
import type { Knex } from 'knex';
import { writeDeviceData } from '../ingest/punch-writer';
import { eventRow } from './event-rows';

const FLUSH_MS = 60_000;
const MAX_KEYS = 10_000;
const pending = new Map<string, { count: number; flushedAt: number }>();

const REASONS: Readonly<Record<string, string>> = {
  DEVICE_PROTOCOL_MISMATCH: '以其他协议的接口访问',
  DEVICE_ADDRESS_NOT_ALLOWED: '来源地址不在允许列表',
  DEVICE_NO_CREDENTIALS: '设备未设置密钥或来源地址',
  DEVICE_SECRET_UNREADABLE: '设备密钥无法读取',
  DEVICE_KEY_WRONG: '密钥错误或缺失',
  DEVICE_SESSION_REQUIRED: '未经通讯密钥握手的地址',
};

export async function noteAuthFailure(database: Knex, device: { id: number; sn: string; project: number | null }, ip: string | null, rule: string, now: Date): Promise<void> {
  const key = `${device.id}|${rule}|${ip ?? ''}`;
  const at = now.getTime();
  let entry = pending.get(key);
  if (!entry) {
    if (pending.size >= MAX_KEYS) pending.clear();
    entry = { count: 0, flushedAt: 0 };
    pending.set(key, entry);
  }
  entry.count += 1;
  if (at - entry.flushedAt < FLUSH_MS) return;
  const count = entry.count;
  entry.count = 0;
  entry.flushedAt = at;
  const hour = new Date(at + 8 * 3_600_000).toISOString().slice(0, 13);
  const row = eventRow(database, device, { kind: 'auth_failed', occurredAt: now, pin: null, detail: `${REASONS[rule] ?? rule}（${ip ?? '未知地址'}）`, raw: null, key: `${rule}|${ip ?? ''}|${hour}`, tally: false }, now, ip);
  await writeDeviceData(database, { tallies: [{ ...row, count }] });
}
