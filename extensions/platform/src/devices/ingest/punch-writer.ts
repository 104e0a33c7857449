/**
 * Durable punch writes with group commit. Every upload waits until its rows are committed before the
 * device is answered. While one transaction runs, the uploads that arrive meanwhile queue up and go
 * into the next one together, so many devices posting one punch each cost one commit, not one each.
 *
 * Raw knex on purpose: Directus's per-item services create ~180 items/s; one multi-row
 * `insert … on conflict (dedup_key) do nothing` (SQLite and PostgreSQL alike) stores tens of
 * thousands, and makes a resent record a no-op.
 */
import type { Knex } from 'knex';
import type { PunchRow } from './punch-rows';

/** Column values to set on a device in the same transaction (stamps, last error). */
export interface DeviceChange {
  id: number;
  values: Record<string, unknown>;
}

interface Job {
  rows: PunchRow[];
  device: DeviceChange | null;
  resolve: () => void;
  reject: (error: unknown) => void;
}

const INSERT_CHUNK = 250;
/** Rows per transaction, so one commit never grows without bound under a flood. */
const MAX_ROWS_PER_COMMIT = 5_000;

class PunchWriter {
  private readonly queue: Job[] = [];
  private running = false;

  constructor(private readonly database: Knex) {}

  write(rows: PunchRow[], device: DeviceChange | null): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ rows, device, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const jobs = this.takeGroup();
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
    while (this.queue.length > 0 && (jobs.length === 0 || rows + (this.queue[0]?.rows.length ?? 0) <= MAX_ROWS_PER_COMMIT)) {
      const job = this.queue.shift() as Job;
      jobs.push(job);
      rows += job.rows.length;
    }
    return jobs;
  }
}

async function commit(database: Knex, jobs: readonly Job[]): Promise<void> {
  const rows = jobs.flatMap((job) => job.rows);
  // Later changes to the same device win (uploads of one device arrive in order).
  const devices = new Map<number, Record<string, unknown>>();
  for (const job of jobs) if (job.device) devices.set(job.device.id, { ...devices.get(job.device.id), ...job.device.values });
  await database.transaction(async (trx) => {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await trx('punches').insert(rows.slice(i, i + INSERT_CHUNK)).onConflict('dedup_key').ignore();
    }
    for (const [id, values] of devices) if (Object.keys(values).length > 0) await trx('devices').where({ id }).update(values);
  });
}

const writers = new WeakMap<Knex, PunchWriter>();

/**
 * Stores `rows` (resends are no-ops) and applies `device` changes in one transaction; resolves once
 * committed. Callers answer the device only after this resolves.
 */
export function writePunches(database: Knex, rows: PunchRow[], device: DeviceChange | null = null): Promise<void> {
  let writer = writers.get(database);
  if (!writer) {
    writer = new PunchWriter(database);
    writers.set(database, writer);
  }
  return writer.write(rows, device);
}
