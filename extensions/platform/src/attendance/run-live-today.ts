/**
 * The live refresh of today's figures (PLATFORM_LIVE_TODAY_CRON, every minute by default): today's
 * `project_days` row of every approved project from live figures (live-today.ts), then the city's
 * row of today, stamped with the time, so the bureau's 今日 tiles read 「截至 HH:MM」 at most a minute
 * old. A few grouped reads and two upserts; under its own lease so one replica does it per tick.
 */
import type { Knex } from 'knex';
import type { PlatformConfig } from '../config';
import { withJobLease, type LeaseResult } from '../jobs/lease';
import { refreshToday } from './live-today';
import { rateSettings } from './rate-state';

export const LIVE_TODAY_JOB = 'attendance-live-today';

/**
 * Recomputes today's project and city rows at `now`. `tick` (epoch ms, the scheduler's) makes the
 * refresh run once per tick across replicas; without it (a direct call) it runs unless another
 * runner holds the lease.
 */
export function runLiveToday(knex: Knex, config: PlatformConfig, now: Date, tick?: number): Promise<LeaseResult<unknown>> {
  return withJobLease(knex, LIVE_TODAY_JOB, () => refreshToday(knex, rateSettings(config, now)), {
    waitMs: 0,
    ...(tick === undefined ? {} : { tick }),
  });
}
