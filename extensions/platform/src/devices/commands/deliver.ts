/**
 * A device's command queue as its protocol consumes it: what to send next, marking what was sent,
 * and the device's results. A refused or unconfirmed command is sent again until it has been sent
 * `maxAttempts` times; then it is marked `error` for staff (设备指令 in the studio).
 */
import type { Knex } from 'knex';
import type { DeviceCommandKind } from '../../../../../schema/codes';
import { dbTimestamp } from '../../db/values';
import { readPayload, type QueuedCommand } from './command-payload';

export interface DeliverySettings {
  maxAttempts: number;
  /** A `sent` command not confirmed within this long is sent again. */
  ackTimeoutMs: number;
}

/**
 * The device's commands due now, oldest first: new ones, refused ones whose retry time has come
 * (`next_attempt_at`, set by the HTTP deliverer's backoff), and sent ones never confirmed. Those
 * already sent `maxAttempts` times are marked `error` instead.
 */
export async function dueCommands(database: Knex, deviceId: number, settings: DeliverySettings, now: Date, limit: number): Promise<QueuedCommand[]> {
  const staleBefore = dbTimestamp(database, new Date(now.getTime() - settings.ackTimeoutMs));
  const nowValue = dbTimestamp(database, now);
  const rows = await database('device_commands')
    .select('id', 'kind', 'payload', 'status', 'attempts')
    .where({ device: deviceId })
    .andWhere((w) => w.whereIn('status', ['pending', 'failed']).orWhere((s) => s.where('status', 'sent').andWhere('sent_at', '<', staleBefore)))
    .andWhere((w) => w.whereNull('next_attempt_at').orWhere('next_attempt_at', '<=', nowValue))
    .orderBy('id')
    .limit(limit);
  const due: QueuedCommand[] = [];
  const exhausted: number[] = [];
  const broken: number[] = [];
  for (const row of rows) {
    const payload = readPayload(row.payload);
    if (!payload) broken.push(Number(row.id));
    else if (Number(row.attempts ?? 0) >= settings.maxAttempts) exhausted.push(Number(row.id));
    else due.push({ id: Number(row.id), kind: row.kind as DeviceCommandKind, payload, attempts: Number(row.attempts ?? 0) });
  }
  if (exhausted.length) await markError(database, exhausted, 'TIMEOUT', `已下发 ${settings.maxAttempts} 次，设备始终未确认`);
  if (broken.length) await markError(database, broken, 'PAYLOAD', '指令内容无法读取');
  return due;
}

/** Handed to the device now: one more attempt. */
export async function markSent(database: Knex, ids: readonly number[], now: Date): Promise<void> {
  if (!ids.length) return;
  await database('device_commands')
    .whereIn('id', ids)
    .update({ status: 'sent', sent_at: dbTimestamp(database, now), attempts: database.raw('coalesce(attempts, 0) + 1') });
}

/** Given up on: shown as 下发失败 with why (`code`, ≤ 16 characters, and a message for people). */
export async function markError(database: Knex, ids: readonly number[], code: string, message?: string): Promise<void> {
  if (!ids.length) return;
  await database('device_commands')
    .whereIn('id', ids)
    .update({ status: 'error', return_code: code.slice(0, 16), ...(message === undefined ? {} : { error_message: message.slice(0, 500) }) });
}

export interface CommandResult {
  id: number;
  /** '0' is success. */
  returnCode: string;
}

/**
 * The device's results for commands it was sent: success → `done`; failure → `failed` (sent again)
 * or, after `maxAttempts` sends, `error`. Results for another device's or unknown commands are ignored.
 * Returns how many commands changed.
 */
export async function recordResults(database: Knex, deviceId: number, results: readonly CommandResult[], settings: DeliverySettings, now: Date): Promise<number> {
  if (!results.length) return 0;
  return database.transaction(async (trx) => {
    const rows = await trx('device_commands')
      .select('id', 'attempts', 'status')
      .where({ device: deviceId })
      .whereIn('id', results.map((r) => r.id))
      .whereIn('status', ['sent', 'pending', 'failed']);
    const known = new Map(rows.map((row) => [Number(row.id), Number(row.attempts ?? 0)]));
    let changed = 0;
    for (const result of results) {
      const attempts = known.get(result.id);
      if (attempts === undefined) continue;
      known.delete(result.id);
      const success = result.returnCode === '0';
      const status = success ? 'done' : attempts >= settings.maxAttempts ? 'error' : 'failed';
      await trx('device_commands')
        .where({ id: result.id })
        .update({ status, return_code: result.returnCode.slice(0, 16), done_at: success ? dbTimestamp(trx, now) : null });
      changed += 1;
    }
    return changed;
  });
}
