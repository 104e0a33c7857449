/**
 * The figures behind 出勤一览表 for one project and a range of days, read from the roll-up tables
 * (never from raw punches, so a month of a 1,000-person project is one grouped read).
 */
import type { Knex } from 'knex';
import type { IsoDate } from '../../../../schema/rules/dates';
import { dbDate, readDate } from '../db/values';
import { onSiteDaysWithin, onSiteOn, rate } from './rates';

/** One employment on site at some point of the range, with its attendance there. */
export interface PeriodPerson {
  employment: number;
  name: string;
  team: number | null;
  team_name: string | null;
  role: string;
  trade: string;
  /** Days of the range on site. */
  on_site_days: number;
  /** Valid attendance days (出勤) in the range, at most `on_site_days`. */
  present_days: number;
  /** Days in the range with at least one punch. */
  punched_days: number;
  /** The same two over the days rates are computed on (rolled-up, finished days). */
  rated_on_site_days: number;
  rated_present_days: number;
}

/** 出勤: at least one valid day; 打卡不足: punched but no valid day; 未出勤: no punch at all. */
export type AttendanceStanding = 'present' | 'partial' | 'absent';

export function standingOf(person: Pick<PeriodPerson, 'present_days' | 'punched_days'>): AttendanceStanding {
  if (person.present_days > 0) return 'present';
  return person.punched_days > 0 ? 'partial' : 'absent';
}

/**
 * Per employment: valid and punched days in [from, to], and valid days among `ratedDays` — one
 * grouped read of the covering index (project, day, employment, valid).
 */
async function daysPerEmployment(knex: Knex, projectId: number, from: IsoDate, to: IsoDate, ratedDays: readonly IsoDate[]) {
  const rated = ratedDays.map((day) => dbDate(knex, day));
  const ratedValid = rated.length
    ? knex.raw(`sum(case when valid and day in (${rated.map(() => '?').join(', ')}) then 1 else 0 end)`, rated)
    : knex.raw('0');
  const rows: Record<string, unknown>[] = await knex('attendance_days')
    .select('employment', knex.raw('sum(case when valid then 1 else 0 end) as valid_days'), knex.raw('count(*) as punched_days'), knex.raw('? as rated_valid_days', [ratedValid]))
    .where('project', projectId)
    .andWhere('day', '>=', dbDate(knex, from))
    .andWhere('day', '<=', dbDate(knex, to))
    .groupBy('employment');
  return new Map(
    rows.map((row) => [
      Number(row['employment']),
      { valid: Number(row['valid_days'] ?? 0), punched: Number(row['punched_days'] ?? 0), ratedValid: Number(row['rated_valid_days'] ?? 0) },
    ]),
  );
}

/**
 * Every employment of the project on site during [from, to], with its attendance in that range
 * and over `ratedDays` (the days whose rates count: rolled up, and finished unless a single day).
 */
export async function periodPeople(knex: Knex, projectId: number, from: IsoDate, to: IsoDate, ratedDays: readonly IsoDate[]): Promise<PeriodPerson[]> {
  const employments: Record<string, unknown>[] = await knex('employments')
    .join('people', 'people.id', 'employments.person')
    .leftJoin('teams', 'teams.id', 'employments.team')
    .select('employments.id', 'employments.team', 'employments.role', 'employments.trade', 'employments.entry_date', 'employments.exit_date', 'people.name', 'teams.name as team_name')
    .where('employments.project', projectId)
    .andWhere('employments.entry_date', '<=', dbDate(knex, to))
    .andWhere((query) => query.whereNull('employments.exit_date').orWhere('employments.exit_date', '>=', dbDate(knex, from)));
  const days = await daysPerEmployment(knex, projectId, from, to, ratedDays);
  return employments.map((row) => {
    const id = Number(row['id']);
    const stay = { entry_date: readDate(row['entry_date']) ?? to, exit_date: readDate(row['exit_date']) };
    const onSiteDays = onSiteDaysWithin(stay, from, to);
    const ratedOnSite = ratedDays.filter((day) => onSiteOn(stay, day)).length;
    return {
      employment: id,
      name: String(row['name']),
      team: row['team'] == null ? null : Number(row['team']),
      team_name: row['team_name'] == null ? null : String(row['team_name']),
      role: String(row['role']),
      trade: String(row['trade']),
      on_site_days: onSiteDays,
      present_days: Math.min(onSiteDays, days.get(id)?.valid ?? 0),
      punched_days: Math.min(onSiteDays, days.get(id)?.punched ?? 0),
      rated_on_site_days: ratedOnSite,
      rated_present_days: Math.min(ratedOnSite, days.get(id)?.ratedValid ?? 0),
    };
  });
}

export interface DayFigures {
  day: IsoDate;
  /** Whether the roll-up has computed this day (otherwise the figures are zeros). */
  rolled: boolean;
  on_site: number;
  present: number;
  rate: number | null;
  key_posts_required: number;
  key_posts_present: number;
}

/** project_days rows of [from, to], one per day (zeros for a day not rolled up yet). */
export async function projectDayFigures(knex: Knex, projectId: number, days: readonly IsoDate[]): Promise<DayFigures[]> {
  if (!days.length) return [];
  const rows: Record<string, unknown>[] = await knex('project_days')
    .select('day', 'on_site', 'present', 'key_posts_required', 'key_posts_present')
    .where('project', projectId)
    .andWhere('day', '>=', dbDate(knex, days[0]))
    .andWhere('day', '<=', dbDate(knex, days[days.length - 1]));
  const byDay = new Map(rows.map((row) => [readDate(row['day']), row]));
  return days.map((day) => {
    const row = byDay.get(day);
    const onSite = Number(row?.['on_site'] ?? 0);
    const present = Number(row?.['present'] ?? 0);
    return {
      day,
      rolled: row !== undefined,
      on_site: onSite,
      present,
      rate: rate(present, onSite),
      key_posts_required: Number(row?.['key_posts_required'] ?? 0),
      key_posts_present: Number(row?.['key_posts_present'] ?? 0),
    };
  });
}
