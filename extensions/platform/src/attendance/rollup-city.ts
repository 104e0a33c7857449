/**
 * Recomputes `city_days` for given days from that day's `project_days` rows: the city's rates are
 * Σpresent ÷ Σon_site and Σkey posts present ÷ Σrequired (weighted by the projects' sizes), which
 * nothing downstream can rebuild from the projects' own rates. Runs after the projects of a roll-up,
 * so it sums what was just written; recomputing a day any number of times gives the same row.
 */
import type { Knex } from 'knex';
import type { IsoDate } from '../../../../schema/rules/dates';
import { bulkInsert } from '../db/bulk-insert';
import { dbDate, dbTimestamp, readDate } from '../db/values';
import { rateState, type RateSettings } from './rate-state';
import { rate } from './rates';

/** Days per `where day in (…)` read. */
const DAYS_PER_QUERY = 400;

/**
 * Rewrites the city rows of `days`, stamped with when (`settings.now`) and how the rate reads against
 * the warning line (today before the arrival time: 'early'). On a database whose `city_days` is still
 * empty (one rolled up before the table existed) it fills every day `project_days` has, so the trend
 * has its history.
 */
export async function rollupCityDays(knex: Knex, days: readonly IsoDate[], settings: RateSettings): Promise<number> {
  const empty = !(await knex('city_days').first('id'));
  const all = empty ? (await knex('project_days').distinct('day')).map((row: { day: unknown }) => readDate(row.day)).filter((day): day is IsoDate => day !== null) : [];
  const unique = [...new Set([...days, ...all])];
  let written = 0;
  for (let i = 0; i < unique.length; i += DAYS_PER_QUERY) {
    const chunk = unique.slice(i, i + DAYS_PER_QUERY).map((day) => dbDate(knex, day));
    const sums: Record<string, unknown>[] = await knex('project_days')
      .select('day')
      .count({ projects: '*' })
      .sum({ on_site: 'on_site', present: 'present', key_posts_required: 'key_posts_required', key_posts_present: 'key_posts_present' })
      .whereIn('day', chunk)
      .groupBy('day');
    const rows = sums.map((row) => {
      const day = readDate(row['day']) ?? '';
      const onSite = Number(row['on_site'] ?? 0);
      const present = Number(row['present'] ?? 0);
      const required = Number(row['key_posts_required'] ?? 0);
      const keyPresent = Number(row['key_posts_present'] ?? 0);
      const attendanceRate = rate(present, onSite);
      return {
        day: dbDate(knex, day),
        projects: Number(row['projects']),
        on_site: onSite,
        present,
        attendance_rate: attendanceRate,
        key_posts_required: required,
        key_posts_present: keyPresent,
        key_post_rate: rate(keyPresent, required),
        computed_at: dbTimestamp(knex, settings.now),
        rate_state: rateState(attendanceRate, day, settings),
      };
    });
    await bulkInsert(knex, 'city_days', rows, { conflict: ['day'], onConflict: 'merge' });
    written += rows.length;
  }
  return written;
}
