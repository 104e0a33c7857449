/**
 * The attendance roll-up job: punches → attendance_days → project_days → warnings, for every
 * approved project (or one), under the job lease so exactly one runner works at a time.
 *
 * Which days an ordinary (incremental) run recomputes:
 * - today and yesterday, always (people enter and exit, key posts change, today fills up);
 * - every day since the last run, so a server that was down a week catches up;
 * - every day that received punches since the last run (a device that was offline uploads
 *   yesterday's or last week's punches late): punches with `received_at` after the saved
 *   watermark, minus an overlap that covers ingest transactions still open when we read.
 * The first run on a database (no watermark yet) and `--from` runs recompute whole ranges.
 * Job functions take `now`, so tests run them on fixed clocks.
 */
import type { Knex } from 'knex';
import { addDays, isIsoDate, type IsoDate } from '../../../../schema/rules/dates';
import type { PlatformConfig } from '../config';
import { dbTimestamp, readTimestamp } from '../db/values';
import { withJobLease, type JobLease } from '../jobs/lease';
import { validityRule } from './day-attendance';
import { daysFromTo, localDayOf, minDay } from './local-days';
import { reconcileProjectWarnings, resolveWarningsOutside, type WarningCounts } from './reconcile-warnings';
import { rollupCityDays } from './rollup-city';
import { rollupProjectDays } from './rollup-days';
import { warningThresholds } from './warning-decisions';

export const ROLLUP_JOB = 'attendance-rollup';

/** Ingest transactions shorter than this that stamped `received_at` before our read are still seen. */
const WATERMARK_OVERLAP_MS = 10 * 60_000;

export interface RollupRequest {
  now: Date;
  /** Recompute every day from this one to today (otherwise: incremental). */
  from?: IsoDate;
  /** Only this project (its warnings too); the saved watermark is left alone. */
  projectId?: number;
}

export interface RollupReport {
  ran: boolean;
  /** Who held the lease when this run gave up. */
  heldBy?: string | null;
  /** The scheduled tick was already run by another replica. */
  alreadyRan?: boolean;
  projects: number;
  days: number;
  attendanceRows: number;
  warnings: WarningCounts;
}

interface RollupState {
  /** Epoch ms of the newest `received_at` covered. */
  watermark?: number;
  lastRunDay?: IsoDate;
  lastRunAt?: string;
}

function readState(lease: JobLease): RollupState {
  const { watermark, lastRunDay } = lease.state;
  return {
    ...(typeof watermark === 'number' ? { watermark } : {}),
    ...(typeof lastRunDay === 'string' && isIsoDate(lastRunDay) ? { lastRunDay } : {}),
  };
}

/** Local days of punches received after `since` (epoch ms), per project. */
async function touchedDays(knex: Knex, since: number, projectId: number | undefined): Promise<Map<number, Set<IsoDate>>> {
  const rows = await knex('punches')
    .select('project', 'punched_at')
    .whereNotNull('project')
    .andWhere('received_at', '>', dbTimestamp(knex, new Date(since)))
    .modify((query) => {
      if (projectId !== undefined) query.andWhere({ project: projectId });
    });
  const days = new Map<number, Set<IsoDate>>();
  for (const row of rows) {
    const at = readTimestamp(row['punched_at']);
    if (!at) continue;
    const project = Number(row['project']);
    let set = days.get(project);
    if (!set) days.set(project, (set = new Set()));
    set.add(localDayOf(at));
  }
  return days;
}

/** Each project's first punch day (for the very first run). */
async function firstPunchDays(knex: Knex, projectIds: readonly number[]): Promise<Map<number, IsoDate>> {
  const rows: Record<string, unknown>[] = await knex('punches').select('project').min({ first: 'punched_at' }).whereIn('project', projectIds).groupBy('project');
  const days = new Map<number, IsoDate>();
  for (const row of rows) {
    const first = readTimestamp(row['first']);
    if (first) days.set(Number(row['project']), localDayOf(first));
  }
  return days;
}

async function newestReceipt(knex: Knex): Promise<number | null> {
  const row = await knex('punches').max({ newest: 'received_at' }).first();
  const newest = readTimestamp(row?.['newest']);
  return newest ? Date.parse(newest) : null;
}

async function rollup(knex: Knex, config: PlatformConfig, request: RollupRequest, lease: JobLease, log: (line: string) => void): Promise<RollupReport> {
  const today = localDayOf(request.now);
  const yesterday = addDays(today, -1);
  const state = readState(lease);
  const rule = validityRule(config);
  const thresholds = warningThresholds(config);

  const projectIds =
    request.projectId !== undefined
      ? [request.projectId]
      : (await knex('projects').select('id').where({ status: 'approved' }).orderBy('id')).map((row: { id: number }) => Number(row.id));
  const receivedUpTo = await newestReceipt(knex);

  // Which days each project needs.
  const base = request.from ? daysFromTo(request.from, today) : daysFromTo(minDay(yesterday, state.lastRunDay ?? yesterday), today);
  const firstRun = !request.from && state.watermark === undefined;
  const touched = request.from || firstRun ? new Map<number, Set<IsoDate>>() : await touchedDays(knex, state.watermark! - WATERMARK_OVERLAP_MS, request.projectId);
  const firstDays = firstRun ? await firstPunchDays(knex, projectIds) : new Map<number, IsoDate>();

  const report: RollupReport = { ran: true, projects: projectIds.length, days: 0, attendanceRows: 0, warnings: { raised: 0, refreshed: 0, resolved: 0 } };
  const cityDays = new Set<IsoDate>(base);
  for (const projectId of projectIds) {
    const first = firstDays.get(projectId);
    const days = new Set([...base, ...(first ? daysFromTo(first, today) : []), ...(touched.get(projectId) ?? [])]);
    for (const day of days) cityDays.add(day);
    const counts = await rollupProjectDays(knex, projectId, [...days], rule, () => lease.assertHeld());
    report.days += counts.days;
    report.attendanceRows += counts.attendanceRows;
    lease.assertHeld();
    const warnings = await reconcileProjectWarnings(knex, projectId, today, request.now, thresholds);
    report.warnings.raised += warnings.raised;
    report.warnings.refreshed += warnings.refreshed;
    report.warnings.resolved += warnings.resolved;
  }
  // The city's sums include the projects just written (and, for a one-project run, everyone else's rows).
  lease.assertHeld();
  await rollupCityDays(knex, [...cityDays]);
  if (request.projectId === undefined) {
    report.warnings.resolved += await resolveWarningsOutside(knex, projectIds, request.now);
    const watermark = Math.max(receivedUpTo ?? 0, state.watermark ?? 0);
    await lease.saveState({ ...(watermark ? { watermark } : {}), lastRunDay: today, lastRunAt: request.now.toISOString() });
  }
  log(
    `attendance roll-up: ${report.projects} projects, ${report.days} project-days, ${report.attendanceRows} person-days; ` +
      `warnings raised ${report.warnings.raised}, resolved ${report.warnings.resolved}`,
  );
  return report;
}

/**
 * Runs the roll-up under the job lease. `waitMs` 0 (the scheduler) skips the run when another
 * replica holds the lease; the CLI waits for it.
 */
export async function runAttendanceRollup(
  knex: Knex,
  config: PlatformConfig,
  request: RollupRequest,
  options: { waitMs?: number; tick?: number; log?: (line: string) => void } = {},
): Promise<RollupReport> {
  const log = options.log ?? (() => undefined);
  const leaseOptions = { waitMs: options.waitMs ?? 0, ...(options.tick === undefined ? {} : { tick: options.tick }) };
  const outcome = await withJobLease(knex, ROLLUP_JOB, (lease) => rollup(knex, config, request, lease, log), leaseOptions);
  if (outcome.ran) return outcome.result;
  const empty = { projects: 0, days: 0, attendanceRows: 0, warnings: { raised: 0, refreshed: 0, resolved: 0 } };
  if (outcome.alreadyRan) return { ran: false, alreadyRan: true, heldBy: null, ...empty };
  log(`attendance roll-up skipped: another runner holds the lease (${outcome.heldBy ?? 'unknown'})`);
  return { ran: false, heldBy: outcome.heldBy, ...empty };
}
