/**
 * Stores one upload's punches for an active device, with the device's bookkeeping (stamps, last
 * error, clock flag) and its device events in the same transaction, and resolves once committed.
 * Every protocol ends here. A punch whose time cannot be true (plausible-time.ts) is not attendance:
 * it goes to the device event log for review, with the device and the raw line, and the device is
 * flagged 设备时间异常 until it sends a plausible punch again. The upload is acknowledged either way
 * (the terminal would otherwise resend the good lines forever).
 */
import type { Knex } from 'knex';
import { dbTimestamp } from '../../db/values';
import type { DeviceEventDraft } from '../events/device-event';
import { eventRow, type EventRow } from '../events/event-rows';
import { isActive, rememberDevice, type ActiveDevice, type DeviceRecord } from '../identify-device';
import { summarizeProblems, type LineProblem } from '../lines';
import { clockErrorSummary, implausibleReason, plausibleWindow, splitByTime, type TimeLimits } from './plausible-time';
import { buildPunchRows, type PunchDraft } from './punch-rows';
import { writeDeviceData } from './punch-writer';

export interface IngestOptions {
  now: Date;
  limits: TimeLimits;
  /** The caller's address, kept with device events. */
  ip: string | null;
  /** Device columns to set with the punches (e.g. `attlog_stamp`). */
  deviceValues?: Record<string, unknown>;
  /** Lines of the same upload that could not be read: recorded as the device's last error. */
  problems?: readonly LineProblem[];
  /** Device events of the same upload (refusals, door and alarm events …). */
  events?: readonly DeviceEventDraft[];
}

export interface IngestResult {
  stored: number;
  implausible: number;
}

export async function ingestPunches(database: Knex, device: ActiveDevice, drafts: readonly PunchDraft[], options: IngestOptions): Promise<IngestResult> {
  const { now } = options;
  const window = plausibleWindow(now, device.boundAt === null ? null : new Date(device.boundAt), options.limits);
  const { plausible, implausible } = splitByTime(drafts, window);
  const rows = await buildPunchRows(database, device, plausible, now);
  const values: Record<string, unknown> = { ...options.deviceValues };
  if (options.problems?.length) {
    values['last_error'] = summarizeProblems(options.problems);
    values['last_error_at'] = dbTimestamp(database, now);
  }
  let clockErrorAt = device.clockErrorAt;
  if (implausible.length) {
    clockErrorAt = now.getTime();
    values['clock_error_at'] = dbTimestamp(database, now);
    values['clock_error'] = clockErrorSummary(implausible.map((draft) => draft.punchedAt), window);
  } else if (plausible.length && device.clockErrorAt !== null) {
    clockErrorAt = null;
    values['clock_error_at'] = null;
    values['clock_error'] = null;
  }
  const reviews: DeviceEventDraft[] = implausible.map((draft) => ({
    kind: 'implausible_time',
    occurredAt: draft.punchedAt,
    pin: draft.pin,
    detail: implausibleReason(draft.punchedAt, window),
    raw: draft.raw,
    key: draft.dedupKey,
    tally: false,
  }));
  const { events, tallies } = eventRows(database, device, [...reviews, ...(options.events ?? [])], now, options.ip);
  await writeDeviceData(database, { punches: rows, events, tallies, device: Object.keys(values).length ? { id: device.id, values } : null });
  if (clockErrorAt !== device.clockErrorAt) rememberDevice(device, { clockErrorAt });
  return { stored: rows.length, implausible: implausible.length };
}

/**
 * Device events of an upload without punches (a refusal, a door event). Only an active device's are
 * kept: a pending one is not vouched for by anybody yet.
 */
export async function recordDeviceEvents(database: Knex, device: DeviceRecord, drafts: readonly DeviceEventDraft[], options: { now: Date; ip: string | null }): Promise<void> {
  if (!isActive(device)) return;
  const { events, tallies } = eventRows(database, device, drafts, options.now, options.ip);
  await writeDeviceData(database, { events, tallies });
}

function eventRows(database: Knex, device: DeviceRecord, drafts: readonly DeviceEventDraft[], now: Date, ip: string | null): { events: EventRow[]; tallies: EventRow[] } {
  const events: EventRow[] = [];
  const tallies: EventRow[] = [];
  for (const draft of drafts) (draft.tally ? tallies : events).push(eventRow(database, device, draft, now, ip));
  return { events, tallies };
}
