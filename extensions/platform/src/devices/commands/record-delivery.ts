/**
 * The results of HTTP deliveries (the platform's delivery job, or a site agent's report) written to
 * the queue in one transaction, idempotently: a result counts only for the delivery it answers (the
 * command still `sent`, with the same attempt number). A repeated report, or a late one for a
 * command handed out again since, changes nothing and is acknowledged all the same. A failure of a
 * command delivered with settings read before the terminal's settings last changed puts it back in
 * the queue instead (it was tried with what bureau staff have just corrected).
 */
import type { Knex } from 'knex';
import { dbTimestamp, readTimestamp } from '../../db/values';
import { retryDelayMs } from '../delivery/backoff';
import type { DeliveryResult } from '../delivery/types';

export interface HttpDeliverySettings {
  /** Deliveries of a command to a terminal that could not be reached or was busy, before 下发失败. */
  maxAttempts: number;
  /** First retry delay (doubled each time, at most 30 minutes). */
  backoffMs: number;
}

export interface RecordedResults {
  /** Applied now. */
  recorded: number[];
  /** Already recorded, or answering an earlier delivery: acknowledged, nothing changed. */
  stale: number[];
  /** Not a command of the given devices: ignored. */
  foreign: number[];
}

const CHUNK = 500;

export async function recordDeliveryResults(
  database: Knex,
  results: readonly DeliveryResult[],
  settings: HttpDeliverySettings,
  now: Date,
  scope: {
    deviceIds: readonly number[];
    /** When the deliverer read the terminal's settings; unknown (a site agent): when the command was sent. */
    settingsReadAt?: Date;
  },
): Promise<RecordedResults> {
  const outcome: RecordedResults = { recorded: [], stale: [], foreign: [] };
  if (!results.length) return outcome;
  const devices = new Set(scope.deviceIds);
  const at = dbTimestamp(database, now);
  await database.transaction(async (trx) => {
    const rows = new Map<number, { device: number; attempts: number; status: string; staleSettings: boolean }>();
    const ids = [...new Set(results.map((r) => r.id))];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = await trx('device_commands')
        .join('devices', 'devices.id', 'device_commands.device')
        .select('device_commands.id', 'device_commands.device', 'device_commands.attempts', 'device_commands.status', 'device_commands.sent_at', 'devices.settings_changed_at')
        .whereIn('device_commands.id', ids.slice(i, i + CHUNK));
      for (const row of chunk) {
        const sent = readTimestamp(row.sent_at);
        const changed = readTimestamp(row.settings_changed_at);
        const read = scope.settingsReadAt?.getTime() ?? (sent === null ? null : Date.parse(sent));
        rows.set(Number(row.id), { device: Number(row.device), attempts: Number(row.attempts ?? 0), status: String(row.status), staleSettings: read !== null && changed !== null && read < Date.parse(changed) });
      }
    }
    const done: number[] = [];
    const requeue: number[] = [];
    for (const result of results) {
      const row = rows.get(result.id);
      if (!row || !devices.has(row.device)) {
        outcome.foreign.push(result.id);
        continue;
      }
      if (row.status !== 'sent' || row.attempts !== result.attempt) {
        outcome.stale.push(result.id);
        continue;
      }
      // Recorded once: a duplicate of this result in the same report is stale.
      row.status = 'recorded';
      outcome.recorded.push(result.id);
      if (result.outcome === 'done') {
        done.push(result.id);
        continue;
      }
      // Sent with settings bureau staff have corrected since: delivered again with the new ones.
      if (row.staleSettings) {
        requeue.push(result.id);
        continue;
      }
      const message = result.message?.slice(0, 500) ?? null;
      const giveUp = result.outcome === 'failed' || row.attempts >= settings.maxAttempts;
      await trx('device_commands')
        .where({ id: result.id })
        .update(
          giveUp
            ? { status: 'error', return_code: result.code.slice(0, 16), error_message: message, next_attempt_at: null }
            : { status: 'failed', return_code: result.code.slice(0, 16), error_message: message, next_attempt_at: dbTimestamp(trx, new Date(now.getTime() + retryDelayMs(row.attempts, settings.backoffMs))) },
        );
    }
    for (let i = 0; i < requeue.length; i += CHUNK) {
      await trx('device_commands').whereIn('id', requeue.slice(i, i + CHUNK)).update({ status: 'pending', attempts: 0, next_attempt_at: null, return_code: null, error_message: null });
    }
    for (let i = 0; i < done.length; i += CHUNK) {
      await trx('device_commands').whereIn('id', done.slice(i, i + CHUNK)).update({ status: 'done', done_at: at, return_code: '0', error_message: null, next_attempt_at: null });
    }
  });
  return outcome;
}
