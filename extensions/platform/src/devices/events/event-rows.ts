/**
 * Device events → `device_events` rows. A row's `dedup_key` is unique: a resent event is a no-op,
 * and a counted event (`tally`) names its device, kind, key and day (Shanghai), so all of them of
 * one day fold into one row whose `count` grows. Both keep the log bounded by what really happened,
 * not by how often a terminal (or anybody) sends it.
 */
import type { Knex } from 'knex';
import { toDbRow } from '../../db/values';
import type { DeviceEventDraft } from './device-event';

export type EventRow = Record<string, unknown>;

export interface EventSource {
  id: number | null;
  sn: string;
  project: number | null;
}

/** The Shanghai day of an instant ('YYYY-MM-DD'). */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function eventRow(database: Knex, source: EventSource, draft: DeviceEventDraft, now: Date, ip: string | null): EventRow {
  const occurred = draft.occurredAt && Number.isFinite(draft.occurredAt.getTime()) ? draft.occurredAt : null;
  const bucket = draft.tally ? `|${shanghaiDay(now)}` : '';
  return toDbRow(database, 'device_events', {
    kind: draft.kind,
    device: source.id,
    sn: source.sn.slice(0, 64),
    project: source.project,
    occurred_at: (occurred ?? now).toISOString(),
    last_at: now.toISOString(),
    count: 1,
    pin: draft.pin ? draft.pin.slice(0, 24) : null,
    detail: draft.detail.slice(0, 200),
    raw: draft.raw,
    source_ip: ip ? ip.slice(0, 64) : null,
    received_at: now.toISOString(),
    dedup_key: `${source.sn}|${draft.kind}|${draft.key}${bucket}`.slice(0, 200),
  });
}

/** Counted rows with the same key folded into one (one statement may not update a row twice). */
export function foldTallies(rows: readonly EventRow[]): EventRow[] {
  const byKey = new Map<unknown, EventRow>();
  for (const row of rows) {
    const seen = byKey.get(row['dedup_key']);
    if (seen) byKey.set(row['dedup_key'], { ...seen, count: Number(seen['count']) + Number(row['count']), last_at: row['last_at'] });
    else byKey.set(row['dedup_key'], row);
  }
  return [...byKey.values()];
}
