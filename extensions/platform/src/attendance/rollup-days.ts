/**
 * Recomputes `attendance_days` and `project_days` of one project for given days, from its
 * punches: the roll-up is a pure function of the punches, employments and key posts, so
 * recomputing a day any number of times gives the same rows (upserts on the unique indexes, and
 * rows whose punches are gone are removed). Raw knex on purpose: a year's roll-up writes hundreds
 * of thousands of rows, which Directus's per-item services would take hours to write.
 */
import type { Knex } from 'knex';
import { KEY_POST_APPROVED_STATUSES } from '../../../../schema/codes/keyPosts';
import { addDays, type IsoDate } from '../../../../schema/rules/dates';
import { bulkInsert } from '../db/bulk-insert';
import { dbDate, dbTimestamp, readDate, readTimestamp } from '../db/values';
import { groupByEmploymentDay, summariseDay, type ValidityRule } from './day-attendance';
import { liveFigures, liveProjectDayRow } from './live-today';
import { consecutiveRuns, dayStart } from './local-days';
import { keyPostPresence, onSiteOn, rate, toKeyPostHolding, type KeyPostHolding } from './rates';

/** Days read and written per step: a month of a 1,000-person project is ~70,000 punches. */
const DAYS_PER_STEP = 31;
/** Ids per `where id in (…)` delete. */
const IDS_PER_DELETE = 400;

interface EmploymentStay {
  id: number;
  person: number;
  team: number | null;
  entry_date: IsoDate;
  exit_date: IsoDate | null;
}

interface ProjectFacts {
  employments: EmploymentStay[];
  unitRoles: string[];
  holdings: KeyPostHolding[];
}

async function projectFacts(knex: Knex, projectId: number): Promise<ProjectFacts> {
  const employments = (await knex('employments').select('id', 'person', 'team', 'entry_date', 'exit_date').where({ project: projectId })).map(
    (row: Record<string, unknown>): EmploymentStay => ({
      id: Number(row['id']),
      person: Number(row['person']),
      team: row['team'] == null ? null : Number(row['team']),
      entry_date: readDate(row['entry_date']) ?? '9999-12-31',
      exit_date: readDate(row['exit_date']),
    }),
  );
  const unitRoles = (await knex('project_units').distinct('participation').where({ project: projectId })).map((row: { participation: string }) => row.participation);
  const holdings = (
    await knex('key_posts')
      .select('unit_role', 'post', 'person', 'status', 'entry_date', 'exit_date')
      .where({ project: projectId })
      .whereIn('status', KEY_POST_APPROVED_STATUSES)
  ).map((row: Record<string, unknown>) => toKeyPostHolding(row, readDate));
  return { employments, unitRoles, holdings };
}

export interface RollupCounts {
  days: number;
  attendanceRows: number;
}

/**
 * Recomputes `days` of project `projectId`. Each run of consecutive days is written in one
 * transaction; `beforeWrite` (the scheduler's lease check) runs before each. The `project_days` row
 * of `today` holds live figures (live-today.ts), every other day valid attendance.
 */
export async function rollupProjectDays(
  knex: Knex,
  projectId: number,
  days: readonly IsoDate[],
  rule: ValidityRule,
  options: { today: IsoDate; beforeWrite?: () => void },
): Promise<RollupCounts> {
  const beforeWrite = options.beforeWrite ?? (() => undefined);
  const counts: RollupCounts = { days: 0, attendanceRows: 0 };
  if (!days.length) return counts;
  const facts = await projectFacts(knex, projectId);
  const employmentById = new Map(facts.employments.map((e) => [e.id, e]));

  for (const run of consecutiveRuns(days, DAYS_PER_STEP)) {
    const first = run[0]!;
    const last = run[run.length - 1]!;
    const punches = await knex('punches')
      .select('employment', 'punched_at', 'direction')
      .where({ project: projectId })
      .whereNotNull('employment')
      .andWhere('punched_at', '>=', dbTimestamp(knex, dayStart(first)))
      .andWhere('punched_at', '<', dbTimestamp(knex, dayStart(addDays(last, 1))));
    const groups = groupByEmploymentDay(
      punches.map((row: Record<string, unknown>) => ({
        employment: Number(row['employment']),
        at: readTimestamp(row['punched_at']) ?? '',
        direction: row['direction'] === 'in' || row['direction'] === 'out' ? row['direction'] : null,
      })),
    );

    const attendanceRows: Record<string, unknown>[] = [];
    const kept = new Set<string>();
    const validByDay = new Map<IsoDate, Set<number>>(run.map((day) => [day, new Set<number>()]));
    const punchedByDay = new Map<IsoDate, Set<number>>(run.map((day) => [day, new Set<number>()]));
    for (const [employmentId, byDay] of groups) {
      const employment = employmentById.get(employmentId);
      if (!employment) continue; // a punch pointing at another project's employment is not this project's attendance
      for (const [day, dayPunches] of byDay) {
        const valid = validByDay.get(day);
        if (!valid) continue;
        punchedByDay.get(day)?.add(employmentId);
        const summary = summariseDay(dayPunches, rule);
        if (summary.valid) valid.add(employmentId);
        kept.add(`${employmentId}|${day}`);
        attendanceRows.push({
          project: projectId,
          employment: employmentId,
          team: employment.team,
          day: dbDate(knex, day),
          first_in: dbTimestamp(knex, summary.first_in),
          last_out: dbTimestamp(knex, summary.last_out),
          punch_count: summary.punch_count,
          hours: summary.hours,
          valid: summary.valid,
        });
      }
    }

    const projectRows = run.map((day) => {
      if (day === options.today) {
        const live = liveFigures({ day, stays: facts.employments, punched: punchedByDay.get(day) ?? new Set(), unitRoles: facts.unitRoles, holdings: facts.holdings });
        return liveProjectDayRow(knex, projectId, day, live);
      }
      const validIds = validByDay.get(day) ?? new Set<number>();
      const onSite = facts.employments.filter((e) => onSiteOn(e, day));
      const present = onSite.filter((e) => validIds.has(e.id)).length;
      const presentPersons = new Set([...validIds].map((id) => employmentById.get(id)?.person ?? 0));
      const keyPosts = keyPostPresence(facts.unitRoles, facts.holdings, presentPersons, day);
      return {
        project: projectId,
        day: dbDate(knex, day),
        on_site: onSite.length,
        present,
        attendance_rate: rate(present, onSite.length),
        key_posts_required: keyPosts.required,
        key_posts_present: keyPosts.present,
        key_post_rate: rate(keyPosts.present, keyPosts.required),
      };
    });

    beforeWrite();
    await knex.transaction(async (trx) => {
      const existing = await trx('attendance_days')
        .select('id', 'employment', 'day')
        .where({ project: projectId })
        .andWhere('day', '>=', dbDate(trx, first))
        .andWhere('day', '<=', dbDate(trx, last));
      const stale = existing.filter((row: Record<string, unknown>) => !kept.has(`${Number(row['employment'])}|${readDate(row['day'])}`)).map((row: { id: number }) => row.id);
      for (let i = 0; i < stale.length; i += IDS_PER_DELETE) await trx('attendance_days').whereIn('id', stale.slice(i, i + IDS_PER_DELETE)).delete();
      await bulkInsert(trx, 'attendance_days', attendanceRows, { conflict: ['employment', 'day'], onConflict: 'merge' });
      await bulkInsert(trx, 'project_days', projectRows, { conflict: ['project', 'day'], onConflict: 'merge' });
    });
    counts.days += run.length;
    counts.attendanceRows += attendanceRows.length;
  }
  return counts;
}
