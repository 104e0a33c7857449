/**
 * Raises and clears one project's warnings (see warning-decisions.ts for the rules): the rates of
 * the last complete day (yesterday; today is not over, so a morning would look like a collapse)
 * and, per person on site, the days since their last punch.
 */
import type { Knex } from 'knex';
import { WARNING_KINDS } from '../../../../schema/codes/warnings';
import { addDays, type IsoDate } from '../../../../schema/rules/dates';
import { dbDate, dbTimestamp, readDate, readTimestamp } from '../db/values';
import { dayStart, localDayOf } from './local-days';
import {
  longAbsenceWarnings,
  planWarnings,
  projectDayWarnings,
  type AbsenceCandidate,
  type WantedWarning,
  type WarningThresholds,
} from './warning-decisions';

const ALL_KINDS = WARNING_KINDS.map((kind) => kind.value);
const ACTIVE_STATUSES = ['open', 'handled'];
const IDS_PER_QUERY = 500;

export interface WarningCounts {
  raised: number;
  refreshed: number;
  resolved: number;
}

async function projectDayWanted(knex: Knex, projectId: number, day: IsoDate, thresholds: WarningThresholds): Promise<WantedWarning[]> {
  const row = await knex('project_days')
    .select('on_site', 'present', 'key_posts_required', 'key_posts_present')
    .where({ project: projectId, day: dbDate(knex, day) })
    .first();
  if (!row) return [];
  return projectDayWarnings(
    {
      day,
      on_site: Number(row.on_site),
      present: Number(row.present),
      key_posts_required: Number(row.key_posts_required),
      key_posts_present: Number(row.key_posts_present),
    },
    thresholds,
  );
}

/** People on site today who have not punched since `today − noPunchDays` (their last punch looked up). */
async function absenceCandidates(knex: Knex, projectId: number, today: IsoDate, noPunchDays: number): Promise<AbsenceCandidate[]> {
  const onSite: { id: number; entry_date: unknown; name: string }[] = await knex('employments')
    .join('people', 'people.id', 'employments.person')
    .select('employments.id', 'employments.entry_date', 'people.name')
    .where({ 'employments.project': projectId, 'employments.status': 'on_site' })
    .andWhere('employments.entry_date', '<=', dbDate(knex, today));
  if (!onSite.length) return [];
  const recent = new Set(
    (
      await knex('punches')
        .distinct('employment')
        .where({ project: projectId })
        .whereNotNull('employment')
        .andWhere('punched_at', '>=', dbTimestamp(knex, dayStart(addDays(today, -noPunchDays))))
    ).map((row: { employment: number }) => Number(row.employment)),
  );
  const quiet = onSite.filter((row) => !recent.has(Number(row.id)));
  const lastPunch = new Map<number, IsoDate>();
  for (let i = 0; i < quiet.length; i += IDS_PER_QUERY) {
    const rows: Record<string, unknown>[] = await knex('punches')
      .select('employment')
      .max({ last: 'punched_at' })
      .whereIn(
        'employment',
        quiet.slice(i, i + IDS_PER_QUERY).map((row) => row.id),
      )
      .groupBy('employment');
    for (const row of rows) {
      const last = readTimestamp(row['last']);
      if (last) lastPunch.set(Number(row['employment']), localDayOf(last));
    }
  }
  return quiet.map((row) => ({
    employment: Number(row.id),
    name: row.name,
    entry_date: readDate(row.entry_date) ?? today,
    last_punch_day: lastPunch.get(Number(row.id)) ?? null,
  }));
}

/**
 * Brings project `projectId`'s warnings in line with its figures as of `today`: one active row
 * per kind and subject while the cause lasts, resolved (at `now`) when it is gone.
 */
export async function reconcileProjectWarnings(knex: Knex, projectId: number, today: IsoDate, now: Date, thresholds: WarningThresholds): Promise<WarningCounts> {
  const wanted = [
    ...(await projectDayWanted(knex, projectId, addDays(today, -1), thresholds)),
    ...longAbsenceWarnings(await absenceCandidates(knex, projectId, today, thresholds.noPunchDays), today, thresholds),
  ];
  return knex.transaction(async (trx) => {
    const rows: Record<string, unknown>[] = await trx('warnings')
      .select('id', 'kind', 'subject', 'value', 'threshold', 'message')
      .where({ project: projectId })
      .whereIn('status', ACTIVE_STATUSES);
    const active = rows.map((r) => ({ id: Number(r['id']), kind: String(r['kind']), subject: r['subject'] == null ? null : String(r['subject']) }));
    const plan = planWarnings(active, wanted, ALL_KINDS);
    const row = (w: WantedWarning) => ({ value: w.value, threshold: w.threshold, message: w.message });
    // A refresh writes only when the figures changed (most runs change nothing).
    const stored = new Map(rows.map((r) => [Number(r['id']), `${Number(r['value'])}|${Number(r['threshold'])}|${String(r['message'])}`]));
    const changed = plan.refresh.filter(({ id, wanted: w }) => stored.get(id) !== `${w.value}|${w.threshold}|${w.message}`);
    for (let i = 0; i < plan.raise.length; i += 400) {
      await trx('warnings').insert(
        plan.raise.slice(i, i + 400).map((w) => ({
          project: projectId,
          kind: w.kind,
          subject: w.subject,
          status: 'open',
          raised_on: dbDate(trx, w.raised_on),
          ...row(w),
        })),
      );
    }
    for (const { id, wanted: w } of changed) await trx('warnings').where({ id }).update(row(w));
    for (let i = 0; i < plan.resolve.length; i += IDS_PER_QUERY) {
      await trx('warnings')
        .whereIn('id', plan.resolve.slice(i, i + IDS_PER_QUERY))
        .update({ status: 'resolved', resolved_at: dbTimestamp(trx, now) });
    }
    return { raised: plan.raise.length, refreshed: plan.refresh.length, resolved: plan.resolve.length };
  });
}

/** Resolves the active warnings of projects the scheduler no longer watches (completed, withdrawn). */
export async function resolveWarningsOutside(knex: Knex, projectIds: readonly number[], now: Date): Promise<number> {
  const query = knex('warnings').whereIn('status', ACTIVE_STATUSES);
  if (projectIds.length) query.whereNotIn('project', projectIds);
  return query.update({ status: 'resolved', resolved_at: dbTimestamp(knex, now) });
}
