/**
 * A scheduled job that runs exactly once per tick across every replica: each server process ticks
 * on the same cron (node-cron), and the job's database lease (lease.ts) with the tick's scheduled
 * time decides which replica runs it; the others skip that tick. Every tick is logged on every
 * replica as one line, `job <name> tick <ISO time>: ran …` or `…: skipped, …`, which is what
 * monitoring and the cluster suite read.
 */
import type { Knex } from 'knex';
import cron, { type ScheduledTask } from 'node-cron';

/** The slice of Directus's action registrar a scheduler uses (it starts on `server.start`). */
export interface JobActionRegistrar {
  (event: string, handler: () => void): void;
}

export interface JobLogger {
  info: (message: string) => void;
  error: (object: unknown, message?: string) => void;
}

/** What the scheduling hooks take from the hook context. */
export interface SchedulerContext {
  database: Knex;
  env: Record<string, unknown>;
  logger: JobLogger;
}

/** What one tick's run reports: whether this replica ran it, and if not, why. */
export type TickOutcome = { ran: true; summary?: string } | { ran: false; heldBy?: string | null; alreadyRan?: boolean };

export interface LeasedJob {
  name: string;
  /** node-cron expression, or 'off'. Read when the server starts. */
  cron: () => string;
  timezone: () => string;
  /** Runs the job for the tick `tick` (its scheduled time, in whole seconds) under its lease. */
  run: (tick: Date) => Promise<TickOutcome>;
}

/** The scheduled time of a tick: node-cron's `date`, to the second (replicas fire a few ms apart). */
export function tickOf(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

export function describeTick(name: string, tick: Date, outcome: TickOutcome): string {
  const head = `job ${name} tick ${tick.toISOString()}`;
  if (outcome.ran) return `${head}: ran${outcome.summary ? ` (${outcome.summary})` : ''}`;
  return `${head}: skipped, ${outcome.alreadyRan ? 'already run by another replica' : `another runner holds the lease (${outcome.heldBy ?? 'unknown'})`}`;
}

/** Schedules `job` in every server process (not in CLI runs); stops with the server. */
export function scheduleLeasedJob(action: JobActionRegistrar, logger: JobLogger, job: LeasedJob): void {
  let task: ScheduledTask | undefined;
  action('server.start', () => {
    const expression = job.cron();
    if (expression === 'off') return;
    task = cron.schedule(
      expression,
      async (context) => {
        const tick = tickOf(context.date);
        try {
          logger.info(describeTick(job.name, tick, await job.run(tick)));
        } catch (error) {
          logger.error(error, `job ${job.name} tick ${tick.toISOString()}: failed`);
        }
      },
      // noOverlap: a slow run does not stack on itself within one process either.
      { name: job.name, noOverlap: true, timezone: job.timezone() },
    );
  });
  action('server.stop', () => {
    void task?.destroy();
  });
}
