/**
 * Durable punch and device-event writes with group commit. Every upload waits until its rows are committed before the
 * device is answered. An idle writer waits PLATFORM_INGEST_COMMIT_DELAY_MS (default 5), or until as
 * many uploads as its last commit carried are queued, before committing, and while one commit runs the uploads that arrive meanwhile queue up for the next, so
 * many devices posting one punch each share a commit (a commit, not the insert, is the expensive
 * part: measured ~0.2 ms of CPU for a one-row autocommit on SQLite). One statement needs no
 * transaction of its own; several, or device bookkeeping with them, run in one.
 *
 * Raw SQL on purpose: Directus's per-item services create ~180 items/s; one multi-row
 * `insert … values … on conflict (dedup_key) do nothing` (db/bulk-insert.ts, SQLite and PostgreSQL
 * alike) stores tens of thousands, and makes a resent record a no-op.
 */
import type { Knex } from 'knex';
import { bulkInsert, fitsOneStatement } from '../../db/bulk-insert';
import { foldTallies, type EventRow } from '../events/event-rows';
import type { PunchRow } from './punch-rows';

/** Column values to set on a device in the same transaction (stamps, last error). */
export interface DeviceChange {
  id: number;
  values: Record<string, unknown>;
}

/** What one upload stores, in one transaction. */
export interface DeviceData {
  punches?: PunchRow[];
  /** Device events kept one row each (a resend is a no-op). */
  events?: EventRow[];
  /** Counted device events: the stored row's `count` grows. */
  tallies?: EventRow[];
  device?: DeviceChange | null;
}

interface Job {
  rows: PunchRow[];
  events: EventRow[];
  tallies: EventRow[];
  device: DeviceChange | null;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Rows per transaction, so one commit never grows without bound under a flood. */
const MAX_ROWS_PER_COMMIT = 5_000;

class PunchWriter {
  private readonly queue: Job[] = [];
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  /** Uploads in the last commit: once as many wait again, the writer commits without the delay. */
  private lastGroupSize = 2;

  constructor(private readonly database: Knex) {}

  write(data: DeviceData): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ rows: data.punches ?? [], events: data.events ?? [], tallies: data.tallies ?? [], device: data.device ?? null, resolve, reject });
      if (this.running) {
        // As many uploads as the last commit carried are here: waiting longer would only add latency.
        if (this.timer && this.queue.length >= this.lastGroupSize) this.startNow();
        return;
      }
      // Wait a moment before committing, so the uploads arriving meanwhile share the commit.
      this.running = true;
      this.timer = setTimeout(() => this.startNow(), commitDelayMs);
    });
  }

  private startNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    void this.drain();
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const jobs = this.takeGroup();
        this.lastGroupSize = Math.max(2, jobs.length);
        try {
          await commit(this.database, jobs);
          for (const job of jobs) job.resolve();
        } catch (error) {
          if (jobs.length === 1) jobs[0]?.reject(error);
          // One bad upload must not fail the others that shared its transaction: retry each alone.
          else for (const job of jobs) await commit(this.database, [job]).then(job.resolve, job.reject);
        }
      }
    } finally {
      this.running = false;
    }
  }

  private takeGroup(): Job[] {
    const jobs: Job[] = [];
    let rows = 0;
    const size = (job: Job | undefined) => (job ? job.rows.length + job.events.length + job.tallies.length : 0);
    while (this.queue.length > 0 && (jobs.length === 0 || rows + size(this.queue[0]) <= MAX_ROWS_PER_COMMIT)) {
      const job = this.queue.shift() as Job;
      jobs.push(job);
      rows += size(job);
    }
    return jobs;
  }
}

async function commit(database: Knex, jobs: readonly Job[]): Promise<void> {
  const rows = jobs.flatMap((job) => job.rows);
  const events = jobs.flatMap((job) => job.events);
  const tallies = foldTallies(jobs.flatMap((job) => job.tallies));
  // Later changes to the same device win (uploads of one device arrive in order).
  const devices = new Map<number, Record<string, unknown>>();
  for (const job of jobs) if (job.device) devices.set(job.device.id, { ...devices.get(job.device.id), ...job.device.values });
  const deviceUpdates = [...devices].filter(([, values]) => Object.keys(values).length > 0);
  const insert = (knex: Knex) => bulkInsert(knex, 'punches', rows, { conflict: ['dedup_key'], onConflict: 'ignore' });
  // One statement is atomic on its own: the explicit transaction would only add two round trips.
  if (rows.length > 0 && fitsOneStatement(rows) && deviceUpdates.length === 0 && events.length === 0 && tallies.length === 0) {
    await insert(database);
    return;
  }
  await database.transaction(async (trx) => {
    await insert(trx);
    await bulkInsert(trx, 'device_events', events, { conflict: ['dedup_key'], onConflict: 'ignore' });
    await bulkInsert(trx, 'device_events', tallies, { conflict: ['dedup_key'], onConflict: 'accumulate', add: ['count'], replace: ['last_at'] });
    for (const [id, values] of deviceUpdates) await trx('devices').where({ id }).update(values);
  });
}

const writers = new WeakMap<Knex, PunchWriter>();
let commitDelayMs = 5;

/** How long an idle writer waits for more uploads before committing (PLATFORM_INGEST_COMMIT_DELAY_MS). */
export function setCommitDelay(ms: number): void {
  commitDelayMs = ms;
}

/**
 * Stores punches and device events (resends are no-ops, counted events grow) and applies the
 * device's changes in one transaction; resolves once committed. Callers answer the device only
 * after this resolves.
 */
export function writeDeviceData(database: Knex, data: DeviceData): Promise<void> {
  let writer = writers.get(database);
  if (!writer) {
    writer = new PunchWriter(database);
    writers.set(database, writer);
  }
  return writer.write(data);
}
