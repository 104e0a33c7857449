/**
 * Keeps the demo city current (`directus platform demo-today`, run by `npm start`): the city is
 * seeded with punches up to the day before it was loaded, so opened on a later day it looked frozen.
 * This inserts the punches of the days since, and of today up to now, as the gates would have
 * recorded them (seeds/live-day.ts: the city's own habits, so arrivals follow 06:30–08:30 and so on),
 * rolls those days up, and writes the plan of the rest of today for the demo terminals
 * (scripts/lib/demo-terminals.ts), which post it through the devices' own protocols as it happens.
 *
 * It never touches a database the demo city was not loaded into: the seed leaves a marker (a row of
 * the job table, jobs/lease.ts) and nothing happens without it.
 */
import type { Knex } from 'knex';
import { addDays, type IsoDate } from '../../../../schema/rules/dates';
import { PROJECTS } from '../../../../seeds/catalogue';
import { plannedDay, receivedAt, type LiveGate, type LivePerson, type PlannedPunch } from '../../../../seeds/live-day';
import { dayStart, daysFromTo, localDayOf, maxDay } from '../attendance/local-days';
import { runAttendanceRollup } from '../attendance/run-rollup';
import type { PlatformConfig } from '../config';
import { bulkInsert } from '../db/bulk-insert';
import { dbTimestamp, readDate, readTimestamp, toDbRow } from '../db/values';
import { ensureJobTable, JOB_TABLE, readJobState } from '../jobs/lease';

/** The job-table row the seed writes when it loads the demo city. */
export const DEMO_MARKER = 'demo-city';

/** Days a catch-up reaches back at most (the seeded history is 35 days). */
const MAX_CATCH_UP_DAYS = 35;
/** Someone on site without a punch for this many days before the catch-up has stopped coming (the long-absence warning keeps its cases). */
const STOPPED_DAYS = 7;

export interface DemoMarker {
  /** When the city was loaded (UTC ISO). */
  loadedAt: string;
  /** Up to when the gates' punches have been brought (UTC ISO): the seed's punches end the day before it was loaded. */
  filledThrough: string;
}

/** Writes the marker: the demo city is in this database, its punches run up to `filledThrough`. */
export async function writeDemoMarker(knex: Knex, marker: DemoMarker): Promise<void> {
  await ensureJobTable(knex);
  const state = JSON.stringify(marker);
  await knex(JOB_TABLE).insert({ name: DEMO_MARKER, holder: null, lease_until: null, state }).onConflict('name').merge({ state });
}

/** The marker, or null when the demo city was never loaded here. */
export async function readDemoMarker(knex: Knex): Promise<DemoMarker | null> {
  const state = await readJobState(knex, DEMO_MARKER);
  return typeof state['loadedAt'] === 'string' && typeof state['filledThrough'] === 'string' ? { loadedAt: state['loadedAt'], filledThrough: state['filledThrough'] } : null;
}

/** A demo terminal: a gate of the demo city. */
export interface DemoGate {
  sn: string;
  protocol: LiveGate['protocol'];
  direction: LiveGate['direction'];
  project: number;
  offline: boolean;
}

/** What the demo terminals post while `npm start` runs, for the rest of `day`. */
export interface DemoPlan {
  day: IsoDate;
  /** When the plan was made (UTC ISO): punches after it are still to come. */
  madeAt: string;
  gates: DemoGate[];
  /** The rest of the day's timetable, in time order. */
  punches: Pick<PlannedPunch, 'at' | 'sn' | 'pin' | 'direction' | 'verify'>[];
  /** People expected today with no punch yet and none planned: they arrive late, one now and then, through their in-gate. */
  stragglers: { sn: string; pin: string }[];
}

export interface DemoReport {
  days: number;
  inserted: number;
  plan: DemoPlan;
}

/** The demo city's gates as stored (the catalogue's serial numbers), with the catalogue's offline flag. */
async function demoGates(knex: Knex): Promise<(LiveGate & { project: number })[]> {
  const specs = new Map(PROJECTS.flatMap((project) => project.devices).map((spec) => [spec.sn, spec]));
  const rows: Record<string, unknown>[] = await knex('devices').select('id', 'sn', 'project', 'protocol', 'direction', 'status').whereIn('sn', [...specs.keys()]).whereNotNull('project');
  return rows.map((row) => ({
    id: Number(row['id']),
    sn: String(row['sn']),
    project: Number(row['project']),
    protocol: row['protocol'] as LiveGate['protocol'],
    direction: row['direction'] as LiveGate['direction'],
    status: row['status'] as LiveGate['status'],
    offline: specs.get(String(row['sn']))?.offline === true,
  }));
}

async function demoPeople(knex: Knex, projectIds: readonly number[]): Promise<LivePerson[]> {
  const rows: Record<string, unknown>[] = await knex('employments')
    .select('id', 'project', 'person', 'role', 'card_no', 'device_pin', 'entry_date', 'exit_date')
    .whereIn('project', [...projectIds])
    .whereNotNull('device_pin');
  return rows.map((row) => ({
    id: Number(row['id']),
    project: Number(row['project']),
    person: Number(row['person']),
    role: row['role'] as LivePerson['role'],
    card_no: row['card_no'] == null ? null : String(row['card_no']),
    device_pin: String(row['device_pin']),
    entry_date: readDate(row['entry_date']) ?? '9999-12-31',
    exit_date: readDate(row['exit_date']),
  }));
}

/** Employments whose last punch is more than STOPPED_DAYS before `day`: they stopped coming. */
async function stoppedComing(knex: Knex, projectIds: readonly number[], day: IsoDate): Promise<Set<number>> {
  const rows: Record<string, unknown>[] = await knex('punches').select('employment').max({ last: 'punched_at' }).whereIn('project', [...projectIds]).whereNotNull('employment').groupBy('employment');
  const cutoff = dayStart(addDays(day, -STOPPED_DAYS)).toISOString();
  return new Set(rows.filter((row) => (readTimestamp(row['last']) ?? '') < cutoff).map((row) => Number(row['employment'])));
}

/** The newest punch the demo gates have recorded (the terminals post in time order). */
async function newestGatePunch(knex: Knex, deviceIds: readonly number[]): Promise<string | null> {
  const row = await knex('punches').max({ newest: 'punched_at' }).whereIn('device', [...deviceIds]).first();
  return readTimestamp(row?.['newest']);
}

/**
 * Brings the demo city up to `now` and plans the rest of today; null when this database has no demo
 * city. Idempotent: punches are keyed as the devices key them (`<serial>|<PIN>|<instant>`) and start
 * after the newest one the gates already have.
 */
export async function bringDemoUpToNow(knex: Knex, config: PlatformConfig, now: Date, log: (line: string) => void = () => undefined): Promise<DemoReport | null> {
  const marker = await readDemoMarker(knex);
  if (!marker) return null;
  const nowIso = now.toISOString();
  const today = localDayOf(now);
  const gates = await demoGates(knex);
  const projectIds = [...new Set(gates.map((gate) => gate.project))];
  const people = await demoPeople(knex, projectIds);

  const newest = await newestGatePunch(knex, gates.map((gate) => gate.id));
  const since = [marker.filledThrough, newest ?? ''].sort().at(-1)!;
  const firstDay = maxDay(localDayOf(since), addDays(today, -(MAX_CATCH_UP_DAYS - 1)));
  const absent = await stoppedComing(knex, projectIds, firstDay);

  const rows: Record<string, unknown>[] = [];
  const days = since < nowIso ? daysFromTo(firstDay, today) : [];
  for (const day of days) {
    for (const punch of plannedDay(day, people, gates, absent)) {
      if (punch.at <= since || punch.at > nowIso) continue;
      rows.push(
        toDbRow(knex, 'punches', {
          project: punch.project,
          device: punch.device,
          employment: punch.employment,
          person: punch.person,
          device_pin: punch.pin,
          punched_at: punch.at,
          direction: punch.direction,
          verify_mode: punch.verify,
          source: 'device',
          raw: punch.raw,
          dedup_key: `${punch.sn}|${punch.pin}|${punch.at}`,
          received_at: receivedAt(punch, nowIso),
        }),
      );
    }
  }
  await knex.transaction(async (trx) => {
    await bulkInsert(trx, 'punches', rows, { conflict: ['dedup_key'], onConflict: 'ignore' });
    await writeDemoMarker(trx, { ...marker, filledThrough: nowIso });
  });
  if (rows.length) await runAttendanceRollup(knex, config, { now, from: days[0]! }, { waitMs: 60_000, log });
  log(`demo city: ${rows.length} punches of ${days.length} day(s) brought up to ${nowIso}`);

  // The rest of today, and who has not come yet.
  const todays = plannedDay(today, people, gates, absent);
  const later = todays.filter((punch) => punch.at > nowIso);
  const punchedToday: { employment: number }[] = await knex('punches')
    .distinct('employment')
    .whereIn('project', projectIds)
    .whereNotNull('employment')
    .andWhere('punched_at', '>=', dbTimestamp(knex, dayStart(today)));
  const punched = new Set(punchedToday.map((row) => Number(row.employment)));
  const planned = new Set(later.map((punch) => punch.employment));
  const inGate = new Map(gates.filter((gate) => gate.direction === 'in' && !gate.offline).map((gate) => [gate.project, gate.sn]));
  const stragglers = people
    .filter((person) => person.entry_date <= today && (person.exit_date === null || person.exit_date > today))
    .filter((person) => !absent.has(person.id) && !punched.has(person.id) && !planned.has(person.id) && inGate.has(person.project))
    .map((person) => ({ sn: inGate.get(person.project)!, pin: person.device_pin }));
  return {
    days: days.length,
    inserted: rows.length,
    plan: {
      day: today,
      madeAt: nowIso,
      gates: gates.map(({ sn, protocol, direction, project, offline }) => ({ sn, protocol, direction, project, offline })),
      punches: later.map(({ at, sn, pin, direction, verify }) => ({ at, sn, pin, direction, verify })),
      stragglers,
    },
  };
}
