/**
 * Today, live: the one place that turns today's punches so far into today's figures, for the H5's
 * 出勤一览表 (computed per request) and for the bureau's 今日 tiles (today's `project_days` and
 * `city_days` rows, rewritten every minute and by every roll-up).
 *
 * A finished day is judged by valid attendance (≥ 2 punches spanning ≥ 4 h, day-attendance.ts);
 * nobody has that at 10:15, so a roll-up of today reads 0 % all morning. Today therefore counts who
 * has punched so far against who is expected today: on site by their dates, except people whose
 * exit day is today and who have not punched (they have left; nobody waits for them). Before the
 * usual arrival time (PLATFORM_ATTENDANCE_ARRIVAL_BY) a low rate is people still on their way, so its
 * state is 'early', never an alarm. Past days and trends keep the roll-up.
 */
import type { Knex } from 'knex';
import { KEY_POST_APPROVED_STATUSES } from '../../../../schema/codes/keyPosts';
import { addDays, type IsoDate } from '../../../../schema/rules/dates';
import { bulkInsert } from '../db/bulk-insert';
import { dbDate, dbTimestamp, readDate, readTimestamp } from '../db/values';
import { dayStart, localDayOf } from './local-days';
import { keyPostPresence, onSiteOn, rate, toKeyPostHolding, type KeyPostHolding, type Stay } from './rates';
import type { RateSettings } from './rate-state';
import { rollupCityDays } from './rollup-city';

/** An employment's stay, as today's figures need it. */
export interface TodayStay extends Stay {
  id: number;
  project: number;
  person: number;
  team: number | null;
}

/** One employment's punches so far today. */
export interface TodayPunches {
  count: number;
  /** Earliest and latest punch, ISO. */
  first: string;
  last: string;
}

/** Whether `stay` counts as on site today: on site by its dates, but on its exit day only when it punched. */
export function expectedOn(stay: Stay, day: IsoDate, punched: boolean): boolean {
  return onSiteOn(stay, day) && (stay.exit_date !== day || punched);
}

export interface LiveFigures {
  /** Expected today (在场). */
  on_site: number;
  /** Of them, punched at least once so far (已打卡). */
  present: number;
  /** Of them, no punch yet (未打卡). */
  absent: number;
  key_posts_required: number;
  /** Required posts whose approved holder has punched today. */
  key_posts_present: number;
}

/**
 * Today's figures of one project from its stays, who punched today, its unit types and key-post
 * holdings. Pure. `expected` lists the stays that count, for per-team and per-person views.
 */
export function liveFigures<T extends Stay & { id: number; person: number }>(input: {
  day: IsoDate;
  stays: readonly T[];
  /** Employments with at least one punch today (a Set, or the facts' punch map). */
  punched: { has(employment: number): boolean };
  unitRoles: readonly string[];
  holdings: readonly KeyPostHolding[];
}): LiveFigures & { expected: T[] } {
  const expected = input.stays.filter((stay) => expectedOn(stay, input.day, input.punched.has(stay.id)));
  const arrived = expected.filter((stay) => input.punched.has(stay.id));
  const keyPosts = keyPostPresence(input.unitRoles, input.holdings, new Set(arrived.map((stay) => stay.person)), input.day);
  return {
    expected,
    on_site: expected.length,
    present: arrived.length,
    absent: expected.length - arrived.length,
    key_posts_required: keyPosts.required,
    key_posts_present: keyPosts.present,
  };
}

/** Who an employment is, for per-team and per-person views (only loaded when asked for). */
export interface TodayPerson {
  name: string;
  team_name: string | null;
  role: string;
  trade: string;
}

/** What today's figures of some projects are computed from, read in a handful of grouped queries. */
export interface TodayFacts {
  day: IsoDate;
  /** Per project. */
  stays: Map<number, TodayStay[]>;
  punches: Map<number, TodayPunches>;
  unitRoles: Map<number, string[]>;
  holdings: Map<number, KeyPostHolding[]>;
  /** Per employment, with `{ people: true }`. */
  people: Map<number, TodayPerson>;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/**
 * Today's facts of `projectIds`: stays touching today, each employment's punches today (one grouped
 * read of the (project, punched_at) index), unit types and approved key-post holdings.
 */
export async function loadTodayFacts(knex: Knex, day: IsoDate, projectIds: readonly number[], options: { people?: boolean } = {}): Promise<TodayFacts> {
  const facts: TodayFacts = { day, stays: new Map(), punches: new Map(), unitRoles: new Map(), holdings: new Map(), people: new Map() };
  if (!projectIds.length) return facts;
  const ids = [...projectIds];
  const [stays, punches, roles, holdings] = await Promise.all([
    knex('employments')
      .select('employments.id', 'employments.project', 'employments.person', 'employments.team', 'employments.entry_date', 'employments.exit_date')
      .modify((query) => {
        if (options.people)
          query
            .join('people', 'people.id', 'employments.person')
            .leftJoin('teams', 'teams.id', 'employments.team')
            .select('employments.role', 'employments.trade', 'people.name', 'teams.name as team_name');
      })
      .whereIn('employments.project', ids)
      .andWhere('employments.entry_date', '<=', dbDate(knex, day))
      .andWhere((query) => query.whereNull('employments.exit_date').orWhere('employments.exit_date', '>=', dbDate(knex, day))),
    knex('punches')
      .select('employment')
      .count({ n: '*' })
      .min({ first: 'punched_at' })
      .max({ last: 'punched_at' })
      .whereIn('project', ids)
      .whereNotNull('employment')
      .andWhere('punched_at', '>=', dbTimestamp(knex, dayStart(day)))
      .andWhere('punched_at', '<', dbTimestamp(knex, dayStart(addDays(day, 1))))
      .groupBy('employment'),
    knex('project_units').distinct('project', 'participation').whereIn('project', ids),
    knex('key_posts').select('project', 'unit_role', 'post', 'person', 'status', 'entry_date', 'exit_date').whereIn('project', ids).whereIn('status', KEY_POST_APPROVED_STATUSES),
  ]);
  for (const row of stays as Record<string, unknown>[]) {
    push(facts.stays, Number(row['project']), {
      id: Number(row['id']),
      project: Number(row['project']),
      person: Number(row['person']),
      team: row['team'] == null ? null : Number(row['team']),
      entry_date: readDate(row['entry_date']) ?? day,
      exit_date: readDate(row['exit_date']),
    });
    if (options.people) {
      facts.people.set(Number(row['id']), {
        name: String(row['name']),
        team_name: row['team_name'] == null ? null : String(row['team_name']),
        role: String(row['role']),
        trade: String(row['trade']),
      });
    }
  }
  for (const row of punches as Record<string, unknown>[]) {
    facts.punches.set(Number(row['employment']), { count: Number(row['n']), first: readTimestamp(row['first']) ?? '', last: readTimestamp(row['last']) ?? '' });
  }
  for (const row of roles as Record<string, unknown>[]) push(facts.unitRoles, Number(row['project']), String(row['participation']));
  for (const row of holdings as Record<string, unknown>[]) push(facts.holdings, Number(row['project']), toKeyPostHolding(row, readDate));
  return facts;
}

/** One project's live figures from facts loaded for it (and maybe others). */
export function projectLiveFigures(facts: TodayFacts, projectId: number): LiveFigures & { expected: TodayStay[] } {
  return liveFigures({
    day: facts.day,
    stays: facts.stays.get(projectId) ?? [],
    punched: facts.punches,
    unitRoles: facts.unitRoles.get(projectId) ?? [],
    holdings: facts.holdings.get(projectId) ?? [],
  });
}

/** A project_days row of today from live figures. */
export function liveProjectDayRow(knex: Knex, projectId: number, day: IsoDate, figures: LiveFigures): Record<string, unknown> {
  return {
    project: projectId,
    day: dbDate(knex, day),
    on_site: figures.on_site,
    present: figures.present,
    attendance_rate: rate(figures.present, figures.on_site),
    key_posts_required: figures.key_posts_required,
    key_posts_present: figures.key_posts_present,
    key_post_rate: rate(figures.key_posts_present, figures.key_posts_required),
  };
}

/**
 * Rewrites today's `project_days` row of every approved project (or of `projectIds`) from live
 * figures, then the city's row of today (their sums, stamped with the time), in one transaction so
 * the dashboard never reads a half-refreshed day. Reads happen before it.
 */
export async function refreshToday(knex: Knex, settings: RateSettings, projectIds?: readonly number[]): Promise<number> {
  const day = localDayOf(settings.now);
  const ids = projectIds ?? (await knex('projects').select('id').where({ status: 'approved' })).map((row: { id: number }) => Number(row.id));
  const facts = await loadTodayFacts(knex, day, ids);
  const rows = ids.map((id) => liveProjectDayRow(knex, id, day, projectLiveFigures(facts, id)));
  await knex.transaction(async (trx) => {
    await bulkInsert(trx, 'project_days', rows, { conflict: ['project', 'day'], onConflict: 'merge' });
    await rollupCityDays(trx, [day], settings);
  });
  return rows.length;
}
