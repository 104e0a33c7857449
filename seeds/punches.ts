/**
 * Simulated gate punches for the demo city. Each person gets a habit (how reliably they come,
 * when they usually arrive and leave, whether they go out for lunch, whether they forget to
 * punch out); each day draws around that habit. A few people stop coming altogether, so the
 * "no punch for N days" warning has something to show, and one rainy day thins every site.
 */
import { addDays, isAfter, type IsoDate } from '../schema/rules/dates';
import type { Rng } from './random';
import type { DeviceRow, EmploymentRow, PunchDirection, PunchRow } from './rows';
import { hms, plusSeconds, shanghaiInstant, shanghaiWallTime, weekday } from './time';

export interface PunchInput {
  today: IsoDate;
  /** Days of punches, ending yesterday. */
  days: number;
  employments: readonly EmploymentRow[];
  devices: readonly DeviceRow[];
  /** How many on-site people per project stop punching 10+ days before today. */
  absentees: (projectId: number) => number;
  rng: Rng;
}

/** Verify modes as ZKTeco reports them: 15 face, 3 card (the other vendors are mapped to these). */
export const VERIFY_FACE = '15';
export const VERIFY_CARD = '3';

export interface Habit {
  /** Chance of coming on a working day; Sundays are lower. */
  reliability: number;
  arrive: number;
  leave: number;
  lunchOut: boolean;
  /** Often punches only once a day. */
  forgetful: boolean;
  usesCard: boolean;
}

/** A gate as the simulation needs it (a device row, or a device read back from the database). */
export type Gate = Pick<DeviceRow, 'id' | 'sn' | 'project' | 'protocol' | 'direction' | 'status'>;

export interface Gates<G extends Gate = Gate> {
  in: G;
  out: G;
}

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/** A normal draw kept inside [min, max] by drawing again, so no time piles up on a bound. */
function normalWithin(rng: Rng, mean: number, sd: number, min: number, max: number): number {
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const value = rng.normal(mean, sd);
    if (value >= min && value <= max) return value;
  }
  return rng.float(min, max);
}

/** A person's habit, drawn once per person. */
export function habitOf(rng: Rng, employment: Pick<EmploymentRow, 'role' | 'card_no'>): Habit {
  const manager = employment.role === 'manager';
  return {
    reliability: clamp(rng.normal(manager ? 0.9 : 0.86, 0.06), 0.6, 0.99),
    arrive: normalWithin(rng, manager ? hms(7, 55) : hms(7, 25), manager ? 600 : 1200, hms(6, 45), hms(8, 15)),
    leave: normalWithin(rng, manager ? hms(18, 15) : hms(18, 10), 1500, hms(17, 20), hms(19, 10)),
    lunchOut: rng.chance(0.2),
    forgetful: rng.chance(0.03),
    usesCard: employment.card_no !== null && rng.chance(0.3),
  };
}

/** Whether a person with `habit` comes on `day` (fewer on Sundays; `factor` thins a rainy day). */
export function comesOn(rng: Rng, habit: Habit, day: IsoDate, factor = 1): boolean {
  return rng.chance((weekday(day) === 0 ? habit.reliability * 0.7 : habit.reliability) * factor);
}

/** The verify mode of one punch: card for card users most of the time, else face. */
export function verifyOf(rng: Rng, habit: Habit): string {
  return habit.usesCard && rng.chance(0.8) ? VERIFY_CARD : VERIFY_FACE;
}

/** The times (seconds after local midnight) and directions one person punches on one day. */
export function dayPunches(rng: Rng, habit: Habit): [number, PunchDirection][] {
  const arrive = Math.floor(normalWithin(rng, habit.arrive, 600, hms(6, 30), hms(8, 30)));
  const leave = Math.floor(normalWithin(rng, habit.leave, 900, hms(17, 0), hms(19, 30)));
  const punches: [number, PunchDirection][] = [[arrive, 'in']];
  if (habit.lunchOut && rng.chance(0.7)) {
    punches.push([rng.int(hms(11, 50), hms(12, 20)), 'out'], [rng.int(hms(13, 10), hms(13, 50)), 'in']);
  }
  punches.push([leave, 'out']);
  if (habit.forgetful ? rng.chance(0.9) : rng.chance(0.04)) {
    // A single punch: usually the evening one is forgotten.
    return rng.chance(0.7) ? [[arrive, 'in']] : [[leave, 'out']];
  }
  return punches;
}

/** What the device sent, as its own protocol would: ATTLOG lines for ZKTeco, JSON for the others. */
export function rawRecord(device: Pick<DeviceRow, 'sn' | 'protocol'>, pin: string, at: string, direction: PunchDirection, verify: string): string {
  const wall = shanghaiWallTime(at);
  const face = verify === VERIFY_FACE;
  switch (device.protocol) {
    case 'zkteco':
      return [pin, wall, direction === 'in' ? '0' : '1', verify, '0', '0', '0'].join('\t');
    case 'uniubi':
      return JSON.stringify({ deviceKey: device.sn, personGuid: pin, showTime: wall, type: face ? 'face_0' : 'card_0' });
    case 'hikvision':
      return JSON.stringify({
        employeeNoString: pin,
        time: `${wall.replace(' ', 'T')}+08:00`,
        currentVerifyMode: face ? 'face' : 'card',
        major: 5,
        minor: 75,
      });
  }
}

/** The on-site people per project who stopped coming: employment id → first day without a punch. */
function chooseAbsentees(input: PunchInput, rng: Rng): Map<number, IsoDate> {
  const absent = new Map<number, IsoDate>();
  const byProject = new Map<number, EmploymentRow[]>();
  for (const employment of input.employments) {
    // Long-standing workers only, so they have punches before the gap.
    if (employment.status !== 'on_site' || employment.role !== 'worker') continue;
    if (isAfter(employment.entry_date, addDays(input.today, -40))) continue;
    const list = byProject.get(employment.project) ?? [];
    list.push(employment);
    byProject.set(employment.project, list);
  }
  for (const [projectId, list] of byProject) {
    for (const employment of rng.shuffle(list).slice(0, input.absentees(projectId))) {
      absent.set(employment.id, addDays(input.today, -rng.int(11, 25)));
    }
  }
  return absent;
}

/** Each project's active in-gate and out-gate. */
export function gatesByProject<G extends Gate>(devices: readonly G[]): Map<number, Gates<G>> {
  const gates = new Map<number, Gates<G>>();
  for (const device of devices) {
    if (device.project === null || device.status !== 'active') continue;
    const found = devices.find(
      (other) => other.project === device.project && other.direction === (device.direction === 'in' ? 'out' : 'in'),
    );
    if (device.direction === 'in' && found) gates.set(device.project, { in: device, out: found });
  }
  return gates;
}

/**
 * Punch rows for every employment on every day of the window it was on site, ordered by time
 * and numbered from 1. A device's punches after it went offline are not there (still in its memory).
 */
export function simulatePunches(input: PunchInput): PunchRow[] {
  const rng = input.rng;
  const gates = gatesByProject(input.devices);
  const absent = chooseAbsentees(input, rng.fork('absentees'));
  const yesterday = addDays(input.today, -1);
  const first = addDays(input.today, -input.days);
  const window = Array.from({ length: input.days }, (_, index) => addDays(first, index));
  const rainyDay = window[rng.int(0, window.length - 1)];
  const rows: Omit<PunchRow, 'id'>[] = [];

  for (const employment of input.employments) {
    const gate = gates.get(employment.project);
    if (!gate) continue;
    const personRng = rng.fork(`employment:${employment.id}`);
    const habit = habitOf(personRng, employment);
    const lastDay = employment.exit_date ?? yesterday;
    const stopFrom = absent.get(employment.id);
    for (const day of window) {
      if (isAfter(employment.entry_date, day) || isAfter(day, lastDay)) continue;
      if (stopFrom !== undefined && !isAfter(stopFrom, day)) continue;
      if (!comesOn(personRng, habit, day, day === rainyDay ? 0.35 : 1)) continue;
      for (const [seconds, direction] of dayPunches(personRng, habit)) {
        const device = direction === 'in' ? gate.in : gate.out;
        const punchedAt = shanghaiInstant(day, seconds);
        if (punchedAt > device.last_seen_at) continue;
        const verify = verifyOf(personRng, habit);
        rows.push({
          project: employment.project,
          device: device.id,
          employment: employment.id,
          person: employment.person,
          device_pin: employment.device_pin,
          punched_at: punchedAt,
          direction,
          verify_mode: verify,
          source: 'device',
          raw: rawRecord(device, employment.device_pin, punchedAt, direction, verify),
          dedup_key: `${device.sn}|${employment.device_pin}|${punchedAt}`,
          received_at: plusSeconds(punchedAt, personRng.int(1, 25)),
        });
      }
    }
  }

  rows.sort((a, b) =>
    a.punched_at < b.punched_at ? -1 : a.punched_at > b.punched_at ? 1 : a.dedup_key < b.dedup_key ? -1 : 1,
  );
  return rows.map((row, index) => ({ id: index + 1, ...row }));
}
