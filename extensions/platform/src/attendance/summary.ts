/**
 * 出勤一览表 (GET /platform/attendance/summary) and its 更多 list (GET /platform/attendance/people):
 * head counts for a day, a week or a month, the daily trend, the per-team breakdown, and who was
 * present or absent. Past days come from the roll-up tables; today's day view is live
 * (live-today.ts: who has punched so far against who is expected today, computed per request).
 */
import type { Knex } from 'knex';
import type { AttendancePeoplePage, AttendancePeopleQuery, AttendanceSummary, SummaryQuery, TeamFigures } from '../../../../schema/api/site';
import { addDays, isAfter, type IsoDate } from '../../../../schema/rules/dates';
import { dbDate, readTimestamp } from '../db/values';
import { invalid } from '../http/errors';
import { readJobState } from '../jobs/lease';
import { loadTodayFacts, projectLiveFigures, type LiveFigures, type TodayPunches } from './live-today';
import { rateState } from './rate-state';
import { daysFromTo, localDayOf, minDay, periodRange, type Period } from './local-days';
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

/** Today's people of a project as the period views list them (a day on site, present when punched), with their punches so far. */
export interface TodayView {
  figures: LiveFigures;
  people: (PeriodPerson & { punches: TodayPunches | null })[];
}

async function todayView(knex: Knex, projectId: number, today: IsoDate): Promise<TodayView> {
  const facts = await loadTodayFacts(knex, today, [projectId], { people: true });
  const figures = projectLiveFigures(facts, projectId);
  const people = figures.expected.map((stay) => {
    const who = facts.people.get(stay.id);
    const punches = facts.punches.get(stay.id) ?? null;
    const came = punches ? 1 : 0;
    return {
      employment: stay.id,
      name: who?.name ?? '',
      team: stay.team,
      team_name: who?.team_name ?? null,
      role: who?.role ?? '',
      trade: who?.trade ?? '',
      on_site_days: 1,
      present_days: came,
      punched_days: came,
      rated_on_site_days: 1,
      rated_present_days: came,
      punches,
    };
  });
  return { figures, people };
}

/** Settings the 出勤一览表 is read by (echoed in the payload so the H5 explains them). */
export type SummarySettings = Pick<AttendanceSummary, 'thresholds' | 'valid_rule' | 'arrival_by'>;

/**
 * The 出勤一览表 payload for `period` around `date` (default today), with the rules it is read by.
 * Today's day view is live and says so in `live` (when computed, and how its rate reads).
 */
export async function attendanceSummary(knex: Knex, projectId: number, query: SummaryQuery, now: Date, settings: SummarySettings): Promise<AttendanceSummary> {
  const today = localDayOf(now);
  const { date, from, to } = resolveRange(query.period, query.date, today);
  const liveDay = query.period === 'day' && date === today;
  // A day's chart shows the week leading to it; a week or a month shows its own days.
  const trendFrom = query.period === 'day' ? addDays(date, -6) : from;
  const [trend, jobState, live] = await Promise.all([
    projectDayFigures(knex, projectId, daysFromTo(trendFrom, to)),
    readJobState(knex, ROLLUP_JOB),
    liveDay ? todayView(knex, projectId, today) : Promise.resolve(null),
  ]);
  if (live) {
    // Today's bar is the same live figure as the head, not the last refresh's.
    const last = trend[trend.length - 1];
    if (last?.day === today) {
      const { on_site, present, key_posts_required, key_posts_present } = live.figures;
      trend[trend.length - 1] = { day: today, rolled: true, on_site, present, rate: rate(present, on_site), key_posts_required, key_posts_present };
    }
  }
  // Rates count rolled-up days only, and over a week or a month finished days only (today's
  // figures fill up until the evening).
  const rated = trend.filter((day) => day.rolled && day.day >= from && (query.period === 'day' || day.day < today));
  const people = live ? live.people : await periodPeople(knex, projectId, from, to, rated.map((day) => day.day));
  const sums = sumDays(rated);
  const counts = { present: 0, partial: 0, absent: 0 };
  for (const person of people) counts[standingOf(person)] += 1;
  const personDaysRate = rate(sums.present, sums.on_site);
  return {
    period: query.period,
    date,
    from,
    to,
    today,
    on_site: people.length,
    ...counts,
    person_days: { on_site: sums.on_site, present: sums.present, rate: personDaysRate },
    key_posts: { required: sums.key_posts_required, present: sums.key_posts_present, rate: rate(sums.key_posts_present, sums.key_posts_required) },
    trend: trend.map(({ day, on_site, present, rate: dayRate }) => ({ day, on_site, present, rate: dayRate })),
    teams: teamBreakdown(people),
    ...settings,
    updated_at: live ? now.toISOString() : typeof jobState['lastRunAt'] === 'string' ? jobState['lastRunAt'] : null,
    /** Today's day view: figures as of `computed_at`; `rate_state` 'early' before `arrival_by`. */
    live: live
      ? { computed_at: now.toISOString(), rate_state: rateState(personDaysRate, today, { now, warnRate: settings.thresholds.attendance, arrivalBy: settings.arrival_by }) }
      : null,
  };
}

const PAGE_SIZE = 20;

/** The people of a range: today alone is live (so 更多 agrees with today's head counts), other ranges rolled up. */
async function rangePeople(knex: Knex, projectId: number, from: IsoDate, to: IsoDate, today: IsoDate): Promise<(PeriodPerson & { punches?: TodayPunches | null })[]> {
  if (from === to && from === today) return (await todayView(knex, projectId, today)).people;
  return periodPeople(knex, projectId, from, to, []);
}

/** 更多: the people of one standing in the period, paged; a single day also shows their punches. */
export async function attendancePeople(knex: Knex, projectId: number, query: AttendancePeopleQuery, now: Date): Promise<AttendancePeoplePage> {
  const today = localDayOf(now);
  const { date, from, to } = resolveRange(query.period, query.date, today);
  const people = await rangePeople(knex, projectId, from, to, today);
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
  if (query.period === 'day' && date === today) {
    for (const person of page) {
      const punches = person.punches;
      if (!punches) continue;
      const span = Date.parse(punches.last) - Date.parse(punches.first);
      dayRows.set(person.employment, {
        first_in: punches.first,
        last_out: punches.count > 1 ? punches.last : null,
        punch_count: punches.count,
        hours: punches.count > 1 ? Math.round((span / 3_600_000) * 100) / 100 : 0,
      });
    }
  } else if (query.period === 'day' && page.length) {
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
    items: page.map(({ rated_on_site_days: _ratedOnSite, rated_present_days: _ratedPresent, punches: _punches, ...person }) => {
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
