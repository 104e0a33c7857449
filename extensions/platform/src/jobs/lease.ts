/**
 * One runner at a time for a scheduled job, across every replica and CLI process: a lease row in
 * the database.
 *
 * Why a database lease and not Directus's own locks: Directus keeps its lock/synchronization
 * store in memory unless Redis is configured, and only in its private modules (an extension
 * cannot import them across versions); in memory, two replicas would each hold "the" lock. The
 * database is the one thing every replica and every `directus platform …` process shares, on
 * SQLite as on PostgreSQL. Taking the lease is one conditional UPDATE (`… WHERE lease_until <
 * now`), which both databases apply atomically: of two racing runners exactly one updates the
 * row. The holder renews it while working; a crashed holder's lease expires, or is taken over at once
 * when the crashed process was on the same host.
 *
 * The table is infrastructure, not data: it is created here (idempotently) without Directus
 * metadata, so it does not count against the Core tier's 25 collections and is invisible to
 * project staff. It also keeps a small JSON state per job (the roll-up's watermark).
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Knex } from 'knex';

export const JOB_TABLE = 'platform_jobs';

export interface JobLease {
  /** Who holds it: host, process and a random part. */
  readonly holder: string;
  /** The job's saved state (what the previous run stored). */
  readonly state: Record<string, unknown>;
  /** Stores the job's state (only while the lease is held). */
  saveState(state: Record<string, unknown>): Promise<void>;
  /** Throws if the lease was lost (renewal failed), so a long job stops before writing more. */
  assertHeld(): void;
}

export interface LeaseOptions {
  /** How long a lease lasts without renewal; renewed every third of it. Default 2 minutes. */
  ttlMs?: number;
  /** Wait up to this long for a busy lease (0: give up at once, as a scheduler tick does). */
  waitMs?: number;
  /** For tests: the holder's name. */
  holder?: string;
  /**
   * The scheduled time (epoch ms) this run is for. Every replica's scheduler ticks; a tick that
   * was already run (by any replica) is not run again, so a replica whose tick fires after the
   * first one finished does not repeat it: exactly one run per tick.
   */
  tick?: number;
}

export type LeaseResult<T> = { ran: true; result: T } | { ran: false; heldBy: string | null; alreadyRan?: boolean };

const tableReady = new WeakMap<Knex, Promise<void>>();

/** Creates the job table when missing; safe when several processes race to do it. */
export function ensureJobTable(knex: Knex): Promise<void> {
  let ready = tableReady.get(knex);
  if (!ready) {
    ready = (async () => {
      if (!(await knex.schema.hasTable(JOB_TABLE))) {
        try {
          await knex.schema.createTable(JOB_TABLE, (table) => {
            table.string('name', 64).primary();
            table.string('holder', 160).nullable();
            // Epoch milliseconds of the runner's clock: compared only with other runners' clocks.
            table.bigInteger('lease_until').nullable();
            table.text('state').nullable();
            table.bigInteger('last_tick').nullable();
          });
        } catch (error) {
          // Another process created it between our check and our CREATE.
          if (!(await knex.schema.hasTable(JOB_TABLE))) throw error;
        }
      }
      // Tables made before scheduled ticks were recorded.
      if (!(await knex.schema.hasColumn(JOB_TABLE, 'last_tick'))) {
        try {
          await knex.schema.alterTable(JOB_TABLE, (table) => table.bigInteger('last_tick').nullable());
        } catch (error) {
          if (!(await knex.schema.hasColumn(JOB_TABLE, 'last_tick'))) throw error;
        }
      }
    })();
    ready.catch(() => tableReady.delete(knex));
    tableReady.set(knex, ready);
  }
  return ready;
}

/** This process among every process that ever ran on this host (a restarted container reuses its pid). */
const PROCESS_ID = randomUUID().slice(0, 8);

/** A holder's name: host, process id, this process's random id and a random part per lease. */
export function holderName(pid = process.pid, host = hostname(), processId = PROCESS_ID): string {
  return `${host}:${pid}:${processId}:${randomUUID().slice(0, 8)}`;
}

/**
 * Whether `holder` names a process on this host that no longer exists: a replica killed while it
 * held the lease (SIGKILL, out of memory, a restarted container, which keeps its hostname and often
 * its pid). Its lease need not block every replica's ticks until it expires. Holders on other hosts
 * are left to expiry: their processes cannot be seen from here.
 */
export function isDeadLocalHolder(holder: string | null | undefined, host = hostname()): boolean {
  const match = holder ? /^(.*):(\d+):([0-9a-f]+):[^:]*$/.exec(holder) : null;
  if (!match || match[1] !== host) return false;
  const pid = Number(match[2]);
  if (pid === process.pid) return match[3] !== PROCESS_ID;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: it exists under another user.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Takes the lease, or says who holds it. */
async function tryAcquire(knex: Knex, name: string, holder: string, ttlMs: number): Promise<{ acquired: true } | { acquired: false; heldBy: string | null }> {
  await knex(JOB_TABLE).insert({ name, holder: null, lease_until: null, state: null }).onConflict('name').ignore();
  const now = Date.now();
  const updated = await knex(JOB_TABLE)
    .where({ name })
    .andWhere((query) => query.whereNull('lease_until').orWhere('lease_until', '<', now))
    .update({ holder, lease_until: now + ttlMs });
  if (updated === 1) return { acquired: true };
  // Held: by a dead process on this host, the lease is taken over (conditionally on that very
  // holder, so of two replicas noticing at once only one gets it).
  const heldBy: string | null = (await knex(JOB_TABLE).select('holder').where({ name }).first())?.holder ?? null;
  if (isDeadLocalHolder(heldBy) && (await knex(JOB_TABLE).where({ name, holder: heldBy }).update({ holder, lease_until: now + ttlMs })) === 1) return { acquired: true };
  return { acquired: false, heldBy };
}

function parseState(text: unknown): Record<string, unknown> {
  if (typeof text !== 'string' || !text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const tableSeen = new WeakSet<Knex>();

/** Reads a job's saved state without taking the lease (for status displays). */
export async function readJobState(knex: Knex, name: string): Promise<Record<string, unknown>> {
  if (!tableSeen.has(knex)) {
    if (!(await knex.schema.hasTable(JOB_TABLE))) return {};
    tableSeen.add(knex);
  }
  const row = await knex(JOB_TABLE).select('state').where({ name }).first();
  return parseState(row?.state);
}

/**
 * Runs `task` while holding the lease `name`, or does not run it when another runner holds it
 * (after waiting up to `waitMs`). The lease is released when the task ends, even when it fails.
 * @example const outcome = await withJobLease(knex, 'attendance-rollup', (lease) => work(lease), { waitMs: 0 });
 */
export async function withJobLease<T>(knex: Knex, name: string, task: (lease: JobLease) => Promise<T>, options: LeaseOptions = {}): Promise<LeaseResult<T>> {
  const ttlMs = options.ttlMs ?? 120_000;
  const holder = options.holder ?? holderName();
  await ensureJobTable(knex);

  const deadline = Date.now() + (options.waitMs ?? 0);
  for (;;) {
    const attempt = await tryAcquire(knex, name, holder, ttlMs);
    if (attempt.acquired) break;
    if (Date.now() >= deadline) return { ran: false, heldBy: attempt.heldBy };
    await new Promise((resolve) => setTimeout(resolve, Math.min(500, Math.max(50, deadline - Date.now()))));
  }

  const mine = () => knex(JOB_TABLE).where({ name, holder });
  if (options.tick !== undefined) {
    // Read and written while holding the lease, so no other runner can be between the two.
    const done = await knex(JOB_TABLE).select('last_tick').where({ name }).first();
    if (done?.last_tick !== null && done?.last_tick !== undefined && Number(done.last_tick) >= options.tick) {
      await mine().update({ holder: null, lease_until: null });
      return { ran: false, heldBy: null, alreadyRan: true };
    }
    await mine().update({ last_tick: options.tick });
  }

  let lost = false;
  const renewal = setInterval(() => {
    mine()
      .update({ lease_until: Date.now() + ttlMs })
      .then((updated) => {
        if (updated !== 1) lost = true;
      })
      .catch(() => undefined); // a failed renewal is retried on the next beat; expiry decides
  }, Math.max(1_000, Math.floor(ttlMs / 3)));
  renewal.unref();

  const row = await knex(JOB_TABLE).select('state').where({ name }).first();
  const lease: JobLease = {
    holder,
    state: parseState(row?.state),
    saveState: async (state) => {
      if ((await mine().update({ state: JSON.stringify(state) })) !== 1) lost = true;
      lease.assertHeld();
    },
    assertHeld: () => {
      if (lost) throw new Error(`Lost the lease on job ${name}`);
    },
  };
  try {
    return { ran: true, result: await task(lease) };
  } finally {
    clearInterval(renewal);
    await mine().update({ holder: null, lease_until: null });
  }
}
