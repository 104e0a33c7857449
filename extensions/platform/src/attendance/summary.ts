/**
 * 出勤一览表 (GET /platform/attendance/summary) and its 更多 list (GET /platform/attendance/people):
 * head counts for a day, a week or a month, the daily trend, the per-team breakdown, and who was
 * present or absent. Everything comes from the roll-up tables.
 */
import type { Knex } from 'knex';
import type { AttendancePeoplePage, AttendancePeopleQuery, AttendanceSummary, SummaryQuery, TeamFigures } from '../../../../schema/api/site';
import { addDays, isAfter, type IsoDate } from '../../../../schema/rules/dates';
import { dbDate, readTimestamp } from '../db/values';
import { invalid } from '../http/errors';
import { readJobState } from '../jobs/lease';
import { daysFromTo, minDay, periodRange, type Period } from './local-days';
import { periodPeople, projectDayFigures, standingOf, type AttendanceStanding, type DayFigures, type PeriodPerson } from './period-figures';
import { rate } from './rates';
import { ROLLUP_JOB } from './run-rollup';

/** The days a request covers, clipped at today; a date after today is refused. */
export function resolveRange(period: Period, date: IsoDate | undefined, today: IsoDate): { date: IsoDate; from: IsoDate; to: IsoDate } {
  const day = date ?? today;
  if (isAfter(day, today)) throw invalid('DATE_IN_FUTURE', '日期不能晚于今天', 'date');
  const range = periodRange(period, day);
  return { date: day, from: range.from, to: minDay(range.to, today) };
}

function teamBreakdown(people: readonly PeriodPerson[]): TeamFigures[] {
  const teams = new Map<string, TeamFigures>();
  for (const person of people) {
    const key = String(person.team ?? '');
    let team = teams.get(key);
    if (!team) {
      team = { team: person.team, name: person.team_name ?? '未分班组', on_site: 0, present: 0, partial: 0, absent: 0, on_site_days: 0, present_days: 0, rate: null };
      teams.set(key, team);
    }
    team.on_site += 1;
    team[standingOf(person)] += 1;
    team.on_site_days += person.rated_on_site_days;
    team.present_days += person.rated_present_days;
  }
  return [...teams.values()]
    .map((team) => ({ ...team, rate: rate(team.present_days, team.on_site_days) }))
    .sort((a, b) => b.on_site - a.on_site || a.name.localeCompare(b.name, 'zh-CN'));
}

function sumDays(days: readonly DayFigures[]) {
  const total = (pick: (day: DayFigures) => number) => days.reduce((sum, day) => sum + pick(day), 0);
  return {
    on_site: total((d) => d.on_site),
    present: total((d) => d.present),
    key_posts_required: total((d) => d.key_posts_required),
    key_posts_present: total((d) => d.key_posts_present),
  };
}

/** The 出勤一览表 payload for `period` around `date` (default today), with the rules it is read by. */
export async function attendanceSummary(
  knex: Knex,
  projectId: number,
  query: SummaryQuery,
  today: IsoDate,
  settings: Pick<AttendanceSummary, 'thresholds' | 'valid_rule'>,
): Promise<AttendanceSummary> {
  const { date, from, to } = resolveRange(query.period, query.date, today);
  // A day's chart shows the week leading to it; a week or a month shows its own days.
  const trendFrom = query.period === 'day' ? addDays(date, -6) : from;
  const [trend, jobState] = await Promise.all([projectDayFigures(knex, projectId, daysFromTo(trendFrom, to)), readJobState(knex, ROLLUP_JOB)]);
  // Rates count rolled-up days only, and over a week or a month finished days only (today's
  // figures fill up until the evening).
  const rated = trend.filter((day) => day.rolled && day.day >= from && (query.period === 'day' || day.day < today));
  const people = await periodPeople(knex, projectId, from, to, rated.map((day) => day.day));
  const sums = sumDays(rated);
  const counts = { present: 0, partial: 0, absent: 0 };
  for (const person of people) counts[standingOf(person)] += 1;
  return {
    period: query.period,
    date,
    from,
    to,
    today,
    on_site: people.length,
    ...counts,
    person_days: { on_site: sums.on_site, present: sums.present, rate: rate(sums.present, sums.on_site) },
    key_posts: { required: sums.key_posts_required, present: sums.key_posts_present, rate: rate(sums.key_posts_present, sums.key_posts_required) },
    trend: trend.map(({ day, on_site, present, rate: dayRate }) => ({ day, on_site, present, rate: dayRate })),
    teams: teamBreakdown(people),
    ...settings,
    updated_at: typeof jobState['lastRunAt'] === 'string' ? jobState['lastRunAt'] : null,
  };
}

const PAGE_SIZE = 20;

/** 更多: the people of one standing in the period, paged; a single day also shows their punches. */
export async function attendancePeople(knex: Knex, projectId: number, query: AttendancePeopleQuery, today: IsoDate): Promise<AttendancePeoplePage> {
  const { date, from, to } = resolveRange(query.period, query.date, today);
  const people = await periodPeople(knex, projectId, from, to, []);
  const counts: Record<AttendanceStanding, number> = { present: 0, partial: 0, absent: 0 };
  const inTeam = people.filter((person) => query.team === undefined || person.team === query.team);
  for (const person of inTeam) counts[standingOf(person)] += 1;
  const chosen = inTeam
    .filter((person) => standingOf(person) === query.status)
    .sort(
      (a, b) =>
        b.present_days - a.present_days ||
        (a.team_name ?? '').localeCompare(b.team_name ?? '', 'zh-CN') ||
        a.name.localeCompare(b.name, 'zh-CN') ||
        a.employment - b.employment,
    );
  const page = chosen.slice((query.page - 1) * PAGE_SIZE, query.page * PAGE_SIZE);

  const dayRows = new Map<number, Record<string, unknown>>();
  if (query.period === 'day' && page.length) {
    const rows: Record<string, unknown>[] = await knex('attendance_days')
      .select('employment', 'first_in', 'last_out', 'punch_count', 'hours')
      .where({ project: projectId, day: dbDate(knex, date) })
      .whereIn(
        'employment',
        page.map((person) => person.employment),
      );
    for (const row of rows) dayRows.set(Number(row['employment']), row);
  }
  return {
    period: query.period,
    date,
    from,
    to,
    status: query.status,
    counts,
    total: chosen.length,
    page: query.page,
    page_size: PAGE_SIZE,
    items: page.map(({ rated_on_site_days: _ratedOnSite, rated_present_days: _ratedPresent, ...person }) => {
      const day = dayRows.get(person.employment);
      return {
        ...person,
        ...(query.period === 'day'
          ? {
              first_in: readTimestamp(day?.['first_in']),
              last_out: readTimestamp(day?.['last_out']),
              punch_count: Number(day?.['punch_count'] ?? 0),
              hours: day?.['hours'] == null ? null : Number(day['hours']),
            }
          : {}),
      };
    }),
  };
}
