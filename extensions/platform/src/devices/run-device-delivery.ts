/**
 * The delivery job: every tick, the Hikvision/Uniubi terminals the platform reaches itself (those
 * with a 终端接口地址 and no 现场代理) get their due commands (devices/delivery), under the job lease
 * `device-delivery` so one replica delivers at a time.
 *
 * Scheduled like every platform job (jobs/schedule-leased-job.ts): every replica ticks on the
 * PLATFORM_DEVICE_DELIVERY_INTERVAL_SECONDS grid and logs `job device-delivery tick <ISO>: ran …` or
 * `…: skipped, …`; the lease row (`platform_jobs`, name `device-delivery`) keeps `last_tick`, so each
 * tick runs exactly once across replicas. Its saved state says which runner did: `tick` (epoch ms),
 * `ranAt`, `ranBy` (the lease holder), `last` (the counts) and `recent` (the last 20 ticks that ran).
 */
import type { Knex } from 'knex';
import type { PlatformConfig } from '../config';
import type { DirectusApi } from '../directus';
import { withJobLease, type JobLease } from '../jobs/lease';
import type { QueuedCommand } from './commands/command-payload';
import { dueCommands, markSent } from './commands/deliver';
import { readDeviceFace } from './commands/face-image';
import { recordDeliveryResults, type HttpDeliverySettings } from './commands/record-delivery';
import { deliverCommands } from './delivery/deliver-commands';
import { createTerminalClient } from './delivery/terminal-client';
import type { DeliveryCommand, DeliveryResult } from './delivery/types';
import { loadDeliveryTargets, sameSettings, type DeliveryTarget } from './delivery-targets';

export const DELIVERY_JOB = 'device-delivery';

/** Commands handed to one terminal per round (a round is delivered, then recorded). */
const BATCH = 100;
/** Terminals served at the same time. */
const PARALLEL_TERMINALS = 4;
/**
 * A run stops starting rounds after this long and the next tick goes on. Ticks do not overlap, so
 * while one terminal keeps a run busy (a large enrolment, a slow terminal) the commands queued for
 * the others wait for the next run: 40 s keeps them within the minute.
 */
const RUN_BUDGET_MS = 40_000;
const RECENT_TICKS = 20;

export interface TerminalDeliverySettings {
  /** Requests in flight per terminal. */
  concurrency: number;
  timeoutMs: number;
  ackTimeoutMs: number;
  http: HttpDeliverySettings;
}

export function deliverySettingsOf(config: PlatformConfig): TerminalDeliverySettings {
  return {
    concurrency: config.PLATFORM_DEVICE_DELIVERY_CONCURRENCY,
    timeoutMs: config.PLATFORM_DEVICE_DELIVERY_TIMEOUT_SECONDS * 1000,
    ackTimeoutMs: config.PLATFORM_DEVICE_COMMAND_ACK_TIMEOUT_MINUTES * 60_000,
    http: { maxAttempts: config.PLATFORM_DEVICE_DELIVERY_MAX_ATTEMPTS, backoffMs: config.PLATFORM_DEVICE_DELIVERY_BACKOFF_SECONDS * 1000 },
  };
}

export interface DeliveryCounts {
  terminals: number;
  done: number;
  retry: number;
  failed: number;
}

export interface DeliveryTickReport extends DeliveryCounts {
  ran: boolean;
  tick: number;
  /** Who held the lease when this runner gave up, or that the tick had already run. */
  heldBy?: string | null;
  alreadyRan?: boolean;
}

interface TickRecord {
  tick: number;
  ranAt: string;
  ranBy: string;
}

/** A due command as handed to the deliverer: the delivery it is about to get. */
export function toDelivery(command: QueuedCommand): DeliveryCommand {
  return { id: command.id, attempt: command.attempts + 1, kind: command.kind, payload: command.payload };
}

export function countResults(counts: DeliveryCounts, results: readonly DeliveryResult[]): void {
  for (const result of results) counts[result.outcome] += 1;
}

/** Whether the deliverer stopped the batch (wrong password, terminal unreachable): no more rounds now. */
export function batchHalted(results: readonly DeliveryResult[]): boolean {
  return results.some((r) => ['AUTH', 'LOCKED', 'UNREACHABLE', 'TIMEOUT'].includes(r.code));
}

async function deliverToTerminal(api: DirectusApi, first: DeliveryTarget, settings: TerminalDeliverySettings, lease: JobLease, counts: DeliveryCounts, started: number): Promise<void> {
  const database: Knex = api.database;
  const connect = (target: DeliveryTarget) => createTerminalClient(target, { concurrency: settings.concurrency, timeoutMs: settings.timeoutMs });
  let target = first;
  let client = connect(target);
  try {
    for (let round = 0; ; round += 1) {
      lease.assertHeld();
      // Settings read again before every round: a corrected password or address applies at once.
      if (round > 0) {
        const [fresh] = await loadDeliveryTargets(api, { agent: null }, [target.id]);
        if (!fresh) return;
        if (!sameSettings(fresh, target)) {
          client.close();
          target = fresh;
          client = connect(target);
        }
      }
      const now = new Date();
      const due = await dueCommands(database, target.id, { maxAttempts: settings.http.maxAttempts, ackTimeoutMs: settings.ackTimeoutMs }, now, BATCH);
      if (!due.length) return;
      await markSent(database, due.map((c) => c.id), now);
      const results = await deliverCommands(client, due.map(toDelivery), { concurrency: settings.concurrency, loadFace: (file) => readDeviceFace(api, file) });
      await recordDeliveryResults(database, results, settings.http, new Date(), { deviceIds: [target.id], settingsReadAt: target.readAt });
      countResults(counts, results);
      if (batchHalted(results) || Date.now() - started > RUN_BUDGET_MS) return;
    }
  } finally {
    client.close();
  }
}

async function deliverTick(api: DirectusApi, settings: TerminalDeliverySettings, tick: number, lease: JobLease, log: (line: string) => void): Promise<DeliveryTickReport> {
  const counts: DeliveryCounts = { terminals: 0, done: 0, retry: 0, failed: 0 };
  const started = Date.now();
  const targets = await loadDeliveryTargets(api, { agent: null });
  counts.terminals = targets.length;
  const queue = [...targets];
  await Promise.all(
    Array.from({ length: Math.min(PARALLEL_TERMINALS, queue.length) }, async () => {
      for (let target = queue.shift(); target; target = queue.shift()) {
        try {
          await deliverToTerminal(api, target, settings, lease, counts, started);
        } catch (error) {
          lease.assertHeld();
          log(`device delivery to ${target.sn} stopped: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }),
  );
  const recent = Array.isArray(lease.state['recent']) ? (lease.state['recent'] as TickRecord[]) : [];
  const ranAt = new Date().toISOString();
  await lease.saveState({ tick, ranAt, ranBy: lease.holder, recent: [...recent, { tick, ranAt, ranBy: lease.holder }].slice(-RECENT_TICKS), last: counts });
  return { ran: true, tick, ...counts };
}

/**
 * Runs the tick `tick` (its scheduled time, epoch ms) under the job lease; skips when another
 * replica holds it or the tick already ran.
 * @example await runDeviceDelivery(api, settings, tickOf(new Date()).getTime());
 */
export async function runDeviceDelivery(api: DirectusApi, settings: TerminalDeliverySettings, tick: number, options: { log?: (line: string) => void } = {}): Promise<DeliveryTickReport> {
  const log = options.log ?? (() => undefined);
  const outcome = await withJobLease(api.database, DELIVERY_JOB, (lease) => deliverTick(api, settings, tick, lease, log), { waitMs: 0, tick });
  if (outcome.ran) return outcome.result;
  return { ran: false, heldBy: outcome.heldBy, ...(outcome.alreadyRan ? { alreadyRan: true } : {}), tick, terminals: 0, done: 0, retry: 0, failed: 0 };
}
