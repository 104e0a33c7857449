/**
 * Stores one upload's punches for an active device, with the device's bookkeeping (stamps, last
 * error) in the same transaction, and resolves once committed. Every protocol ends here.
 */
import type { Knex } from 'knex';
import { dbTimestamp } from '../../db/values';
import type { ActiveDevice } from '../identify-device';
import { summarizeProblems, type LineProblem } from '../lines';
import { buildPunchRows, type PunchDraft } from './punch-rows';
import { writePunches } from './punch-writer';

export interface IngestOptions {
  now: Date;
  /** Device columns to set with the punches (e.g. `attlog_stamp`). */
  deviceValues?: Record<string, unknown>;
  /** Lines of the same upload that could not be read: recorded as the device's last error. */
  problems?: readonly LineProblem[];
}

export async function ingestPunches(database: Knex, device: ActiveDevice, drafts: readonly PunchDraft[], options: IngestOptions): Promise<void> {
  const rows = await buildPunchRows(database, device, drafts, options.now);
  const values: Record<string, unknown> = { ...options.deviceValues };
  if (options.problems?.length) {
    values['last_error'] = summarizeProblems(options.problems);
    values['last_error_at'] = dbTimestamp(database, options.now);
  }
  await writePunches(database, rows, Object.keys(values).length ? { id: device.id, values } : null);
}
